"""Find the cohort's inputs and read each into Answers, one at a time.

Inputs are answers files (YAML/JSON), folders (searched recursively for answers files;
hidden files and folders and the report folder itself are skipped) and CSV files (one founder
per row). They are taken in one stable order, sorted by path and then by row, whatever the
order on the command line, so the same inputs always give the same report.

A problem with one input becomes a `Rejection` and never stops the others: a special file
(a named pipe would block for ever) is refused without being opened, and a file name that
is not UTF-8 is read and shown with its bad bytes escaped (`text.shown_path`). CSV files are
streamed (a 10,000-row export is never held in memory), after a first pass that checks the
whole file is text in its encoding (UTF-8 unless `--encoding` says otherwise), so a bad byte
halfway cannot leave half a file read.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import os
import stat
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from founder_check.base.errors import AnswersError, FounderCheckError, Problem
from founder_check.base.messages import Known, Message, Quoted
from founder_check.base.readers import load_data
from founder_check.cohort.mapping import (
    ColumnPlan,
    CsvMapping,
    detect_delimiter,
    plan_columns,
    row_answers,
)
from founder_check.cohort.text import shown_path, truncated
from founder_check.content.models import Content
from founder_check.scoring.answers import Answers, parse_answers

ANSWER_SUFFIXES = frozenset({".yaml", ".yml", ".json"})
CSV_SUFFIXES = frozenset({".csv"})
MAX_CSV_BYTES = 512 * 1024 * 1024
_SCAN_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Item:
    """One founder to read: an answers file, or one CSV row (with its answers mapping).

    `source` is the path as shown; `path` the path to open, when the two differ (a file
    name that is not UTF-8)."""

    source: str
    row: int | None = None
    line: int | None = None
    data: Any = None
    headers: Mapping[str, str] | None = None
    path: str | None = None


def file_item(path: str) -> Item:
    """The Item of an answers file."""
    shown = shown_path(path)
    return Item(shown, path=None if shown == path else path)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that was not scored, and every reason why."""

    source: str
    row: int | None
    problems: tuple[Problem, ...]
    duplicate: bool = False


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a folder (walked when read), an answers file or a CSV file."""

    kind: Literal["folder", "answers", "csv"]
    path: str


@dataclass
class Discovery:
    """The inputs to read, in processing order, and those that could not be used.

    Folders are walked only when read, so a folder of 10,000 files never becomes a list.
    """

    sources: list[Source]
    rejected: list[Rejection]
    exclude: str | None = None


def discover(inputs: Sequence[Path], *, exclude: Path | None = None) -> Discovery:
    """Classify the inputs, drop repeats (and what a folder input already covers), sort."""
    skip = os.path.realpath(exclude) if exclude is not None else None
    chosen: dict[str, Source] = {}
    rejected: list[Rejection] = []
    for given in inputs:
        text = str(given)
        if given.is_dir():
            source = Source("folder", text)
        elif given.is_file():
            suffix = given.suffix.lower()
            if suffix in CSV_SUFFIXES:
                source = Source("csv", text)
            elif suffix in ANSWER_SUFFIXES:
                source = Source("answers", text)
            else:
                rejected.append(_reject(text, Message("input_not_answers")))
                continue
        else:
            key = "input_not_regular" if given.exists() else "input_missing"
            rejected.append(_reject(text, Message(key)))
            continue
        real = os.path.realpath(text)
        if real not in chosen or text < chosen[real].path:
            chosen[real] = source
    folders = [real for real, source in chosen.items() if source.kind == "folder"]
    sources = [
        source
        for real, source in chosen.items()
        if not any(folder != real and _walk_reaches(folder, real, skip) for folder in folders)
    ]
    sources.sort(key=lambda source: (source.path, source.kind))
    rejected.sort(key=lambda rejection: rejection.source)
    return Discovery(sources, rejected, skip)


def _walk_reaches(folder: str, real: str, skip: str | None) -> bool:
    """Whether walking `folder` would already read `real` (a file or a folder inside it)."""
    relative = os.path.relpath(real, folder)
    parts = Path(relative).parts
    if relative.startswith("..") or any(part.startswith(".") for part in parts):
        return False
    if skip is not None and (real == skip or real.startswith(skip + os.sep)):
        return False
    return os.path.isdir(real) or Path(real).suffix.lower() in ANSWER_SUFFIXES


def walk(
    folder: str, skip: str | None, suffixes: frozenset[str] = ANSWER_SUFFIXES
) -> Iterator[str]:
    """Answers files (or files of other `suffixes`) under `folder`, in a stable order; hidden
    entries and `skip` left out."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and os.path.realpath(os.path.join(root, d)) != skip
        )
        # os.path, not pathlib: pathlib interns every name. A folder of 50,000 answers files
        # is listed at once; its names wait to be read as one string, about a quarter of the
        # memory of a list of names (a NUL cannot be part of a file name)
        names = "\0".join(
            sorted(
                name
                for name in files
                if not name.startswith(".") and os.path.splitext(name)[1].lower() in suffixes
            )
        )
        files.clear()  # os.walk has no further use for this folder's list
        start = 0
        while start < len(names):
            end = names.find("\0", start)
            end = len(names) if end < 0 else end
            yield os.path.join(root, names[start:end])
            start = end + 1


def count_inputs(discovery: Discovery, *, stop_at: int | None = None) -> int:
    """How many founders there are to read, roughly (CSV rows are estimated from lines);
    with `stop_at`, counting stops once that many are found (enough to decide on), and the
    count is at most `stop_at`."""
    total = 0
    for source in discovery.sources:
        left = None if stop_at is None else stop_at - total
        if left is not None and left <= 0:
            break
        if source.kind == "folder":
            total += sum(1 for _ in itertools.islice(walk(source.path, discovery.exclude), left))
        elif source.kind == "csv":
            total += csv_row_estimate(source.path, stop_at=left)
        else:
            total += 1
    return total if stop_at is None else min(total, stop_at)


def _reject(
    source: str,
    message: Message,
    *,
    row: int | None = None,
    line: int | None = None,
) -> Rejection:
    shown = shown_path(source)
    return Rejection(shown, row, (Problem(shown, message, line=line),))


def _no_answers_in(folder: str, skip: str | None) -> Message:
    """Why a folder gave no founder: none of its files is an answers file; and where it holds
    CSV files, that these are read only when named (a form export dropped into the folder)."""
    csv_file = next(walk(folder, skip, CSV_SUFFIXES), None)
    if csv_file is None:
        return Message("folder_no_answers")
    return Message("folder_only_csv", example=Quoted.of(shown_path(csv_file)))


def iter_items(
    discovery: Discovery, content: Content, mapping: CsvMapping
) -> Iterator[Item | Rejection]:
    """Every founder to read, in processing order; problems arrive as Rejections."""
    for source in discovery.sources:
        if source.kind == "folder":
            found = False
            for path in walk(source.path, discovery.exclude):
                found = True
                yield file_item(path)
            if not found:
                yield _reject(source.path, _no_answers_in(source.path, discovery.exclude))
        elif source.kind == "csv":
            try:
                yield from csv_items(source.path, content, mapping)
            except Exception as exc:  # a bug: this file's other rows are lost, no others
                reason = truncated(f"{type(exc).__name__}: {exc}", 200)
                yield _reject(source.path, Message("csv_bug", reason=reason))
        else:
            yield file_item(source.path)


def read_answers(item: Item, content: Content) -> Answers:
    """Read and validate one founder's answers (every source goes through parse_answers)."""
    if item.data is None:
        return parse_answers(_load_file(item), content, source=item.source)
    try:
        return parse_answers(item.data, content, source=item.source)
    except AnswersError as exc:
        raise AnswersError([_column_problem(p, item.headers or {}) for p in exc.problems]) from None


def _load_file(item: Item) -> Any:
    """An answers file's data; a special file (named pipe, device, socket) is refused unopened."""
    path = item.path or item.source
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = stat.S_IFREG  # missing or unreadable: load_data says why
    if not stat.S_ISREG(mode):
        message = Message("special_file", kind=_special_kind(mode))
        raise AnswersError(Problem(item.source, message))
    try:
        return load_data(Path(path))
    except FounderCheckError as exc:
        if item.path is None:
            raise
        problems = [
            Problem(item.source, p.message, line=p.line, field=p.field) for p in exc.problems
        ]
        raise AnswersError(problems) from None


def _special_kind(mode: int) -> Message:
    if stat.S_ISFIFO(mode):
        return Message("kind_fifo")
    if stat.S_ISSOCK(mode):
        return Message("kind_socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Message("kind_device")
    if stat.S_ISDIR(mode):
        return Message("kind_folder")
    return Message("kind_special")


def _column_problem(problem: Problem, headers: Mapping[str, str]) -> Problem:
    """Name the CSV column of a problem: its header, and the question id if that differs (a
    row that answers nothing is told in terms of columns, not of an answers file's keys)."""
    if isinstance(problem.message, Message) and problem.message.key == "no_answers":
        message = Message("row_no_answers", count=problem.message.params["count"])
        return Problem(problem.source, message, line=problem.line)
    field = problem.field or ""
    target = field.removeprefix("answers.") if field.startswith("answers.") else field
    header = headers.get(target)
    if header is None or not target:
        return problem
    if header != target:
        name = Message("column_of", header=Quoted.of(header), target=target)
    else:
        name = Message("column", header=Quoted.of(header))
    return Problem(problem.source, problem.message, line=problem.line, field=name)


# --- CSV ----------------------------------------------------------------------------------


def csv_row_estimate(path: str, *, stop_at: int | None = None) -> int:
    """Rows in a CSV file, roughly (its line count less the header); reading stops once
    `stop_at` rows are counted."""
    lines = 0
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(_SCAN_CHUNK), b""):
                lines += chunk.count(b"\n")
                if stop_at is not None and lines - 1 >= stop_at:
                    break
    except OSError:
        return 0
    return max(0, lines - 1)


def reading_encoding(encoding: str | None) -> str:
    """The codec to read a CSV file with: UTF-8 (any byte-order mark dropped) by default."""
    if encoding is None or codecs.lookup(encoding).name == "utf-8":
        return "utf-8-sig"
    return encoding


def _scan(path: str, encoding: str | None) -> Problem | None:
    """Check the whole file is text in its encoding, without NUL bytes, within the size limit."""
    codec = reading_encoding(encoding)
    # UTF-16 and -32 hold NUL bytes in any text; other encodings write ASCII as ASCII
    ascii_based = "a\n".encode(encoding or "utf-8") == b"a\n"
    try:
        size = os.stat(path).st_size
        if size > MAX_CSV_BYTES:
            return Problem(
                path,
                Message(
                    "file_too_big",
                    size=f"{size / 1048576:.0f}",
                    limit=MAX_CSV_BYTES // 1048576,
                ),
            )
        if size == 0:
            return Problem(path, Message("file_empty"))
        decoder = codecs.getincrementaldecoder(codec)()
        offset = 0
        lines = 1
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(_SCAN_CHUNK), b""):
                if ascii_based and b"\x00" in chunk:
                    return Problem(path, Message("binary_not_text", kind="CSV"))
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    line = lines + chunk[: max(0, exc.start)].count(b"\n")
                    where = Message("bad_byte_at", offset=offset + max(0, exc.start))
                    return Problem(path, _not_text(encoding, where), line=line)
                offset += len(chunk)
                lines += chunk.count(b"\n")
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return Problem(path, _not_text(encoding, Message("ends_inside_character")))
    except OSError as exc:
        reason = Known("os", str(exc.strerror))
        return Problem(path, Message("cannot_read", reason=reason))
    return None


def _not_text(encoding: str | None, why: Message) -> Message:
    """Not text in the expected encoding, and what to do about it."""
    hint = "hint_encoding_default" if encoding is None else "hint_encoding_given"
    name = "UTF-8" if encoding is None else encoding
    return Message("not_text", encoding=name, why=why, hint=Message(hint))


def csv_items(path: str, content: Content, mapping: CsvMapping) -> Iterator[Item | Rejection]:
    """One Item per CSV row (or a Rejection for a bad row, or for the whole file)."""
    shown = shown_path(path)
    problem = _scan(path, mapping.encoding)
    if problem is not None:
        yield Rejection(shown, None, (replace(problem, source=shown),))
        return
    with open(path, encoding=reading_encoding(mapping.encoding), newline="") as handle:
        first = handle.readline()
        handle.seek(0)
        delimiter = mapping.delimiter or detect_delimiter(first)
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            header = next(reader, None)
            if header is None or not any(cell.strip() for cell in header):
                yield _reject(path, Message("csv_no_header"), line=1)
                return
            try:
                plan = plan_columns(header, mapping, content, shown)
            except FounderCheckError as exc:
                yield Rejection(shown, None, tuple(exc.problems))
                return
            yield from _rows(reader, plan, shown)
        except csv.Error as exc:
            message = Message("csv_error", error=Known("csv", str(exc)))
            yield _reject(path, message, line=reader.line_num)


def _rows(reader: Any, plan: ColumnPlan, path: str) -> Iterator[Item | Rejection]:
    headers = plan.headers
    row = 0
    line = reader.line_num + 1
    for cells in reader:
        row += 1
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > plan.width:
            message = Message("row_too_wide", cells=len(cells), width=plan.width)
            yield _reject(path, message, row=row, line=start)
            continue
        yield Item(path, row, start, row_answers(plan, cells, start), headers)
