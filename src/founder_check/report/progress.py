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

from founder_check.compare import Comparison
from founder_check.content.models import Lang
from founder_check.phrases import Phrases
from founder_check.report.hanging import hanging

MAX_ANSWER = 300  # characters of an answer shown: cuts long free text, never an option label

_WORDS = Phrases(
    {
        "title": ("Progress between assessments", "两次评估之间的进展"),
        "undated": ("undated", "未注明日期"),
        "overall": ("Overall score", "总分"),
        "level": ("Readiness level", "成熟度等级"),
        "level_same": ("{level} (unchanged)", "{level}（未变）"),
        "stage": ("Stage", "阶段"),
        "stage_points": (
            "the change of stage alone: {points} points",
            "仅阶段变化带来 {points} 分",
        ),
        "factors": ("Success factors", "成功要素"),
        "factor": ("Factor", "要素"),
        "before": ("Before", "之前"),
        "now": ("Now", "现在"),
        "change": ("Change", "变化"),
        "changes": ("Answers that changed", "有变化的回答"),
        "no_changes": ("No answer changed.", "没有回答发生变化。"),
        "question": ("Question", "问题"),
        "points": ("Points", "分数"),
        "not_answered": ("(not answered)", "（未作答）"),
        "skipped": ("(skipped)", "（已跳过）"),
        "not_applicable": ("(does not apply)", "（不适用）"),
        "points_note": (
            "Points: what each change moved the overall score, applying the changes one at a "
            "time in questionnaire order at the stage of this assessment; they add up to the "
            "change of the overall score{stage}.",
            "分数：按问卷顺序逐项应用这些变化、并按本次评估的阶段计分时，每项变化使总分变动的"
            "分数；各项相加{stage}即为总分的变化。",
        ),
        "points_note_stage": (
            " together with the change of stage",
            "（连同阶段变化）",
        ),
        "flags": ("Red flags", "红旗警示"),
        "flags_none": ("No red flag raised or cleared.", "没有新增或解除的红旗警示。"),
        "cleared": ("Cleared", "已解除"),
        "raised": ("New", "新出现"),
        "plan": (
            "Next steps of the earlier report: {done} of {total} done",
            "上次报告的下一步：{total} 项中已完成 {done} 项",
        ),
        "aim": ("The answer to reach", "目标回答"),
        "field": ("{name}: ", "{name}："),
        "aside": (" ({text})", "（{text}）"),
    }
)


def render_comparison(comparison: Comparison, console: Console) -> None:
    """Print the whole comparison: header, factors, changed answers, red flags, plan."""
    console.print(_header(comparison))
    console.print(_factors(comparison))
    console.print(_changes(comparison))
    console.print(_flags(comparison))
    plan = _plan(comparison)
    if plan is not None:
        console.print(plan)


def signed(points: float | None) -> str:
    """A change of score with its sign: "+8.3", "-2.5", "0.0"."""
    if points is None:
        return "—"
    return "0.0" if abs(points) < 0.05 else f"{points:+.1f}"


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
    table = Table(title=_WORDS("factors", lang), title_justify="left")
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


def _changes(comparison: Comparison) -> Table | Text:
    lang = comparison.lang
    if not comparison.changes:
        return Text(_WORDS("no_changes", lang), style="dim")
    table = Table(
        title=_WORDS("changes", lang),
        title_justify="left",
        caption=_WORDS(
            "points_note",
            lang,
            stage=_WORDS("points_note_stage", lang)
            if comparison.stage.old.id != comparison.stage.new.id
            else "",
        ),
        caption_justify="left",
        expand=True,
    )
    table.add_column(_WORDS("question", lang), ratio=5, overflow="fold")
    table.add_column(_WORDS("before", lang), ratio=3, overflow="fold")
    table.add_column(_WORDS("now", lang), ratio=3, overflow="fold")
    table.add_column(_WORDS("points", lang), justify="right", no_wrap=True)
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
    table = Table(
        title=_WORDS("plan", lang, done=done, total=len(steps)),
        title_justify="left",
        expand=True,
    )
    table.add_column("", no_wrap=True)
    table.add_column(_WORDS("question", lang), ratio=3, overflow="fold")
    table.add_column(_WORDS("aim", lang), ratio=2, overflow="fold")
    for step in steps:
        mark = Text("✓", style="green") if step.done else Text("·", style="dim")
        target = Text(step.target_label, style="green" if step.done else "")
        table.add_row(mark, Text(step.text), target)
    return table
