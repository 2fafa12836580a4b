"""The loaded content as plain data (`founder-check questionnaire --json`)."""

from __future__ import annotations

from typing import Any

from founder_check.content.models import Content, Question

QUESTIONNAIRE_FORMAT = 1


def question_data(question: Question) -> dict[str, Any]:
    data = question.model_dump(
        mode="json", by_alias=True, exclude_none=True, exclude={"yes_value", "no_value", "options"}
    )
    if question.kind in ("single", "multi"):
        data["options"] = [option.model_dump(mode="json") for option in question.options]
    elif question.kind in ("yesno", "scale"):
        data["options"] = [{"id": cid, "value": value} for cid, value in question.choices()]
    else:
        data["options"] = []
    if question.when is not None:
        data["when"] = question.when.model_dump(mode="json", by_alias=True, exclude_none=True)
    data["scored"] = question.scored
    return data


def content_data(content: Content) -> dict[str, Any]:
    """Sections with their questions, plus factors, stages and levels, bilingual."""

    def dump(model: Any) -> Any:
        return model.model_dump(mode="json", by_alias=True, exclude_none=True)

    return {
        "format": QUESTIONNAIRE_FORMAT,
        "content": {"name": content.name, "version": content.version},
        "sections": [
            {
                "id": section.id,
                "title": dump(section.title),
                "intro": dump(section.intro),
                "questions": [question_data(q) for q in section.questions],
            }
            for section in content.sections
        ],
        "factors": [dump(factor) for factor in content.factors],
        "stages": [dump(stage) for stage in content.stages],
        "default_stage": content.default_stage,
        "levels": [dump(level) for level in content.levels],
        "red_flags": [dump(flag) for flag in content.red_flags],
    }
