"""Compiled conditions against a plain, recursive reading of the condition rules.

`conditions.compile_condition` turns each condition into closures once (with special cases
for groups of two and three); this test builds random condition trees over the shipped
questions, factors and stages and checks the compiled test and its evidence against an
independent evaluator written straight from docs/content-format.md.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from founder_check import load_content
from founder_check.content.models import YES, Condition, Question
from founder_check.scoring.conditions import applies, compile_condition
from founder_check.scoring.valuation import AnswerValue, answer_value
from tests.test_engine_properties import typed_answer

CONTENT = load_content()
QUESTIONS = [q for q in CONTENT.questions if q.kind in ("single", "multi", "yesno", "number")][:12]
FACTORS = [factor.id for factor in CONTENT.factors][:3]
STAGES = [stage.id for stage in CONTENT.stages]
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _option_ids(question: Question) -> list[str]:
    if question.kind == "yesno":
        return ["yes", "no"]
    if question.kind == "number":
        return ["0", "3", "12.5"]
    return [option.id for option in question.options]


@st.composite
def leaf(draw: Any) -> Condition:
    kind = draw(st.sampled_from(["question", "factor", "stage"]))
    if kind == "factor":
        test = draw(st.sampled_from(["below", "at_least"]))
        return Condition(factor=draw(st.sampled_from(FACTORS)), **{test: draw(st.floats(0, 100))})
    if kind == "stage":
        return Condition(stage_in=tuple(draw(st.lists(st.sampled_from(STAGES), min_size=1))))
    question = draw(st.sampled_from(QUESTIONS))
    ids = _option_ids(question)
    tests: dict[str, Any] = {
        "equals": st.sampled_from(ids),
        "one_of": st.lists(st.sampled_from(ids), min_size=1, max_size=3).map(tuple),
        "value_below": st.floats(0, 1),
        "value_at_least": st.floats(0, 1),
        "answered": st.booleans(),
    }
    if question.kind == "multi":
        tests["includes"] = st.sampled_from(ids)
        tests["includes_any"] = st.lists(st.sampled_from(ids), min_size=1, max_size=3).map(tuple)
    if question.kind == "number":
        for name in ("lt", "le", "gt", "ge"):
            tests[name] = st.floats(-5, 200)
    name = draw(st.sampled_from(sorted(tests)))
    return Condition(question=question.id, **{name: draw(tests[name])})


conditions = st.recursive(
    leaf(),
    lambda children: st.one_of(
        st.lists(children, min_size=1, max_size=5).map(lambda c: Condition(all_=tuple(c))),
        st.lists(children, min_size=1, max_size=5).map(lambda c: Condition(any_=tuple(c))),
        children.map(lambda c: Condition(not_=c)),
    ),
    max_leaves=12,
)


@st.composite
def situations(draw: Any) -> tuple[dict[str, AnswerValue], dict[str, float | None], str]:
    values = {q.id: draw(typed_answer(q)) for q in QUESTIONS if draw(st.booleans())}
    scores = {f: draw(st.none() | st.floats(0, 100)) for f in FACTORS}
    return values, scores, draw(st.sampled_from(STAGES))


def _same(answer: AnswerValue, wanted: str) -> bool:
    if isinstance(answer, bool):
        return answer == (wanted == YES)
    if isinstance(answer, (int, float)):
        try:
            return float(answer) == float(wanted)
        except ValueError:
            return False
    return answer == wanted


def holds(c: Condition, values: dict[str, Any], scores: dict[str, Any], stage: str) -> bool:
    """The rules as written: one test per condition; unanswered or unscored means false."""
    if c.all_ is not None:
        return all(holds(child, values, scores, stage) for child in c.all_)
    if c.any_ is not None:
        return any(holds(child, values, scores, stage) for child in c.any_)
    if c.not_ is not None:
        return not holds(c.not_, values, scores, stage)
    if c.stage_in is not None:
        return stage in c.stage_in
    if c.factor is not None:
        score = scores.get(c.factor)
        if score is None:
            return False
        return score < c.below if c.below is not None else score >= (c.at_least or 0.0)
    assert c.question is not None
    if c.answered is not None:
        return (c.question in values) is c.answered
    if c.question not in values:
        return False
    answer = values[c.question]
    question = CONTENT.question_by_id[c.question]
    checks = {
        "value_below": lambda: answer_value(question, answer) < (c.value_below or 0.0),
        "value_at_least": lambda: answer_value(question, answer) >= (c.value_at_least or 0.0),
        "equals": lambda: _same(answer, c.equals or ""),
        "one_of": lambda: any(_same(answer, w) for w in c.one_of or ()),
        "includes": lambda: isinstance(answer, tuple) and c.includes in answer,
        "includes_any": lambda: (
            isinstance(answer, tuple) and any(w in answer for w in c.includes_any or ())
        ),
        "lt": lambda: _number(answer) is not None and _number(answer) < c.lt,  # type: ignore[operator]
        "le": lambda: _number(answer) is not None and _number(answer) <= c.le,  # type: ignore[operator]
        "gt": lambda: _number(answer) is not None and _number(answer) > c.gt,  # type: ignore[operator]
        "ge": lambda: _number(answer) is not None and _number(answer) >= c.ge,  # type: ignore[operator]
    }
    (name,) = [name for name in checks if getattr(c, name) is not None]
    return bool(checks[name]())


def _number(answer: AnswerValue) -> float | None:
    return None if isinstance(answer, (bool, str, tuple)) else float(answer)


def evidence(c: Condition, values: dict[str, Any], scores: dict[str, Any], stage: str) -> list[str]:
    """Answered questions behind a holding condition: failing `any` branches left out, every
    answered question under a `not` counted."""
    found: list[str] = []

    def visit(node: Condition) -> None:
        if node.all_ is not None:
            for child in node.all_:
                visit(child)
        elif node.any_ is not None:
            for child in node.any_:
                if holds(child, values, scores, stage):
                    visit(child)
        elif node.not_ is not None:
            found.extend(n.question for n in _leaves(node.not_) if n.question in values)
        elif node.question in values and holds(node, values, scores, stage):
            found.append(node.question)

    if holds(c, values, scores, stage):
        visit(c)
    return list(dict.fromkeys(found))


def _leaves(c: Condition) -> list[Condition]:
    if c.all_ is not None or c.any_ is not None:
        return [leaf for child in (c.all_ or c.any_ or ()) for leaf in _leaves(child)]
    if c.not_ is not None:
        return _leaves(c.not_)
    return [c]


@SETTINGS
@given(conditions, situations())
def test_compiled_conditions_follow_the_rules(
    condition: Condition, situation: tuple[dict[str, AnswerValue], dict[str, Any], str]
) -> None:
    values, scores, stage = situation
    compiled = compile_condition(condition, CONTENT)
    assert compiled.test(values, scores, stage) == holds(condition, values, scores, stage)
    assert compiled.evidence(values, scores, stage) == evidence(condition, values, scores, stage)
    # the one-off entry point agrees with the compiled form
    assert applies(condition, values, content=CONTENT, factor_scores=scores, stage=stage) == holds(
        condition, values, scores, stage
    )


def test_value_tests_need_the_content_and_unknown_stage_is_false() -> None:
    question = QUESTIONS[0]
    value_test = Condition(question=question.id, value_at_least=0.0)
    answer = _option_ids(question)[0]
    assert compile_condition(value_test, CONTENT).test({question.id: answer}, None, None)
    assert not compile_condition(value_test).test({question.id: answer}, None, None)
    assert not applies(Condition(stage_in=(STAGES[0],)), {}, stage=None)
    assert not applies(Condition(factor=FACTORS[0], below=50.0), {}, factor_scores=None)


def test_groups_of_any_length_compile_and_follow_the_rules() -> None:
    """Short groups are chains of calls, long ones are not: a content file's group of
    thousands compiles and runs without a call as deep as the group is long."""
    question = QUESTIONS[0]
    answer, other = _option_ids(question)[:2]
    match = Condition(question=question.id, equals=answer)
    miss = Condition(question=question.id, equals=other)
    values: dict[str, AnswerValue] = {question.id: answer}
    for kind, empty_holds in (("all_", True), ("any_", False)):
        empty = Condition(**{kind: ()})
        assert compile_condition(empty, CONTENT).test(values, None, None) is empty_holds
    for size in (1, 2, 4, 5, 3000):
        for odd in sorted({0, size // 2, size - 1}):
            for kind, usual, rare in (("all_", match, miss), ("any_", miss, match)):
                children = tuple(rare if i == odd else usual for i in range(size))
                group = Condition(**{kind: children})
                expected = holds(group, values, None, None)
                assert compile_condition(group, CONTENT).test(values, None, None) == expected
