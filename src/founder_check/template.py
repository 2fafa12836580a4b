"""A complete, commented answers file that a founder can fill in an editor."""

from __future__ import annotations

import json
from datetime import date

from founder_check.answers import expectation
from founder_check.content.models import Content, Lang, Question
from founder_check.data import to_data
from founder_check.phrases import Phrases
from founder_check.report.labels import label

_WORDS = {
    "head": (
        "founder-check answers file. Fill in each answer after its question id, then run:\n"
        "  founder-check assess --answers THIS_FILE\n"
        "Leave an optional answer empty (or write null) to skip it. Lines starting with # are "
        "comments.",
        "founder-check 答卷。在每个问题编号后填写答案，然后运行：\n"
        "  founder-check assess --answers 本文件\n"
        "可选问题留空（或写 null）即为跳过。以 # 开头的行是注释。",
    ),
    "required": ("required", "必答"),
    "optional": ("optional, may be left empty", "可选，可留空"),
    "when": ("only if", "仅当"),
    "options": ("options (write the id)", "选项（填写编号）"),
    "multi": ("choose any: write a list like [a, b]", "可多选：写成列表，如 [a, b]"),
    "help": ("help", "说明"),
    "stages": ("one of", "可选值"),
    "date": (
        "date of these answers (YYYY-MM-DD); change it when you answer again, so that "
        "'founder-check compare' can show your progress",
        "答卷日期（YYYY-MM-DD）；重新作答时请更新，以便用 founder-check compare 查看进展",
    ),
    "unknown": (
        "not sure? write unknown: it counts as a weak answer and the report lists it to find out",
        "不确定？填写 unknown：按较弱的回答计分，报告会把它列为有待确认",
    ),
}


_word = Phrases(_WORDS)


def _comment(text: str, indent: str = "") -> list[str]:
    return [f"{indent}# {line}".rstrip() for line in text.splitlines()]


def _question_lines(question: Question, lang: Lang) -> list[str]:
    indent = "  "
    lines = [""]
    need = _word("required", lang) if question.required else _word("optional", lang)
    lines += _comment(f"{question.text.get(lang)} ({need})", indent)
    lines += _comment(f"{_word('help', lang)}: {question.help.get(lang)}", indent)
    if question.when is not None:
        condition = json.dumps(to_data(question.when, drop_none=True), ensure_ascii=False)
        lines += _comment(f"{_word('when', lang)} {condition}", indent)
    if question.kind in ("single", "multi"):
        head = _word("multi", lang) if question.kind == "multi" else _word("options", lang)
        lines += _comment(head + ":", indent)
        for option in question.options:
            lines += _comment(f"  {option.id}: {option.label.get(lang)}", indent)
    elif question.kind == "scale" and question.scale is not None:
        lines += _comment(expectation(question), indent)
        for point, text in sorted(question.scale.labels.items()):
            lines += _comment(f"  {point}: {text.get(lang)}", indent)
    elif question.kind == "number":
        lines += _comment(expectation(question) if lang == "en" else _number_zh(question), indent)
    elif question.kind == "yesno":
        lines += _comment("yes / no" if lang == "en" else "yes（是）/ no（否）", indent)
    if question.scored:
        lines += _comment(_word("unknown", lang), indent)
    lines.append(f"{indent}{question.id}:")
    return lines


def _number_zh(question: Question) -> str:
    unit = question.unit.zh if question.unit else ""
    whole = "整数" if question.integer else "数字"
    return f"{question.min:g} 到 {question.max:g} 之间的{whole}（{unit}）"


def answers_template(content: Content, lang: Lang, today: date | None = None) -> str:
    """Every question of the content, in order, commented, with empty answers; dated today."""
    lines = _comment(_word("head", lang))
    lines += [
        "",
        f"founder:   # {label('founder', lang)}",
        f"company:   # {label('company', lang)}",
        f"stage:     # {label('stage', lang)}: {_word('stages', lang)} "
        + ", ".join(f"{s.id} ({s.name.get(lang)})" for s in content.stages),
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
