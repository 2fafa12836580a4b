"""Each scored founder's HTML one-pager in `onepagers/`, for the program team to open from
the dashboard and hand to the founder or a mentor.

It is the page `assess --html` writes, rendered by the process that scored the founder (so
`--jobs` renders them in parallel) right after its scorecard, and spooled beside it; it
is written to its final name, the scorecard's with `.html`, when the scorecard is. A cohort works
out no plan to the next level, and the page says so instead of listing next steps.
Rendering a page costs about 1-1.4 ms and writing it (26 KB) about as much again: with the
pages a cohort takes about twice as long, so `--no-onepagers` leaves them out.
"""

from __future__ import annotations

from urllib.parse import quote

from founder_check.content.models import Content
from founder_check.scoring.scorecard import Scorecard

ONEPAGERS = "onepagers"


def page_name(scorecard: str) -> str:
    """The one-pager's file name: its scorecard's stem with `.html`."""
    return scorecard.removesuffix(".json") + ".html"


def page_href(scorecard: str) -> str:
    """The one-pager's link from the report folder: relative, every character of the name
    that is not a plain ASCII letter, digit or `-` percent-encoded as UTF-8."""
    return f"{ONEPAGERS}/{quote(page_name(scorecard), safe='')}"


def render_page(card: Scorecard, content: Content) -> bytes:
    """The founder's one-pager in the scorecard's language, as UTF-8."""
    from founder_check.report.html import view_html
    from founder_check.report.view import build_view

    return view_html(build_view(card, content), plan_left_out=True).encode("utf-8")
