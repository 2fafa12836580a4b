"""Fixed words of the reports, in both languages (content strings come from the content)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from founder_check.base.i18n import Texts, phrase, plural_phrase

if TYPE_CHECKING:
    from founder_check.content.models import Lang
    from founder_check.scoring.scorecard import Coverage, FactorScore

label = Texts(
    phrase("title", "founder-check report"),
    phrase("founder", "Founder"),
    phrase("company", "Company"),
    phrase("stage", "Stage"),
    phrase("stage_default", "assumed; set `stage:` in the answers or --stage"),
    phrase("overall", "Overall score"),
    phrase("level", "Readiness level"),
    phrase("date", "Assessed"),
    phrase("next_steps", "Next steps to {level}"),
    phrase("next_level_needs", "{level} asks for what you do not have yet:"),
    phrase("next_steps_how", "The answers to change, most points first:"),
    phrase(
        "steps_points_note",
        "Points: what a step moves the overall score. They can be zero or below: a step the "
        "level requires may carry no weight at your stage, and answering a question not "
        "answered so far brings one more factor into the score.",
    ),
    phrase("from_to", "From"),
    phrase("unlocks", "With this step: {level}"),
    plural_phrase("within_days", "within {days} day", "within {days} days", by="days"),
    phrase("need_score", "an overall score of at least {minimum:g} (now {overall:.1f})"),
    phrase("need_flag", "resolve the red flag: {title}"),
    plural_phrase("flag_points", "-{points:g} point", "-{points:g} points", by="points"),
    phrase("flag_points_total", "including -{points:g} for red flags"),
    phrase("confidence", "Confidence"),
    plural_phrase(
        "answered_of",
        "{answered} of {count} question answered, {weighted:.0%} of the weight",
        "{answered} of {count} questions answered, {weighted:.0%} of the weight",
    ),
    plural_phrase(
        "answered_of_unknown",
        "{answered} of {count} question answered and {unknown} not sure, "
        "{weighted:.0%} of the weight",
        "{answered} of {count} questions answered and {unknown} not sure, "
        "{weighted:.0%} of the weight",
    ),
    phrase("high", "high"),
    phrase("medium", "medium"),
    phrase("low", "low"),
    phrase("none", "none"),
    phrase("factors", "Success factors"),
    phrase("factor", "Factor"),
    phrase("score", "Score"),
    phrase("target", "Target"),
    phrase("gap", "Gap"),
    phrase("weight", "Weight"),
    phrase("not_covered", "not covered"),
    phrase("red_flags", "Red flags"),
    phrase("no_red_flags", "No red flags triggered."),
    phrase("severity_critical", "CRITICAL"),
    phrase("severity_major", "MAJOR"),
    phrase("severity_minor", "MINOR"),
    phrase("because", "Because"),
    phrase("your_answers", "Your answers"),
    phrase("because_of", "Recommended for"),
    phrase("action", "What to do"),
    phrase("cases", "Seen in"),
    phrase("gaps", "Biggest gaps"),
    phrase("no_gaps", "No gaps: every factor meets the target for this stage."),
    plural_phrase(
        "no_gaps_unscored",
        "No gaps among the factors your answers score: each meets the target for this stage. "
        "{count} factor has no answers yet.",
        "No gaps among the factors your answers score: each meets the target for this stage. "
        "{count} factors have no answers yet.",
    ),
    phrase("to_find_out", "To find out"),
    phrase(
        "to_find_out_intro",
        "You answered “Not sure” to these questions. Until you find out, each counts as a weak "
        "answer and lowers the confidence of this report; the chapters help you find out.",
    ),
    phrase("question", "Question"),
    phrase("your_answer", "Your answer"),
    phrase("points", "points"),
    phrase("strong", "A strong answer"),
    phrase("read", "Read"),
    phrase("strengths", "Strengths"),
    phrase("no_strengths", "No strong answers yet."),
    phrase("reading", "Chapters to read next"),
    phrase(
        "reading_note",
        "The chapters come from five Chinese articles on founding an AI large-model startup. "
        "founder-check does not include the articles; each lesson above is our own summary of "
        "what its chapter teaches.",
    ),
    phrase("coverage", "Coverage"),
    phrase("skipped", "Skipped"),
    phrase("skipped_list", "Skipped: {questions}"),
    plural_phrase(
        "sections_answered",
        "{answered} of {count} section answered ({share:.0%} of the questions); the score "
        "covers only what is answered",
        "{answered} of {count} sections answered ({share:.0%} of the questions); the score "
        "covers only what is answered",
    ),
    phrase("left_out", "Not answered yet in {section}: {questions}"),
    plural_phrase(
        "not_applicable_count",
        "{count} question did not apply given your other answers",
        "{count} questions did not apply given your other answers",
    ),
    plural_phrase(
        "not_expected_count",
        "{count} question is not expected yet at the {stage} stage",
        "{count} questions are not expected yet at the {stage} stage",
    ),
    phrase("content", "Content"),
    # founder-check cohort
    phrase("cohort_title", "founder-check cohort report"),
    # TRANSLATORS: {scored} and {rejected} are the two counts below, each told in full
    phrase(
        "cohort_summary",
        "{scored}, {rejected}",
        parts={"scored": "cohort_founders_scored", "rejected": "cohort_inputs_not_used"},
    ),
    plural_phrase(
        "cohort_founders_scored", "{scored} founder scored", "{scored} founders scored", by="scored"
    ),
    plural_phrase(
        "cohort_inputs_not_used",
        "{rejected} input not used",
        "{rejected} inputs not used",
        by="rejected",
    ),
    phrase("cohort_stage_option", "every founder scored at stage"),
    phrase("cohort_ranking", "Ranking"),
    phrase("cohort_rank", "#"),
    phrase("cohort_overall", "Overall"),
    phrase("cohort_flags", "Red flags"),
    phrase("cohort_weakest", "Weakest factor"),
    phrase("cohort_unnamed", "(unnamed)"),
    phrase("cohort_shown_of", "{shown} of {total} shown; all are in {file}"),
    phrase(
        "cohort_shown_of_rows", "{shown} of {total} shown; --rows 0 shows all, --out DIR writes all"
    ),
    phrase("cohort_factor_stats", "Success factors across the cohort"),
    phrase("cohort_founders", "Founders"),
    phrase("cohort_min", "Min"),
    phrase("cohort_q1", "Q1"),
    phrase("cohort_median", "Median"),
    phrase("cohort_q3", "Q3"),
    phrase("cohort_max", "Max"),
    phrase("cohort_below_target", "Below target"),
    phrase("cohort_mean", "Mean"),
    phrase("cohort_target", "Target"),
    phrase("cohort_short_by", "Short by"),
    phrase(
        "cohort_factors_caption",
        "Target: the stage's target (their mean when founders are at different stages). "
        "Short by: how many points the founders below target are short of it, on average.",
    ),
    phrase("cohort_shared_gaps", "Gaps that cost the cohort most (workshop topics)"),
    phrase("cohort_of_scored", "{count} of {total}"),
    phrase("cohort_points_each", "Each"),
    phrase("cohort_cohort_points", "Cohort"),
    phrase(
        "cohort_gaps_caption",
        "Points of the overall score. Each: what the best answer would add, on average, for a "
        "founder with the gap. Cohort: how much the cohort's mean overall score would rise if "
        "all of them gave it.",
    ),
    phrase("cohort_no_shared_gaps", "No founder has a gap on a factor below its target."),
    phrase("cohort_red_flags", "Red flags by founder"),
    phrase("cohort_no_red_flags", "No red flags triggered in this cohort."),
    phrase("cohort_rejected", "Inputs not used"),
    phrase("cohort_input", "Input"),
    phrase("cohort_reason", "Why"),
    plural_phrase(
        "cohort_more_problems", "… and {count} more problem", "… and {count} more problems"
    ),
    plural_phrase(
        "error_more_problems", "and {count:,} more problem", "and {count:,} more problems"
    ),
    phrase("cohort_row", "row {row}"),
    phrase("cohort_line", "line {line}"),
    phrase("cohort_input_row", "{source} ({row})"),
    phrase("cohort_place", "{place}: "),
    phrase("cohort_place_join", ", "),
    phrase("cohort_duplicate", "duplicate"),
    phrase(
        "cohort_percentiles_hidden",
        "Cohort ranks and percentiles are left out of the scorecards: fewer than {min} "
        "founders, so no one can be singled out.",
    ),
    phrase("cohort_written", "Written to {dir}: {files}"),
    plural_phrase("cohort_scorecards", "{count} scorecard", "{count} scorecards"),
    phrase("cohort_no_founders", "No founder could be scored."),
    phrase("cohort_progress_scoring", "Scoring founders"),
    phrase("cohort_progress_writing", "Writing scorecards"),
    phrase(
        "cohort_no_libyaml",
        "warning: PyYAML was built without libyaml, so YAML files are read several times "
        "slower; reinstall PyYAML with libyaml for large cohorts",
    ),
    # founder-check explain
    phrase("explain_kind_question", "Question"),
    phrase("explain_kind_factor", "Success factor"),
    phrase("explain_kind_red_flag", "Red flag"),
    phrase("explain_kind_chapter", "Chapter"),
    phrase("explain_kind_stage", "Stage"),
    phrase("explain_kind_level", "Readiness level"),
    phrase("explain_also", "The same id also names"),
    phrase("explain_none", "none"),
    phrase("explain_type", "Kind"),
    phrase("explain_optional", "optional"),
    phrase("explain_section", "Section"),
    phrase("explain_when", "Asked only when"),
    phrase("explain_from_stage", "Scored from stage"),
    phrase("explain_value_rule", "Value of an answer"),
    phrase("explain_answers", "Answers and their values"),
    phrase("explain_answer_label", "Answer"),
    phrase("explain_id", "id"),
    phrase("explain_value", "Value"),
    phrase("explain_exclusive", "cannot be combined"),
    phrase("explain_feeds", "Factors it feeds"),
    phrase("explain_share", "Share of the overall score at stage {stage}"),
    phrase("explain_share_short", "Share of overall"),
    phrase("explain_share_note", "if every question scored at this stage is answered"),
    phrase("explain_not_scored_at", "Not scored at stage {stage}."),
    phrase("explain_sources", "Sources in the documents"),
    phrase("explain_used_by_flags", "Red flags that look at it"),
    phrase("explain_used_by_gates", "Gates that require it"),
    phrase("explain_decides", "Decides whether these are asked"),
    phrase("explain_stages", "Weight and target per stage"),
    phrase("explain_questions", "Questions that feed it"),
    phrase("explain_share_of_factor", "Share of factor"),
    phrase("explain_conditional", "asked only in some cases"),
    phrase("explain_triggered_when", "Triggered when"),
    phrase("explain_caps", "Caps the readiness level at"),
    phrase("explain_flag_points", "Points taken off the overall score"),
    phrase("explain_no_cap", "Shown as a warning; does not cap the level."),
    phrase("explain_document", "Document"),
    phrase("explain_lesson", "What it teaches"),
    phrase("explain_cited_by_questions", "Questions citing it"),
    phrase("explain_cited_by_factors", "Factors citing it"),
    phrase("explain_cited_by_red_flags", "Red flags citing it"),
    phrase("explain_subsections", "Subsections"),
    phrase("explain_default_stage", "the default stage"),
    phrase("explain_from_here", "Scored from this stage on"),
    phrase("explain_not_yet", "Not scored yet at this stage"),
    phrase("explain_min_score", "Minimum score"),
    phrase("explain_requires", "Must-haves of this gate"),
    phrase("explain_capped_by", "Red flags of these severities cap the level here"),
)


def answered_of(coverage: Coverage, lang: Lang) -> str:
    """How much of the questionnaire the score rests on, as the reports say it; "not sure"
    answers are counted apart, since the confidence treats them as unanswered."""
    return label(
        "answered_of_unknown" if coverage.unknown else "answered_of",
        lang,
        answered=coverage.answered,
        count=coverage.applicable,
        unknown=len(coverage.unknown),
        weighted=coverage.weighted,
    )


def left_out_lines(coverage: Coverage, lang: Lang) -> list[str]:
    """For answers that leave whole sections out: how many sections are answered, then each
    section left out with the questions still to answer there (none for complete answers)."""
    if not coverage.left_out:
        return []
    share = coverage.answered / coverage.applicable if coverage.applicable else 0.0
    lines = [
        label(
            "sections_answered",
            lang,
            answered=coverage.sections_answered,
            count=coverage.sections,
            share=share,
        )
    ]
    for section in coverage.left_out:
        if section.questions:
            texts = joined([question.text for question in section.questions], lang)
            lines.append(label("left_out", lang, section=section.title, questions=texts))
    return lines


_SENTENCE_ENDS = ("？", "。", "！")


def joined(texts: Sequence[str], lang: Lang) -> str:
    """Question texts in one line: "; " between them in English; in Chinese "；", or nothing
    after a text that already ends its sentence (问题一？问题二？)."""
    if lang != "zh":
        return "; ".join(texts)
    parts = [text if text.endswith(_SENTENCE_ENDS) else text + "；" for text in texts]
    return "".join(parts).removesuffix("；")


def colon(lang: Lang) -> str:
    """What separates a name from what follows it: ": " in English, "：" in Chinese (a
    full-width colon carries its own space)."""
    return "：" if lang == "zh" else ": "


def field(key: str, lang: Lang) -> str:
    """A label before its value on the same line ("Stage: ", "阶段：")."""
    return label(key, lang) + colon(lang)


def heading(key: str, lang: Lang) -> str:
    """A label that ends its line, its items below ("Your answers:", "你的回答：")."""
    return field(key, lang).rstrip()


def aside(text: str, lang: Lang, space: str = " ") -> str:
    """`text` in brackets after what it qualifies: `space` then "(text)" in English,
    "（text）" in Chinese, whose full-width brackets need no space."""
    return f"（{text}）" if lang == "zh" else f"{space}({text})"


NO_FIGURE = "—"  # a score, target, gap or change there is none of


def signed(points: float | None) -> str:
    """A change of score with its sign: "+8.3", "-2.5", "0.0"."""
    if points is None:
        return NO_FIGURE
    return "0.0" if abs(points) < 0.05 else f"{points:+.1f}"


def weight_share(weight: float, factors: Sequence[FactorScore]) -> str:
    """A factor's weight as its share of the stage's total, e.g. "22%"."""
    total = sum(factor.weight for factor in factors)
    return f"{weight / total:.0%}" if total > 0 else "–"
