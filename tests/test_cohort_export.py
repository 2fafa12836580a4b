"""The cohort's files: formula-safe cells, safe unique file names, streamed JSON."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from founder_check import Content
from founder_check.base.json_text import compact
from founder_check.cohort.export import (
    FileNames,
    cohort_json_chunks,
    file_stem,
    placement_tail,
    safe_cell,
)
from founder_check.cohort.hashes import HashSet, hash64
from founder_check.cohort.models import Percentiles, Placement
from founder_check.report.json_format import scorecard_json
from founder_check.scoring.answers import parse_answers
from founder_check.scoring.engine import score
from tests.answer_factory import answers_data


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=x", "'\t=x"),
        ("\rx", "'\rx"),
        ("  =x", "'  =x"),
        ("＝1+1", "'＝1+1"),
        ("Ada Lovelace", "Ada Lovelace"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (42.5, "42.5"),
    ],
)
def test_safe_cell(cell: object, expected: str) -> None:
    assert safe_cell(cell) == expected


@pytest.mark.parametrize(
    ("text", "stem"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ('=HYPERLINK("http://x")', "hyperlink-http-x"),
        ("Zoë  Ünal · Acme, Inc.", "zoë-ünal-acme-inc"),
        ("张三 智能科技", "张三-智能科技"),
        ("..", ""),
        ("nul", "nul-founder"),
        ("a" * 200, "a" * 80),
    ],
)
def test_file_stem(text: str, stem: str) -> None:
    assert file_stem(text) == stem


def test_file_names_are_unique_case_insensitively() -> None:
    names = FileNames()
    given = [
        names.allocate("Ada", "Acme", "a.yaml", None),
        names.allocate("ADA", "acme", "b.yaml", None),
        names.allocate("ada-acme", None, "c.yaml", None),
        names.allocate(None, None, "forms/export.csv", 7),
        names.allocate("///", None, "../x.yaml", None),
    ]
    assert given == [
        "ada-acme.json",
        "ada-acme-2.json",
        "ada-acme-3.json",
        "export-row-7.json",
        "x.json",
    ]
    assert len(names) == 5


def test_hash_set_grows_and_finds() -> None:
    values = HashSet()
    keys = [hash64(f"founder {n}") for n in range(5000)]
    for key in keys:
        values.add(key)
    values.add(keys[0])
    assert len(values) == 5000
    assert all(key in values for key in keys)
    assert hash64("someone else") not in values


def test_streamed_cohort_json_is_the_same_data(tmp_path: Path) -> None:
    head = {"schema_version": "1.0", "counts": {"scored": 2}, "factors": [{"id": "team"}]}
    founders = [{"rank": 1, "founder": 'Zoë "Z"'}, {"rank": 2, "founder": None}]
    rejected = [{"source": "x.yaml", "row": None, "problems": []}]
    text = "".join(cohort_json_chunks(head, iter(founders), rejected))
    assert json.loads(text) == {**head, "founders": founders, "rejected": rejected}
    assert '\n    {"rank":1,"founder":"Zoë \\"Z\\""},\n    {"rank":2' in text  # one a line
    empty = "".join(cohort_json_chunks(head, iter([]), []))
    assert json.loads(empty) == {**head, "founders": [], "rejected": []}


@pytest.mark.parametrize("seed", range(3))
def test_founder_scorecard_file_is_the_scorecard_plus_its_place(
    content: Content, seed: int
) -> None:
    card = score(
        content,
        parse_answers(answers_data(content, rng=random.Random(seed)), content),
        lang="zh",
        generated_at="2026-01-01T00:00:00+00:00",
    )
    text = compact(card)
    placement = Placement(
        size=7, min_size=5, rank=2, percentiles=Percentiles(overall=71.4, factors={"team": None})
    )
    written = (text[: text.rindex(b"}")] + placement_tail(placement)).decode()
    data = json.loads(written)
    assert data.pop("cohort") == {
        "size": 7,
        "min_size": 5,
        "rank": 2,
        "percentiles": {"overall": 71.4, "factors": {"team": None}},
    }
    assert data == json.loads(scorecard_json(card))
    assert list(data) == list(json.loads(scorecard_json(card)))
