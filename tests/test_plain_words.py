"""No content id reaches a person: every report, in both languages, speaks in words.

Scanned: the terminal report and Markdown of every case fixture and of random profiles (with
"not sure" answers among them), in English and Chinese, and the cohort summary. The
interview's transcripts are scanned in tests/interview/test_interview_e2e.py and `compare`
in tests/test_compare.py. JSON keeps the ids (programs key on them), and `explain` shows each
after the name it stands for, as the handle to look it up by.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from founder_check import Content, load_content
from founder_check.content.models import UNKNOWN
from founder_check.report.formats import ExportFormat, export
from founder_check.scoring.answers import Answers, load_answers
from founder_check.scoring.engine import score
from founder_check.scoring.scorecard import Scorecard
from tests.conftest import ROOT, run_cli
from tests.id_scan import ids_in
from tests.test_engine_properties import answers_strategy

CONTENT = load_content()
CASES = sorted((ROOT / "tests" / "cases").glob("[0-9e]*.yaml"))
FORMATS = [ExportFormat.text, ExportFormat.markdown]


def _reports(card: Scorecard) -> dict[str, str]:
    return {fmt.value: export(card, fmt, CONTENT) for fmt in FORMATS}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_case_reports_name_no_ids(path: Path, lang: str) -> None:
    card = score(CONTENT, load_answers(path, CONTENT), lang=lang)  # type: ignore[arg-type]
    for fmt, text in _reports(card).items():
        assert not ids_in(text, CONTENT), f"{fmt} report of {path.stem} ({lang})"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers_strategy(), st.sampled_from(["en", "zh"]), st.data())
def test_random_reports_name_no_ids(answers: Answers, lang: str, data: Any) -> None:
    scored = [q.id for q in CONTENT.questions if q.scored and q.id in answers.values]
    unsure = data.draw(st.lists(st.sampled_from(scored), max_size=4, unique=True))
    values = {**answers.values, **dict.fromkeys(unsure, UNKNOWN)}
    card = score(CONTENT, Answers(stage=answers.stage, values=values), lang=lang)  # type: ignore[arg-type]
    for fmt, text in _reports(card).items():
        assert not ids_in(text, CONTENT), fmt


def test_the_scan_finds_ids() -> None:
    """The scan itself: it must catch an id, or the tests above prove nothing."""
    assert ids_in("see market.segment_focus and several_unrelated", CONTENT) == [
        "market.segment_focus",
        "several_unrelated",
    ]
    assert ids_in("a pilot at seed with mixed results", CONTENT) == []
    assert ids_in("按pre_seed阶段", CONTENT) == ["pre_seed"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cohort_summary_names_no_ids(tmp_path: Path, content: Content, lang: str) -> None:
    founders = tmp_path / "founders"
    founders.mkdir()
    for path in CASES:
        shutil.copy(path, founders / path.name)
    result = run_cli("cohort", str(founders), "--out", str(tmp_path / "out"), "--lang", lang)
    assert result.returncode == 0, result.stderr
    assert not ids_in(result.stdout, content), result.stdout


def test_json_keeps_the_ids(content: Content, example_answers: Path) -> None:
    card = score(content, load_answers(example_answers, content))
    assert ids_in(export(card, ExportFormat.json, content), content)
