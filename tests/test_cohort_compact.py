"""A cohort founder's compact scorecard says what the full scorecard says, by id: every
case fixture and 300 of the reference's random profiles, field by field, and the cohort's
summary of a founder is the same from either."""

from __future__ import annotations

import gzip
import json
import math
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from founder_check import Content
from founder_check.cohort.aggregate import FounderOutcome
from founder_check.cohort.compact import (
    _THOUSANDTHS,
    _THOUSANDTHS_KEPT,
    MAX_BYTES,
    _thousandths,
    cohort_texts,
    compact_scorecard,
    founder_outcome,
)
from founder_check.scoring.answers import parse_answers
from founder_check.scoring.engine import score
from founder_check.scoring.scorecard import Scorecard
from tests.scoring_reference import REFERENCE


def _profiles() -> list[dict[str, Any]]:
    with gzip.open(REFERENCE, "rb") as handle:
        entries = json.loads(handle.read().decode("utf-8"))
    return [entry["answers"] for entry in entries[:331]]


PROFILES = _profiles()


def summarize(
    card: Scorecard,
    *,
    source: str,
    row: int | None = None,
    line: int | None = None,
    part: str | None = None,
) -> FounderOutcome:
    """The cohort's summary of a founder as read off the full scorecard: the reference
    that the compact path must match."""
    scored = [f for f in card.factors if f.score is not None]
    weakest = min(scored, key=lambda f: (-(f.gap or 0.0), f.score, f.id), default=None)
    return FounderOutcome(
        source=source,
        row=row,
        line=line,
        founder=card.subject.founder,
        company=card.subject.company,
        stage=card.stage.id,
        stage_source=card.stage.source,
        overall=card.overall,
        level=card.level.id,
        factors=tuple(f.score for f in card.factors),
        below_target=tuple(bool(f.gap) for f in card.factors),
        weakest=weakest.id if weakest is not None else None,
        red_flags=tuple((hit.id, hit.severity) for hit in card.red_flags),
        gaps=tuple((gap.question, gap.shortfall) for gap in card.gaps),
        targets=tuple(f.target for f in card.factors),
        card=part,
    )


def _both(content: Content, data: dict[str, Any], lang: str = "en") -> tuple[Any, Any, Any, Any]:
    answers = parse_answers(data, content, source="t", require_complete=False)
    card = score(content, answers, lang=lang, generated_at="g", next_steps=False)  # type: ignore[arg-type]
    compact, outcome, plan = compact_scorecard(
        content,
        answers,
        stage=None,
        lang=lang,
        generated_at="g",  # type: ignore[arg-type]
    )
    return card, compact, outcome, plan


def test_compact_says_what_the_scorecard_says(content: Content) -> None:
    for data in PROFILES:
        card, compact, outcome, plan = _both(content, data)
        assert compact["overall"] == card.overall
        assert compact["red_flag_points"] == card.red_flag_points
        levels = [compact[k] for k in ("level", "score_level", "gate_level", "flag_cap")]
        assert levels == [
            card.level.id,
            card.score_level.id,
            card.gate_level.id,
            card.flag_cap.id if card.flag_cap else None,
        ]
        assert compact["factors"] == [[f.id, f.score, f.target, f.gap] for f in card.factors]
        assert compact["gaps"] == [[g.question, g.value, g.shortfall] for g in card.gaps]
        assert compact["red_flags"] == [
            [hit.id, hit.points, [e.question for e in hit.evidence]] for hit in card.red_flags
        ]
        assert compact["strengths"] == [s.question for s in card.strengths]
        assert compact["to_find_out"] == [t.question for t in card.to_find_out]
        assert compact["recommended_chapters"] == [
            [r.ref, r.reasons] for r in card.recommended_chapters
        ]
        assert {
            q.id: [q.status, *([] if q.value is None else [round(q.value, 3)])]
            for q in card.questions
        } == compact["questions"]
        assert {q.id: q.answer for q in card.questions if q.answer is not None} == compact[
            "answers"
        ]
        coverage = compact["coverage"]
        assert [coverage["applicable"], coverage["answered"], coverage["weighted"]] == [
            card.coverage.applicable,
            card.coverage.answered,
            card.coverage.weighted,
        ]
        gate = card.next_gate
        if gate is None:
            assert compact["next_gate"] is None
        else:
            assert compact["next_gate"]["level"] == gate.level.id
            assert compact["next_gate"]["red_flags"] == gate.red_flags
            texts = cohort_texts(content, "en")["levels"]
            missing = [texts[level]["requires"][i] for level, i in compact["next_gate"]["missing"]]
            assert missing == [m.text for m in gate.missing]
        assert founder_outcome(compact, outcome, plan, source="s") == summarize(card, source="s")


def test_compact_scorecards_stay_small(content: Content) -> None:
    sizes = [len(orjson.dumps(_both(content, data)[1])) for data in PROFILES]
    assert max(sizes) <= MAX_BYTES, max(sizes)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_texts_name_everything_a_compact_scorecard_refers_to(content: Content, lang: str) -> None:
    texts = cohort_texts(content, lang)  # type: ignore[arg-type]
    for data in PROFILES[:60]:
        compact = _both(content, data, lang)[1]
        assert compact["texts"] == "texts.json"
        assert compact["stage"]["id"] in texts["stages"]
        assert compact["level"] in texts["levels"]
        for factor_id, *_ in compact["factors"]:
            assert texts["factors"][factor_id]
        for question_id, answer in compact["answers"].items():
            question = texts["questions"][question_id]
            assert question["text"]
            chosen = answer if isinstance(answer, list) else [answer]
            if "options" in question and answer != "unknown":
                assert all(option in question["options"] for option in chosen)
        for flag_id, _, _ in compact["red_flags"]:
            assert texts["red_flags"][flag_id]["title"]
        for ref, _ in compact["recommended_chapters"]:
            assert texts["chapters"][ref]["title"]


@settings(max_examples=300)
@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=1, max_size=40))
def test_remembered_rounding_is_round_to_thousandths(values: list[float]) -> None:
    # each value twice, and its negation: the second answer comes from the memo, and equal
    # keys (0.0 and -0.0) must not lend each other their sign; emptied first, so that the
    # memo has room whatever ran before (a full memo would only ever round afresh)
    _THOUSANDTHS.clear()
    for value in [*values, *values, *(-v for v in values)]:
        expected = round(value, 3)
        got = _thousandths(value)
        assert got == expected and math.copysign(1.0, got) == math.copysign(1.0, expected)


def test_remembered_rounding_keeps_a_bounded_memo() -> None:
    for number in range(_THOUSANDTHS_KEPT + 500):
        assert _thousandths(number + 0.12345) == round(number + 0.12345, 3)
    assert len(_THOUSANDTHS) <= _THOUSANDTHS_KEPT
