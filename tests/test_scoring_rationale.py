"""docs/scoring-rationale.md stays true: its generated table is what `founder-check content
weights --markdown` prints for the bundled content, and every statement its prose makes
about the stage weights and targets holds for scoring/stages.yaml.

After a deliberate change to the weights or questions, refresh the table with
`UPDATE_DOCS=1 .venv/bin/pytest tests/test_scoring_rationale.py` and check the prose.
"""

from __future__ import annotations

import itertools
import os
import re

import pytest

from founder_check import Content
from founder_check.content.weights import StageWeights, stage_weights
from founder_check.report.weights import weights_markdown
from founder_check.scoring.conditions import questions_in
from tests.conftest import ROOT

DOC = ROOT / "docs" / "scoring-rationale.md"
BEGIN = "<!-- generated: founder-check content weights --markdown -->"
END = "<!-- end generated -->"
REGENERATE = (
    "docs/scoring-rationale.md: the generated table is out of date with the bundled content. "
    "Regenerate it with `UPDATE_DOCS=1 .venv/bin/pytest tests/test_scoring_rationale.py` (or "
    f"paste the output of `founder-check content weights --markdown` between `{BEGIN}` and "
    f"`{END}`), then check that the prose still describes the numbers."
)
EARLY = ("idea", "pre_seed", "seed")  # the stages the doc says team leads
TECH_GROUP = ("technical_innovation", "product_iteration", "data_advantage")


def _doc() -> str:
    return DOC.read_text(encoding="utf-8")


def _split(text: str) -> tuple[str, str, str]:
    assert text.count(BEGIN) == 1 and text.count(END) == 1, f"{DOC}: one {BEGIN} ... {END}"
    head, rest = text.split(BEGIN)
    block, tail = rest.split(END)
    return head, block, tail


def test_generated_table_is_current(content: Content) -> None:
    text = _doc()
    head, block, tail = _split(text)
    expected = "\n" + weights_markdown(content, "en")
    if block != expected and os.environ.get("UPDATE_DOCS") == "1":
        DOC.write_text(head + BEGIN + expected + END + tail, encoding="utf-8")
        block = expected
    assert block == expected, REGENERATE


@pytest.fixture(scope="module")
def stages(content: Content) -> dict[str, StageWeights]:
    return {stage.stage: stage for stage in stage_weights(content)}


def _share(stage: StageWeights, *factors: str) -> float:
    return sum(stage.factor(f).share for f in factors)


def _ranked(stage: StageWeights) -> list[str]:
    return [row.factor for row in sorted(stage.factors, key=lambda row: -row.share)]


def _path(content: Content, stages: dict[str, StageWeights], factor: str) -> list[float]:
    return [stages[s.id].factor(factor).share for s in content.stages]


def test_early_stages_exist(content: Content) -> None:
    assert [s.id for s in content.stages[: len(EARLY)]] == list(EARLY)


@pytest.mark.parametrize("stage_id", EARLY)
def test_team_carries_the_largest_single_weight_up_to_seed(
    stages: dict[str, StageWeights], stage_id: str
) -> None:
    stage = stages[stage_id]
    team = stage.factor("team").share
    others = {row.factor: row.share for row in stage.factors if row.factor != "team"}
    assert all(team > share for share in others.values()), (stage_id, team, others)


@pytest.mark.parametrize("stage_id", EARLY)
def test_team_and_market_carry_at_least_a_third_up_to_seed(
    stages: dict[str, StageWeights], stage_id: str
) -> None:
    assert _share(stages[stage_id], "team", "market_positioning") >= 100 / 3 - 1e-9


@pytest.mark.parametrize("stage_id", EARLY)
def test_market_then_technology_follow_the_team_up_to_seed(
    stages: dict[str, StageWeights], stage_id: str
) -> None:
    assert _ranked(stages[stage_id])[:3] == ["team", "market_positioning", "technical_innovation"]


def test_risk_and_compliance_stay_a_minority(stages: dict[str, StageWeights]) -> None:
    for stage_id, stage in stages.items():
        share = _share(stage, "risk_management", "compliance_ethics")
        assert share <= 15 + 1e-9, f"{stage_id}: risk + compliance weigh {share:.1f}%"


def test_technology_group_outweighs_paynes_fifteen_percent(
    stages: dict[str, StageWeights],
) -> None:
    for stage_id, stage in stages.items():
        assert _share(stage, *TECH_GROUP) > 15, stage_id


def _monotone(values: list[float], rising: bool) -> bool:
    pairs = itertools.pairwise(values)
    return all(b >= a - 1e-9 if rising else b <= a + 1e-9 for a, b in pairs)


@pytest.mark.parametrize(
    ("factor", "rising"),
    [
        ("team", False),
        ("technical_innovation", False),
        ("business_model", True),
        ("funding_strategy", True),
        ("product_iteration", True),
    ],
)
def test_weights_move_with_the_stage_as_the_doc_says(
    content: Content, stages: dict[str, StageWeights], factor: str, rising: bool
) -> None:
    path = _path(content, stages, factor)
    assert _monotone(path, rising), (factor, "should never " + ("shrink" if rising else "grow"))


@pytest.mark.parametrize("factor", ["risk_management", "data_advantage"])
def test_weights_the_doc_calls_constant(
    content: Content, stages: dict[str, StageWeights], factor: str
) -> None:
    path = _path(content, stages, factor)
    assert max(path) - min(path) < 1e-9, (factor, path)


def test_business_model_leads_at_the_last_stage(content: Content) -> None:
    last = stage_weights(content)[-1]
    assert _ranked(last)[0] == "business_model", _ranked(last)


def test_targets_rise_with_the_stage(content: Content) -> None:
    for factor in content.factors:
        targets = [stage.targets.get(factor.id) for stage in content.stages]
        known = [t for t in targets if t is not None]
        assert len(known) == len(targets), f"{factor.id}: a stage sets no target"
        assert _monotone(known, rising=True), f"{factor.id}: targets {targets} fall somewhere"


def test_first_stage_targets_favour_what_can_be_shown_early(content: Content) -> None:
    targets = content.stages[0].targets
    early = ("team", "technical_innovation", "market_positioning")
    lowest_early = min(targets[f] for f in early)
    later = {f.id: targets[f.id] for f in content.factors if f.id not in early}
    assert all(lowest_early >= t for t in later.values()), (lowest_early, later)


# --- references in the prose -------------------------------------------------------------

_CHAPTER = re.compile(r"\b(\d{3}) §([0-9A-Z]+(?:\.[0-9]+)*)")
_CODE = re.compile(r"`([^`]+)`")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_WORDS_IN_CODE = {"requires", "red_flag_points"}  # backticked words that are YAML keys, not ids


def _prose() -> str:
    head, _, tail = _split(_doc())
    return head + tail


def test_every_cited_chapter_exists(content: Content) -> None:
    cited = {f"{doc} §{section}" for doc, section in _CHAPTER.findall(_prose())}
    assert len(cited) > 30
    missing = sorted(cited - set(content.chapter_by_ref))
    assert not missing, (
        f"docs/scoring-rationale.md cites chapters not in scoring/chapters/: {missing}"
    )


def test_every_named_id_exists(content: Content) -> None:
    known: set[str] = set(_WORDS_IN_CODE)
    known.update(content.red_flag_by_id, content.factor_by_id, content.stage_by_id)
    known.update(content.level_by_id)
    named = {token for token in _CODE.findall(_prose()) if _ID.match(token)}
    assert named, "the doc names no ids"
    assert not sorted(named - known), f"unknown ids in docs/scoring-rationale.md: {named - known}"


def test_every_factor_has_a_section(content: Content) -> None:
    prose = _prose()
    for factor in content.factors:
        assert f"### {factor.name.en} (`{factor.id}`)" in prose, factor.id


# --- what the prose says about red flags, gates and questions ----------------------------

SEVERITIES = {  # as the doc states them
    "runway_critical": "critical",
    "core_team_breaking_up": "critical",
    "personal_data_unprotected": "critical",
    "unsafe_high_impact_outputs": "critical",
    "tech_business_split": "major",
    "weak_technical_capability": "major",
    "runway_short_unplanned": "major",
    "fundraising_stalled": "major",
    "privacy_basis_missing": "major",
    "fairness_unchecked": "major",
    "data_rights_unclear": "minor",
    "regulatory_path_missing": "major",
    "legal_review_missing": "minor",
}
CAPS = {"critical": "exploring", "major": "validating"}
MUST_HAVES = {  # level -> questions behind the must-haves the doc attributes to it
    "validating": {
        "funding.runway_months",
        "team.ml_depth",
        "market.segment_focus",
        "market.demand_validation",
        "technology.maturity",
    },
    "fundable": {
        "funding.runway_months",
        "funding.position_and_plan",
        "risk.risk_identification",
        "team.roles_covered",
        "team.tech_business_communication",
        "market.demand_validation",
        "market.positioning_clarity",
        "market.competition_giants",
        "business.revenue_model",
        "business.model_differentiation",
        "technology.maturity",
    },
    "scaling": {
        "funding.runway_months",
        "risk.risk_identification",
        "risk.legal_review",
        "business.paying_customers",
        "business.unit_economics",
        "business.gtm_channel",
        "technology.evaluation",
    },
}
FROM_STAGE = {"business.paying_customers": "seed", "business.revenue_growth": "series_a"}


def test_red_flag_severities_and_caps_are_as_stated(content: Content) -> None:
    for flag_id, severity in SEVERITIES.items():
        assert content.red_flag_by_id[flag_id].severity == severity, flag_id
    assert dict(content.red_flag_caps) == CAPS


def test_must_haves_are_where_stated(content: Content) -> None:
    for level_id, questions in MUST_HAVES.items():
        level = content.level_by_id[level_id]
        required = {q for must in level.requires for q in questions_in(must.when)}
        assert questions <= required, (level_id, sorted(questions - required))
    for level in content.levels[1:]:
        required = {q for must in level.requires for q in questions_in(must.when)}
        assert "funding.runway_months" in required, f"{level.id}: the runway is not a must-have"


def test_traction_questions_count_from_the_stated_stages(content: Content) -> None:
    for question_id, stage_id in FROM_STAGE.items():
        assert content.question_by_id[question_id].from_stage == stage_id, question_id


def test_market_stays_below_paynes_opportunity_and_competition(
    stages: dict[str, StageWeights],
) -> None:
    for stage_id, stage in stages.items():
        assert stage.factor("market_positioning").share < 35, stage_id
