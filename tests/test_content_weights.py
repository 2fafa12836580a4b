"""`content.weights` agrees with the scoring engine, and `founder-check content weights`
shows it: shares add up to 100, a factor's points are exactly what the engine gives it, the
question counts are the engine's, and the command prints names, not ids."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from founder_check import Content, load_content
from founder_check.content.weights import counts_at, stage_weights, weights_at
from founder_check.report.explain.lookup import explain
from founder_check.report.weights import weights_markdown
from founder_check.scoring.answers import load_answers, parse_answers
from founder_check.scoring.engine import score
from founder_check.scoring.scorecard import Scorecard
from tests.answer_factory import answers_data
from tests.conftest import copy_content as _copy_content
from tests.conftest import run_cli


def _card(content: Content, data: dict[str, object], stage: str) -> Scorecard:
    answers = parse_answers(data, content, source="test")
    return score(content, answers, stage=stage)


def _profiles(content: Content) -> list[dict[str, object]]:
    profiles = [answers_data(content, pick=pick) for pick in ("best", "worst", "first")]
    profiles += [answers_data(content, rng=random.Random(seed)) for seed in range(12)]
    return profiles


def test_shares_and_points_add_up_to_100(content: Content) -> None:
    for stage in stage_weights(content):
        assert sum(row.share for row in stage.factors) == pytest.approx(100)
        assert sum(row.points for row in stage.factors) == pytest.approx(100)
        assert all(row.share >= 0 and row.points >= 0 for row in stage.factors)


def test_rows_follow_the_content(content: Content) -> None:
    for model, stage in zip(content.stages, stage_weights(content), strict=True):
        assert stage.stage == model.id
        assert [row.factor for row in stage.factors] == [f.id for f in content.factors]
        for row in stage.factors:
            default = content.factor_by_id[row.factor].weight
            assert row.weight == model.weights.get(row.factor, default)
            assert row.target == model.targets.get(row.factor)


def test_points_are_what_the_engine_gives_each_factor(content: Content) -> None:
    """overall == sum(points x factor score) / 100, and per question, its overall points
    are its factor contributions times the factors' points: the engine's own arithmetic."""
    checked = 0
    for stage in content.stages:
        rows = weights_at(content, stage)
        points = {row.factor: row.points for row in rows.factors}
        for data in _profiles(content):
            card = _card(content, data, stage.id)
            if any(f.score is None for f in card.factors):
                continue
            overall = sum(points[f.id] * (f.score or 0.0) / 100 for f in card.factors)
            assert card.overall - card.red_flag_points == pytest.approx(overall, abs=0.1)
            for question in card.questions:
                expected = sum(points[f] * p / 100 for f, p in question.contributions.items())
                assert question.overall_points == pytest.approx(expected, abs=0.01)
            checked += 1
    assert checked >= len(content.stages) * 10


def test_a_factor_moves_the_overall_score_by_its_points(content: Content) -> None:
    """Every answer at its worst, then one factor's questions (those feeding it alone) at
    their best: the overall score moves by points x the factor's score change / 100."""
    for stage in content.stages:
        points = {row.factor: row.points for row in weights_at(content, stage).factors}
        worst = answers_data(content, pick="worst")
        before = _card(content, worst, stage.id)
        for factor in content.factors:
            own = [
                q.id
                for q in content.questions
                if list(q.factors) == [factor.id]
                and q.when is None
                and q.id in worst["answers"]
                and counts_at(content, q, stage)
            ]
            if not own:
                continue
            best = answers_data(content, pick="best")["answers"]
            moved = {**worst, "answers": {**worst["answers"], **{q: best[q] for q in own}}}
            after = _card(content, moved, stage.id)
            scores = {
                f.id: (f.score, g.score) for f, g in zip(before.factors, after.factors, strict=True)
            }
            assert all(a == b for f, (a, b) in scores.items() if f != factor.id)
            old, new = scores[factor.id]
            assert old is not None and new is not None and new > old
            change = (after.overall - after.red_flag_points) - (
                before.overall - before.red_flag_points
            )
            assert change == pytest.approx(points[factor.id] * (new - old) / 100, abs=0.11)


def test_question_counts_are_the_engines(content: Content) -> None:
    """Each count is the engine's applicable count plus the questions that were expected at
    the stage but whose condition did not hold for this founder."""
    for stage in content.stages:
        rows = weights_at(content, stage)
        rank = content.stage_rank[stage.id]
        for data in _profiles(content)[:5]:
            card = _card(content, data, stage.id)
            skipped_by_condition = [
                content.question_by_id[q.id] for q in card.questions if q.status == "not_applicable"
            ]
            expected_there = [
                q
                for q in skipped_by_condition
                if q.scored and (q.from_stage is None or content.stage_rank[q.from_stage] <= rank)
            ]
            assert rows.questions == card.coverage.applicable + len(expected_there)
            for factor in card.factors:
                conditional = sum(1 for q in expected_there if factor.id in q.factors)
                assert rows.factor(factor.id).questions == factor.applicable + conditional


def test_points_match_explain(content: Content) -> None:
    for stage in content.stages:
        data = explain(content, stage.id)
        rows = weights_at(content, stage)
        for factor in data["factors"]:
            assert rows.factor(factor["id"]).points / 100 == pytest.approx(
                factor["share_of_overall"], abs=1e-4
            )


def _without_factor(content: Content, factor_id: str) -> Content:
    """The content with no question feeding `factor_id` (its stage weights kept)."""
    sections = tuple(
        dataclasses.replace(
            section,
            questions=tuple(
                dataclasses.replace(
                    q, factors={f: w for f, w in q.factors.items() if f != factor_id}
                )
                for q in section.questions
                if set(q.factors) != {factor_id}
            ),
        )
        for section in content.sections
    )
    return dataclasses.replace(content, sections=sections)


def test_a_factor_without_questions_moves_nothing(content: Content) -> None:
    reduced = _without_factor(content, "data_advantage")
    data = answers_data(reduced, rng=random.Random(3))
    for stage in reduced.stages:
        rows = weights_at(reduced, stage)
        absent = rows.factor("data_advantage")
        assert absent.questions == 0 and absent.points == 0 and absent.share > 0
        assert sum(row.points for row in rows.factors) == pytest.approx(100)
        card = _card(reduced, data, stage.id)
        overall = sum(rows.factor(f.id).points * (f.score or 0.0) / 100 for f in card.factors)
        assert card.overall - card.red_flag_points == pytest.approx(overall, abs=0.1)


def test_questions_from_a_later_stage_do_not_count(content: Content) -> None:
    first, last = stage_weights(content)[0], stage_weights(content)[-1]
    late = [q for q in content.questions if q.scored and q.from_stage is not None]
    assert late, "the content has no question scored only from a later stage"
    assert first.questions < last.questions
    for factor in {f for q in late for f in q.factors}:
        assert first.factor(factor).questions < last.factor(factor).questions


# --- the command ---------------------------------------------------------------------


def test_weights_command_shows_names_per_stage(content: Content) -> None:
    result = run_cli("content", "weights")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Overall points each factor can move" in out
    for model in (*content.factors, *content.stages):
        assert model.name.en in out
    for factor in content.factors:
        assert factor.id not in out


def test_weights_command_in_chinese(content: Content) -> None:
    result = run_cli("content", "weights", "--lang", "zh")
    assert result.returncode == 0, result.stderr
    for model in (*content.factors, *content.stages):
        assert model.name.zh in result.stdout
    assert "总分点数" in result.stdout and "合计" in result.stdout


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_weights_markdown_is_the_function_output(lang: str) -> None:
    result = run_cli("content", "weights", "--markdown", "--lang", lang)
    assert result.returncode == 0, result.stderr
    assert result.stdout == weights_markdown(load_content(), lang)  # type: ignore[arg-type]
    assert "technical_innovation" not in result.stdout


def test_weights_command_reads_another_folder(tmp_path: Path) -> None:
    other = _copy_content(tmp_path)
    expected = weights_markdown(load_content(other))
    by_argument = run_cli("content", "weights", str(other), "--markdown")
    by_option = run_cli("content", "weights", "--content", str(other), "--markdown")
    assert by_argument.returncode == 0 and by_argument.stdout == expected
    assert by_option.returncode == 0 and by_option.stdout == expected


def test_weights_command_usage_errors(tmp_path: Path) -> None:
    both = run_cli("content", "weights", str(tmp_path), "--content", str(tmp_path))
    assert both.returncode == 2 and "not both" in both.stderr
    missing = run_cli("content", "weights", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "no such folder" in missing.stderr
    broken = run_cli("content", "weights", str(tmp_path))  # a folder, but no content in it
    assert broken.returncode == 1 and "Traceback" not in broken.stderr


def test_example_scorecard_weights_are_the_stage_weights(
    content: Content, example_answers: Path
) -> None:
    card = score(content, load_answers(example_answers, content))
    rows = weights_at(content, content.stage_by_id[card.stage.id])
    for factor in card.factors:
        assert factor.weight == rows.factor(factor.id).weight
