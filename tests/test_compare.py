"""Progress between assessments: the core comparison, reading scorecards back, the command.

The rule every comparison keeps: the points of the changed answers, plus the stage change's,
add up to the change of the overall score (each score rounded as the scorecard rounds it).
"""

from __future__ import annotations

import io
import itertools
import json
import random
import re
import stat
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from founder_check import load_content
from founder_check.base import json_text
from founder_check.base.errors import FounderCheckError
from founder_check.content.models import UNKNOWN, Content, Lang
from founder_check.report.progress import MAX_ANSWER, render_comparison
from founder_check.scoring.answers import Answers, load_answers, parse_answers
from founder_check.scoring.assessment_file import answers_from_scorecard, load_assessment
from founder_check.scoring.compare import Comparison, compare
from founder_check.scoring.engine import score
from tests.answer_factory import answers_data
from tests.conftest import run_cli

CONTENT = load_content()
CASES_DIR = Path(__file__).parent / "cases"
CASES = sorted(CASES_DIR.glob("*.yaml"))
CASES = [path for path in CASES if path.name != "cases.yaml"]
STAGES = [stage.id for stage in CONTENT.stages]
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def effects_total(comparison: Comparison) -> float:
    """The overall change as the changes and the stage change explain it."""
    return round(sum(c.points for c in comparison.changes) + comparison.stage.points, 1)


def as_set(value: Any) -> Any:
    """A multiple choice's options in any order are one answer."""
    return frozenset(value) if isinstance(value, tuple) else value


def random_answers(seed: int, stage: str | None, unknown_share: float = 0.0) -> Answers:
    """A valid answers file's answers, a few scored answers "not sure"."""
    rng = random.Random(seed)
    unsure = {
        q.id: UNKNOWN
        for q in CONTENT.questions
        if q.scored and q.kind != "text" and rng.random() < unknown_share
    }
    data = answers_data(
        CONTENT, stage=stage, rng=rng, skip_optional=rng.random() < 0.3, overrides=unsure
    )
    return parse_answers(data, CONTENT)


def write_scorecard(path: Path, answers: Answers, lang: Lang = "en") -> Path:
    card = score(CONTENT, answers, lang=lang, generated_at="2026-05-01T09:00:00+00:00")
    path.write_text(json_text.indented(card), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new"),
    [pytest.param(a, b, id=f"{a.stem}->{b.stem}") for a, b in itertools.pairwise(CASES)]
    + [pytest.param(CASES[-1], CASES[0], id=f"{CASES[-1].stem}->{CASES[0].stem}")],
)
def test_effects_add_up_for_case_pairs(old: Path, new: Path) -> None:
    before, after = load_answers(old, CONTENT), load_answers(new, CONTENT)
    comparison = compare(CONTENT, before, after)
    old_card, new_card = score(CONTENT, before), score(CONTENT, after)
    assert comparison.overall.old == old_card.overall
    assert comparison.overall.new == new_card.overall
    assert comparison.overall.delta == pytest.approx(new_card.overall - old_card.overall, abs=1e-9)
    assert effects_total(comparison) == pytest.approx(comparison.overall.delta, abs=1e-9)
    changed = {c.question for c in comparison.changes}
    for question in CONTENT.questions:
        differs = as_set(before.values.get(question.id)) != as_set(after.values.get(question.id))
        assert (question.id in changed) == differs, question.id
    if new_card.stage.id == old_card.stage.id:
        assert comparison.stage.points == 0.0


def test_case_pairs_cover_a_stage_change() -> None:
    stages = {load_answers(path, CONTENT).stage for path in CASES}
    assert len(stages) > 1, "the case pairs must exercise the stage-change effect"


@SETTINGS
@given(
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    st.sampled_from([None, *STAGES]),
    st.sampled_from([None, *STAGES]),
)
def test_effects_add_up_for_random_profiles(
    old_seed: int, new_seed: int, old_stage: str | None, new_stage: str | None
) -> None:
    old = random_answers(old_seed, old_stage, unknown_share=0.1)
    new = random_answers(new_seed, new_stage, unknown_share=0.1)
    comparison = compare(CONTENT, old, new)
    assert effects_total(comparison) == pytest.approx(comparison.overall.delta, abs=1e-9)
    assert comparison.overall.new == score(CONTENT, new).overall
    old_flags = {hit.id for hit in score(CONTENT, old).red_flags}
    new_flags = {hit.id for hit in score(CONTENT, new).red_flags}
    assert set(comparison.flags_raised) == new_flags - old_flags
    assert set(comparison.flags_cleared) == old_flags - new_flags


@SETTINGS
@given(st.integers(0, 10**6), st.sampled_from([None, *STAGES]))
def test_identical_answers_give_no_change(seed: int, stage: str | None) -> None:
    answers = random_answers(seed, stage, unknown_share=0.1)
    comparison = compare(CONTENT, answers, answers)
    assert comparison.changes == []
    assert comparison.overall.delta == 0.0 and comparison.stage.points == 0.0
    assert comparison.level.old == comparison.level.new
    assert comparison.flags_raised == [] and comparison.flags_cleared == []
    assert all(f.delta in (0.0, None) for f in comparison.factors)


@SETTINGS
@given(st.integers(0, 10**6), st.sampled_from([None, *STAGES]))
def test_a_scorecard_holds_the_answers_it_was_made_from(seed: int, stage: str | None) -> None:
    answers = random_answers(seed, stage, unknown_share=0.1)
    card = json.loads(json_text.indented(score(CONTENT, answers)))
    again = answers_from_scorecard(card, CONTENT, "card.json")
    assert again.values == answers.values
    assert again.stage == answers.stage
    assert compare(CONTENT, answers, again).changes == []


def test_a_scorecard_and_its_answers_file_compare_equal(
    tmp_path: Path, example_answers: Path
) -> None:
    answers = load_answers(example_answers, CONTENT)
    card = write_scorecard(tmp_path / "card.json", answers, lang="zh")
    from_card = load_assessment(card, CONTENT)
    assert (from_card.founder, from_card.company) == (answers.founder, answers.company)
    for old, new in ((from_card, answers), (answers, from_card)):
        comparison = compare(CONTENT, old, new)
        assert comparison.changes == []
        assert comparison.overall.delta == 0.0
        assert comparison.level.old == comparison.level.new
        assert comparison.flags_raised == comparison.flags_cleared == []


def test_a_scorecard_without_a_date_takes_the_day_it_was_generated(
    tmp_path: Path, example_answers: Path
) -> None:
    path = write_scorecard(tmp_path / "card.json", load_answers(example_answers, CONTENT))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert load_assessment(path, CONTENT).date is not None
    del data["date"]  # a scorecard written before scorecards were dated
    path.write_text(json.dumps(data), encoding="utf-8")
    assert str(load_assessment(path, CONTENT).date) == "2026-05-01"


def test_a_scorecard_of_other_content_is_refused(tmp_path: Path, example_answers: Path) -> None:
    path = write_scorecard(tmp_path / "card.json", load_answers(example_answers, CONTENT))
    data = json.loads(path.read_text(encoding="utf-8"))
    data["content"]["version"] = "0.0.1"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FounderCheckError) as caught:
        load_assessment(path, CONTENT)
    message = str(caught.value)
    assert str(path) in message and "0.0.1" in message and CONTENT.version in message
    assert "same content" in message


def test_flags_raised_and_cleared_on_a_constructed_pair(example_answers: Path) -> None:
    """No legal review with personal data raises the legal-review flag; a review clears it."""
    data = yaml.safe_load(example_answers.read_text(encoding="utf-8"))
    data["answers"]["risk.personal_data"] = "yes"
    data["answers"]["risk.legal_review"] = "no"
    without = parse_answers(data, CONTENT)
    data["answers"]["risk.legal_review"] = "yes"
    reviewed = parse_answers(data, CONTENT)
    assert "legal_review_missing" in {hit.id for hit in score(CONTENT, without).red_flags}

    cleared = compare(CONTENT, without, reviewed)
    assert cleared.flags_cleared == ["legal_review_missing"] and cleared.flags_raised == []
    assert [c.question for c in cleared.changes] == ["risk.legal_review"]
    (change,) = cleared.changes
    assert (change.old, change.new) == ("no", "yes")  # as the plan writes them too
    assert change.points > 0 and change.points == cleared.overall.delta

    raised = compare(CONTENT, reviewed, without)
    assert raised.flags_raised == ["legal_review_missing"] and raised.flags_cleared == []
    assert raised.overall.delta == -cleared.overall.delta
    assert raised.flag_titles["legal_review_missing"]


def test_an_answer_that_stops_applying_is_a_change_with_its_reason(example_answers: Path) -> None:
    data = yaml.safe_load(example_answers.read_text(encoding="utf-8"))
    data["answers"]["risk.personal_data"] = "yes"
    data["answers"]["risk.privacy_measures"] = data["answers"].get("risk.privacy_measures", "none")
    old = parse_answers(data, CONTENT)
    data["answers"]["risk.personal_data"] = "no"
    new = parse_answers(data, CONTENT)  # the privacy answer is dropped: it does not apply
    comparison = compare(CONTENT, old, new)
    by_question = {c.question: c for c in comparison.changes}
    assert set(by_question) == {"risk.personal_data", "risk.privacy_measures"}
    dropped = by_question["risk.privacy_measures"]
    assert dropped.old == list(old.values["risk.privacy_measures"]) and dropped.new is None
    assert (dropped.old_status, dropped.new_status) == ("answered", "not_applicable")
    assert dropped.new_label is None
    assert "(does not apply)" in render(comparison, "en")
    assert "（不适用）" in render(compare(CONTENT, old, new, lang="zh"), "zh")
    assert effects_total(comparison) == pytest.approx(comparison.overall.delta, abs=1e-9)


def test_changes_are_in_questionnaire_order_and_written_as_in_a_file() -> None:
    worst = parse_answers(answers_data(CONTENT, pick="worst", stage="seed"), CONTENT)
    best = parse_answers(answers_data(CONTENT, pick="best", stage="seed"), CONTENT)
    comparison = compare(CONTENT, worst, best)
    order = [q.id for q in CONTENT.questions]
    asked = [c.question for c in comparison.changes]
    assert asked == sorted(asked, key=order.index)
    assert comparison.overall.delta > 0 and any(c.points > 0 for c in comparison.changes)
    multi = next(c for c in comparison.changes if isinstance(c.new, list))
    assert all(isinstance(option, str) for option in multi.new)  # type: ignore[union-attr]
    assert comparison.level.new.id == CONTENT.levels[-1].id


def test_the_stage_change_is_its_own_effect() -> None:
    answers = parse_answers(answers_data(CONTENT, pick="random", stage="seed"), CONTENT)
    later = Answers(stage="growth", values=answers.values)
    comparison = compare(CONTENT, answers, later)
    assert comparison.changes == []
    assert comparison.stage.old.id == "seed" and comparison.stage.new.id == "growth"
    assert comparison.stage.points == comparison.overall.delta != 0.0


def test_plan_steps_are_done_when_the_new_answer_reaches_the_target(example_answers: Path) -> None:
    old = load_answers(example_answers, CONTENT)
    plan = score(CONTENT, old).plan
    assert len(plan) >= 2, "the example has a plan of several steps to check"
    first, second = plan[0], plan[1]
    question = CONTENT.question_by_id[second.question]
    best = answers_data(CONTENT, pick="best")["answers"][question.id]
    data = old.to_file_data()
    data["answers"][first.question] = first.target
    data["answers"][second.question] = best  # better than asked is done too
    new = parse_answers(data, CONTENT)
    comparison = compare(CONTENT, old, new)
    assert [step.question for step in comparison.plan] == [step.question for step in plan]
    assert comparison.plan_done == [first.question, second.question]
    assert [step.target for step in comparison.plan] == [step.target for step in plan]
    assert f"2 of {len(plan)} done" in render(comparison, "en")

    data["answers"][first.question] = UNKNOWN  # not sure: not done
    unsure = compare(CONTENT, old, parse_answers(data, CONTENT))
    assert unsure.plan_done == [second.question]


def test_no_plan_at_the_top_level() -> None:
    best = parse_answers(answers_data(CONTENT, pick="best"), CONTENT)
    comparison = compare(CONTENT, best, best)
    assert comparison.plan == [] and comparison.plan_done == []
    assert "Next steps" not in render(comparison, "en")


def render(comparison: Comparison, lang: Lang, width: int = 400) -> str:
    buffer = io.StringIO()
    render_comparison(comparison, Console(file=buffer, width=width, color_system=None))
    return buffer.getvalue()


def content_ids(content: Content) -> list[str]:
    """Every id a founder must never read: questions, options, factors, red flags and stages
    (ids that are plain words, like the factor `team`, cannot be told from a sentence)."""
    ids = {q.id for q in content.questions}
    ids |= {o.id for q in content.questions for o in q.options}
    ids |= {f.id for f in content.factors}
    ids |= {flag.id for flag in content.red_flags}
    ids |= {s.id for s in content.stages}
    ids |= {level.id for level in content.levels}
    return sorted(i for i in ids if "_" in i or "." in i)


def assert_no_ids(text: str) -> None:
    found = [
        i
        for i in content_ids(CONTENT)
        if re.search(rf"(?<![A-Za-z0-9_.]){re.escape(i)}(?![A-Za-z0-9_])", text)
    ]
    assert not found, f"content ids in the output: {found}"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_terminal_view_speaks_no_ids(lang: Lang) -> None:
    failure = load_answers(CASES_DIR / "004-failure-funding.yaml", CONTENT)
    success = load_answers(CASES_DIR / "002-company-a.yaml", CONTENT)
    for old, new in ((failure, success), (success, failure)):
        comparison = compare(CONTENT, old, new, lang=lang)
        assert comparison.changes and (comparison.flags_raised or comparison.flags_cleared)
        text = render(comparison, lang)
        assert_no_ids(text)
        for change in comparison.changes:
            assert change.text in text
        for flag in comparison.flags_raised + comparison.flags_cleared:
            assert comparison.flag_titles[flag] in text
        for factor in comparison.factors:
            assert factor.name in text
    assert comparison.stage.old.id != comparison.stage.new.id
    assert comparison.stage.old.name in text and comparison.stage.new.name in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_compare_command_terminal(tmp_path: Path, example_answers: Path, lang: str) -> None:
    old = tmp_path / "old.yaml"
    text = re.sub(r"(?m)^date:.*\n", "", example_answers.read_text(encoding="utf-8"))
    old.write_text(text.replace("\nanswers:", "\ndate: 2026-05-01\nanswers:", 1), encoding="utf-8")
    data = yaml.safe_load((CASES_DIR / "002-company-a.yaml").read_text(encoding="utf-8"))
    data["date"] = "2026-11-24"
    new = tmp_path / "new.json"
    new.write_text(json.dumps(data), encoding="utf-8")
    result = run_cli("compare", str(old), str(new), "--lang", lang)
    assert result.returncode == 0, result.stderr
    assert_no_ids(result.stdout)
    assert "2026-05-01" in result.stdout and "2026-11-24" in result.stdout
    heading = "Progress between assessments" if lang == "en" else "两次评估之间的进展"
    assert heading in result.stdout
    assert ("Answers that changed" if lang == "en" else "有变化的回答") in result.stdout
    stage = "Series A" if lang == "en" else CONTENT.stage_by_id["series_a"].name.zh
    assert stage in result.stdout


def test_compare_command_json(tmp_path: Path, example_answers: Path) -> None:
    answers = load_answers(example_answers, CONTENT)
    card = write_scorecard(tmp_path / "card.json", answers)
    data = yaml.safe_load(example_answers.read_text(encoding="utf-8"))
    data["answers"]["risk.legal_review"] = "yes"
    data["date"] = "2026-11-24"
    new = tmp_path / "new.yaml"
    new.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

    result = run_cli("compare", str(card), str(new), "--json", "-")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)  # only JSON on stdout
    assert {"overall", "level", "factors", "changes", "flags_raised", "flags_cleared"} <= set(out)
    assert set(out["overall"]) == {"old", "new", "delta"}
    assert set(out["level"]) == {"old", "new"} and {"id", "name"} <= set(out["level"]["old"])
    assert out["date"] == {"old": score(CONTENT, answers).date, "new": "2026-11-24"}
    factor_ids = [f.id for f in CONTENT.factors]
    assert [f["id"] for f in out["factors"]] == factor_ids
    assert {"id", "name", "old", "new", "delta"} <= set(out["factors"][0])
    (change,) = out["changes"]
    assert {"question", "old", "new", "points"} <= set(change)
    assert (change["question"], change["old"], change["new"]) == ("risk.legal_review", "no", "yes")
    assert change["points"] == out["overall"]["delta"] > 0
    assert isinstance(out["flags_raised"], list) and isinstance(out["flags_cleared"], list)
    assert out["stage"]["points"] == 0.0

    written = tmp_path / "progress.json"
    to_file = run_cli("compare", str(card), str(new), "--json", str(written))
    assert to_file.returncode == 0, to_file.stderr
    assert json.loads(written.read_text(encoding="utf-8")) == out
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert "Progress between assessments" in to_file.stdout
    assert not list(tmp_path.glob(".*.tmp"))


def test_compare_command_errors(tmp_path: Path, example_answers: Path) -> None:
    missing = run_cli("compare", str(tmp_path / "none.yaml"), str(example_answers))
    assert missing.returncode == 1 and "no such file" in missing.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        example_answers.read_text(encoding="utf-8").replace(
            "runway_months: 9", "runway_months: lots"
        ),
        encoding="utf-8",
    )
    result = run_cli("compare", str(example_answers), str(bad))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(rf"{re.escape(str(bad))}:\d+: answers.funding.runway_months", result.stderr)
    card = write_scorecard(tmp_path / "card.json", load_answers(example_answers, CONTENT))
    data = json.loads(card.read_text(encoding="utf-8"))
    data["content"]["version"] = "0.0.1"
    card.write_text(json.dumps(data), encoding="utf-8")
    other = run_cli("compare", str(card), str(example_answers))
    assert other.returncode == 1 and "same content" in other.stderr
    nowhere = run_cli(
        "compare", str(example_answers), str(example_answers), "--json", str(tmp_path / "x" / "a")
    )
    assert nowhere.returncode == 1 and "does not exist" in nowhere.stderr
    assert run_cli("compare", str(example_answers)).returncode == 2


def test_no_option_label_is_cut_short() -> None:
    """Only long free text is shortened in the table of changes, never a label to choose."""
    labels = [o.label for q in CONTENT.questions for o in q.options]
    labels += [text for q in CONTENT.questions if q.scale for text in q.scale.labels.values()]
    longest = max(max(len(label.en), len(label.zh)) for label in labels)
    assert longest + len(" / 10 ()") < MAX_ANSWER
    notes = Answers(values={}, stage="seed")
    text_question = next(q for q in CONTENT.questions if q.kind == "text")
    long_note = Answers(values={text_question.id: "x" * 1000}, stage="seed")
    shown = render(compare(CONTENT, notes, long_note), "en", width=2000)
    assert "x" * (MAX_ANSWER - 1) + "…" in shown and "x" * MAX_ANSWER not in shown
