"""The report as Markdown, to share with co-founders and advisors or paste into a document;
drawn from the same plain-words view as the terminal report.

Written to read the same in CommonMark (markdown-it, GitHub), pandoc and Python-Markdown,
which differ at the edges: every list starts after a blank line (Python-Markdown does not let
a list interrupt a paragraph), and an item's nested lines are indented by the width of its
marker and never fewer than four spaces (CommonMark nests under the marker's width, so "10. "
needs four; Python-Markdown nests only at four). `tests/test_markdown_renderers.py` renders
reports with all three and compares their structure.
"""

from __future__ import annotations

from founder_check.base.text_safety import visible
from founder_check.content.models import Lang
from founder_check.report.labels import aside, colon, field, heading, joined, label
from founder_check.report.view import FlagView, NextStepsView, ReportView

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


def nested(marker: str) -> str:
    """The indent of the lines nested in a list item that starts with `marker` ("1. ",
    "- "): the marker's width, at least four spaces (see the module's docstring)."""
    return " " * max(4, len(marker))


def view_markdown(view: ReportView) -> str:
    lang = view.lang
    title = f"{view.title}{colon(lang)}{user_text(view.who)}" if view.who else view.title
    lines = [f"# {title}", ""]
    lines.append(f"- {field('stage', lang)}{view.stage}")
    lines.append(f"- {field('date', lang)}{view.date}")
    overall = f"- {field('overall', lang)}**{view.overall:.1f} / 100**"
    if view.flag_points:
        overall += aside(label("flag_points_total", lang, points=view.flag_points), lang)
    lines.append(overall)
    lines.append(f"- {field('level', lang)}**{view.level}**")
    lines.append(f"- {field('confidence', lang)}{view.confidence}")
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
        figures = f"{factor.score_text} | {factor.target_text} | {factor.gap_text}"
        lines.append(f"| {_cell(factor.name)} | {figures} | {factor.share} |")
    lines += ["", f"## {label('gaps', lang)}", ""]
    if not view.gaps:
        lines.append(view.no_gaps)
    for rank, gap in enumerate(view.gaps, start=1):
        points = aside(f"+{gap.points:.1f} {label('points', lang)}", lang)
        lines.append(f"{rank}. **{gap.question}**{points}")
        pad = nested(f"{rank}. ")
        lines.append(f"{pad}- {field('your_answer', lang)}{gap.answer}")
        lines.append(f"{pad}- {field('strong', lang)}{gap.strong}")
        lines.append(f"{pad}- {field('read', lang)}{joined(gap.reading, lang)}")
    if view.to_find_out:
        lines += ["", f"## {label('to_find_out', lang)}", "", label("to_find_out_intro", lang), ""]
        for rank, (question, reading) in enumerate(view.to_find_out, start=1):
            lines.append(f"{rank}. **{question}**")
            if reading:
                lines.append(f"{nested(f'{rank}. ')}- {field('read', lang)}{joined(reading, lang)}")
    lines += ["", f"## {label('strengths', lang)}", ""]
    if not view.strengths:
        lines.append(label("no_strengths", lang))
    lines += [f"- {question} **{answer}**" for question, answer in view.strengths]
    if view.reading:
        lines += ["", f"## {label('reading', lang)}", ""]
        for document in view.reading:
            lines += [f"### {document.title}", ""]
            for chapter in document.chapters:
                lines.append(f"- **{chapter.section}**{colon(lang)}{chapter.lesson}")
                if chapter.why:
                    why = joined(chapter.why, lang)
                    lines.append(f"{nested('- ')}- {field('because_of', lang)}{why}")
            lines.append("")
        lines.append(f"_{label('reading_note', lang)}_")
    lines += ["", f"## {label('coverage', lang)}", "", view.coverage[0]]
    if view.coverage[1:]:
        lines.append("")
    lines += [f"- {line}" for line in view.coverage[1:]]
    lines += ["", f"<sub>{view.footer}</sub>"]
    return "\n".join(lines) + "\n"


def _next_steps(view: ReportView, steps: NextStepsView) -> list[str]:
    lang = view.lang
    lines = [f"## {label('next_steps', lang).format(level=steps.level)}", ""]
    if steps.needs:
        lines += [label("next_level_needs", lang, level=steps.level), ""]
        lines += [f"- {need}" for need in steps.needs]
        # a paragraph between the two lists: Python-Markdown joins adjacent lists into one
        lines += ["", label("next_steps_how", lang), ""]
    for number, step in enumerate(steps.steps, start=1):
        points = aside(f"{step.points_text} {label('points', lang)}", lang)
        lines.append(f"{number}. **{step.question}**{points}")
        pad = nested(f"{number}. ")
        lines.append(f"{pad}- {field('from_to', lang)}{step.current} → {step.target}")
        if step.unlocks:
            lines.append(f"{pad}- {label('unlocks', lang, level=step.unlocks)}")
        if step.action:
            action = step.action
            if step.horizon_days:
                action += aside(label("within_days", lang, days=step.horizon_days), lang)
            lines.append(f"{pad}- {field('action', lang)}{action}")
        if step.reading:
            lines.append(f"{pad}- {field('read', lang)}{joined(step.reading, lang)}")
    if steps.note:
        lines += ["", f"*{steps.note}*"]
    lines.append("")
    return lines


def _flag(flag: FlagView, lang: Lang) -> list[str]:
    title = f"### {flag.severity_label}{colon(lang)}{flag.title}"
    if flag.points:
        title += aside(label("flag_points", lang, points=flag.points), lang)
    lines = [title, "", flag.explanation, ""]
    if flag.because:
        lines.append(f"- {field('because', lang)}{flag.because}")
    if flag.answers:
        lines.append(f"- {heading('your_answers', lang)}")
    for question, answer in flag.answers:
        lines.append(f"{nested('- ')}- {question} → **{answer}**")
    lines.append(f"- {field('action', lang)}{flag.action}")
    lines.append(f"- {field('cases', lang)}{joined(flag.cases, lang)}")
    lines.append(f"- {field('read', lang)}{joined(flag.reading, lang)}")
    lines.append("")
    return lines
