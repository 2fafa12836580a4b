"""A readable listing of the questionnaire (`founder-check questionnaire`)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from founder_check.base.i18n import Texts, phrase
from founder_check.base.messages import told
from founder_check.content.models import Content, Lang
from founder_check.report.labels import aside
from founder_check.scoring.answers import expectation

_WORDS = Texts(
    phrase("listing_question", "question"),
    phrase("listing_answer", "answer"),
    phrase("listing_optional", " (optional)"),
)


def render_questionnaire(content: Content, lang: Lang, console: Console) -> None:
    for number, section in enumerate(content.sections, start=1):
        table = Table(
            title=f"{number}. {section.title.get(lang)}{aside(section.id, lang)}",
            title_justify="left",
            caption=section.intro.get(lang),
            caption_justify="left",
            show_lines=True,
        )
        table.add_column("id", no_wrap=True, style="dim")
        table.add_column(_WORDS("listing_question", lang), ratio=3)
        table.add_column(_WORDS("listing_answer", lang), ratio=2)
        for question in section.questions:
            if question.kind in ("single", "multi"):
                answer = "\n".join(f"{o.id} ({o.value:g})" for o in question.options)
            else:
                answer = told(expectation(question), lang)
            marks = "" if question.required else _WORDS("listing_optional", lang)
            table.add_row(question.id, question.text.get(lang) + marks, answer)
        console.print(table)
