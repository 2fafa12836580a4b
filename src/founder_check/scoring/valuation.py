"""The value in [0, 1] of one answer to one question: the only place answers become numbers.

A scored question may also be answered "not sure" (`UNKNOWN`); see `unknown_value`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from founder_check.base.i18n import Texts, phrase
from founder_check.content.models import UNKNOWN, Lang, Question

AnswerValue = str | bool | int | float | tuple[str, ...]

WEAK_VALUE = 0.25
"""The most a "not sure" answer is ever worth: a weak answer, whatever the question."""

_WORDS = Texts(
    phrase("not_sure", "Not sure"),
    phrase("none_chosen", "(none chosen)"),
    phrase("yes", "Yes"),
    phrase("no", "No"),
    phrase("aim_yes", "yes"),
    phrase("aim_no", "no"),
)


def possible_values(question: Question) -> list[float]:
    """The distinct values a real answer to the question can have, lowest first.

    Multi answers can be any one option alone or nothing worth anything, so their values
    are the non-exclusive options' values plus 0.
    """
    kind = question.kind
    if kind == "multi":
        values = [o.value for o in question.options if not o.exclusive] + [0.0]
    elif kind == "number":
        values = [band.value for band in question.bands]
    else:
        values = [value for _, value in question.choices()]
    return sorted(set(values))


def unknown_value(question: Question) -> float:
    """The value of a "not sure" answer: never better than a weak answer.

    If "not sure" paid better than an honest weak answer, founders would learn to answer it
    instead of admitting a weakness; so it is worth the question's second-lowest possible
    value (its weakest answer above the very worst: not knowing is not proof of the worst)
    and never more than `WEAK_VALUE`, for questions whose every option is decent. A question
    with a single possible value gets that value, capped the same way.
    """
    values = possible_values(question)
    if not values:
        return 0.0
    weak = values[1] if len(values) > 1 else values[0]
    return min(WEAK_VALUE, weak)


def unknown_label(lang: Lang | str) -> str:
    """How a "not sure" answer reads in reports, the review screen and the interview."""
    return _WORDS("not_sure", lang)


def aim_label(yes: bool, lang: Lang) -> str:
    """The yes or no to aim for, as the next steps name it: "yes", "是"."""
    return _WORDS("aim_yes" if yes else "aim_no", lang)


def answer_value(question: Question, answer: AnswerValue) -> float:
    """Value of a typed answer; multi answers add up their options' values, capped at 1."""
    if answer == UNKNOWN and question.scored:
        return unknown_value(question)
    kind = question.kind
    if kind == "single":
        option = question.option(str(answer))
        return option.value if option is not None else 0.0
    if kind == "multi":
        chosen = answer if isinstance(answer, tuple) else (str(answer),)
        total = 0.0
        for option_id in chosen:
            option = question.option(option_id)
            if option is not None:
                total += option.value
        return min(1.0, total)
    if kind == "yesno":
        return question.yes_score if answer is True else question.no_score
    if kind == "scale" and question.scale is not None:
        span = question.scale.max - question.scale.min
        return (float(answer) - question.scale.min) / span  # type: ignore[arg-type]
    if kind == "number":
        return question.band_for(float(answer)).value  # type: ignore[arg-type]
    return 0.0


def answer_label(question: Question, answer: AnswerValue, lang: str) -> str:
    """The answer as a founder would read it: option labels, yes/no, number with unit."""
    if answer == UNKNOWN and question.scored:
        return unknown_label(lang)
    zh = lang == "zh"
    kind = question.kind
    if kind in ("single", "multi"):
        chosen = answer if isinstance(answer, tuple) else (str(answer),)
        labels = []
        for option_id in chosen:
            option = question.option(option_id)
            labels.append(option.label.get("zh" if zh else "en") if option else option_id)
        if not labels:
            return _WORDS("none_chosen", lang)
        return "；".join(labels) if zh else "; ".join(labels)
    if kind == "yesno":
        return _WORDS("yes" if answer is True else "no", lang)
    if kind == "number" and question.unit is not None:
        unit = question.unit.zh if zh else question.unit.en
        return f"{answer:g} {unit}" if isinstance(answer, float) else f"{answer} {unit}"
    if kind == "scale" and question.scale is not None:
        label = question.scale.labels.get(int(answer))  # type: ignore[arg-type]
        text = f"{answer} / {question.scale.max}"
        if label is None:
            return text
        return f"{text}（{label.zh}）" if zh else f"{text} ({label.en})"
    return str(answer)


def value_function(question: Question) -> Callable[[AnswerValue], float]:
    """`answer_value` for one question, with the option values looked up in a table."""
    if question.kind == "single":
        table = {option.id: option.value for option in question.options}
        if question.scored:
            table[UNKNOWN] = unknown_value(question)
        generic = partial(answer_value, question)
        return lambda answer: table.get(answer, 0.0) if isinstance(answer, str) else generic(answer)
    if question.kind == "yesno":
        yes, no = question.yes_score, question.no_score
        unknown = unknown_value(question)
        return lambda answer: yes if answer is True else no if answer is False else unknown
    if question.kind == "multi":
        values = {option.id: option.value for option in question.options}
        generic = partial(answer_value, question)

        def multi(answer: AnswerValue) -> float:
            if not isinstance(answer, tuple):
                return generic(answer)
            total = 0.0
            for option_id in answer:
                total += values.get(option_id, 0.0)
            return min(1.0, total)

        return multi
    return partial(answer_value, question)


def label_function(question: Question, lang: str) -> Callable[[AnswerValue], str]:
    """`answer_label` for one question and language, single choices from a table."""
    generic = partial(answer_label, question, lang=lang)
    if question.kind == "single":
        table = {option.id: answer_label(question, option.id, lang) for option in question.options}
        return lambda answer: table.get(answer) or generic(answer)  # type: ignore[arg-type]
    if question.kind == "yesno":
        yes, no = answer_label(question, True, lang), answer_label(question, False, lang)
        unknown = unknown_label(lang)
        return lambda answer: yes if answer is True else no if answer is False else unknown
    return generic
