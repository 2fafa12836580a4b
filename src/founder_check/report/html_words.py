"""Fixed words only the HTML pages use, in both languages; the words every report shares
(section titles, "Score", "Target"...) stay in `labels`."""

from __future__ import annotations

from founder_check.base.i18n import Texts, neutral, phrase

word = Texts(
    phrase("page_title", "{who}: founder-check report"),
    neutral("out_of", "/ 100"),
    phrase("level_of", "Level {number} of {total}"),
    phrase("chart_title", "Success-factor scores against the targets for this stage"),
    phrase("legend_score", "Your score"),
    phrase("legend_target", "Target at this stage"),
    phrase("legend_below", "Below target"),
    phrase("legend_met", "Target met"),
    phrase("no_score", "no answers"),
    phrase("top_level", "This is the highest readiness level; keep its must-haves in place."),
    phrase("see_step", "see next step {number}"),
    phrase(
        "plan_left_out",
        "A cohort report leaves out the answer changes that would reach this level; "
        "founder-check assess on this founder's answers works them out.",
    ),
)
