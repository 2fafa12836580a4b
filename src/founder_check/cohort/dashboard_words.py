"""Fixed words of the cohort dashboard (`index.html`), in both languages; the words every
cohort report shares (ranking, founders, red flags...) stay in `report.labels`."""

from __future__ import annotations

from founder_check.base.i18n import Texts, neutral, phrase, plural_phrase

word = Texts(
    plural_phrase("page_title", "Cohort of {count:,} founder", "Cohort of {count:,} founders"),
    plural_phrase("heading", "A cohort of {count:,} founder", "A cohort of {count:,} founders"),
    phrase("stage_count", "{stage} {count:,}"),
    phrase("stage_all", "all scored at the {stage} stage"),
    phrase("stages", "Stages"),
    phrase("language", "Report language"),
    phrase("language_name", "English"),
    phrase("files", "The whole cohort"),
    phrase("file_xlsx", "workbook"),
    phrase("file_csv", "one row per founder"),
    phrase("file_json", "for programs"),
    phrase("file_rejected", "inputs not used"),
    phrase("scored", "Founders scored"),
    phrase("not_used", "Inputs not used"),
    phrase("median_overall", "Median overall score"),
    phrase("with_flags", "Founders with red flags"),
    phrase("of_total", "of {total:,}"),
    phrase("levels", "Readiness levels"),
    plural_phrase("founders_count", "{count} founder", "{count} founders"),
    phrase("league_note", "Each name opens the founder's one-pager."),
    plural_phrase(
        "league_cut",
        "{hidden:,} founder ranked between these is not shown here; every founder is in",
        "{hidden:,} founders ranked between these are not shown here; every founder is in",
        by="hidden",
    ),
    plural_phrase(
        "league_cut_head",
        "The {top} highest and the {bottom} lowest of {total:,} founder.",
        "The {top} highest and the {bottom} lowest of {total:,} founders.",
        by="total",
    ),
    phrase(
        "no_onepagers",
        "The founders' one-pagers were left out (--no-onepagers): run the cohort again "
        "without that option to get a page for each founder, linked from this table.",
    ),
    phrase("spread", "Spread across the cohort"),
    phrase("below_of", "{count:,} of {total:,}"),
    phrase("short_by", "short by {points:.1f} on average"),
    phrase("legend_founder", "a founder"),
    phrase("legend_box", "middle half of the founders"),
    phrase("legend_median", "median"),
    phrase("legend_target", "target"),
    phrase("target_one_stage", "Targets are those of the {stage} stage."),
    phrase(
        "target_mixed",
        "The founders are at different stages, and each is measured against the target of "
        "their own stage; the dashed line and the Target column give the mean of those "
        "targets over the founders, as the workbook does, with each stage's own target "
        "below it.",
    ),
    plural_phrase(
        "dots_sampled",
        "With more than {dots} founder, {dots} dot spread evenly through the scores "
        "stands for them; the box and median are those of every founder.",
        "With more than {dots} founders, {dots} dots spread evenly through the scores "
        "stand for them; the box and median are those of every founder.",
        by="dots",
    ),
    neutral("stage_target", "{stage} {target:.0f}"),
    # TRANSLATORS: {points} is the count of points below ("gap_points"), told in full
    plural_phrase(
        "gap_line",
        "{count:,} of {total:,} founder falls short here; the best answer would add "
        "{points} to their overall score.",
        "{count:,} of {total:,} founders fall short here; the best answer would add "
        "{points} to each one's overall score, on average.",
        by="total",
        parts={"points": "gap_points"},
    ),
    plural_phrase("gap_points", "{points:g} point", "{points:g} points", by="points"),
    plural_phrase(
        "gap_cohort",
        "+{points:g} point on the cohort's average",
        "+{points:g} points on the cohort's average",
        by="points",
    ),
    phrase(
        "gaps_intro",
        "The answers that cost the cohort the most points, costliest first: what the cohort's "
        "average overall score would gain if every founder who falls short gave the best "
        "answer. Good topics for workshops.",
    ),
    phrase("flags_title", "Red flags in the cohort"),
    phrase("flag_founders", "Founders"),
    plural_phrase(
        "rejected_count",
        "{count:,} input could not be used; the reason is in",
        "{count:,} inputs could not be used; the reasons for each are in",
    ),
    phrase("rejected_first", "The first {count}:"),
    phrase("rejected_none", "Every input was scored."),
    phrase("stop", "."),
    phrase("severity", "Severity"),
    phrase("flag", "Red flag"),
    phrase("one_pager", "one-pager"),
)
