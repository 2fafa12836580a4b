"""Score founders one at a time, in this process or in worker processes (`--jobs N`).

Each founder is read, validated, scored and reduced to a `FounderOutcome`; the scorecard
JSON, all but its closing brace, is written at once by the process that scored it, as a
part file in the folder that becomes `scorecards/`. Once the cohort's percentiles are known,
each part gets its cohort block appended and is renamed to its final name. So neither the
scorecards nor their JSON stay in memory, and each is written once. Workers receive the
content once, when they start, and results always come back in input order, so `--jobs`
never changes the output. At most a few chunks are in flight, which keeps memory flat for
any cohort size.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from founder_check.cohort.aggregate import FounderOutcome, summarize
from founder_check.cohort.inputs import Item, Rejection, read_answers
from founder_check.content.models import Content, Lang
from founder_check.errors import FounderCheckError, Problem

CHUNK = 32
PART_PREFIX = ".part-"
WINDOW_PER_JOB = 4

T = TypeVar("T")
R = TypeVar("R")
Outcome = FounderOutcome | Rejection


@dataclass(frozen=True)
class Settings:
    """What scoring needs besides the content; `cards_dir` None writes no scorecards."""

    lang: Lang
    stage: str | None
    generated_at: str | None
    cards_dir: str | None


class Scorer:
    """Read, score and summarise one founder at a time; write the scorecard's part file."""

    def __init__(self, content: Content, settings: Settings) -> None:
        from founder_check.atomic import write_new_file
        from founder_check.engine import score
        from founder_check.json_text import compact

        self.content = content
        self.settings = settings
        self._score = score
        self._json = compact
        self._write = write_new_file
        self._parts = 0

    def __call__(self, item: Item | Rejection) -> Outcome:
        if isinstance(item, Rejection):
            return item
        try:
            answers = read_answers(item, self.content)
        except FounderCheckError as exc:
            return Rejection(item.source, item.row, tuple(exc.problems))
        settings = self.settings
        card = self._score(  # no next-steps plan: it would more than double a cohort's time
            self.content,
            answers,
            stage=settings.stage,
            lang=settings.lang,
            generated_at=settings.generated_at,
            next_steps=False,
        )
        part = self._write_part(self._json(card)) if settings.cards_dir is not None else None
        return summarize(card, source=item.source, row=item.row, line=item.line, part=part)

    def _write_part(self, text: bytes) -> str:
        """The scorecard JSON without its closing brace: the cohort block goes there."""
        assert self.settings.cards_dir is not None
        self._parts += 1
        path = os.path.join(self.settings.cards_dir, f"{PART_PREFIX}{os.getpid()}-{self._parts}")
        try:
            self._write(path, text[: text.rindex(b"}")])
        except OSError as exc:
            raise FounderCheckError(Problem(path, f"cannot write: {exc.strerror}")) from None
        return path


def finish_cards(tasks: list[tuple[str, str, bytes]]) -> None:
    """Append each part file's cohort block and give it its final name."""
    for part, path, tail in tasks:
        try:
            fd = os.open(part, os.O_WRONLY | os.O_APPEND | getattr(os, "O_CLOEXEC", 0))
            try:
                os.write(fd, tail)
            finally:
                os.close(fd)
            os.rename(part, path)
        except OSError as exc:
            raise FounderCheckError(Problem(path, f"cannot write: {exc.strerror}")) from None


# --- worker processes ---------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(content: Content, settings: Settings) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _WORKER["scorer"] = Scorer(content, settings)


def _score_chunk(chunk: list[Item | Rejection]) -> list[Outcome]:
    scorer: Scorer = _WORKER["scorer"]
    return [scorer(item) for item in chunk]


def _finish_chunk(chunk: list[tuple[str, str, bytes]]) -> int:
    finish_cards(chunk)
    return len(chunk)


class Workers:
    """Scoring and writing, in this process (jobs=1) or in a pool of `jobs` processes."""

    def __init__(self, content: Content, settings: Settings, jobs: int) -> None:
        self.jobs = jobs
        self._pool: Any = None
        self._local = Scorer(content, settings)
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

    def finish(self, tasks: Iterable[tuple[str, str, bytes]]) -> Iterator[int]:
        """Complete scorecard files (`finish_cards`); yields how many, chunk by chunk."""
        if self._pool is None:
            for chunk in _chunks(tasks, CHUNK):
                yield _finish_chunk(chunk)
            return
        yield from self._ordered(_finish_chunk, tasks)

    def _ordered(self, function: Callable[[Any], R], items: Iterable[Any]) -> Iterator[R]:
        """Apply `function` to chunks in the pool, a bounded number in flight, in order."""
        pending: deque[Any] = deque()
        window = self.jobs * WINDOW_PER_JOB
        for chunk in _chunks(items, CHUNK):
            pending.append(self._pool.apply_async(function, (chunk,)))
            if len(pending) >= window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()

    def close(self) -> None:
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
