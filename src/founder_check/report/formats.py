"""Export formats of a scorecard, behind one interface: `export(card, fmt) -> str`."""

from __future__ import annotations

import enum
from typing import NoReturn

from founder_check.content.models import Content
from founder_check.scoring.scorecard import Scorecard


class ExportFormat(str, enum.Enum):
    json = "json"
    markdown = "markdown"
    text = "text"
    html = "html"

    @property
    def suffix(self) -> str:
        return {"json": ".json", "markdown": ".md", "text": ".txt", "html": ".html"}[self.value]


def _unreachable(value: NoReturn) -> NoReturn:
    raise AssertionError(f"unhandled export format: {value!r}")


def export(card: Scorecard, fmt: ExportFormat, content: Content) -> str:
    """The scorecard in one export format (every member of ExportFormat is handled); the
    content that scored it supplies the texts the reports quote."""
    if fmt is ExportFormat.json:
        from founder_check.report.json_format import scorecard_json

        return scorecard_json(card)
    if fmt is ExportFormat.markdown:
        from founder_check.report.markdown import view_markdown
        from founder_check.report.view import build_view

        return view_markdown(build_view(card, content))
    if fmt is ExportFormat.text:
        return plain_text(card, content)
    if fmt is ExportFormat.html:
        from founder_check.report.html import view_html
        from founder_check.report.view import build_view

        return view_html(build_view(card, content))
    _unreachable(fmt)


def plain_text(card: Scorecard, content: Content, width: int = 100) -> str:
    """The terminal report without colours, for files and e-mail."""
    import io

    from founder_check.base.cjk_wrap import WrapConsole
    from founder_check.report.terminal import render
    from founder_check.report.view import build_view

    buffer = io.StringIO()
    console = WrapConsole(file=buffer, width=width, color_system=None, legacy_windows=False)
    render(build_view(card, content), console)
    return buffer.getvalue()
