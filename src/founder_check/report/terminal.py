"""The rich terminal report of one scorecard, drawn from its plain-words view.

`render(view, console)` prints to the console it is given, so tests can pass
`Console(file=io.StringIO(), width=100)` and the CLI its own.
"""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from founder_check.content.models import Lang
from founder_check.report.hanging import bullets, hanging, indented, numbered
from founder_check.report.labels import aside, field, heading, joined, label
from founder_check.report.view import FlagView, GapView, NextStepsView, ReportView, StepView

BAR_WIDTH = 20
BAR_MIN = 8  # narrower, a bar says too little to be worth the room it takes
_TABLE_ROOM = 55  # the factor table's columns other than the bar, with a readable name


def bar_width(console_width: int) -> int:
    """The score bars' width on a console this wide: 20 cells where they fit, fewer on a
    narrow terminal, none where they would squeeze the factor names to a character or two."""
    width = min(BAR_WIDTH, console_width - _TABLE_ROOM)
    return width if width >= BAR_MIN else 0


SEVERITY_STYLE = {"critical": "bold white on red", "major": "bold red", "minor": "yellow"}


def badge(severity: str, name: str) -> Text:
    """A red flag's severity as a coloured badge, and the space after it."""
    return Text(f" {name} ", style=SEVERITY_STYLE[severity]) + " "


def bar(score: float | None, target: float | None, width: int = BAR_WIDTH) -> Text:
    """A text bar of a 0-100 score, green when it meets its target, yellow or red below."""
    if score is None:
        return Text("·" * width, style="dim")
    filled = round(score / 100 * width)
    if target is None or score >= target:
        style = "green"
    elif score >= target - 15:
        style = "yellow"
    else:
        style = "red"
    return Text("█" * filled, style=style) + Text("░" * (width - filled), style="dim")


def render(view: ReportView, console: Console) -> None:
    """Print the whole report: header, next steps, red flags, factors, gaps, what to find
    out, strengths, reading, coverage. Chinese wraps between characters on a
    `cjk_wrap.WrapConsole` (the CLI's console is one)."""
    console.print(_header(view))
    if view.next_steps is not None:
        console.print(_next_steps(view, view.next_steps))
    console.print(_red_flags(view))
    console.print(_factors(view, bar_width(console.width)))
    console.print(_gaps(view))
    if view.to_find_out:
        console.print(_to_find_out(view))
    console.print(_strengths(view))
    if view.reading:
        console.print(_reading(view))
    console.print(_coverage(view))
    console.print(Text(view.footer, style="dim"))


def _header(view: ReportView) -> Panel:
    lang = view.lang
    lines = Text()
    who = f"{view.who} · " if view.who else ""
    lines.append(f"{who}{field('stage', lang)}{view.stage} · {field('date', lang)}{view.date}\n")
    lines.append(field("overall", lang), style="bold")
    lines.append(f"{view.overall:.1f} / 100", style="bold cyan")
    if view.flag_points:
        cost = label("flag_points_total", lang).format(points=view.flag_points)
        lines.append(aside(cost, lang), style="red")
    lines.append(f"    {field('level', lang)}", style="bold")
    lines.append(view.level, style="bold magenta")
    lines.append(f"\n{field('confidence', lang)}{view.confidence}")
    lines.append(f"\n{view.level_description}", style="italic")
    return Panel(lines, title=view.title, title_align="left", border_style="cyan")


def _next_steps(view: ReportView, steps: NextStepsView) -> Panel:
    """The plan to the next level first: what to do on Monday, not only what is missing."""
    lang = view.lang
    parts: list[RenderableType] = []
    if steps.needs:
        needs = label("next_level_needs", lang).format(level=steps.level)
        parts += [Text(needs, style="bold"), bullets(steps.needs)]
    if steps.steps:
        if parts:
            parts.append(Text())
        parts.append(numbered([_step(step, lang) for step in steps.steps]))
    if steps.note:
        parts += [Text(), Text(steps.note, style="dim")]
    title = label("next_steps", lang).format(level=steps.level)
    return Panel(Group(*parts), title=title, title_align="left", border_style="magenta")


def _step(step: StepView, lang: Lang) -> Group:
    """One step of the plan: its question, then the change, action and reading below it."""
    question = Text(step.question, style="bold")
    points = aside(f"{step.points_text} {label('points', lang)}", lang, "  ")
    question.append(points, style="green" if step.gains else "yellow")
    change = _detail("from_to", step.current, lang, value_style="yellow")
    change.append(" → ", style="dim")
    change.append(step.target, style="green")
    lines = [question, change]
    if step.unlocks:
        lines.append(Text(label("unlocks", lang).format(level=step.unlocks), style="magenta"))
    if step.action:
        action = _detail("action", step.action, lang, label_style="bold")
        if step.horizon_days:
            action.append(aside(label("within_days", lang, days=step.horizon_days), lang))
        lines.append(action)
    if step.reading:
        lines.append(_detail("read", joined(step.reading, lang), lang))
    return Group(*lines)


def _detail(
    key: str, value: str, lang: Lang, *, label_style: str = "dim", value_style: str = ""
) -> Text:
    """One detail line of a list item: its label, then its value."""
    text = Text(field(key, lang), style=label_style)
    text.append(value, style=value_style)
    return text


def _red_flags(view: ReportView) -> Panel | Text:
    lang = view.lang
    if not view.flags:
        return Text(label("no_red_flags", lang), style="green")
    parts: list[RenderableType] = [_flag(flag, lang) for flag in view.flags]
    return Panel(
        Group(*parts), title=label("red_flags", lang), title_align="left", border_style="red"
    )


def _flag(flag: FlagView, lang: Lang) -> Group:
    """A red flag: its badge and title (wrapping after the badge), then its details."""
    title = Text(flag.title, style="bold")
    if flag.points:
        cost = label("flag_points", lang).format(points=flag.points)
        title.append(aside(cost, lang, "  "), style="red")
    mark = badge(flag.severity, flag.severity_label)
    lines: list[RenderableType] = [hanging([(mark, title)]), Text(flag.explanation)]
    if flag.because:
        lines.append(_detail("because", flag.because, lang, label_style="bold"))
    if flag.answers:
        lines.append(Text(heading("your_answers", lang), style="dim"))
        answers = [
            Text(f"{question} ", style="dim") + f"→ {answer}" for question, answer in flag.answers
        ]
        lines.append(bullets(answers, indent=2))
    lines.append(_detail("action", flag.action, lang, label_style="bold"))
    lines.append(Text(f"{field('cases', lang)}{joined(flag.cases, lang)}", style="dim"))
    lines.append(Text(f"{field('read', lang)}{joined(flag.reading, lang)}", style="dim"))
    return Group(*lines)


def _factors(view: ReportView, bar_cells: int = BAR_WIDTH) -> Table:
    """The factors against their targets, with a score bar of `bar_cells` (none if 0)."""
    lang = view.lang
    table = Table(title=label("factors", lang), title_justify="left", expand=False)
    table.add_column(label("factor", lang))
    table.add_column(label("score", lang), justify="right")
    if bar_cells:
        table.add_column("", no_wrap=True)
    table.add_column(label("target", lang), justify="right")
    table.add_column(label("gap", lang), justify="right")
    table.add_column(label("weight", lang), justify="right")
    for factor in view.factors:
        cells: list[RenderableType] = [
            factor.name,
            factor.score_text,
            factor.target_text,
            factor.gap_text,
            factor.share,
        ]
        if bar_cells:
            cells.insert(2, bar(factor.score, factor.target, bar_cells))
        table.add_row(*cells)
    return table


def _gaps(view: ReportView) -> Panel | Text:
    """The largest gaps as a numbered list: it stays readable in an 80-column terminal."""
    lang = view.lang
    if not view.gaps:
        return Text(view.no_gaps, style="green")
    body = numbered([_gap(gap, lang) for gap in view.gaps])
    return Panel(body, title=label("gaps", lang), title_align="left", border_style="yellow")


def _gap(gap: GapView, lang: Lang) -> Group:
    question = Text(gap.question, style="bold")
    question.append(aside(f"+{gap.points:.1f} {label('points', lang)}", lang, "  "), style="dim")
    return Group(
        question,
        _detail("your_answer", gap.answer, lang, value_style="yellow"),
        _detail("strong", gap.strong, lang, value_style="green"),
        _detail("read", joined(gap.reading, lang), lang),
    )


def _to_find_out(view: ReportView) -> Panel:
    """The questions answered "not sure", as things to find out, with where to read."""
    lang = view.lang
    items = [
        Group(
            Text(question, style="bold"),
            *([_detail("read", joined(reading, lang), lang)] if reading else []),
        )
        for question, reading in view.to_find_out
    ]
    body = Group(Text(label("to_find_out_intro", lang), style="italic"), Text(), numbered(items))
    return Panel(body, title=label("to_find_out", lang), title_align="left", border_style="blue")


def _strengths(view: ReportView) -> Table | Text:
    lang = view.lang
    if not view.strengths:
        return Text(label("no_strengths", lang), style="dim")
    table = Table(title=label("strengths", lang), title_justify="left")
    table.add_column(label("question", lang), ratio=3)
    table.add_column(label("your_answer", lang), ratio=2)
    for question, answer in view.strengths:
        table.add_row(question, Text(answer, style="green"))
    return table


def _reading(view: ReportView) -> Panel:
    """The chapters to read, by document: what each teaches and why it is recommended."""
    lang = view.lang
    parts: list[RenderableType] = []
    for document in view.reading:
        parts.append(Text(document.title, style="bold cyan"))
        for chapter in document.chapters:
            about: list[RenderableType] = [Text(chapter.lesson)]
            if chapter.why:
                why = f"{field('because_of', lang)}{joined(chapter.why, lang)}"
                about.append(Text(why, style="dim"))
            lines = Group(Text(chapter.section, style="bold"), indented(Group(*about), 2))
            parts.append(indented(lines, 2))
        parts.append(Text())
    parts.append(Text(label("reading_note", lang), style="italic dim"))
    return Panel(
        Group(*parts), title=label("reading", lang), title_align="left", border_style="cyan"
    )


def _coverage(view: ReportView) -> Table:
    """What the score covers; its lines, the list of skipped questions too, wrap after the
    label."""
    lines = [Text(view.coverage[0]), *(Text(line, style="dim") for line in view.coverage[1:])]
    return hanging([(Text(field("coverage", view.lang), style="bold"), Group(*lines))])
