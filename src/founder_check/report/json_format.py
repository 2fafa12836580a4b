"""The scorecard as JSON: the format other programs read (see `founder-check schema scorecard`)."""

from __future__ import annotations

import json

from founder_check.data import to_data
from founder_check.scorecard import Scorecard


def scorecard_json(card: Scorecard) -> str:
    return json.dumps(to_data(card), ensure_ascii=False, indent=2) + "\n"
