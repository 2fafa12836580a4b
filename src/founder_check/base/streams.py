"""Standard output and error that never fail on a character the terminal cannot show.

Under a locale such as en_US.ISO-8859-1 (or PYTHONIOENCODING=latin-1), Python's streams raise
UnicodeEncodeError on the first character outside Latin-1: a Chinese name, a bullet, a bar of
the report. What is printed for a person falls back to replacement characters instead; what is
written as data to stdout (`--json -`, `--markdown -`) stays UTF-8, the encoding of every
file founder-check writes, so redirecting it still gives a faithful file.
"""

from __future__ import annotations

import codecs
import sys
from typing import TextIO

_UNICODE_ENCODINGS = ("utf-8", "utf-16", "utf-32", "gb18030")


def tolerate_unencodable_text() -> None:
    """Make stdout and stderr replace what their encoding cannot hold instead of raising."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", None) == "strict":
            reconfigure(errors="replace")


def write_data(text: str, stream: TextIO | None = None) -> None:
    """Write a data export to stdout: as the stream's text if it holds all of Unicode, else
    as UTF-8 bytes."""
    out = stream if stream is not None else sys.stdout
    buffer = getattr(out, "buffer", None)
    if buffer is None or holds_unicode(out):
        out.write(text)
        out.flush()
        return
    out.flush()
    buffer.write(text.encode("utf-8", "replace"))
    buffer.flush()


def holds_unicode(stream: TextIO) -> bool:
    """Whether the stream's encoding can represent every character."""
    try:
        name = codecs.lookup(getattr(stream, "encoding", None) or "ascii").name
    except LookupError:
        return False
    return name.startswith(_UNICODE_ENCODINGS)
