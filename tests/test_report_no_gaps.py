"""What a report says where it would list the biggest gaps and there are none. With every
factor scored, that every factor meets its target; where some factors have no answers (a
file that answers one section), only that the scored ones do, and how many have none yet:
"every factor meets the target" was said of factors nobody had answered for."""

from __future__ import annotations

import pytest

from founder_check import load_content
from founder_check.content.models import Lang
from founder_check.report.formats import ExportFormat, export
from founder_check.report.view import build_view
from founder_check.scoring.answers import Answers, load_answers
from founder_check.scoring.engine import score
from tests.conftest import ROOT

CONTENT = load_content()
EXAMPLE = load_answers(ROOT / "examples" / "seed-founder.yaml", CONTENT)
SAID = {
    "en": ("3 factors have no answers yet", "every factor meets the target"),
    "zh": ("另有 3 个要素还没有答案", "所有要素都达到了本阶段的目标"),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_gaps_in_a_partial_file_counts_the_factors_without_answers(lang: Lang) -> None:
    market = {k: v for k, v in EXAMPLE.values.items() if k.startswith("market.")}
    card = score(CONTENT, Answers(stage="seed", values=market), lang=lang)
    unscored = [f for f in card.factors if f.score is None]
    assert len(unscored) == 3 and not card.gaps
    partial, whole = SAID[lang]
    view = build_view(card, CONTENT)
    assert partial in view.no_gaps and whole not in view.no_gaps
    for fmt in (ExportFormat.text, ExportFormat.markdown, ExportFormat.html):
        shown = export(card, fmt, CONTENT).replace("\n", "").replace("│", "")
        assert " ".join(partial.split()) in " ".join(shown.split()), fmt


def test_no_gaps_with_every_factor_scored_says_every_factor_meets_its_target() -> None:
    best = {
        q.id: max(q.options, key=lambda o: o.value).id
        for q in CONTENT.questions
        if q.kind == "single" and q.id in EXAMPLE.values
    }
    card = score(CONTENT, Answers(stage="idea", values={**EXAMPLE.values, **best}))
    assert not card.gaps and all(f.score is not None for f in card.factors)
    assert "every factor meets the target" in build_view(card, CONTENT).no_gaps
