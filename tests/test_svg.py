"""The SVG charts: valid markup, deterministic bytes, the geometry right, every label escaped,
factors without a score drawn as such, any number of axes from three."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest

from founder_check.report import svg

NS = {"s": "http://www.w3.org/2000/svg"}
GEOMETRY = r'\b(?:x|y|x1|x2|y1|y2|cx|cy|r|width|height|points|viewBox|dy)="([^"]*)"'


def axes(count: int, value: float | None = 60.0, target: float | None = 70.0) -> list[svg.Axis]:
    return [svg.Axis(f"Factor {i}", value, target, note="n") for i in range(count)]


def parse(markup: str) -> ET.Element:
    return ET.fromstring(markup)  # raises on markup that is not well-formed XML


def points(element: ET.Element) -> list[tuple[float, float]]:
    return [
        (float(x), float(y))
        for x, y in (pair.split(",") for pair in element.attrib["points"].split())
    ]


def centre(root: ET.Element) -> tuple[float, float]:
    spoke = root.find("s:g[@class='grid']/s:line", NS)
    assert spoke is not None
    return float(spoke.attrib["x1"]), float(spoke.attrib["y1"])


@pytest.mark.parametrize("count", [3, 4, 5, 9, 12])
def test_radar_has_a_spoke_ring_and_vertex_per_axis(count: int) -> None:
    root = parse(svg.radar(axes(count), title="t"))
    assert len(root.findall("s:g[@class='grid']/s:line", NS)) == count
    rings = root.findall("s:g[@class='grid']/s:polygon", NS)
    assert len(rings) == 4 and all(len(points(ring)) == count for ring in rings)
    score = root.find("s:polygon[@class='score']", NS)
    target = root.find("s:polygon[@class='target']", NS)
    assert score is not None and target is not None
    assert len(points(score)) == count and len(points(target)) == count
    labels = "".join(root.find("s:g[@class='labels']", NS).itertext())  # type: ignore[union-attr]
    assert all(f"Factor {i}" in labels for i in range(count))


def test_radar_distances_follow_the_scores() -> None:
    """A score of 100 reaches the outer ring, 50 half way, the first spoke points up, and
    values outside 0-100 are held to the chart."""
    values = [100.0, 50.0, 0.0, 150.0, -20.0]
    chart = svg.radar(
        [svg.Axis(str(i), value, 100.0) for i, value in enumerate(values)], title="t", radius=100
    )
    root = parse(chart)
    cx, cy = centre(root)
    score = root.find("s:polygon[@class='score']", NS)
    assert score is not None
    distances = [math.hypot(x - cx, y - cy) for x, y in points(score)]
    assert distances == pytest.approx([100, 50, 0, 100, 0], abs=0.1)
    first_x, first_y = points(score)[0]
    assert first_x == pytest.approx(cx, abs=0.1) and first_y < cy


def test_radar_leaves_unscored_factors_out_of_the_shape() -> None:
    chart = svg.radar(
        [
            svg.Axis("A", 80, 60),
            svg.Axis("B", None, 60, note="no answers"),
            svg.Axis("C", 40, 60),
            svg.Axis("D", 70, 60),
        ],
        title="t",
    )
    root = parse(chart)
    score = root.find("s:polygon[@class='score']", NS)
    assert score is not None and len(points(score)) == 3
    marks = root.findall("s:g[@class='marks']/s:circle", NS)
    assert len(marks) == 4
    cx, cy = centre(root)
    hollow = [m for m in marks if m.attrib["fill"] == "#fff"]
    assert len(hollow) == 1
    assert (float(hollow[0].attrib["cx"]), float(hollow[0].attrib["cy"])) == (cx, cy)
    assert "no answers" in "".join(root.itertext())
    below = [m for m in marks if m.attrib["fill"] == svg.BELOW]
    assert len(below) == 1  # C: 40 under its target of 60


def test_radar_without_any_score_draws_grid_and_targets_only() -> None:
    root = parse(svg.radar(axes(5, value=None), title="t"))
    assert root.find("s:polygon[@class='score']", NS) is None
    assert root.find("s:polygon[@class='target']", NS) is not None


def test_radar_needs_three_axes() -> None:
    with pytest.raises(ValueError, match="three"):
        svg.radar(axes(2), title="t")


def test_charts_are_deterministic_and_rounded() -> None:
    chart_axes = [svg.Axis(f"F{i}", 100 / 3 * (i % 3 + 1), 61.234567) for i in range(7)]
    charts = [
        svg.radar(chart_axes, title="t"),
        svg.bars(chart_axes[:2], title="t"),
        svg.score_bar(33.333333, 66.666666),
        svg.box_strip([12.345, 50.0, 67.891, 88.8], target=61.2345, highlight=40.123),
    ]
    again = [
        svg.radar(chart_axes, title="t"),
        svg.bars(chart_axes[:2], title="t"),
        svg.score_bar(33.333333, 66.666666),
        svg.box_strip([12.345, 50.0, 67.891, 88.8], target=61.2345, highlight=40.123),
    ]
    assert charts == again
    for chart in charts:
        parse(chart)
        coordinates = " ".join(re.findall(GEOMETRY, chart))
        assert coordinates and not re.search(r"\d\.\d\d", coordinates), "one decimal at most"
        assert "-0," not in chart and '"-0"' not in chart


@pytest.mark.parametrize(
    "text", ['<script>alert("x")</script>', "A & B", "\"quoted\" 'single'", "]]><!--"]
)
def test_labels_and_titles_are_escaped(text: str) -> None:
    chart = svg.radar([svg.Axis(text, 50, 60, note=text)] * 3, title=text)
    root = parse(chart)
    assert "<script" not in chart
    title = root.find("s:title", NS)
    assert title is not None and title.text == text
    labels = [  # a long label is wrapped over lines: compare without the spaces it breaks at
        "".join("".join(element.itertext()).split())
        for element in root.findall("s:g[@class='labels']/s:text", NS)
    ]
    assert labels.count("".join(text.split())) == 6  # three labels, three notes, read back


def test_long_labels_wrap_and_cjk_breaks_between_characters() -> None:
    assert svg.wrap("Business-model innovation", 100, 11) == ["Business-model", "innovation"]
    lines = svg.wrap("商业模式创新与合规伦理，数据优势", 50, 11)
    assert len(lines) > 1
    assert "".join(lines) == "商业模式创新与合规伦理，数据优势"
    assert all(not line.startswith(("，", "。", "、")) for line in lines)
    assert all(svg.text_width(line, 11) <= 50 for line in lines)


def test_score_bar_fills_to_the_score_with_the_target_tick() -> None:
    root = parse(svg.score_bar(25, 50, width=200, height=10))
    track, fill = root.findall("s:rect", NS)
    assert float(track.attrib["width"]) == 200 and float(fill.attrib["width"]) == 50
    assert fill.attrib["fill"] == svg.BELOW
    tick = root.find("s:line", NS)
    assert tick is not None and float(tick.attrib["x1"]) == 100
    assert parse(svg.score_bar(75, 50)).findall("s:rect", NS)[1].attrib["fill"] == svg.MET
    assert len(parse(svg.score_bar(None, 50)).findall("s:rect", NS)) == 1  # no score, no fill


def test_bars_draw_one_row_per_axis() -> None:
    root = parse(svg.bars([svg.Axis("A", 40, 50), svg.Axis("B", None, 50)], title="t"))
    assert len(root.findall(".//s:svg[@class='chart bar']", NS)) == 2


def test_box_strip_draws_each_founder_the_quartiles_and_the_target() -> None:
    values = [10.0, 20.0, 30.0, 40.0, 90.0]
    root = parse(svg.box_strip(values, target=50, highlight=30, width=208, height=28))
    dots = [c for c in root.findall("s:circle", NS) if "class" not in c.attrib]
    assert len(dots) == 5
    box = root.find("s:rect[@class='box']", NS)
    median = root.find("s:line[@class='median']", NS)
    target = root.find("s:line[@class='target']", NS)
    assert box is not None and median is not None and target is not None
    # 0-100 spans x 4..204: Q1 20 -> 44, Q3 40 -> 84, median 30 -> 64, target 50 -> 104
    assert float(box.attrib["x"]) == 44 and float(box.attrib["width"]) == 40
    assert float(median.attrib["x1"]) == 64 and float(target.attrib["x1"]) == 104
    assert root.find("s:circle[@class='highlight']", NS) is not None


def test_box_strip_of_an_empty_or_single_cohort() -> None:
    empty = parse(svg.box_strip([]))
    assert empty.find("s:rect", NS) is None and not empty.findall("s:circle", NS)
    single = parse(svg.box_strip([55.0]))
    assert single.find("s:rect[@class='box']", NS) is None
    assert len(single.findall("s:circle", NS)) == 1
