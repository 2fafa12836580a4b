"""Answers: read from a file (YAML or JSON), a CSV row or the interview, typed by question.

Every source goes through `parse_answers`, so a typed answer, a file and a spreadsheet cell
are held to the same rules. Scalars arrive as the text the founder wrote (see `readers`) and
are typed here by the question's kind: `no` stays the option id `no`, `09` is the number 9.
Every scored question also accepts "not sure": `unknown` (any case) or `不确定`, typed as the
one sentinel `UNKNOWN` whatever the kind (a string, never a tuple, even for multi answers).
An answers file may carry the `date:` of its answers (ISO 8601, YYYY-MM-DD), so that two
assessments can be told apart and compared.

An answers file may leave whole sections out, as `assess --section` writes one: a section
none of whose questions has an answer is left out (`Answers.left_out`), its questions are
not required, and the scorecard reports them as not answered yet. Inside a section it does
answer, every required question still needs its answer; a file that answers no section at
all is held to every question, so an untouched template is still an error.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from founder_check.base.errors import AnswersError, Problem
from founder_check.base.messages import Both, Message, Quoted, Series, joined
from founder_check.base.readers import line_of, load_data
from founder_check.content.models import NO, UNKNOWN, YES, Content, Question
from founder_check.scoring.answer_rules import (
    MAX_TEXT,
    METADATA_FIELDS,
    NO_WORDS,
    TOP_KEYS,
    YES_WORDS,
    describe,
    is_given,
    is_unknown_word,
    parse_date,
    required_at,
)
from founder_check.scoring.answers_quick import quick_reader
from founder_check.scoring.conditions import question_applies
from founder_check.scoring.valuation import AnswerValue

MAX_UNKNOWN_LISTED = 20  # unknown keys named one by one (with a did-you-mean)


@dataclass(frozen=True)
class Answers:
    """What a founder answered. `values` holds only applicable, answered questions, typed."""

    founder: str | None = None
    company: str | None = None
    stage: str | None = None
    values: dict[str, AnswerValue] = field(default_factory=dict)
    skipped: tuple[str, ...] = ()
    source: str | None = None
    date: dt.date | None = None  # when these answers were given
    left_out: tuple[str, ...] = ()  # sections with no answer at all, in questionnaire order

    def to_file_data(self) -> dict[str, Any]:
        """The answers-file form of these answers (what `load_answers` reads back); the date
        stays a `datetime.date`, which YAML writes bare and pydantic's JSON as a string."""
        data: dict[str, Any] = {}
        for name in METADATA_FIELDS:
            value = getattr(self, name)
            if value is not None:
                data[name] = value
        if self.date is not None:
            data["date"] = self.date
        answers: dict[str, Any] = {}
        for key, value in self.values.items():
            answers[key] = list(value) if isinstance(value, tuple) else value
        for key in self.skipped:
            answers[key] = None
        data["answers"] = answers
        return data


def load_answers(path: Path | str, content: Content) -> Answers:
    """Read and validate an answers file; raise AnswersError listing every problem."""
    path = Path(path)
    data = load_data(path)
    return parse_answers(data, content, source=str(path))


def parse_answers(
    data: Any,
    content: Content,
    *,
    source: str = "answers",
    require_complete: bool = True,
) -> Answers:
    """Validate raw answers data (a mapping as in an answers file) against the content.

    Well-formed data takes the fast path (`answers_quick`); anything else, and every
    problem, is decided and explained here."""
    quick = quick_reader(content).read(data, require_complete=require_complete)
    if quick is not None:
        return Answers(source=source, **quick._asdict())
    return explained_parse(data, content, source=source, require_complete=require_complete)


def explained_parse(
    data: Any, content: Content, *, source: str, require_complete: bool = True
) -> Answers:
    """The full validator: every rule applied one by one, every problem named."""
    problems: list[Problem] = []

    def problem(message: str, *loc: str) -> None:
        field = joined([_shortened(part) for part in loc], ".")
        problems.append(Problem(source, message, line=line_of(data, loc), field=field))

    if not isinstance(data, Mapping):
        raise AnswersError(Problem(source, Message("answers_not_mapping"), line=1))
    metadata, answered_on, raw_answers = _file_fields(data, content, problem)
    if raw_answers is None:  # not a mapping (said): no answer in it can be read
        raise AnswersError(problems)
    stage = metadata["stage"]
    values, skipped, left_out = _typed_answers(
        raw_answers, content, stage, require_complete, problem
    )
    if problems:
        raise AnswersError(problems)
    return Answers(
        founder=metadata["founder"],
        company=metadata["company"],
        stage=stage,
        values=values,
        skipped=tuple(skipped),
        source=source,
        date=answered_on,
        left_out=left_out,
    )


_Report = Callable[..., None]  # (message, *location): one problem found


def _file_fields(
    data: Mapping[Any, Any], content: Content, problem: _Report
) -> tuple[dict[str, str | None], dt.date | None, Mapping[Any, Any] | None]:
    """The file's metadata, date and answers mapping, each problem with them reported (and
    the field then taken as absent; the answers as None when they are not a mapping)."""
    unknown_top = [str(key) for key in data if key not in TOP_KEYS]
    for key in unknown_top[:MAX_UNKNOWN_LISTED]:
        if key in content.question_by_id:
            problem(Message("answer_at_top"), key)
        else:
            problem(Message("unknown_top_key", keys=Series(TOP_KEYS)), key)
    if len(unknown_top) > MAX_UNKNOWN_LISTED:
        problem(_more_unknown(len(unknown_top), "more_unknown_keys"))
    metadata: dict[str, str | None] = {}
    for name in METADATA_FIELDS:
        value = data.get(name)
        if value is not None and not isinstance(value, (str, int, float)):
            problem(Message("plain_text"), name)
            value = None
        metadata[name] = None if value is None else _printable(str(value))[:200] or None
    stage = metadata["stage"]
    if stage is not None and stage not in content.stage_by_id:
        stages = Series(tuple(content.stage_by_id))
        problem(Message("unknown_stage", stage=Quoted.of(stage), stages=stages), "stage")
    answered_on = None
    try:
        answered_on = parse_date(data.get("date"))
    except ValueError as exc:
        problem(str(exc), "date")
    raw_answers = data.get("answers")
    if raw_answers is None:
        raw_answers = {}
    if not isinstance(raw_answers, Mapping):
        problem(Message("answers_mapping"), "answers")
        return metadata, answered_on, None
    return metadata, answered_on, raw_answers


def _typed_answers(
    raw_answers: Mapping[Any, Any],
    content: Content,
    stage: str | None,
    require_complete: bool,
    problem: _Report,
) -> tuple[dict[str, AnswerValue], list[str], tuple[str, ...]]:
    """Each applicable question's typed answer, the questions skipped, and the sections left
    out; every unknown id, missing answer and answer that does not fit reported (a file that
    answers nothing at all, as one problem rather than one per question)."""
    known = content.question_by_id
    unknown_ids = [str(key) for key in raw_answers if key not in known]
    for key in unknown_ids[:MAX_UNKNOWN_LISTED]:
        problem(Message("unknown_question", hint=_suggest(key, known)), "answers", key)
    if len(unknown_ids) > MAX_UNKNOWN_LISTED:
        problem(_more_unknown(len(unknown_ids), "more_unknown_ids"), "answers")
    left_out = left_out_sections(raw_answers, content)
    values: dict[str, AnswerValue] = {}
    skipped: list[str] = []
    answers_any = any(is_given(raw_answers.get(question.id)) for question in content.questions)
    unanswered = 0  # required questions, when the file answers none
    for question in content.questions:
        if not question_applies(question, values, content):
            continue
        present = question.id in raw_answers
        raw = raw_answers.get(question.id)
        if raw is None:
            needed = require_complete and question.section not in left_out
            if needed and required_at(question, content, stage):
                key = "required_null" if present else "required_missing"
                if answers_any:
                    problem(Message(key, expected=expectation(question)), "answers", question.id)
                unanswered += 1
            elif present or not question.required:
                skipped.append(question.id)
            continue
        try:
            values[question.id] = coerce_answer(question, raw)
        except ValueError as exc:
            problem(str(exc), "answers", question.id)
    if unanswered and not answers_any:
        problem(Message("no_answers", count=unanswered), "answers")
    return values, skipped, left_out


def left_out_sections(raw_answers: Mapping[Any, Any], content: Content) -> tuple[str, ...]:
    """The sections none of whose questions has an answer in `raw_answers` (an empty value
    or an empty list is none), in questionnaire order; none when no section has one, so that
    an empty file is held to every question rather than scored as answering nothing."""
    answered = {
        question.section for question in content.questions if is_given(raw_answers.get(question.id))
    }
    if not answered:
        return ()
    return tuple(section.id for section in content.sections if section.id not in answered)


def _shortened(key: str, limit: int = 100) -> str:
    """A key as named in a message: a stray key of a million characters is not printed."""
    if len(key) <= limit:
        return key
    return Message("long_text", start=key[:limit], length=f"{len(key):,}")


def _printable(text: str) -> str:
    """Metadata shown in reports and file names: no control characters (terminal escapes)."""
    if text.isprintable():
        return text.strip()
    return "".join(ch if ch.isprintable() else " " for ch in text).strip()


def _says_unknown(question: Question, raw: Any) -> bool:
    """Whether the raw answer says "not sure": the word, or for a multi question a list of
    just the word (a CSV cell or the ticked box of the interview)."""
    if question.kind == "multi" and isinstance(raw, (list, tuple)) and len(raw) == 1:
        raw = raw[0]
    return is_unknown_word(raw)


def _unknown_refused(question: Question) -> Message:
    """Why "not sure" is refused: only scored questions can be weighed conservatively."""
    if question.kind == "text":
        return Message("unknown_for_text", word=Quoted.of(UNKNOWN))
    return Message("unknown_for_context", word=Quoted.of(UNKNOWN), expected=expectation(question))


def _not_an_option(text: str, question: Question) -> Message:
    return Message("not_an_option", value=Quoted.of(text), expected=expectation(question))


def _not_whole(raw: Any, question: Question) -> Message:
    return Message("not_whole", value=Quoted.of(raw), expected=expectation(question))


def _out_of_range(number: float, question: Question) -> Message:
    return Message("out_of_range", value=f"{number:g}", expected=expectation(question))


def coerce_answer(question: Question, raw: Any) -> AnswerValue:
    """Type one raw answer by its question's kind; ValueError says what was expected."""
    if _says_unknown(question, raw):
        if not question.scored:
            raise ValueError(_unknown_refused(question))
        return UNKNOWN
    kind = question.kind
    if kind == "single":
        text = _as_text(raw, question)
        if question.option(text) is None:
            raise ValueError(_not_an_option(text, question))
        return text
    if kind == "multi":
        items = list(raw) if isinstance(raw, (list, tuple)) else [raw]
        if any(is_unknown_word(item) for item in items):
            raise ValueError(Message("unknown_combined", word=Quoted.of(UNKNOWN)))
        chosen: list[str] = []
        for item in items:
            text = _as_text(item, question)
            if question.option(text) is None:
                raise ValueError(_not_an_option(text, question))
            if text not in chosen:
                chosen.append(text)
        exclusive = [c for c in chosen if (opt := question.option(c)) and opt.exclusive]
        if exclusive and len(chosen) > 1:
            raise ValueError(Message("exclusive_combined", option=Quoted.of(exclusive[0])))
        return tuple(chosen)
    if kind == "yesno":
        if isinstance(raw, bool):
            return raw
        word = _as_text(raw, question).lower()
        if word in YES_WORDS:
            return True
        if word in NO_WORDS:
            return False
        raise ValueError(Message("not_yes_no", word=Quoted.of(word)))
    if kind == "scale":
        assert question.scale is not None
        number = _as_number(raw)
        if number != int(number):
            raise ValueError(_not_whole(raw, question))
        if not question.scale.min <= number <= question.scale.max:
            raise ValueError(_out_of_range(number, question))
        return int(number)
    if kind == "number":
        assert question.min is not None and question.max is not None
        number = _as_number(raw)
        if question.integer and number != int(number):
            raise ValueError(_not_whole(raw, question))
        if not question.min <= number <= question.max:
            raise ValueError(_out_of_range(number, question))
        return int(number) if question.integer else number
    text = _as_text(raw, question, allow_numbers=True)
    if len(text) > MAX_TEXT:
        raise ValueError(Message("text_too_long", length=len(text), limit=MAX_TEXT))
    return text


def _as_text(raw: Any, question: Question, *, allow_numbers: bool = False) -> str:
    if isinstance(raw, str):
        return raw.strip()
    if allow_numbers and isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return str(raw)
    raise ValueError(Message("expected_got", expected=expectation(question), got=describe(raw)))


def _as_number(raw: Any) -> float:
    """A finite float; an int beyond any float (OverflowError) or digits too many for `repr`
    (4,300) are refused like infinity, named by their length."""
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        raise ValueError(Message("expected_number", got=describe(raw)))
    if isinstance(raw, int) and raw.bit_length() > 1000:
        digits = f"{int(raw.bit_length() * 0.30103):,}"
        shown: Message | Quoted = Message("huge_whole_number", digits=digits)
    else:
        text = repr(raw)
        shown = Quoted(text)
        if len(text) > 60:
            shown = Message("long_text", start=text[:40], length=f"{len(text):,}")
    try:
        number = float(raw.replace("_", "") if isinstance(raw, str) else raw)
    except ValueError:
        raise ValueError(Message("expected_number", got=shown)) from None
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise ValueError(Message("expected_finite", got=shown))
    return number


_EXPECTATIONS: dict[int, tuple[Question, Message]] = {}  # by id; holding it keeps the id


def expectation(question: Question) -> Message:
    """What a valid answer to this question looks like, for error messages (English as a
    `str`; `Message.text("zh")` in Chinese). Made once per question: a form export whose
    every cell is wrong asks for it tens of times a row."""
    cached = _EXPECTATIONS.get(id(question))
    if cached is not None and cached[0] is question:
        return cached[1]
    if len(_EXPECTATIONS) >= 4096:  # contents loaded again and again (tests): start over
        _EXPECTATIONS.clear()
    message = _expectation(question)
    _EXPECTATIONS[id(question)] = (question, message)
    return message


def _expectation(question: Question) -> Message:
    kind = question.kind
    options = Series(tuple(option.id for option in question.options))
    if kind == "single":
        return Message("expect_one_of", options=options)
    if kind == "multi":
        return Message("expect_list_of", options=options)
    if kind == "yesno":
        return Message("expect_yes_no", yes=YES, no=NO)
    if kind == "scale" and question.scale is not None:
        scale = question.scale
        return Message("expect_whole_range", min=scale.min, max=scale.max, unit=Message("empty"))
    if kind == "number":
        key = "expect_whole_range" if question.integer else "expect_number_range"
        unit = Message("empty")
        if question.unit:
            unit = Message("expect_unit", unit=Both(question.unit.en, question.unit.zh))
        return Message(key, min=f"{question.min:g}", max=f"{question.max:g}", unit=unit)
    return Message("expect_text")


def _suggest(key: str, known: Mapping[str, Question]) -> Message:
    from founder_check.base.suggest import close_match

    close = close_match(key, known)
    return Message("did_you_mean", name=Quoted.of(close)) if close else Message("empty")


def _more_unknown(count: int, key: str) -> Message:
    """One line for the unknown keys past the first `MAX_UNKNOWN_LISTED`: a file of 100,000
    stray keys is one problem to fix, not 100,000 lines to read (nor 100,000 searches)."""
    return Message(key, count=count - MAX_UNKNOWN_LISTED)
