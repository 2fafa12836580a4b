"""The report as Markdown, to share with co-founders and advisors or paste into a document."""

from __future__ import annotations

from founder_check.report.labels import answered_of, label, weight_share
from founder_check.report.next_level import next_level_lines
from founder_check.scorecard import Scorecard


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _to_find_out(card: Scorecard) -> list[str]:
    """The "not sure" answers as a section of things to find out; none, no section."""
    if not card.to_find_out:
        return []
    lang = card.lang
    lines = ["", f"## {label('to_find_out', lang)}", "", label("to_find_out_intro", lang), ""]
    for rank, entry in enumerate(card.to_find_out, start=1):
        lines.append(f"{rank}. **{entry.text}**")
        if entry.chapters:
            chapters = ", ".join(f"{ref} {card.chapters[ref].title}" for ref in entry.chapters)
            lines.append(f"   - {label('read', lang)}: {chapters}")
    return lines


def scorecard_markdown(card: Scorecard) -> str:
    lang = card.lang
    lines: list[str] = []
    who = " · ".join(x for x in (card.subject.founder, card.subject.company) if x)
    lines.append(f"# {label('title', lang)}{': ' + who if who else ''}")
    lines.append("")
    lines.append(f"- {label('stage', lang)}: {card.stage.name}")
    overall = f"- {label('overall', lang)}: **{card.overall:.1f} / 100**"
    if card.red_flag_points:
        cost = label("flag_points_total", lang).format(points=abs(card.red_flag_points))
        overall += f" ({cost})"
    lines.append(overall)
    lines.append(f"- {label('level', lang)}: **{card.level.name}**")
    coverage = card.coverage
    answered = answered_of(coverage, lang)
    lines.append(f"- {label('confidence', lang)}: {label(coverage.confidence, lang)} ({answered})")
    lines += ["", f"_{card.level.description}_", ""]
    found = next_level_lines(card)
    if found is not None:
        title, needed = found
        lines.append(title)
        lines += [f"- {line}" for line in needed]
        lines.append("")
    lines += [f"## {label('red_flags', lang)}", ""]
    if not card.red_flags:
        lines.append(label("no_red_flags", lang))
    for hit in card.red_flags:
        title = f"### {label('severity_' + hit.severity, lang)}: {hit.title}"
        if hit.points:
            title += f" ({label('flag_points', lang).format(points=abs(hit.points))})"
        lines.append(title)
        lines += ["", hit.explanation, ""]
        if hit.evidence:
            evidence = "; ".join(f"`{e.question}` = {e.answer_label}" for e in hit.evidence)
            lines.append(f"- {label('evidence', lang)}: {evidence}")
        lines.append(f"- {label('action', lang)}: {hit.action}")
        lines.append(f"- {label('cases', lang)}: {'; '.join(hit.cases)}")
        lines.append(f"- {label('read', lang)}: {', '.join(hit.chapters)}")
        lines.append("")
    lines += ["", f"## {label('factors', lang)}", ""]
    lines.append(
        f"| {label('factor', lang)} | {label('score', lang)} | {label('target', lang)} | "
        f"{label('gap', lang)} | {label('weight', lang)} |"
    )
    lines.append("|---|---:|---:|---:|---:|")
    for factor in card.factors:
        score = "—" if factor.score is None else f"{factor.score:.0f}"
        target = "—" if factor.target is None else f"{factor.target:.0f}"
        shortfall = "—" if factor.gap is None else f"{factor.gap:.0f}"
        weight = weight_share(factor.weight, card.factors)
        lines.append(f"| {_cell(factor.name)} | {score} | {target} | {shortfall} | {weight} |")
    lines += ["", f"## {label('gaps', lang)}", ""]
    if not card.gaps:
        lines.append(label("no_gaps", lang))
    for rank, gap in enumerate(card.gaps[:10], start=1):
        strong = " / ".join(gap.best_options)
        lines.append(f"{rank}. **{gap.text}** (`{gap.question}`, +{gap.shortfall:.1f})")
        lines.append(f"   - {label('your_answer', lang)}: {gap.answer_label}")
        lines.append(f"   - {label('strong', lang)}: {strong}")
        chapters = ", ".join(f"{ref} {card.chapters[ref].title}" for ref in gap.chapters)
        lines.append(f"   - {label('read', lang)}: {chapters}")
    lines += _to_find_out(card)
    lines += ["", f"## {label('strengths', lang)}", ""]
    if not card.strengths:
        lines.append(label("no_strengths", lang))
    lines += [f"- {s.text} **{s.answer_label}**" for s in card.strengths]
    lines += ["", f"## {label('reading', lang)}", ""]
    for chapter in card.recommended_chapters:
        lines.append(
            f"- **{chapter.ref} {chapter.title}** ({chapter.doc_title}): {chapter.summary}"
        )
    lines += ["", f"## {label('coverage', lang)}", "", answered]
    for key, ids in (
        ("skipped", coverage.skipped),
        ("not_applicable", coverage.not_applicable),
        ("not_expected", coverage.not_expected),
    ):
        if ids:
            lines.append(f"- {label(key, lang)}: {', '.join(f'`{i}`' for i in ids)}")
    lines += [
        "",
        f"<sub>{label('content', lang)}: {card.content.name} {card.content.version} · "
        f"{card.tool.name} {card.tool.version}</sub>",
    ]
    return "\n".join(lines) + "\n"
