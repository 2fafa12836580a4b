"""Write the JSON Schemas the package ships (src/founder_check/schema_files/) from the code.

    python -m tests.make_schemas

Run it after changing a scorecard or cohort model, or the bundled content (the answers
schema is the bundled content's); tests/test_schemas.py fails until the files match the code.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from founder_check import load_content
from founder_check.cohort.models import (
    cohort_schema,
    cohort_scorecard_schema,
    cohort_texts_schema,
)
from founder_check.scoring.schemas import SHIPPED, answers_schema, schema_text, scorecard_schema

FOLDER = Path(__file__).resolve().parent.parent / "src" / "founder_check" / "schema_files"

BUILDERS: dict[str, Callable[[], dict[str, Any]]] = {
    "answers": lambda: answers_schema(load_content()),
    "scorecard": scorecard_schema,
    "cohort": cohort_schema,
    "cohort-scorecard": cohort_scorecard_schema,
    "cohort-texts": cohort_texts_schema,
}
assert tuple(BUILDERS) == SHIPPED, "a shipped schema without a builder, or the reverse"


def generated(name: str) -> str:
    """The text the package should ship for a schema, as the code gives it now."""
    return schema_text(BUILDERS[name]())


def main() -> None:
    FOLDER.mkdir(exist_ok=True)
    for name in SHIPPED:
        path = FOLDER / f"{name}.json"
        text = generated(name)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"written: {path}")
    for path in sorted(FOLDER.glob("*.json")):
        if path.stem not in SHIPPED:
            path.unlink()
            print(f"removed: {path}")


if __name__ == "__main__":
    main()
