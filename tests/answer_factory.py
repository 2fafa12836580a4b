"""Build valid answers from the content itself, for tests and benchmarks.

Questions are answered in the order they are asked, and a question is answered only when its
`when` condition holds for the answers so far (`conditions.applies`), exactly as the interview
would ask it; so every answers mapping built here passes `parse_answers`.

    content = load_content()
    data = answers_data(content, founder="Ada", pick="best")      # an answers-file mapping
    data = answers_data(content, rng=random.Random(7))              # random valid answers
"""

from __future__ import annotations

import random
from typing import Any, Literal

from founder_check.content.models import NO, YES, Content, Question
from founder_check.scoring.conditions import applies
from founder_check.scoring.valuation import AnswerValue

Pick = Literal["best", "first", "worst", "random"]


def answer_for(question: Question, pick: Pick, rng: random.Random) -> tuple[Any, AnswerValue]:
    """One valid answer: (as written in an answers file, as the typed value)."""
    kind = question.kind
    if kind == "single":
        option_id = _choose([(o.id, o.value) for o in question.options], pick, rng)
        return option_id, option_id
    if kind == "multi":
        plain = [o for o in question.options if not o.exclusive]
        exclusive = [o for o in question.options if o.exclusive]
        if pick == "best":
            chosen = [o.id for o in plain]
        elif pick == "first":
            chosen = [question.options[0].id]
        elif pick == "worst":
            chosen = [(exclusive or plain)[0].id]
        elif exclusive and rng.random() < 0.15:
            chosen = [rng.choice(exclusive).id]
        else:
            chosen = [o.id for o in rng.sample(plain, rng.randint(1, len(plain)))]
            chosen.sort(key=[o.id for o in question.options].index)
        return chosen, tuple(chosen)
    if kind == "yesno":
        word = _choose([(YES, question.yes_score), (NO, question.no_score)], pick, rng)
        return word, word == YES
    if kind == "scale":
        assert question.scale is not None
        low, high = question.scale.min, question.scale.max
        point = high if pick == "best" else rng.randint(low, high) if pick == "random" else low
        return point, point
    if kind == "number":
        assert question.min is not None and question.max is not None
        band = question.bands[0]
        if pick == "best":
            band = max(question.bands, key=lambda b: (b.value, -b.from_))
        elif pick == "worst":
            band = min(question.bands, key=lambda b: (b.value, b.from_))
        elif pick == "random":
            band = rng.choice(question.bands)
        number: int | float = band.from_
        if question.integer:
            number = int(band.from_)
        elif pick == "random":
            number = round(rng.uniform(band.from_, band.to), 1)
            number = min(number, question.max)
            if number >= band.to and band is not question.bands[-1]:
                number = band.from_
        return number, number
    text = f"Answer to {question.id}"
    return text, text


def _choose(choices: list[tuple[str, float]], pick: Pick, rng: random.Random) -> str:
    if pick == "best":
        return max(choices, key=lambda c: c[1])[0]
    if pick == "worst":
        return min(choices, key=lambda c: c[1])[0]
    if pick == "first":
        return choices[0][0]
    return rng.choice(choices)[0]


def answers_data(
    content: Content,
    *,
    founder: str | None = "Test Founder",
    company: str | None = "Test Co",
    stage: str | None = None,
    pick: Pick = "random",
    rng: random.Random | None = None,
    skip_optional: bool = False,
    overrides: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An answers-file mapping (as `load_answers` reads) answering every applicable question.

    `overrides` replaces the written answer of given question ids (their typed value is
    derived from the content, so later `when` conditions still follow the override).
    """
    rng = rng or random.Random(0)
    overrides = overrides or {}
    typed: dict[str, AnswerValue] = {}
    written: dict[str, Any] = {}
    for question in content.questions:
        if question.when is not None and not applies(question.when, typed):
            continue
        if skip_optional and not question.required:
            continue
        raw, value = answer_for(question, pick, rng)
        if question.id in overrides:
            raw = overrides[question.id]
            value = _typed(question, raw)
        written[question.id] = raw
        typed[question.id] = value
    data: dict[str, Any] = {}
    if founder is not None:
        data["founder"] = founder
    if company is not None:
        data["company"] = company
    if stage is not None:
        data["stage"] = stage
    data["answers"] = written
    return data


def _typed(question: Question, raw: Any) -> AnswerValue:
    from founder_check.scoring.answers import coerce_answer

    try:
        return coerce_answer(question, raw)
    except ValueError:
        return str(raw)


def csv_cell(raw: Any, separator: str = ";") -> str:
    """How a written answer looks in a CSV cell whose header is the question id."""
    if isinstance(raw, list):
        return separator.join(str(item) for item in raw)
    if isinstance(raw, bool):
        return YES if raw else NO
    return "" if raw is None else str(raw)


def first_applicable(content: Content, kind: str) -> Question:
    """The first question of a kind that is always asked (no `when`), for targeted tests."""
    for question in content.questions:
        if question.kind == kind and question.when is None:
            return question
    raise LookupError(f"no unconditional {kind} question in the content")
