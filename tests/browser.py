"""Headless Chromium for the HTML reports' tests and screenshots: render a page to PNG or
PDF, and collect what the page wrote to the browser's console.

Chromium logs every console message at `--enable-logging=stderr --v=0` as a line holding
`:CONSOLE` (with no level of its own): a script error, a Content-Security-Policy violation
(our pages forbid scripts and every fetch, so any attempt shows here), a `console.error`.
Our pages write nothing there, so every such line is a failure. Each run gets a fresh
profile and no network (every host name resolves to nothing).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--enable-logging=stderr",
    "--v=0",
)
CONSOLE_LINE = re.compile(r"^.*(?::CONSOLE|Uncaught).*$", re.MULTILINE)
TIMEOUT = 90


def chromium() -> str | None:
    """The Chromium executable, or None when it is not installed."""
    for candidate in CHROMIUM_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


@dataclass(frozen=True)
class Rendered:
    output: Path
    console: list[str]  # the console lines the page caused; empty for a clean page


def _run(page: Path, output: Path, *args: str) -> Rendered:
    executable = chromium()
    assert executable is not None, "chromium is not installed"
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        completed = subprocess.run(
            [executable, *FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
    assert output.exists() and output.stat().st_size > 0, (
        f"chromium wrote no {output.name} (exit {completed.returncode}): {completed.stderr[-2000:]}"
    )
    return Rendered(output, console_lines(completed.stderr))


def console_lines(stderr: str) -> list[str]:
    """The lines of Chromium's log that report a console message or an uncaught error."""
    return CONSOLE_LINE.findall(stderr)


def screenshot(page: Path, png: Path, width: int = 1040, height: int = 1400) -> Rendered:
    """The top `width` x `height` pixels of the page, as a screen shows them."""
    return _run(page, png, f"--window-size={width},{height}", f"--screenshot={png}")


def print_pdf(page: Path, pdf: Path) -> Rendered:
    """The page printed to PDF with its print stylesheet (A4, no browser header)."""
    return _run(page, pdf, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")


def pdf_pages(pdf: Path) -> int:
    """The number of pages, as poppler's `pdfinfo` reads them."""
    info = subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=30, check=True
    ).stdout
    match = re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE)
    assert match, info
    return int(match.group(1))
