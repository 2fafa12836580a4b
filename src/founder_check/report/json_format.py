"""The scorecard as JSON: the format other programs read (see `founder-check schema scorecard`)."""

from __future__ import annotations

from founder_check.base import json_text
from founder_check.scoring.scorecard import Scorecard


def scorecard_json(card: Scorecard) -> str:
    return json_text.indented(card)
