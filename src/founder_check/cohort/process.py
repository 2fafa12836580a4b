"""Score founders one at a time, in this process or in worker processes (`--jobs N`).

Each founder is read, validated, scored with the compiled scoring plan and reduced to a
`FounderOutcome`; its compact scorecard (by id, `compact`), all but its closing brace, is
appended by the process that scored it to that process's spool file (a part file in the
folder that becomes `scorecards/`, written a chunk at a time), and the outcome says where
(`CardRef`). Once the cohort's percentiles are known, each scorecard is written to its
final name in one piece: its JSON read back from the spool, its cohort block after it.
So neither the scorecards nor their JSON stay in memory, and each file is created once.
The founder's HTML one-pager (`onepagers`), which needs the full scorecard with texts, is
rendered there too, and spooled beside its scorecard.
Workers receive the content once, when they start, and results always come back in input
order, so `--jobs` never changes the output. At most a few chunks are in flight, which
keeps memory flat for any cohort size.

One founder never stops the others: a bug met while reading or scoring one rejects that
founder with the reason, and a worker process that dies (`pool`) costs at most the founder
that killed it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from founder_check.base.atomic import PRIVATE_MODE, read_at, write_all, write_new_file
from founder_check.base.errors import FounderCheckError, Problem
from founder_check.base.messages import Message
from founder_check.cohort.aggregate import CardRef, FounderOutcome
from founder_check.cohort.inputs import Item, Rejection, read_answers
from founder_check.cohort.pool import chunked
from founder_check.content.models import Content, Lang
from founder_check.scoring.answers import Answers
from founder_check.scoring.plan import Outcome as ScoredOutcome

CHUNK = 32
PART_PREFIX = ".part-"
WINDOW_PER_JOB = 4

Outcome = FounderOutcome | Rejection


@dataclass(frozen=True)
class Settings:
    """What scoring needs besides the content; `cards_dir` None writes no scorecards, and
    `pages_dir` None no one-pagers."""

    lang: Lang
    stage: str | None
    generated_at: str | None
    cards_dir: str | None
    pages_dir: str | None = None


class CardTask(NamedTuple):
    """Write one founder's files: its scorecard's JSON from the spool (`ref`), then `tail`,
    to `path`; its one-pager, if spooled, to `page_path`."""

    ref: CardRef
    path: str
    tail: bytes
    page_path: str | None = None


class Spool:
    """A process's spool file: founders' scorecards (and one-pagers) appended one after the
    other, written through at each `flush` (the end of a chunk, before its results go back:
    whatever a result points to is on disk by then)."""

    def __init__(self, folder: str) -> None:
        self.path = os.path.join(folder, f"{PART_PREFIX}{os.getpid()}")
        self._fd: int | None = None
        self._size = 0
        self._pending: list[bytes] = []

    def add(self, card: bytes, page: bytes) -> CardRef:
        ref = (self.path, self._size, len(card), len(page))
        self._pending += (card, page)
        self._size += len(card) + len(page)
        return ref

    def flush(self) -> None:
        if not self._pending:
            return
        data = b"".join(self._pending)
        self._pending = []
        try:
            if self._fd is None:
                flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
                self._fd = os.open(self.path, flags, PRIVATE_MODE)
            write_all(self._fd, data)
        except OSError as exc:
            raise FounderCheckError(Problem(self.path, f"cannot write: {exc.strerror}")) from None

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class Scorer:
    """Read, score and summarise one founder at a time; spool its scorecard (and page)."""

    def __init__(self, content: Content, settings: Settings) -> None:
        from founder_check.base.json_text import compact
        from founder_check.cohort.compact import compact_scorecard, founder_outcome
        from founder_check.cohort.onepagers import render_page
        from founder_check.scoring.engine import score

        self.content = content
        self.settings = settings
        self._score = score
        self._compact = compact_scorecard
        self._summary = founder_outcome
        self._json = compact
        self._page = render_page
        self.spool = Spool(settings.cards_dir) if settings.cards_dir is not None else None

    def __call__(self, item: Item | Rejection) -> Outcome:
        """The founder's outcome, or a Rejection: for a problem in the input, and for a bug
        met while reading or scoring it (that founder only; the others go on)."""
        if isinstance(item, Rejection):
            return item
        try:
            answers = read_answers(item, self.content)
        except FounderCheckError as exc:
            return Rejection(item.source, item.row, tuple(exc.problems))
        except Exception as exc:
            return _crashed(item, exc)
        settings = self.settings
        try:
            card, scored, plan = self._compact(
                self.content,
                answers,
                stage=settings.stage,
                lang=settings.lang,
                generated_at=settings.generated_at,
            )
            ref = None
            if self.spool is not None:
                text = self._json(card)
                page = b"" if settings.pages_dir is None else self._one_pager(answers, scored)
                ref = self.spool.add(text[: text.rindex(b"}")], page)
            return self._summary(
                card, scored, plan, source=item.source, row=item.row, line=item.line, ref=ref
            )
        except Exception as exc:
            return _crashed(item, exc)

    def _one_pager(self, answers: Answers, outcome: ScoredOutcome) -> bytes:
        """The founder's one-pager, from the full scorecard with texts, built around the
        outcome the compact scorecard came from (no next-steps plan: it would cost twice
        the scoring)."""
        settings = self.settings
        card = self._score(
            self.content,
            answers,
            stage=settings.stage,
            lang=settings.lang,
            generated_at=settings.generated_at,
            next_steps=False,
            outcome=outcome,
        )
        return self._page(card, self.content)


def _crashed(item: Item, exc: Exception) -> Rejection:
    """A bug met on one founder: that founder is rejected with the reason, the run goes on."""
    from founder_check.cohort.text import truncated

    reason = truncated(f"{type(exc).__name__}: {exc}", 200)
    message = Message("scoring_bug", reason=reason)
    return Rejection(item.source, item.row, (Problem(item.source, message, line=item.line),))


def finish_cards(tasks: list[CardTask]) -> None:
    """Write each founder's scorecard (and one-pager) from the spools to its final name."""
    spools: dict[str, int] = {}
    try:
        for (spool, offset, card_size, page_size), path, tail, page_path in tasks:
            fd = spools.get(spool)
            if fd is None:
                fd = spools[spool] = os.open(spool, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
            data = read_at(fd, card_size + page_size, offset)
            try:
                write_new_file(path, data[:card_size] + tail)
                if page_path is not None:
                    path = page_path
                    write_new_file(page_path, data[card_size:])
            except OSError as exc:
                raise FounderCheckError(Problem(path, f"cannot write: {exc.strerror}")) from None
    finally:
        for fd in spools.values():
            os.close(fd)


# --- worker processes ---------------------------------------------------------------------

# Tests only, and only in worker processes: FOUNDER_CHECK_TEST_WORKER_DIES_ON=<file name>
# makes the worker that comes to that input kill itself (SIGKILL), as the system's
# out-of-memory killer or a crash in native code would; with
# FOUNDER_CHECK_TEST_WORKER_DIES_ONCE=<path>, only the first time (it creates the path).
# Honoured only under pytest (PYTEST_CURRENT_TEST set).
DIES_ON = "FOUNDER_CHECK_TEST_WORKER_DIES_ON"
DIES_ONCE = "FOUNDER_CHECK_TEST_WORKER_DIES_ONCE"


def _work(conn: Any, content: Content, settings: Settings) -> None:
    """A worker process: score chunks of founders and finish scorecards until told to stop."""
    import signal

    from founder_check.cohort.pool import serve

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    scorer = Scorer(content, settings)
    dies_on = os.environ.get(DIES_ON) if "PYTEST_CURRENT_TEST" in os.environ else None

    def handle(name: str, items: list[Any]) -> list[Any]:
        if name == "finish":
            finish_cards(items)
            return [None] * len(items)
        if dies_on is not None:
            for item in items:
                _test_death(item, dies_on)
        results = [scorer(item) for item in items]
        if scorer.spool is not None:
            scorer.spool.flush()
        return results

    serve(conn, handle)


def _test_death(item: Item | Rejection, dies_on: str) -> None:
    if os.path.basename(item.source) != dies_on:
        return
    once = os.environ.get(DIES_ONCE)
    if once:
        try:
            os.close(os.open(once, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
    import signal

    os.kill(os.getpid(), signal.SIGKILL)


def _lost(item: Item | Rejection, reason: str) -> Outcome:
    """The outcome of a founder whose worker process died twice while scoring it."""
    if isinstance(item, Rejection):
        return item
    message = Message("worker_lost", reason=reason)
    return Rejection(item.source, item.row, (Problem(item.source, message, line=item.line),))


class Workers:
    """Scoring and writing, in this process (jobs=1) or in `jobs` worker processes."""

    def __init__(self, content: Content, settings: Settings, jobs: int) -> None:
        from founder_check.cohort.pool import Pool

        self.jobs = jobs
        self._pool: Pool | None = None
        self._local = Scorer(content, settings)
        if jobs > 1:
            self._pool = Pool(jobs, _work, (content, settings))

    def score(self, items: Iterable[Item | Rejection]) -> Iterator[Outcome]:
        """Outcomes in the order of `items`; a founder whose worker dies is retried alone
        in a new worker, and rejected if that one dies too."""
        if self._pool is None:
            spool = self._local.spool
            for chunk in chunked(items, CHUNK):
                results = [self._local(item) for item in chunk]
                if spool is not None:
                    spool.flush()
                yield from results
            return
        window = self.jobs * WINDOW_PER_JOB
        for results in self._pool.map("score", chunked(items, CHUNK), window=window, lost=_lost):
            yield from results

    def finish(self, tasks: Iterable[CardTask]) -> Iterator[int]:
        """Complete scorecard files (`finish_cards`); yields how many, chunk by chunk."""
        if self._pool is None:
            for chunk in chunked(tasks, CHUNK):
                finish_cards(chunk)
                yield len(chunk)
            return
        from founder_check.cohort.pool import WorkerLost

        window = self.jobs * WINDOW_PER_JOB
        try:
            for results in self._pool.map("finish", chunked(tasks, CHUNK), window=window):
                yield len(results)
        except WorkerLost as exc:
            problem = Problem(
                "cohort", f"a worker process writing the scorecards {exc}; nothing was written"
            )
            raise FounderCheckError(problem) from None

    def close(self) -> None:
        if self._local.spool is not None:
            self._local.spool.close()
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
