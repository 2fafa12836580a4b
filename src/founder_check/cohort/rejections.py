"""What a run keeps of each rejected input: its first problems and how many more there were.

A form export whose every row fails every column would otherwise keep and write every
problem of every row (about 60 a row: 37 KB of memory and 20 KB of output each, gigabytes
for 100,000 rows). A rejected input keeps its first `PROBLEMS_KEPT` problems, messages cut at
`MESSAGE_CHARS`; once `DETAILED_INPUTS` inputs have been rejected in a run, each later one
keeps its first problem only, its message cut at `BRIEF_MESSAGE_CHARS`: by then the problem
is systematic (a wrong mapping, a form changed), and the first ones show it in full. The last
problem kept says how many more were not listed. Inputs are counted in processing order, so
which inputs get full detail does not depend on `--jobs`.

Trimming is also where a problem is told in the report's language: messages are made in
English with their template (`messages.Message`), and what is kept is their text in `lang`,
cut after telling, so a Chinese reason is cut at the same number of characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from founder_check.base.errors import Problem
from founder_check.base.messages import told
from founder_check.base.problem_texts import PROBLEMS
from founder_check.cohort.inputs import Rejection
from founder_check.cohort.text import shown_path, truncated, writable
from founder_check.content.models import Lang

PROBLEMS_KEPT = 3
DETAILED_INPUTS = 1000
MESSAGE_CHARS = 300
BRIEF_MESSAGE_CHARS = 60
STRICT_MESSAGE_CHARS = 2000
FIELD_CHARS = 120


class RejectionLimiter:
    """Trims each rejection as it arrives, its problems told in `lang`; remembers only how many
    it has seen."""

    def __init__(self, lang: Lang = "en") -> None:
        self.lang = lang
        self.count = 0

    def trim(self, rejection: Rejection) -> Rejection:
        self.count += 1
        detailed = self.count <= DETAILED_INPUTS
        kept = PROBLEMS_KEPT if detailed else 1
        chars = MESSAGE_CHARS if detailed else BRIEF_MESSAGE_CHARS
        lang = self.lang
        problems = [_trimmed(problem, chars, lang) for problem in rejection.problems[:kept]]
        rest = len(rejection.problems) - len(problems)
        if rest:
            last = problems[-1]
            message = PROBLEMS("more_problems", lang, message=last.message, count=rest)
            problems[-1] = replace(last, message=message)
        return Rejection(
            shown_path(rejection.source), rejection.row, tuple(problems), rejection.duplicate
        )


def readable(problems: Sequence[Problem], lang: Lang = "en") -> list[Problem]:
    """Every problem, in text any terminal takes (for `--strict`, which stops at one input)."""
    return [_trimmed(problem, STRICT_MESSAGE_CHARS, lang) for problem in problems]


def _trimmed(problem: Problem, chars: int, lang: Lang) -> Problem:
    field = problem.field
    if field is not None:
        field = truncated(writable(told(field, lang)), FIELD_CHARS)
    return Problem(
        shown_path(problem.source),
        truncated(writable(told(problem.message, lang)), chars),
        line=problem.line,
        field=field,
    )
