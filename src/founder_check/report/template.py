"""A complete, commented answers file that a founder can fill in an editor."""

from __future__ import annotations

import json
from datetime import date

from founder_check.base.data import to_data
from founder_check.base.i18n import Texts, phrase
from founder_check.content.models import Content, Lang, Question
from founder_check.report.labels import aside, colon, label
from founder_check.scoring.answers import expectation
from founder_check.scoring.schemas import editor_line

_word = Texts(
    phrase(
        "head",
        "founder-check answers file. Fill in each answer after its question id, then run:\n"
        "  founder-check assess --answers THIS_FILE\n"
        "Leave an optional answer empty (or write null) to skip it. Lines starting with # are "
        "comments.",
    ),
    phrase(
        "editor",
        "The first line lets an editor that knows YAML (VS Code with its YAML extension, for\n"
        "one) check your answers and offer the options as you type.",
    ),
    phrase(
        "no_schema",
        "No JSON Schema ships for this content, so editors cannot check this file yet. To\n"
        "have one, write it beside this file:\n"
        "  founder-check schema answers --content DIR > answers.schema.json\n"
        "and make this the first line of the file:  # yaml-language-server: "
        "$schema=answers.schema.json",
    ),
    phrase("required", "required"),
    phrase("optional", "optional, may be left empty"),
    phrase("when", "only if"),
    phrase("options", "options (write the id)"),
    phrase("multi", "choose any: write a list like [a, b]"),
    phrase("help", "help"),
    phrase("yes_no", "yes / no"),
    phrase("stages", "one of"),
    phrase(
        "date",
        "date of these answers (YYYY-MM-DD); change it when you answer again, so that "
        "'founder-check compare' can show your progress",
    ),
    phrase(
        "unknown",
        "not sure? write unknown: it counts as a weak answer and the report lists it to find out",
    ),
)


def _comment(text: str, indent: str = "") -> list[str]:
    return [f"{indent}# {line}".rstrip() for line in text.splitlines()]


def _question_lines(question: Question, lang: Lang) -> list[str]:
    indent = "  "
    lines = [""]
    need = _word("required", lang) if question.required else _word("optional", lang)
    lines += _comment(question.text.get(lang) + aside(need, lang), indent)
    lines += _comment(_word("help", lang) + colon(lang) + question.help.get(lang), indent)
    if question.when is not None:
        condition = json.dumps(to_data(question.when, drop_none=True), ensure_ascii=False)
        lines += _comment(f"{_word('when', lang)} {condition}", indent)
    if question.kind in ("single", "multi"):
        head = _word("multi", lang) if question.kind == "multi" else _word("options", lang)
        lines += _comment(head + colon(lang).rstrip(), indent)
        for option in question.options:
            lines += _comment(f"  {option.id}: {option.label.get(lang)}", indent)
    elif question.kind == "scale" and question.scale is not None:
        lines += _comment(expectation(question), indent)
        for point, text in sorted(question.scale.labels.items()):
            lines += _comment(f"  {point}: {text.get(lang)}", indent)
    elif question.kind == "number":
        lines += _comment(expectation(question) if lang == "en" else _number_zh(question), indent)
    elif question.kind == "yesno":
        lines += _comment(_word("yes_no", lang), indent)
    if question.scored:
        lines += _comment(_word("unknown", lang), indent)
    lines.append(f"{indent}{question.id}:")
    return lines


def _number_zh(question: Question) -> str:
    unit = question.unit.zh if question.unit else ""
    whole = "整数" if question.integer else "数字"
    return f"{question.min:g} 到 {question.max:g} 之间的{whole}（{unit}）"


def answers_template(content: Content, lang: Lang, today: date | None = None) -> str:
    """Every question of the content, in order, commented, with empty answers; dated today.
    The first line points editors at the package's answers schema when it is this content's
    (`schemas.editor_line`); for other content, the head says how to make one."""
    schema_line = editor_line(content)
    lines = [] if schema_line is None else [schema_line]
    lines += _comment(_word("head", lang))
    lines += _comment(_word("no_schema" if schema_line is None else "editor", lang))
    lines += [
        "",
        f"founder:   # {label('founder', lang)}",
        f"company:   # {label('company', lang)}",
        f"stage:     # {label('stage', lang)}{colon(lang)}{_word('stages', lang)} "
        + ("、" if lang == "zh" else ", ").join(
            s.id + aside(s.name.get(lang), lang) for s in content.stages
        ),
        f"date: {(today or date.today()).isoformat()}   # {_word('date', lang)}",
        "answers:",
    ]
    for section in content.sections:
        lines.append("")
        lines += _comment(f"=== {section.title.get(lang)} ===", "  ")
        lines += _comment(section.intro.get(lang), "  ")
        for question in section.questions:
            lines += _question_lines(question, lang)
    return "\n".join(lines) + "\n"
