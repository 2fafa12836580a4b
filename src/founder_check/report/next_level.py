"""What stands between a founder and the next readiness level, as lines both reports print.

The level a founder is told is the lowest of three parts (score, must-haves, red flags); the
reports never show the parts as levels of their own, only what the next level still needs.
"""

from __future__ import annotations

from founder_check.report.labels import label
from founder_check.scorecard import Scorecard


def next_level_lines(card: Scorecard) -> tuple[str, list[str]] | None:
    """A title ("To reach Fundable:") and one line per thing still needed; None at the top."""
    gate = card.next_gate
    if gate is None:
        return None
    lang = card.lang
    lines: list[str] = []
    if card.overall < gate.min_score:
        lines.append(label("need_score", lang).format(minimum=gate.min_score, overall=card.overall))
    titles = {hit.id: hit.title for hit in card.red_flags}
    lines += [label("need_flag", lang).format(title=titles[flag]) for flag in gate.red_flags]
    lines += [requirement.text for requirement in gate.missing]
    return label("next_level", lang).format(level=gate.level.name), lines
