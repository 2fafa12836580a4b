"""CSV columns and cells to answers: the `--map` file, and how a row becomes an answers mapping.

Form tools export the question as the column header and the chosen label as the cell text.
A mapping file names, per header, the question id (or founder/company/stage) and, per question,
which cell text means which option. Without a mapping a header must be a question id (or
founder, company, stage). Matching ignores case, width (NFKC) and repeated spaces. A cell may
also hold the option id itself or the option's label as written in the content (en or zh),
and a scored question's cell "Not sure" or 不确定 (or `unknown`, read by `coerce_answer`).

The result of a row is the same mapping an answers file holds, so it is validated by
`answers.parse_answers` like every other source.
"""

from __future__ import annotations

import codecs
import json
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from founder_check.base.errors import InputFileError, Problem
from founder_check.base.i18n import Texts, phrase
from founder_check.base.messages import Message, Quoted, Series
from founder_check.base.readers import LineDict, line_of, load_data
from founder_check.content.models import NO, UNKNOWN, YES, Content, Lang, Question, strict
from founder_check.scoring.valuation import answer_label, unknown_label

METADATA = ("founder", "company", "stage")
DEFAULT_SEPARATOR = ";"
DELIMITERS = (",", ";", "\t")
MAX_PROBLEMS_LISTED = 50  # of a mapping file: the rest are counted, not listed one by one


def norm(text: str) -> str:
    """The form of a header or label used for matching: NFKC, single spaces, case-folded."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


@strict
@dataclass(frozen=True)
class MappingFile:
    """The `--map` file as written (see docs/cohort.md)."""

    delimiter: str | None = None
    separator: str | None = None
    encoding: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    ignore: tuple[str, ...] = ()
    labels: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class CsvMapping:
    """A checked mapping, keyed by normalised header and label."""

    source: str | None = None
    delimiter: str | None = None
    separator: str = DEFAULT_SEPARATOR
    encoding: str | None = None  # of the CSV files; None: UTF-8 (a byte-order mark is fine)
    columns: Mapping[str, str] = field(default_factory=dict)
    ignore: frozenset[str] = frozenset()
    labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class SheetReading:
    """How the command line asks for CSV inputs to be read: a `--map` file, and a separator
    and encoding that, when given, win over the mapping file's own."""

    map_path: Path | None = None
    separator: str | None = None
    encoding: str | None = None

    def mapping(self, content: Content) -> CsvMapping:
        """The checked mapping to read rows with; InputFileError if the `--map` file is bad."""
        if self.map_path is not None:
            return load_mapping(
                self.map_path, content, separator=self.separator, encoding=self.encoding
            )
        return CsvMapping(separator=self.separator or DEFAULT_SEPARATOR, encoding=self.encoding)


ENCODING_EXAMPLES = "utf-8, gb18030, gbk, big5, shift_jis, euc-kr, cp1252 or latin-1"
# text codecs by Python's count, but for domain names and string literals, not files
_PYTHON_CODECS = frozenset(
    {"idna", "punycode", "raw-unicode-escape", "unicode-escape", "undefined"}
)
_NOT_DELIMITERS = frozenset('"\r\n')
_ASCII = bytes(range(0x20, 0x7F)) + b"\t\r\n"  # a CSV's delimiters, quotes, line ends, ids


def encoding_problem(name: str) -> str | None:
    """Why CSV files cannot be read in the encoding `name`, or None if they can.

    It must be a text codec (bytes to text: not base64, hex or rot13, nor Python's codecs for
    domain names and string literals) that reads plain ASCII (a CSV's commas, quotes, line
    ends and ids) as itself. UTF-16 and UTF-32 (with or without a byte-order mark), UTF-7
    and EBCDIC do not, and are refused here rather than read as noise or failing halfway.
    """
    shown = name if len(name) <= 40 else name[:40] + "…"
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):  # ValueError: a NUL in the name
        return f"{shown!r} is not a known text encoding"
    if not getattr(info, "_is_text_encoding", True) or info.name in _PYTHON_CODECS:
        return f"{shown!r} is not a text encoding (a Python codec for other data)"
    try:
        reads_ascii = _ASCII.decode(info.name) == _ASCII.decode("ascii")
    except UnicodeError:
        reads_ascii = False
    if not reads_ascii:
        return (
            f"{shown!r} does not read plain ASCII (commas, quotes, line ends) as itself, as "
            "UTF-16, UTF-32, UTF-7 and EBCDIC do not; save the file as 'CSV UTF-8' instead"
        )
    return None


def load_mapping(
    path: Path,
    content: Content,
    *,
    separator: str | None = None,
    encoding: str | None = None,
) -> CsvMapping:
    """Read and check a mapping file against the content; InputFileError lists every problem."""
    from pydantic import TypeAdapter, ValidationError

    from founder_check.content.files import validation_problems

    source = str(path)
    data = load_data(path)
    if not isinstance(data, Mapping):
        raise InputFileError(Problem(source, "expected a mapping (columns:, labels:, ...)", line=1))
    try:
        model = TypeAdapter(MappingFile).validate_python(data)
    except ValidationError as exc:
        raise InputFileError(validation_problems(exc, source, data)) from None
    problems: list[Problem] = []
    unlisted = 0

    def problem(message: str, *loc: str) -> None:
        nonlocal unlisted
        if len(problems) >= MAX_PROBLEMS_LISTED:
            unlisted += 1
            return
        problems.append(Problem(source, message, line=line_of(data, loc), field=".".join(loc)))

    def hint(target: str) -> str:
        """A did-you-mean, for problems that are listed (not for the 10,000th bad column)."""
        return _suggest(target, targets) if len(problems) < MAX_PROBLEMS_LISTED else ""

    if model.delimiter is not None and len(model.delimiter) != 1:
        problem("expected one character, e.g. ',' or ';'", "delimiter")
    elif model.delimiter is not None and model.delimiter in _NOT_DELIMITERS:
        # the csv module refuses these (or reads the whole file as one column)
        problem("a quote or a line end cannot separate columns; use ',', ';' or a tab", "delimiter")
    if model.separator is not None and not model.separator:
        problem("must not be empty", "separator")
    if model.encoding is not None:
        why = encoding_problem(model.encoding)
        if why is not None:
            problem(f"{why}; expected a text encoding such as {ENCODING_EXAMPLES}", "encoding")
    targets = {*METADATA, *content.question_by_id}
    columns: dict[str, str] = {}
    claimed: dict[str, str] = {}
    for header, target in model.columns.items():
        target = target.strip()
        if target not in targets:
            problem(
                f"{target!r} is not a question id{hint(target)} nor founder, company or stage",
                "columns",
                header,
            )
        elif target in claimed:
            problem(
                f"{target!r} is already the target of column {claimed[target]!r}", "columns", header
            )
        else:
            claimed[target] = header
            columns[norm(header)] = target
    labels: dict[str, dict[str, str]] = {}
    for target, table in model.labels.items():
        if target not in targets or target in ("founder", "company"):
            problem(
                f"{target!r} is not a question id{hint(target)} nor stage",
                "labels",
                target,
            )
            continue
        checked: dict[str, str] = {}
        for label, value in table.items():
            error = _check_value(content, target, value.strip())
            if error:
                problem(error, "labels", target, label)
            else:
                checked[norm(label)] = value.strip()
        labels[target] = checked
    if unlisted:
        problems.append(Problem(source, f"and {unlisted:,} more problems like these"))
    if problems:
        raise InputFileError(problems)
    return CsvMapping(
        source=source,
        delimiter=model.delimiter,
        separator=separator or model.separator or DEFAULT_SEPARATOR,
        encoding=encoding or model.encoding,
        columns=columns,
        ignore=frozenset(norm(header) for header in model.ignore),
        labels=labels,
    )


def _check_value(content: Content, target: str, value: str) -> str | None:
    """Why `value` is not a valid answer (or stage) for the target, or None if it is."""
    from founder_check.scoring.answers import coerce_answer

    if target == "stage":
        if value in content.stage_by_id:
            return None
        return f"{value!r} is not a stage; expected one of {', '.join(content.stage_by_id)}"
    question = content.question_by_id[target]
    try:
        coerce_answer(question, [value] if question.kind == "multi" else value)
    except ValueError as exc:
        return str(exc)
    return None


def _suggest(key: str, known: Sequence[str] | set[str]) -> Message:
    from founder_check.base.suggest import close_match

    close = close_match(key, known)
    return Message("did_you_mean_column", name=Quoted.of(close)) if close else Message("empty")


Convert = Callable[[str], Any]


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    target: str
    convert: Convert


@dataclass(frozen=True)
class ColumnPlan:
    """How the columns of one CSV file become an answers mapping."""

    columns: tuple[Column, ...]
    width: int

    @property
    def headers(self) -> dict[str, str]:
        """Question id (or metadata name) -> the header of its column."""
        return {column.target: column.header for column in self.columns}


def plan_columns(
    headers: Sequence[str], mapping: CsvMapping, content: Content, source: str
) -> ColumnPlan:
    """Match each header to its target; InputFileError names every header that matches none."""
    direct = {norm(target): target for target in (*METADATA, *content.question_by_id)}
    converters = CellConverters(content, mapping)
    problems: list[Problem] = []
    columns: list[Column] = []
    claimed: dict[str, str] = {}
    unknown: list[str] = []
    for index, header in enumerate(headers):
        key = norm(header)
        if not key or key in mapping.ignore:
            continue
        target = mapping.columns.get(key) or direct.get(key)
        if target is None:
            unknown.append(header)
            continue
        if target in claimed:
            message = Message(
                "columns_same_target",
                first=Quoted.of(claimed[target]),
                second=Quoted.of(header),
                target=Quoted.of(target),
            )
            problems.append(Problem(source, message, line=1))
            continue
        claimed[target] = header
        columns.append(Column(index, header, target, converters.for_target(target)))
    if unknown:
        ids = list(content.question_by_id)
        shown = Series(
            tuple(
                Message("column_hint", header=Quoted.of(h), hint=_suggest(h, ids))
                for h in unknown[:10]
            )
        )
        more = Message("more_columns", count=len(unknown) - 10)
        message = Message(
            "unknown_columns",
            count=len(unknown),
            shown=shown,
            more=more if len(unknown) > 10 else Message("empty"),
        )
        problems.append(Problem(source, message, line=1))
    if not any(column.target not in METADATA for column in columns) and not problems:
        problems.append(Problem(source, Message("no_answer_columns"), line=1))
    if problems:
        raise InputFileError(problems)
    return ColumnPlan(tuple(columns), len(headers))


def row_answers(plan: ColumnPlan, cells: Sequence[str], line: int) -> LineDict:
    """The answers mapping of one CSV row; every key remembers the row's line."""
    data = LineDict(line)
    answers = LineDict(line)
    for column in plan.columns:
        if column.index >= len(cells):
            continue
        cell = cells[column.index].strip()
        if not cell:
            continue
        value = column.convert(cell)
        target = column.target
        if target in METADATA:
            data[target] = value
            data.key_lines[target] = line
        else:
            answers[target] = value
            answers.key_lines[target] = line
    data["answers"] = answers
    data.key_lines["answers"] = line
    return data


class CellConverters:
    """Cell text -> the raw answer, via the mapping's labels, option ids and content labels."""

    def __init__(self, content: Content, mapping: CsvMapping) -> None:
        self._content = content
        self._mapping = mapping

    def for_target(self, target: str) -> Convert:
        if target in ("founder", "company"):
            return _identity
        table = self._table(target)
        question = self._content.question_by_id.get(target)
        if question is not None and question.kind == "multi":
            return _MultiCell(table, self._mapping.separator)
        return _SingleCell(table)

    def _table(self, target: str) -> dict[str, str]:
        """Normalised text -> value; the mapping's labels win over the content's."""
        table: dict[str, str] = {}
        if target == "stage":
            for stage in self._content.stages:
                for text in (stage.id, stage.name.en, stage.name.zh):
                    table.setdefault(norm(text), stage.id)
        else:
            question = self._content.question_by_id[target]
            for value, texts in _content_labels(question):
                for text in texts:
                    table.setdefault(norm(text), value)
        table.update(self._mapping.labels.get(target, {}))
        return table


def _content_labels(question: Question) -> list[tuple[str, tuple[str, ...]]]:
    """Cell texts the content itself gives each answer; "Not sure" for every scored one."""
    labels: list[tuple[str, tuple[str, ...]]] = []
    if question.kind in ("single", "multi"):
        labels = [(o.id, (o.id, o.label.en, o.label.zh)) for o in question.options]
    elif question.kind == "scale" and question.scale is not None:
        labels = [(str(point), (text.en, text.zh)) for point, text in question.scale.labels.items()]
    if question.scored:
        labels.append((UNKNOWN, (unknown_label("en"), unknown_label("zh"))))
    return labels


def _identity(cell: str) -> str:
    return cell


class _SingleCell:
    __slots__ = ("table",)

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table

    def __call__(self, cell: str) -> str:
        return self.table.get(cell) or self.table.get(norm(cell)) or cell


class _MultiCell:
    """Split on the separator, but keep together pieces that form a label (labels may hold it)."""

    __slots__ = ("separator", "table")

    def __init__(self, table: dict[str, str], separator: str) -> None:
        self.table = table
        self.separator = separator

    def __call__(self, cell: str) -> list[str]:
        whole = self.table.get(cell) or self.table.get(norm(cell))
        if whole is not None:
            return [whole]
        pieces = cell.split(self.separator)
        chosen: list[str] = []
        start = 0
        while start < len(pieces):
            for end in range(len(pieces), start, -1):
                text = self.separator.join(pieces[start:end]).strip()
                value = self.table.get(text) or self.table.get(norm(text))
                if value is not None:
                    chosen.append(value)
                    start = end
                    break
            else:
                text = pieces[start].strip()
                if text:
                    chosen.append(text)
                start += 1
        return chosen


def detect_delimiter(header_line: str) -> str:
    """The delimiter that splits the header line into the most fields (',' on a tie)."""
    import csv

    best, most = ",", 0
    for delimiter in DELIMITERS:
        fields = next(csv.reader([header_line], delimiter=delimiter), [])
        if len(fields) > most:
            best, most = delimiter, len(fields)
    return best


# --- templates: what to build a matching form from --------------------------------------


def _metadata_header(name: str, lang: Lang) -> str:
    from founder_check.report.labels import label

    return label(name, lang)


def form_headers(content: Content, lang: Lang) -> list[tuple[str, str]]:
    """(header, target) per column of a form whose titles are the question texts."""
    columns = [(_metadata_header(name, lang), name) for name in METADATA]
    seen = {norm(header) for header, _ in columns}
    for question in content.questions:
        header = question.text.get(lang)
        if norm(header) in seen:
            header = f"{header} [{question.id}]"
        seen.add(norm(header))
        columns.append((header, question.id))
    return columns


def csv_template(content: Content, lang: Lang, *, form_titles: bool) -> str:
    """A CSV header row: question ids, or (with a mapping) the question texts of a form."""
    import csv
    import io

    buffer = io.StringIO()
    if form_titles:
        headers = [header for header, _ in form_headers(content, lang)]
    else:
        headers = [*METADATA, *(q.id for q in content.questions)]
    csv.writer(buffer, lineterminator="\r\n").writerow(headers)
    return buffer.getvalue()


_skeleton_word = Texts(
    phrase(
        "head",
        "founder-check CSV mapping: which column holds which question, and which cell text\n"
        "means which option. Use it with:\n"
        "  founder-check cohort FORM_EXPORT.csv --map THIS_FILE --out REPORT_DIR\n"
        "Edit the column titles and labels (left) to match your form; keep the ids (right).\n"
        "Matching ignores case and repeated spaces. Cells may also hold option ids.",
    ),
    phrase("separator", "separator between the choices of a multiple-choice cell"),
    phrase("columns", "column title -> question id (or founder, company, stage)"),
    phrase("ignore", "columns to leave out, e.g. a timestamp or an e-mail address"),
    phrase("labels", "per question: cell text -> option id"),
)


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def mapping_skeleton(content: Content, lang: Lang, separator: str = DEFAULT_SEPARATOR) -> str:
    """A complete mapping file for a form built from the question texts and option labels."""
    lines = [f"# {line}".rstrip() for line in _skeleton_word("head", lang).splitlines()]
    lines += ["", f"# {_skeleton_word('separator', lang)}", f"separator: {_q(separator)}", ""]
    lines += [f"# {_skeleton_word('columns', lang)}", "columns:"]
    for header, target in form_headers(content, lang):
        lines.append(f"  {_q(header)}: {target}")
    lines += ["", f"# {_skeleton_word('ignore', lang)}", "ignore: []", ""]
    lines += [f"# {_skeleton_word('labels', lang)}", "labels:", "  stage:"]
    for stage in content.stages:
        lines.append(f"    {_q(stage.name.get(lang))}: {stage.id}")
    for question in content.questions:
        entries: list[tuple[str, str]] = []
        if question.kind in ("single", "multi"):
            entries = [(o.label.get(lang), o.id) for o in question.options]
        elif question.kind == "yesno":
            entries = [
                (answer_label(question, True, lang), YES),
                (answer_label(question, False, lang), NO),
            ]
        if question.scored:
            entries.append((unknown_label(lang), UNKNOWN))
        if entries:
            lines.append(f"  {question.id}:")
            lines += [f"    {_q(text)}: {_q(value)}" for text, value in entries]
    return "\n".join(lines) + "\n"
