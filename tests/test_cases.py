"""The documents' own cases (tests/cases/): success scores above failure, causes show.

Each case is an answers file answering as its document describes it; answers the document
does not support follow the neutral convention in tests/cases/cases.yaml, which these tests
check line by line, so a fixture cannot be nudged to make the other tests pass.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from founder_check import Content, load_content
from founder_check.answers import coerce_answer, load_answers
from founder_check.content.models import Question
from founder_check.scorecard import Scorecard
from founder_check.valuation import AnswerValue
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
TOP_GAPS = 5
CONTENT = load_content()

ANSWER_LINE = re.compile(r"^  (?P<question>[a-z0-9_]+\.[a-z0-9_.]+):")
STAGE_LINE = re.compile(r"^stage:")
CITATION = re.compile(r"^\s*# (?P<ref>\d{3} §[0-9A-Z]+(?:\.[0-9]+)*): \S")


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
    assert len(CASE_IDS) == 16 == len(set(CASE_IDS))
    assert len(SUCCESSES) == 8
    assert len(FAILURES) == 8


def test_index_refers_to_real_content(content: Content) -> None:
    for case in CASES:
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


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_citations_name_real_chapters(content: Content, case_id: str) -> None:
    cited = citations(case_id)
    assert cited, "a case answers at least one question from its document"
    source = next(case["source"] for case in CASES if case["id"] == case_id)
    for key, ref in cited.items():
        assert ref in content.chapter_by_ref, f"{key}: {ref} is not a chapter"
    assert source in cited.values(), f"most answers cite the case's own section {source}"


def test_every_success_scores_above_every_failure() -> None:
    lowest_success = min(SUCCESSES, key=lambda case_id: card(case_id).overall)
    highest_failure = max(FAILURES, key=lambda case_id: card(case_id).overall)
    table = "\n".join(
        f"{card(case_id).overall:5.1f}  {case_id}"
        for case_id in sorted(CASE_IDS, key=lambda case_id: -card(case_id).overall)
    )
    assert card(lowest_success).overall > card(highest_failure).overall, table


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
    levels = [level.id for level in content.levels]
    assert levels.index(result.level.id) <= levels.index(content.red_flag_caps["major"])


@pytest.mark.parametrize("case_id", SUCCESSES)
def test_success_cases_have_no_serious_flags(case_id: str) -> None:
    serious = [hit.id for hit in card(case_id).red_flags if hit.severity != "minor"]
    assert not serious
