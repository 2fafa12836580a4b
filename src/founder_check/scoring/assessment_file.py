"""Read one assessment for `compare`: an answers file or a scorecard, told apart by content.

A scorecard (`assess --json`, or a cohort's `scorecards/NAME.json`) holds every answer in
`questions[]` and the stage it was scored at, so its answers can be scored again; that needs
the content it was scored with, so a scorecard made with other content (or another version
of it) is refused with a message saying so, rather than compared on rules it was not scored
by.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from founder_check.base.errors import InputFileError, Problem
from founder_check.base.readers import load_data
from founder_check.content.models import Content
from founder_check.scoring.answers import Answers, parse_answers

_WITH_ANSWERS = frozenset({"answered", "unknown", "not_expected", "unscored", "skipped"})


def load_assessment(path: Path, content: Content) -> Answers:
    """The answers of an answers file (checked as `assess --answers` checks them) or of a
    scorecard."""
    source = str(path)
    data = load_data(path)
    if is_scorecard(data):
        return answers_from_scorecard(data, content, source)
    return parse_answers(data, content, source=source)


def is_scorecard(data: Any) -> bool:
    """A scorecard has a `schema_version`, which an answers file never has."""
    return isinstance(data, Mapping) and "schema_version" in data


def answers_from_scorecard(data: Mapping[str, Any], content: Content, source: str) -> Answers:
    """The answers a scorecard was made from: its questions' answers, subject, stage, date."""
    _check_content(data, content, source)
    answers = _scorecard_answers(data, source)
    stage = data.get("stage")
    stage_id = None
    if isinstance(stage, Mapping) and stage.get("source") != "default":
        stage_id = stage.get("id")
    subject = data.get("subject")
    subject = subject if isinstance(subject, Mapping) else {}
    file_data = {
        "founder": subject.get("founder"),
        "company": subject.get("company"),
        "stage": stage_id,
        "date": _scorecard_date(data),
        "answers": answers,
    }
    return parse_answers(file_data, content, source=source, require_complete=False)


def _scorecard_answers(data: Mapping[str, Any], source: str) -> dict[str, Any]:
    """The answers of a scorecard: a cohort's (by id) holds them in `answers`, one of
    `assess --json` in its `questions` list."""
    compact = data.get("answers")
    if isinstance(compact, Mapping):
        return {str(question): answer for question, answer in compact.items()}
    questions = data.get("questions")
    if not isinstance(questions, list) or not all(isinstance(q, Mapping) for q in questions):
        raise InputFileError(
            Problem(source, "a scorecard without its 'questions' list; cannot compare it")
        )
    return {
        str(item.get("id")): item.get("answer")
        for item in questions
        if item.get("status") in _WITH_ANSWERS
    }


def _check_content(data: Mapping[str, Any], content: Content, source: str) -> None:
    made_with = data.get("content")
    name = version = None
    if isinstance(made_with, Mapping):
        name, version = made_with.get("name"), made_with.get("version")
    if (name, version) == (content.name, content.version):
        return
    raise InputFileError(
        Problem(
            source,
            f"this scorecard was scored with the content {name} {version}, but the content "
            f"in use is {content.name} {content.version}; a scorecard is compared by scoring "
            "its answers again, which needs the same content: compare the answers files "
            "instead, or give --content the content folder it was scored with",
        )
    )


def _scorecard_date(data: Mapping[str, Any]) -> str | None:
    """The scorecard's `date`; for one written before scorecards had it, the day of its
    `generated_at`."""
    found = data.get("date")
    if found is None and isinstance(data.get("generated_at"), str):
        found = data["generated_at"][:10]
    return found if isinstance(found, str) else None
