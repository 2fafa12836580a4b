"""Score founders one at a time, in this process or in worker processes (`--jobs N`).

Each founder is read, validated, scored and reduced to a `FounderOutcome`; the serialised
scorecard goes to a spool file (one per process) until the cohort's percentiles are known,
so neither the scorecards nor their JSON stay in memory. Workers receive the content once,
when they start, and results always come back in input order, so `--jobs` never changes the
output. At most a few chunks are in flight, which keeps memory flat for any cohort size.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from founder_check.cohort.aggregate import CardRef, FounderOutcome, summarize
from founder_check.cohort.inputs import Item, Rejection, read_answers
from founder_check.content.models import Content, Lang
from founder_check.errors import FounderCheckError, Problem

CHUNK = 32
WINDOW_PER_JOB = 4

T = TypeVar("T")
R = TypeVar("R")
Outcome = FounderOutcome | Rejection


@dataclass(frozen=True)
class Settings:
    """What scoring needs besides the content; `spool_dir` None keeps no scorecards."""

    lang: Lang
    stage: str | None
    generated_at: str | None
    spool_dir: str | None


class Scorer:
    """Read, score and summarise one founder at a time; spool the scorecard JSON."""

    def __init__(self, content: Content, settings: Settings) -> None:
        from founder_check.engine import score
        from founder_check.json_text import compact

        self.content = content
        self.settings = settings
        self._score = score
        self._json = compact
        self._spool: Any = None
        self._spool_path = ""
        self._offset = 0

    def __call__(self, item: Item | Rejection) -> Outcome:
        if isinstance(item, Rejection):
            return item
        try:
            answers = read_answers(item, self.content)
        except FounderCheckError as exc:
            return Rejection(item.source, item.row, tuple(exc.problems))
        settings = self.settings
        card = self._score(
            self.content,
            answers,
            stage=settings.stage,
            lang=settings.lang,
            generated_at=settings.generated_at,
        )
        ref = self._spool_card(self._json(card)) if settings.spool_dir is not None else None
        return summarize(card, source=item.source, row=item.row, line=item.line, card_ref=ref)

    def _spool_card(self, text: bytes) -> CardRef:
        """Keep the scorecard JSON without its closing brace: the cohort block goes there."""
        data = text[: text.rindex(b"}")]
        if self._spool is None:
            assert self.settings.spool_dir is not None
            self._spool_path = os.path.join(self.settings.spool_dir, f"cards-{os.getpid()}.bin")
            self._spool = open(self._spool_path, "ab", buffering=0)  # noqa: SIM115
            self._offset = self._spool.tell()
        self._spool.write(data)
        ref = CardRef(self._spool_path, self._offset, len(data))
        self._offset += len(data)
        return ref

    def close(self) -> None:
        if self._spool is not None:
            self._spool.close()
            self._spool = None


def read_card(ref: CardRef, handles: dict[str, Any]) -> bytes:
    """A spooled scorecard (without its closing brace)."""
    handle = handles.get(ref.spool)
    if handle is None:
        handle = handles[ref.spool] = open(ref.spool, "rb")  # noqa: SIM115
    handle.seek(ref.offset)
    data: bytes = handle.read(ref.length)
    return data


def write_cards(tasks: list[tuple[CardRef, str, bytes]], handles: dict[str, Any]) -> None:
    """Write each founder's scorecard file: the spooled head, then the cohort block."""
    from pathlib import Path

    from founder_check.atomic import write_bytes_atomic

    for ref, path, tail in tasks:
        try:
            write_bytes_atomic(Path(path), read_card(ref, handles) + tail, durable=False)
        except OSError as exc:
            raise FounderCheckError(Problem(path, f"cannot write: {exc.strerror}")) from None


# --- worker processes ---------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(content: Content, settings: Settings) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _WORKER["scorer"] = Scorer(content, settings)
    _WORKER["handles"] = {}


def _score_chunk(chunk: list[Item | Rejection]) -> list[Outcome]:
    scorer: Scorer = _WORKER["scorer"]
    return [scorer(item) for item in chunk]


def _write_chunk(chunk: list[tuple[CardRef, str, bytes]]) -> None:
    write_cards(chunk, _WORKER["handles"])


class Workers:
    """Scoring and writing, in this process (jobs=1) or in a pool of `jobs` processes."""

    def __init__(self, content: Content, settings: Settings, jobs: int) -> None:
        self.jobs = jobs
        self._pool: Any = None
        self._local = Scorer(content, settings)
        self._handles: dict[str, Any] = {}
        if jobs > 1:
            import multiprocessing

            self._pool = multiprocessing.Pool(
                jobs, initializer=_init_worker, initargs=(content, settings)
            )

    def score(self, items: Iterable[Item | Rejection]) -> Iterator[Outcome]:
        """Outcomes in the order of `items`."""
        if self._pool is None:
            for item in items:
                yield self._local(item)
            return
        for results in self._ordered(_score_chunk, items):
            yield from results

    def write(self, tasks: Iterable[tuple[CardRef, str, bytes]]) -> Iterator[int]:
        """Write scorecard files; yields how many were written, chunk by chunk."""
        if self._pool is None:
            for task in tasks:
                write_cards([task], self._handles)
                yield 1
            return
        chunks = _chunks(tasks, CHUNK)
        sizes: deque[int] = deque()

        def counted() -> Iterator[list[tuple[CardRef, str, bytes]]]:
            for chunk in chunks:
                sizes.append(len(chunk))
                yield chunk

        for _ in self._ordered(_write_chunk, counted(), chunked=False):
            yield sizes.popleft()

    def _ordered(
        self, function: Callable[[Any], R], items: Iterable[Any], *, chunked: bool = True
    ) -> Iterator[R]:
        """Apply `function` to chunks in the pool, a bounded number in flight, in order."""
        pending: deque[Any] = deque()
        window = self.jobs * WINDOW_PER_JOB
        source = _chunks(items, CHUNK) if chunked else iter(items)
        for chunk in source:
            pending.append(self._pool.apply_async(function, (chunk,)))
            if len(pending) >= window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()

    def close(self) -> None:
        self._local.close()
        for handle in self._handles.values():
            handle.close()
        self._handles.clear()
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
