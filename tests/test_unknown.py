"""The answer "not sure" (`unknown`): read from every source, scored conservatively, never a
red flag or a met gate, less confidence, shown as something to find out.

Questions are picked from the content by kind and role (scored, context, text), so the tests
hold for whatever questions the content has.
"""

from __future__ import annotations

import io
import json
import random
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from founder_check import Content, load_content
from founder_check.base.errors import AnswersError
from founder_check.base.json_text import compact
from founder_check.base.readers import parse_yaml
from founder_check.cohort.inputs import Item, discover, iter_items, read_answers
from founder_check.cohort.mapping import CsvMapping, load_mapping, mapping_skeleton
from founder_check.content.models import UNKNOWN, Option, Question, Text
from founder_check.report.markdown import view_markdown
from founder_check.report.template import answers_template
from founder_check.report.terminal import render
from founder_check.report.view import build_view
from founder_check.scoring.answers import Answers, load_answers, parse_answers
from founder_check.scoring.conditions import applies, questions_in
from founder_check.scoring.engine import score
from founder_check.scoring.schemas import answers_schema, scorecard_schema
from founder_check.scoring.scorecard import Scorecard
from founder_check.scoring.valuation import (
    WEAK_VALUE,
    answer_label,
    answer_value,
    label_function,
    possible_values,
    unknown_value,
    value_function,
)
from tests.answer_factory import answers_data
from tests.cohort_helpers import invoke, read_csv, read_json, write_answers, write_csv

CONTENT = load_content()
STAGES = [stage.id for stage in CONTENT.stages]
CONFIDENCE_RANK = {"none": 0, "low": 1, "medium": 2, "high": 3}
FIXTURE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "interview_content"
PROPERTY = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _context_ids(content: Content) -> set[str]:
    """Questions some `when` looks at: they decide what is asked, so they are never scored."""
    return {
        q for question in content.questions if question.when for q in questions_in(question.when)
    }


def _scored(content: Content, kind: str | None = None) -> Question:
    """The first always-asked scored question (of a kind)."""
    for question in content.questions:
        always = question.when is None and question.from_stage is None
        if question.scored and always and kind in (None, question.kind):
            return question
    raise LookupError(kind)


def _best_data(content: Content, **overrides: Any) -> dict[str, Any]:
    return answers_data(content, pick="best", overrides=overrides)


def _card(answers: Answers, **kwargs: Any) -> Scorecard:
    return score(CONTENT, answers, generated_at="2026-01-01T00:00:00+00:00", **kwargs)


def _without(answers: Answers, question_id: str) -> Answers:
    values = {k: v for k, v in answers.values.items() if k != question_id}
    return Answers(stage=answers.stage, values=values, skipped=answers.skipped)


def _with(answers: Answers, question_id: str, value: Any) -> Answers:
    return Answers(stage=answers.stage, values={**answers.values, question_id: value})


# -- reading: answers files, CSV cells, and who may answer "not sure" ---------------------


@pytest.mark.parametrize("kind", ["single", "multi", "scale", "number", "yesno"])
@pytest.mark.parametrize("written", ["unknown", "Unknown", " UNKNOWN ", "不确定"])
def test_every_scored_kind_reads_unknown_from_yaml(kind: str, written: str) -> None:
    question = _scored(CONTENT, kind)
    text = "answers:\n" + "".join(
        f"  {key}: {json.dumps(value, ensure_ascii=False)}\n"
        for key, value in _best_data(CONTENT, **{question.id: written})["answers"].items()
    )
    answers = parse_answers(parse_yaml(text, "a.yaml"), CONTENT, source="a.yaml")
    assert answers.values[question.id] == UNKNOWN


def test_json_and_multi_lists_read_unknown(tmp_path: Path) -> None:
    multi = _scored(CONTENT, "multi")
    number = _scored(CONTENT, "number")
    data = _best_data(CONTENT, **{multi.id: ["unknown"], number.id: "unknown"})
    path = write_answers(tmp_path / "a.json", data)
    answers = load_answers(path, CONTENT)
    assert answers.values[multi.id] == UNKNOWN and answers.values[number.id] == UNKNOWN


def test_unknown_is_written_back_as_unknown(tmp_path: Path) -> None:
    multi, single = _scored(CONTENT, "multi"), _scored(CONTENT, "single")
    data = _best_data(CONTENT, **{multi.id: "unknown", single.id: "不确定"})
    answers = parse_answers(data, CONTENT)
    written = answers.to_file_data()["answers"]
    assert written[multi.id] == "unknown" and written[single.id] == "unknown"
    again = load_answers(write_answers(tmp_path / "b.yaml", answers.to_file_data()), CONTENT)
    assert again.values == answers.values


def test_unknown_cannot_be_ticked_with_other_options() -> None:
    multi = _scored(CONTENT, "multi")
    first = next(o.id for o in multi.options if not o.exclusive)
    data = _best_data(CONTENT, **{multi.id: [first, "unknown"]})
    with pytest.raises(AnswersError) as caught:
        parse_answers(data, CONTENT, source="a.yaml")
    assert "'unknown' (not sure) cannot be combined with other options" in str(caught.value)


def _problem_for(question: Question) -> str:
    text = "\n".join(
        ["answers:"]
        + [
            f"  {key}: {json.dumps('unknown' if key == question.id else value)}"
            for key, value in _best_data(CONTENT)["answers"].items()
        ]
    )
    with pytest.raises(AnswersError) as caught:
        parse_answers(parse_yaml(text, "a.yaml"), CONTENT, source="a.yaml")
    problems = [str(p) for p in caught.value.problems]
    assert len(problems) == 1, problems
    line = text.splitlines().index(f'  {question.id}: "unknown"') + 1
    assert problems[0].startswith(f"a.yaml:{line}: answers.{question.id}: 'unknown' ")
    return problems[0]


def test_context_questions_refuse_unknown_naming_file_key_and_expectation() -> None:
    context = [CONTENT.question_by_id[q] for q in sorted(_context_ids(CONTENT))]
    assert context, "the content has context questions"
    for question in context:
        if question.id not in _best_data(CONTENT)["answers"]:
            continue
        problem = _problem_for(question)
        assert "only for scored questions" in problem and "expected " in problem


def test_text_questions_refuse_unknown() -> None:
    text_question = next(q for q in CONTENT.questions if q.kind == "text")
    assert "free-text question does not take" in _problem_for(text_question)


def test_csv_cells_read_unknown_ids_labels_and_chinese(tmp_path: Path) -> None:
    kinds = ["single", "multi", "scale", "number", "yesno"]
    questions = [_scored(CONTENT, kind) for kind in kinds]
    cells = ["unknown", "Not sure", "不确定", "UNKNOWN", "not sure"]
    data = _best_data(CONTENT)
    data["answers"].update({q.id: cell for q, cell in zip(questions, cells, strict=True)})
    path = write_csv(tmp_path / "c.csv", CONTENT, [data])
    items = list(iter_items(discover([path]), CONTENT, CsvMapping()))
    assert len(items) == 1 and isinstance(items[0], Item)
    answers = read_answers(items[0], CONTENT)
    assert all(answers.values[q.id] == UNKNOWN for q in questions)


def test_the_mapping_skeleton_maps_not_sure_for_scored_questions(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(mapping_skeleton(CONTENT, "zh"), encoding="utf-8")
    mapping = load_mapping(path, CONTENT)
    for question in CONTENT.questions:
        labels = mapping.labels.get(question.id, {})
        assert (labels.get("不确定") == UNKNOWN) is question.scored, question.id


def test_an_option_id_unknown_is_refused_by_the_content(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="reserved"):
        Option(id="unknown", label=Text(en="x", zh="x"), value=0.5)
    broken = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, broken)
    details = broken / "questionnaires" / "details.yaml"
    text = details.read_text(encoding="utf-8")
    details.write_text(text.replace("id: one_segment", "id: unknown"), encoding="utf-8")
    result = invoke("content", "check", str(broken))
    assert result.exit_code == 1
    assert re.search(r"details\.yaml:\d+: .*'unknown' is reserved", result.stderr + result.stdout)


def test_template_and_answers_schema_offer_unknown_for_scored_questions() -> None:
    scored = sum(q.scored for q in CONTENT.questions)
    assert answers_template(CONTENT, "en").count("not sure? write unknown") == scored
    assert answers_template(CONTENT, "zh").count("不确定？填写 unknown") == scored
    schema = answers_schema(CONTENT)["properties"]["answers"]["properties"]
    for question in CONTENT.questions:
        validator = jsonschema.Draft202012Validator(schema[question.id])
        if question.kind != "text":  # free text is any string to the schema
            assert validator.is_valid("unknown") is question.scored, question.id


# -- value: never better than a weak answer -----------------------------------------------


def test_unknown_is_never_worth_more_than_a_weak_answer() -> None:
    scored = [q for q in CONTENT.questions if q.scored]
    assert scored
    for question in scored:
        values = possible_values(question)
        value = unknown_value(question)
        assert value <= WEAK_VALUE, question.id
        weak = values[1] if len(values) > 1 else values[0]
        assert value <= weak, question.id
        assert answer_value(question, UNKNOWN) == value == value_function(question)(UNKNOWN)
        assert answer_label(question, UNKNOWN, "en") == "Not sure"
        assert label_function(question, "zh")(UNKNOWN) == "不确定"


def test_possible_values_by_kind() -> None:
    multi = _scored(CONTENT, "multi")
    assert 0.0 in possible_values(multi)
    number = _scored(CONTENT, "number")
    assert possible_values(number) == sorted({band.value for band in number.bands})


# -- scoring: status, traceability, coverage, gaps and to-find-out ------------------------


def test_scorecard_lists_unknown_answers_to_find_out_not_as_gaps() -> None:
    worst = parse_answers(answers_data(CONTENT, pick="worst"), CONTENT)
    scored = [q for q in CONTENT.questions if q.scored and q.id in worst.values]
    chosen = [scored[0].id, scored[len(scored) // 2].id, scored[-1].id]
    answers = Answers(stage="seed", values={**worst.values, **dict.fromkeys(chosen, UNKNOWN)})
    card = _card(answers)
    results = {r.id: r for r in card.questions}
    expected = [q.id for q in CONTENT.questions if q.id in chosen]
    for question_id in chosen:
        question = CONTENT.question_by_id[question_id]
        result = results[question_id]
        if result.status == "not_expected":
            expected.remove(question_id)
            continue
        assert result.status == "unknown" and result.answer == "unknown"
        assert result.value == unknown_value(question)
        assert set(result.contributions) == set(question.factors)
    assert [entry.question for entry in card.to_find_out] == expected
    assert card.coverage.unknown == expected
    assert not {gap.question for gap in card.gaps} & set(chosen)
    assert not {s.question for s in card.strengths} & set(chosen)
    for entry in card.to_find_out:
        assert entry.text == CONTENT.question_by_id[entry.question].text.en
        assert all(ref in card.chapters for ref in entry.chapters)
    for factor in card.factors:
        total = sum(r.contributions.get(factor.id, 0.0) for r in card.questions)
        assert factor.score is None or abs(total - factor.score) < 0.06


def test_scorecards_with_unknown_answers_validate_against_the_schema() -> None:
    data = _best_data(CONTENT, **{q.id: "unknown" for q in CONTENT.questions if q.scored})
    card = _card(parse_answers(data, CONTENT), lang="zh")
    assert card.to_find_out and card.coverage.confidence in ("low", "none")
    assert card.coverage.answered == 0 and card.red_flags == []
    jsonschema.validate(json.loads(compact(card)), scorecard_schema())


# -- red flags, gates, confidence (property tests) -----------------------------------------


def test_unknown_never_triggers_a_flag_by_itself() -> None:
    """From the strongest answers (no flag), no single "not sure" raises any flag."""
    best = parse_answers(_best_data(CONTENT), CONTENT)
    for stage in STAGES:
        assert _card(best, stage=stage).red_flags == []
        for question in CONTENT.questions:
            if question.scored and question.id in best.values:
                card = _card(_with(best, question.id, UNKNOWN), stage=stage)
                assert card.red_flags == [], (stage, question.id)


def test_not_conditions_do_not_hold_on_unknown() -> None:
    """A rule `not: <test on q>` would hold on a missing answer; on "not sure" it does not."""
    for flag in CONTENT.red_flags:
        for node in flag.when.walk():
            if node.not_ is None:
                continue
            for question_id in questions_in(node.not_):
                assert not applies(node, {question_id: UNKNOWN}, content=CONTENT)


@st.composite
def profile_and_question(draw: Any) -> tuple[Answers, str, str]:
    """Random valid answers, a stage, and one scored question they answer."""
    seed = draw(st.integers(0, 2**32 - 1))
    data = answers_data(
        CONTENT,
        pick="random",
        rng=random.Random(seed),
        skip_optional=draw(st.booleans()),
    )
    answers = parse_answers(data, CONTENT)
    scored = [q.id for q in CONTENT.questions if q.scored and q.id in answers.values]
    question_id = draw(st.sampled_from(scored))
    return answers, question_id, draw(st.sampled_from(STAGES))


@PROPERTY
@given(profile_and_question())
def test_unknown_adds_no_red_flag_compared_with_leaving_it_out(
    case: tuple[Answers, str, str],
) -> None:
    answers, question_id, stage = case
    unknown = _card(_with(answers, question_id, UNKNOWN), stage=stage)
    omitted = _card(_without(answers, question_id), stage=stage)
    assert {hit.id for hit in unknown.red_flags} <= {hit.id for hit in omitted.red_flags}
    for hit in unknown.red_flags:
        assert question_id not in {e.question for e in hit.evidence}


@PROPERTY
@given(profile_and_question())
def test_unknown_never_meets_a_gate_requirement(case: tuple[Answers, str, str]) -> None:
    """A must-have that holds with "not sure" holds whatever the real answer is: the unknown
    never helps; one that tests the question directly never holds."""
    answers, question_id, stage = case
    question = CONTENT.question_by_id[question_id]
    values = {**answers.values, question_id: UNKNOWN}
    card = _card(Answers(stage=answers.stage, values=values), stage=stage)
    scores = {factor.id: factor.score for factor in card.factors}

    def met(answer: Any) -> bool:
        given_values = {**values, question_id: answer}
        return applies(
            requirement, given_values, content=CONTENT, factor_scores=scores, stage=stage
        )

    for level in CONTENT.levels:
        for must_have in level.requires:
            requirement = must_have.when
            if question_id not in questions_in(requirement):
                continue
            if met(UNKNOWN):
                assert all(met(answer) for answer in _real_answers(question)), level.id
            assert not (requirement.question == question_id and met(UNKNOWN)), level.id
    omitted = _card(_without(answers, question_id), stage=stage)
    ranks = {level.id: rank for rank, level in enumerate(CONTENT.levels)}
    assert ranks[card.gate_level.id] <= ranks[omitted.gate_level.id]


def _real_answers(question: Question) -> list[Any]:
    """Typed answers covering every value the question can give (every band of a number)."""
    if question.kind == "number":
        return [band.from_ for band in question.bands] + [question.max]
    if question.kind == "multi":
        return [(option.id,) for option in question.options] + [()]
    if question.kind == "yesno":
        return [True, False]
    if question.kind == "scale":
        return [int(point) for point, _ in question.choices()]
    return [option.id for option in question.options]


@PROPERTY
@given(profile_and_question(), st.data())
def test_confidence_with_unknowns_is_never_higher(
    case: tuple[Answers, str, str], data: Any
) -> None:
    answers, first, stage = case
    scored = [q.id for q in CONTENT.questions if q.scored and q.id in answers.values]
    chosen = {first, *data.draw(st.lists(st.sampled_from(scored), max_size=8))}
    unsure = Answers(
        stage=answers.stage,
        values={k: (UNKNOWN if k in chosen else v) for k, v in answers.values.items()},
    )
    sure, not_sure = _card(answers, stage=stage), _card(unsure, stage=stage)
    assert (
        CONFIDENCE_RANK[not_sure.coverage.confidence] <= CONFIDENCE_RANK[sure.coverage.confidence]
    )
    assert not_sure.coverage.weighted <= sure.coverage.weighted
    counted = [q for q in chosen if q in sure.coverage.unknown or q in not_sure.coverage.unknown]
    assert sure.coverage.answered - not_sure.coverage.answered == len(counted)


@PROPERTY
@given(profile_and_question())
def test_a_real_answer_worth_more_than_unknown_never_lowers_the_score(
    case: tuple[Answers, str, str],
) -> None:
    answers, question_id, stage = case
    question = CONTENT.question_by_id[question_id]
    real = answers.values[question_id]
    unknown = _card(_with(answers, question_id, UNKNOWN), stage=stage)
    answered = _card(answers, stage=stage)
    revealed = {hit.id for hit in answered.red_flags} - {hit.id for hit in unknown.red_flags}
    if answer_value(question, real) >= unknown_value(question):
        # the weighted mean never drops; only a red flag the real answer reveals costs points
        assert _mean(answered) >= _mean(unknown) - 0.1
        if not revealed:
            assert answered.overall >= unknown.overall
    else:
        assert answered.overall <= unknown.overall


def _mean(card: Scorecard) -> float:
    """The weighted mean of the factor scores: the overall before the red flags' points."""
    return card.overall - card.red_flag_points


# -- reports: a "To find out" section, no ids ---------------------------------------------


def _unsure_card(lang: str) -> Scorecard:
    best = parse_answers(_best_data(CONTENT), CONTENT)
    chosen = [q.id for q in CONTENT.questions if q.scored and q.id in best.values][:3]
    answers = Answers(stage="seed", values={**best.values, **dict.fromkeys(chosen, UNKNOWN)})
    return _card(answers, lang=lang)


def _assert_no_ids(text: str) -> None:
    for question in CONTENT.questions:
        assert question.id not in text, question.id


@pytest.mark.parametrize(("lang", "title"), [("en", "To find out"), ("zh", "有待确认")])
def test_terminal_report_lists_what_to_find_out_without_ids(lang: str, title: str) -> None:
    card = _unsure_card(lang)
    buffer = io.StringIO()
    render(build_view(card, CONTENT), Console(file=buffer, width=100, color_system=None))
    report = buffer.getvalue()
    start = report.index(title)
    section = report[start : report.index("╰", start)]
    for entry in card.to_find_out:
        words = entry.text.split()[:3] if lang == "en" else [entry.text[:6]]
        assert all(word in section for word in words)
    _assert_no_ids(section)
    assert ("Not sure" if lang == "en" else "不确定") in section
    if card.gaps:
        assert report.index(title) > report.index("Biggest gaps" if lang == "en" else "最大差距")
    unknown = len(card.coverage.unknown)
    assert (f"and {unknown} not sure" if lang == "en" else f"{unknown} 题不确定") in report


@pytest.mark.parametrize(("lang", "title"), [("en", "To find out"), ("zh", "有待确认")])
def test_markdown_report_lists_what_to_find_out_without_ids(lang: str, title: str) -> None:
    card = _unsure_card(lang)
    markdown = view_markdown(build_view(card, CONTENT))
    start = markdown.index(f"## {title}")
    section = markdown[start : markdown.index("\n## ", start + 3)]
    for rank, entry in enumerate(card.to_find_out, start=1):
        assert f"{rank}. **{entry.text}**" in section
        for ref in entry.chapters:
            assert card.chapters[ref].title in section  # chapters by title, not number
    _assert_no_ids(section)
    gaps = "## Biggest gaps" if lang == "en" else "## 最大差距"
    assert markdown.index(gaps) < start


def test_reports_without_unknowns_have_no_to_find_out_section() -> None:
    card = _card(parse_answers(_best_data(CONTENT), CONTENT))
    buffer = io.StringIO()
    render(build_view(card, CONTENT), Console(file=buffer, width=100, color_system=None))
    assert "To find out" not in buffer.getvalue()
    assert "To find out" not in view_markdown(build_view(card, CONTENT))


# -- cohort: unknowns in files and CSV rows ------------------------------------------------


def test_cohort_scores_founders_with_unknown_answers(tmp_path: Path) -> None:
    scored = [q for q in CONTENT.questions if q.scored and q.when is None and not q.from_stage]
    inputs = tmp_path / "in"
    for number in range(3):
        unsure = {q.id: "unknown" for q in scored[number::3]}
        data = answers_data(CONTENT, rng=random.Random(number), overrides=unsure)
        data["founder"] = f"Founder {number}"
        write_answers(inputs / f"f{number}.{'json' if number else 'yaml'}", data)
    row = answers_data(CONTENT, rng=random.Random(9), overrides={scored[0].id: "Not sure"})
    row["founder"] = "Row founder"
    form = write_csv(tmp_path / "form.csv", CONTENT, [row])  # a folder holds answers files
    out = tmp_path / "out"
    result = invoke("cohort", str(inputs), str(form), "--out", str(out))
    assert result.exit_code == 0, result.stdout + result.stderr
    report = read_json(out / "cohort.json")
    assert report["counts"]["scored"] == 4 and report["counts"]["rejected"] == 0
    jsonschema.validate(report, json.loads(invoke("schema", "cohort").stdout))
    schema = json.loads(invoke("schema", "cohort-scorecard").stdout)
    unknowns = []
    for path in sorted((out / "scorecards").glob("*.json")):
        card = read_json(path)
        jsonschema.validate(card, schema)
        unknowns.append(len(card["to_find_out"]))  # compact: the "not sure" answers, by id
        statuses = {state[0] for state in card["questions"].values()}
        assert ("unknown" in statuses) is bool(card["to_find_out"])
        assert all(card["answers"][q] == "unknown" for q in card["to_find_out"])
    assert sorted(unknowns) == sorted([len(scored[0::3]), len(scored[1::3]), len(scored[2::3]), 1])
    assert len(read_csv(out / "cohort.csv")) == 4


def test_explain_shows_what_not_sure_is_worth() -> None:
    from founder_check.report.explain.lookup import explain

    scored = _scored(CONTENT)
    data = explain(CONTENT, scored.id, lang="zh")
    assert data["answers"]["unknown"] == {"label": "不确定", "value": unknown_value(scored)}
    context = sorted(_context_ids(CONTENT))[0]
    assert "unknown" not in explain(CONTENT, context)["answers"]
