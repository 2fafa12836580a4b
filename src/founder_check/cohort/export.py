"""The cohort's files: cohort.json, cohort.csv, rejected.csv and one scorecard per founder.

Every file is written atomically (temporary file, fsync, rename; mode 0600: they hold
personal data). cohort.json is streamed, one founder per line, so a large cohort is never
held in memory; its header part is indented like the other JSON the tool writes. Founder
scorecards are compact JSON (the same data as `assess --json`, plus a `cohort` block), which
is several times faster to encode and write than an indented dump.

Names and companies come from the founders and are not trusted: a CSV cell that a
spreadsheet would run as a formula is neutralised, and a file name keeps only letters,
digits and dashes, so it can never leave the output folder.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from founder_check.base.atomic import write_chunks_atomic
from founder_check.base.json_text import compact
from founder_check.cohort.aggregate import CohortStats
from founder_check.cohort.hashes import HashSet, hash64
from founder_check.cohort.inputs import Rejection
from founder_check.cohort.models import Placement
from founder_check.cohort.store import FounderStore, StoredFounder
from founder_check.content.models import Content, Lang

COHORT_JSON = "cohort.json"
COHORT_CSV = "cohort.csv"
REJECTED_CSV = "rejected.csv"
SCORECARDS = "scorecards"
MAX_STEM = 80
# file names may hold 255 bytes (ext4, APFS; 143 on eCryptfs): a stem of at most 120 UTF-8
# bytes, a collision number and ".json" stay under that
MAX_STEM_BYTES = 120
_FORMULA_START = frozenset("=+-@\t\r＝＋－＠")
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)


# --- untrusted text ----------------------------------------------------------------------


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: formulas (=, +, -, @, tab, CR) get a ' first."""
    text = "" if value is None else str(value)
    if text and (text[0] in _FORMULA_START or text.lstrip()[:1] in _FORMULA_START):
        return "'" + text
    return text


def file_stem(text: str) -> str:
    """Letters and digits of `text` (any script), lower-case, other runs as one '-'; at most
    MAX_STEM characters and MAX_STEM_BYTES bytes of UTF-8, cut between characters."""
    out: list[str] = []
    for char in unicodedata.normalize("NFKC", text).casefold():
        if char.isalnum():
            out.append(char)
        elif out and out[-1] != "-":
            out.append("-")
    stem = "".join(out)[:MAX_STEM]
    encoded = stem.encode("utf-8")
    if len(encoded) > MAX_STEM_BYTES:
        stem = encoded[:MAX_STEM_BYTES].decode("utf-8", "ignore")
    stem = stem.strip("-")
    if stem in _WINDOWS_RESERVED:
        stem += "-founder"
    return stem


class FileNames:
    """Unique, safe scorecard file names, given out in processing order.

    Remembers a 64-bit hash of each name given (not the name): flat memory for any cohort.
    """

    def __init__(self) -> None:
        self._used = HashSet()

    def __len__(self) -> int:
        return len(self._used)

    def allocate(
        self, founder: str | None, company: str | None, source: str, row: int | None
    ) -> str:
        stem = file_stem(" ".join(part for part in (founder, company) if part))
        if not stem:
            fallback = Path(source).stem + (f" row {row}" if row is not None else "")
            stem = file_stem(fallback) or "founder"
        name, number = stem, 1
        while self._key(name) in self._used:
            number += 1
            name = f"{stem}-{number}"
        self._used.add(self._key(name))
        return f"{name}.json"

    @staticmethod
    def _key(name: str) -> int:
        return hash64(name)


# --- scorecards ----------------------------------------------------------------------------


def placement_tail(placement: Placement) -> bytes:
    """The end of a founder's scorecard file: its cohort block and the closing brace."""
    return b',"cohort":' + compact(placement) + b"}\n"


# --- cohort.json -------------------------------------------------------------------------


def founder_entry(
    founder: StoredFounder, stats: CohortStats, content: Content, lang: Lang
) -> dict[str, Any]:
    """One founder of cohort.json, shaped as `models.FounderEntry`."""
    stage = content.stage_by_id[founder.stage]
    level = content.level_by_id[founder.level]
    flags = []
    for flag_id, severity in founder.red_flags:
        flag = content.red_flag_by_id.get(flag_id)
        flags.append(
            {
                "id": flag_id,
                "severity": severity,
                "title": flag.title.get(lang) if flag is not None else flag_id,
            }
        )
    percentiles = stats.percentiles(founder.index)
    return {
        "rank": stats.rank(founder.index),
        "founder": founder.founder,
        "company": founder.company,
        "stage": {"id": stage.id, "name": stage.name.get(lang), "source": founder.stage_source},
        "overall": founder.overall,
        "level": {"id": level.id, "name": level.name.get(lang)},
        "weakest_factor": founder.weakest,
        "factors": dict(zip(stats.tally.factor_ids, founder.factors, strict=True)),
        "red_flag_count": len(founder.red_flags),
        "red_flags": flags,
        "percentiles": percentiles,
        "scorecard": f"{SCORECARDS}/{founder.scorecard}" if founder.scorecard else None,
        "source": founder.source,
        "row": founder.row,
        "line": founder.line,
    }


def rejected_entry(rejection: Rejection) -> dict[str, Any]:
    """One rejected input of cohort.json, shaped as `models.RejectedInput`."""
    return {
        "source": rejection.source,
        "row": rejection.row,
        "problems": [
            {"line": p.line, "field": p.field, "message": p.message} for p in rejection.problems
        ],
    }


def cohort_json_chunks(
    head: dict[str, Any], founders: Iterable[dict[str, Any]], rejected: Iterable[dict[str, Any]]
) -> Iterator[str]:
    """cohort.json piece by piece: `head` indented, then founders and rejected inputs, one a
    line. `head` holds every field of `CohortReport` before `founders`, in order."""
    text = json.dumps(head, ensure_ascii=False, indent=2)
    yield text[: text.rindex("}")].rstrip() + ","
    yield from _json_lines("founders", founders)
    yield ","
    yield from _json_lines("rejected", rejected)
    yield "\n}\n"


def _json_lines(key: str, items: Iterable[dict[str, Any]]) -> Iterator[str]:
    yield f'\n  "{key}": ['
    first = True
    for item in items:
        yield ("\n    " if first else ",\n    ") + compact(item).decode()
        first = False
    yield "]" if first else "\n  ]"


# --- CSV files ---------------------------------------------------------------------------


def _csv_chunks(header: Sequence[str], rows: Iterable[Sequence[object]]) -> Iterator[str]:
    """CSV text in chunks, starting with a UTF-8 byte-order mark: without it, Excel (the
    program these files are opened in) reads them in the system's code page, and Chinese
    names come out garbled; CSV readers that expect UTF-8 (and `cohort` itself) skip it."""
    yield "\ufeff"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(cell) for cell in header])
    for count, row in enumerate(rows, start=1):
        writer.writerow([safe_cell(cell) for cell in row])
        if count % 512 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def write_cohort_csv(
    path: Path, store: FounderStore, order: Sequence[int], stats: CohortStats
) -> None:
    """One row per founder, best first: metadata, overall, level, factors, red flags."""
    factor_ids = stats.tally.factor_ids
    header = [
        "rank",
        "founder",
        "company",
        "stage",
        "overall",
        "level",
        "red_flags",
        "weakest_factor",
        *factor_ids,
        "overall_percentile",
        "scorecard",
        "source",
        "row",
    ]

    def rows() -> Iterator[list[object]]:
        for index in order:
            founder = store.get(index)
            percentiles = stats.percentiles(index)
            yield [
                stats.rank(index),
                founder.founder,
                founder.company,
                founder.stage,
                _number(founder.overall),
                founder.level,
                len(founder.red_flags),
                founder.weakest,
                *(_number(score) for score in founder.factors),
                _number(percentiles.overall) if percentiles is not None else "",
                f"{SCORECARDS}/{founder.scorecard}" if founder.scorecard else "",
                founder.source,
                founder.row,
            ]

    write_chunks_atomic(path, _csv_chunks(header, rows()))


def write_rejected_csv(path: Path, rejected: Sequence[Rejection]) -> None:
    """One row per problem: the input, its row and line, the field, and why."""
    header = ["input", "row", "line", "field", "reason"]
    rows = (
        [rejection.source, rejection.row, problem.line, problem.field, problem.message]
        for rejection in rejected
        for problem in rejection.problems
    )
    write_chunks_atomic(path, _csv_chunks(header, rows))
