"""`founder-check explain ID`: the data for each kind of id, and the command around it."""

from __future__ import annotations

import dataclasses
import io
import json
import math

import pytest
from rich.console import Console

from founder_check import Content
from founder_check.content.models import Lang
from founder_check.report.explain.lookup import (
    UnknownIdError,
    chapter_ref,
    condition_text,
    explain,
    shares,
)
from founder_check.report.explain.render import render_explain
from tests.conftest import run_cli
from tests.rule_helpers import scorecard, strong_answers


def test_question_lists_values_factors_and_sources(content: Content) -> None:
    data = explain(content, "market.segment_focus")
    assert data["kind"] == "question"
    assert data["type"] == "single"
    assert data["stage"]["id"] == content.default_stage
    options = {o["id"]: o["value"] for o in data["answers"]["options"]}
    assert options["one_defined_segment"] == 1.0
    assert options["several_unrelated"] == 0.05
    assert [f["id"] for f in data["factors"]] == ["market_positioning", "risk_management"]
    assert data["factors"][0]["weight"] == 2.0
    assert 0 < data["share_of_overall"] < 0.1
    assert math.isclose(
        data["share_of_overall"], sum(f["share_of_overall"] for f in data["factors"]), abs_tol=1e-3
    )
    assert "002 §1.14.1" in [c["ref"] for c in data["chapters"]]
    assert "unfocused_segments" in data["red_flags"]
    assert "validating" in data["gates"]
    json.dumps(data)


def test_question_says_what_to_do_and_within_how_many_days(content: Content) -> None:
    question = content.question_by_id["risk.risk_identification"]
    assert question.action is not None
    data = explain(content, question.id)
    assert data["action"] == question.action.en and "risk register" in data["action"]
    assert data["horizon_days"] == question.horizon_days == 30
    assert explain(content, question.id, lang="zh")["action"] == question.action.zh
    context = explain(content, "risk.personal_data")
    assert context["action"] is None and context["horizon_days"] is None


def test_cli_explain_shows_the_action_and_its_time_frame(content: Content) -> None:
    question = content.question_by_id["technology.data_advantage"]
    assert question.action is not None and question.horizon_days == 90
    shown = run_cli("explain", question.id)
    assert shown.returncode == 0, shown.stderr
    flat = " ".join(line.strip(" │") for line in shown.stdout.splitlines())
    assert "What to do: Secure data competitors cannot get" in flat
    assert "(within 90 days)" in flat
    zh = run_cli("explain", question.id, "--lang", "zh").stdout
    assert "建议行动" in zh and "（90 天内）" in zh
    context = run_cli("explain", "risk.personal_data").stdout
    assert "What to do" not in context


def test_number_question_shows_bands(content: Content) -> None:
    data = explain(content, "funding.runway_months")
    bands = data["answers"]["bands"]
    assert bands[0]["from"] == 0 and bands[-1]["to"] == 120
    assert data["answers"]["unit"] == "months"


def test_conditional_and_stage_bound_questions(content: Content) -> None:
    conditional = explain(content, "risk.privacy_measures")
    assert conditional["when"]["condition"] == {"question": "risk.personal_data", "equals": "yes"}
    assert "risk.personal_data" in conditional["when"]["text"]
    context = explain(content, "risk.personal_data")
    assert context["scored"] is False and context["share_of_overall"] == 0
    assert "risk.privacy_measures" in context["decides_whether_asked"]
    later = explain(content, "business.revenue_growth", stage="seed")
    assert later["from_stage"]["id"] == "series_a"
    assert later["scored_at_stage"] is False and later["share_of_overall"] == 0
    assert explain(content, "business.revenue_growth", stage="growth")["share_of_overall"] > 0


@pytest.mark.parametrize("stage", ["idea", "seed", "growth"])
def test_shares_add_up_to_the_whole_score(content: Content, stage: str) -> None:
    total = sum(
        sum(by_factor.values())
        for by_factor in shares(content, content.stage_by_id[stage]).values()
    )
    assert math.isclose(total, 1.0)


@pytest.mark.parametrize("stage", ["idea", "series_a"])
def test_shares_match_the_engine(content: Content, stage: str) -> None:
    """With every question answered at its best, a question's points are its share."""
    card = scorecard(content, strong_answers(content), stage=stage)
    expected = shares(content, content.stage_by_id[stage])
    for result in card.questions:
        if result.status == "answered":
            assert math.isclose(
                result.overall_points / 100, sum(expected[result.id].values()), abs_tol=1e-4
            )


def test_factor_lists_stages_and_questions(content: Content) -> None:
    data = explain(content, "funding_strategy")
    assert data["kind"] == "factor"
    assert [s["id"] for s in data["stages"]] == [s.id for s in content.stages]
    idea = data["stages"][0]
    assert idea["weight"] == content.stage_by_id["idea"].weights["funding_strategy"]
    assert idea["target"] == content.stage_by_id["idea"].targets["funding_strategy"]
    ids = [q["id"] for q in data["questions"]]
    assert "funding.runway_months" in ids
    counted = [q["share_of_factor"] for q in data["questions"] if q["share_of_factor"]]
    assert math.isclose(sum(counted), 1.0, abs_tol=1e-3)


def test_red_flag_shows_rule_cap_and_sources(content: Content) -> None:
    data = explain(content, "runway_critical")
    assert data["severity"] == "critical"
    assert data["caps_level"]["id"] == content.red_flag_caps["critical"]
    assert data["points"] == content.red_flag_points["critical"] > 0
    assert data["when"]["text"] == (
        "funding.runway_months < 6 and funding.position_and_plan is one of "
        "no_plan, written_plan_no_commitment"
    )
    assert data["questions"] == ["funding.runway_months", "funding.position_and_plan"]
    assert any("002 §1.14.1" in case for case in data["cases"])
    assert explain(content, "legal_review_missing")["caps_level"] is None
    assert explain(content, "weak_technical_capability")["factors"] == ["technical_innovation"]


def test_condition_text_reads_nested_rules(content: Content) -> None:
    rule = content.red_flag_by_id["privacy_basis_missing"].when
    assert condition_text(rule) == (
        "risk.personal_data is yes and not (risk.privacy_measures includes none_of_these) and "
        "not (risk.privacy_measures includes any of lawful_basis_consent, impact_assessment)"
    )
    assert "且" in condition_text(rule, "zh")
    gate = content.level_by_id["validating"].requires[0].when
    assert condition_text(gate, content=content).endswith(
        "(two_three_related, one_plus_adjacent, horizontal_platform, one_defined_segment)"
    )


@pytest.mark.parametrize("written", ["002 §1.14.1", "002§1.14.1", "002 1.14.1", "002-1.14.1"])
def test_chapter_refs_in_several_spellings(content: Content, written: str) -> None:
    assert chapter_ref(written) == "002 §1.14.1"
    data = explain(content, written)
    assert data["kind"] == "chapter" and data["id"] == "002 §1.14.1"
    assert "runway_critical" in data["cited_by"]["red_flags"]
    assert "market.segment_focus" in data["cited_by"]["questions"]


def test_chapter_lists_subsections(content: Content) -> None:
    data = explain(content, "002 §1.14")
    assert data["subsections"] == ["002 §1.14.1", "002 §1.14.2"]
    assert explain(content, "000 §b.2")["id"] == "000 §B.2"


def test_stage_and_level(content: Content) -> None:
    stage = explain(content, "idea")
    assert stage["kind"] == "stage" and stage["rank"] == 0
    assert "market.user_acceptance" in stage["not_scored_yet"]
    assert math.isclose(sum(f["share_of_overall"] for f in stage["factors"]), 1.0, abs_tol=1e-3)
    level = explain(content, "scaling")
    assert level["kind"] == "level" and level["min_score"] == 70
    assert level["requires"], "the top gate has must-haves"
    assert explain(content, "validating")["capped_by"] == ["major"]
    assert explain(content, "exploring")["capped_by"] == ["critical"]


def test_chinese_texts(content: Content) -> None:
    data = explain(content, "runway_critical", lang="zh")
    assert data["title"] == content.red_flag_by_id["runway_critical"].title.zh
    assert "且" in data["when"]["text"]


def test_unknown_id_suggests_close_matches(content: Content) -> None:
    with pytest.raises(UnknownIdError) as caught:
        explain(content, "runway")
    message = str(caught.value)
    assert "funding.runway_months" in message and "runway_critical" in message
    assert caught.value.exit_code == 1
    with pytest.raises(UnknownIdError, match="segment_focus"):
        explain(content, "segment_fcus")


def test_cli_explain_renders_and_prints_json() -> None:
    shown = run_cli("explain", "market.segment_focus")
    assert shown.returncode == 0, shown.stderr
    assert "market.segment_focus" in shown.stdout and "0.05" in shown.stdout
    as_json = run_cli("explain", "unfocused_segments", "--json", "--lang", "zh")
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    assert data["kind"] == "red_flag" and data["severity"] == "major"


def test_cli_explain_unknown_id_exits_1() -> None:
    result = run_cli("explain", "runwya_critical")
    assert result.returncode == 1
    assert "runway_critical" in result.stderr
    assert result.stdout == ""


def test_cli_explain_rejects_unknown_stage() -> None:
    result = run_cli("explain", "team", "--stage", "series_z")
    assert result.returncode == 2


def _shown(content: Content, item_id: str, lang: Lang = "en") -> list[str]:
    """The lines `explain` prints for `item_id`, stripped, on a console wide enough for any."""
    console = Console(file=io.StringIO(), width=400, color_system=None)
    render_explain(explain(content, item_id, lang=lang), content, lang, console)
    return [line.strip() for line in console.file.getvalue().splitlines()]  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cross_references_are_named_with_their_ids(content: Content, lang: Lang) -> None:
    lines = _shown(content, "market.demand_validation", lang)
    flag = content.red_flag_by_id["demand_unvalidated"].title.get(lang)
    gates = [content.level_by_id[g].name.get(lang) for g in ("validating", "fundable")]
    if lang == "en":
        assert "Red flags that look at it: " + f"{flag} (demand_unvalidated)" in lines
        assert f"Gates that require it: {gates[0]} (validating); {gates[1]} (fundable)" in lines
    else:
        assert f"{flag}（demand_unvalidated）" in "".join(lines)
        assert f"{gates[0]}（validating）；{gates[1]}（fundable）" in "".join(lines)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_questions_cross_referenced_show_their_text_then_their_id(
    content: Content, lang: Lang
) -> None:
    lines = _shown(content, "002 §1.14.1", lang)
    cited = explain(content, "002 §1.14.1")["cited_by"]["questions"]
    assert cited
    for question_id in cited:
        at = lines.index(f"•  {content.question_by_id[question_id].text.get(lang)}")
        assert lines[at + 1] == question_id
    runway = content.red_flag_by_id["runway_critical"].title.get(lang)
    assert any(f"{runway}" in line and "runway_critical" in line for line in lines)


def test_stages_and_severities_are_named(content: Content) -> None:
    seed = content.stage_by_id["seed"].name.get("en")
    factor_lines = _shown(content, "market_positioning")
    assert any(f"Scored from stage: {seed}" in line for line in factor_lines)
    assert not any("Scored from stage: seed" in line for line in factor_lines)
    assert "Red flags of these severities cap the level here: MAJOR" in _shown(
        content, "validating"
    )
    idea = _shown(content, "idea")
    at = idea.index(f"•  {content.question_by_id['market.user_acceptance'].text.get('en')}")
    assert idea[at + 1] == "market.user_acceptance"
    assert "Subsections: " in "\n".join(_shown(content, "002 §1.14"))
    title = content.chapter_by_ref["002 §1.14.1"].title.get("en")
    assert f"{title} (002 §1.14.1)" in "\n".join(_shown(content, "002 §1.14"))


def test_an_id_that_names_two_things_names_the_other_too(content: Content) -> None:
    stage = dataclasses.replace(content.stage_by_id["seed"], id="team")
    twice = dataclasses.replace(content, stages=(*content.stages, stage))
    lines = _shown(twice, "team")
    assert lines[-1] == f"The same id also names: Stage {stage.name.get('en')} (team)"
