"""The rich terminal report of one scorecard.

`render(scorecard, console)` prints to the console it is given, so tests can pass
`Console(file=io.StringIO(), width=100)` and the CLI its own.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from founder_check.report.labels import answered_of, label, weight_share
from founder_check.report.next_level import next_level_lines
from founder_check.scorecard import FactorScore, Scorecard

BAR_WIDTH = 20
TOP_GAPS = 5
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


def render(scorecard: Scorecard, console: Console) -> None:
    """Print the whole report: header, red flags, factors, gaps, what to find out, strengths,
    reading, coverage."""
    lang = scorecard.lang
    console.print(_header(scorecard))
    console.print(_red_flags(scorecard))
    next_gate = _next_gate(scorecard)
    if next_gate is not None:
        console.print(next_gate)
    console.print(_factors(scorecard))
    console.print(_gaps(scorecard))
    if scorecard.to_find_out:
        console.print(_to_find_out(scorecard))
    console.print(_strengths(scorecard))
    console.print(_reading(scorecard))
    console.print(_coverage(scorecard))
    console.print(
        Text(
            f"{label('content', lang)}: {scorecard.content.name} {scorecard.content.version} · "
            f"{scorecard.tool.name} {scorecard.tool.version}",
            style="dim",
        )
    )


def _header(card: Scorecard) -> Panel:
    lang = card.lang
    lines = Text()
    who = [x for x in (card.subject.founder, card.subject.company) if x]
    stage = card.stage.name
    if card.stage.source == "default":
        stage += f" ({label('stage_default', lang)})"
    lines.append(f"{' · '.join(who) + ' · ' if who else ''}{label('stage', lang)}: {stage}\n")
    lines.append(f"{label('overall', lang)}: ", style="bold")
    lines.append(f"{card.overall:.1f} / 100", style="bold cyan")
    if card.red_flag_points:
        cost = label("flag_points_total", lang).format(points=abs(card.red_flag_points))
        lines.append(f" ({cost})", style="red")
    lines.append(f"    {label('level', lang)}: ", style="bold")
    lines.append(card.level.name, style="bold magenta")
    coverage = card.coverage
    lines.append(
        f"\n{label('confidence', lang)}: {label(coverage.confidence, lang)} ("
        f"{answered_of(coverage, lang)})"
    )
    lines.append(f"\n{card.level.description}", style="italic")
    return Panel(lines, title=label("title", lang), title_align="left", border_style="cyan")


def _red_flags(card: Scorecard) -> Panel | Text:
    lang = card.lang
    if not card.red_flags:
        return Text(label("no_red_flags", lang), style="green")
    parts = []
    for hit in card.red_flags:
        text = Text()
        severity = label("severity_" + hit.severity, lang)
        text.append(f" {severity} ", style=SEVERITY_STYLE[hit.severity])
        text.append(f" {hit.title}", style="bold")
        if hit.points:
            cost = label("flag_points", lang).format(points=abs(hit.points))
            text.append(f"  ({cost})", style="red")
        text.append("\n")
        text.append(f"{hit.explanation}\n")
        if hit.evidence:
            answers = "; ".join(f"{e.question} = {e.answer_label}" for e in hit.evidence)
            text.append(f"{label('evidence', lang)}: ", style="dim")
            text.append(f"{answers}\n")
        text.append(f"{label('action', lang)}: ", style="bold")
        text.append(f"{hit.action}\n")
        text.append(f"{label('cases', lang)}: {'; '.join(hit.cases)}\n", style="dim")
        text.append(f"{label('read', lang)}: {', '.join(hit.chapters)}", style="dim")
        parts.append(text)
    return Panel(
        Group(*parts), title=label("red_flags", lang), title_align="left", border_style="red"
    )


def _next_gate(card: Scorecard) -> Group | None:
    """What the level above still needs: the score, the red flags and the must-haves."""
    found = next_level_lines(card)
    if found is None:
        return None
    title, needed = found
    items = Table.grid(padding=(0, 1))
    items.add_column(no_wrap=True)
    items.add_column()
    for line in needed:
        items.add_row(" •", line)
    return Group(Text(title, style="bold"), items)


def _factors(card: Scorecard) -> Table:
    lang = card.lang
    table = Table(title=label("factors", lang), title_justify="left", expand=False)
    table.add_column(label("factor", lang))
    table.add_column(label("score", lang), justify="right")
    table.add_column("", no_wrap=True)
    table.add_column(label("target", lang), justify="right")
    table.add_column(label("gap", lang), justify="right")
    table.add_column(label("weight", lang), justify="right")
    for factor in sorted(card.factors, key=_factor_order):
        table.add_row(
            factor.name,
            f"{factor.score:.0f}"
            if factor.score is not None
            else Text(label("not_covered", lang), style="dim"),
            bar(factor.score, factor.target),
            "—" if factor.target is None else f"{factor.target:.0f}",
            Text(f"{factor.gap:.0f}", style="red")
            if factor.gap
            else Text("0", style="green")
            if factor.gap is not None
            else "—",
            weight_share(factor.weight, card.factors),
        )
    return table


def _factor_order(factor: FactorScore) -> tuple[float, str]:
    return (-(factor.gap or 0.0), factor.id)


def _gaps(card: Scorecard) -> Panel | Text:
    """The largest gaps as a numbered list: it stays readable in an 80-column terminal."""
    lang = card.lang
    if not card.gaps:
        return Text(label("no_gaps", lang), style="green")
    body = Text()
    for rank, gap in enumerate(card.gaps[:TOP_GAPS], start=1):
        if rank > 1:
            body.append("\n\n")
        body.append(f"{rank}. ", style="bold")
        body.append(gap.text, style="bold")
        body.append(
            f"  (+{gap.shortfall:.1f} {label('points', lang)}; {gap.question})\n", style="dim"
        )
        body.append(f"   {label('your_answer', lang)}: ", style="dim")
        body.append(f"{gap.answer_label}\n", style="yellow")
        strong = " / ".join(gap.best_options)
        body.append(f"   {label('strong', lang)}: ", style="dim")
        body.append(f"{strong}\n", style="green")
        body.append(f"   {label('read', lang)}: ", style="dim")
        body.append(", ".join(f"{ref} {card.chapters[ref].title}" for ref in gap.chapters))
    return Panel(body, title=label("gaps", lang), title_align="left", border_style="yellow")


def _to_find_out(card: Scorecard) -> Panel:
    """The questions answered "not sure", as things to find out: the question and where to
    read about it (the ids stay in the scorecard)."""
    lang = card.lang
    body = Text(label("to_find_out_intro", lang), style="italic")
    for rank, entry in enumerate(card.to_find_out, start=1):
        body.append(f"\n\n{rank}. ", style="bold")
        body.append(entry.text, style="bold")
        if entry.chapters:
            body.append(f"\n   {label('read', lang)}: ", style="dim")
            body.append(", ".join(f"{ref} {card.chapters[ref].title}" for ref in entry.chapters))
    return Panel(body, title=label("to_find_out", lang), title_align="left", border_style="blue")


def _strengths(card: Scorecard) -> Table | Text:
    lang = card.lang
    if not card.strengths:
        return Text(label("no_strengths", lang), style="dim")
    table = Table(title=label("strengths", lang), title_justify="left")
    table.add_column(label("question", lang), ratio=3)
    table.add_column(label("your_answer", lang), ratio=2)
    for strength in card.strengths:
        table.add_row(strength.text, Text(strength.answer_label, style="green"))
    return table


def _reading(card: Scorecard) -> Panel | Text:
    """Recommended chapters grouped by document, each with why it is recommended."""
    lang = card.lang
    if not card.recommended_chapters:
        return Text("")
    body = Text()
    current_doc = None
    for chapter in card.recommended_chapters:
        if chapter.doc != current_doc:
            if current_doc is not None:
                body.append("\n")
            body.append(f"{chapter.doc} {chapter.doc_title}\n", style="bold cyan")
            current_doc = chapter.doc
        body.append(f"  §{chapter.section} ", style="bold")
        body.append(f"{chapter.title}", style="bold")
        body.append(f"  ← {', '.join(chapter.reasons)}\n", style="dim")
        body.append(f"    {chapter.summary}\n")
    body.rstrip()
    return Panel(body, title=label("reading", lang), title_align="left", border_style="cyan")


def _coverage(card: Scorecard) -> Text:
    lang = card.lang
    coverage = card.coverage
    text = Text(f"{label('coverage', lang)}: ", style="bold")
    text.append(answered_of(coverage, lang))
    for key, ids in (
        ("skipped", coverage.skipped),
        ("not_applicable", coverage.not_applicable),
        ("not_expected", coverage.not_expected),
    ):
        if ids:
            text.append(f"\n{label(key, lang)}: ", style="dim")
            text.append(", ".join(ids), style="dim")
    return text
