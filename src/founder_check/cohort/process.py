"""Score founders one at a time, in this process or in worker processes (`--jobs N`).

Each founder is read, validated, scored with the compiled scoring plan and reduced to a
`FounderOutcome`; its compact scorecard (by id, `compact`), all but its closing brace, is
written at once by the process that scored it, as a part file in the folder that becomes
`scorecards/`. Once the cohort's percentiles are known, each part gets its cohort block
appended and is renamed to its final name. So neither the scorecards nor their JSON stay in
memory, and each is written once. The founder's HTML one-pager (`onepagers`), which needs
the full scorecard with texts, is rendered there too, as a part file renamed with it.
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

from founder_check.answers import Answers
from founder_check.cohort.aggregate import FounderOutcome
from founder_check.cohort.inputs import Item, Rejection, read_answers
from founder_check.cohort.pool import chunked
from founder_check.content.models import Content, Lang
from founder_check.errors import FounderCheckError, Problem
from founder_check.messages import Message

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
    """Finish one founder's files: append `tail` to the scorecard's part file and name it
    `path`; name its one-pager's part file `page_path` (both None without one-pagers)."""

    part: str
    path: str
    tail: bytes
    page_part: str | None = None
    page_path: str | None = None


class Scorer:
    """Read, score and summarise one founder at a time; write the scorecard's part file."""

    def __init__(self, content: Content, settings: Settings) -> None:
        from founder_check.atomic import write_new_file
        from founder_check.cohort.compact import compact_scorecard, founder_outcome
        from founder_check.cohort.onepagers import render_page
        from founder_check.engine import score
        from founder_check.json_text import compact

        self.content = content
        self.settings = settings
        self._score = score
        self._compact = compact_scorecard
        self._summary = founder_outcome
        self._json = compact
        self._page = render_page
        self._write = write_new_file
        self._parts = 0

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
        part = self._part_path() if settings.cards_dir is not None else None
        try:
            card, scored, plan = self._compact(
                self.content,
                answers,
                stage=settings.stage,
                lang=settings.lang,
                generated_at=settings.generated_at,
            )
            outcome = self._summary(
                card, scored, plan, source=item.source, row=item.row, line=item.line, part=part
            )
            text = self._json(card) if part is not None else b""
            page = self._one_pager(answers) if settings.pages_dir is not None else b""
        except Exception as exc:
            return _crashed(item, exc)
        if part is not None:
            self._write_part(part, text[: text.rindex(b"}")])
            if settings.pages_dir is not None:
                self._write_part(page_part(part, settings.pages_dir), page)
        return outcome

    def _one_pager(self, answers: Answers) -> bytes:
        """The founder's one-pager, from the full scorecard with texts (no next-steps plan:
        it would cost twice the scoring)."""
        settings = self.settings
        card = self._score(
            self.content,
            answers,
            stage=settings.stage,
            lang=settings.lang,
            generated_at=settings.generated_at,
            next_steps=False,
        )
        return self._page(card, self.content)

    def _part_path(self) -> str:
        assert self.settings.cards_dir is not None
        self._parts += 1
        return os.path.join(self.settings.cards_dir, f"{PART_PREFIX}{os.getpid()}-{self._parts}")

    def _write_part(self, path: str, text: bytes) -> None:
        """A part file: the scorecard JSON without its closing brace (the cohort block goes
        there), or the one-pager."""
        try:
            self._write(path, text)
        except OSError as exc:
            raise FounderCheckError(Problem(path, f"cannot write: {exc.strerror}")) from None


def _crashed(item: Item, exc: Exception) -> Rejection:
    """A bug met on one founder: that founder is rejected with the reason, the run goes on."""
    from founder_check.cohort.text import truncated

    reason = truncated(f"{type(exc).__name__}: {exc}", 200)
    message = Message("scoring_bug", reason=reason)
    return Rejection(item.source, item.row, (Problem(item.source, message, line=item.line),))


def page_part(part: str, pages_dir: str) -> str:
    """The part file of a founder's one-pager: its scorecard part's name, in `pages_dir`."""
    return os.path.join(pages_dir, os.path.basename(part))


def finish_cards(tasks: list[CardTask]) -> None:
    """Append each part file's cohort block and give it, and its one-pager, final names."""
    for part, path, tail, page, page_path in tasks:
        try:
            fd = os.open(part, os.O_WRONLY | os.O_APPEND | getattr(os, "O_CLOEXEC", 0))
            try:
                os.write(fd, tail)
            finally:
                os.close(fd)
            os.rename(part, path)
            if page is not None and page_path is not None:
                path = page_path
                os.rename(page, page_path)
        except OSError as exc:
            raise FounderCheckError(Problem(path, f"cannot write: {exc.strerror}")) from None


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
        return [scorer(item) for item in items]

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
            for item in items:
                yield self._local(item)
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
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
