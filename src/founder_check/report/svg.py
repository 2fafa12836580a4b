"""Charts of the HTML reports as inline SVG, drawn by our own code: no library, no script,
nothing fetched, so a page stays one self-contained file that prints as it shows.

Every function returns SVG markup as a string and is deterministic (the same input gives the
same bytes: coordinates rounded to one decimal, no ids drawn from counters or randomness),
so golden files stay stable. Scores are on a 0-100 scale; None is "no score" and is drawn as
such, never as a zero. Every text is escaped here; callers pass plain text.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from founder_check.base.cjk_wrap import NO_LINE_START
from founder_check.base.score_counts import ScoreCounts

# restrained colours that survive greyscale printing: ink for the founder, grey for targets
INK = "#1d4e89"
TARGET = "#6b7280"
GRID = "#d7dbe0"
LABEL = "#1f2933"
MUTED = "#6b7280"
BELOW = "#b4462f"
MET = "#2f7d4f"


@dataclass(frozen=True)
class Axis:
    """One spoke of a radar chart: a factor's score and the stage's target (0-100)."""

    label: str
    value: float | None  # None: no question of it was answered
    target: float | None
    note: str = ""  # a second, smaller line under the label (e.g. "48 / 65")


def number(value: float) -> str:
    """A coordinate as SVG writes it: one decimal at most, never "-0"."""
    text = f"{round(value, 1):.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _clamp(value: float) -> float:
    return min(100.0, max(0.0, value))


def _points(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{number(x)},{number(y)}" for x, y in points)


def _is_wide(char: str) -> bool:
    """East Asian wide characters (CJK, kana, hangul, full-width forms) take a full em."""
    code = ord(char)
    return (
        0x1100 <= code <= 0x115F
        or 0x2E80 <= code <= 0xA4CF
        or 0xAC00 <= code <= 0xD7A3
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFF60
        or 0xFFE0 <= code <= 0xFFE6
        or 0x20000 <= code <= 0x3FFFD
    )


def text_width(text: str, size: float) -> float:
    """An estimate of a text's width in a sans-serif font: enough to lay labels out
    without a font at hand (the browser's font is unknown here)."""
    return sum(size if _is_wide(char) else size * 0.56 for char in text)


def wrap(text: str, width: float, size: float) -> list[str]:
    """Break a label into lines of at most `width`: at spaces between words, and between
    any two CJK characters (never before closing punctuation); a word longer than a line
    stays whole."""
    return list(_wrapped(text, width, size))


@functools.lru_cache(maxsize=1024)
def _wrapped(text: str, width: float, size: float) -> tuple[str, ...]:
    """`wrap`, remembered: a cohort draws the same factor names for every founder."""
    lines: list[str] = []
    line = ""
    for token in _tokens(text):
        candidate = (line + token) if line else token.lstrip()
        if line and text_width(candidate.rstrip(), size) > width and token[0] not in NO_LINE_START:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line = candidate
    if line.strip():
        lines.append(line.rstrip())
    return tuple(lines) or ("",)


def _tokens(text: str) -> list[str]:
    """Words with their leading space, and each wide character on its own."""
    tokens: list[str] = []
    word = ""
    for char in " ".join(text.split()):
        if _is_wide(char):
            if word:
                tokens.append(word)
                word = ""
            tokens.append(char)
        elif char == " ":
            if word:
                tokens.append(word)
            word = " "
        else:
            word += char
    if word:
        tokens.append(word)
    return tokens


def _text(
    x: float,
    y: float,
    lines: Sequence[str],
    *,
    size: float,
    anchor: str,
    fill: str = LABEL,
    weight: str = "normal",
    css: str = "",
) -> str:
    """A text element of one or more lines, the first line's baseline at `y`."""
    attributes = (
        f'x="{number(x)}" y="{number(y)}" font-size="{number(size)}" text-anchor="{anchor}" '
        f'fill="{fill}"'
    )
    if weight != "normal":
        attributes += f' font-weight="{weight}"'
    if css:
        attributes += f' class="{css}"'
    if len(lines) == 1:
        return f"<text {attributes}>{escape(lines[0])}</text>"
    spans = "".join(
        f'<tspan x="{number(x)}" dy="{number(0 if index == 0 else size * 1.2)}">'
        f"{escape(line)}</tspan>"
        for index, line in enumerate(lines)
    )
    return f"<text {attributes}>{spans}</text>"


def radar(
    axes: Sequence[Axis],
    *,
    title: str,
    radius: float = 112,
    label_width: float = 104,
    size: float = 12,
) -> str:
    """A radar chart of scores (filled) against targets (dashed), one spoke per axis,
    clockwise from the top; needs at least three axes (`bars` draws fewer). An axis with no
    score is left out of the filled shape and marked with a hollow dot at the centre."""
    count = len(axes)
    if count < 3:
        raise ValueError("a radar chart needs at least three axes")
    pad = label_width + 8
    lines = max(len(wrap(axis.label, label_width, size)) for axis in axes)
    notes = any(axis.note for axis in axes)
    margin = size * 1.2 * lines + (size if notes else 0) + 10  # room for the top and bottom labels
    centre_x, centre_y = pad + radius, margin + radius
    width = 2 * (pad + radius)
    height = 2 * centre_y

    def at(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        distance = radius * _clamp(value) / 100
        return centre_x + distance * math.cos(angle), centre_y + distance * math.sin(angle)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart radar" role="img" '
        f'viewBox="0 0 {number(width)} {number(height)}">',
        f"<title>{escape(title)}</title>",
        f'<g class="grid" fill="none" stroke="{GRID}" stroke-width="1">',
    ]
    for ring in (25, 50, 75, 100):
        parts.append(f'<polygon points="{_points([at(i, ring) for i in range(count)])}"/>')
    for index in range(count):
        x, y = at(index, 100)
        parts.append(
            f'<line x1="{number(centre_x)}" y1="{number(centre_y)}" '
            f'x2="{number(x)}" y2="{number(y)}"/>'
        )
    parts.append("</g>")
    for ring in (50, 100):  # two scale marks are enough to read the rings
        x, y = at(0, ring)
        parts.append(
            _text(x + 3, y + size * 0.9, [str(ring)], size=size * 0.75, anchor="start", fill=MUTED)
        )
    targets = [(i, axis.target) for i, axis in enumerate(axes) if axis.target is not None]
    if len(targets) >= 3:
        parts.append(
            f'<polygon class="target" points="{_points([at(i, t) for i, t in targets])}" '
            f'fill="none" stroke="{TARGET}" stroke-width="1.5" stroke-dasharray="5 3"/>'
        )
    scored = [(i, axis.value) for i, axis in enumerate(axes) if axis.value is not None]
    if len(scored) >= 2:
        parts.append(
            f'<polygon class="score" points="{_points([at(i, v) for i, v in scored])}" '
            f'fill="{INK}" fill-opacity="0.16" stroke="{INK}" stroke-width="2" '
            'stroke-linejoin="round"/>'
        )
    parts.append('<g class="marks">')
    for index, axis in enumerate(axes):
        if axis.value is None:
            parts.append(
                f'<circle cx="{number(centre_x)}" cy="{number(centre_y)}" r="4" fill="#fff" '
                f'stroke="{MUTED}" stroke-width="1.5"/>'
            )
            continue
        x, y = at(index, axis.value)
        below = axis.target is not None and axis.value < axis.target
        parts.append(
            f'<circle cx="{number(x)}" cy="{number(y)}" r="3.5" '
            f'fill="{BELOW if below else MET}" stroke="#fff" stroke-width="1"/>'
        )
    parts.append("</g>")
    parts.append('<g class="labels">')
    for index, axis in enumerate(axes):
        parts.append(_axis_label(at(index, 100), centre_x, centre_y, axis, label_width, size))
    parts.append("</g></svg>")
    return "".join(parts)


def _axis_label(
    tip: tuple[float, float],
    centre_x: float,
    centre_y: float,
    axis: Axis,
    width: float,
    size: float,
) -> str:
    """A spoke's label beyond its tip, anchored away from the chart so it never overlaps."""
    x, y = tip
    dx, dy = x - centre_x, y - centre_y
    length = math.hypot(dx, dy) or 1.0
    x += dx / length * 8
    y += dy / length * 8
    anchor = "middle" if abs(dx) < length * 0.2 else ("start" if dx > 0 else "end")
    lines = wrap(axis.label, width, size)
    block = len(lines) * size * 1.2 + (size if axis.note else 0)
    if abs(dy) >= length * 0.2 or anchor == "middle":
        top = y - block if dy < 0 else y + size * 0.2
    else:
        top = y - block / 2
    out = _text(x, top + size, lines, size=size, anchor=anchor, weight="600")
    if axis.note:
        note_y = top + size + len(lines) * size * 1.2
        out += _text(x, note_y, [axis.note], size=size * 0.85, anchor=anchor, fill=MUTED)
    return out


def score_bar(
    value: float | None, target: float | None, *, width: float = 120, height: float = 10
) -> str:
    """A 0-100 bar with the target as a tick: filled to the score, coloured by whether it
    meets the target; an empty track when there is no score."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart bar" aria-hidden="true" '
        f'viewBox="0 0 {number(width)} {number(height)}" width="{number(width)}" '
        f'height="{number(height)}">',
        f'<rect width="{number(width)}" height="{number(height)}" rx="2" fill="#eef0f3"/>',
    ]
    if value is not None:
        colour = MET if target is None or value >= target else BELOW
        parts.append(
            f'<rect width="{number(width * _clamp(value) / 100)}" height="{number(height)}" '
            f'rx="2" fill="{colour}"/>'
        )
    if target is not None:
        x = width * _clamp(target) / 100
        parts.append(
            f'<line x1="{number(x)}" y1="0" x2="{number(x)}" y2="{number(height)}" '
            f'stroke="{LABEL}" stroke-width="2"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def bars(axes: Sequence[Axis], *, title: str, width: float = 360, size: float = 11) -> str:
    """Horizontal bars, one per axis with its target tick: the chart for fewer than three
    factors, where a radar has no area to show."""
    row = size * 3.2
    label_width = width * 0.45
    track = width - label_width - 8
    height = max(row * len(axes), row)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart bars" role="img" '
        f'viewBox="0 0 {number(width)} {number(height)}">',
        f"<title>{escape(title)}</title>",
    ]
    for index, axis in enumerate(axes):
        top = index * row
        lines = [*wrap(axis.label, label_width - 4, size)[:1], axis.note]
        parts.append(
            _text(0, top + size * 1.2, [line for line in lines if line], size=size, anchor="start")
        )
        bar = score_bar(axis.value, axis.target, width=track, height=size * 0.9)
        parts.append(
            f'<g transform="translate({number(label_width + 8)},{number(top + size * 0.5)})">'
            f"{bar}</g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def box_strip(
    values: Iterable[float],
    *,
    target: float | None = None,
    highlight: float | None = None,
    width: float = 240,
    height: float = 28,
    dots: int = 240,
) -> str:
    """One factor across a cohort on a 0-100 line: each founder a dot (rows alternate so
    equal scores stay visible), the quartile box and median over them, the target as a
    tick and one founder's score, if given, as a ring. An empty cohort draws the axis only.

    More founders than `dots` draw `dots` of them, evenly spaced through the sorted scores
    (the lowest and highest included), so a cohort of any size draws a bounded picture of
    the same shape; the box and median are always those of every founder."""
    pad = 4.0
    span = width - 2 * pad

    def x_of(value: float) -> float:
        return pad + span * _clamp(value) / 100

    middle = height / 2
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart strip" aria-hidden="true" '
        f'viewBox="0 0 {number(width)} {number(height)}" width="{number(width)}" '
        f'height="{number(height)}">',
        f'<line x1="{number(pad)}" y1="{number(middle)}" x2="{number(width - pad)}" '
        f'y2="{number(middle)}" stroke="{GRID}" stroke-width="1"/>',
    ]
    # counted by score, not sorted: a cohort's 50,000 scores are a thousand counts
    ordered = values if isinstance(values, ScoreCounts) else ScoreCounts(values)
    if len(ordered) >= 2:
        q1, median, q3 = ordered.quartiles()
        box_top, box_height = middle - height * 0.3, height * 0.6
        parts.append(
            f'<rect class="box" x="{number(x_of(q1))}" y="{number(box_top)}" '
            f'width="{number(x_of(q3) - x_of(q1))}" height="{number(box_height)}" '
            f'fill="{INK}" fill-opacity="0.12" stroke="{INK}" stroke-width="1"/>'
        )
        parts.append(
            f'<line class="median" x1="{number(x_of(median))}" y1="{number(box_top)}" '
            f'x2="{number(x_of(median))}" y2="{number(box_top + box_height)}" '
            f'stroke="{INK}" stroke-width="2"/>'
        )
    offsets = (-0.18, 0.0, 0.18)
    for index, value in enumerate(_spread_sample(ordered, dots)):
        y = middle + height * offsets[index % 3]
        parts.append(
            f'<circle cx="{number(x_of(value))}" cy="{number(y)}" r="2" fill="{INK}" '
            'fill-opacity="0.55"/>'
        )
    if target is not None:
        x = x_of(target)
        parts.append(
            f'<line class="target" x1="{number(x)}" y1="1" x2="{number(x)}" '
            f'y2="{number(height - 1)}" stroke="{TARGET}" stroke-width="1.5" '
            'stroke-dasharray="3 2"/>'
        )
    if highlight is not None:
        parts.append(
            f'<circle class="highlight" cx="{number(x_of(highlight))}" cy="{number(middle)}" '
            f'r="4.5" fill="none" stroke="{BELOW}" stroke-width="2"/>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _spread_sample(ordered: Sequence[float], count: int) -> Sequence[float]:
    """At most `count` of the sorted `ordered`, evenly spaced by rank, ends included."""
    size = len(ordered)
    if size <= count:
        return ordered
    if count < 2:
        return ordered[size // 2 : size // 2 + count]
    return [ordered[round(i * (size - 1) / (count - 1))] for i in range(count)]
