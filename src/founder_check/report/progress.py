"""The terminal view of a `Comparison`: progress between two assessments, in plain words.

Only names, question texts, answer labels and red-flag titles are shown, never the
content's ids (those are in `compare --json`). `render_comparison(comparison, console)`
prints to the console it is given, as the scorecard report does.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from founder_check.base.i18n import Texts, phrase
from founder_check.content.models import Lang
from founder_check.report.hanging import hanging
from founder_check.report.labels import signed
from founder_check.report.tables import titled_table
from founder_check.scoring.compare import Comparison

MAX_ANSWER = 300  # characters of an answer shown: cuts long free text, never an option label

_WORDS = Texts(
    phrase("title", "Progress between assessments"),
    phrase("undated", "undated"),
    phrase("overall", "Overall score"),
    phrase("level", "Readiness level"),
    phrase("level_same", "{level} (unchanged)"),
    phrase("stage", "Stage"),
    phrase("stage_points", "the change of stage alone: {points} points"),
    phrase("factors", "Success factors"),
    phrase("factor", "Factor"),
    phrase("before", "Before"),
    phrase("now", "Now"),
    phrase("change", "Change"),
    phrase("changes", "Answers that changed"),
    phrase("no_changes", "No answer changed."),
    phrase("question", "Question"),
    phrase("points_column", "Points"),
    phrase("not_answered", "(not answered)"),
    phrase("skipped", "(skipped)"),
    phrase("not_applicable", "(does not apply)"),
    phrase(
        "points_note",
        "Points: what each change moved the overall score, applying the changes one at a "
        "time in questionnaire order at the stage of this assessment; they add up to the "
        "change of the overall score{stage}.",
    ),
    phrase("points_note_stage", " together with the change of stage"),
    phrase("flags", "Red flags"),
    phrase("flags_none", "No red flag raised or cleared."),
    phrase("cleared", "Cleared"),
    phrase("raised", "New"),
    phrase("plan", "Next steps of the earlier report: {done} of {total} done"),
    phrase("aim", "The answer to reach"),
    phrase("field", "{name}: "),
    phrase("aside", " ({text})"),
)


def render_comparison(comparison: Comparison, console: Console) -> None:
    """Print the whole comparison: header, factors, changed answers, red flags, plan."""
    console.print(_header(comparison))
    console.print(_factors(comparison))
    if comparison.changes:
        console.print(_changes(comparison))
    else:
        console.print(Text(_WORDS("no_changes", comparison.lang), style="dim"))
    console.print(_flags(comparison))
    plan = _plan(comparison)
    if plan is not None:
        console.print(plan)


def _style(points: float | None) -> str:
    if points is None or abs(points) < 0.05:
        return "dim"
    return "green" if points > 0 else "red"


def _header(comparison: Comparison) -> Panel:
    lang = comparison.lang
    lines = Text()
    for side, key in (("old", "before"), ("new", "now")):
        day = getattr(comparison.date, side) or _WORDS("undated", lang)
        source = getattr(comparison.source, side)
        lines.append(_WORDS("field", lang, name=_WORDS(key, lang)), style="bold")
        lines.append(day)
        if source:
            lines.append(_WORDS("aside", lang, text=Path(source).name), style="dim")
        lines.append("\n")
    overall = comparison.overall
    lines.append(_WORDS("field", lang, name=_WORDS("overall", lang)), style="bold")
    lines.append(f"{overall.old:.1f} → {overall.new:.1f}")
    lines.append(
        _WORDS("aside", lang, text=signed(overall.delta)), style=f"bold {_style(overall.delta)}"
    )
    level = comparison.level
    lines.append("\n" + _WORDS("field", lang, name=_WORDS("level", lang)), style="bold")
    if level.old.id == level.new.id:
        lines.append(_WORDS("level_same", lang, level=level.new.name), style="magenta")
    else:
        lines.append(f"{level.old.name} → ", style="magenta")
        lines.append(level.new.name, style="bold magenta")
    stage = comparison.stage
    lines.append("\n" + _WORDS("field", lang, name=_WORDS("stage", lang)), style="bold")
    if stage.old.id == stage.new.id:
        lines.append(stage.new.name)
    else:
        lines.append(f"{stage.old.name} → {stage.new.name}")
        points = _WORDS("stage_points", lang, points=signed(stage.points))
        lines.append(_WORDS("aside", lang, text=points), style=_style(stage.points))
    return Panel(lines, title=_WORDS("title", lang), title_align="left", border_style="cyan")


def _factors(comparison: Comparison) -> Table:
    """The factors, largest rise first."""
    lang = comparison.lang
    table = titled_table(_WORDS("factors", lang))
    table.add_column(_WORDS("factor", lang))
    table.add_column(_WORDS("before", lang), justify="right")
    table.add_column(_WORDS("now", lang), justify="right")
    table.add_column(_WORDS("change", lang), justify="right")
    for factor in sorted(comparison.factors, key=lambda f: -(f.delta or 0.0)):
        table.add_row(
            Text(factor.name),
            "—" if factor.old is None else f"{factor.old:.1f}",
            "—" if factor.new is None else f"{factor.new:.1f}",
            Text(signed(factor.delta), style=_style(factor.delta)),
        )
    return table


def _changes(comparison: Comparison) -> Table:
    lang = comparison.lang
    table = titled_table(
        _WORDS("changes", lang),
        _WORDS(
            "points_note",
            lang,
            stage=_WORDS("points_note_stage", lang)
            if comparison.stage.old.id != comparison.stage.new.id
            else "",
        ),
        expand=True,
    )
    table.add_column(_WORDS("question", lang), ratio=5, overflow="fold")
    table.add_column(_WORDS("before", lang), ratio=3, overflow="fold")
    table.add_column(_WORDS("now", lang), ratio=3, overflow="fold")
    table.add_column(_WORDS("points_column", lang), justify="right", no_wrap=True)
    for change in comparison.changes:
        table.add_row(
            Text(change.text),
            Text(_answer(change.old_label, change.old_status, lang), style="dim"),
            Text(_answer(change.new_label, change.new_status, lang)),
            Text(signed(change.points), style=_style(change.points)),
        )
    return table


def _answer(shown: str | None, status: str, lang: Lang) -> str:
    """An answer as the founder gave it, or why there is none."""
    if shown is None:
        why = status if status in ("skipped", "not_applicable") else "not_answered"
        return _WORDS(why, lang)
    return shown if len(shown) <= MAX_ANSWER else shown[: MAX_ANSWER - 1] + "…"


def _flags(comparison: Comparison) -> Group | Text:
    """The red flags cleared and raised, each title wrapping under itself."""
    lang = comparison.lang
    if not comparison.flags_raised and not comparison.flags_cleared:
        return Text(_WORDS("flags_none", lang), style="dim")
    titles = comparison.flag_titles
    rows: list[tuple[Text, RenderableType]] = []
    for flags, mark, key, style in (
        (comparison.flags_cleared, " ✓ ", "cleared", "green"),
        (comparison.flags_raised, " ✗ ", "raised", "red"),
    ):
        for flag in flags:
            title = Text(_WORDS("field", lang, name=_WORDS(key, lang)), style=style)
            rows.append((Text(mark, style=style), title.append(titles[flag])))
    return Group(Text(_WORDS("flags", lang), style="bold"), hanging(rows))


def _plan(comparison: Comparison) -> Table | None:
    """The earlier report's next steps, each ticked when this assessment reaches it."""
    lang = comparison.lang
    steps = comparison.plan
    if not steps:  # OLD was at the top level: no next steps to check
        return None
    done = sum(1 for step in steps if step.done)
    table = titled_table(_WORDS("plan", lang, done=done, total=len(steps)), expand=True)
    table.add_column("", no_wrap=True)
    table.add_column(_WORDS("question", lang), ratio=3, overflow="fold")
    table.add_column(_WORDS("aim", lang), ratio=2, overflow="fold")
    for step in steps:
        mark = Text("✓", style="green") if step.done else Text("·", style="dim")
        target = Text(step.target_label, style="green" if step.done else "")
        table.add_row(mark, Text(step.text), target)
    return table
