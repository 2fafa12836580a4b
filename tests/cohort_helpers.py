"""Helpers for the cohort tests: write founders' answers files, run the command, read outputs."""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from founder_check import Content
from tests.answer_factory import answers_data, csv_cell


def founder_data(content: Content, number: int, **kwargs: Any) -> dict[str, Any]:
    """Valid random answers for founder `number` (the same for the same number)."""
    kwargs.setdefault("founder", f"Founder {number:02d}")
    kwargs.setdefault("company", f"Company {number:02d}")
    return answers_data(content, rng=random.Random(1000 + number), **kwargs)


def write_answers(path: Path, data: dict[str, Any]) -> Path:
    """An answers file, YAML or JSON by the suffix of `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".json":
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_cohort(folder: Path, content: Content, count: int, *, start: int = 0) -> list[Path]:
    """`count` valid founders as YAML files in `folder`."""
    return [
        write_answers(folder / f"founder-{n:02d}.yaml", founder_data(content, n))
        for n in range(start, start + count)
    ]


def write_csv(path: Path, content: Content, rows: list[dict[str, Any]], sep: str = ";") -> Path:
    """A CSV whose header is founder, company, stage and every question id."""
    headers = ["founder", "company", "stage", *(q.id for q in content.questions)]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for data in rows:
        answers = data["answers"]
        writer.writerow(
            [data.get("founder", ""), data.get("company", ""), data.get("stage", "")]
            + [csv_cell(answers.get(q.id), sep) for q in content.questions]
        )
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def invoke(*args: str) -> Any:
    """Run the CLI in this process (fast); result has exit_code, stdout and stderr."""
    from founder_check.cli import app

    return CliRunner().invoke(app, list(args), env={"COLUMNS": "120", "NO_COLOR": "1"})


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def read_csv(path: Path) -> list[dict[str, str]]:
    """A CSV file the tool wrote: UTF-8 after a byte-order mark (for spreadsheets)."""
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def workbook_values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every sheet of a workbook the tool wrote: sheet name -> rows of cell values."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book}
    finally:
        book.close()


def outputs_without_timestamps(out: Path) -> dict[str, Any]:
    """Every file of a cohort report, parsed, with the run's timestamp left out."""
    files: dict[str, Any] = {}
    for path in sorted(out.rglob("*")):
        if not path.is_file():
            continue
        name = str(path.relative_to(out))
        if path.suffix == ".json":
            data = read_json(path)
            data.pop("generated_at", None)
            files[name] = data
        elif path.suffix == ".xlsx":
            files[name] = workbook_values(path)
        else:
            files[name] = path.read_text(encoding="utf-8")
    return files
