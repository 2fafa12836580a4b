"""What a next step moves the score, signed in every report. A file that answers one section
is scored on it alone; the steps to the next level then answer questions of the sections it
left out, which brings their factors into the score and can lower it. Such a step read
"+-6.6 points"; it now reads "-6.6 points", and a note says why points can be 0 or below."""

from __future__ import annotations

import pytest

from founder_check import load_content
from founder_check.content.models import Lang
from founder_check.report.formats import ExportFormat, export
from founder_check.report.view import StepView, build_view
from founder_check.scoring.answers import Answers, load_answers
from founder_check.scoring.engine import score
from founder_check.scoring.scorecard import Scorecard
from tests.conftest import ROOT

CONTENT = load_content()
EXAMPLE = load_answers(ROOT / "examples" / "seed-founder.yaml", CONTENT)
NOTE = {"en": "They can be zero or below", "zh": "它可能为零甚至为负"}


def _market_only(lang: Lang) -> Scorecard:
    market = {k: v for k, v in EXAMPLE.values.items() if k.startswith("market.")}
    return score(CONTENT, Answers(stage="seed", values=market), lang=lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_step_that_lowers_the_score_is_signed_and_explained(lang: Lang) -> None:
    card = _market_only(lang)
    view = build_view(card, CONTENT)
    assert view.next_steps is not None
    lowering = [step for step in view.next_steps.steps if step.points < 0]
    assert lowering, "a step of a left-out section lowers the score"
    assert lowering[0].points_text == f"{lowering[0].points:.1f}"
    assert lowering[0].points_text.startswith("-")
    assert view.next_steps.note is not None and NOTE[lang] in view.next_steps.note
    for fmt in (ExportFormat.text, ExportFormat.markdown, ExportFormat.html):
        shown = export(card, fmt, CONTENT)
        assert "+-" not in shown and "+−" not in shown, fmt
        assert lowering[0].points_text in shown, fmt
        assert NOTE[lang] in shown.replace("\n", "").replace("│", ""), fmt


def test_steps_that_all_raise_the_score_keep_their_plus_and_no_note() -> None:
    card = score(CONTENT, EXAMPLE)
    view = build_view(card, CONTENT)
    assert view.next_steps is not None and view.next_steps.steps
    assert all(step.points_text.startswith("+") for step in view.next_steps.steps)
    assert view.next_steps.note is None
    for fmt in (ExportFormat.text, ExportFormat.markdown, ExportFormat.html):
        assert NOTE["en"] not in export(card, fmt, CONTENT), fmt


@pytest.mark.parametrize(("points", "shown"), [(2.8, "+2.8"), (-6.6, "-6.6"), (0.01, "0.0")])
def test_points_are_shown_as_compare_shows_a_change(points: float, shown: str) -> None:
    step = StepView("Q?", "now", "then", points, None, "Do it.", None, [])
    assert step.points_text == shown
