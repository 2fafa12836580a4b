"""The terminal view of `founder-check explain ID`: renders the data `explain.explain` built.

Strings in the data are already in the chosen language; this module adds headings, and the
names of what the data cross-references by id (the JSON keeps ids alone, for programs).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from founder_check.content.models import UNKNOWN, Content, Lang
from founder_check.content.models import Text as Words
from founder_check.report.explain.lookup import KINDS
from founder_check.report.hanging import bullets
from founder_check.report.labels import aside, colon, field, heading, joined, label
from founder_check.report.terminal import SEVERITY_STYLE

Data = dict[str, Any]


def render_explain(data: Data, content: Content, lang: Lang, console: Console) -> None:
    """Print one explained id: a header panel, then the tables for its kind."""
    refs = _Refs(content, lang)
    for part in _PRINTERS[data["kind"]](data, lang, refs):
        console.print(part)
    if data.get("also"):
        also = joined(
            [
                f"{label('explain_kind_' + a['kind'], lang)} {refs.named(a['kind'], a['id'])}"
                for a in data["also"]
            ],
            lang,
        )
        console.print(Text(f"{field('explain_also', lang)}{also}", style="dim"))


# the name a person knows each kind of id by
_NAMES: dict[str, Callable[[Content, str], Words]] = {
    "question": lambda content, key: content.question_by_id[key].text,
    "factor": lambda content, key: content.factor_by_id[key].name,
    "red_flag": lambda content, key: content.red_flag_by_id[key].title,
    "chapter": lambda content, key: content.chapter_by_ref[key].title,
    "stage": lambda content, key: content.stage_by_id[key].name,
    "level": lambda content, key: content.level_by_id[key].name,
}


class _Refs:
    """Cross-references as a person reads them: each by its name, with after it the id that
    `explain` takes next."""

    def __init__(self, content: Content, lang: Lang) -> None:
        self.content = content
        self.lang = lang

    def name(self, kind: str, key: str) -> str:
        return _NAMES[kind](self.content, key).get(self.lang)

    def named(self, kind: str, key: str) -> str:
        return self.name(kind, key) + aside(key, self.lang)

    def line(self, heading_key: str, kind: str, keys: list[str]) -> RenderableType:
        """Names in one line; questions, whose names are sentences, one below the other."""
        if not keys:
            return _line(heading_key, label("explain_none", self.lang), self.lang)
        if kind != "question":
            return _line(
                heading_key, joined([self.named(kind, k) for k in keys], self.lang), self.lang
            )
        cells = [Text(self.name(kind, k)).append(f"\n{k}", style="dim") for k in keys]
        return _bulleted(label(heading_key, self.lang), cells)


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


def _bulleted(title: str, cells: list[Text]) -> Table:
    """A title, then one bulleted cell a line (a cell's second line, dimmed, is its handle)."""
    table = Table(title=title, title_justify="left", show_header=False, box=None, padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")  # Chinese has no spaces to wrap at
    for cell in cells:
        table.add_row("•", cell)
    return table


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


def _question(data: Data, lang: Lang, refs: _Refs) -> list[RenderableType]:
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
    parts.append(refs.line("explain_used_by_flags", "red_flag", data["red_flags"]))
    parts.append(refs.line("explain_used_by_gates", "level", data["gates"]))
    if data["decides_whether_asked"]:
        parts.append(refs.line("explain_decides", "question", data["decides_whether_asked"]))
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


def _factor(data: Data, lang: Lang, refs: _Refs) -> list[RenderableType]:
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
            stage = refs.name("stage", question["from_stage"])
            notes.append(f"{field('explain_from_stage', lang)}{stage}")
        if question["conditional"]:
            notes.append(label("explain_conditional", lang))
        cell = Text(question["text"]) + Text(f"\n{question['id']}", style="dim")
        if notes:
            cell.append(f" · {joined(notes, lang)}", style="dim")
        questions.add_row(cell, f"{question['weight']:g}", _percent(question["share_of_factor"]))
    parts.append(questions)
    parts.append(_chapters(data["chapters"], lang))
    parts.append(refs.line("explain_used_by_flags", "red_flag", data["red_flags"]))
    return parts


def _red_flag(data: Data, lang: Lang, refs: _Refs) -> list[RenderableType]:
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


def _chapter(data: Data, lang: Lang, refs: _Refs) -> list[RenderableType]:
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
    parts.append(refs.line("explain_cited_by_questions", "question", cited["questions"]))
    parts.append(refs.line("explain_cited_by_factors", "factor", cited["factors"]))
    parts.append(refs.line("explain_cited_by_red_flags", "red_flag", cited["red_flags"]))
    if data["subsections"]:
        parts.append(refs.line("explain_subsections", "chapter", data["subsections"]))
    return parts


def _stage(data: Data, lang: Lang, refs: _Refs) -> list[RenderableType]:
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
    parts.append(refs.line("explain_from_here", "question", data["questions_from_here"]))
    parts.append(refs.line("explain_not_yet", "question", data["not_scored_yet"]))
    return parts


def _level(data: Data, lang: Lang, refs: _Refs) -> list[RenderableType]:
    body = Group(
        Text(data["description"], style="italic"),
        _line("explain_min_score", f"{data['min_score']:g}", lang),
    )
    parts: list[RenderableType] = [_header(data, lang, data["name"], body)]
    parts.append(_requires(data["requires"], lang))
    severities = [label(f"severity_{severity}", lang) for severity in data["capped_by"]]
    none = label("explain_none", lang)
    parts.append(_line("explain_capped_by", joined(severities, lang) or none, lang))
    return parts


def _requires(requires: list[Data], lang: Lang) -> RenderableType:
    """Each must-have as its sentence, with the condition that checks it below, dimmed."""
    if not requires:
        line = Text(field("explain_requires", lang), style="bold")
        return line.append(label("explain_none", lang), style="dim")
    cells = [Text(item["text"]).append(f"\n{item['when']}", style="dim") for item in requires]
    return _bulleted(label("explain_requires", lang), cells)


# what prints each kind, in the order of KINDS
_PRINTERS = dict(zip(KINDS, (_question, _factor, _red_flag, _chapter, _stage, _level), strict=True))
