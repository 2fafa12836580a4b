"""Cross-file checks of a content folder: every reference must point at something real.

`models` validates each file alone; this module checks what needs the whole folder: ids
unique, factors, stages, chapters and questions referenced by id exist, conditions test
questions in ways their kind allows, and `when` conditions only look back at context
questions (so that a better answer can never switch questions on or off and lower a score).
It also enforces what a founder reads: every red flag says `because`, and every answer label
reads on its own (`wording`). Every chapter a question, factor or red flag cites has a
`lesson`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import Any

from founder_check.base.errors import Problem
from founder_check.content.files import LoadedContent
from founder_check.content.models import Condition, Question, Severity, Text
from founder_check.content.punctuation import punctuation_problem
from founder_check.content.wording import leans_on_another

CHAPTER_REF = re.compile(r"^(\d{3}) §([0-9A-Z]+(?:\.[0-9]+)*)$")
_CHOICE_TESTS = ("equals", "one_of")
_SET_TESTS = ("includes", "includes_any")
_NUMBER_TESTS = ("lt", "le", "gt", "ge")


class _Checker:
    def __init__(self, loaded: LoadedContent) -> None:
        self.loaded = loaded
        self.problems: list[Problem] = []
        self.questions: dict[str, Question] = {}
        self.question_order: dict[str, int] = {}
        self.factor_ids = {f.id for f in loaded.factors.factors} if loaded.factors else set()
        self.stage_ids = {s.id for s in loaded.stages.stages} if loaded.stages else set()
        self.level_ids = {lv.id for lv in loaded.levels.levels} if loaded.levels else set()
        self.chapter_refs: set[str] = set()

    def add(self, path: str, loc: tuple[int | str, ...], message: str) -> None:
        line = self.loaded.sources.line(path, loc)
        field = ".".join(str(part) for part in loc) or None
        self.problems.append(Problem(path, message, line=line, field=field))

    def run(self) -> list[Problem]:
        self.check_chapters()
        self.check_sections()
        self.check_factors()
        self.check_stages()
        self.check_levels()
        self.check_red_flags()
        self.check_lessons()
        self.check_chinese()
        return self.problems

    def check_chapters(self) -> None:
        seen_docs: dict[str, str] = {}
        for path, chapters_file in self.loaded.chapter_files:
            doc = chapters_file.document.id
            if doc in seen_docs:
                self.add(path, ("document", "id"), f"document {doc} is also in {seen_docs[doc]}")
            seen_docs[doc] = path
            for index, entry in enumerate(chapters_file.chapters):
                ref = f"{doc} §{entry.section}"
                if not CHAPTER_REF.match(ref):
                    self.add(path, ("chapters", index, "section"), f"bad section {entry.section!r}")
                if ref in self.chapter_refs:
                    self.add(path, ("chapters", index, "section"), f"chapter {ref} listed twice")
                self.chapter_refs.add(ref)

    def check_refs(self, path: str, loc: tuple[int | str, ...], refs: Iterable[str]) -> None:
        for index, ref in enumerate(refs):
            if not CHAPTER_REF.match(ref):
                self.add(
                    path, (*loc, index), f"{ref!r} is not a chapter reference like '002 §1.20'"
                )
            elif ref not in self.chapter_refs:
                self.add(path, (*loc, index), f"chapter {ref} is not in scoring/chapters/")

    def check_sections(self) -> None:
        section_ids: dict[str, str] = {}
        for path, section in self.loaded.sections:
            if section.id in section_ids:
                self.add(
                    path, ("id",), f"section {section.id!r} is also in {section_ids[section.id]}"
                )
            section_ids[section.id] = path
            for index, question in enumerate(section.questions):
                self.check_question(path, ("questions", index), section.id, question)

    def check_question(
        self, path: str, loc: tuple[int | str, ...], section_id: str, question: Question
    ) -> None:
        if question.section != section_id:
            self.add(path, (*loc, "id"), f"question id must start with '{section_id}.'")
        if question.id in self.questions:
            self.add(path, (*loc, "id"), f"duplicate question id {question.id!r}")
        for factor in question.factors:
            if factor not in self.factor_ids:
                self.add(path, (*loc, "factors", factor), f"unknown factor {factor!r}")
        if question.scored and not question.chapters:
            self.add(path, (*loc, "chapters"), "a scored question must cite its chapters")
        self.check_refs(path, (*loc, "chapters"), question.chapters)
        self.check_action(path, loc, question)
        if question.from_stage is not None and question.from_stage not in self.stage_ids:
            self.add(path, (*loc, "from_stage"), f"unknown stage {question.from_stage!r}")
        if question.when is not None:
            self.check_condition(path, (*loc, "when"), question.when, asked_before=True)
        self.check_labels(path, loc, question)
        self.questions[question.id] = question
        self.question_order[question.id] = len(self.question_order)

    def check_labels(self, path: str, loc: tuple[int | str, ...], question: Question) -> None:
        """Every option, scale and band label reads on its own (a report quotes it alone)."""
        labels: list[tuple[tuple[int | str, ...], Text]] = [
            ((*loc, "options", index, "label"), option.label)
            for index, option in enumerate(question.options)
        ]
        labels += [
            ((*loc, "bands", index, "label"), band.label)
            for index, band in enumerate(question.bands)
        ]
        if question.scale is not None:
            labels += [
                ((*loc, "scale", "labels", str(point)), text)
                for point, text in sorted(question.scale.labels.items())
            ]
        for where, label in labels:
            message = leans_on_another(label)
            if message:
                self.add(path, where, message)

    def check_action(self, path: str, loc: tuple[int | str, ...], question: Question) -> None:
        """A scored question says what to do to improve its answer, and within how many
        days: the next-steps plan quotes both for every question it picks."""
        if not question.scored:
            return
        if question.action is None:
            self.add(
                path,
                (*loc, "action"),
                f"scored question {question.id!r} needs 'action': {{en, zh}}, what a founder "
                "can do to improve this answer",
            )
        if question.horizon_days is None:
            self.add(
                path,
                (*loc, "horizon_days"),
                f"scored question {question.id!r} needs 'horizon_days': 30, 60 or 90, the days "
                "its action takes",
            )

    def check_condition(
        self,
        path: str,
        loc: tuple[int | str, ...],
        condition: Condition,
        *,
        asked_before: bool = False,
    ) -> None:
        for node in condition.walk():
            if node.stage_in is not None:
                if asked_before:
                    self.add(path, loc, "a question's 'when' cannot test the stage")
                for stage in node.stage_in:
                    if stage not in self.stage_ids:
                        self.add(path, loc, f"unknown stage {stage!r}")
                continue
            if node.factor is not None:
                if asked_before:
                    self.add(path, loc, "a question's 'when' cannot test a factor score")
                elif node.factor not in self.factor_ids:
                    self.add(path, loc, f"unknown factor {node.factor!r}")
                continue
            if node.question is None:
                continue
            target = self.questions.get(node.question)
            if target is None:
                if asked_before:
                    self.add(
                        path, loc, f"{node.question!r} is not a question asked before this one"
                    )
                else:
                    target = self._any_question(node.question)
                    if target is None:
                        self.add(path, loc, f"unknown question {node.question!r}")
                if target is None:
                    continue
            if asked_before and target.scored:
                self.add(
                    path,
                    loc,
                    f"{target.id!r} decides whether this question is asked, so it must be an "
                    "unscored context question (no factors)",
                )
            message = _test_fits(node, target)
            if message:
                self.add(path, loc, message)

    def _any_question(self, question_id: str) -> Question | None:
        for _, section in self.loaded.sections:
            for question in section.questions:
                if question.id == question_id:
                    return question
        return None

    def check_factors(self) -> None:
        if self.loaded.factors is None:
            return
        path = self.loaded.factors_path
        seen: set[str] = set()
        for index, factor in enumerate(self.loaded.factors.factors):
            if factor.id in seen:
                self.add(path, ("factors", index, "id"), f"duplicate factor {factor.id!r}")
            seen.add(factor.id)
            self.check_refs(path, ("factors", index, "chapters"), factor.chapters)
        fed = {factor for question in self.questions.values() for factor in question.factors}
        for index, factor in enumerate(self.loaded.factors.factors):
            if factor.id not in fed:
                self.add(path, ("factors", index, "id"), f"no question feeds factor {factor.id!r}")

    def check_stages(self) -> None:
        stages = self.loaded.stages
        if stages is None:
            return
        path = self.loaded.stages_path
        if stages.default not in self.stage_ids:
            self.add(path, ("default",), f"default stage {stages.default!r} is not defined")
        seen: set[str] = set()
        for index, stage in enumerate(stages.stages):
            if stage.id in seen:
                self.add(path, ("stages", index, "id"), f"duplicate stage {stage.id!r}")
            seen.add(stage.id)
            for name, table in (("weights", stage.weights), ("targets", stage.targets)):
                for factor, number in table.items():
                    where = ("stages", index, name, factor)
                    if factor not in self.factor_ids:
                        self.add(path, where, f"unknown factor {factor!r}")
                    if name == "weights" and not number > 0:
                        self.add(path, where, "a weight must be above 0")
                    if name == "targets" and not 0 <= number <= 100:
                        self.add(path, where, "a target is a score from 0 to 100")

    def check_levels(self) -> None:
        levels = self.loaded.levels
        if levels is None:
            return
        path = self.loaded.levels_path
        previous = -1.0
        seen: set[str] = set()
        for index, level in enumerate(levels.levels):
            if level.id in seen:
                self.add(path, ("levels", index, "id"), f"duplicate level {level.id!r}")
            seen.add(level.id)
            if index == 0 and level.min_score != 0:
                self.add(path, ("levels", index, "min_score"), "the first level starts at 0")
            if level.min_score <= previous:
                self.add(path, ("levels", index, "min_score"), "levels must rise in min_score")
            previous = level.min_score
            for number, requirement in enumerate(level.requires):
                where = ("levels", index, "requires", number, "when")
                self.check_condition(path, where, requirement.when)
        for severity, level_id in levels.red_flag_caps.items():
            if level_id not in self.level_ids:
                self.add(path, ("red_flag_caps", severity), f"unknown level {level_id!r}")
        self.check_red_flag_points(path, levels.red_flag_points, levels.red_flag_points_max)

    def check_red_flag_points(
        self, path: str, points: dict[Severity, float], most: float | None
    ) -> None:
        """Points are 0-100 and never larger for a milder severity: a better answer that
        turns a critical flag into a major one must not cost more."""
        for severity, value in points.items():
            if not 0 <= value <= 100:
                self.add(path, ("red_flag_points", severity), "expected points from 0 to 100")
        severities: tuple[Severity, ...] = ("critical", "major", "minor")  # most severe first
        ordered = [points.get(severity, 0.0) for severity in severities]
        if any(milder > harsher for harsher, milder in itertools.pairwise(ordered)):
            self.add(path, ("red_flag_points",), "a milder severity cannot cost more points")
        if most is not None and not 0 <= most <= 100:
            self.add(path, ("red_flag_points_max",), "expected points from 0 to 100")

    def check_red_flags(self) -> None:
        red_flags = self.loaded.red_flags
        if red_flags is None:
            return
        path = self.loaded.red_flags_path
        seen: set[str] = set()
        for index, flag in enumerate(red_flags.red_flags):
            if flag.id in seen:
                self.add(path, ("red_flags", index, "id"), f"duplicate red flag {flag.id!r}")
            seen.add(flag.id)
            self.check_condition(path, ("red_flags", index, "when"), flag.when)
            self.check_refs(path, ("red_flags", index, "chapters"), flag.chapters)
            if flag.because is None:
                self.add(
                    path,
                    ("red_flags", index, "id"),
                    "a red flag needs 'because': {en, zh}, why it holds, as a sentence "
                    "about the company",
                )

    def check_lessons(self) -> None:
        """Every chapter the report can recommend says what it teaches (`lesson`): founders
        read the lesson, not the book, so a cited chapter without one would be a bare title."""
        cited: dict[str, str] = {}
        for question in self.questions.values():
            for ref in question.chapters:
                cited.setdefault(ref, f"question {question.id!r}")
        for factor in self.loaded.factors.factors if self.loaded.factors else ():
            for ref in factor.chapters:
                cited.setdefault(ref, f"factor {factor.id!r}")
        for flag in self.loaded.red_flags.red_flags if self.loaded.red_flags else ():
            for ref in flag.chapters:
                cited.setdefault(ref, f"red flag {flag.id!r}")
        for path, chapters_file in self.loaded.chapter_files:
            for index, entry in enumerate(chapters_file.chapters):
                ref = f"{chapters_file.document.id} §{entry.section}"
                if ref in cited and entry.lesson is None:
                    self.add(
                        path,
                        ("chapters", index, "lesson"),
                        f"chapter {ref} is cited by {cited[ref]}, so it needs 'lesson': "
                        "{en, zh}, what it teaches a founder, in our own words",
                    )

    def check_chinese(self) -> None:
        """Every `zh` text of every file uses full-width punctuation (`punctuation`)."""
        for path, data in self.loaded.sources.raw.items():
            todo: list[tuple[tuple[int | str, ...], Any]] = [((), data)]
            while todo:
                loc, node = todo.pop()
                if isinstance(node, dict):
                    zh = node.get("zh")
                    message = punctuation_problem(zh) if isinstance(zh, str) else None
                    if message:
                        self.add(path, (*loc, "zh"), message)
                    todo.extend(((*loc, key), value) for key, value in node.items())
                elif isinstance(node, list):
                    todo.extend(((*loc, index), value) for index, value in enumerate(node))


def _test_fits(node: Condition, question: Question) -> str | None:
    """Why this test cannot apply to this question's kind or options, or None if it can."""
    kind = question.kind
    if node.answered is not None:
        return None
    if node.value_below is not None or node.value_at_least is not None:
        return None if question.scored else f"{question.id!r} has no scored value to test"
    if node.equals is not None or node.one_of is not None:
        wanted = [node.equals] if node.equals is not None else list(node.one_of or ())
        if kind in ("single", "yesno"):
            known = {choice for choice, _ in question.choices()}
            unknown = [w for w in wanted if w not in known]
            if unknown:
                return f"{question.id!r} has no option {', '.join(map(repr, unknown))}"
            return None
        if kind in ("scale", "number"):
            try:
                [float(w) for w in wanted]
            except ValueError:
                return f"{question.id!r} is a {kind} question: compare it with a number"
            return None
        return f"equals/one_of does not apply to a {kind} question (use includes)"
    if node.includes is not None or node.includes_any is not None:
        if kind != "multi":
            return f"includes applies to multi questions; {question.id!r} is {kind}"
        wanted = [node.includes] if node.includes is not None else list(node.includes_any or ())
        known = {option.id for option in question.options}
        unknown = [w for w in wanted if w not in known]
        return f"{question.id!r} has no option {', '.join(map(repr, unknown))}" if unknown else None
    if kind not in ("number", "scale"):
        return f"lt/le/gt/ge apply to number and scale questions; {question.id!r} is {kind}"
    return None


def cross_check(loaded: LoadedContent) -> list[Problem]:
    """Every problem that needs the whole folder to see."""
    return _Checker(loaded).run()
