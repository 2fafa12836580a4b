"""The interview loop: ask, autosave, review, then hand back `Answers`. It never scores.

Order: the optional metadata (name, company, stage), then each section with its intro and a
progress line, each question that applies and counts at the founder's stage, with its help;
then a review screen where any answer can be changed (questions that start to apply are
asked next). Whether a question is asked is decided before it is asked, from the answers it
depends on: a question is never asked and then found not to count. Esc at a prompt asks the
question before it again (`GoBack`); the progress line counts the same questions whichever
way the founder moves. Every answer is written to the draft at once. Ctrl-C or Ctrl-D at any
prompt is handled here and only here: the draft is saved and `InterviewInterrupted` is
raised for the command line to report (exit 130).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import questionary
from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from founder_check.base.errors import FounderCheckError, Problem
from founder_check.base.private_dirs import ensure_private_dir, make_private_dir
from founder_check.base.unicode_text import replace_lone_surrogates
from founder_check.content.models import Content, Question, Section
from founder_check.interview.answers_file import default_save_path, save_answers
from founder_check.interview.draft_lock import hold_draft
from founder_check.interview.drafts import (
    Draft,
    default_draft_dir,
    read_draft,
    remove_draft,
    save_draft,
)
from founder_check.interview.keys import GoBack
from founder_check.interview.linebreak import cells, wrap
from founder_check.interview.prompts import (
    SKIP,
    menu_prompt,
    metadata_prompt,
    prompt_message,
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
from founder_check.scoring.answer_rules import required_at
from founder_check.scoring.answers import Answers, parse_answers
from founder_check.scoring.conditions import question_applies, questions_in
from founder_check.scoring.valuation import AnswerValue, answer_label

METADATA = ("founder", "company", "stage")
_TITLE_WIDTH = 70  # cells of a review menu entry, at most
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
                raise _stopped_at_setup(draft_path) from None
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
        """Ask, in order, every key not answered in this interview yet; Esc at a prompt
        reopens the key before it, which is then the first one pending."""
        while (key := self._next_pending()) is not None:
            try:
                self._ask_key(key)
            except GoBack:
                self._step_back(key)

    def _order(self) -> list[str]:
        """Every key this interview asks, in order, given the answers so far: the metadata,
        then the questions that apply and count at the founder's stage."""
        effective = self._effective()
        keys = list(self.meta_keys) if self.ask_metadata else []
        for section in self.sections:
            keys += [q.id for q in section.questions if self._asks(q, effective)]
        return keys

    def _next_pending(self) -> str | None:
        for key in self._order():
            if key in METADATA:
                if key not in self.done:
                    return key
            elif not self._is_done(self.content.question_by_id[key]):
                return key
        return None

    def _ask_key(self, key: str) -> None:
        back = self._order().index(key) > 0
        if key in METADATA:
            self._ask_metadata(key, back=back)
            return
        question = self.content.question_by_id[key]
        section = next(s for s in self.sections if s.id == question.section)
        self._ask_question(section, question, back=back)

    def _step_back(self, key: str) -> None:
        """Reopen the key asked just before `key` (its answer stays, preselected)."""
        order = self._order()
        position = order.index(key) if key in order else len(order)
        if position > 0 and order[position - 1] in self.done:
            self._reopen(order[position - 1])

    def _reopen(self, key: str) -> None:
        """Ask `key` again, showing the answer it has (a skip too) as preselected."""
        self.done.remove(key)
        if key not in METADATA and key not in self.values:
            self.skipped_before.add(key)

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
            save_answers(path, answers, self.content, self.lang, when=_now())
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

    def _ask_metadata(self, key: str, *, back: bool = True) -> None:
        self._enter(_ABOUT)
        lang = self.lang
        if key == "stage":
            self._print_question(
                word("stage_question", lang),
                "\n".join(
                    stage.name.get(lang)
                    + ("：" if lang == "zh" else ": ")
                    + stage.description.get(lang)
                    for stage in self.content.stages
                ),
            )
            raw = self.ask(stage_prompt(self.content, lang, self.meta["stage"], back=back))
            self.meta["stage"] = None if raw == SKIP else str(raw)
            self._echo(word("choose_one", lang), self._stage_shown())
        else:
            message = word("founder_prompt" if key == "founder" else "company_prompt", lang)
            raw = self.ask(metadata_prompt(message, self.meta[key], lang, back=back))
            self.meta[key] = replace_lone_surrogates(str(raw or "").strip()) or None
            self._echo(message, self.meta[key] or word("not_given", lang))
        self._mark_done(key)

    def _ask_question(self, section: Section, question: Question, *, back: bool = True) -> None:
        self._enter(section.id)
        lang = self.lang
        effective = self._effective()
        position = self.sections.index(section) + 1
        counted = [q for q in section.questions if q is question or self._counts(q, effective)]
        progress = " · ".join(
            (
                section.title.get(lang),
                word("section_progress", lang, i=position, n=len(self.sections)),
                word("question_progress", lang, j=counted.index(question) + 1, m=len(counted)),
            )
        )
        if not question.required:
            progress += f" · {word('optional', lang)}"
        self.console.print(self._wrapped(progress, style="cyan"))
        self._print_question(question.text.get(lang), question.help.get(lang))
        raw = self.ask(question_prompt(question, lang, self._default(question), back=back))
        if isinstance(raw, str):  # typed text: bytes the terminal could not decode become U+FFFD
            raw = replace_lone_surrogates(raw)
        answer = read_answer(question, raw)
        if answer is None:
            self.values.pop(question.id, None)
            shown = word("skipped", lang)
        else:
            self.values[question.id] = answer
            shown = answer_label(question, answer, lang)
        self._echo(prompt_message(question, lang), shown)
        self._mark_done(question.id)

    def _mark_done(self, key: str) -> None:
        if key not in self.done:
            self.done.append(key)
        self._save_draft()

    # -- review ----------------------------------------------------------------------------

    def _review(self) -> None:
        """The review screen, until the founder chooses to save. Esc there reopens the last
        question; Esc in its menus returns to the screen, and at a changed answer keeps the
        answer as it was."""
        lang = self.lang
        while True:
            self._print_review()
            order = self._order()
            try:
                action = self.ask(
                    menu_prompt(
                        word("review_next", lang),
                        [
                            (word("review_score", lang), _SCORE),
                            (word("review_change", lang), _CHANGE),
                        ],
                        lang,
                        back=bool(order),
                    )
                )
            except GoBack:
                if order[-1] in self.done:
                    self._reopen(order[-1])
                self._ask_pending()
                continue
            if action != _CHANGE:
                return
            target = self._pick_question()
            if target is None:
                continue
            try:
                if target in METADATA:
                    self._ask_metadata(target)
                else:
                    question = self.content.question_by_id[target]
                    section = next(s for s in self.sections if s.id == question.section)
                    self._shown = None
                    self._ask_question(section, question)
            except GoBack:
                continue
            self._ask_pending()

    def _pick_question(self) -> str | None:
        lang = self.lang
        parts: list[tuple[str, str]] = []
        if self.ask_metadata:
            parts.append((word("about_title", lang), _ABOUT))
        parts += [(section.title.get(lang), section.id) for section in self.sections]
        parts.append((word("back", lang), _BACK))
        try:
            part = self.ask(menu_prompt(word("review_pick_section", lang), parts, lang))
            if part == _BACK:
                return None
            entries = self._entries(part)
            width = min(_TITLE_WIDTH, self.console.width - 4)  # one row each, beside the pointer
            choices = [
                (_shorten(f"{title} — {answer}", width), key) for key, title, answer in entries
            ]
            choices.append((word("back", lang), _BACK))
            key = self.ask(menu_prompt(word("review_pick_question", lang), choices, lang))
        except GoBack:
            return None
        return None if key == _BACK else str(key)

    def _entries(self, part: str) -> list[tuple[str, str, str]]:
        """(key, question text, answer shown) for the metadata or one section's questions."""
        lang = self.lang
        if part == _ABOUT:
            given = {
                "founder": self.meta["founder"] or word("not_given", lang),
                "company": self.meta["company"] or word("not_given", lang),
                "stage": self._stage_shown(),
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
            if not self._asks(question, effective):
                continue
            if question.id in effective:
                shown = answer_label(question, effective[question.id], lang)
            elif self._is_done(question):
                shown = word("skipped", lang)
            else:
                shown = word("not_answered", lang)
            entries.append((question.id, question.text.get(lang), shown))
        return entries

    def _stage_shown(self) -> str:
        """The stage as the review shows it: its name, or the stage assumed when not given."""
        lang = self.lang
        stage = self.meta["stage"]
        if stage is not None:
            return self.content.stage_by_id[stage].name.get(lang)
        default = self.content.stage_by_id[self.content.default_stage].name.get(lang)
        return word("default_stage", lang, stage=default)

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
        self.console.print(self._wrapped(intro, style="italic"))

    def _print_question(self, text: str, help_text: str) -> None:
        self.console.print()
        self.console.print(
            Group(
                self._wrapped(text, style="bold"),
                Padding(
                    self._wrapped(help_text, style="dim", indent=2), (0, 0, 0, 2), expand=False
                ),
            )
        )

    def _echo(self, message: str, answer: str) -> None:
        """The answered prompt's line, `? message answer`, wrapped by words (the prompt
        erased itself)."""
        width = self.console.width
        rows = wrap(f"? {message} {answer}", width - 2, first=width)
        text = Text("\n  ".join(rows))
        text.stylize("bold", 0, min(len(rows[0]), len(message) + 2))
        self.console.print(text)

    def _wrapped(self, text: str, *, style: str, indent: int = 0) -> Text:
        """Text broken into rows that fit the console, by words and between Chinese
        characters (rich alone breaks Chinese only where a row is full, punctuation or not)."""
        rows = wrap(text, max(self.console.width - indent, 20))
        return Text("\n".join(rows), style=style)

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

    def _asks(self, question: Question, effective: dict[str, AnswerValue]) -> bool:
        """Whether the interview asks the question: it applies and counts at the stage."""
        return self._expected(question) and self._applies(question, effective)

    def _counts(self, question: Question, effective: dict[str, AnswerValue]) -> bool:
        """Whether the progress line counts the question: it is asked, or may still be (a
        question it depends on is still to be asked), so the count never grows as answers
        come in; it only drops when an answer rules questions out."""
        if not self._expected(question):
            return False
        if self._applies(question, effective):
            return True
        assert question.when is not None
        return any(self._still_open(named, effective) for named in questions_in(question.when))

    def _still_open(self, question_id: str, effective: dict[str, AnswerValue]) -> bool:
        """Whether this interview has still to ask the question (asked ones are decided)."""
        if question_id in self.done:
            return False
        question = self.content.question_by_id.get(question_id)
        if question is None or not any(question.section == s.id for s in self.sections):
            return False
        return self._asks(question, effective) or (
            question.when is not None
            and any(self._still_open(named, effective) for named in questions_in(question.when))
        )

    def _expected(self, question: Question) -> bool:
        """Whether the question counts at the founder's stage: before its `from_stage` the
        scorecard leaves its answer out, so it is not asked (an earlier answer is kept)."""
        if question.from_stage is None:
            return True
        rank = self.content.stage_rank
        stage = self.meta["stage"]
        current = stage if stage in rank else self.content.default_stage
        return rank[question.from_stage] <= rank[current]

    def _applies(self, question: Question, effective: dict[str, AnswerValue] | None = None) -> bool:
        if question.when is None:
            return True
        values = self._effective() if effective is None else effective
        return question_applies(question, values, self.content)

    def _required(self, question: Question) -> bool:
        """Required at the founder's stage (the same rule as answers files)."""
        return required_at(question, self.content, self.meta["stage"])

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


def _stopped_at_setup(draft_path: Path) -> InterviewInterrupted:
    """Stopped before the first question: at the offer to continue a draft, that draft is
    left as it was, and it is what the founder continues from; otherwise nothing was kept."""
    try:
        answered = read_draft(draft_path).answered if draft_path.is_file() else None
    except (FounderCheckError, OSError):
        answered = None
    if answered is None:
        return InterviewInterrupted(None, 0)
    return InterviewInterrupted(draft_path, answered)


def _shorten(text: str, width: int) -> str:
    """A review menu entry on one row: the question and its answer, with "…" if longer (the
    review table above shows both in full)."""
    if cells(text) <= width:
        return text
    rows = wrap(text, max(width - 1, 1))
    return rows[0] + "…"


def _now() -> str:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
