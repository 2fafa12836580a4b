"""The cases (tests/cases/): successes above failures by score and by level, causes show.

Each case is an answers file answering as its source describes the company: one of the five
documents (citing its chapters) or public sources outside them (citing numbered sources).
Answers the source does not support follow the neutral convention in tests/cases/cases.yaml,
which these tests check line by line, so a fixture cannot be nudged to make the others pass.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from founder_check import Content, load_content
from founder_check.content.models import Question
from founder_check.scoring.answers import coerce_answer, load_answers, parse_answers
from founder_check.scoring.scorecard import Scorecard
from founder_check.scoring.valuation import AnswerValue
from tests.rule_helpers import scorecard

CASES_DIR = Path(__file__).parent / "cases"
INDEX: dict[str, Any] = yaml.safe_load((CASES_DIR / "cases.yaml").read_text(encoding="utf-8"))
CASES: list[dict[str, Any]] = INDEX["cases"]
CASE_IDS = [case["id"] for case in CASES]
SUCCESSES = [case["id"] for case in CASES if case["outcome"] == "success"]
FAILURES = [case["id"] for case in CASES if case["outcome"] == "failure"]
CAUSES = [
    pytest.param(case["id"], cause, id=f"{case['id']}:{cause['id']}")
    for case in CASES
    for cause in case.get("causes", [])
]
OUTSIDE = [case["id"] for case in CASES if case["source"] == "outside"]
TOP_GAPS = 5
MIN_SCORE_MARGIN = 5.0  # points between the weakest success and the strongest failure
MIN_LEVEL_PAIRS = 0.8  # share of (success, failure) pairs where the success is told more
MIN_OUTSIDE_CASES = 8
CONTENT = load_content()
LEVELS = [level.id for level in CONTENT.levels]

ANSWER_LINE = re.compile(r"^  (?P<question>[a-z0-9_]+\.[a-z0-9_.]+):")
STAGE_LINE = re.compile(r"^stage:")
CITATION = re.compile(r"^\s*# (?P<ref>\d{3} §[0-9A-Z]+(?:\.[0-9]+)*|\[\d+\]): \S")
SOURCE_LINE = re.compile(
    r'^# (?P<ref>\[\d+\]) (?P<publication>[^,]+), "(?P<title>.+)", (?P<date>\d{4}-\d{2}-\d{2})$'
)


def fixture_path(case_id: str) -> Path:
    return CASES_DIR / f"{case_id}.yaml"


@cache
def card(case_id: str) -> Scorecard:
    return scorecard(CONTENT, load_answers(fixture_path(case_id), CONTENT))


def citations(case_id: str) -> dict[str, str]:
    """Question id (or 'stage') -> the chapter cited in the comment right above it."""
    lines = fixture_path(case_id).read_text(encoding="utf-8").splitlines()
    cited: dict[str, str] = {}
    for number, line in enumerate(lines):
        match = ANSWER_LINE.match(line)
        key = match.group("question") if match else "stage" if STAGE_LINE.match(line) else None
        if key is None or number == 0:
            continue
        found = CITATION.match(lines[number - 1])
        if found:
            cited[key] = found.group("ref")
    return cited


def sources(case_id: str) -> dict[str, dict[str, str]]:
    """An outside case's header sources: "[n]" -> publication, title and date."""
    lines = fixture_path(case_id).read_text(encoding="utf-8").splitlines()
    found = {}
    for line in lines:
        match = SOURCE_LINE.match(line)
        if match:
            found[match.group("ref")] = {
                key: match.group(key) for key in ("publication", "title", "date")
            }
    return found


@cache
def neutral_card(stage: str) -> Scorecard:
    """Every question at its neutral answer (context questions at their neutral context)."""
    values = {}
    for question in CONTENT.questions:
        raw = neutral_answer(question)
        if raw is not None:
            values[question.id] = raw
    data = {"company": "All-neutral profile", "stage": stage, "answers": values}
    return scorecard(CONTENT, parse_answers(data, CONTENT, source="neutral profile"))


def rank(card_: Scorecard) -> int:
    return LEVELS.index(card_.level.id)


def neutral_answer(question: Question) -> Any:
    """The neutral answer (cases.yaml) as written in an answers file; None: left out."""
    context = INDEX["neutral"]["context"]
    if question.id in context:
        return context[question.id]
    if not question.required or not question.scored:
        return None
    kind = question.kind
    if kind == "single":
        return min(question.options, key=lambda o: (abs(o.value - 0.5), o.value)).id
    if kind == "multi":
        chosen, total = [], 0.0
        for option in question.options:
            if option.exclusive:
                continue
            chosen.append(option.id)
            total += option.value
            if total >= 0.5 - 1e-9:
                break
        return chosen
    if kind == "scale":
        assert question.scale is not None
        return (question.scale.min + question.scale.max) // 2
    if kind == "yesno":
        return "no"
    band = min(question.bands, key=lambda b: (abs(b.value - 0.5), b.value))
    middle = (band.from_ + band.to) / 2
    return int(middle) if question.integer else middle


def typed_neutral(question: Question) -> AnswerValue | None:
    raw = neutral_answer(question)
    if raw is None:
        return None
    return coerce_answer(question, raw if not isinstance(raw, (int, float)) else str(raw))


def test_index_lists_every_fixture() -> None:
    files = {path.stem for path in CASES_DIR.glob("*.yaml") if path.name != "cases.yaml"}
    assert files == set(CASE_IDS)
    assert len(CASE_IDS) == len(set(CASE_IDS))
    assert len(SUCCESSES) >= 8
    assert len(FAILURES) >= 8
    assert len(OUTSIDE) >= MIN_OUTSIDE_CASES
    outcomes = {case["outcome"] for case in CASES if case["source"] == "outside"}
    assert outcomes == {"success", "failure"}, "outside cases include successes and failures"


def test_index_refers_to_real_content(content: Content) -> None:
    for case in CASES:
        if case["source"] == "outside":
            assert case["sources"], f"{case['id']}: an outside case lists its sources"
            for source in case["sources"]:
                assert {"publication", "title", "date"} <= set(source), case["id"]
        else:
            assert case["source"] in content.chapter_by_ref, case["id"]
        if case["outcome"] == "success":
            assert not case.get("causes"), f"{case['id']}: a success case has no causes"
            continue
        assert case["outcome"] == "failure"
        assert case["causes"], f"{case['id']}: a failure case lists its documented causes"
        for cause in case["causes"]:
            assert cause["red_flags"] or cause["questions"], cause["id"]
            for flag in cause["red_flags"]:
                assert flag in content.red_flag_by_id, f"{case['id']}: unknown flag {flag}"
            for question in cause["questions"]:
                assert question in content.question_by_id, f"{case['id']}: {question}"


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_fixture_is_valid_and_sets_its_stage(content: Content, case_id: str) -> None:
    answers = load_answers(fixture_path(case_id), content)
    assert answers.stage is not None, "each case sets its stage"
    if answers.stage != INDEX["neutral"]["stage"]:
        assert "stage" in citations(case_id), "a stage other than the default cites its section"
    assert card(case_id).stage.source == "answers"


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_uncited_answers_are_neutral(content: Content, case_id: str) -> None:
    answers = load_answers(fixture_path(case_id), content)
    cited = citations(case_id)
    wrong = []
    for question in content.questions:
        if question.id in cited or question.kind == "text":
            continue
        if question.when is not None and question.id not in answers.values:
            continue  # not asked with this case's answers
        expected = typed_neutral(question)
        given = answers.values.get(question.id)
        if given != expected:
            wrong.append(f"{question.id}: {given!r}, neutral is {expected!r}")
    assert not wrong, "uncited answers must follow the neutral convention:\n" + "\n".join(wrong)


@pytest.mark.parametrize("case_id", [c for c in CASE_IDS if c not in OUTSIDE])
def test_citations_name_real_chapters(content: Content, case_id: str) -> None:
    cited = citations(case_id)
    assert cited, "a case answers at least one question from its document"
    source = next(case["source"] for case in CASES if case["id"] == case_id)
    for key, ref in cited.items():
        assert ref in content.chapter_by_ref, f"{key}: {ref} is not a chapter"
    assert source in cited.values(), f"most answers cite the case's own section {source}"


@pytest.mark.parametrize("case_id", OUTSIDE)
def test_outside_cases_cite_their_listed_sources(case_id: str) -> None:
    listed = sources(case_id)
    index = next(case for case in CASES if case["id"] == case_id)
    assert listed, 'the file\'s header lists its sources as [n] Publication, "Title", date'
    assert sorted(s["title"] for s in listed.values()) == sorted(
        s["title"] for s in index["sources"]
    ), "the header and cases.yaml list the same sources"
    cited = citations(case_id)
    assert len(cited) >= 5, "an outside case answers several questions from its sources"
    for key, ref in cited.items():
        assert ref in listed, f"{key}: cites {ref}, which the header does not list"
    assert set(listed) <= set(cited.values()), "every listed source is cited"


def _table() -> str:
    rows = [(card(case_id), case_id) for case_id in CASE_IDS]
    rows.append((neutral_card(INDEX["neutral"]["stage"]), "(all-neutral profile)"))
    return "\n".join(
        f"{result.overall:5.1f}  {result.level.id:10s}  {name}"
        for result, name in sorted(rows, key=lambda row: -row[0].overall)
    )


def test_every_success_scores_well_above_every_failure() -> None:
    lowest_success = min(card(case_id).overall for case_id in SUCCESSES)
    highest_failure = max(card(case_id).overall for case_id in FAILURES)
    assert lowest_success - highest_failure >= MIN_SCORE_MARGIN, _table()


def test_successes_are_told_a_higher_level() -> None:
    pairs = [(s, f) for s in SUCCESSES for f in FAILURES]
    higher = sum(rank(card(s)) > rank(card(f)) for s, f in pairs)
    assert higher >= MIN_LEVEL_PAIRS * len(pairs), f"{higher} of {len(pairs)}\n{_table()}"


def test_the_cases_use_at_least_three_levels() -> None:
    assert len({card(case_id).level.id for case_id in CASE_IDS}) >= 3, _table()


def test_the_neutral_profile_lands_between_failures_and_successes() -> None:
    neutral = neutral_card(INDEX["neutral"]["stage"])
    assert max(card(f).overall for f in FAILURES) < neutral.overall, _table()
    assert neutral.overall < min(card(s).overall for s in SUCCESSES), _table()
    assert max(rank(card(f)) for f in FAILURES) <= rank(neutral), _table()
    assert rank(neutral) <= min(rank(card(s)) for s in SUCCESSES), _table()


@pytest.mark.parametrize(("case_id", "cause"), CAUSES)
def test_documented_cause_shows(case_id: str, cause: dict[str, Any]) -> None:
    result = card(case_id)
    flags = {hit.id for hit in result.red_flags}
    top_gaps = {gap.question for gap in result.gaps[:TOP_GAPS]}
    assert flags & set(cause["red_flags"]) or top_gaps & set(cause["questions"]), (
        f"{cause['text']}: not among red flags {sorted(flags)} or top gaps {sorted(top_gaps)}"
    )


@pytest.mark.parametrize("case_id", FAILURES)
def test_failure_cases_are_capped(content: Content, case_id: str) -> None:
    result = card(case_id)
    serious = [hit.id for hit in result.red_flags if hit.severity in ("critical", "major")]
    assert serious, "a documented failure triggers at least one major or critical flag"
    assert rank(result) <= LEVELS.index(content.red_flag_caps["major"])
    if any(hit.severity == "critical" for hit in result.red_flags):
        assert rank(result) <= LEVELS.index(content.red_flag_caps["critical"])


@pytest.mark.parametrize("case_id", SUCCESSES)
def test_success_cases_have_no_serious_flags(case_id: str) -> None:
    serious = [hit.id for hit in card(case_id).red_flags if hit.severity != "minor"]
    assert not serious
