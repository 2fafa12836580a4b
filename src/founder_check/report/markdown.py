"""The report as Markdown, to share with co-founders and advisors or paste into a document;
drawn from the same plain-words view as the terminal report."""

from __future__ import annotations

from founder_check.content.models import Lang
from founder_check.report.labels import label
from founder_check.report.view import FlagView, NextStepsView, ReportView
from founder_check.text_safety import visible

_MARKDOWN_PUNCTUATION = "\\`*_{}[]()#+-.!|~"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def user_text(text: str) -> str:
    """Text a user typed (a founder or company name), made inert in Markdown: HTML is
    escaped and every Markdown punctuation mark backslash-escaped, so a name can neither
    become a tag or a link nor break a heading, in any CommonMark renderer."""
    text = " ".join(visible(text).split())  # control characters shown; one line
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join(f"\\{char}" if char in _MARKDOWN_PUNCTUATION else char for char in text)


def view_markdown(view: ReportView) -> str:
    lang = view.lang
    lines = [f"# {view.title}{': ' + user_text(view.who) if view.who else ''}", ""]
    lines.append(f"- {label('stage', lang)}: {view.stage}")
    lines.append(f"- {label('date', lang)}: {view.date}")
    overall = f"- {label('overall', lang)}: **{view.overall:.1f} / 100**"
    if view.flag_points:
        overall += f" ({label('flag_points_total', lang).format(points=view.flag_points)})"
    lines.append(overall)
    lines.append(f"- {label('level', lang)}: **{view.level}**")
    lines.append(f"- {label('confidence', lang)}: {view.confidence}")
    lines += ["", f"_{view.level_description}_", ""]
    if view.next_steps is not None:
        lines += _next_steps(view, view.next_steps)
    lines += [f"## {label('red_flags', lang)}", ""]
    if not view.flags:
        lines.append(label("no_red_flags", lang))
    for flag in view.flags:
        lines += _flag(flag, lang)
    lines += ["", f"## {label('factors', lang)}", ""]
    lines.append(
        f"| {label('factor', lang)} | {label('score', lang)} | {label('target', lang)} | "
        f"{label('gap', lang)} | {label('weight', lang)} |"
    )
    lines.append("|---|---:|---:|---:|---:|")
    for factor in view.factors:
        score = "—" if factor.score is None else f"{factor.score:.0f}"
        target = "—" if factor.target is None else f"{factor.target:.0f}"
        short = "—" if factor.gap is None else f"{factor.gap:.0f}"
        lines.append(f"| {_cell(factor.name)} | {score} | {target} | {short} | {factor.share} |")
    lines += ["", f"## {label('gaps', lang)}", ""]
    if not view.gaps:
        lines.append(label("no_gaps", lang))
    for rank, gap in enumerate(view.gaps, start=1):
        lines.append(f"{rank}. **{gap.question}** (+{gap.points:.1f} {label('points', lang)})")
        lines.append(f"   - {label('your_answer', lang)}: {gap.answer}")
        lines.append(f"   - {label('strong', lang)}: {gap.strong}")
        lines.append(f"   - {label('read', lang)}: {'; '.join(gap.reading)}")
    if view.to_find_out:
        lines += ["", f"## {label('to_find_out', lang)}", "", label("to_find_out_intro", lang), ""]
        for rank, (question, reading) in enumerate(view.to_find_out, start=1):
            lines.append(f"{rank}. **{question}**")
            if reading:
                lines.append(f"   - {label('read', lang)}: {'; '.join(reading)}")
    lines += ["", f"## {label('strengths', lang)}", ""]
    if not view.strengths:
        lines.append(label("no_strengths", lang))
    lines += [f"- {question} **{answer}**" for question, answer in view.strengths]
    if view.reading:
        lines += ["", f"## {label('reading', lang)}", ""]
        for document in view.reading:
            lines += [f"### {document.title}", ""]
            for chapter in document.chapters:
                lines.append(f"- **{chapter.section}**: {chapter.lesson}")
                if chapter.why:
                    lines.append(f"  - {label('because_of', lang)}: {'; '.join(chapter.why)}")
            lines.append("")
        lines.append(f"_{label('reading_note', lang)}_")
    lines += ["", f"## {label('coverage', lang)}", "", view.coverage[0]]
    lines += [f"- {line}" for line in view.coverage[1:]]
    lines += ["", f"<sub>{view.footer}</sub>"]
    return "\n".join(lines) + "\n"


def _next_steps(view: ReportView, steps: NextStepsView) -> list[str]:
    lang = view.lang
    lines = [f"## {label('next_steps', lang).format(level=steps.level)}", ""]
    if steps.needs:
        lines.append(label("next_level_needs", lang).format(level=steps.level))
        lines += [f"- {need}" for need in steps.needs]
        lines.append("")
    for number, step in enumerate(steps.steps, start=1):
        lines.append(f"{number}. **{step.question}** (+{step.points:.1f} {label('points', lang)})")
        lines.append(f"   - {label('from_to', lang)}: {step.current} → {step.target}")
        if step.unlocks:
            lines.append(f"   - {label('unlocks', lang).format(level=step.unlocks)}")
        if step.action:
            action = step.action
            if step.horizon_days:
                action += f" ({label('within_days', lang).format(days=step.horizon_days)})"
            lines.append(f"   - {label('action', lang)}: {action}")
        if step.reading:
            lines.append(f"   - {label('read', lang)}: {'; '.join(step.reading)}")
    lines.append("")
    return lines


def _flag(flag: FlagView, lang: Lang) -> list[str]:
    title = f"### {flag.severity_label}: {flag.title}"
    if flag.points:
        title += f" ({label('flag_points', lang).format(points=flag.points)})"
    lines = [title, "", flag.explanation, ""]
    if flag.because:
        lines.append(f"- {label('because', lang)}: {flag.because}")
    if flag.answers:
        lines.append(f"- {label('your_answers', lang)}:")
    for question, answer in flag.answers:
        lines.append(f"  - {question} → **{answer}**")
    lines.append(f"- {label('action', lang)}: {flag.action}")
    lines.append(f"- {label('cases', lang)}: {'; '.join(flag.cases)}")
    lines.append(f"- {label('read', lang)}: {'; '.join(flag.reading)}")
    lines.append("")
    return lines
