"""Conditions as one readable line, for explanations, reports and gates."""

from __future__ import annotations

from collections.abc import Callable

from founder_check.base.i18n import Texts, phrase
from founder_check.content.models import Condition, Content, Lang

_word = Texts(
    phrase("is", "is"),
    phrase("one_of", "is one of"),
    phrase("includes", "includes"),
    phrase("includes_any", "includes any of"),
    phrase("value_below", "scores below"),
    phrase("value_at_least", "scores at least"),
    phrase("answered", "is answered"),
    phrase("unanswered", "is not answered"),
    phrase("factor", "factor"),
    phrase("below", "below"),
    phrase("at_least", "at least"),
    phrase("and", " and "),
    phrase("or", " or "),
    phrase("not", "not "),
    phrase("stage_in", "the stage is one of"),
)


def _number(value: float) -> str:
    return f"{value:g}"


def condition_text(condition: Condition, lang: Lang = "en", content: Content | None = None) -> str:
    """A condition as one readable line, e.g. 'funding.runway_months < 6 and ...'.

    With `content`, a test on a choice question's value also names the options that pass.
    """
    return _text(condition, lang, content, top=True)


def _text(node: Condition, lang: Lang, content: Content | None, *, top: bool = False) -> str:
    if node.all_ is not None or node.any_ is not None:
        children = node.all_ if node.all_ is not None else node.any_
        joiner = _word("and" if node.all_ is not None else "or", lang)
        inner = joiner.join(_text(child, lang, content) for child in children or ())
        return inner if top or len(children or ()) < 2 else f"({inner})"
    if node.not_ is not None:
        return f"{_word('not', lang)}({_text(node.not_, lang, content, top=True)})"
    if node.stage_in is not None:
        return f"{_word('stage_in', lang)} {', '.join(node.stage_in)}"
    if node.factor is not None:
        if node.below is not None:
            test = f"{_word('below', lang)} {_number(node.below)}"
        else:
            test = f"{_word('at_least', lang)} {_number(node.at_least or 0.0)}"
        return f"{_word('factor', lang)} {node.factor} {test}"
    subject = node.question or ""
    for symbol, bound in (("<", node.lt), ("≤", node.le), (">", node.gt), ("≥", node.ge)):
        if bound is not None:
            return f"{subject} {symbol} {_number(bound)}"
    if node.equals is not None:
        return f"{subject} {_word('is', lang)} {node.equals}"
    if node.one_of is not None:
        return f"{subject} {_word('one_of', lang)} {', '.join(node.one_of)}"
    if node.includes is not None:
        return f"{subject} {_word('includes', lang)} {node.includes}"
    if node.includes_any is not None:
        return f"{subject} {_word('includes_any', lang)} {', '.join(node.includes_any)}"
    if node.value_below is not None:
        passing = _passing(content, subject, lambda value: value < (node.value_below or 0.0))
        return f"{subject} {_word('value_below', lang)} {_number(node.value_below)}{passing}"
    if node.value_at_least is not None:
        passing = _passing(content, subject, lambda value: value >= (node.value_at_least or 0.0))
        return f"{subject} {_word('value_at_least', lang)} {_number(node.value_at_least)}{passing}"
    return f"{subject} {_word('answered' if node.answered else 'unanswered', lang)}"


def _passing(content: Content | None, question_id: str, test: Callable[[float], bool]) -> str:
    """' (a, b)': the options of a single-choice question whose value passes the test."""
    question = content.question_by_id.get(question_id) if content is not None else None
    if question is None or question.kind != "single":
        return ""
    return " (" + ", ".join(o.id for o in question.options if test(o.value)) + ")"
