"""One exception root for everything a user can get wrong.

The CLI prints these as plain messages (never a traceback) and maps them to exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is and what was expected."""

    source: str
    message: str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.source
        if self.line is not None:
            where += f":{self.line}"
        if self.field:
            where += f": {self.field}"
        return f"{where}: {self.message}"


class FounderCheckError(Exception):
    """A user-facing error; `problems` lists every issue found, with file and line."""

    exit_code = 1

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(source="founder-check", message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = problems
        super().__init__("\n".join(str(p) for p in problems))


class InputFileError(FounderCheckError):
    """A file could not be read as YAML or JSON (size, encoding, syntax, structure)."""


class ContentError(FounderCheckError):
    """The questionnaires or scoring files are invalid."""


class AnswersError(FounderCheckError):
    """An answers file (or CSV row, or draft) does not fit the questionnaire."""


class OutputError(FounderCheckError):
    """An output file cannot be written (a folder, a read-only place, a full disk)."""


class UsageError(FounderCheckError):
    """The command line itself is wrong (exit code 2)."""

    exit_code = 2
