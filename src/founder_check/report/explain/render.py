"""The terminal view of `founder-check explain ID`: renders the data `explain.explain` built.

Strings in the data are already in the chosen language; this module adds only headings.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from founder_check.content.models import UNKNOWN, Lang
from founder_check.report.explain.lookup import KINDS
from founder_check.report.hanging import bullets
from founder_check.report.labels import aside, colon, field, heading, joined, label
from founder_check.report.terminal import SEVERITY_STYLE

Data = dict[str, Any]


def render_explain(data: Data, lang: Lang, console: Console) -> None:
    """Print one explained id: a header panel, then the tables for its kind."""
    for part in _PRINTERS[data["kind"]](data, lang):
        console.print(part)
    if data.get("also"):
        also = ("、" if lang == "zh" else ", ").join(
            f"{label('explain_kind_' + a['kind'], lang)} {a['id']}" for a in data["also"]
        )
        console.print(Text(f"{field('explain_also', lang)}{also}", style="dim"))


def _header(data: Data, lang: Lang, title: str, body: RenderableType | None = None) -> Panel:
    heading = f"{label('explain_kind_' + data['kind'], lang)} · {data['id']}"
    content: RenderableType = Text(title, style="bold")
    if body is not None:
        content = Group(content, body)
    return Panel(content, title=heading, title_align="left", border_style="cyan")


def _line(key: str, value: str, lang: Lang) -> Text:
    text = Text(field(key, lang), style="bold")
    text.append(value)
    return text


def _ids(key: str, ids: list[str], lang: Lang) -> Text:
    return _line(key, ", ".join(ids) if ids else label("explain_none", lang), lang)


def _percent(share: float) -> str:
    return f"{share * 100:.1f}%"


def _chapters(chapters: list[Data], lang: Lang) -> Table:
    table = Table(title=label("explain_sources", lang), title_justify="left", show_header=False)
    table.add_column("§", no_wrap=True)
    table.add_column(label("read", lang))
    for chapter in chapters:
        body = Text(chapter.get("title", ""), style="bold")
        if chapter.get("document"):
            body.append(f"  {chapter['document']}", style="dim")
        table.add_row(chapter["ref"], body)
    return table


def _question(data: Data, lang: Lang) -> list[RenderableType]:
    lines = [Text(data["help"], style="italic")]
    optional = "" if data["required"] else f" · {label('explain_optional', lang)}"
    kind = data["type_name"] + optional
    lines.append(_line("explain_type", kind, lang))
    lines.append(
        _line(
            "explain_section", data["section"]["title"] + aside(data["section"]["id"], lang), lang
        )
    )
    if data["when"]:
        lines.append(_line("explain_when", data["when"]["text"], lang))
    if data["from_stage"]:
        lines.append(_line("explain_from_stage", data["from_stage"]["name"], lang))
    lines.append(_line("explain_value_rule", data["answers"]["rule"], lang))
    if data["action"]:
        lines.append(_action(data["action"], data["horizon_days"], lang))
    parts: list[RenderableType] = [_header(data, lang, data["text"], Group(*lines))]
    parts.append(_answers_table(data["answers"], lang))
    stage = data["stage"]["name"]
    if data["factors"]:
        table = Table(title=label("explain_feeds", lang), title_justify="left")
        table.add_column(label("factor", lang))
        table.add_column(label("weight", lang), justify="right")
        table.add_column(label("explain_share", lang).format(stage=stage), justify="right")
        for factor in data["factors"]:
            table.add_row(
                factor["name"] + aside(factor["id"], lang),
                f"{factor['weight']:g}",
                _percent(factor["share_of_overall"]),
            )
        parts.append(table)
        if data["scored_at_stage"]:
            total = label("explain_share", lang, stage=stage) + colon(lang)
            parts.append(
                Text(f"{total}{_percent(data['share_of_overall'])}", style="bold").append(
                    aside(label("explain_share_note", lang), lang), style="dim"
                )
            )
        else:
            parts.append(
                Text(label("explain_not_scored_at", lang).format(stage=stage), style="dim")
            )
    parts.append(_chapters(data["chapters"], lang))
    parts.append(_ids("explain_used_by_flags", data["red_flags"], lang))
    parts.append(_ids("explain_used_by_gates", data["gates"], lang))
    if data["decides_whether_asked"]:
        parts.append(_ids("explain_decides", data["decides_whether_asked"], lang))
    return parts


def _action(action: str, days: int | None, lang: Lang) -> Text:
    """What to do to improve the answer, and the time frame the next-steps plan quotes."""
    text = _line("action", action, lang)
    if days:
        within = label("within_days", lang).format(days=days)
        text.append(aside(within, lang), style="dim")
    return text


def _answers_table(answers: Data, lang: Lang) -> RenderableType:
    if "bands" in answers:
        table = Table(title=label("explain_answers", lang), title_justify="left")
        unit = answers.get("unit") or ""
        table.add_column(f"{unit}".strip() or "x")
        table.add_column(label("explain_answer_label", lang))
        table.add_column(label("explain_value", lang), justify="right")
        for band in answers["bands"]:
            table.add_row(f"{band['from']:g} – {band['to']:g}", band["label"], f"{band['value']:g}")
        _unknown_row(table, answers)
        return table
    if "options" not in answers:
        return Text("")
    table = Table(title=label("explain_answers", lang), title_justify="left")
    table.add_column(label("explain_id", lang), no_wrap=True)
    table.add_column(label("explain_answer_label", lang))
    table.add_column(label("explain_value", lang), justify="right")
    for option in answers["options"]:
        note = aside(label("explain_exclusive", lang), lang) if option.get("exclusive") else ""
        table.add_row(str(option["id"]), option.get("label", "") + note, f"{option['value']:g}")
    _unknown_row(table, answers)
    return table


def _unknown_row(table: Table, answers: Data) -> None:
    """The "not sure" answer of a scored question, as it is written and what it is worth."""
    unknown = answers.get("unknown")
    if unknown is not None:
        table.add_row(UNKNOWN, Text(unknown["label"], style="dim"), f"{unknown['value']:g}")


def _factor(data: Data, lang: Lang) -> list[RenderableType]:
    share = label("explain_share", lang, stage=data["stage"]["name"])
    share += colon(lang)
    body = Group(
        Text(data["description"], style="italic"),
        Text(f"{share}{_percent(data['share_of_overall'])}", style="bold"),
    )
    parts: list[RenderableType] = [_header(data, lang, data["name"], body)]
    stages = Table(title=label("explain_stages", lang), title_justify="left")
    stages.add_column(label("stage", lang))
    stages.add_column(label("weight", lang), justify="right")
    stages.add_column(label("target", lang), justify="right")
    for row in data["stages"]:
        target = "—" if row["target"] is None else f"{row['target']:g}"
        stages.add_row(row["name"] + aside(row["id"], lang), f"{row['weight']:g}", target)
    parts.append(stages)
    questions = Table(title=label("explain_questions", lang), title_justify="left")
    questions.add_column(label("question", lang), ratio=3)
    questions.add_column(label("weight", lang), justify="right")
    questions.add_column(label("explain_share_of_factor", lang), justify="right")
    for question in data["questions"]:
        notes = []
        if question["from_stage"]:
            notes.append(f"{field('explain_from_stage', lang)}{question['from_stage']}")
        if question["conditional"]:
            notes.append(label("explain_conditional", lang))
        cell = Text(question["text"]) + Text(f"\n{question['id']}", style="dim")
        if notes:
            cell.append(f" · {joined(notes, lang)}", style="dim")
        questions.add_row(cell, f"{question['weight']:g}", _percent(question["share_of_factor"]))
    parts.append(questions)
    parts.append(_chapters(data["chapters"], lang))
    parts.append(_ids("explain_used_by_flags", data["red_flags"], lang))
    return parts


def _red_flag(data: Data, lang: Lang) -> list[RenderableType]:
    severity = Text(
        f" {label('severity_' + data['severity'], lang)} ", style=SEVERITY_STYLE[data["severity"]]
    )
    cap = data["caps_level"]
    body = Group(
        severity,
        *([_line("because", data["because"], lang)] if data.get("because") else []),
        Text(data["explanation"]),
        _line("explain_triggered_when", data["when"]["text"], lang),
        _line("explain_caps", cap["name"], lang)
        if cap
        else Text(label("explain_no_cap", lang), style="dim"),
        _line("explain_flag_points", f"{data['points']:g}", lang),
        _line("action", data["action"], lang),
    )
    parts: list[RenderableType] = [_header(data, lang, data["title"], body)]
    parts.append(Text(heading("cases", lang), style="bold"))
    parts.append(bullets(data["cases"], indent=2))
    parts.append(_chapters(data["chapters"], lang))
    return parts


def _chapter(data: Data, lang: Lang) -> list[RenderableType]:
    body = Group(
        _line(
            "explain_document",
            data["document"]["title"] + aside(data["document"]["id"], lang),
            lang,
        ),
        Text(data["summary"], style="italic"),
        *([_line("explain_lesson", data["lesson"], lang)] if data["lesson"] else []),
    )
    parts: list[RenderableType] = [_header(data, lang, data["title"], body)]
    cited = data["cited_by"]
    parts.append(_ids("explain_cited_by_questions", cited["questions"], lang))
    parts.append(_ids("explain_cited_by_factors", cited["factors"], lang))
    parts.append(_ids("explain_cited_by_red_flags", cited["red_flags"], lang))
    if data["subsections"]:
        parts.append(_ids("explain_subsections", data["subsections"], lang))
    return parts


def _stage(data: Data, lang: Lang) -> list[RenderableType]:
    title = data["name"] + (
        aside(label("explain_default_stage", lang), lang) if data["default"] else ""
    )
    parts: list[RenderableType] = [_header(data, lang, title, Text(data["description"]))]
    table = Table(title=label("factors", lang), title_justify="left")
    table.add_column(label("factor", lang))
    table.add_column(label("weight", lang), justify="right")
    table.add_column(label("target", lang), justify="right")
    table.add_column(label("explain_share_short", lang), justify="right")
    for factor in data["factors"]:
        target = "—" if factor["target"] is None else f"{factor['target']:g}"
        table.add_row(
            factor["name"] + aside(factor["id"], lang),
            f"{factor['weight']:g}",
            target,
            _percent(factor["share_of_overall"]),
        )
    parts.append(table)
    parts.append(_ids("explain_from_here", data["questions_from_here"], lang))
    parts.append(_ids("explain_not_yet", data["not_scored_yet"], lang))
    return parts


def _level(data: Data, lang: Lang) -> list[RenderableType]:
    body = Group(
        Text(data["description"], style="italic"),
        _line("explain_min_score", f"{data['min_score']:g}", lang),
    )
    parts: list[RenderableType] = [_header(data, lang, data["name"], body)]
    parts.append(_requires(data["requires"], lang))
    parts.append(_ids("explain_capped_by", data["capped_by"], lang))
    return parts


def _requires(requires: list[Data], lang: Lang) -> RenderableType:
    """Each must-have as its sentence, with the condition that checks it below, dimmed."""
    if not requires:
        line = Text(field("explain_requires", lang), style="bold")
        return line.append(label("explain_none", lang), style="dim")
    table = Table(
        title=label("explain_requires", lang),
        title_justify="left",
        show_header=False,
        box=None,
        padding=(0, 1),
    )
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")  # Chinese has no spaces to wrap at
    for requirement in requires:
        cell = Text(requirement["text"])
        cell.append(f"\n{requirement['when']}", style="dim")
        table.add_row("•", cell)
    return table


# what prints each kind, in the order of KINDS
_PRINTERS = dict(zip(KINDS, (_question, _factor, _red_flag, _chapter, _stage, _level), strict=True))
