"""JSON Schemas of what the tool reads and writes (`founder-check schema ...`), and the copies
the installed package carries for editors and other programs.

A schema's `$id` names its format and version, `urn:founder-check:schema:scorecard:3.1`: a
stable name, not a web address. Its file is `founder_check/schema_files/NAME.json` in the
installed package (`founder-check schema NAME --path` prints where), generated from the code
by `python -m tests.make_schemas`; a test fails when a file differs from what the code gives.
The answers schema depends on the content, and the file is the bundled content's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from founder_check.content.models import NO, UNKNOWN, YES, Content, Question

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SHIPPED = ("answers", "scorecard", "cohort", "cohort-scorecard", "cohort-texts")


def schema_id(name: str, version: str) -> str:
    """The `$id` of a format: a URN that stays the same wherever the package is installed."""
    return f"urn:founder-check:schema:{name}:{version}"


def model_schema(model: type[Any], name: str, version: str) -> dict[str, Any]:
    """The JSON Schema of a file the tool writes, from the dataclass it is written from."""
    from pydantic import TypeAdapter

    generated: dict[str, Any] = TypeAdapter(model).json_schema()
    schema = {"$schema": DRAFT, "$id": schema_id(name, version), **generated}
    schema["properties"]["schema_version"] = {"const": version}
    return schema


def scorecard_schema() -> dict[str, Any]:
    from founder_check.scoring.scorecard import SCHEMA_VERSION, Scorecard

    schema = model_schema(Scorecard, "scorecard", SCHEMA_VERSION)
    mark_omitted(schema)
    return schema


def mark_omitted(schema: dict[str, Any]) -> None:
    """Make the fields a scorecard leaves out when empty (`Scorecard.JSON_OMIT_WHEN_NONE`,
    see `json_text`) optional, and never null: `next_level` is absent at the top level."""
    from founder_check.scoring.scorecard import Scorecard

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
    """The answers-file format for this content, in its JSON form (a YAML file read as YAML
    1.2 reads it, as editors do: `date` a text, `yes` and `no` words)."""
    version = f"{quote(content.name, safe='')}:{quote(content.version, safe='')}"
    return {
        "$schema": DRAFT,
        "$id": schema_id("answers", version),
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


def schema_text(schema: dict[str, Any]) -> str:
    """A schema as `founder-check schema` prints it and the package ships it."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def shipped_file(name: str) -> Path | None:
    """The installed package's file of a schema; None when the package is not installed as
    files (a zip), so there is no path to give."""
    from importlib.resources import files

    resource = files("founder_check") / "schema_files" / f"{name}.json"
    return resource if isinstance(resource, Path) and resource.is_file() else None


def answers_schema_file(content: Content) -> Path | None:
    """The shipped answers schema when it is exactly this content's: for the bundled content
    (or an unchanged copy of it), None for any other content."""
    path = shipped_file("answers")
    if path is None or path.read_text(encoding="utf-8") != schema_text(answers_schema(content)):
        return None
    return path


def editor_line(content: Content) -> str | None:
    """The first line of an answers file that makes editors with a YAML language server (VS
    Code's YAML extension, and others) check and complete it against the shipped schema;
    None when no shipped schema fits the content. A `file:` URI: any path, spaces too."""
    path = answers_schema_file(content)
    return None if path is None else f"# yaml-language-server: $schema={path.as_uri()}"
