"""Answers: read from a file (YAML or JSON), a CSV row or the interview, typed by question.

Every source goes through `parse_answers`, so a typed answer, a file and a spreadsheet cell
are held to the same rules. Scalars arrive as the text the founder wrote (see `readers`) and
are typed here by the question's kind: `no` stays the option id `no`, `09` is the number 9.
Every scored question also accepts "not sure": `unknown` (any case) or `不确定`, typed as the
one sentinel `UNKNOWN` whatever the kind (a string, never a tuple, even for multi answers).
An answers file may carry the `date:` of its answers (ISO 8601, YYYY-MM-DD), so that two
assessments can be told apart and compared.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from founder_check.conditions import question_applies
from founder_check.content.models import NO, UNKNOWN, YES, Content, Question
from founder_check.errors import AnswersError, Problem
from founder_check.readers import line_of, load_data
from founder_check.valuation import AnswerValue

METADATA_FIELDS = ("founder", "company", "stage")
TOP_KEYS = (*METADATA_FIELDS, "date", "answers")
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
MAX_TEXT = 10_000
MAX_UNKNOWN_LISTED = 20  # unknown keys named one by one (with a did-you-mean)
_YES_WORDS = frozenset({"yes", "y", "true", "是", "对"})
_NO_WORDS = frozenset({"no", "n", "false", "否", "不"})
_UNKNOWN_WORDS = frozenset({UNKNOWN, "不确定"})


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
    """Validate raw answers data (a mapping as in an answers file) against the content."""
    problems: list[Problem] = []

    def problem(message: str, *loc: str) -> None:
        field = ".".join(_shortened(part) for part in loc)
        problems.append(Problem(source, message, line=line_of(data, loc), field=field))

    if not isinstance(data, Mapping):
        raise AnswersError(Problem(source, "expected a mapping with an 'answers:' key", line=1))
    unknown_top = [str(key) for key in data if key not in TOP_KEYS]
    for key in unknown_top[:MAX_UNKNOWN_LISTED]:
        problem(f"unknown key; expected {', '.join(TOP_KEYS)}", key)
    if len(unknown_top) > MAX_UNKNOWN_LISTED:
        problem(_more_unknown(len(unknown_top), "keys"))
    metadata: dict[str, str | None] = {}
    for name in METADATA_FIELDS:
        value = data.get(name)
        if value is not None and not isinstance(value, (str, int, float)):
            problem("expected plain text", name)
            value = None
        metadata[name] = None if value is None else _printable(str(value))[:200] or None
    stage = metadata["stage"]
    if stage is not None and stage not in content.stage_by_id:
        problem(
            f"unknown stage {stage!r}; expected one of {', '.join(content.stage_by_id)}", "stage"
        )
    answered_on = None
    try:
        answered_on = parse_date(data.get("date"))
    except ValueError as exc:
        problem(str(exc), "date")
    raw_answers = data.get("answers")
    if raw_answers is None:
        raw_answers = {}
    if not isinstance(raw_answers, Mapping):
        problem("expected a mapping of question id to answer", "answers")
        raw_answers = {}

    known = content.question_by_id
    unknown_ids = [str(key) for key in raw_answers if key not in known]
    for key in unknown_ids[:MAX_UNKNOWN_LISTED]:
        problem(f"unknown question id{_suggest(key, known)}", "answers", key)
    if len(unknown_ids) > MAX_UNKNOWN_LISTED:
        problem(_more_unknown(len(unknown_ids), "question ids"), "answers")

    values: dict[str, AnswerValue] = {}
    skipped: list[str] = []
    for question in content.questions:
        if not question_applies(question, values, content):
            continue
        present = question.id in raw_answers
        raw = raw_answers.get(question.id)
        if raw is None:
            if required_at(question, content, stage) and require_complete:
                hint = "null" if present else "missing"
                problem(
                    f"required answer is {hint}; expected {expectation(question)}",
                    "answers",
                    question.id,
                )
            elif present or not question.required:
                skipped.append(question.id)
            continue
        try:
            values[question.id] = coerce_answer(question, raw)
        except ValueError as exc:
            problem(str(exc), "answers", question.id)
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
    )


def parse_date(raw: Any) -> dt.date | None:
    """The `date:` of an answers file: ISO 8601 text (YYYY-MM-DD) or a date already parsed
    (YAML read by another loader); a time of day or any other form is refused."""
    if raw is None:
        return None
    if isinstance(raw, dt.datetime):
        raise ValueError(f"{raw.isoformat()!r} has a time of day; expected a date, YYYY-MM-DD")
    if isinstance(raw, dt.date):
        return raw
    text = str(raw).strip() if isinstance(raw, (str, int, float)) else None
    if text is not None and _ISO_DATE.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            message = f"{text!r} is not a day of the calendar; expected YYYY-MM-DD"
            raise ValueError(message) from None
    shown = repr(text) if text is not None else _describe(raw)
    raise ValueError(f"{shown} is not a date; expected YYYY-MM-DD (ISO 8601), e.g. 2026-05-01")


def _shortened(key: str, limit: int = 100) -> str:
    """A key as named in a message: a stray key of a million characters is not printed."""
    if len(key) <= limit:
        return key
    return f"{key[:limit]}… ({len(key):,} characters)"


def _printable(text: str) -> str:
    """Metadata shown in reports and file names: no control characters (terminal escapes)."""
    if text.isprintable():
        return text.strip()
    return "".join(ch if ch.isprintable() else " " for ch in text).strip()


def required_at(question: Question, content: Content, stage: str | None) -> bool:
    """Required, unless the question is only expected at a later stage than this one."""
    if not question.required:
        return False
    if question.from_stage is None:
        return True
    rank = content.stage_rank
    current = stage if stage in rank else content.default_stage
    return rank[question.from_stage] <= rank[current]


def is_unknown_word(raw: Any) -> bool:
    """Whether a raw answer says "not sure": `unknown` in any case, or `不确定`."""
    return isinstance(raw, str) and raw.strip().lower() in _UNKNOWN_WORDS


def _says_unknown(question: Question, raw: Any) -> bool:
    """Whether the raw answer says "not sure": the word, or for a multi question a list of
    just the word (a CSV cell or the ticked box of the interview)."""
    if question.kind == "multi" and isinstance(raw, (list, tuple)) and len(raw) == 1:
        raw = raw[0]
    return is_unknown_word(raw)


def _unknown_refused(question: Question) -> str:
    """Why "not sure" is refused: only scored questions can be weighed conservatively."""
    if question.kind == "text":
        return (
            f"{UNKNOWN!r} means not sure, which a free-text question does not take; "
            "expected other text (or an empty answer if the question is optional)"
        )
    return (
        f"{UNKNOWN!r} (not sure) is only for scored questions, and this one decides which "
        f"questions apply or gives context; expected {expectation(question)}"
    )


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
            raise ValueError(f"{text!r} is not an option; expected {expectation(question)}")
        return text
    if kind == "multi":
        items = list(raw) if isinstance(raw, (list, tuple)) else [raw]
        if any(is_unknown_word(item) for item in items):
            raise ValueError(f"{UNKNOWN!r} (not sure) cannot be combined with other options")
        chosen: list[str] = []
        for item in items:
            text = _as_text(item, question)
            if question.option(text) is None:
                raise ValueError(f"{text!r} is not an option; expected {expectation(question)}")
            if text not in chosen:
                chosen.append(text)
        exclusive = [c for c in chosen if (opt := question.option(c)) and opt.exclusive]
        if exclusive and len(chosen) > 1:
            raise ValueError(f"{exclusive[0]!r} cannot be combined with other options")
        return tuple(chosen)
    if kind == "yesno":
        if isinstance(raw, bool):
            return raw
        word = _as_text(raw, question).lower()
        if word in _YES_WORDS:
            return True
        if word in _NO_WORDS:
            return False
        raise ValueError(f"{word!r} is not yes or no")
    if kind == "scale":
        assert question.scale is not None
        number = _as_number(raw)
        if number != int(number):
            raise ValueError(f"{raw!r} is not a whole number; expected {expectation(question)}")
        if not question.scale.min <= number <= question.scale.max:
            raise ValueError(f"{number:g} is out of range; expected {expectation(question)}")
        return int(number)
    if kind == "number":
        assert question.min is not None and question.max is not None
        number = _as_number(raw)
        if question.integer and number != int(number):
            raise ValueError(f"{raw!r} is not a whole number; expected {expectation(question)}")
        if not question.min <= number <= question.max:
            raise ValueError(f"{number:g} is out of range; expected {expectation(question)}")
        return int(number) if question.integer else number
    text = _as_text(raw, question, allow_numbers=True)
    if len(text) > MAX_TEXT:
        raise ValueError(f"text is {len(text)} characters; at most {MAX_TEXT}")
    return text


def _as_text(raw: Any, question: Question, *, allow_numbers: bool = False) -> str:
    if isinstance(raw, str):
        return raw.strip()
    if allow_numbers and isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return str(raw)
    raise ValueError(f"expected {expectation(question)}, got {_describe(raw)}")


def _as_number(raw: Any) -> float:
    """A finite float; an int beyond any float (OverflowError) or digits too many for `repr`
    (4,300) are refused like infinity, named by their length."""
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        raise ValueError(f"expected a number, got {_describe(raw)}")
    if isinstance(raw, int) and raw.bit_length() > 1000:
        shown = f"a whole number of about {int(raw.bit_length() * 0.30103):,} digits"
    else:
        text = repr(raw)
        shown = text if len(text) <= 60 else f"{text[:40]}… ({len(text):,} characters)"
    try:
        number = float(raw.replace("_", "") if isinstance(raw, str) else raw)
    except ValueError:
        raise ValueError(f"expected a number, got {shown}") from None
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise ValueError(f"expected a finite number, got {shown}")
    return number


def _describe(raw: Any) -> str:
    if isinstance(raw, Mapping):
        return "a mapping"
    if isinstance(raw, (list, tuple)):
        return "a list"
    return repr(raw)


def expectation(question: Question) -> str:
    """What a valid answer to this question looks like, for error messages."""
    kind = question.kind
    if kind == "single":
        return "one of " + ", ".join(option.id for option in question.options)
    if kind == "multi":
        return "a list of " + ", ".join(option.id for option in question.options)
    if kind == "yesno":
        return f"{YES} or {NO}"
    if kind == "scale" and question.scale is not None:
        return f"a whole number from {question.scale.min} to {question.scale.max}"
    if kind == "number":
        whole = "a whole number" if question.integer else "a number"
        unit = f" ({question.unit.en})" if question.unit else ""
        return f"{whole} from {question.min:g} to {question.max:g}{unit}"
    return "text"


def _suggest(key: str, known: Mapping[str, Question]) -> str:
    from founder_check.suggest import close_match

    close = close_match(key, known)
    return f"; did you mean {close!r}?" if close else ""


def _more_unknown(count: int, what: str) -> str:
    """One line for the unknown keys past the first `MAX_UNKNOWN_LISTED`: a file of 100,000
    stray keys is one problem to fix, not 100,000 lines to read (nor 100,000 searches)."""
    return f"and {count - MAX_UNKNOWN_LISTED:,} more unknown {what}"
