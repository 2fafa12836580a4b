"""JSON Schemas of what the tool reads and writes (`founder-check schema ...`)."""

from __future__ import annotations

from typing import Any

from founder_check.content.models import NO, UNKNOWN, YES, Content, Question

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def scorecard_schema() -> dict[str, Any]:
    from pydantic import TypeAdapter

    from founder_check.scorecard import SCHEMA_VERSION, Scorecard

    schema = TypeAdapter(Scorecard).json_schema()
    schema["$schema"] = DRAFT
    schema["$id"] = f"https://founder-check.invalid/schema/scorecard-{SCHEMA_VERSION}.json"
    schema["properties"]["schema_version"] = {"const": SCHEMA_VERSION}
    mark_date(schema)
    mark_omitted(schema)
    return schema


def mark_date(schema: dict[str, Any]) -> None:
    """Declare the scorecard's `date` an ISO 8601 date: held as text (the scorecard is built
    and encoded without pydantic), so the generated schema only knows it is a string."""
    schema["properties"]["date"]["format"] = "date"


def mark_omitted(schema: dict[str, Any]) -> None:
    """Make the fields a scorecard leaves out when empty (`Scorecard.JSON_OMIT_WHEN_NONE`,
    see `json_text`) optional, and never null: `next_level` is absent at the top level."""
    from founder_check.scorecard import Scorecard

    for name in Scorecard.JSON_OMIT_WHEN_NONE:
        schema["required"].remove(name)
        field = schema["properties"][name]
        choices = [c for c in field.pop("anyOf", []) if c != {"type": "null"}]
        if len(choices) == 1:
            field.update(choices[0])
        elif choices:
            field["anyOf"] = choices
        field.pop("default", None)


def _answer_schema(question: Question) -> dict[str, Any]:
    kind = question.kind
    description = question.text.en
    schema: dict[str, Any]
    if kind == "single":
        schema = {"enum": [option.id for option in question.options]}
    elif kind == "multi":
        schema = {
            "type": "array",
            "items": {"enum": [option.id for option in question.options]},
            "uniqueItems": True,
        }
    elif kind == "yesno":
        schema = {"anyOf": [{"type": "boolean"}, {"enum": [YES, NO]}]}
    elif kind == "scale" and question.scale is not None:
        schema = {"type": "integer", "minimum": question.scale.min, "maximum": question.scale.max}
    elif kind == "number":
        schema = {
            "type": "integer" if question.integer else "number",
            "minimum": question.min,
            "maximum": question.max,
        }
    else:
        schema = {"type": "string", "maxLength": 10_000}
    choices = [schema, {"type": "null"}]
    if question.scored:  # "not sure"; also read in any case
        choices.insert(1, {"enum": [UNKNOWN, "不确定"], "description": "not sure"})
    return {"description": description, "anyOf": choices}


def answers_schema(content: Content) -> dict[str, Any]:
    """The answers-file format for this content, in its JSON form."""
    return {
        "$schema": DRAFT,
        "title": f"founder-check answers ({content.name} {content.version})",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "founder": {"type": ["string", "null"]},
            "company": {"type": ["string", "null"]},
            "stage": {"anyOf": [{"enum": [s.id for s in content.stages]}, {"type": "null"}]},
            "date": {
                "anyOf": [{"type": "string", "format": "date"}, {"type": "null"}],
                "description": "when the answers were given, YYYY-MM-DD",
            },
            "answers": {
                "type": "object",
                "additionalProperties": False,
                "properties": {q.id: _answer_schema(q) for q in content.questions},
            },
        },
        "required": ["answers"],
    }
