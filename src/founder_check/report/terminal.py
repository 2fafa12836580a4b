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
from founder_check.report.labels import label
from founder_check.report.view import FlagView, NextStepsView, ReportView

BAR_WIDTH = 20
SEVERITY_STYLE = {"critical": "bold white on red", "major": "bold red", "minor": "yellow"}


def bar(score: float | None, target: float | None) -> Text:
    """A text bar of a 0-100 score, green when it meets its target, yellow or red below."""
    if score is None:
        return Text("·" * BAR_WIDTH, style="dim")
    filled = round(score / 100 * BAR_WIDTH)
    if target is None or score >= target:
        style = "green"
    elif score >= target - 15:
        style = "yellow"
    else:
        style = "red"
    return Text("█" * filled, style=style) + Text("░" * (BAR_WIDTH - filled), style="dim")


def render(view: ReportView, console: Console) -> None:
    """Print the whole report: header, next steps, red flags, factors, gaps, what to find
    out, strengths, reading, coverage."""
    console.print(_header(view))
    if view.next_steps is not None:
        console.print(_next_steps(view, view.next_steps))
    console.print(_red_flags(view))
    console.print(_factors(view))
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
    lines.append(
        f"{who}{label('stage', lang)}: {view.stage} · {label('date', lang)}: {view.date}\n"
    )
    lines.append(f"{label('overall', lang)}: ", style="bold")
    lines.append(f"{view.overall:.1f} / 100", style="bold cyan")
    if view.flag_points:
        cost = label("flag_points_total", lang).format(points=view.flag_points)
        lines.append(f" ({cost})", style="red")
    lines.append(f"    {label('level', lang)}: ", style="bold")
    lines.append(view.level, style="bold magenta")
    lines.append(f"\n{label('confidence', lang)}: {view.confidence}")
    lines.append(f"\n{view.level_description}", style="italic")
    return Panel(lines, title=view.title, title_align="left", border_style="cyan")


def _next_steps(view: ReportView, steps: NextStepsView) -> Panel:
    """The plan to the next level first: what to do on Monday, not only what is missing."""
    lang = view.lang
    body = Text()
    if steps.needs:
        body.append(f"{label('next_level_needs', lang).format(level=steps.level)}\n", style="bold")
        for need in steps.needs:
            body.append(f" • {need}\n")
    for number, step in enumerate(steps.steps, start=1):
        body.append(f"\n{'' if number == 1 else chr(10)}{number}. ", style="bold")
        body.append(step.question, style="bold")
        body.append(f"  (+{step.points:.1f} {label('points', lang)})", style="green")
        body.append(f"\n   {label('from_to', lang)}: ", style="dim")
        body.append(step.current, style="yellow")
        body.append(" → ", style="dim")
        body.append(step.target, style="green")
        if step.unlocks:
            body.append(
                f"\n   {label('unlocks', lang).format(level=step.unlocks)}", style="magenta"
            )
        if step.action:
            body.append(f"\n   {label('action', lang)}: ", style="bold")
            body.append(step.action)
            if step.horizon_days:
                body.append(f" ({label('within_days', lang).format(days=step.horizon_days)})")
        if step.reading:
            body.append(f"\n   {label('read', lang)}: ", style="dim")
            body.append("; ".join(step.reading))
    title = label("next_steps", lang).format(level=steps.level)
    return Panel(body, title=title, title_align="left", border_style="magenta")


def _red_flags(view: ReportView) -> Panel | Text:
    lang = view.lang
    if not view.flags:
        return Text(label("no_red_flags", lang), style="green")
    parts: list[RenderableType] = [_flag(flag, lang) for flag in view.flags]
    return Panel(
        Group(*parts), title=label("red_flags", lang), title_align="left", border_style="red"
    )


def _flag(flag: FlagView, lang: Lang) -> Text:
    text = Text()
    text.append(f" {flag.severity_label} ", style=SEVERITY_STYLE[flag.severity])
    text.append(f" {flag.title}", style="bold")
    if flag.points:
        cost = label("flag_points", lang).format(points=flag.points)
        text.append(f"  ({cost})", style="red")
    text.append(f"\n{flag.explanation}\n")
    if flag.because:
        text.append(f"{label('because', lang)}: ", style="bold")
        text.append(f"{flag.because}\n")
    if flag.answers:
        text.append(f"{label('your_answers', lang)}:\n", style="dim")
    for question, answer in flag.answers:
        text.append(f"  • {question} ", style="dim")
        text.append(f"→ {answer}\n")
    text.append(f"{label('action', lang)}: ", style="bold")
    text.append(f"{flag.action}\n")
    text.append(f"{label('cases', lang)}: {'; '.join(flag.cases)}\n", style="dim")
    text.append(f"{label('read', lang)}: {'; '.join(flag.reading)}", style="dim")
    return text


def _factors(view: ReportView) -> Table:
    lang = view.lang
    table = Table(title=label("factors", lang), title_justify="left", expand=False)
    table.add_column(label("factor", lang))
    table.add_column(label("score", lang), justify="right")
    table.add_column("", no_wrap=True)
    table.add_column(label("target", lang), justify="right")
    table.add_column(label("gap", lang), justify="right")
    table.add_column(label("weight", lang), justify="right")
    for factor in view.factors:
        table.add_row(
            factor.name,
            "—" if factor.score is None else f"{factor.score:.0f}",
            bar(factor.score, factor.target),
            "—" if factor.target is None else f"{factor.target:.0f}",
            "—" if factor.gap is None else f"{factor.gap:.0f}",
            factor.share,
        )
    return table


def _gaps(view: ReportView) -> Panel | Text:
    """The largest gaps as a numbered list: it stays readable in an 80-column terminal."""
    lang = view.lang
    if not view.gaps:
        return Text(label("no_gaps", lang), style="green")
    body = Text()
    for rank, gap in enumerate(view.gaps, start=1):
        if rank > 1:
            body.append("\n\n")
        body.append(f"{rank}. ", style="bold")
        body.append(gap.question, style="bold")
        body.append(f"  (+{gap.points:.1f} {label('points', lang)})\n", style="dim")
        body.append(f"   {label('your_answer', lang)}: ", style="dim")
        body.append(f"{gap.answer}\n", style="yellow")
        body.append(f"   {label('strong', lang)}: ", style="dim")
        body.append(f"{gap.strong}\n", style="green")
        body.append(f"   {label('read', lang)}: ", style="dim")
        body.append("; ".join(gap.reading))
    return Panel(body, title=label("gaps", lang), title_align="left", border_style="yellow")


def _to_find_out(view: ReportView) -> Panel:
    """The questions answered "not sure", as things to find out, with where to read."""
    lang = view.lang
    body = Text(label("to_find_out_intro", lang), style="italic")
    for rank, (question, reading) in enumerate(view.to_find_out, start=1):
        body.append(f"\n\n{rank}. ", style="bold")
        body.append(question, style="bold")
        if reading:
            body.append(f"\n   {label('read', lang)}: ", style="dim")
            body.append("; ".join(reading))
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
    body = Text()
    for number, document in enumerate(view.reading):
        if number:
            body.append("\n")
        body.append(f"{document.title}\n", style="bold cyan")
        for chapter in document.chapters:
            body.append(f"  {chapter.section}\n", style="bold")
            body.append(f"    {chapter.lesson}\n")
            if chapter.why:
                body.append(
                    f"    {label('because_of', lang)}: {'; '.join(chapter.why)}\n", style="dim"
                )
    body.append(f"\n{label('reading_note', lang)}", style="italic dim")
    return Panel(body, title=label("reading", lang), title_align="left", border_style="cyan")


def _coverage(view: ReportView) -> Text:
    lang = view.lang
    text = Text(f"{label('coverage', lang)}: ", style="bold")
    text.append(view.coverage[0])
    for line in view.coverage[1:]:
        text.append(f"\n{line}", style="dim")
    return text
