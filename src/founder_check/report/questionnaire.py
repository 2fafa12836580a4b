"""A readable listing of the questionnaire (`founder-check questionnaire`): each question
with the ids an answers file takes, and what each option says."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from founder_check.base.i18n import Texts, phrase
from founder_check.base.messages import told
from founder_check.content.models import Content, Lang, Option
from founder_check.report.hanging import indented
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
            answer: RenderableType
            if question.kind in ("single", "multi"):
                answer = Group(*(_option(option, lang) for option in question.options))
            else:
                answer = told(expectation(question), lang)
            marks = "" if question.required else _WORDS("listing_optional", lang)
            table.add_row(question.id, question.text.get(lang) + marks, answer)
        console.print(table)


def _option(option: Option, lang: Lang) -> Group:
    """An option's id (what an answers file holds) and value, and below it, indented, what
    the option says."""
    return Group(
        Text(f"{option.id} ({option.value:g})"),
        indented(Text(option.label.get(lang), style="dim"), 2),
    )
