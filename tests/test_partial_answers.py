"""Answers that leave whole sections out are scored, with what they leave out listed.

The bundled example without its funding and risk sections is what `assess --section market
--section team --section technology --section business` saves for a founder with no earlier
answers. (The file a real `--section` interview saves is scored in
tests/interview/test_interview_overwrite.py.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from founder_check import Content
from founder_check.base.errors import AnswersError
from founder_check.base.messages import Message
from founder_check.scoring.answer_rules import required_at
from founder_check.scoring.answers import load_answers
from founder_check.scoring.conditions import question_applies
from founder_check.scoring.engine import score
from tests.conftest import run_cli

LEFT_OUT = ("funding", "risk")


def without(example: Path, target: Path, *prefixes: str) -> Path:
    """The example answers with every answer whose id starts with a prefix taken out."""
    pattern = re.compile(r"^\s+(" + "|".join(re.escape(p) for p in prefixes) + r")")
    lines = example.read_text(encoding="utf-8").splitlines()
    target.write_text("\n".join(x for x in lines if not pattern.match(x)) + "\n", "utf-8")
    return target


@pytest.fixture
def partial(tmp_path: Path, example_answers: Path) -> Path:
    return without(example_answers, tmp_path / "partial.yaml", "funding.", "risk.")


def test_the_report_lists_what_is_left_out(partial: Path, content: Content) -> None:
    answers = load_answers(partial, content)
    assert answers.left_out == LEFT_OUT
    card = score(content, answers, lang="en")
    coverage = card.coverage
    assert (coverage.sections, coverage.sections_answered) == (6, 4)
    assert [entry.section for entry in coverage.left_out] == list(LEFT_OUT)
    funding = coverage.left_out[0]
    questions = {q.question for q in funding.questions}
    assert "funding.runway_months" in questions and "funding.raising_next_12m" in questions
    assert "funding.use_of_funds" not in questions  # it does not apply: raising unanswered
    assert set(questions) <= {q.id for q in content.questions if q.section == "funding"}
    scored_missing = {q.question for e in coverage.left_out for q in e.questions} & set(
        coverage.skipped
    )
    assert scored_missing and coverage.answered < coverage.applicable

    result = run_cli("assess", "--answers", str(partial))
    assert result.returncode == 0, result.stderr
    printed = " ".join(result.stdout.split())
    share = f"{coverage.answered / coverage.applicable:.0%}"
    assert f"4 of 6 sections answered ({share} of the questions)" in printed
    for entry in coverage.left_out:
        assert f"Not answered yet in {entry.title}:" in printed
        assert all(" ".join(q.text.split()) in printed for q in entry.questions)
    hint = f"--update {partial} --section funding --section risk -o {partial}"
    assert hint in " ".join(result.stderr.split())
    assert "leaves out 2 sections (Funding readiness, Risk and compliance)" in result.stderr


def test_chinese_report_and_markdown(partial: Path, content: Content, tmp_path: Path) -> None:
    card = score(content, load_answers(partial, content), lang="zh")
    result = run_cli("assess", "--answers", str(partial), "--lang", "zh", "--markdown", "-")
    assert result.returncode == 0, result.stderr
    assert "共 6 个部分，已回答 4 个" in result.stdout
    for entry in card.coverage.left_out:
        line = next(x for x in result.stdout.splitlines() if f"“{entry.title}”部分尚未回答" in x)
        assert line.startswith("- ")
        assert "".join(q.text for q in entry.questions) in line  # 问题一？问题二？
    assert "未回答 2 个部分（融资准备、风险与合规）" in result.stderr


def test_json_scorecard_carries_the_coverage_and_fits_its_schema(
    partial: Path, tmp_path: Path, content: Content
) -> None:
    out = tmp_path / "card.json"
    assert run_cli("assess", "--answers", str(partial), "--json", str(out)).returncode == 0
    card = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads(run_cli("schema", "scorecard").stdout)
    jsonschema.validate(card, schema)
    assert card["schema_version"] == "3.1"
    coverage = card["coverage"]
    assert coverage["sections"] == 6 and coverage["sections_answered"] == 4
    risk = coverage["left_out"][1]
    assert risk["section"] == "risk" and risk["title"] == "Risk and compliance"
    texts = {q["question"]: q["text"] for q in risk["questions"]}
    assert texts["risk.legal_review"] == content.question_by_id["risk.legal_review"].text.en

    complete = tmp_path / "complete.json"
    example = partial.parent / "complete.yaml"
    example.write_text(
        (Path(__file__).parent.parent / "examples" / "seed-founder.yaml").read_text("utf-8"),
        "utf-8",
    )
    assert run_cli("assess", "--answers", str(example), "--json", str(complete)).returncode == 0
    full = json.loads(complete.read_text(encoding="utf-8"))["coverage"]
    assert (full["sections_answered"], full["left_out"]) == (6, [])


def test_a_section_partly_answered_is_still_an_error(
    example_answers: Path, tmp_path: Path, content: Content
) -> None:
    path = without(example_answers, tmp_path / "p.yaml", "funding.", "risk.", "market.timing")
    result = run_cli("assess", "--answers", str(path))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "market.timing" in errors[0], result.stderr


def test_a_file_that_answers_no_section_is_held_to_every_question(
    tmp_path: Path, content: Content
) -> None:
    path = tmp_path / "empty.yaml"
    path.write_text("founder: Ada\nanswers:\n  market.timing:\n  team.notes: ''\n", "utf-8")
    with pytest.raises(AnswersError) as caught:
        load_answers(path, content)
    # one problem that counts every required question of every section
    [problem] = caught.value.problems
    assert problem.field == "answers"
    assert isinstance(problem.message, Message) and problem.message.key == "no_answers"
    required = [
        q
        for q in content.questions
        if question_applies(q, {}, content) and required_at(q, content, None)
    ]
    assert {q.section for q in required} == {section.id for section in content.sections}
    assert problem.message.params["count"] == len(required)
    untouched = tmp_path / "template.yaml"
    assert run_cli("template", "-o", str(untouched)).returncode == 0
    assert run_cli("assess", "--answers", str(untouched)).returncode == 1


def test_compare_and_cohort_read_it_the_same_way(
    partial: Path, example_answers: Path, tmp_path: Path
) -> None:
    compared = run_cli("compare", str(partial), str(example_answers))
    assert compared.returncode == 0, compared.stderr
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "a.yaml").write_bytes(example_answers.read_bytes())
    text = partial.read_text(encoding="utf-8").replace("Jane Doe", "John Roe")
    (inputs / "b.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("cohort", str(inputs), "--out", str(out))
    assert result.returncode == 0, result.stderr
    cards = [json.loads(p.read_text("utf-8")) for p in (out / "scorecards").iterdir()]
    left = {c["subject"]["founder"]: c["coverage"]["sections_answered"] for c in cards}
    assert left == {"Jane Doe": 6, "John Roe": 4}
