"""Walk a whole interview in a `Screen`, answering as told, and keep every prompt as drawn.

The walk knows the content: `plan` lists the prompts an interview shows for given answers
(name, company, stage, then each question that applies and is expected at the stage), each
with the text that heads it, the words of its prompt line, the entries its list must show
and the keys that answer it. `ask` waits for one prompt, keeps the screen as drawn and the
progress line above it, checks that every entry of a list (options, scale points, Yes/No,
Not sure, Skip) shows in full, and types the answer. Used by the tests (no label cut at 60
and 80 columns, the progress count, going back) and by benchmarks/interview_fit.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from founder_check.content.models import YES, Content, Lang, Question
from founder_check.interview.prompts import prompt_message
from founder_check.interview.words import word
from founder_check.scoring.conditions import question_applies
from founder_check.scoring.valuation import AnswerValue, unknown_label
from tests.interview.screen import DOWN, ENTER, SPACE, UP, Screen, squeeze

EVERYTHING_APPLIES: dict[str, Any] = {  # the bundled content: every conditional question asked
    "funding.raising_next_12m": True,
    "risk.personal_data": True,
    "risk.high_impact_use": True,
    "risk.public_genai": True,
    "business.model_type": "b2b_saas",
}
NOTHING_APPLIES: dict[str, Any] = {  # the bundled content: every conditional question left out
    "market.primary_sector": "other",
    "funding.raising_next_12m": False,
    "risk.personal_data": False,
    "risk.high_impact_use": False,
    "risk.public_genai": False,
    "business.model_type": "b2c_app",
}
METADATA_ANSWERS = {"founder": "Ada Lovelace", "company": "Acme AI"}
PROGRESS = {  # a progress line, squeezed
    "en": re.compile(r"Section(\d+)of(\d+)·question(\d+)of(\d+)(?:·optional)?"),
    "zh": re.compile(r"第(\d+)/(\d+)部分·第(\d+)/(\d+)题(?:·可选)?"),
}


@dataclass(frozen=True)
class Planned:
    """A prompt the interview will show, and how to answer it."""

    key: str  # the question id, or founder / company / stage
    heading: str  # the text printed above the prompt (the question, or the prompt's own)
    marker: str  # words of the prompt line, shown once the prompt is drawn
    labels: tuple[str, ...]  # the entries its list must show in full; () for a line
    keys: str  # what to type to answer it


@dataclass(frozen=True)
class Prompt:
    """One prompt as the founder saw it."""

    key: str
    region: str  # the squeezed screen from the heading on, once the prompt was drawn
    labels: tuple[str, ...]
    cut: tuple[str, ...]  # the labels not shown in full
    progress: tuple[int, int, int, int] | None  # (section i of n, question j of m) above it


def plan(
    content: Content,
    lang: Lang,
    answers: Mapping[str, Any],
    stage: str,
    *,
    metadata: bool = True,
    sections: set[str] | None = None,
) -> list[Planned]:
    """The prompts of a fresh interview answered with `answers` (defaults for the rest)."""
    prompts: list[Planned] = []
    if metadata:
        for key in ("founder", "company"):
            message = word("founder_prompt" if key == "founder" else "company_prompt", lang)
            prompts.append(Planned(key, message, message, (), METADATA_ANSWERS[key] + ENTER))
        assumed = content.stage_by_id[content.default_stage].name.get(lang)
        labels = [s.name.get(lang) for s in content.stages]
        labels.append(word("stage_skip", lang, stage=assumed))
        keys = DOWN * [s.id for s in content.stages].index(stage) + ENTER
        prompts.append(
            Planned(
                "stage",
                word("stage_question", lang),
                word("choose_one", lang),
                tuple(labels),
                keys,
            )
        )
    given = {q.id: answers.get(q.id, default_answer(q)) for q in content.questions}
    for question in applicable_questions(content, given, stage, sections):
        prompts.append(
            Planned(
                question.id,
                question.text.get(lang),
                prompt_message(question, lang),
                tuple(list_labels(question, lang)),
                keys_for(question, given[question.id]),
            )
        )
    return prompts


def ask(screen: Screen, lang: Lang, planned: Planned, *, answer: bool = True) -> Prompt:
    """Wait for the prompt, keep it as drawn, then (unless told not to) answer it."""
    region = screen.wait_for(planned.marker, after=planned.heading)
    prompt = Prompt(
        planned.key,
        region,
        planned.labels,
        tuple(label for label in planned.labels if squeeze(label) not in region),
        progress_before(screen, lang, planned.heading),
    )
    if answer:
        screen.send(planned.keys)
    return prompt


def walk(screen: Screen, lang: Lang, prompts: list[Planned]) -> list[Prompt]:
    """Answer every planned prompt in turn."""
    return [ask(screen, lang, planned) for planned in prompts]


def save_at_review(screen: Screen, lang: Lang) -> None:
    """Choose the first entry of the review menu: save the answers and show the report."""
    screen.wait_for(word("review_score", lang), after=word("review_next", lang))
    screen.send(ENTER)


def progress_before(screen: Screen, lang: Lang, heading: str) -> tuple[int, int, int, int] | None:
    """The progress line printed just above the last `heading`, if there is one."""
    text = squeeze(screen.text())
    end = text.rfind(squeeze(heading))
    found = [m for m in PROGRESS[lang].finditer(text[: max(end, 0)]) if m.end() == end]
    if not found:
        return None
    i, n, j, m = (int(group) for group in found[-1].groups())
    return i, n, j, m


def applicable_questions(
    content: Content,
    answers: Mapping[str, AnswerValue],
    stage: str,
    sections: set[str] | None = None,
) -> list[Question]:
    """The questions an interview asks, in order, when answered with `answers` at `stage`:
    those that apply and are expected at the stage."""
    asked: list[Question] = []
    given: dict[str, AnswerValue] = {}
    rank = content.stage_rank
    for section in content.sections:
        for question in section.questions:
            if not question_applies(question, given, content):
                continue
            if question.from_stage is not None and rank[question.from_stage] > rank[stage]:
                continue
            if sections is None or section.id in sections:
                asked.append(question)
            if question.id in answers:
                given[question.id] = answers[question.id]
    return asked


def default_answer(question: Question) -> AnswerValue:
    """What the walk answers when not told: the first entry, the lowest number, a word."""
    if question.kind == "single":
        return question.options[0].id
    if question.kind == "multi":
        return (question.options[0].id,)
    if question.kind == "scale":
        assert question.scale is not None
        return question.scale.min
    if question.kind == "yesno":
        return True
    if question.kind == "number":
        assert question.min is not None
        return int(question.min) if float(question.min).is_integer() else question.min
    return "Two pilots"


def list_labels(question: Question, lang: Lang) -> list[str]:
    """The entries of a question's list prompt, in the order shown; [] for a line prompt."""
    if question.kind in ("single", "multi"):
        labels = [option.label.get(lang) for option in question.options]
    elif question.kind == "scale":
        assert question.scale is not None
        labels = []
        for point in range(question.scale.min, question.scale.max + 1):
            label = question.scale.labels.get(point)
            labels.append(f"{point} {label.get(lang)}" if label is not None else str(point))
    elif question.kind == "yesno" and (question.scored or not question.required):
        labels = [word("yes", lang), word("no", lang)]
    else:
        return []
    if question.scored:
        labels.append(unknown_label(lang))
    if not question.required and question.kind != "multi":
        labels.append(word("skip_choice", lang))
    return labels


SKIPPED = "__skip__"
"""An answer for `plan`: skip this optional question (the list's last entry, or nothing)."""
KEEP = ENTER
"""The keys that keep what a reopened prompt shows: the earlier answer is preselected."""


def keys_for(question: Question, answer: Any) -> str:
    """The keys that give `answer` at this question's prompt (a fresh one, nothing preset)."""
    kind = question.kind
    if answer == SKIPPED:
        return UP + ENTER if kind in ("single", "scale", "yesno") else ENTER
    if kind == "single":
        ids = [option.id for option in question.options]
        return DOWN * ids.index(answer) + ENTER
    if kind == "multi":
        ids = [option.id for option in question.options]
        keys, at = "", 0
        for option_id in sorted(answer, key=ids.index):
            keys += DOWN * (ids.index(option_id) - at) + SPACE
            at = ids.index(option_id)
        return keys + ENTER
    if kind == "scale":
        assert question.scale is not None
        return DOWN * (int(answer) - question.scale.min) + ENTER
    if kind == "yesno":
        if question.required and not question.scored:
            return "y" if answer in (True, YES) else "n"
        return ENTER if answer in (True, YES) else DOWN + ENTER
    return str(answer) + ENTER
