"""A disk-backed list of the founders scored so far, so a 10,000-founder cohort fits in memory.

Each founder's entry (names, stage, scores and which are below target, red flags, largest
gaps, file name, where its scorecard is spooled, source) is appended as one JSON line
to an unlinked temporary file; memory keeps only its offset. Entries are read back when the
outputs are written, in any order, with `os.pread`: reading moves no shared file offset,
so a forked child (`background`) can read the store while this process reads it too (and,
unlike a memory map, it keeps none of the file resident: memory stays flat for any size).
"""

from __future__ import annotations

import os
import tempfile
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from orjson import loads

from founder_check.base.json_text import compact
from founder_check.cohort.aggregate import CardRef, FounderOutcome, FounderSummary

_BLOCK = 1 << 16  # bytes read at once when reading the store in order


@dataclass(frozen=True, slots=True)
class StoredFounder(FounderSummary):
    """One scored founder as the outputs need it."""

    index: int  # the order it was added in
    scorecard: str | None  # its file name in scorecards/
    part: CardRef | None  # where its JSON is spooled until it is finished
    top_gaps: tuple[str, ...]  # the questions of its largest gaps, largest first


class FounderStore:
    """Append founders, then read them back by index (the order they were added)."""

    def __init__(self, directory: Path | None = None) -> None:
        # closed by close() / the context manager: the store outlives any single block
        self._file = tempfile.TemporaryFile(dir=directory, prefix=".founder-check-")  # noqa: SIM115
        self._offsets = array("q")
        self._end = 0
        self._dumps = compact
        self._flushed = 0  # the bytes written through to the file, for reading

    def __len__(self) -> int:
        return len(self._offsets)

    def add(self, outcome: FounderOutcome, scorecard: str | None) -> int:
        record = [
            outcome.source,
            outcome.row,
            outcome.line,
            outcome.founder,
            outcome.company,
            outcome.stage,
            outcome.stage_source,
            outcome.overall,
            outcome.level,
            outcome.weakest,
            outcome.factors,
            outcome.red_flags,
            scorecard,
            outcome.card,
            sum(1 << position for position, below in enumerate(outcome.below_target) if below),
            outcome.top_gaps,
        ]
        data = self._dumps(record) + b"\n"
        self._file.write(data)
        self._offsets.append(self._end)
        self._end += len(data)
        return len(self._offsets) - 1

    def get(self, index: int) -> StoredFounder:
        offsets = self._offsets
        end = offsets[index + 1] if index + 1 < len(offsets) else self._end
        return self._decode(index, self._read(offsets[index], end))

    def __iter__(self) -> Iterator[StoredFounder]:
        """Every founder in index order, read a block at a time."""
        offsets = self._offsets
        block, block_start = b"", 0
        for index, start in enumerate(offsets):
            end = offsets[index + 1] if index + 1 < len(offsets) else self._end
            if end > block_start + len(block):
                block_start = start
                block = self._read(start, max(end, min(start + _BLOCK, self._end)))
            yield self._decode(index, block[start - block_start : end - block_start])

    def _read(self, start: int, end: int) -> bytes:
        if self._flushed != self._end:
            self._file.flush()
            self._flushed = self._end
        if not hasattr(os, "pread"):  # pragma: no cover - Windows (no forked readers there)
            self._file.seek(start)
            data: bytes = self._file.read(end - start)
            self._file.seek(self._end)
            return data
        return os.pread(self._file.fileno(), end - start, start)

    @staticmethod
    def _decode(index: int, line: bytes) -> StoredFounder:
        (
            source,
            row,
            line_no,
            founder,
            company,
            stage,
            stage_source,
            overall,
            level,
            weakest,
            factors,
            red_flags,
            scorecard,
            part,
            below_mask,
            top_gaps,
        ) = loads(line)
        return StoredFounder(
            index=index,
            source=source,
            row=row,
            line=line_no,
            founder=founder,
            company=company,
            stage=stage,
            stage_source=stage_source,
            overall=overall,
            level=level,
            weakest=weakest,
            factors=tuple(factors),
            red_flags=tuple((flag_id, severity) for flag_id, severity in red_flags),
            scorecard=scorecard,
            part=None if part is None else (part[0], part[1], part[2], part[3]),
            below_target=tuple(bool(below_mask >> i & 1) for i in range(len(factors))),
            top_gaps=tuple(top_gaps),
        )

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> FounderStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
