"""Evaluate content conditions (`when`, red-flag rules, readiness gates) over answers."""

from __future__ import annotations

from collections.abc import Mapping

from founder_check.content.models import YES, Condition, Content
from founder_check.valuation import AnswerValue, answer_value


def applies(
    condition: Condition,
    values: Mapping[str, AnswerValue],
    *,
    content: Content | None = None,
    factor_scores: Mapping[str, float | None] | None = None,
    stage: str | None = None,
) -> bool:
    """Whether the condition holds. A test on an unanswered question (or unknown stage) is false."""
    if condition.all_ is not None:
        return all(
            applies(c, values, content=content, factor_scores=factor_scores, stage=stage)
            for c in condition.all_
        )
    if condition.any_ is not None:
        return any(
            applies(c, values, content=content, factor_scores=factor_scores, stage=stage)
            for c in condition.any_
        )
    if condition.not_ is not None:
        return not applies(
            condition.not_, values, content=content, factor_scores=factor_scores, stage=stage
        )
    if condition.stage_in is not None:
        return stage is not None and stage in condition.stage_in
    if condition.factor is not None:
        score = (factor_scores or {}).get(condition.factor)
        if score is None:
            return False
        if condition.below is not None:
            return score < condition.below
        return condition.at_least is not None and score >= condition.at_least
    question_id = condition.question or ""
    if condition.answered is not None:
        return (question_id in values) == condition.answered
    if question_id not in values:
        return False
    answer = values[question_id]
    if condition.value_below is not None or condition.value_at_least is not None:
        question = content.question_by_id.get(question_id) if content is not None else None
        if question is None:
            return False
        value = answer_value(question, answer)
        if condition.value_below is not None:
            return value < condition.value_below
        return value >= (condition.value_at_least or 0.0)
    if condition.equals is not None:
        return _same(answer, condition.equals)
    if condition.one_of is not None:
        return any(_same(answer, wanted) for wanted in condition.one_of)
    if condition.includes is not None:
        return isinstance(answer, tuple) and condition.includes in answer
    if condition.includes_any is not None:
        return isinstance(answer, tuple) and any(w in answer for w in condition.includes_any)
    if isinstance(answer, (bool, str, tuple)):
        return False
    number = float(answer)
    if condition.lt is not None:
        return number < condition.lt
    if condition.le is not None:
        return number <= condition.le
    if condition.gt is not None:
        return number > condition.gt
    return condition.ge is not None and number >= condition.ge


def _same(answer: AnswerValue, wanted: str) -> bool:
    if isinstance(answer, bool):
        return answer is (wanted == YES)
    if isinstance(answer, (int, float)):
        try:
            return float(answer) == float(wanted)
        except ValueError:
            return False
    return answer == wanted


def questions_in(condition: Condition) -> list[str]:
    """The question ids a condition looks at, in the order written."""
    found: list[str] = []
    for node in condition.walk():
        if node.question is not None and node.question not in found:
            found.append(node.question)
    return found


def matching_questions(
    condition: Condition,
    values: Mapping[str, AnswerValue],
    *,
    content: Content | None = None,
    factor_scores: Mapping[str, float | None] | None = None,
    stage: str | None = None,
) -> list[str]:
    """The answered questions that make a holding condition hold: the evidence for it.

    Branches of an `any` that do not hold are left out; under a `not`, every question
    named counts (its answers are why the negated test fails).
    """

    def holds(node: Condition) -> bool:
        return applies(node, values, content=content, factor_scores=factor_scores, stage=stage)

    found: list[str] = []

    def visit(node: Condition) -> None:
        if node.all_ is not None:
            for child in node.all_:
                visit(child)
        elif node.any_ is not None:
            for child in node.any_:
                if holds(child):
                    visit(child)
        elif node.not_ is not None:
            found.extend(q for q in questions_in(node.not_) if q in values)
        elif node.question is not None and node.question in values and holds(node):
            found.append(node.question)

    if holds(condition):
        visit(condition)
    return list(dict.fromkeys(found))
