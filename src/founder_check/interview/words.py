"""Fixed words of the interview in both languages (questions and help come from the content)."""

from __future__ import annotations

from founder_check.base.i18n import Texts, phrase, plural_phrase

word = Texts(
    phrase(
        "no_terminal",
        "the interview needs a terminal ({which}): write an answers file with "
        "'founder-check template -o answers.yaml', fill it in, then run "
        "'founder-check assess --answers answers.yaml'",
    ),
    phrase("stdin", "standard input is not a terminal"),
    phrase("stdout", "standard output is not a terminal"),
    phrase("stdin_stdout", "neither standard input nor standard output is a terminal"),
    # TRANSLATORS: {sections} and {questions} are the two counts below, each told in full
    phrase(
        "welcome",
        "founder-check interview: {sections}, {questions}. Every answer is saved as you go "
        "(draft: {draft}); press Ctrl-C to pause and resume later.",
        parts={"sections": "welcome_sections", "questions": "welcome_questions"},
    ),
    plural_phrase("welcome_sections", "{sections} section", "{sections} sections", by="sections"),
    plural_phrase(
        "welcome_questions", "{questions} question", "about {questions} questions", by="questions"
    ),
    plural_phrase(
        "resuming",
        "Continuing the draft {draft}: {count} answer so far.",
        "Continuing the draft {draft}: {count} answers so far.",
    ),
    phrase(
        "updating",
        "Updating {path}: your earlier answers are the defaults; press Enter to keep one.",
    ),
    plural_phrase(
        "draft_found",
        "A draft saved {when} with {count} answer exists: {draft}",
        "A draft saved {when} with {count} answers exists: {draft}",
    ),
    phrase("resume_offer", "Continue it?"),
    phrase("about_title", "About you"),
    phrase(
        "about_intro",
        "Optional: your name and company appear on the report; the stage sets what is expected "
        "of you. Leave a field empty to skip it.",
    ),
    phrase("founder_prompt", "Your name"),
    phrase("company_prompt", "Company name"),
    phrase("stage_question", "Which stage is the company at?"),
    phrase("stage_skip", "Not sure: assume {stage}"),
    phrase("section_progress", "Section {i} of {n}"),
    phrase("question_progress", "question {j} of {m}"),
    phrase("optional", "optional"),
    phrase("choose_one", "Choose one"),
    phrase("choose_one_hint", "(↑/↓ to move, Enter to choose)"),
    phrase("choose_many", "Choose all that apply"),
    phrase("choose_many_hint", "(↑/↓ to move, Space to tick, Enter to confirm)"),
    phrase(
        "choose_many_skip_hint",
        "(↑/↓ to move, Space to tick, Enter to confirm; tick nothing to skip)",
    ),
    phrase("yes_or_no", "Yes or no"),
    phrase("yes", "Yes"),
    phrase("no", "No"),
    phrase("skip_choice", "Skip this question"),
    phrase("empty_skips", "(leave empty to skip)"),
    phrase("number_unknown_hint", "(type ? if not sure)"),
    phrase("number_unknown_skip", "(leave empty to skip; type ? if not sure)"),
    phrase("answer_prompt", "Your answer"),
    phrase("number_prompt", "{what} from {low} to {high}"),
    phrase("number_word", "Number"),
    phrase("whole_number_word", "Whole number"),
    phrase("required", "An answer is required for this question."),
    phrase("tick_one", "Tick at least one option."),
    phrase("bad_number", "Enter a number from {low} to {high}{unit}."),
    phrase("bad_whole_number", "Enter a whole number from {low} to {high}{unit}."),
    phrase("exclusive", "'{label}' cannot be combined with other options."),
    phrase("too_long", "At most {limit} characters."),
    phrase(
        "unknown_text",
        "'unknown' alone means “not sure”, which this question does not take; add a few words.",
    ),
    phrase("skipped", "(skipped)"),
    phrase("not_answered", "(not answered yet)"),
    phrase("not_given", "(not given)"),
    phrase("default_stage", "(not given: {stage} assumed)"),
    phrase("review_title", "Review your answers"),
    phrase("review_next", "All done. What next?"),
    phrase("review_score", "Save the answers and show my report"),
    phrase("review_change", "Change an answer"),
    phrase("review_pick_section", "Which part?"),
    phrase("review_pick_question", "Which question?"),
    phrase("back", "Back"),
    phrase("back_alone", "(Esc to go back)"),
    phrase("back_more", "; Esc to go back"),
    phrase("question_column", "Question"),
    phrase("answer_column", "Your answer"),
    plural_phrase(
        "interrupted",
        "Interview paused: {count} answer saved in {draft}.",
        "Interview paused: {count} answers saved in {draft}.",
    ),
    phrase("interrupted_empty", "Interview stopped before any answer; nothing to save."),
    phrase("resume_with", "Continue with: {command}"),
    phrase(
        "answers_saved",
        "Answers saved to {path}; rescore them with 'founder-check assess --answers {path}'.",
    ),
    plural_phrase(
        "partial",
        "{count} required question outside the chosen sections is not answered yet; "
        "complete it with 'founder-check assess --update {path}'.",
        "{count} required questions outside the chosen sections are not answered yet; "
        "complete them with 'founder-check assess --update {path}'.",
    ),
    phrase(
        "file_header",
        "founder-check answers, written by the interview on {when}.\n"
        "Rescore: founder-check assess --answers {name}\n"
        "Update later: founder-check assess --update {name}",
    ),
)
