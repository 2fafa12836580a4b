"""A real pseudo-terminal whose output is read the way a person reads it: on a screen.

The console script runs under pexpect at a given size; everything it writes goes through a
pyte terminal emulator of the same size, so a test sees what the founder sees: lines that
prompt_toolkit cut at the edge, wrapped rows, what was redrawn. `wait_for` compares text with
all whitespace removed, so a sentence matches however the terminal wrapped it.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import time
from pathlib import Path

import pexpect
import pyte

TIMEOUT = 20.0
QUIET = 0.15  # seconds without output after which a prompt counts as drawn

UP, DOWN, ENTER, SPACE, BACKSPACE = "\x1b[A", "\x1b[B", "\r", " ", "\x7f"
ESC, CTRL_C, CTRL_D = "\x1b", "\x03", "\x04"


def founder_check_script() -> str:
    """The installed console script: beside this Python, else on PATH."""
    beside = Path(sys.executable).parent / "founder-check"
    if beside.exists():
        return str(beside)
    found = shutil.which("founder-check")
    if found is None:
        raise RuntimeError("the founder-check console script is not installed")
    return found


def squeeze(text: str) -> str:
    """Text without any whitespace: wrapped and unwrapped forms compare equal."""
    return "".join(text.split())


def terminal_env(base: dict[str, str], rows: int, columns: int) -> dict[str, str]:
    """The environment of a run at this size (rich reads COLUMNS, prompt_toolkit the tty)."""
    return {
        **base,
        "TERM": "xterm",
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "COLUMNS": str(columns),
        "LINES": str(rows),
        "NO_COLOR": "1",
    }


class Screen:
    """One run of the console script in a pseudo-terminal of `rows` x `columns`."""

    def __init__(
        self, args: list[str], env: dict[str, str], cwd: Path, *, rows: int, columns: int
    ) -> None:
        self.rows, self.columns = rows, columns
        self.screen = pyte.HistoryScreen(columns, rows, history=100_000)
        self.stream = pyte.Stream(self.screen)
        self.log = io.StringIO()
        self.child = pexpect.spawn(
            founder_check_script(),
            args,
            env=terminal_env(env, rows, columns),
            cwd=str(cwd),
            dimensions=(rows, columns),
            encoding="utf-8",
            codec_errors="replace",
            timeout=TIMEOUT,
        )

    # -- reading ---------------------------------------------------------------------------

    def pump(self, wait: float) -> bool:
        """Read what arrives within `wait` seconds; whether anything did."""
        got = False
        deadline = time.monotonic() + wait
        while True:
            left = deadline - time.monotonic()
            try:
                chunk = self.child.read_nonblocking(65536, timeout=max(left, 0.01))
            except pexpect.TIMEOUT:
                return got
            except pexpect.EOF:
                return got
            self.stream.feed(chunk)
            self.log.write(chunk)
            got = True
            if time.monotonic() >= deadline:
                return got

    def settle(self) -> None:
        """Read until the program has been quiet for a moment (a prompt is fully drawn)."""
        while self.pump(QUIET):
            pass

    def lines(self) -> list[str]:
        """The visible rows, right-trimmed."""
        return [line.rstrip() for line in self.screen.display]

    def text(self) -> str:
        return "\n".join(self.lines())

    def transcript(self) -> str:
        """Every row written so far: those scrolled off the top, then the visible ones."""
        scrolled = [
            "".join(line[x].data for x in range(self.columns)).rstrip()
            for line in self.screen.history.top
        ]
        return "\n".join([*scrolled, *self.lines()])

    def wait_for(self, *texts: str, after: str | None = None, timeout: float = TIMEOUT) -> str:
        """Wait until every text shows on screen (after the last `after`, if given), then
        until the output is quiet; return the screen text from `after` on, squeezed."""
        wanted = [squeeze(text) for text in texts]
        deadline = time.monotonic() + timeout
        while True:
            region = self.region(after)
            if region is not None and all(text in region for text in wanted):
                self.settle()
                region = self.region(after)
                if region is not None and all(text in region for text in wanted):
                    return region
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"not on screen after {timeout}s: {texts!r} (after {after!r})\n" + self.text()
                )
            if not self.pump(0.05) and not self.child.isalive():
                self.pump(0.2)
                region = self.region(after)
                if region is None or not all(text in region for text in wanted):
                    raise AssertionError(f"the program ended; {texts!r} not shown\n{self.text()}")

    def region(self, after: str | None) -> str | None:
        """The squeezed screen from the last occurrence of `after` on (None: not shown)."""
        screen = squeeze(self.text())
        if after is None:
            return screen
        start = screen.rfind(squeeze(after))
        return None if start < 0 else screen[start:]

    # -- typing ----------------------------------------------------------------------------

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def press_escape(self) -> None:
        """Esc alone: pauses before and after (longer than prompt_toolkit waits to tell a
        lone Esc from the start of a key's sequence), so no key sent next joins it."""
        self.settle()
        self.child.send(ESC)
        time.sleep(0.7)
        self.settle()

    def finish(self) -> int:
        """Wait for the program to end; its exit status."""
        deadline = time.monotonic() + TIMEOUT
        while self.child.isalive() and time.monotonic() < deadline:
            self.pump(0.1)
        self.pump(0.2)
        self.child.expect(pexpect.EOF, timeout=TIMEOUT)
        self.child.close()
        status = self.child.exitstatus
        assert status is not None, f"killed by signal {self.child.signalstatus}"
        return int(status)

    @property
    def output(self) -> str:
        """Everything the program wrote, escape sequences included."""
        return self.log.getvalue()

    def close(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)


def private_env(home: Path) -> dict[str, str]:
    """The environment of a run with its own home and data folder."""
    (home / "home").mkdir(parents=True, exist_ok=True)
    return {
        **os.environ,
        "HOME": str(home / "home"),
        "XDG_DATA_HOME": str(home / "data"),
    }
