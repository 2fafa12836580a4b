"""One report file written in a forked child process while the others are written.

The workbook alone takes about as long as all the other report files together (XlsxWriter
spends microseconds a cell), so it starts as soon as the statistics are known: while the
workers finish the scorecards and the parent writes the other files. A forked child
inherits the founder store, the statistics and the content as they are, so nothing is sent
to it; it reports back only how it ended. No other thread runs in the parent (its
progress bar is drawn by the main thread), so the child cannot inherit a lock one held.

Where fork is not available (Windows), or one process was asked for (`--jobs 1`), the
function simply runs in this process, at `join`.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import Any

_OK = "ok"


class Background:
    """`function(*args, **kwargs)` in a forked child; `join` waits for it and raises what
    it raised (an OSError stays an OSError, so a full disk is reported as one)."""

    def __init__(
        self, function: Callable[..., object], *args: Any, parallel: bool, **kwargs: Any
    ) -> None:
        self._call = (function, args, kwargs)
        self._process: Any = None
        self._reply: Any = None
        if not parallel or "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        self._reply, writer = context.Pipe(duplex=False)
        self._process = context.Process(target=_child, args=(writer, self._call), daemon=True)
        self._process.start()
        writer.close()

    def join(self) -> None:
        if self._process is None:
            function, args, kwargs = self._call
            function(*args, **kwargs)
            return
        try:
            outcome = self._reply.recv()
        except EOFError:  # it died before replying (killed, out of memory)
            outcome = None
        finally:
            self._reply.close()
            self._process.join()
        if outcome == _OK:
            return
        if isinstance(outcome, BaseException):
            raise outcome
        raise RuntimeError(
            f"a process writing a report file stopped with exit code {self._process.exitcode}"
        )

    def cancel(self) -> None:
        """Stop the child (the parent failed: its file will not be used)."""
        if self._process is not None:
            self._process.terminate()
            self._process.join()
            self._reply.close()
            self._process = None
            self._call = (_nothing, (), {})


def _nothing() -> None:
    return None


def _child(
    writer: Any, call: tuple[Callable[..., object], tuple[Any, ...], dict[str, Any]]
) -> None:
    function, args, kwargs = call
    try:
        function(*args, **kwargs)
    except BaseException as exc:  # every ending is reported to the parent
        try:
            writer.send(exc)
        except Exception:  # an exception that cannot be pickled
            writer.send(RuntimeError(f"{type(exc).__name__}: {exc}"))
        os._exit(1)
    writer.send(_OK)
