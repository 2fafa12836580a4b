"""Next steps (`planner`): the plan on a scorecard reaches the level it names.

Every check goes through what a founder would do: read the plan from the scorecard's JSON,
write each `target` into the answers file, read the file back and score it again.
"""

from __future__ import annotations

import itertools
import json
import random
from dataclasses import replace
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from founder_check import Content, load_content
from founder_check.base.json_text import compact
from founder_check.base.readers import parse_yaml
from founder_check.content.models import UNKNOWN
from founder_check.report.json_format import scorecard_json
from founder_check.scoring.answers import Answers, coerce_answer, load_answers, parse_answers
from founder_check.scoring.engine import score
from founder_check.scoring.planner import next_steps, written
from founder_check.scoring.schemas import scorecard_schema
from founder_check.scoring.scorecard import Scorecard
from founder_check.scoring.standing import model
from founder_check.scoring.valuation import answer_label, answer_value, unknown_label
from tests.answer_factory import answer_for, answers_data
from tests.test_cases import CASE_IDS, fixture_path

CONTENT = load_content()
LEVELS = [level.id for level in CONTENT.levels]
STAGES = [stage.id for stage in CONTENT.stages]
PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ROUNDING = 0.005  # each step's points are rounded to two decimals
EXHAUSTIVE = 4  # plans this long are checked against every order of their steps


def rank(level_id: str) -> int:
    return LEVELS.index(level_id)


def file_data(answers: Answers) -> dict[str, Any]:
    """The answers as a founder's answers file holds them (yes/no as words)."""
    data = answers.to_file_data()
    data["answers"] = {
        question_id: written(CONTENT.question_by_id[question_id], value)
        for question_id, value in answers.values.items()
    } | dict.fromkeys(answers.skipped)
    return data


def with_plan(data: dict[str, Any], plan: list[dict[str, Any]]) -> Answers:
    """`data` with every target of the plan written in, through a YAML file's text."""
    changed = {**data, "answers": dict(data["answers"])}
    for step in plan:
        changed["answers"][step["question"]] = step["target"]
    text = yaml.safe_dump(changed, allow_unicode=True, sort_keys=False)
    return parse_answers(parse_yaml(text, "planned.yaml"), CONTENT, source="planned.yaml")


def value(question_id: str, answer: Any) -> float:
    question = CONTENT.question_by_id[question_id]
    return answer_value(question, coerce_answer(question, answer))


def check_plan(card: Scorecard, data: dict[str, Any], stage: str | None = None) -> Scorecard:
    """Everything a plan promises, checked on the scorecard's JSON; returns the scorecard
    the planned answers get."""
    as_json = json.loads(scorecard_json(card))
    jsonschema.validate(as_json, scorecard_schema())
    plan = as_json["plan"]
    if rank(card.level.id) == len(LEVELS) - 1:
        assert "next_level" not in as_json, "no next level above the top one"
        assert plan == []
        return card
    next_level = as_json["next_level"]
    assert next_level["id"] == LEVELS[rank(card.level.id) + 1]
    assert next_level["name"] == CONTENT.level_by_id[next_level["id"]].name.get(card.lang)
    assert plan, "a founder below the top always gets steps"

    after = score(CONTENT, with_plan(data, plan), stage=stage, lang=card.lang)
    assert rank(after.level.id) >= rank(next_level["id"]), "the plan reaches the next level"

    questions = [step["question"] for step in plan]
    assert len(questions) == len(set(questions)), "one step per question"
    for step in plan:
        question = CONTENT.question_by_id[step["question"]]
        assert question.scored
        current, target = step["current"], step["target"]
        assert target is not None and target != UNKNOWN
        if current is not None:
            assert value(question.id, target) > value(question.id, current), step
            assert current == written(question, card_answer(card, question.id))
        lang = card.lang
        assert step["text"] == question.text.get(lang)
        assert step["target_label"] == answer_label(question, coerce_answer(question, target), lang)
        if current == UNKNOWN:
            assert step["current_label"] == unknown_label(lang)
        assert step["chapters"] == list(question.chapters)
        assert set(step["chapters"]) <= set(as_json["chapters"]), "chapters are cited"
        assert step["horizon_days"] == question.horizon_days
        expected_action = question.action.get(lang) if question.action else ""
        assert step["action"] == expected_action

    points = [step["points"] for step in plan]
    gain = after.overall - card.overall
    assert abs(sum(points) - gain) <= 0.1 + ROUNDING * len(points), (points, gain)
    unlocked = [step["unlocks"] for step in plan]
    assert unlocked[-1] is not None and rank(unlocked[-1]) >= rank(next_level["id"])
    assert all(u is None or rank(u) > rank(card.level.id) for u in unlocked)
    return after


def card_answer(card: Scorecard, question_id: str) -> Any:
    entry = next(q for q in card.questions if q.id == question_id)
    answer = entry.answer
    return tuple(answer) if isinstance(answer, list) else answer


def check_order(card: Scorecard, answers: Answers) -> None:
    """Most points first: falling points, or, where the steps only pay together, no order
    of falling points exists (plans up to `EXHAUSTIVE` steps) and each step adds at least
    what any later one would have added in its place."""
    plan = card.plan
    points = [step.points for step in plan]
    if all(a >= b for a, b in itertools.pairwise(points)):
        return
    rules = model(CONTENT, CONTENT.stage_by_id[card.stage.id])
    changes = {
        step.question: coerce_answer(CONTENT.question_by_id[step.question], step.target)
        for step in plan
    }
    start = rules.state(answers.values)

    def gains(order: tuple[str, ...]) -> list[float]:
        state, found = start, []
        for question_id in order:
            after = rules.change(state, question_id, changes[question_id])
            found.append(after.standing.overall - state.standing.overall)
            state = after
        return found

    if len(plan) <= EXHAUSTIVE:
        for order in itertools.permutations(changes):
            found = gains(order)
            assert not all(a >= b - 1e-9 for a, b in itertools.pairwise(found)), (
                f"the order {order} gives falling points {found}, the plan {points}"
            )
    state = start
    for index, step in enumerate(plan):
        for later in plan[index + 1 :]:
            instead = rules.change(state, later.question, changes[later.question])
            gain = instead.standing.overall - state.standing.overall
            assert gain <= step.points + ROUNDING, (step.question, later.question, points)
        state = rules.change(state, step.question, changes[step.question])


@pytest.mark.parametrize("case_id", CASE_IDS)
def test_the_plan_of_every_case_reaches_the_next_level(case_id: str) -> None:
    answers = load_answers(fixture_path(case_id), CONTENT)
    card = score(CONTENT, answers)
    check_plan(card, file_data(answers))
    check_order(card, answers)


@st.composite
def profiles(draw: Any) -> tuple[Answers, dict[str, Any]]:
    """Valid answers anywhere on the ladder: random answers, a random share of them raised
    to the best and another turned to "not sure", optional questions sometimes skipped."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    data = answers_data(
        CONTENT,
        rng=rng,
        stage=draw(st.sampled_from(STAGES)),
        skip_optional=draw(st.booleans()),
    )
    best, unsure = draw(st.floats(0, 1)), draw(st.floats(0, 0.3))
    for question in CONTENT.questions:
        if question.scored and question.id in data["answers"]:
            if rng.random() < best:
                data["answers"][question.id] = answer_for(question, "best", rng)[0]
            elif rng.random() < unsure:
                data["answers"][question.id] = UNKNOWN
    return parse_answers(data, CONTENT), data


@PROPERTY
@given(profiles(), st.sampled_from(["en", "zh"]))
def test_the_plan_of_random_profiles_reaches_the_next_level(
    profile: tuple[Answers, dict[str, Any]], lang: str
) -> None:
    answers, data = profile
    card = score(CONTENT, answers, lang=lang)  # type: ignore[arg-type]
    check_plan(card, data)
    check_order(card, answers)


@PROPERTY
@given(profiles(), st.sampled_from(STAGES))
def test_the_plan_holds_at_a_stage_given_on_the_command_line(
    profile: tuple[Answers, dict[str, Any]], stage: str
) -> None:
    answers, data = profile
    card = score(CONTENT, answers, stage=stage)
    check_plan(card, data, stage=stage)


@PROPERTY
@given(profiles())
def test_the_model_finds_what_the_engine_finds(profile: tuple[Answers, dict[str, Any]]) -> None:
    answers, _ = profile
    card = score(CONTENT, answers, next_steps=False)
    state = model(CONTENT, CONTENT.stage_by_id[card.stage.id]).state(answers.values)
    assert round(state.standing.overall, 1) == card.overall
    assert LEVELS[state.standing.level] == card.level.id
    assert state.standing.flags == {hit.id for hit in card.red_flags}


@PROPERTY
@given(profiles(), st.data())
def test_a_changed_answer_updates_the_model_as_a_fresh_start_would(
    profile: tuple[Answers, dict[str, Any]], data: Any
) -> None:
    """`change` re-tests only what can turn; it must agree with starting afresh, for better
    answers (which can turn a critical flag into a milder one) and real ones for "not sure"."""
    answers, _ = profile
    rules = model(CONTENT, CONTENT.stage_by_id[answers.stage or CONTENT.default_stage])
    state = rules.state(answers.values)
    for _ in range(3):
        question = data.draw(
            st.sampled_from([q for q in CONTENT.questions if q.scored and q.id in state.values])
        )
        current = state.values[question.id]
        floor = -1.0 if current == UNKNOWN else answer_value(question, current)
        tried = [answer_for(question, "best", random.Random(0))[1]]
        tried += [answer_for(question, "random", random.Random(seed))[1] for seed in range(4)]
        better = [answer for answer in tried if answer_value(question, answer) > floor]
        if not better:
            continue
        answer = data.draw(st.sampled_from(better))
        state = rules.change(state, question.id, answer)
        fresh = rules.state(state.values)
        assert abs(state.standing.overall - fresh.standing.overall) < 1e-9
        assert state.standing.level == fresh.standing.level
        assert state.standing.flags == fresh.standing.flags
        assert state.standing.unmet == fresh.standing.unmet


def test_the_top_level_has_no_next_level_in_the_json() -> None:
    data = answers_data(CONTENT, pick="best", stage="growth")
    card = score(CONTENT, parse_answers(data, CONTENT))
    assert card.level.id == LEVELS[-1]
    assert card.next_level is None and card.plan == []
    for text in (scorecard_json(card), compact(card).decode()):
        as_json = json.loads(text)
        assert "next_level" not in as_json and as_json["plan"] == []
        jsonschema.validate(as_json, scorecard_schema())


def test_without_next_steps_the_scorecard_has_no_plan(example_answers: Any) -> None:
    answers = load_answers(example_answers, CONTENT)
    card = score(CONTENT, answers, next_steps=False)
    assert card.plan == [] and card.next_level is None
    planned = score(CONTENT, answers)
    assert planned.plan and planned.next_level is not None
    assert planned.overall == card.overall and planned.level == card.level


def test_the_example_plan_says_what_to_do(example_answers: Any) -> None:
    if not any(question.action for question in CONTENT.questions if question.scored):
        pytest.skip("the questionnaires carry no actions yet (question `action:`)")
    answers = load_answers(example_answers, CONTENT)
    for lang in ("en", "zh"):
        card = score(CONTENT, answers, lang=lang)  # type: ignore[arg-type]
        assert card.plan
        for step in card.plan:
            question = CONTENT.question_by_id[step.question]
            if question.action is None:
                continue
            assert step.action == question.action.get(lang)
            assert step.horizon_days in (30, 60, 90)
        assert any(step.action for step in card.plan)


def test_the_example_plan_names_its_steps_in_the_report_language(example_answers: Any) -> None:
    answers = load_answers(example_answers, CONTENT)
    english = score(CONTENT, answers, lang="en")
    chinese = score(CONTENT, answers, lang="zh")
    assert [s.question for s in english.plan] == [s.question for s in chinese.plan]
    assert [s.points for s in english.plan] == [s.points for s in chinese.plan]
    assert english.next_level is not None and chinese.next_level is not None
    assert english.next_level.id == chinese.next_level.id
    assert english.next_level.name != chinese.next_level.name
    for en, zh in zip(english.plan, chinese.plan, strict=True):
        assert en.text != zh.text and en.target_label != zh.target_label


def test_a_not_sure_answer_becomes_a_real_one(content: Content) -> None:
    """A must-have answered "not sure" is never met: the plan replaces it with a real
    answer, and says it was not sure."""
    data = answers_data(content, pick="best", stage="seed")
    data["answers"]["market.demand_validation"] = UNKNOWN
    answers = parse_answers(data, content)
    card = score(content, answers)
    steps = {step.question: step for step in card.plan}
    assert "market.demand_validation" in steps
    step = steps["market.demand_validation"]
    assert step.current == UNKNOWN and step.current_label == unknown_label("en")
    check_plan(card, data)


def test_written_answers_are_what_an_answers_file_holds(content: Content) -> None:
    kinds = {question.kind: question for question in content.questions if question.scored}
    assert written(kinds["yesno"], True) == "yes" and written(kinds["yesno"], False) == "no"
    assert written(kinds["multi"], ("a", "b")) == ["a", "b"]
    assert written(kinds["single"], UNKNOWN) == UNKNOWN
    assert written(kinds["single"], None) is None
    number = next(q for q in content.questions if q.kind == "number" and not q.integer)
    assert written(number, 6.0) == 6 and written(number, 6.5) == 6.5


def test_where_the_model_and_the_engine_disagree_the_engine_decides(example_answers: Any) -> None:
    """Scores the model cannot match (here: rounded ones) send the planner to the engine's
    own numbers, step by step; the plan still reaches the next level."""
    answers = load_answers(example_answers, CONTENT)
    card = score(CONTENT, answers, next_steps=False)
    measured: list[dict[str, Any]] = []

    def measure(values: dict[str, Any]) -> tuple[float, str]:
        measured.append(values)
        rescored = score(CONTENT, replace(answers, values=values), next_steps=False)
        return rescored.overall, rescored.level.id

    stage = CONTENT.stage_by_id[card.stage.id]
    steps, next_level = next_steps(
        CONTENT,
        answers.values,
        stage,
        "en",
        level=card.level.id,
        overall=card.overall,
        measure=measure,
    )
    assert next_level is not None and next_level.id == LEVELS[rank(card.level.id) + 1]
    assert len(measured) >= len(steps) > 0, "each step was measured by the engine"
    final = score(CONTENT, replace(answers, values=measured[-1]), next_steps=False)
    assert rank(final.level.id) >= rank(next_level.id)
    assert abs(
        sum(step.points for step in steps) - (final.overall - card.overall)
    ) < 1e-6 + 0.005 * len(steps)
