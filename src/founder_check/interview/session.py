"""The interview loop: ask, autosave, review, then hand back `Answers`. It never scores.

Order: the optional metadata (name, company, stage), then each section with its intro and a
progress line, each applicable question with its help; then a review screen where any answer
can be changed (questions that start to apply are asked next). Every answer is written to
the draft at once. Ctrl-C or Ctrl-D at any prompt is handled here and only here: the draft
is saved and `InterviewInterrupted` is raised for the command line to report (exit 130).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import questionary
from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from founder_check.answers import Answers, parse_answers, required_at
from founder_check.conditions import question_applies
from founder_check.content.models import Content, Question, Section
from founder_check.errors import FounderCheckError, Problem
from founder_check.interview.answers_file import default_save_path, save_answers
from founder_check.interview.draft_lock import hold_draft
from founder_check.interview.drafts import Draft, default_draft_dir, remove_draft, save_draft
from founder_check.interview.prompts import (
    SKIP,
    menu_prompt,
    metadata_prompt,
    question_prompt,
    read_answer,
    stage_prompt,
)
from founder_check.interview.setup import (
    InterviewOptions,
    Setup,
    interview_draft_path,
    resolve_setup,
)
from founder_check.interview.words import word
from founder_check.private_dirs import ensure_private_dir, make_private_dir
from founder_check.unicode_text import replace_lone_surrogates
from founder_check.valuation import AnswerValue, answer_label

METADATA = ("founder", "company", "stage")
_TITLE_WIDTH = 70
_SCORE = "score"
_CHANGE = "change"
_BACK = "__back__"
_ABOUT = "__about__"

Ask = Callable[[questionary.Question], Any]


class InterviewInterrupted(Exception):
    """Ctrl-C (or end of input) stopped the interview; `draft` holds what was answered."""

    def __init__(self, draft: Path | None, answered: int) -> None:
        super().__init__(f"interview interrupted; draft: {draft}")
        self.draft = draft
        self.answered = answered


@dataclass(frozen=True)
class InterviewResult:
    """The finished interview: the answers, the file they were saved to, what is missing."""

    answers: Answers
    saved_to: Path
    unanswered_required: int


def ask_prompt(prompt: questionary.Question) -> Any:
    """Ask one prompt. `unsafe_ask` lets Ctrl-C and Ctrl-D through (`ask` would swallow them)."""
    return prompt.unsafe_ask()


def run_interview(
    content: Content,
    options: InterviewOptions,
    *,
    console: Console,
    ask: Ask = ask_prompt,
) -> InterviewResult:
    """Run the whole interview; raise InterviewInterrupted on Ctrl-C, after saving the draft.

    The draft is locked from before it is read until the interview ends: a second interview
    on the same draft is refused (DraftInUseError) without touching it.
    """
    started = time.time()
    draft_path = interview_draft_path(content, options)
    with contextlib.suppress(OSError):  # an unwritable place is reported when the draft is saved
        make_private_dir(draft_path.parent)
    if draft_path.parent == default_draft_dir():
        # older versions made these folders with the umask's mode (0777 under umask 000)
        for folder in (draft_path.parent, draft_path.parent.parent):
            ensure_private_dir(folder)
    interview: Interview | None = None
    with hold_draft(draft_path, started=started):
        try:
            setup = resolve_setup(content, options, ask=ask, console=console)
            interview = Interview(setup, console=console, ask=ask)
            return interview.run()
        except (KeyboardInterrupt, EOFError):
            if interview is None:
                raise InterviewInterrupted(None, 0) from None
            raise interview.interrupted() from None


class Interview:
    """One interview over a resolved setup; holds the answers as they are given."""

    def __init__(self, setup: Setup, *, console: Console, ask: Ask) -> None:
        self.setup = setup
        self.content = setup.content
        self.lang = setup.lang
        self.console = console
        self.ask = ask
        base = setup.base
        self.meta: dict[str, str | None] = {
            "founder": base.founder if base else None,
            "company": base.company if base else None,
            "stage": setup.preset_stage or (base.stage if base else None),
        }
        self.values: dict[str, AnswerValue] = dict(base.values) if base else {}
        self.skipped_before = set(setup.skipped)
        known = set(METADATA) | set(self.content.question_by_id)
        self.done: list[str] = [key for key in setup.done if key in known]
        wanted = setup.sections
        self.sections = [s for s in self.content.sections if wanted is None or s.id in wanted]
        self.ask_metadata = wanted is None
        self.meta_keys = [k for k in METADATA if not (k == "stage" and setup.preset_stage)]
        self._shown: str | None = None

    # -- the flow --------------------------------------------------------------------------

    def run(self) -> InterviewResult:
        """Ask what is still open, review, save the answers file, drop the draft."""
        self._welcome()
        self._ask_pending()
        self._review()
        return self._finish()

    def interrupted(self) -> InterviewInterrupted:
        """Save the draft (if anything is worth keeping) and describe the interruption."""
        if not self.done and self.setup.base is None:
            return InterviewInterrupted(None, 0)
        self._save_draft()
        return InterviewInterrupted(self.setup.draft_path, self._answered_count())

    def _ask_pending(self) -> None:
        """Ask, in order, every applicable question not answered in this interview yet."""
        if self.ask_metadata:
            for key in self.meta_keys:
                if key not in self.done:
                    self._ask_metadata(key)
        for section in self.sections:
            for question in section.questions:
                if self._applies(question) and not self._is_done(question):
                    self._ask_question(section, question)

    def _finish(self) -> InterviewResult:
        partial = self.setup.sections is not None
        effective = self._effective()
        missing = sum(
            1
            for q in self.content.questions
            if self._required(q) and q.id not in effective and self._applies(q, effective)
        )
        path = self.setup.save_path
        if not self.setup.save_chosen and path.exists():
            path = default_save_path(path.parent)
        answers = parse_answers(
            self._file_data(), self.content, source=str(path), require_complete=not partial
        )
        try:
            save_answers(path, answers, self.lang, when=_now())
        except OSError as exc:
            draft = self.setup.draft_path
            raise FounderCheckError(
                Problem(
                    str(path),
                    f"cannot save the answers ({exc.strerror or exc}); they are kept in the "
                    f"draft {draft}: continue with --resume and choose another file with -o",
                )
            ) from None
        remove_draft(self.setup.draft_path)
        return InterviewResult(answers=answers, saved_to=path, unanswered_required=missing)

    # -- asking ----------------------------------------------------------------------------

    def _ask_metadata(self, key: str) -> None:
        self._enter(_ABOUT)
        lang = self.lang
        if key == "stage":
            self._print_question(
                word("stage_question", lang),
                "\n".join(
                    f"{stage.name.get(lang)}: {stage.description.get(lang)}"
                    for stage in self.content.stages
                ),
            )
            raw = self.ask(stage_prompt(self.content, lang, self.meta["stage"]))
            self.meta["stage"] = None if raw == SKIP else str(raw)
        else:
            message = word("founder_prompt" if key == "founder" else "company_prompt", lang)
            raw = self.ask(metadata_prompt(message, self.meta[key]))
            self.meta[key] = replace_lone_surrogates(str(raw or "").strip()) or None
        self._mark_done(key)

    def _ask_question(self, section: Section, question: Question) -> None:
        self._enter(section.id)
        lang = self.lang
        effective = self._effective()
        position = self.sections.index(section) + 1
        open_questions = [q for q in section.questions if self._applies(q, effective)]
        number = open_questions.index(question) + 1 if question in open_questions else 1
        progress = " · ".join(
            (
                section.title.get(lang),
                word("section_progress", lang, i=position, n=len(self.sections)),
                word("question_progress", lang, j=number, m=len(open_questions)),
            )
        )
        question = self._as_asked(question)
        if not question.required:
            progress += f" · {word('optional', lang)}"
        self.console.print(Text(progress, style="cyan"))
        self._print_question(question.text.get(lang), question.help.get(lang))
        raw = self.ask(question_prompt(question, lang, self._default(question)))
        if isinstance(raw, str):  # typed text: bytes the terminal could not decode become U+FFFD
            raw = replace_lone_surrogates(raw)
        answer = read_answer(question, raw)
        if answer is None:
            self.values.pop(question.id, None)
        else:
            self.values[question.id] = answer
        self._mark_done(question.id)

    def _mark_done(self, key: str) -> None:
        if key not in self.done:
            self.done.append(key)
        self._save_draft()

    # -- review ----------------------------------------------------------------------------

    def _review(self) -> None:
        lang = self.lang
        while True:
            self._print_review()
            action = self.ask(
                menu_prompt(
                    word("review_next", lang),
                    [(word("review_score", lang), _SCORE), (word("review_change", lang), _CHANGE)],
                    lang,
                )
            )
            if action != _CHANGE:
                return
            target = self._pick_question()
            if target is None:
                continue
            if target in METADATA:
                self._ask_metadata(target)
            else:
                question = self.content.question_by_id[target]
                section = next(s for s in self.sections if s.id == question.section)
                self._shown = None
                self._ask_question(section, question)
            self._ask_pending()

    def _pick_question(self) -> str | None:
        lang = self.lang
        parts: list[tuple[str, str]] = []
        if self.ask_metadata:
            parts.append((word("about_title", lang), _ABOUT))
        parts += [(section.title.get(lang), section.id) for section in self.sections]
        parts.append((word("back", lang), _BACK))
        part = self.ask(menu_prompt(word("review_pick_section", lang), parts, lang))
        if part == _BACK:
            return None
        entries = self._entries(part)
        choices = [(_shorten(f"{title} — {answer}"), key) for key, title, answer in entries]
        choices.append((word("back", lang), _BACK))
        key = self.ask(menu_prompt(word("review_pick_question", lang), choices, lang))
        return None if key == _BACK else str(key)

    def _entries(self, part: str) -> list[tuple[str, str, str]]:
        """(key, question text, answer shown) for the metadata or one section's questions."""
        lang = self.lang
        if part == _ABOUT:
            stage = self.meta["stage"]
            if stage is not None:
                stage_text = self.content.stage_by_id[stage].name.get(lang)
            else:
                default = self.content.stage_by_id[self.content.default_stage].name.get(lang)
                stage_text = word("default_stage", lang, stage=default)
            given = {
                "founder": self.meta["founder"] or word("not_given", lang),
                "company": self.meta["company"] or word("not_given", lang),
                "stage": stage_text,
            }
            titles = {
                "founder": word("founder_prompt", lang),
                "company": word("company_prompt", lang),
                "stage": word("stage_question", lang),
            }
            return [(key, titles[key], given[key]) for key in self.meta_keys]
        effective = self._effective()
        section = next(s for s in self.sections if s.id == part)
        entries = []
        for question in section.questions:
            if not self._applies(question, effective):
                continue
            if question.id in effective:
                shown = answer_label(question, effective[question.id], lang)
            elif self._is_done(question):
                shown = word("skipped", lang)
            else:
                shown = word("not_answered", lang)
            entries.append((question.id, question.text.get(lang), shown))
        return entries

    def _print_review(self) -> None:
        lang = self.lang
        self.console.print()
        self.console.print(Rule(Text(word("review_title", lang), style="bold")))
        parts = ([_ABOUT] if self.ask_metadata else []) + [s.id for s in self.sections]
        for part in parts:
            if part == _ABOUT:
                title = word("about_title", lang)
            else:
                title = next(s for s in self.sections if s.id == part).title.get(lang)
            table = Table(title=Text(title, style="bold"), title_justify="left", expand=True)
            table.add_column(word("question_column", lang), ratio=3)
            table.add_column(word("answer_column", lang), ratio=2)
            for _key, text, shown in self._entries(part):
                table.add_row(Text(text), Text(shown))
            self.console.print(table)

    # -- display ---------------------------------------------------------------------------

    def _welcome(self) -> None:
        lang = self.lang
        count = sum(len(section.questions) for section in self.sections)
        message = word(
            "welcome",
            lang,
            sections=len(self.sections),
            questions=count,
            draft=self.setup.draft_path,
        )
        self.console.print(Text(message, style="bold"))
        if self.setup.note:
            self.console.print(Text(self.setup.note))

    def _enter(self, part: str) -> None:
        """Print the heading and intro of a section (or of the metadata) when it begins."""
        if self._shown == part:
            return
        self._shown = part
        lang = self.lang
        if part == _ABOUT:
            title, intro = word("about_title", lang), word("about_intro", lang)
        else:
            section = next(s for s in self.sections if s.id == part)
            title, intro = section.title.get(lang), section.intro.get(lang)
        self.console.print()
        self.console.print(Rule(Text(title, style="bold")))
        self.console.print(Text(intro, style="italic"))

    def _print_question(self, text: str, help_text: str) -> None:
        self.console.print()
        self.console.print(
            Group(
                Text(text, style="bold"),
                Padding(Text(help_text, style="dim"), (0, 0, 0, 2), expand=False),
            )
        )

    # -- state -----------------------------------------------------------------------------

    def _effective(self) -> dict[str, AnswerValue]:
        """The answers that count: those of applicable questions, in asking order.

        Conditions are evaluated exactly as `parse_answers` evaluates them, so the interview
        asks what an answers file would need.
        """
        values: dict[str, AnswerValue] = {}
        for question in self.content.questions:
            if not question_applies(question, values, self.content):
                continue
            if question.id in self.values:
                values[question.id] = self.values[question.id]
        return values

    def _applies(self, question: Question, effective: dict[str, AnswerValue] | None = None) -> bool:
        if question.when is None:
            return True
        values = self._effective() if effective is None else effective
        return question_applies(question, values, self.content)

    def _required(self, question: Question) -> bool:
        """Required at the founder's stage (the same rule as answers files)."""
        return required_at(question, self.content, self.meta["stage"])

    def _as_asked(self, question: Question) -> Question:
        """The question as prompted: optional before the stage it is expected from."""
        if question.required and not self._required(question):
            return replace(question, required=False)
        return question

    def _default(self, question: Question) -> AnswerValue | None:
        """The earlier answer to preselect; SKIP if an optional question was skipped before."""
        if question.id in self.values:
            return self.values[question.id]
        if not self._required(question) and (
            question.id in self.skipped_before or question.id in self.done
        ):
            return SKIP
        return None

    def _is_done(self, question: Question) -> bool:
        """Answered in this interview (a required question needs a value to count)."""
        if question.id not in self.done:
            return False
        return question.id in self.values or not self._required(question)

    def _answered_count(self) -> int:
        return len(self._effective()) + sum(1 for value in self.meta.values() if value)

    def _file_data(self) -> dict[str, Any]:
        effective = self._effective()
        skipped = tuple(
            q.id
            for q in self.content.questions
            if q.id in self.done
            and q.id not in effective
            and not self._required(q)
            and self._applies(q, effective)
        )
        answers = Answers(
            founder=self.meta["founder"],
            company=self.meta["company"],
            stage=self.meta["stage"],
            values=effective,
            skipped=skipped,
            date=date.today(),  # the day answered (an --update's earlier date is replaced)
        )
        return answers.to_file_data()

    def _save_draft(self) -> None:
        content = self.content
        draft = Draft(
            saved_at=_now(),
            content_name=content.name,
            content_version=content.version,
            content_root=content.root,
            lang=self.lang,
            sections=self.setup.sections,
            save=str(self.setup.save_path),
            save_chosen=self.setup.save_chosen,
            done=tuple(self.done),
            answers_file=self._file_data(),
        )
        try:
            save_draft(self.setup.draft_path, draft)
        except OSError as exc:
            raise FounderCheckError(
                Problem(
                    str(self.setup.draft_path),
                    f"cannot save the draft ({exc.strerror or exc}); "
                    "choose a writable place for the answers with -o FILE",
                )
            ) from None


def _shorten(text: str) -> str:
    return text if len(text) <= _TITLE_WIDTH else text[: _TITLE_WIDTH - 1] + "…"


def _now() -> str:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
