"""Red-flag rules: each triggers on its pattern and not just outside it, and caps the level.

Answers start from the strong baseline (tests/rule_helpers.py) and change only what a rule
looks at, so each test shows exactly which answers make a rule fire.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from founder_check import Content, load_content
from founder_check.scoring.answers import parse_answers
from tests.answer_factory import answers_data
from tests.rule_helpers import (
    RULE_CASES,
    flag_ids,
    only_worse,
    scorecard,
    strong_answers,
    with_changes,
)

CONTENT = load_content()
LEVELS = [level.id for level in CONTENT.levels]
STAGES = [stage.id for stage in CONTENT.stages]

TRIGGERS = [
    pytest.param(flag, changes, id=f"{flag}-{number}")
    for flag, case in RULE_CASES.items()
    for number, changes in enumerate(case.triggers)
]
OUTSIDE = [
    pytest.param(flag, changes, id=f"{flag}-{number}")
    for flag, case in RULE_CASES.items()
    for number, changes in enumerate(case.outside)
]

# Every failure cause the issue lists, with the rules that express it.
DOCUMENTED_CAUSES = {
    "unfocused positioning across segments": ["unfocused_segments"],
    "technical risk not identified": ["technical_risk_unmanaged", "unproven_core_technology"],
    "funding running out / failure to raise": [
        "runway_critical",
        "runway_short_unplanned",
        "fundraising_stalled",
    ],
    "undifferentiated business model": ["undifferentiated_business_model"],
    "legal and ethical risk ignored (privacy, fairness)": [
        "personal_data_unprotected",
        "privacy_basis_missing",
        "fairness_unchecked",
        "data_rights_unclear",
        "legal_review_missing",
    ],
    "tech-business team split": ["tech_business_split"],
    "single-feature product": ["single_feature_product"],
    "repeated strategy changes": ["repeated_pivots"],
    "low user acceptance": ["low_user_acceptance"],
    "costs the business model cannot carry": [
        "unit_costs_exceed_price",
        "compute_spend_uncontrolled",
    ],
    "competing head-on with giants without differentiation": ["head_on_with_giants"],
    "safety or regulatory exposure": ["regulatory_path_missing", "unsafe_high_impact_outputs"],
    "weak technical capability (004 §8.7)": ["weak_technical_capability"],
    "demand not checked / wrong positioning (004 §8.7)": ["demand_unvalidated"],
    "core team dissolved (001 §3.2)": ["core_team_breaking_up"],
    "technical, safety and regulatory obstacles never overcome in real conditions (000 §B.2)": [
        "hard_field_unproven"
    ],
    "no business model that fits, at a stage that needs one (001 §3.2)": [
        "no_recurring_revenue_late"
    ],
}


def test_every_rule_has_trigger_and_outside_cases(content: Content) -> None:
    assert set(RULE_CASES) == {flag.id for flag in content.red_flags}
    for flag, case in RULE_CASES.items():
        assert case.triggers, flag
        assert case.outside, flag


def test_every_documented_cause_has_a_rule(content: Content) -> None:
    for cause, flags in DOCUMENTED_CAUSES.items():
        assert flags, cause
        for flag in flags:
            assert flag in content.red_flag_by_id, f"{cause}: no rule {flag!r}"
    covered = {flag for flags in DOCUMENTED_CAUSES.values() for flag in flags}
    assert covered == set(content.red_flag_by_id), "every rule answers a documented cause"


def test_rules_name_cases_and_chapters(content: Content) -> None:
    for flag in content.red_flags:
        assert flag.cases and flag.chapters, flag.id
        for ref in flag.chapters:
            assert ref in content.chapter_by_ref, f"{flag.id}: {ref}"
        assert flag.severity in content.red_flag_caps or flag.severity == "minor"


def test_strong_baseline_triggers_nothing(content: Content) -> None:
    for stage in STAGES:
        assert flag_ids(content, strong_answers(content), stage=stage) == []


@pytest.mark.parametrize(("flag", "changes"), TRIGGERS)
def test_rule_triggers(content: Content, flag: str, changes: dict[str, object]) -> None:
    card = scorecard(content, strong_answers(content, changes))
    hits = {hit.id: hit for hit in card.red_flags}
    assert flag in hits, f"{flag} not triggered by {changes}; got {sorted(hits)}"
    hit = hits[flag]
    rule = content.red_flag_by_id[flag]
    assert hit.severity == rule.severity
    assert hit.chapters == list(rule.chapters)
    assert set(hit.chapters) <= set(card.chapters)
    nodes = rule.when.walk()
    named = {node.question for node in nodes if node.question is not None}
    evidence = {item.question for item in hit.evidence}
    assert evidence <= named
    if not any(node.factor is not None for node in nodes):
        assert evidence & set(changes), "the changed answers are among the evidence"
    cap = content.red_flag_caps.get(rule.severity)
    if cap is not None:
        assert LEVELS.index(card.level.id) <= LEVELS.index(cap)


@pytest.mark.parametrize(("flag", "changes"), OUTSIDE)
def test_rule_stays_quiet_just_outside(
    content: Content, flag: str, changes: dict[str, object]
) -> None:
    assert flag not in flag_ids(content, strong_answers(content, changes))


def test_critical_flag_caps_a_perfect_score(content: Content) -> None:
    answers = strong_answers(content, {"team.retention": "core_team_dissolving"})
    card = scorecard(content, answers)
    assert card.overall >= 75
    assert card.score_level.id == "scaling"
    assert card.level.id == content.red_flag_caps["critical"]


def test_red_flags_take_their_points_off_the_overall_score(content: Content) -> None:
    clean = scorecard(content, strong_answers(content))
    assert clean.red_flag_points == 0 and clean.overall == 100
    changes = {
        "team.retention": "core_team_dissolving",
        "technology.product_scope": "single_feature",
    }
    card = scorecard(content, strong_answers(content, changes))
    points = content.red_flag_points
    assert [hit.points for hit in card.red_flags] == [-points["critical"], -points["major"]]
    assert card.red_flag_points == -(points["critical"] + points["major"])
    mean = sum(result.overall_points for result in card.questions)
    assert card.overall == round(mean + card.red_flag_points, 1)


def test_red_flag_points_stop_at_the_maximum(content: Content) -> None:
    changes = {  # four critical flags and more: 20 points or more wanted
        "team.retention": "core_team_dissolving",
        "funding.runway_months": 1,
        "funding.position_and_plan": "no_plan",
        "risk.privacy_measures": ["none_of_these"],
        "risk.output_safety": ["none_of_these"],
        "market.segment_focus": "not_chosen",
    }
    card = scorecard(content, strong_answers(content, changes))
    wanted = sum(content.red_flag_points.get(hit.severity, 0) for hit in card.red_flags)
    assert content.red_flag_points_max is not None
    assert wanted > content.red_flag_points_max
    assert card.red_flag_points == -content.red_flag_points_max


def test_red_flags_sorted_by_severity(content: Content) -> None:
    changes = {
        "team.retention": "core_team_dissolving",
        "technology.product_scope": "single_feature",
        "funding.burn_and_compute": "no_control",
    }
    card = scorecard(content, strong_answers(content, changes))
    order = {"critical": 0, "major": 1, "minor": 2}
    ranks = [order[hit.severity] for hit in card.red_flags]
    assert ranks == sorted(ranks)
    assert [hit.id for hit in card.red_flags] == [
        "core_team_breaking_up",
        "single_feature_product",
        "compute_spend_uncontrolled",
    ]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32 - 1),
    trigger=st.sampled_from(
        [(flag, changes) for flag, case in RULE_CASES.items() for changes in case.triggers]
    ),
    stage=st.sampled_from(STAGES),
)
def test_triggering_answer_never_raises_level(
    seed: int, trigger: tuple[str, dict[str, object]], stage: str
) -> None:
    """Worsening answers until a red flag fires never lifts the readiness level."""
    flag, changes = trigger
    stage = str(changes.get("stage", stage))  # a stage-aware trigger names its stage
    data = answers_data(CONTENT, pick="random", rng=random.Random(seed))
    before = parse_answers(data, CONTENT, source="random")
    after = with_changes(CONTENT, before, changes)
    assume(only_worse(CONTENT, before, after))
    card_before = scorecard(CONTENT, before, stage=stage)
    card_after = scorecard(CONTENT, after, stage=stage)
    after_flags = {hit.id for hit in card_after.red_flags}
    assert flag in after_flags
    # a trigger may change a context answer (e.g. high-impact use), which can clear a flag
    # that held the level down before; only worsening with every other flag kept is compared
    assume({hit.id for hit in card_before.red_flags} <= after_flags)
    assert LEVELS.index(card_after.level.id) <= LEVELS.index(card_before.level.id)
    assert card_after.overall <= card_before.overall + 1e-9
