"""A cohort with one input of every kind of rejection, for the tests of the reasons' wording.

`write_rejections(folder, content)` writes the inputs into `folder` and returns the command
line arguments (paths relative to `folder`, so the reasons name the same paths wherever the
test runs). Founders named `CRASH_FOUNDER` are meant to meet a bug while scored (the test
patches the engine), which is the one kind of rejection a file alone cannot cause.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from typing import Any

from founder_check import Content
from founder_check.content.models import Question
from tests.answer_factory import answers_data, csv_cell, first_applicable
from tests.cohort_helpers import write_answers

CRASH_FOUNDER = "Crash Founder"


def _founder(content: Content, number: int, **overrides: Any) -> dict[str, Any]:
    data = answers_data(
        content,
        founder=f"Founder {number:02d}",
        company=f"Company {number:02d}",
        rng=random.Random(500 + number),
    )
    data["answers"].update(overrides)
    return data


def _question(content: Content, kind: str, *, scored: bool | None = None) -> Question:
    for question in content.questions:
        if question.kind != kind or question.when is not None or not question.required:
            continue
        if question.from_stage is not None:
            continue
        if scored is None or question.scored == scored:
            return question
    raise LookupError(f"no plain required {kind} question")


def _exclusive(content: Content) -> tuple[Question, str, str]:
    for question in content.questions:
        if question.kind != "multi" or question.when is not None or question.from_stage:
            continue
        exclusive = [o.id for o in question.options if o.exclusive]
        plain = [o.id for o in question.options if not o.exclusive]
        if exclusive and plain:
            return question, exclusive[0], plain[0]
    raise LookupError("no multi question with an exclusive option")


def _bad_answers(content: Content) -> dict[str, dict[str, Any]]:
    """Answers files (name -> data) each breaking one rule of the answers."""
    single = _question(content, "single", scored=True)
    context = _question(content, "single", scored=False)
    multi = _question(content, "multi")
    exclusive, only, plain = _exclusive(content)
    yesno = first_applicable(content, "yesno")
    scale = _question(content, "scale")
    number = _question(content, "number", scored=True)
    whole = next(q for q in content.questions if q.kind == "number" and q.integer and q.scored)
    text = next(q for q in content.questions if q.kind == "text")
    required = _question(content, "single", scored=True)
    files: dict[str, dict[str, Any]] = {
        "d02-unknown-key.yaml": {**_founder(content, 2), "extra": "x"},
        "d03-metadata-list.yaml": {**_founder(content, 3), "company": ["a", "b"]},
        "d04-unknown-stage.yaml": {**_founder(content, 4), "stage": "moonshot"},
        "d05-date-text.yaml": {**_founder(content, 5), "date": "next week"},
        "d06-date-calendar.yaml": {**_founder(content, 6), "date": "2026-02-30"},
        "d07-answers-list.yaml": {"founder": "Founder 07", "answers": ["a", "b"]},
        "d08-unknown-question.yaml": _founder(content, 8, **{single.id + "x": "y"}),
        "d11-not-an-option.yaml": _founder(content, 11, **{single.id: "no_such_option"}),
        "d12-unknown-combined.yaml": _founder(
            content, 12, **{multi.id: ["unknown", multi.options[0].id]}
        ),
        "d13-exclusive-combined.yaml": _founder(content, 13, **{exclusive.id: [only, plain]}),
        "d14-not-yes-or-no.yaml": _founder(content, 14, **{yesno.id: "perhaps"}),
        "d15-scale-not-whole.yaml": _founder(content, 15, **{scale.id: "2.5"}),
        "d16-out-of-range.yaml": _founder(content, 16, **{number.id: "100000"}),
        "d17-text-too-long.yaml": _founder(content, 17, **{text.id: "x" * 10_001}),
        "d18-list-for-single.yaml": _founder(content, 18, **{single.id: ["a", "b"]}),
        "d19-not-a-number.yaml": _founder(content, 19, **{number.id: "lots"}),
        "d20-infinite.yaml": _founder(content, 20, **{number.id: "1e999"}),
        "d21-unknown-for-text.yaml": _founder(content, 21, **{text.id: "unknown"}),
        "d22-unknown-for-context.yaml": _founder(content, 22, **{context.id: "unknown"}),
        "d23-many-unknown-ids.yaml": _founder(
            content, 23, **{f"stray.question_{n:02d}": "x" for n in range(25)}
        ),
        "d24-not-whole.yaml": _founder(content, 24, **{whole.id: "2.5"}),
        "d25-mapping-for-number.yaml": _founder(content, 25, **{number.id: {"a": "b"}}),
    }
    missing = _founder(content, 9)
    del missing["answers"][required.id]
    files["d09-missing-answer.yaml"] = missing
    files["d10-null-answer.yaml"] = _founder(content, 10, **{required.id: None})
    return files


def write_rejections(folder: Path, content: Content) -> list[str]:
    """Every kind of rejection a cohort input can get, plus two good founders; returns the
    inputs to give `cohort` (relative to `folder`) and, last, `--map` and its file."""
    inputs = folder / "in"
    inputs.mkdir(parents=True)
    write_answers(inputs / "a00-good.yaml", _founder(content, 0))
    write_answers(inputs / "zz-duplicate.yaml", _founder(content, 0))
    crash = _founder(content, 1)
    crash["founder"] = CRASH_FOUNDER
    write_answers(inputs / "a01-crash.yaml", crash)
    texts = {
        "b01-broken.yaml": "founder: Broken\nanswers: [\n",
        "b02-anchor.yaml": "founder: &name Anchor\nanswers: {}\n",
        "b03-alias.yaml": "founder: *name\nanswers: {}\n",
        "b04-tag.yaml": "founder: !!str Tagged\nanswers: {}\n",
        "b05-two-documents.yaml": "founder: One\n---\nfounder: Two\n",
        "b06-duplicate-key.yaml": "founder: One\nfounder: Two\n",
        "b07-list-key.yaml": "? [a, b]\n: c\n",
        "b08-deep.yaml": "a: " + "[" * 70 + "]" * 70 + "\n",
        "b09-many-values.yaml": "answers:\n" + "- 1\n" * 50_001,
        "c01-trailing-comma.json": '{"founder": "x",}',
        "c02-duplicate-key.json": '{"founder": "a", "founder": "b"}',
        "c03-nan.json": '{"answers": {"x": NaN}}',
        "c04-deep.json": "[" * 70 + "]" * 70,
        "c05-no-colon.json": '{"founder" "x"}',
        "c06-unclosed.json": '{"founder": "x',
        "c07-ends-early.json": '{"founder": ',
        "e01-empty.yaml": "",
        "e05-not-a-mapping.yaml": "- a\n- b\n",
    }
    for name, text in texts.items():
        (inputs / name).write_text(text, encoding="utf-8")
    (inputs / "e02-binary.yaml").write_bytes(b"founder: \x00\x01\n")
    (inputs / "e03-latin1.yaml").write_bytes("founder: Café\n".encode("latin-1"))
    (inputs / "e04-huge.yaml").write_bytes(b"# " + b"x" * (4 * 1024 * 1024) + b"\n")
    for name, data in _bad_answers(content).items():
        write_answers(inputs / name, data)
    os.mkfifo(inputs / "e06-pipe.yaml")
    (folder / "empty-folder").mkdir()
    (folder / "notes.txt").write_text("not answers\n", encoding="utf-8")
    os.mkfifo(folder / "pipe")
    _write_csv_files(folder, content)
    mapping = {"columns": {"Months of cash": _question(content, "number", scored=True).id}}
    (folder / "form-map.yaml").write_text(json.dumps(mapping), encoding="utf-8")
    return [
        "in",
        "empty-folder",
        "notes.txt",
        "pipe",
        "missing.yaml",
        *sorted(path.name for path in folder.glob("*.csv")),
        "--map",
        "form-map.yaml",
    ]


def _write_csv_files(folder: Path, content: Content) -> None:
    number = _question(content, "number", scored=True)
    single = _question(content, "single", scored=True)
    ids = [q.id for q in content.questions if q.id != number.id]
    header = ["founder", "company", "stage", "Months of cash", *ids]

    def row(founder: int, **changes: str) -> list[str]:
        data = _founder(content, founder)
        answers = {key: csv_cell(value) for key, value in data["answers"].items()}
        answers.update(changes)
        return [
            data["founder"],
            data["company"],
            "",
            answers.get(number.id, ""),
            *(answers.get(i, "") for i in ids),
        ]

    def line(cells: list[str]) -> str:
        return ",".join(f'"{cell}"' if "," in cell or '"' in cell else cell for cell in cells)

    good = row(30)
    rows = [
        good,
        row(31, **{single.id: "no_such_option"}),
        row(32, **{number.id: "-5"}),
        [*row(33), "extra", "cells"],
    ]
    text = "\n".join(line(cells) for cells in [header, *rows]) + "\n"
    (folder / "f00-form.csv").write_text(text, encoding="utf-8")
    (folder / "f01-empty.csv").write_bytes(b"")
    (folder / "f02-binary.csv").write_bytes(b"founder\x00\n")
    (folder / "f03-latin1.csv").write_bytes("founder\nCafé\n".encode("latin-1"))
    (folder / "f04-blank-header.csv").write_text(" , \nA,B\n", encoding="utf-8")
    (folder / "f05-unknown-columns.csv").write_text(
        f"founder,compny,{single.id}x,Shoe size\nA,B,C,D\n", encoding="utf-8"
    )
    (folder / "f06-repeated-column.csv").write_text(
        f"founder,Founder,{single.id}\nA,B,C\n", encoding="utf-8"
    )
    (folder / "f07-no-answers.csv").write_text("founder,company\nA,B\n", encoding="utf-8")
    (folder / "f08-huge-cell.csv").write_text(
        f"founder,{single.id}\nA,{'x' * 140_000}\n", encoding="utf-8"
    )
    (folder / "f09-cut-character.csv").write_bytes("founder\nA\n中".encode()[:-1])
