"""A factor's figures in every report: score and gap to one decimal, so that where a factor
falls short, the score shown plus the gap shown is the target shown (whole numbers showed a
score of 40.5 against 45 as 40 with a gap of 4, and 34.5 against 35 as a gap of 0)."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings

from founder_check import load_content
from founder_check.report.formats import ExportFormat, export
from founder_check.report.view import FactorView, build_view
from founder_check.scoring.answers import Answers, load_answers
from founder_check.scoring.engine import score
from tests.conftest import ROOT
from tests.test_engine_properties import answers_strategy

CONTENT = load_content()


def _adds_up(factor: FactorView) -> bool:
    if factor.score is None or factor.target is None or factor.gap is None:
        return True
    shown = float(factor.score_text), float(factor.target_text), float(factor.gap_text)
    if factor.gap == 0:
        return shown[0] >= shown[1] and shown[2] == 0
    return round(shown[0] + shown[2], 1) == shown[1]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers_strategy())
def test_score_and_gap_shown_add_up_to_the_target(answers: Answers) -> None:
    card = score(CONTENT, answers)
    view = build_view(card, CONTENT)
    assert all(_adds_up(factor) for factor in view.factors)
    for factor in card.factors:  # the scorecard's own figures agree the same way
        if factor.score is not None and factor.target is not None and factor.gap:
            assert round(factor.score + factor.gap, 1) == factor.target


def test_the_gap_is_taken_from_the_score_as_shown() -> None:
    """A team score of 31.25 at seed shows as 31.3; its gap to 65 is 33.7, not the 33.8 that
    rounding 65 - 31.25 on its own gives."""
    example = load_answers(ROOT / "examples" / "seed-founder.yaml", CONTENT)
    team = {
        "team.ml_depth": "general_software_only",
        "team.ml_team_depth": "founders_only",
        "team.business_expertise": "founder_industry_veteran",
        "team.roles_covered": ("compliance_legal",),
        "team.tech_business_communication": "siloed",
        "team.retention": "stable_founder_equity_only",
        "team.founder_qualities": ("none_of_these",),
        "team.hiring_pipeline": "roles_known_not_started",
        "team.advisors": "names_only",
        "funding.dilution_awareness": "not_considered",
    }
    card = score(CONTENT, Answers(stage="seed", values={**example.values, **team}))
    factor = next(f for f in card.factors if f.id == "team")
    assert (factor.score, factor.target, factor.gap) == (31.3, 65, 33.7)


def test_a_half_point_short_is_not_shown_as_no_gap() -> None:
    """The idea-stage example: compliance scores 34.5 against a target of 35."""
    card = score(CONTENT, load_answers(ROOT / "examples" / "idea-founder.json", CONTENT))
    compliance = next(f for f in card.factors if f.id == "compliance_ethics")
    assert (compliance.score, compliance.target, compliance.gap) == (34.5, 35, 0.5)
    markdown = export(card, ExportFormat.markdown, CONTENT)
    row = next(line for line in markdown.splitlines() if line.startswith("| Compliance"))
    assert re.fullmatch(r"\| Compliance and ethics \| 34\.5 \| 35 \| 0\.5 \| \d+% \|", row), row


def test_a_factor_without_a_score_shows_a_dash() -> None:
    missing = FactorView("Team", None, 50, None, "20%")
    assert (missing.score_text, missing.target_text, missing.gap_text) == ("—", "50", "—")
