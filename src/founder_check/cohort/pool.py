"""Worker processes for `--jobs N` that survive one of them dying.

`multiprocessing.Pool` loses the task of a worker that dies (killed by the system for lack
of memory, or crashed in native code), starts another worker and waits for the lost result
for ever. Here each worker has one chunk at a time, sent on its own pipe, and the parent
watches every worker's process: a worker that dies is replaced and its chunk is run again,
one item per task, so that only an item that kills a worker a second time is lost (`lost`
gives its result). Results come back in input order, with at most `window` chunks taken
ahead of the one due, so memory stays flat for any number of items.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

from founder_check.base.errors import FounderCheckError, Problem

T = TypeVar("T")
Handler = Callable[[str, list[Any]], list[Any]]  # (task name, items) -> one result per item
_MISSING: Any = object()
_JOIN_SECONDS = 5.0
_PARENT_CHECK_SECONDS = 1.0
_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


class WorkerLost(Exception):
    """A worker died holding a task that cannot be run again (`lost` was not given)."""


def serve(conn: Connection, handle: Handler) -> None:
    """A worker's loop: receive (name, items), reply with the results, until told to stop.

    A user error (`FounderCheckError`, e.g. a full disk) or a bug in `handle` is sent back
    for the parent to raise, never left to kill the worker. A worker whose parent died (killed
    outright) stops within a second: its pipe may never report the end, because a sibling
    worker forked later holds a copy of the parent's side.
    """
    parent = os.getppid()
    _die_with_parent()
    while True:
        while not conn.poll(_PARENT_CHECK_SECONDS):
            if os.getppid() != parent:
                return
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        name, items = message
        reply: tuple[Any, ...]
        try:
            reply = ("ok", handle(name, items))
        except FounderCheckError as exc:
            reply = ("error", exc.problems)
        except Exception as exc:
            reply = ("bug", f"{type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except (BrokenPipeError, EOFError):
            return
        except Exception as exc:  # a result that cannot be pickled
            conn.send(("bug", f"{type(exc).__name__}: {exc}"))


@dataclass
class _Task:
    seq: int  # the chunk's place in the input
    items: list[Any]
    slot: int | None = None  # the item's place in its chunk, when run alone after a death


class _Worker:
    def __init__(self, target: Callable[..., None], args: tuple[Any, ...]) -> None:
        context = multiprocessing.get_context()
        parent, child = context.Pipe()
        self.process: Any = context.Process(target=target, args=(child, *args), daemon=True)
        self.process.start()
        child.close()
        self.conn = parent
        self.task: _Task | None = None

    def stop(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(_JOIN_SECONDS)
        if self.process.is_alive():  # pragma: no cover - a worker that ignores SIGTERM
            self.process.kill()
            self.process.join()


def death_reason(exitcode: int | None) -> str:
    """How a worker process ended, in words (a `Message`: English as text, or Chinese)."""
    from founder_check.base.messages import Message

    if exitcode is not None and exitcode < 0:
        try:
            return Message("killed_by", signal=signal.Signals(-exitcode).name)
        except ValueError:
            return Message("killed_by_number", number=-exitcode)
    return Message("stopped_with", code=exitcode)


class Pool:
    """`jobs` worker processes, each running `target(conn, *args)` (which calls `serve`)."""

    def __init__(self, jobs: int, target: Callable[..., None], args: tuple[Any, ...]) -> None:
        self._jobs = jobs
        self._target = target
        self._args = args
        self._workers: list[_Worker] = []
        self._idle_deaths = 0
        self._top_up()

    def _top_up(self) -> None:
        while len(self._workers) < self._jobs:
            self._workers.append(_Worker(self._target, self._args))

    def map(
        self,
        name: str,
        chunks: Iterable[list[Any]],
        *,
        window: int,
        lost: Callable[[Any, str], Any] | None = None,
    ) -> Iterator[list[Any]]:
        """Each chunk's results, in order. An item whose worker died twice gets
        `lost(item, reason)`; without `lost`, any death raises `WorkerLost`."""
        self._top_up()
        try:
            yield from self._map(name, chunks, window, lost)
        finally:  # left early (an error, or not read to the end): drop unfinished work
            for worker in [worker for worker in self._workers if worker.task is not None]:
                worker.stop()
                self._workers.remove(worker)

    def _map(
        self,
        name: str,
        chunks: Iterable[list[Any]],
        window: int,
        lost: Callable[[Any, str], Any] | None,
    ) -> Iterator[list[Any]]:
        pending = enumerate(chunks)
        taken = 0
        exhausted = False
        due = 0
        done: dict[int, list[Any]] = {}
        split: dict[int, list[Any]] = {}  # results so far of chunks run item by item
        retry: deque[_Task] = deque()

        def fill(task: _Task, results: list[Any]) -> None:
            if task.slot is None:
                done[task.seq] = results
                return
            parts = split[task.seq]
            parts[task.slot] = results[0]
            if all(part is not _MISSING for part in parts):
                done[task.seq] = split.pop(task.seq)

        def died(task: _Task, reason: str) -> None:
            if lost is None:
                raise WorkerLost(reason)
            if task.slot is None and len(task.items) > 1:
                split[task.seq] = [_MISSING] * len(task.items)
                alone = [_Task(task.seq, [item], slot) for slot, item in enumerate(task.items)]
                retry.extendleft(reversed(alone))
            else:
                fill(task, [lost(task.items[0], reason)])

        while True:
            while due in done:
                yield done.pop(due)
                due += 1
            for worker in self._workers:
                if worker.task is not None:
                    continue
                task = retry.popleft() if retry else None
                if task is None and not exhausted and taken < due + window:
                    try:
                        seq, items = next(pending)
                    except StopIteration:
                        exhausted = True
                    else:
                        taken += 1
                        task = _Task(seq, items)
                if task is None:
                    break
                worker.task = task
                with contextlib.suppress(OSError):  # it died: its sentinel says so below
                    worker.conn.send((name, task.items))
            busy = [worker for worker in self._workers if worker.task is not None]
            if not busy:
                return  # nothing running, nothing to retry, nothing more to take
            watched: list[Any] = [worker.conn for worker in busy]
            watched += [worker.process.sentinel for worker in self._workers]
            ready = set(wait(watched))
            for place, worker in enumerate(self._workers):
                if worker.conn not in ready and worker.process.sentinel not in ready:
                    continue
                task = worker.task
                if task is not None and worker.conn.poll():
                    try:
                        reply = worker.conn.recv()
                    except (EOFError, OSError):
                        reply = None  # it died while replying
                    if reply is not None:
                        worker.task = None
                        self._idle_deaths = 0
                        fill(task, self._results(reply))
                        continue
                # its pipes close as it exits, a moment before it can be waited for
                worker.process.join(_JOIN_SECONDS)
                reason = death_reason(worker.process.exitcode)
                worker.stop()
                self._workers[place] = _Worker(self._target, self._args)
                if task is None:
                    self._idle_deaths += 1
                    if self._idle_deaths > 2 * len(self._workers):
                        raise WorkerLost(f"worker processes keep stopping ({reason})")
                else:
                    died(task, reason)

    @staticmethod
    def _results(reply: tuple[Any, ...]) -> list[Any]:
        kind, value = reply
        if kind == "ok":
            results: list[Any] = value
            return results
        if kind == "error":
            problems: list[Problem] = value
            raise FounderCheckError(problems)
        raise RuntimeError(f"in a worker process: {value}")

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()
        self._workers = []


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _die_with_parent() -> None:
    """On Linux, ask the kernel to kill this worker the moment its parent dies, even in the
    middle of a long chunk (the idle check in `serve` covers other systems, between chunks)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
