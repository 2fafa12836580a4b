"""What can be wrong with an input: the templates of `Message`, in English (their Chinese
is in the gettext catalog, see `i18n`).

One table for the problems the readers (`readers`, `json_errors`), the answers validation
(`answers`), the CSV reader (`cohort.inputs`, `cohort.mapping`) and the cohort run find in
a founder's input. The English is the tool's message as it always was (`assess` prints it,
scripts may match it); the Chinese is what `cohort --lang zh` writes in rejected.csv,
cohort.json and the terminal. `{name}` fields are the message's parameters, already told
in the language (see `messages`).

`FOREIGN` tells in Chinese what other programs say in English: the YAML parser (libyaml's
and PyYAML's wording), Python's csv module and the operating system. Each entry is a
pattern matched at the start of their text; the catalog gives its meaning in Chinese, with
`{0}`, `{1}` for the pattern's groups; text no pattern matches is quoted as it is.
"""

from __future__ import annotations

from founder_check.base.i18n import Foreign, Texts, foreign, neutral, phrase, plural_phrase

PROBLEMS = Texts(
    # --- generic pieces --------------------------------------------------------------------
    neutral("empty", ""),
    neutral("plain", "{text}"),
    phrase("long_text", "{start}… ({length} characters)"),
    phrase("a_mapping", "a mapping"),
    phrase("a_list", "a list"),
    # --- files: readers.py -----------------------------------------------------------------
    phrase("file_too_big", "file is {size} MB; at most {limit} MB is read"),
    phrase("file_larger_than", "file is larger than {limit} MB"),
    phrase("no_such_file", "no such file"),
    phrase("is_a_folder", "is a folder, expected a file"),
    phrase("permission_denied", "permission denied"),
    phrase("cannot_read", "cannot be read: {reason}"),
    phrase("file_empty", "file is empty"),
    phrase("binary_not_text", "looks like a binary file, expected {kind} text"),
    phrase("not_text", "is not {encoding} text ({why}){hint}"),
    phrase("bad_byte_at", "bad byte at offset {offset}"),
    phrase("ends_inside_character", "the file ends inside a character"),
    phrase("hint_encoding_given", "; check --encoding (or the mapping file's encoding:)"),
    phrase(
        "hint_encoding_default",
        "; save the export as 'CSV UTF-8', or give its encoding with --encoding "
        "(e.g. gb18030 for a CSV saved by Excel in Chinese)",
    ),
    phrase("yaml_anchors", "YAML anchors (&) are not supported"),
    phrase("yaml_aliases", "YAML aliases (*) are not supported"),
    phrase("yaml_tags", "YAML tags ({tag}) are not supported"),
    phrase("yaml_documents", "holds more than one YAML document (---)"),
    phrase("yaml_key_kind", "a key must be plain text, not empty or a list/mapping"),
    phrase("yaml_invalid", "invalid YAML: {problem}"),
    phrase("yaml_syntax", "syntax error"),
    phrase("too_deep", "nested more than {depth} levels deep"),
    phrase(
        "too_many_values",
        "holds more than {count} keys and values; an answers file has a few hundred",
    ),
    phrase("duplicate_key_at", "duplicate key {which} (first at line {line})"),
    phrase("duplicate_key", "duplicate key {which}"),
    phrase("not_a_number_constant", "{name} is not a valid number"),
    # --- JSON syntax: json_errors.py -------------------------------------------------------
    phrase("json_invalid", "invalid JSON: {message} (column {column})"),
    phrase("json_key_quotes", "expected a key in double quotes"),
    phrase("json_colon", "expected ':' after the key"),
    phrase("json_comma", "expected ',' between two items"),
    phrase("json_unclosed", "a string is not closed (a '\"' is missing)"),
    phrase("json_control", "a line break or control character inside a string"),
    phrase("json_u_escape", "a \\u escape needs four hexadecimal digits"),
    phrase("json_escape", "an unknown escape after '\\' in a string"),
    phrase("json_extra", "more text after the end of the JSON value"),
    phrase("json_other", "not valid JSON here"),
    phrase("json_trailing_comma_list", "a comma before the ']' that ends a list; remove it"),
    phrase("json_trailing_comma_mapping", "a comma before the '}' that ends a mapping; remove it"),
    phrase("json_ends_early", "the text ends where a value was expected"),
    phrase(
        "json_value",
        "expected a value: text in double quotes, a number, true, false, null, a list or a mapping",
    ),
    # --- answers: answers.py ---------------------------------------------------------------
    phrase("answers_not_mapping", "expected a mapping with an 'answers:' key"),
    phrase("unknown_top_key", "unknown key; expected {keys}"),
    phrase(
        "answer_at_top",
        "a question's answer, outside 'answers:'; indent it below an 'answers:' line",
    ),
    plural_phrase(
        "more_unknown_keys", "and {count:,} more unknown key", "and {count:,} more unknown keys"
    ),
    plural_phrase(
        "more_unknown_ids",
        "and {count:,} more unknown question id",
        "and {count:,} more unknown question ids",
    ),
    phrase("plain_text", "expected plain text"),
    phrase("unknown_stage", "unknown stage {stage}; expected one of {stages}"),
    phrase("date_time_of_day", "{value} has a time of day; expected a date, YYYY-MM-DD"),
    phrase("date_not_in_calendar", "{value} is not a day of the calendar; expected YYYY-MM-DD"),
    phrase("not_a_date", "{value} is not a date; expected YYYY-MM-DD (ISO 8601), e.g. 2026-05-01"),
    phrase("answers_mapping", "expected a mapping of question id to answer"),
    phrase("unknown_question", "unknown question id{hint}"),
    phrase("did_you_mean", "; did you mean {name}?"),
    phrase("required_missing", "required answer is missing; expected {expected}"),
    plural_phrase(
        "no_answers",
        "no answers; expected an answer to the {count:,} required question under 'answers:' "
        "('founder-check template' writes a file that lists it)",
        "no answers; expected answers to the {count:,} required questions under 'answers:' "
        "('founder-check template' writes a file that lists them)",
    ),
    phrase("required_null", "required answer is null; expected {expected}"),
    phrase("expect_one_of", "one of {options}"),
    phrase("expect_list_of", "a list of {options}"),
    phrase("expect_yes_no", "{yes} or {no}"),
    phrase("expect_whole_range", "a whole number from {min} to {max}{unit}"),
    phrase("expect_number_range", "a number from {min} to {max}{unit}"),
    phrase("expect_unit", " ({unit})"),
    phrase("expect_text", "text"),
    phrase(
        "unknown_for_text",
        "{word} means not sure, which a free-text question does not take; expected other text "
        "(or an empty answer if the question is optional)",
    ),
    phrase(
        "unknown_for_context",
        "{word} (not sure) is only for scored questions, and this one decides which questions "
        "apply or gives context; expected {expected}",
    ),
    phrase("not_an_option", "{value} is not an option; expected {expected}"),
    phrase("unknown_combined", "{word} (not sure) cannot be combined with other options"),
    phrase("exclusive_combined", "{option} cannot be combined with other options"),
    phrase("not_yes_no", "{word} is not yes or no"),
    phrase("not_whole", "{value} is not a whole number; expected {expected}"),
    phrase("out_of_range", "{value} is out of range; expected {expected}"),
    phrase("text_too_long", "text is {length} characters; at most {limit}"),
    phrase("expected_got", "expected {expected}, got {got}"),
    phrase("expected_number", "expected a number, got {got}"),
    phrase("expected_finite", "expected a finite number, got {got}"),
    phrase("huge_whole_number", "a whole number of about {digits} digits"),
    # --- cohort inputs: cohort/inputs.py, cohort/mapping.py --------------------------------
    phrase(
        "input_not_answers", "expected an answers file (.yaml, .yml, .json) or a CSV file (.csv)"
    ),
    phrase("input_not_regular", "not a regular file or folder"),
    phrase("input_missing", "no such file or folder"),
    phrase("folder_no_answers", "folder holds no answers files (.yaml, .yml, .json)"),
    plural_phrase(
        "row_no_answers",
        "the row answers no question; expected an answer in the column of the {count:,} "
        "required question ('founder-check template --csv' writes a header with it)",
        "the row answers no question; expected answers in the columns of the {count:,} "
        "required questions ('founder-check template --csv' writes a header with them all)",
    ),
    phrase(
        "folder_only_csv",
        "folder holds no answers files (.yaml, .yml, .json); the CSV files in it are read only "
        "when named on the command line, as {example}",
    ),
    phrase(
        "csv_bug", "not read further: internal error ({reason}); this is a bug in founder-check"
    ),
    phrase("special_file", "is {kind}, not a regular file; only regular files are read"),
    phrase("kind_fifo", "a named pipe (FIFO)"),
    phrase("kind_socket", "a socket"),
    phrase("kind_device", "a device"),
    phrase("kind_folder", "a folder"),
    phrase("kind_special", "a special file"),
    phrase("column", "column {header}"),
    phrase("column_of", "column {header} ({target})"),
    phrase("csv_no_header", "file is empty (no header row)"),
    phrase("csv_error", "CSV error: {error}; the rest of the file was not read"),
    phrase("row_too_wide", "row has {cells} cells but the header has {width}"),
    phrase("columns_same_target", "columns {first} and {second} both give {target}"),
    plural_phrase(
        "unknown_columns",
        "unknown column {shown}{more}: a header must be a question id, founder, company or "
        "stage, or be mapped (columns:) or left out (ignore:) in a --map file",
        "unknown columns {shown}{more}: a header must be a question id, founder, company or "
        "stage, or be mapped (columns:) or left out (ignore:) in a --map file",
    ),
    neutral("column_hint", "{header}{hint}"),
    phrase("did_you_mean_column", " (did you mean {name}?)"),
    phrase("more_columns", " and {count} more"),
    phrase("no_answer_columns", "no column holds answers to questions"),
    # --- the cohort run: cohort/run.py, cohort/process.py, cohort/rejections.py -------------
    phrase(
        "duplicate_founder",
        "duplicate founder {who}: already read from {where}; this copy was not scored",
    ),
    phrase("who_with_company", "{founder} ({company})"),
    phrase("who", "{founder}"),
    phrase("source_row", "{source} row {row}"),
    phrase("scoring_bug", "not scored: internal error ({reason}); this is a bug in founder-check"),
    phrase(
        "worker_lost",
        "not scored: the worker process scoring this founder {reason}, twice; the other "
        "founders were scored",
    ),
    phrase("killed_by", "killed by {signal}"),
    phrase("killed_by_number", "killed by signal {number}"),
    phrase("stopped_with", "stopped with exit code {code}"),
    plural_phrase(
        "more_problems",
        "{message} (and {count} more problem)",
        "{message} (and {count} more problems)",
    ),
)


def _by_program(*entries: Foreign) -> dict[str, tuple[str, ...]]:
    """Each program's patterns in the order written. An entry names its program once, and
    the same name is its catalog context, so a pattern cannot be filed under one program
    and translated under another."""
    table: dict[str, list[str]] = {}
    for program, pattern in entries:
        table.setdefault(program, []).append(pattern)
    return {program: tuple(patterns) for program, patterns in table.items()}


FOREIGN: dict[str, tuple[str, ...]] = _by_program(
    # TRANSLATORS: "yaml" texts are patterns (regular expressions) matching what the YAML
    # parser says; translate what the message means, not the pattern
    foreign("yaml", r"did not find expected node content|expected the node content"),
    foreign("yaml", r"did not find expected key|expected <block end>"),
    foreign("yaml", r"could not find expected ':'"),
    foreign("yaml", r"mapping values are not allowed"),
    foreign("yaml", r"(?:block )?sequence entries are not allowed"),
    foreign("yaml", r"mapping keys are not allowed"),
    foreign("yaml", r"(?:did not find )?expected ',' or '\]'"),
    foreign("yaml", r"(?:did not find )?expected ',' or '\}'"),
    foreign("yaml", r"did not find expected '-' indicator"),
    foreign("yaml", r"found character .*that cannot start any token"),
    foreign("yaml", r"found a tab character"),
    foreign("yaml", r"found unexpected end of stream"),
    foreign("yaml", r"found unknown escape character"),
    foreign("yaml", r"found unexpected document (?:indicator|separator)"),
    foreign("yaml", r"control characters are not allowed"),
    foreign("yaml", r"(?:did not find )?expected '?<document start>"),
    foreign(
        "yaml",
        r"(?:did not find expected comment or line break|expected a comment or a line break)",
    ),
    foreign("yaml", r"invalid indentation or unclosed"),
    foreign("yaml", r"found undefined tag handle"),
    foreign("yaml", r"found unexpected ':'"),
    # TRANSLATORS: "csv" texts are patterns matching what Python's csv module says; {0}
    # stands for what the pattern's first group (...) matched
    foreign("csv", r"field larger than field limit \((\d+)\)"),
    foreign("csv", r"new-line character seen in unquoted field"),
    foreign("csv", r"line contains NUL"),
    foreign("csv", r"unexpected end of data"),
    foreign("csv", r"'(.)' expected after '\"'"),
    # TRANSLATORS: "os" texts are patterns matching the operating system's error messages
    foreign("os", r"Permission denied"),
    foreign("os", r"No such file or directory"),
    foreign("os", r"Is a directory"),
    foreign("os", r"Not a directory"),
    foreign("os", r"Input/output error"),
    foreign("os", r"Too many levels of symbolic links"),
    foreign("os", r"File name too long"),
    foreign("os", r"Too many open files"),
    foreign("os", r"Operation not permitted"),
    foreign("os", r"Device or resource busy"),
    foreign("os", r"Stale (?:NFS )?file handle"),
)
