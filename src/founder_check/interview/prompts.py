"""Turn one content question into one questionary prompt, and its reply into a typed answer.

Pure functions, one place for every kind: single and scale questions are a select list,
multi a checkbox list, yes/no a confirm when it only decides what is asked next (a select
when it is scored, or optional), number and text a line of input. Typed input is checked
while typing by `coerce_answer`, the same function that checks answers files, so a prompt
can never accept what a file would reject. Optional questions can be skipped explicitly;
required ones cannot.

Every scored question can be answered "Not sure" (`UNKNOWN`): the last entry of a list
before any skip entry, a box of its own that cannot be ticked with others, or `?` (or
`unknown`) typed into a number's line. Unscored questions decide which questions follow or
give context, so they need a real answer and offer no "Not sure".

Every prompt fits the terminal (its list and its line of keys wrap, see `fit`) and shares
the interview's keys (see `keys`): Ctrl-D ends the interview, and Esc returns to the
previous question when `back` is true (every prompt but the first and the draft offer).

Extra keyword arguments go to questionary (tests pass `input=` and `output=`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import questionary
from questionary import Choice

from founder_check.content.models import NO, UNKNOWN, YES, Content, Lang, Question
from founder_check.interview.fit import Validator, fit_instruction, fit_validator, wrap_list
from founder_check.interview.keys import add_shared_keys
from founder_check.interview.words import word
from founder_check.scoring.answer_rules import MAX_TEXT, is_unknown_word
from founder_check.scoring.answers import coerce_answer
from founder_check.scoring.valuation import AnswerValue, unknown_label

SKIP = "__skip__"
"""The value of the 'skip this question' entry (option ids are lower-case, never this)."""

UNKNOWN_SHORTHAND = "?"
"""Typed into a number's line, "not sure" (answers files write `unknown`)."""

METADATA_LIMIT = 200


def question_prompt(
    question: Question,
    lang: Lang,
    default: AnswerValue | None = None,
    *,
    back: bool = True,
    **kwargs: Any,
) -> questionary.Question:
    """The prompt for one question, showing `default` (an earlier answer) as preselected.

    `default` may be `SKIP`: the question was skipped before, so skipping is preselected.
    """
    kind = question.kind
    if kind in ("single", "scale"):
        prompt = _select_prompt(question, lang, default, back, **kwargs)
    elif kind == "multi":
        prompt = _checkbox_prompt(question, lang, default, back, **kwargs)
    elif kind == "yesno":
        prompt = _yesno_prompt(question, lang, default, back, **kwargs)
    elif kind == "number":
        label = prompt_message(question, lang)
        prompt = questionary.text(
            label,
            default=_number_default(default),
            validate=fit_validator(answer_validator(question, lang)),
            instruction=_hint(label, _number_hint(question, lang), lang, back, kwargs),
            **kwargs,
        )
    else:
        message = prompt_message(question, lang)
        hint = None if question.required else word("empty_skips", lang)
        prompt = questionary.text(
            message,
            default=default if isinstance(default, str) and default != SKIP else "",
            validate=fit_validator(answer_validator(question, lang)),
            instruction=_hint(message, hint, lang, back, kwargs),
            **kwargs,
        )
    return _shared(prompt, back)


def prompt_message(question: Question, lang: Lang) -> str:
    """The words on the prompt's line: what to do ("Choose one"), or what to type."""
    kind = question.kind
    if kind in ("single", "scale"):
        return word("choose_one", lang)
    if kind == "multi":
        return word("choose_many", lang)
    if kind == "yesno":
        return word("yes_or_no", lang)
    if kind == "number":
        return number_label(question, lang)
    return word("answer_prompt", lang)


def read_answer(question: Question, raw: Any) -> AnswerValue | None:
    """The typed answer of a prompt's reply; None when an optional question was skipped."""
    if raw == SKIP:
        if question.required:
            raise ValueError("a required question cannot be skipped")
        return None
    if not question.required and _is_empty(raw):
        return None
    return coerce_answer(question, _expand_shorthand(question, raw))


def answer_validator(question: Question, lang: Lang) -> Validator:
    """Check a reply while it is typed: True, or a message saying what is expected."""

    def validate(raw: Any) -> bool | str:
        if _is_empty(raw):
            if question.required:
                return word("tick_one" if question.kind == "multi" else "required", lang)
            return True
        if question.kind == "multi":
            exclusive = _exclusive_clash(question, raw, lang)
            if exclusive is not None:
                return word("exclusive", lang, label=exclusive)
        try:
            coerce_answer(question, _expand_shorthand(question, raw))
        except ValueError as exc:
            if question.kind == "text" and is_unknown_word(raw):
                return word("unknown_text", lang)
            return _localised_error(question, lang, str(exc))
        return True

    return validate


def number_label(question: Question, lang: Lang) -> str:
    """The input label of a number question: what to type, the range and the unit."""
    assert question.min is not None and question.max is not None
    what = word("whole_number_word" if question.integer else "number_word", lang)
    unit = _unit(question, lang)
    low, high = format_number(question.min), format_number(question.max)
    return word("number_prompt", lang, what=what, low=low, high=high) + unit


def format_number(number: float) -> str:
    """A number as a founder would type it: no '.0' on whole numbers, no exponent."""
    if isinstance(number, int) or float(number).is_integer():
        return str(int(number))
    return repr(float(number))


def metadata_prompt(
    message: str, default: str | None, lang: Lang, *, back: bool = True, **kwargs: Any
) -> questionary.Question:
    """A line of optional text (name, company): empty skips it."""

    def validate(text: str) -> bool | str:
        return len(text.strip()) <= METADATA_LIMIT or f"≤ {METADATA_LIMIT}"

    prompt = questionary.text(
        message,
        default=default or "",
        validate=fit_validator(validate),
        instruction=_hint(message, None, lang, back, kwargs),
        **kwargs,
    )
    return _shared(prompt, back)


def stage_prompt(
    content: Content, lang: Lang, default: str | None, *, back: bool = True, **kwargs: Any
) -> questionary.Question:
    """Choose the company stage, or skip to let the content's default stage apply."""
    assumed = content.stage_by_id[content.default_stage].name.get(lang)
    choices = [Choice(stage.name.get(lang), value=stage.id) for stage in content.stages]
    choices.append(Choice(word("stage_skip", lang, stage=assumed), value=SKIP))
    message = word("choose_one", lang)
    prompt = questionary.select(
        message,
        choices=choices,
        default=default if default in content.stage_by_id else None,
        instruction=_hint(message, word("choose_one_hint", lang), lang, back, kwargs),
        **kwargs,
    )
    return _shared(prompt, back)


def menu_prompt(
    message: str,
    choices: Sequence[tuple[str, str]],
    lang: Lang,
    default: str | None = None,
    *,
    back: bool = True,
    **kwargs: Any,
) -> questionary.Question:
    """A menu of (title, value) entries, for the review screen."""
    prompt = questionary.select(
        message,
        choices=[Choice(title, value=value) for title, value in choices],
        default=default,
        instruction=_hint(message, word("choose_one_hint", lang), lang, back, kwargs),
        **kwargs,
    )
    return _shared(prompt, back)


def confirm_prompt(message: str, default: bool = True, **kwargs: Any) -> questionary.Question:
    """A yes/no confirmation (y or n answers at once, Enter takes the default); there is no
    question before it to go back to. It stays on screen once answered."""
    return _shared(questionary.confirm(message, default=default, **kwargs), back=False, erase=False)


def _shared(prompt: questionary.Question, back: bool, erase: bool = True) -> questionary.Question:
    """The prompt with its list wrapping at the terminal's width and the shared keys. Unless
    told otherwise it erases itself once answered: prompt_toolkit would break a long answer on
    its line in the middle of a word, so the interview prints the answer, wrapped by words."""
    wrap_list(prompt)
    prompt.application.erase_when_done = erase
    return add_shared_keys(prompt, back=back)


def _hint(
    message: str, hint: str | None, lang: Lang, back: bool, kwargs: dict[str, Any]
) -> str | None:
    """The keys shown after the prompt's message, Esc among them when it goes back, broken
    by words to the terminal's width."""
    if back:
        hint = (
            word("back_alone", lang)
            if hint is None
            else hint[:-1] + word("back_more", lang) + hint[-1]
        )
    if hint is None:
        return None
    return fit_instruction(message, hint, output=kwargs.get("output"))


def _number_hint(question: Question, lang: Lang) -> str | None:
    """What else a number's line takes: `?` when scored, empty when optional."""
    if question.scored:
        return word("number_unknown_hint" if question.required else "number_unknown_skip", lang)
    return None if question.required else word("empty_skips", lang)


def _expand_shorthand(question: Question, raw: Any) -> Any:
    """`?` typed into a scored number's line means "not sure"."""
    if question.kind == "number" and isinstance(raw, str) and raw.strip() == UNKNOWN_SHORTHAND:
        return UNKNOWN
    return raw


def _unknown_choice(question: Question, lang: Lang, *, checked: bool = False) -> list[Choice]:
    """The "Not sure" entry of a scored question's list; none for unscored questions."""
    if not question.scored:
        return []
    return [Choice(unknown_label(lang), value=UNKNOWN, checked=checked)]


def _select_prompt(
    question: Question, lang: Lang, default: AnswerValue | None, back: bool, **kwargs: Any
) -> questionary.Question:
    choices: list[Choice] = []
    if question.kind == "scale":
        assert question.scale is not None
        for point in range(question.scale.min, question.scale.max + 1):
            label = question.scale.labels.get(point)
            title = f"{point}  {label.get(lang)}" if label is not None else str(point)
            choices.append(Choice(title, value=str(point)))
        preselect = str(default) if isinstance(default, int) and default is not True else None
        if default == UNKNOWN:
            preselect = UNKNOWN
    else:
        choices = [Choice(option.label.get(lang), value=option.id) for option in question.options]
        preselect = default if isinstance(default, str) else None
    choices += _unknown_choice(question, lang)
    if not question.required:
        choices.append(Choice(word("skip_choice", lang), value=SKIP))
        if default == SKIP:
            preselect = SKIP
    known = {choice.value for choice in choices}
    message = prompt_message(question, lang)
    return questionary.select(
        message,
        choices=choices,
        default=preselect if preselect in known else None,
        instruction=_hint(message, word("choose_one_hint", lang), lang, back, kwargs),
        **kwargs,
    )


def _checkbox_prompt(
    question: Question, lang: Lang, default: AnswerValue | None, back: bool, **kwargs: Any
) -> questionary.Question:
    chosen = set(default) if isinstance(default, tuple) else set()
    choices = [
        Choice(option.label.get(lang), value=option.id, checked=option.id in chosen)
        for option in question.options
    ]
    choices += _unknown_choice(question, lang, checked=default == UNKNOWN)
    hint = word("choose_many_hint" if question.required else "choose_many_skip_hint", lang)
    message = prompt_message(question, lang)
    return questionary.checkbox(
        message,
        choices=choices,
        validate=fit_validator(answer_validator(question, lang)),
        instruction=_hint(message, hint, lang, back, kwargs),
        **kwargs,
    )


def _yesno_prompt(
    question: Question, lang: Lang, default: AnswerValue | None, back: bool, **kwargs: Any
) -> questionary.Question:
    """A confirm (y/n) for a required question that only decides what follows; a list of
    Yes, No, then Not sure (scored) and Skip this question (optional) otherwise."""
    message = prompt_message(question, lang)
    if question.required and not question.scored:
        keys = "Y/n" if default is True else "y/N"  # what questionary shows, in brackets
        keys = f"（{keys}）" if lang == "zh" else f"({keys})"
        hint = _hint(message, keys, lang, back, kwargs)
        return questionary.confirm(
            message,
            default=default is True,
            auto_enter=True,
            instruction=None if hint is None else hint + " ",
            **kwargs,
        )
    choices = [Choice(word("yes", lang), value=YES), Choice(word("no", lang), value=NO)]
    choices += _unknown_choice(question, lang)
    if not question.required:
        choices.append(Choice(word("skip_choice", lang), value=SKIP))
    preselect = None
    if default is True:
        preselect = YES
    elif default is False:
        preselect = NO
    elif default in (SKIP, UNKNOWN):
        preselect = str(default)
    known = {choice.value for choice in choices}
    return questionary.select(
        message,
        choices=choices,
        default=preselect if preselect in known else None,
        instruction=_hint(message, word("choose_one_hint", lang), lang, back, kwargs),
        **kwargs,
    )


def _number_default(default: AnswerValue | None) -> str:
    if default == UNKNOWN:
        return UNKNOWN_SHORTHAND
    if isinstance(default, bool) or not isinstance(default, (int, float)):
        return ""
    return format_number(default)


def _is_empty(raw: Any) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    return isinstance(raw, (list, tuple)) and not raw


def _exclusive_clash(question: Question, raw: Any, lang: Lang) -> str | None:
    chosen = list(raw) if isinstance(raw, (list, tuple)) else [raw]
    if len(chosen) < 2:
        return None
    if UNKNOWN in chosen:
        return unknown_label(lang)
    for option_id in chosen:
        option = question.option(str(option_id))
        if option is not None and option.exclusive:
            return option.label.get(lang)
    return None


def _unit(question: Question, lang: Lang) -> str:
    if question.unit is None:
        return ""
    name = question.unit.get(lang)
    return f"（{name}）" if lang == "zh" else f" ({name})"


def _localised_error(question: Question, lang: Lang, detail: str) -> str:
    """What a valid answer looks like, in the interview's language."""
    if question.kind == "number" and question.min is not None and question.max is not None:
        unit = _unit(question, lang)
        return word(
            "bad_whole_number" if question.integer else "bad_number",
            lang,
            low=format_number(question.min),
            high=format_number(question.max),
            unit=unit,
        )
    if question.kind == "text":
        return word("too_long", lang, limit=MAX_TEXT)
    return detail[:1].upper() + detail[1:]
