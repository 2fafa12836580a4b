"""The cohort report in the terminal (rich), for the program team.

It shows what fits on a screen: the top of the ranking, every factor's spread, the gaps most
founders share with the chapters to read (workshop topics), red flags by founder and the
inputs that could not be used. Long lists stop after `rows` lines and say where the rest is
(cohort.csv, cohort.json, rejected.csv), so a 10,000-founder cohort renders as fast as ten.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from founder_check.cohort.inputs import Rejection
from founder_check.cohort.models import Counts, FactorStats, RedFlagCount, SharedGap
from founder_check.content.models import Lang
from founder_check.report.hanging import bullets, hanging
from founder_check.report.labels import field, label
from founder_check.report.tables import titled_table
from founder_check.report.terminal import badge
from founder_check.report.view import chapter_titles

MAX_PROBLEMS_SHOWN = 3


@dataclass(frozen=True)
class CohortView:
    """What the terminal report shows; founder entries are shaped as in cohort.json."""

    lang: Lang
    content: str
    counts: Counts
    stage_option: str | None
    show_placement: bool
    min_size: int
    factor_names: dict[str, str]
    ranked: Sequence[dict[str, Any]]
    factors: Sequence[FactorStats]
    shared_gaps: Sequence[SharedGap]
    red_flag_counts: Sequence[RedFlagCount]
    flagged: Sequence[dict[str, Any]]
    flagged_total: int
    rejected: Sequence[Rejection]
    rejected_total: int
    out_dir: str | None
    files: Sequence[str]


def render(view: CohortView, console: Console) -> None:
    """Print the whole cohort report to `console`."""
    lang = view.lang
    console.print(_heading(view))
    if view.counts.scored:
        console.print(_ranking(view))
        console.print(_factor_table(view))
        if view.shared_gaps:
            console.print(_shared_gaps(view))
        else:
            console.print(Text(label("cohort_no_shared_gaps", lang), style="green"))
        if view.flagged:
            console.print(_red_flags(view))
        else:
            console.print(Text(label("cohort_no_red_flags", lang), style="green"))
    else:
        console.print(Text(label("cohort_no_founders", lang), style="bold red"))
    if view.rejected_total:
        console.print(_rejected(view))
    if view.counts.scored and not view.show_placement:
        console.print(
            Text(label("cohort_percentiles_hidden", lang).format(min=view.min_size), style="dim")
        )
    if view.out_dir is not None:
        console.print(
            Text(
                label("cohort_written", lang).format(dir=view.out_dir, files=", ".join(view.files)),
                style="dim",
            )
        )


def _heading(view: CohortView) -> Text:
    lang = view.lang
    text = Text(label("cohort_title", lang), style="bold cyan")
    text.append("\n")
    summary = label(
        "cohort_summary", lang, scored=view.counts.scored, rejected=view.counts.rejected
    )
    text.append(summary, style="bold red" if view.counts.rejected else "bold")
    if view.stage_option:
        text.append(f" · {field('cohort_stage_option', lang)}{view.stage_option}")
    text.append(f" · {field('content', lang)}{view.content}", style="dim")
    return text


def shown(text: str | None) -> str:
    """Untrusted text made safe for a terminal: control characters (an escape sequence could
    clear the screen or retitle the window) are shown as escapes instead of sent."""
    if not text:
        return ""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else ascii(char)[1:-1] for char in text)


def _who(entry: dict[str, Any], lang: Lang) -> str:
    return shown(entry["founder"]) or label("cohort_unnamed", lang)


def _list_table(
    view: CohortView, title: str, shown: int, total: int, file: str, **options: Any
) -> Table:
    """A table of the first `shown` of `total` entries, whose caption says where the whole
    list is when some are left out."""
    caption = None
    if shown < total:
        key = "cohort_shown_of" if view.out_dir is not None else "cohort_shown_of_rows"
        caption = label(key, view.lang).format(shown=shown, total=total, file=file)
    return titled_table(label(title, view.lang), caption, **options)


def _ranking(view: CohortView) -> Table:
    lang = view.lang
    table = _list_table(view, "cohort_ranking", len(view.ranked), view.counts.scored, "cohort.csv")
    table.add_column(label("cohort_rank", lang), justify="right")
    table.add_column(label("founder", lang), ratio=2)
    table.add_column(label("company", lang), ratio=2)
    table.add_column(label("stage", lang))
    table.add_column(label("cohort_overall", lang), justify="right")
    table.add_column(label("level", lang))
    table.add_column(label("cohort_flags", lang), justify="right")
    table.add_column(label("cohort_weakest", lang), ratio=2)
    for entry in view.ranked:
        flags = entry["red_flag_count"]
        weakest = entry["weakest_factor"]
        table.add_row(
            str(entry["rank"]),
            Text(_who(entry, lang)),
            Text(shown(entry["company"])),
            entry["stage"]["name"],
            f"{entry['overall']:.1f}",
            entry["level"]["name"],
            Text(str(flags), style="bold red") if flags else Text("0", style="green"),
            view.factor_names.get(weakest, "—") if weakest else "—",
        )
    return table


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def factor_cost(factor: FactorStats) -> float:
    """How many points the cohort is short of the factor's target, on average over the
    founders scored on it (those at or above target count as 0)."""
    if not factor.founders or factor.shortfall is None:
        return 0.0
    return factor.below_target * factor.shortfall / factor.founders


def _factor_table(view: CohortView) -> Table:
    """Each factor's spread against the stage's target; the furthest short first."""
    lang = view.lang
    table = titled_table(label("cohort_factor_stats", lang), label("cohort_factors_caption", lang))
    table.add_column(label("factor", lang), ratio=3)
    for key in (
        "cohort_founders",
        "cohort_min",
        "cohort_median",
        "cohort_max",
        "cohort_mean",
        "cohort_target",
        "cohort_below_target",
        "cohort_short_by",
    ):
        table.add_column(label(key, lang), justify="right")
    ordered = sorted(
        view.factors, key=lambda f: (-factor_cost(f), f.median is None, f.median or 0.0, f.id)
    )
    for factor in ordered:
        below = factor.below_target
        table.add_row(
            factor.name,
            str(factor.founders),
            _number(factor.min),
            Text(_number(factor.median), style="bold"),
            _number(factor.max),
            _number(factor.mean),
            _number(factor.target),
            Text(str(below), style="red" if below else "green"),
            "—" if factor.shortfall is None else f"{factor.shortfall:.1f}",
        )
    return table


def _shared_gaps(view: CohortView) -> Table:
    lang = view.lang
    table = titled_table(
        label("cohort_shared_gaps", lang), label("cohort_gaps_caption", lang), show_lines=True
    )
    table.add_column("#", justify="right")
    table.add_column(label("question", lang), ratio=3)
    table.add_column(label("cohort_founders", lang), justify="right")
    table.add_column(label("cohort_points_each", lang), justify="right")
    table.add_column(label("cohort_cohort_points", lang), justify="right")
    table.add_column(label("read", lang), ratio=3)
    for place, gap in enumerate(view.shared_gaps, start=1):
        chapters = bullets([Text(title) for title in chapter_titles(gap.chapters, lang)], indent=0)
        table.add_row(
            str(place),
            Text(gap.text),
            label("cohort_of_scored", lang, count=gap.founders, total=view.counts.scored),
            f"+{gap.points_each:.1f}",
            Text(f"+{gap.cohort_points:.1f}", style="bold"),
            chapters,
        )
    return table


def _red_flags(view: CohortView) -> Table:
    lang = view.lang
    table = _list_table(
        view, "cohort_red_flags", len(view.flagged), view.flagged_total, "cohort.json"
    )
    table.add_column(label("founder", lang), ratio=2)
    table.add_column(label("company", lang), ratio=2)
    table.add_column(label("red_flags", lang), ratio=4)
    for entry in view.flagged:
        flags = hanging(
            [
                (
                    badge(flag["severity"], label("severity_" + flag["severity"], lang)),
                    flag["title"],
                )
                for flag in entry["red_flags"]
            ]
        )
        table.add_row(Text(_who(entry, lang)), Text(shown(entry["company"])), flags)
    return table


def _rejected(view: CohortView) -> Table:
    lang = view.lang
    table = _list_table(
        view,
        "cohort_rejected",
        len(view.rejected),
        view.rejected_total,
        "rejected.csv",
        title_style="bold red",
    )
    table.add_column(label("cohort_input", lang), ratio=2, overflow="fold")
    table.add_column(label("cohort_reason", lang), ratio=5)
    for rejection in view.rejected:
        where = shown(rejection.source)
        if rejection.row is not None:
            row = label("cohort_row", lang, row=rejection.row)
            where = label("cohort_input_row", lang, source=where, row=row)
        listed: list[RenderableType] = []
        for problem in rejection.problems[:MAX_PROBLEMS_SHOWN]:
            place = []
            if problem.line is not None:
                place.append(label("cohort_line", lang, line=problem.line))
            if problem.field:
                place.append(shown(problem.field))
            reason = Text()
            if place:
                joined = label("cohort_place_join", lang).join(place)
                reason.append(label("cohort_place", lang, place=joined), style="dim")
            reason.append(shown(problem.message))
            listed.append(reason)
        reasons: list[RenderableType] = [
            listed[0] if len(listed) == 1 else bullets(listed, indent=0)
        ]
        extra = len(rejection.problems) - len(listed)
        if extra:
            reasons.append(Text(label("cohort_more_problems", lang, count=extra), style="dim"))
        table.add_row(Text(where), Group(*reasons))
    return table
