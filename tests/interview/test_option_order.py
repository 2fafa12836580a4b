"""One order of options in every section: from the weakest answer to the strongest.

A founder reads about sixty lists; when some run from the best answer down and others from
the worst up, the first entry means opposite things and answers get picked by position.
The rule (docs/interview.md): a list of one choice runs from the lowest value to the highest
(equal values keep their written order), then "Not sure", then "Skip this question"; a
scale runs from its lowest point up; a list of boxes keeps its written order with the
"none of these" box last, then "Not sure"; context questions (no value) keep the order
written; a yes/no list reads Yes, No. The bundled questionnaires are checked here, and every
prompt is checked to show the content's order.
"""

from __future__ import annotations

from prompt_toolkit.output import DummyOutput
from questionary.prompts.common import InquirerControl

from founder_check.content.loader import load_content
from founder_check.content.models import UNKNOWN, Question
from founder_check.interview.prompts import SKIP, question_prompt

BUNDLED = load_content()


def test_single_choice_lists_run_from_weakest_to_strongest() -> None:
    wrong = {
        q.id: [o.value for o in q.options]
        for q in BUNDLED.questions
        if q.kind == "single" and q.scored and [o.value for o in q.options] != _ascending(q)
    }
    assert not wrong, f"options not weakest first: {wrong}"


def test_lists_of_boxes_end_with_the_none_of_these_box() -> None:
    wrong = []
    for question in BUNDLED.questions:
        if question.kind != "multi":
            continue
        exclusive = [option.exclusive for option in question.options]
        if exclusive != sorted(exclusive):  # False (ordinary boxes) before True
            wrong.append(question.id)
    assert not wrong, f"an exclusive box before an ordinary one: {wrong}"


def test_scales_run_from_their_lowest_point_up() -> None:
    for question in BUNDLED.questions:
        if question.kind == "scale":
            assert question.scale is not None
            assert list(question.scale.labels) == sorted(question.scale.labels), question.id


def test_every_list_prompt_shows_the_content_order() -> None:
    """Whatever the kind, a prompt lists the options as written, then Not sure, then Skip."""
    checked = 0
    for question in BUNDLED.questions:
        for default in (None, SKIP):
            shown = _values(question_prompt(question, "en", default, output=DummyOutput()))
            if shown is None:
                continue
            assert shown == _expected(question), question.id
            checked += 1
    assert checked > 2 * 40


def _ascending(question: Question) -> list[float]:
    return sorted(option.value for option in question.options)


def _values(prompt: object) -> list[object] | None:
    """The values of a list prompt's entries in the order shown; None for a line prompt."""
    application = prompt.application  # type: ignore[attr-defined]
    for window in application.layout.find_all_windows():
        if isinstance(window.content, InquirerControl):
            return [choice.value for choice in window.content.choices]
    return None


def _expected(question: Question) -> list[object]:
    if question.kind == "scale":
        assert question.scale is not None
        entries: list[object] = [str(p) for p in range(question.scale.min, question.scale.max + 1)]
    elif question.kind == "yesno":
        entries = ["yes", "no"]
    else:
        entries = [option.id for option in question.options]
    if question.scored:
        entries.append(UNKNOWN)
    if not question.required and question.kind != "multi":
        entries.append(SKIP)
    return entries
