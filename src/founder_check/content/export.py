"""The loaded content as plain data (`founder-check questionnaire --json`)."""

from __future__ import annotations

from typing import Any

from founder_check.base.data import to_data
from founder_check.content.models import Content, Question

# 2: a level's `requires` are `{text, when}` (the must-have as a sentence, and its condition);
# red flags carry `because`
QUESTIONNAIRE_FORMAT = 2


def question_data(question: Question) -> dict[str, Any]:
    data: dict[str, Any] = to_data(question, drop_none=True)
    data.pop("yes_value", None)
    data.pop("no_value", None)
    if question.kind in ("yesno", "scale"):
        data["options"] = [{"id": cid, "value": value} for cid, value in question.choices()]
    data["scored"] = question.scored
    return data


def content_data(content: Content) -> dict[str, Any]:
    """Sections with their questions, plus factors, stages and levels, bilingual."""
    return {
        "format": QUESTIONNAIRE_FORMAT,
        "content": {"name": content.name, "version": content.version},
        "sections": [
            {
                "id": section.id,
                "order": section.order,
                "title": to_data(section.title),
                "intro": to_data(section.intro),
                "questions": [question_data(q) for q in section.questions],
            }
            for section in content.sections
        ],
        "factors": to_data(content.factors, drop_none=True),
        "stages": to_data(content.stages, drop_none=True),
        "default_stage": content.default_stage,
        "levels": to_data(content.levels, drop_none=True),
        "red_flag_caps": dict(content.red_flag_caps),
        "red_flags": to_data(content.red_flags, drop_none=True),
    }
