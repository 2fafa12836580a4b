"""Answers for red-flag tests: a strong baseline, changed only where a rule looks.

Every rule in scoring/red_flags.yaml has an entry in `RULE_CASES`: answer changes that
trigger it and changes just outside it, each applied to the strong baseline (the best answer
to every question, from `answer_factory`). The strong baseline itself triggers no rule, so a
flag that shows up can only come from the answers a test changed.

    answers = strong_answers(content, {"funding.runway_months": 5.9, ...})
    flag_ids(content, answers)                      # -> ["runway_critical"]
    worse = with_changes(content, answers, {...})   # for property tests
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from founder_check import Content
from founder_check.scoring.answers import Answers, coerce_answer, parse_answers
from founder_check.scoring.conditions import applies
from founder_check.scoring.engine import score
from founder_check.scoring.scorecard import Scorecard
from founder_check.scoring.valuation import AnswerValue, answer_value
from tests.answer_factory import answer_for, answers_data

Changes = dict[str, Any]


@dataclass(frozen=True)
class RuleCase:
    """Answer changes (as written in an answers file) inside and just outside one rule."""

    triggers: list[Changes]
    outside: list[Changes] = field(default_factory=list)


# Triggers name every answer their rule needs, context included, so that they also fire
# from any other starting answers (the property test in test_red_flags.py uses them so).
# Outside cases are relative to the strong baseline, whose context answers are: sector
# finance (the first option), raising yes, personal data yes, high-impact use yes, public
# generation yes.
RULE_CASES: dict[str, RuleCase] = {
    "runway_critical": RuleCase(
        triggers=[
            {
                "funding.runway_months": 5.9,
                "funding.position_and_plan": "written_plan_no_commitment",
            },
            {"funding.runway_months": 0, "funding.position_and_plan": "no_plan"},
        ],
        outside=[
            {"funding.runway_months": 6, "funding.position_and_plan": "written_plan_no_commitment"},
            {"funding.runway_months": 5.9, "funding.position_and_plan": "raising_with_commitment"},
        ],
    ),
    "runway_short_unplanned": RuleCase(
        triggers=[
            {"funding.runway_months": 6, "funding.position_and_plan": "no_plan"},
            {"funding.runway_months": 11.9, "funding.position_and_plan": "no_plan"},
        ],
        outside=[
            {"funding.runway_months": 12, "funding.position_and_plan": "no_plan"},
            {
                "funding.runway_months": 11.9,
                "funding.position_and_plan": "written_plan_no_commitment",
            },
            {"funding.runway_months": 5.9, "funding.position_and_plan": "no_plan"},
        ],
    ),
    "fundraising_stalled": RuleCase(
        triggers=[{"funding.track_record": "failed_to_raise"}],
        outside=[{"funding.track_record": "in_talks"}, {"funding.track_record": "not_started"}],
    ),
    "unfocused_segments": RuleCase(
        triggers=[
            {"market.segment_focus": "several_unrelated"},
            {"market.segment_focus": "not_chosen"},
            {"business.gtm_channel": "scattered"},
        ],
        outside=[
            {
                "market.segment_focus": "two_three_related",
                "business.gtm_channel": "founder_network",
            },
            # one core technology serving several industries is focus, not scattering
            {
                "market.segment_focus": "horizontal_platform",
                "business.gtm_channel": "several_channels",
            },
        ],
    ),
    "demand_unvalidated": RuleCase(
        triggers=[
            {"stage": "seed", "market.demand_validation": "informal_conversations"},
            {"stage": "growth", "market.demand_validation": "no_user_evidence"},
        ],
        outside=[
            {"stage": "seed", "market.demand_validation": "structured_interviews"},
            {"stage": "pre_seed", "market.demand_validation": "informal_conversations"},
        ],
    ),
    "low_user_acceptance": RuleCase(
        triggers=[{"market.user_acceptance": "low_acceptance"}],
        outside=[
            {"market.user_acceptance": "mixed_trial"},
            {"market.user_acceptance": "no_users_yet"},
        ],
    ),
    "head_on_with_giants": RuleCase(
        triggers=[
            {"market.competition_giants": "head_on_no_difference"},
            {"market.competition_giants": "head_on_minor_difference"},
        ],
        outside=[
            {"market.competition_giants": "overlap_measurable_edge"},
            {"market.competition_giants": "not_analysed"},
        ],
    ),
    "undifferentiated_business_model": RuleCase(
        triggers=[
            {"business.model_differentiation": "same_as_peers"},
            {"business.model_differentiation": "not_compared"},
        ],
        outside=[{"business.model_differentiation": "copyable_difference"}],
    ),
    "repeated_pivots": RuleCase(
        triggers=[{"market.pivots_12m": 3}, {"business.revenue_model": "repeated_changes"}],
        outside=[{"market.pivots_12m": 2, "business.revenue_model": "free_no_plan"}],
    ),
    "single_feature_product": RuleCase(
        triggers=[{"technology.product_scope": "single_feature"}],
        outside=[{"technology.product_scope": "scattered_features"}],
    ),
    "unit_costs_exceed_price": RuleCase(
        triggers=[{"business.unit_economics": "cost_above_price"}],
        outside=[
            {"business.unit_economics": "thin_margin"},
            {"business.unit_economics": "not_calculated"},
        ],
    ),
    "no_recurring_revenue_late": RuleCase(
        triggers=[
            {"stage": "series_a", "business.paying_customers": "one_off_projects"},
            {"stage": "growth", "business.paying_customers": "none_paying"},
        ],
        outside=[
            {"stage": "seed", "business.paying_customers": "none_paying"},
            {"stage": "series_a", "business.paying_customers": "first_recurring"},
        ],
    ),
    "compute_spend_uncontrolled": RuleCase(
        triggers=[{"funding.burn_and_compute": "no_control"}],
        outside=[{"funding.burn_and_compute": "tracking_only"}],
    ),
    "technical_risk_unmanaged": RuleCase(
        triggers=[
            {"risk.risk_identification": "informal_untested", "technology.maturity": "pilot"},
            {"risk.risk_identification": "no_list", "technology.maturity": "prototype"},
        ],
        outside=[
            {"risk.risk_identification": "written_not_reviewed", "technology.maturity": "pilot"},
            {
                "risk.risk_identification": "informal_untested",
                "technology.maturity": "production_early",
            },
        ],
    ),
    "unproven_core_technology": RuleCase(
        triggers=[{"technology.maturity": "unproven_concept"}],
        outside=[{"technology.maturity": "prototype"}],
    ),
    "hard_field_unproven": RuleCase(
        triggers=[
            {
                "stage": "pre_seed",
                "technology.field_obstacles": "heavy",
                "technology.real_world_validation": "not_tried",
            },
            {
                "stage": "growth",
                "technology.field_obstacles": "heavy",
                "technology.real_world_validation": "fell_short",
            },
            # in a safety-critical field, working in part of the cases is not yet proof
            {
                "stage": "seed",
                "technology.field_obstacles": "heavy",
                "technology.real_world_validation": "mixed",
            },
        ],
        outside=[
            {
                "technology.field_obstacles": "heavy",
                "technology.real_world_validation": "met_goals",
            },
            {
                "stage": "idea",
                "technology.field_obstacles": "heavy",
                "technology.real_world_validation": "not_tried",
            },
            {
                "technology.field_obstacles": "moderate",
                "technology.real_world_validation": "fell_short",
            },
        ],
    ),
    "weak_technical_capability": RuleCase(
        triggers=[
            {"team.ml_depth": "general_software_only"},
            {"team.ml_depth": "no_technical_founder"},
            {"technology.model_strategy": "outsourced_core"},
            # the factor branch: technical answers weak overall (score 29.8 < 30)
            {
                "team.ml_depth": "built_on_apis",
                "technology.model_strategy": "thin_api_wrapper",
                "technology.maturity": "prototype",
                "technology.real_world_validation": "not_tried",
                "technology.evaluation": "public_benchmarks",
                "technology.reliability": 1,
                "technology.compute_resources": ["none_of_these"],
            },
        ],
        outside=[
            {"team.ml_depth": "built_on_apis"},
            {"technology.model_strategy": "thin_api_wrapper"},
            # one step better on evaluation: technical innovation 32.4, above 30
            {
                "team.ml_depth": "built_on_apis",
                "technology.model_strategy": "thin_api_wrapper",
                "technology.maturity": "prototype",
                "technology.real_world_validation": "not_tried",
                "technology.evaluation": "own_test_set",
                "technology.reliability": 1,
                "technology.compute_resources": ["none_of_these"],
            },
        ],
    ),
    "tech_business_split": RuleCase(
        triggers=[{"team.tech_business_communication": "siloed"}],
        outside=[{"team.tech_business_communication": "ad_hoc"}],
    ),
    "core_team_breaking_up": RuleCase(
        triggers=[{"team.retention": "core_team_dissolving"}],
        outside=[{"team.retention": "key_person_left"}],
    ),
    "personal_data_unprotected": RuleCase(
        triggers=[{"risk.personal_data": "yes", "risk.privacy_measures": ["none_of_these"]}],
        outside=[
            {"risk.personal_data": "yes", "risk.privacy_measures": ["access_control"]},
            {"risk.personal_data": "no"},
        ],
    ),
    "privacy_basis_missing": RuleCase(
        triggers=[
            {"risk.personal_data": "yes", "risk.privacy_measures": ["encryption", "access_control"]}
        ],
        outside=[
            {"risk.privacy_measures": ["encryption", "lawful_basis_consent"]},
            {"risk.privacy_measures": ["impact_assessment"]},
            {"risk.privacy_measures": ["none_of_these"]},
            {"risk.personal_data": "no"},
        ],
    ),
    "fairness_unchecked": RuleCase(
        triggers=[
            {"risk.fairness_transparency": ["none_of_these"], "risk.high_impact_use": "yes"},
            {
                "risk.fairness_transparency": ["none_of_these"],
                "risk.high_impact_use": "no",
                "market.primary_sector": "education",
            },
            {
                "risk.fairness_transparency": ["none_of_these"],
                "risk.high_impact_use": "yes",
                "market.primary_sector": "consumer",
            },
        ],
        outside=[
            {"risk.fairness_transparency": ["ai_disclosure"]},
            {
                "risk.fairness_transparency": ["none_of_these"],
                "risk.high_impact_use": "no",
                "market.primary_sector": "manufacturing",
            },
        ],
    ),
    "data_rights_unclear": RuleCase(
        triggers=[
            {"risk.data_provenance": "unknown_sources"},
            {"risk.data_provenance": "scraped_unchecked"},
        ],
        outside=[{"risk.data_provenance": "partly_documented"}],
    ),
    "legal_review_missing": RuleCase(
        triggers=[
            {"risk.legal_review": "no", "risk.personal_data": "yes"},
            {
                "risk.legal_review": "no",
                "market.primary_sector": "mobility_autonomous_driving",
                "risk.personal_data": "no",
                "risk.high_impact_use": "no",
                "risk.public_genai": "no",
            },
        ],
        outside=[
            {"risk.legal_review": "yes"},
            {
                "risk.legal_review": "no",
                "market.primary_sector": "retail_ecommerce",
                "risk.personal_data": "no",
                "risk.high_impact_use": "no",
                "risk.public_genai": "no",
            },
        ],
    ),
    "regulatory_path_missing": RuleCase(
        triggers=[
            {"risk.high_impact_use": "yes", "risk.regulatory_pathway": "not_checked"},
            {"risk.public_genai": "yes", "risk.regulatory_pathway": "known_no_plan"},
        ],
        outside=[{"risk.regulatory_pathway": "pathway_planned"}],
    ),
    "unsafe_high_impact_outputs": RuleCase(
        triggers=[{"risk.high_impact_use": "yes", "risk.output_safety": ["none_of_these"]}],
        outside=[
            {"risk.output_safety": ["abuse_protection"]},
            {"risk.output_safety": ["none_of_these"], "risk.high_impact_use": "no"},
        ],
    ),
}


def strong_answers(
    content: Content, changes: Changes | None = None, *, stage: str | None = None
) -> Answers:
    """The best answer everywhere, then `changes`; every changed question must be asked.

    A `stage` key in `changes` sets the answers' stage (for stage-aware rules).
    """
    changes = dict(changes or {})
    stage = changes.pop("stage", stage)
    data = answers_data(content, pick="best", overrides=changes, stage=stage)
    missing = sorted(set(changes) - set(data["answers"]))
    if missing:
        raise AssertionError(f"changed questions are not asked with these answers: {missing}")
    return parse_answers(data, content, source="strong baseline")


def scorecard(content: Content, answers: Answers, *, stage: str | None = None) -> Scorecard:
    return score(content, answers, stage=stage, generated_at="2026-01-01T00:00:00+00:00")


def flag_ids(content: Content, answers: Answers, *, stage: str | None = None) -> list[str]:
    return [hit.id for hit in scorecard(content, answers, stage=stage).red_flags]


def with_changes(content: Content, answers: Answers, changes: Changes) -> Answers:
    """`answers` with `changes` applied, as the interview would then ask.

    Questions that the changes switch on get their worst answer; questions they switch off
    are dropped. Everything else keeps its answer.
    """
    rng = random.Random(0)
    values: dict[str, AnswerValue] = {}
    skipped: list[str] = []
    for question in content.questions:
        if question.when is not None and not applies(question.when, values, content=content):
            continue
        if question.id in changes:
            values[question.id] = coerce_answer(question, changes[question.id])
        elif question.id in answers.values:
            values[question.id] = answers.values[question.id]
        elif question.id in answers.skipped or not question.required:
            skipped.append(question.id)
        else:
            values[question.id] = answer_for(question, "worst", rng)[1]
    return Answers(
        founder=answers.founder,
        company=answers.company,
        stage=changes.get("stage", answers.stage),
        values=values,
        skipped=tuple(skipped),
        source="changed",
    )


def only_worse(content: Content, before: Answers, after: Answers) -> bool:
    """No scored answer improved, none was removed, and every added one is worth 0."""
    for question in content.questions:
        if not question.scored:
            continue
        old = before.values.get(question.id)
        new = after.values.get(question.id)
        if old is not None and new is None:
            return False
        if new is None:
            continue
        new_value = answer_value(question, new)
        if old is None:
            if new_value > 0.0:
                return False
        elif new_value > answer_value(question, old) + 1e-9:
            return False
    return True
