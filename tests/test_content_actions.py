"""The action and time frame of every scored question: what the next-steps plan quotes.

`content check` makes both present; these tests hold what it cannot see: that the texts
read as a founder's to-do (short, no ids, Chinese with full-width punctuation) and that
the time frames are spread honestly rather than all set to one value.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from founder_check import Content, load_content
from founder_check.content.models import HORIZONS, Question

FIXTURE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "interview_content"
ASCII_PUNCTUATION = re.compile(r"[,;:()?!]")
SNAKE_OR_DOTTED = re.compile(r"\b[a-z0-9]+(?:[_.][a-z0-9]+)+\b")


def _scored(content: Content) -> list[Question]:
    return [question for question in content.questions if question.scored]


@pytest.fixture(scope="module")
def fixture_content() -> Content:
    return load_content(FIXTURE_CONTENT)


def test_every_scored_question_of_both_content_sets_has_an_action(
    content: Content, fixture_content: Content
) -> None:
    for content_set in (content, fixture_content):
        for question in content_set.questions:
            has_action = question.action is not None and question.horizon_days in HORIZONS
            assert has_action is question.scored, question.id


def test_actions_read_as_short_sentences_without_ids(content: Content) -> None:
    ids = {question.id for question in content.questions}
    ids |= {option.id for question in content.questions for option in question.options}
    ids |= {factor.id for factor in content.factors}
    for question in _scored(content):
        assert question.action is not None
        english, chinese = question.action.en, question.action.zh
        assert english.endswith(".") and chinese.endswith("。"), question.id
        assert len(re.findall(r"[.!?](?:\s|$)", english)) <= 2, question.id
        assert chinese.count("。") <= 2, question.id
        assert not ASCII_PUNCTUATION.search(chinese), (question.id, chinese)
        named = set(SNAKE_OR_DOTTED.findall(english.lower())) & ids
        assert not named, (question.id, named)


def test_time_frames_are_spread_and_match_the_work(content: Content) -> None:
    horizons = {q.id: q.horizon_days for q in _scored(content)}
    assert set(horizons.values()) == set(HORIZONS)
    # alone, in a month: write a register, build a test set; with others or a quarter: a
    # round, recurring revenue, a data loop
    assert horizons["risk.risk_identification"] == horizons["technology.evaluation"] == 30
    assert horizons["team.ml_team_depth"] == 60
    assert horizons["funding.track_record"] == horizons["business.paying_customers"] == 90
    assert horizons["technology.data_advantage"] == 90
