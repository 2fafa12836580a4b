"""Evaluate content conditions (`when`, red-flag rules, readiness gates) over answers.

A condition is compiled once into a tree of closures (`compile_condition`): the engine keeps
the compiled tests in its scoring plan, so a cohort of thousands does not walk the condition
dataclasses for every founder. `applies` is the same test for one-off use; compiled
conditions are memoised per content.

A "not sure" answer (`UNKNOWN`) never makes a condition hold: every test on it is false
(`answered` too, either way), and so is a `not` over a question answered "not sure". So an
unknown can never meet a readiness gate's must-have, and a red-flag rule can only hold
through the other answers (the engine also leaves out rules naming an unknown answer).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from founder_check.content.models import UNKNOWN, YES, Condition, Content, Question
from founder_check.scoring.valuation import AnswerValue, value_function

Values = Mapping[str, AnswerValue]
FactorScores = Mapping[str, float | None] | None
Test = Callable[[Values, FactorScores, str | None], bool]


@dataclass(frozen=True, slots=True)
class Compiled:
    """A condition ready to evaluate: `test` says whether it holds, `evidence` why."""

    test: Test
    children: tuple[Compiled, ...]
    kind: str  # "all", "any", "not" or "leaf"
    question: str | None
    negated_questions: tuple[str, ...]

    def evidence(self, values: Values, factor_scores: FactorScores, stage: str | None) -> list[str]:
        """The answered questions that make a holding condition hold: the evidence for it.

        Branches of an `any` that do not hold are left out; under a `not`, every question
        named counts (its answers are why the negated test fails).
        """
        found: list[str] = []
        if self.test(values, factor_scores, stage):
            self._visit(values, factor_scores, stage, found)
        return list(dict.fromkeys(found))

    def _visit(
        self, values: Values, factor_scores: FactorScores, stage: str | None, found: list[str]
    ) -> None:
        if self.kind == "all":
            for child in self.children:
                child._visit(values, factor_scores, stage, found)
        elif self.kind == "any":
            for child in self.children:
                if child.test(values, factor_scores, stage):
                    child._visit(values, factor_scores, stage, found)
        elif self.kind == "not":
            found.extend(q for q in self.negated_questions if q in values)
        elif (
            self.question is not None
            and self.question in values
            and self.test(values, factor_scores, stage)
        ):
            found.append(self.question)


def compile_condition(condition: Condition, content: Content | None = None) -> Compiled:
    """The condition as closures; memoised on `content` when one is given.

    A test on an unanswered question (or an unknown stage, or a factor without a score) is
    false; `value_below`/`value_at_least` need the content to value the answer.
    """
    if content is None:
        return _compile(condition, None)
    return content.remember(("condition", condition), lambda: _compile(condition, content))


def applies(
    condition: Condition,
    values: Values,
    *,
    content: Content | None = None,
    factor_scores: FactorScores = None,
    stage: str | None = None,
) -> bool:
    """Whether the condition holds. A test on an unanswered question (or unknown stage) is false."""
    return compile_condition(condition, content).test(values, factor_scores, stage)


def question_applies(question: Question, values: Values, content: Content) -> bool:
    """Whether `question` is asked after these answers (its `when`, compiled once per id)."""
    if question.when is None:
        return True
    when = question.when
    test = content.remember(("when", question.id), lambda: compile_condition(when, content).test)
    return test(values, None, None)


def questions_in(condition: Condition) -> list[str]:
    """The question ids a condition looks at, in the order written."""
    found: list[str] = []
    for node in condition.walk():
        if node.question is not None and node.question not in found:
            found.append(node.question)
    return found


def _compile(condition: Condition, content: Content | None) -> Compiled:
    if condition.all_ is not None:
        children = tuple(_compile(c, content) for c in condition.all_)
        return Compiled(
            _chain(tuple(c.test for c in children), every=True), children, "all", None, ()
        )
    if condition.any_ is not None:
        children = tuple(_compile(c, content) for c in condition.any_)
        return Compiled(
            _chain(tuple(c.test for c in children), every=False), children, "any", None, ()
        )
    if condition.not_ is not None:
        negated = tuple(questions_in(condition.not_))
        test = _not(_compile(condition.not_, content).test, negated)
        return Compiled(test, (), "not", None, negated)
    return Compiled(_leaf_test(condition, content), (), "leaf", condition.question, ())


def _not(inner: Test, negated: tuple[str, ...]) -> Test:
    """The negation, false whenever a question it names is answered "not sure": not
    knowing an answer is no evidence that a test on it fails."""

    def test(values: Values, factor_scores: FactorScores, stage: str | None) -> bool:
        if any(values.get(question_id) == UNKNOWN for question_id in negated):
            return False
        return not inner(values, factor_scores, stage)

    return test


_CHAIN_MAX = 4  # tests a group chains in pairs; a longer one is run by all() or any()


def _chain(tests: tuple[Test, ...], *, every: bool) -> Test:
    """All (`every`) or any of the tests, short-circuiting: a short group as a chain of
    pairs, cheaper to call than all() or any() over a generator; a long one (content may
    hold thousands) through those, which need no call as deep as the group is long."""
    if not tests:
        return lambda v, f, s: every
    if len(tests) > _CHAIN_MAX:
        combine = all if every else any
        return lambda v, f, s: combine(test(v, f, s) for test in tests)
    first, rest = tests[0], tests[1:]
    if not rest:
        return first
    later = _chain(rest, every=every)
    if every:
        return lambda v, f, s: first(v, f, s) and later(v, f, s)
    return lambda v, f, s: first(v, f, s) or later(v, f, s)


def _leaf_test(condition: Condition, content: Content | None) -> Test:
    if condition.stage_in is not None:
        stages = frozenset(condition.stage_in)
        return lambda v, f, s: s is not None and s in stages
    if condition.factor is not None:
        return _factor_test(condition.factor, condition.below, condition.at_least)
    question_id = condition.question or ""
    if condition.answered is not None:
        answered = condition.answered
        return lambda v, f, s: (question_id in v) is answered and v.get(question_id) != UNKNOWN
    question = content.question_by_id.get(question_id) if content else None
    direct = _direct_test(condition, question, question_id) if question is not None else None
    if direct is not None:
        return direct
    answer_test = _answer_test(condition, question)

    def test(values: Values, factor_scores: FactorScores, stage: str | None) -> bool:
        answer = values.get(question_id)
        return answer is not None and answer != UNKNOWN and answer_test(answer)

    return test


def _direct_test(condition: Condition, question: Question, question_id: str) -> Test | None:
    """The commonest tests (a choice or a yes/no equal to, one of, or valued at least or
    below a limit), looked up in one step: the same results as the general test, which
    first rules out an unanswered or "not sure" answer. None for the other tests."""
    kind = question.kind
    if kind in ("single", "text") and condition.equals is not None:
        wanted = condition.equals
        if wanted == UNKNOWN:  # "not sure" never meets a test
            return lambda v, f, s: False
        return lambda v, f, s: v.get(question_id) == wanted
    if kind in ("single", "text") and condition.one_of is not None:
        chosen = frozenset(condition.one_of) - {UNKNOWN}
        return lambda v, f, s: v.get(question_id) in chosen
    if kind == "yesno" and condition.equals is not None:
        wanted, yes = condition.equals, condition.equals == YES

        def yes_no(values: Values, factor_scores: FactorScores, stage: str | None) -> bool:
            answer = values.get(question_id)
            if answer is True or answer is False:
                return answer is yes
            return answer is not None and answer != UNKNOWN and _same(answer, wanted)

        return yes_no
    if kind == "single" and (condition.value_below, condition.value_at_least) != (None, None):
        return _valued_choice_test(condition, question, question_id)
    return None


def _valued_choice_test(condition: Condition, question: Question, question_id: str) -> Test:
    """`value_below` or `value_at_least` on a single choice: which options pass is known
    once (an option id the question does not have is valued 0, as `value_function` does)."""
    if condition.value_below is not None:
        limit = condition.value_below
        passes: Callable[[float], bool] = lambda value: value < limit  # noqa: E731
    else:
        floor = condition.value_at_least or 0.0
        passes = lambda value: value >= floor  # noqa: E731
    passing = {option.id: passes(option.value) for option in question.options}
    default = passes(0.0)
    value_of = value_function(question)

    def test(values: Values, factor_scores: FactorScores, stage: str | None) -> bool:
        answer = values.get(question_id)
        if isinstance(answer, str):
            return answer != UNKNOWN and passing.get(answer, default)
        return answer is not None and passes(value_of(answer))

    return test


def _factor_test(factor: str, below: float | None, at_least: float | None) -> Test:
    def test(values: Values, factor_scores: FactorScores, stage: str | None) -> bool:
        score = factor_scores.get(factor) if factor_scores else None
        if score is None:
            return False
        if below is not None:
            return score < below
        return at_least is not None and score >= at_least

    return test


def _answer_test(condition: Condition, question: Question | None) -> Callable[[AnswerValue], bool]:
    """The test on a given answer, chosen once (a condition has exactly one test); the
    question is None without content, or when the content has no such question."""
    if condition.value_below is not None or condition.value_at_least is not None:
        if question is None:
            return lambda answer: False
        value_of = value_function(question)
        if condition.value_below is not None:
            limit = condition.value_below
            return lambda answer: value_of(answer) < limit
        floor = condition.value_at_least or 0.0
        return lambda answer: value_of(answer) >= floor
    text_answers = question is not None and question.kind in ("single", "text")
    if condition.equals is not None:
        wanted = condition.equals
        if text_answers:  # answers are text: a plain comparison is `_same`
            return lambda answer: answer == wanted
        return lambda answer: _same(answer, wanted)
    if condition.one_of is not None:
        choices = condition.one_of
        if text_answers:
            chosen = frozenset(choices)
            return lambda answer: answer in chosen
        return lambda answer: any(_same(answer, w) for w in choices)
    if condition.includes is not None:
        option = condition.includes
        return lambda answer: isinstance(answer, tuple) and option in answer
    if condition.includes_any is not None:
        options = condition.includes_any
        return lambda answer: isinstance(answer, tuple) and any(w in answer for w in options)
    compare = _number_compare(condition)
    return lambda answer: not isinstance(answer, (bool, str, tuple)) and compare(float(answer))


def _number_compare(condition: Condition) -> Callable[[float], bool]:
    if condition.lt is not None:
        lt = condition.lt
        return lambda number: number < lt
    if condition.le is not None:
        le = condition.le
        return lambda number: number <= le
    if condition.gt is not None:
        gt = condition.gt
        return lambda number: number > gt
    ge = condition.ge
    if ge is None:
        return lambda number: False
    return lambda number: number >= ge


def _same(answer: AnswerValue, wanted: str) -> bool:
    if isinstance(answer, bool):
        return answer is (wanted == YES)
    if isinstance(answer, (int, float)):
        try:
            return float(answer) == float(wanted)
        except ValueError:
            return False
    return answer == wanted
