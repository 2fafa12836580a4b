"""The views of `founder-check content weights`: rich tables for the terminal, or Markdown.

Both render `content.weights.stage_weights`: first how many overall points each factor can
move at each stage, then one table per stage with the weight share, target, points and the
number of scored questions. Factors and stages are named in the chosen language, never by
id. `weights_markdown` is also what docs/scoring-rationale.md embeds (a test keeps it so).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from founder_check.base.i18n import Texts, phrase, plural_phrase
from founder_check.content.weights import StageWeights, stage_weights

if TYPE_CHECKING:
    from rich.console import Console

    from founder_check.content.models import Content, Lang

_WORDS = Texts(
    phrase("overview", "Overall points each factor can move, by stage"),
    phrase(
        "overview_note",
        "How far the overall score (0–100) moves between the factor's score at 0 and at "
        "100, with every factor answered.",
    ),
    phrase("factor", "Factor"),
    phrase("weight", "Weight"),
    phrase("target", "Target"),
    phrase("points", "Points"),
    phrase("questions", "Questions"),
    phrase("total", "Total"),
    plural_phrase(
        "stage_questions",
        "{count} scored question at this stage; a question can feed several factors.",
        "{count} scored questions at this stage; a question can feed several factors.",
    ),
    phrase(
        "legend",
        "Weight: the factor's share of the stage's total weight. Target: the factor score "
        "(0–100) expected at the stage; gaps are measured against it. Points: how many "
        "points of the overall score lie between the factor at 0 and at 100, with every "
        "factor answered. Questions: the scored questions that feed the factor at the "
        "stage (a question scored only from a later stage does not count). Weight and "
        "points agree unless a factor has no scored question at a stage.",
    ),
)


def _number(value: float) -> str:
    """At most one decimal, no trailing zero: 26.0 -> '26', 12.5 -> '12.5'."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _target(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def _markdown_row(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |"


def _names(content: Content, lang: Lang) -> tuple[dict[str, str], dict[str, str]]:
    factors = {f.id: f.name.get(lang) for f in content.factors}
    stages = {s.id: s.name.get(lang) for s in content.stages}
    return factors, stages


def _overview_rows(
    content: Content, stages: tuple[StageWeights, ...], names: dict[str, str]
) -> list[list[str]]:
    return [
        [names[f.id], *(_number(stage.factor(f.id).points) for stage in stages)]
        for f in content.factors
    ]


def _stage_rows(stage: StageWeights, names: dict[str, str], lang: Lang) -> list[list[str]]:
    rows = [
        [
            names[row.factor],
            f"{_number(row.share)}%",
            _target(row.target),
            _number(row.points),
            str(row.questions),
        ]
        for row in stage.factors
    ]
    share = sum(row.share for row in stage.factors)
    points = sum(row.points for row in stage.factors)
    rows.append([_WORDS("total", lang), f"{_number(share)}%", "", _number(points), ""])
    return rows


def weights_markdown(content: Content, lang: Lang = "en") -> str:
    """The overview and the per-stage tables as Markdown (ends with a newline)."""
    stages = stage_weights(content)
    factor_names, stage_names = _names(content, lang)
    stop = "。**" if lang == "zh" else ".** "
    lines = [f"**{_WORDS('overview', lang)}{stop}{_WORDS('overview_note', lang)}", ""]
    header = [_WORDS("factor", lang), *(stage_names[s.stage] for s in stages)]
    lines.append(_markdown_row(header))
    lines.append("|---|" + "---:|" * len(stages))
    lines += [_markdown_row(row) for row in _overview_rows(content, stages, factor_names)]
    lines += ["", _WORDS("legend", lang)]
    columns = ("factor", "weight", "target", "points", "questions")
    for stage in stages:
        colon = "：" if lang == "zh" else ": "
        count = _WORDS("stage_questions", lang, count=stage.questions)
        lines += ["", f"**{stage_names[stage.stage]}**{colon}{count}", ""]
        lines.append(_markdown_row([_WORDS(column, lang) for column in columns]))
        lines.append("|---|---:|---:|---:|---:|")
        lines += [_markdown_row(row) for row in _stage_rows(stage, factor_names, lang)]
    return "\n".join(lines) + "\n"


def render_weights(content: Content, lang: Lang, console: Console) -> None:
    """Print the overview and one table per stage (content names as plain text, never as
    rich markup)."""
    from rich.table import Table
    from rich.text import Text

    stages = stage_weights(content)
    factor_names, stage_names = _names(content, lang)
    overview = Table(
        title=Text(_WORDS("overview", lang), style="bold"),
        title_justify="left",
        caption=_WORDS("overview_note", lang),
        caption_justify="left",
    )
    overview.add_column(_WORDS("factor", lang))
    for stage in stages:
        overview.add_column(Text(stage_names[stage.stage]), justify="right")
    for row in _overview_rows(content, stages, factor_names):
        overview.add_row(*(Text(cell) for cell in row))
    console.print(overview)
    for stage in stages:
        table = Table(
            title=Text(stage_names[stage.stage], style="bold"),
            title_justify="left",
            caption=_WORDS("stage_questions", lang, count=stage.questions),
            caption_justify="left",
        )
        table.add_column(_WORDS("factor", lang))
        for column in ("weight", "target", "points", "questions"):
            table.add_column(_WORDS(column, lang), justify="right")
        rows = _stage_rows(stage, factor_names, lang)
        for index, row in enumerate(rows[:-1]):
            table.add_row(*(Text(cell) for cell in row), end_section=index == len(rows) - 2)
        table.add_row(*(Text(cell) for cell in rows[-1]), style="bold")
        console.print(table)
    console.print(Text(_WORDS("legend", lang), style="dim"))
