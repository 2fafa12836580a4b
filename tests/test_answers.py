"""Answers files: typed by question, every mistake reported with line and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from founder_check import Content
from founder_check.base.errors import AnswersError
from founder_check.base.readers import parse_yaml
from founder_check.scoring.answers import load_answers, parse_answers


def _problems(text: str, content: Content) -> list[str]:
    with pytest.raises(AnswersError) as caught:
        parse_answers(parse_yaml(text, "a.yaml"), content, source="a.yaml")
    return [str(problem) for problem in caught.value.problems]


def _example_text(example_answers: Path) -> str:
    return example_answers.read_text(encoding="utf-8")


def test_example_answers_load_typed(content: Content, example_answers: Path) -> None:
    answers = load_answers(example_answers, content)
    assert answers.founder == "Jane Doe" and answers.stage == "seed"
    assert answers.values["funding.runway_months"] == 9
    assert answers.values["funding.raising_next_12m"] is True
    assert answers.values["team.roles_covered"] == (
        "research",
        "ml_engineering",
        "product",
        "sales_bd",
    )
    assert answers.values["market.positioning_clarity"] == 4
    assert "team.notes" in answers.skipped


def test_unknown_question_suggests_the_close_one(content: Content, example_answers: Path) -> None:
    text = _example_text(example_answers).replace("market.timing:", "market.timeing:")
    problems = _problems(text, content)
    assert any(
        "answers.market.timeing: unknown question id; did you mean 'market.timing'" in p
        for p in problems
    )
    assert any("market.timing: required answer is missing" in p for p in problems)


def test_option_not_offered_names_line_and_choices(content: Content, example_answers: Path) -> None:
    text = _example_text(example_answers)
    line = text.splitlines().index("  market.segment_focus: one_plus_adjacent") + 1
    problems = _problems(text.replace("focus: one_plus_adjacent", "focus: everyone"), content)
    assert problems == [
        f"a.yaml:{line}: answers.market.segment_focus: 'everyone' is not an option; expected "
        "one of not_chosen, several_unrelated, two_three_related, one_plus_adjacent, "
        "horizontal_platform, one_defined_segment"
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("500", "500 is out of range; expected a number from 0 to 120 (months)"),
        ("-1", "-1 is out of range"),
        ("nine", "expected a number, got 'nine'"),
        (".nan", "expected a number, got '.nan'"),
        ("[1, 2]", "expected a number, got a list"),
    ],
)
def test_bad_numbers(content: Content, example_answers: Path, value: str, message: str) -> None:
    text = _example_text(example_answers).replace("runway_months: 9", f"runway_months: {value}")
    problems = _problems(text, content)
    assert len(problems) == 1 and message in problems[0]


def test_missing_and_null_required_answers(content: Content, example_answers: Path) -> None:
    text = _example_text(example_answers)
    text = text.replace("  market.timing: concrete_trigger\n", "")
    text = text.replace("market.market_size: bottom_up", "market.market_size:")
    problems = _problems(text, content)
    assert any("market.timing: required answer is missing" in p for p in problems)
    assert any("market.market_size: required answer is null" in p for p in problems)


def _required_now(content: Content, section: str | None = None) -> int:
    """How many answers a file that answers nothing lacks (in `section`, or in all): the
    required questions that apply at the default stage with no answer given."""
    from founder_check.scoring.answer_rules import required_at
    from founder_check.scoring.conditions import question_applies

    return sum(
        question_applies(q, {}, content) and required_at(q, content, None)
        for q in content.questions
        if section in (None, q.section)
    )


@pytest.mark.parametrize(
    "text",
    [
        "founder: Ada\n",
        "founder: Ada\nanswers:\n",
        "answers: {}\n",
        "answers:\n  market.timing:\n  market.market_size: null\n",
    ],
)
def test_a_file_that_answers_nothing_is_one_problem(content: Content, text: str) -> None:
    problems = _problems(text, content)
    count = _required_now(content)
    assert count > 40
    assert len(problems) == 1, problems
    assert (
        f"answers: no answers; expected answers to the {count} required questions" in (problems[0])
    )
    assert "founder-check template" in problems[0]


def test_one_answer_is_enough_for_each_missing_one_to_be_named(content: Content) -> None:
    """One answer in the market section: the section's other required questions are each
    named (the other sections are left out, as in a partial assessment)."""
    problems = _problems("answers:\n  market.timing: concrete_trigger\n", content)
    assert len(problems) == _required_now(content, "market") - 1 > 5
    assert all("required answer is missing" in p for p in problems)
    assert not any("no answers" in p for p in problems)


def test_an_answer_outside_answers_is_told_where_it_belongs(content: Content) -> None:
    problems = _problems("market.timing: concrete_trigger\nanswer:\n", content)
    assert problems[0] == (
        "a.yaml:1: market.timing: a question's answer, outside 'answers:'; indent it below "
        "an 'answers:' line"
    )
    assert problems[1] == "a.yaml:2: answer: unknown key; expected founder, company, stage, " + (
        "date, answers"
    )
    assert "no answers" in problems[2] and len(problems) == 3


def test_answers_that_are_not_a_mapping_are_one_problem(content: Content) -> None:
    assert _problems("answers: [a, b]\n", content) == [
        "a.yaml:1: answers: expected a mapping of question id to answer"
    ]


def test_yaml_11_words_keep_their_meaning(content: Content, example_answers: Path) -> None:
    answers = load_answers(example_answers, content)
    assert answers.values["risk.legal_review"] is False
    text = _example_text(example_answers).replace("risk.legal_review: no", "risk.legal_review: 否")
    assert parse_answers(parse_yaml(text, "a"), content).values["risk.legal_review"] is False


def test_multi_choice_rules(content: Content, example_answers: Path) -> None:
    text = _example_text(example_answers)
    combined = text.replace("[industry_partner]", "[industry_partner, none_of_these]")
    assert any("'none_of_these' cannot be combined" in p for p in _problems(combined, content))
    single = text.replace("[industry_partner]", "industry_partner")
    values = parse_answers(parse_yaml(single, "a"), content).values
    assert values["business.partners_and_brand"] == ("industry_partner",)


def test_answers_to_not_applicable_questions_are_ignored(
    content: Content, example_answers: Path
) -> None:
    text = _example_text(example_answers).replace("raising_next_12m: yes", "raising_next_12m: no")
    answers = parse_answers(parse_yaml(text, "a"), content)
    assert "funding.use_of_funds" not in answers.values


def test_unknown_top_level_key_and_stage(content: Content, example_answers: Path) -> None:
    text = _example_text(example_answers).replace("stage: seed", "stage: unicorn\nteam_size: 3")
    problems = _problems(text, content)
    assert any("stage: unknown stage 'unicorn'" in p for p in problems)
    assert any("team_size: unknown key" in p for p in problems)


def test_json_answers_use_json_types(content: Content, tmp_path: Path) -> None:
    import json

    from founder_check.base.readers import parse_yaml as _parse

    data: Any = _parse((tmp_path / "x").name + ": 1", "x")  # a LineDict, to exercise both paths
    assert data == {"x": "1"}
    answers = load_answers(Path(__file__).parent.parent / "examples" / "seed-founder.yaml", content)
    path = tmp_path / "a.json"
    path.write_text(json.dumps(answers.to_file_data(), default=str), encoding="utf-8")
    again = load_answers(path, content)
    assert again.values == answers.values and again.skipped == answers.skipped


def test_whole_numbers_are_whole(content: Content, example_answers: Path) -> None:
    text = _example_text(example_answers).replace("pivots_12m: 1", "pivots_12m: 1.5")
    problems = _problems(text, content)
    assert len(problems) == 1 and "'1.5' is not a whole number" in problems[0]


def test_control_characters_never_reach_the_report(content: Content, example_answers: Path) -> None:
    text = _example_text(example_answers).replace(
        "founder: Jane Doe", 'founder: "Jane\\x1b[2J\\x07 Doe"'
    )
    answers = parse_answers(parse_yaml(text, "a"), content)
    assert answers.founder == "Jane [2J  Doe"
