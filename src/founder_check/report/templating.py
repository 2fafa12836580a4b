"""The Jinja2 environment of the HTML reports, shared by every page: templates shipped
inside the package (found through importlib, so an installed wheel finds them too), every
value HTML-escaped, and characters that could disguise text (controls, bidirectional
overrides) shown as escapes, as in the terminal."""

from __future__ import annotations

import functools
from typing import Any

import jinja2
from markupsafe import Markup

from founder_check.base.text_safety import visible


def _finalize(value: Any) -> Any:
    """Applied to every `{{ }}` before escaping: plain text is made visible; markup our
    own code drew (an SVG chart) passes unchanged."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return visible(value, layout=True)
    return value


@functools.cache
def environment() -> jinja2.Environment:
    """One environment per process: autoescape always on, a missing variable an error."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("founder_check.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def drawn(svg: str) -> Markup:
    """Markup our chart code drew (it escapes every text it places), to embed as it is."""
    return Markup(svg)


def html_lang(lang: str) -> str:
    """The page's `<html lang>`: Simplified Chinese picks the right CJK glyphs."""
    return "zh-CN" if lang == "zh" else "en"
