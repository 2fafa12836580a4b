"""What a run keeps of each rejected input: its first problems and how many more there were.

A form export whose every row fails every column would otherwise keep and write every
problem of every row (about 60 a row: 37 KB of memory and 20 KB of output each, gigabytes
for 100,000 rows). A rejected input keeps its first `PROBLEMS_KEPT` problems, messages cut at
`MESSAGE_CHARS`; once `DETAILED_INPUTS` inputs have been rejected in a run, each later one
keeps its first problem only, its message cut at `BRIEF_MESSAGE_CHARS`: by then the problem
is systematic (a wrong mapping, a form changed), and the first ones show it in full. The last
problem kept says how many more were not listed. Inputs are counted in processing order, so
which inputs get full detail does not depend on `--jobs`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from founder_check.cohort.inputs import Rejection
from founder_check.cohort.text import shown_path, truncated, writable
from founder_check.errors import Problem

PROBLEMS_KEPT = 3
DETAILED_INPUTS = 1000
MESSAGE_CHARS = 300
BRIEF_MESSAGE_CHARS = 60
STRICT_MESSAGE_CHARS = 2000
FIELD_CHARS = 120


class RejectionLimiter:
    """Trims each rejection as it arrives; remembers only how many it has seen."""

    def __init__(self) -> None:
        self.count = 0

    def trim(self, rejection: Rejection) -> Rejection:
        self.count += 1
        detailed = self.count <= DETAILED_INPUTS
        kept = PROBLEMS_KEPT if detailed else 1
        chars = MESSAGE_CHARS if detailed else BRIEF_MESSAGE_CHARS
        problems = [_trimmed(problem, chars) for problem in rejection.problems[:kept]]
        rest = len(rejection.problems) - len(problems)
        if rest:
            last = problems[-1]
            more = f"{rest} more problem{'s' if rest > 1 else ''}"
            problems[-1] = replace(last, message=f"{last.message} (and {more})")
        return Rejection(
            shown_path(rejection.source), rejection.row, tuple(problems), rejection.duplicate
        )


def readable(problems: Sequence[Problem]) -> list[Problem]:
    """Every problem, in text any terminal takes (for `--strict`, which stops at one input)."""
    return [_trimmed(problem, STRICT_MESSAGE_CHARS) for problem in problems]


def _trimmed(problem: Problem, chars: int) -> Problem:
    field = problem.field
    if field is not None:
        field = truncated(writable(field), FIELD_CHARS)
    return Problem(
        shown_path(problem.source),
        truncated(writable(problem.message), chars),
        line=problem.line,
        field=field,
    )
