"""The scorecard as JSON: the format other programs read (see `founder-check schema scorecard`)."""

from __future__ import annotations

import json

from founder_check.data import record_fields
from founder_check.scorecard import Scorecard


def scorecard_json(card: Scorecard) -> str:
    return json.dumps(card, default=record_fields, ensure_ascii=False, indent=2) + "\n"
