"""The value in [0, 1] of one answer to one question: the only place answers become numbers."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from founder_check.content.models import Question

AnswerValue = str | bool | int | float | tuple[str, ...]


def answer_value(question: Question, answer: AnswerValue) -> float:
    """Value of a typed answer; multi answers add up their options' values, capped at 1."""
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
    zh = lang == "zh"
    kind = question.kind
    if kind in ("single", "multi"):
        chosen = answer if isinstance(answer, tuple) else (str(answer),)
        labels = []
        for option_id in chosen:
            option = question.option(option_id)
            labels.append(option.label.get("zh" if zh else "en") if option else option_id)
        if not labels:
            return "（未选择）" if zh else "(none chosen)"
        return "；".join(labels) if zh else "; ".join(labels)
    if kind == "yesno":
        if zh:
            return "是" if answer is True else "否"
        return "yes" if answer is True else "no"
    if kind == "number" and question.unit is not None:
        unit = question.unit.zh if zh else question.unit.en
        return f"{answer:g} {unit}" if isinstance(answer, float) else f"{answer} {unit}"
    if kind == "scale" and question.scale is not None:
        label = question.scale.labels.get(int(answer))  # type: ignore[arg-type]
        text = f"{answer} / {question.scale.max}"
        return f"{text} ({label.zh if zh else label.en})" if label else text
    return str(answer)


def value_function(question: Question) -> Callable[[AnswerValue], float]:
    """`answer_value` for one question, with the option values looked up in a table."""
    if question.kind == "single":
        table = {option.id: option.value for option in question.options}
        generic = partial(answer_value, question)
        return lambda answer: table.get(answer, 0.0) if isinstance(answer, str) else generic(answer)
    if question.kind == "yesno":
        yes, no = question.yes_score, question.no_score
        return lambda answer: yes if answer is True else no
    return partial(answer_value, question)


def label_function(question: Question, lang: str) -> Callable[[AnswerValue], str]:
    """`answer_label` for one question and language, single choices from a table."""
    generic = partial(answer_label, question, lang=lang)
    if question.kind == "single":
        table = {option.id: answer_label(question, option.id, lang) for option in question.options}
        return lambda answer: table.get(answer) or generic(answer)  # type: ignore[arg-type]
    if question.kind == "yesno":
        yes, no = answer_label(question, True, lang), answer_label(question, False, lang)
        return lambda answer: yes if answer is True else no
    return generic
