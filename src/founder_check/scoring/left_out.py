"""The sections an answers file leaves out, as the scorecard reports them.

`assess --section` saves only the sections asked, and a founder may fill a template one
section at a time; such a file is scored on what it answers (`Answers.left_out`), and the
scorecard names each section left out with the questions still to answer there, in its own
language, so that the report can say what the score does not cover yet.
"""

from __future__ import annotations

from collections.abc import Mapping

from founder_check.base.i18n import Texts, plural_phrase
from founder_check.content.models import Content, Lang
from founder_check.scoring.scorecard import LeftOutSection, MissingQuestion


def left_out_sections(
    content: Content, left_out: tuple[str, ...], statuses: Mapping[str, str], lang: Lang
) -> list[LeftOutSection]:
    """Each section in `left_out`, in questionnaire order, with the questions a founder still
    has to answer there: the scored ones that apply at this stage (status `skipped`) and the
    required unscored ones that apply, such as a question deciding which others are asked (a
    question that does not apply or is not expected yet is not missing)."""
    wanted = set(left_out)
    return [
        LeftOutSection(
            section=section.id,
            title=section.title.get(lang),
            questions=[
                MissingQuestion(question.id, question.text.get(lang))
                for question in section.questions
                if _missing(statuses.get(question.id), question.required)
            ],
        )
        for section in content.sections
        if section.id in wanted
    ]


def _missing(status: str | None, required: bool) -> bool:
    return status == "skipped" or (status == "unscored" and required)


_WORDS = Texts(
    plural_phrase(
        "hint",
        "{path} leaves out {count} section ({titles}); the report covers the rest. "
        "Answer it with: {command}",
        "{path} leaves out {count} sections ({titles}); the report covers the rest. "
        "Answer them with: {command}",
    ),
)


def completion_hint(
    path: str, content: Content, left_out: tuple[str, ...], lang: Lang, options: list[str]
) -> str:
    """One line for the terminal: which sections a file leaves out, and the command that asks
    just those and saves the answers back into the same file (`options`: --content and the
    like, to give again)."""
    import shlex

    titles = [section.title.get(lang) for section in content.sections if section.id in left_out]
    words = ["founder-check", "assess", "--update", path]
    for section_id in left_out:
        words += ["--section", section_id]
    command = shlex.join([*words, "-o", path, *options])
    separator = "、" if lang == "zh" else ", "
    return _WORDS(
        "hint", lang, path=path, count=len(titles), titles=separator.join(titles), command=command
    )
