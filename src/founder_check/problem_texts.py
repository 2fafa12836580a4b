"""What can be wrong with an input, in English and Chinese: the templates of `Message`.

One table for the problems the readers (`readers`, `json_errors`), the answers validation
(`answers`), the CSV reader (`cohort.inputs`, `cohort.mapping`) and the cohort run find in
a founder's input. The English is the tool's message as it always was (`assess` prints it,
scripts may match it); the Chinese is what `cohort --lang zh` writes in rejected.csv,
cohort.json and the terminal. `{name}` fields are the message's parameters, already told
in the language (see `messages`).

`FOREIGN` tells in Chinese what other programs say in English: the YAML parser (libyaml's
and PyYAML's wording), Python's csv module and the operating system. Each entry is a
pattern matched at the start of their text and the Chinese, with `{0}`, `{1}` for the
pattern's groups; text no pattern matches is quoted as it is.
"""

from __future__ import annotations

from founder_check.phrases import Phrases, Plural

_TEXTS: dict[str, tuple[str | Plural, str]] = {
    # --- generic pieces --------------------------------------------------------------------
    "empty": ("", ""),
    "plain": ("{text}", "{text}"),
    "long_text": ("{start}… ({length} characters)", "{start}……（共 {length} 个字符）"),
    "a_mapping": ("a mapping", "映射"),
    "a_list": ("a list", "列表"),
    # --- files: readers.py -----------------------------------------------------------------
    "file_too_big": (
        "file is {size} MB; at most {limit} MB is read",
        "文件有 {size} MB，最多只读取 {limit} MB",
    ),
    "file_larger_than": ("file is larger than {limit} MB", "文件超过 {limit} MB"),
    "no_such_file": ("no such file", "文件不存在"),
    "is_a_folder": ("is a folder, expected a file", "这是文件夹，应为文件"),
    "permission_denied": ("permission denied", "没有读取权限"),
    "cannot_read": ("cannot be read: {reason}", "无法读取：{reason}"),
    "file_empty": ("file is empty", "文件是空的"),
    "binary_not_text": (
        "looks like a binary file, expected {kind} text",
        "看起来是二进制文件，应为 {kind} 文本",
    ),
    "not_text": ("is not {encoding} text ({why}){hint}", "不是 {encoding} 文本（{why}）{hint}"),
    "bad_byte_at": ("bad byte at offset {offset}", "字节偏移 {offset} 处无法解码"),
    "ends_inside_character": ("the file ends inside a character", "文件在一个字符的中间结束"),
    "hint_encoding_given": (
        "; check --encoding (or the mapping file's encoding:)",
        "；请检查 --encoding（或映射文件中的 encoding:）",
    ),
    "hint_encoding_default": (
        "; save the export as 'CSV UTF-8', or give its encoding with --encoding "
        "(e.g. gb18030 for a CSV saved by Excel in Chinese)",
        "；请把导出文件另存为“CSV UTF-8”，或用 --encoding 指定它的编码"
        "（中文版 Excel 保存的 CSV 用 gb18030）",
    ),
    "yaml_anchors": ("YAML anchors (&) are not supported", "不支持 YAML 锚点（&）"),
    "yaml_aliases": ("YAML aliases (*) are not supported", "不支持 YAML 别名（*）"),
    "yaml_tags": ("YAML tags ({tag}) are not supported", "不支持 YAML 标签（{tag}）"),
    "yaml_documents": ("holds more than one YAML document (---)", "包含不止一个 YAML 文档（---）"),
    "yaml_key_kind": (
        "a key must be plain text, not empty or a list/mapping",
        "键必须是普通文本，不能为空，也不能是列表或映射",
    ),
    "yaml_invalid": ("invalid YAML: {problem}", "YAML 格式有误：{problem}"),
    "yaml_syntax": ("syntax error", "语法错误"),
    "too_deep": ("nested more than {depth} levels deep", "嵌套超过 {depth} 层"),
    "too_many_values": (
        "holds more than {count} keys and values; an answers file has a few hundred",
        "键和值超过 {count} 个；一份答卷通常只有几百个",
    ),
    "duplicate_key_at": (
        "duplicate key {which} (first at line {line})",
        "键{which}重复（第一次出现在第 {line} 行）",
    ),
    "duplicate_key": ("duplicate key {which}", "键{which}重复"),
    "not_a_number_constant": ("{name} is not a valid number", "{name} 不是有效的数字"),
    # --- JSON syntax: json_errors.py -------------------------------------------------------
    "json_invalid": (
        "invalid JSON: {message} (column {column})",
        "JSON 格式有误：{message}（第 {column} 列）",
    ),
    "json_key_quotes": ("expected a key in double quotes", "此处应为用双引号括起的键"),
    "json_colon": ("expected ':' after the key", "键后面应有冒号“:”"),
    "json_comma": ("expected ',' between two items", "两项之间应有逗号“,”"),
    "json_unclosed": (
        "a string is not closed (a '\"' is missing)",
        '字符串没有结束（缺少一个“"”）',
    ),
    "json_control": (
        "a line break or control character inside a string",
        "字符串中有换行符或控制字符",
    ),
    "json_u_escape": (
        "a \\u escape needs four hexadecimal digits",
        "\\u 转义后面需要四位十六进制数字",
    ),
    "json_escape": ("an unknown escape after '\\' in a string", "字符串中“\\”后面的转义无法识别"),
    "json_extra": ("more text after the end of the JSON value", "JSON 值结束后还有多余的文字"),
    "json_other": ("not valid JSON here", "此处不是有效的 JSON"),
    "json_trailing_comma_list": (
        "a comma before the ']' that ends a list; remove it",
        "结束列表的“]”前面多了一个逗号，请删除",
    ),
    "json_trailing_comma_mapping": (
        "a comma before the '}' that ends a mapping; remove it",
        "结束映射的“}”前面多了一个逗号，请删除",
    ),
    "json_ends_early": ("the text ends where a value was expected", "文本在应有值的地方就结束了"),
    "json_value": (
        "expected a value: text in double quotes, a number, true, false, null, a list or a mapping",
        "此处应为一个值：双引号括起的文本、数字、true、false、null、列表或映射",
    ),
    # --- answers: answers.py ---------------------------------------------------------------
    "answers_not_mapping": (
        "expected a mapping with an 'answers:' key",
        "应为带有“answers:”键的映射",
    ),
    "unknown_top_key": ("unknown key; expected {keys}", "未知的键；应为以下之一：{keys}"),
    "more_unknown_keys": (
        Plural("and {count:,} more unknown key", "and {count:,} more unknown keys"),
        "另有 {count:,} 个未知的键",
    ),
    "more_unknown_ids": (
        Plural("and {count:,} more unknown question id", "and {count:,} more unknown question ids"),
        "另有 {count:,} 个未知的问题编号",
    ),
    "plain_text": ("expected plain text", "应为普通文本"),
    "unknown_stage": (
        "unknown stage {stage}; expected one of {stages}",
        "未知的阶段{stage}；应为以下之一：{stages}",
    ),
    "date_time_of_day": (
        "{value} has a time of day; expected a date, YYYY-MM-DD",
        "{value}带有时刻；应为日期，格式为 YYYY-MM-DD",
    ),
    "date_not_in_calendar": (
        "{value} is not a day of the calendar; expected YYYY-MM-DD",
        "{value}不是日历上存在的日期；格式应为 YYYY-MM-DD",
    ),
    "not_a_date": (
        "{value} is not a date; expected YYYY-MM-DD (ISO 8601), e.g. 2026-05-01",
        "{value}不是日期；应为 YYYY-MM-DD 格式（ISO 8601），例如 2026-05-01",
    ),
    "answers_mapping": (
        "expected a mapping of question id to answer",
        "应为从问题编号到答案的映射",
    ),
    "unknown_question": ("unknown question id{hint}", "未知的问题编号{hint}"),
    "did_you_mean": ("; did you mean {name}?", "；是不是{name}？"),
    "required_missing": (
        "required answer is missing; expected {expected}",
        "缺少必答题的答案；应为{expected}",
    ),
    "required_null": (
        "required answer is null; expected {expected}",
        "必答题的答案为空；应为{expected}",
    ),
    "expect_one_of": ("one of {options}", "以下之一：{options}"),
    "expect_list_of": ("a list of {options}", "由以下选项组成的列表：{options}"),
    "expect_yes_no": ("{yes} or {no}", "“{yes}”或“{no}”"),
    "expect_whole_range": (
        "a whole number from {min} to {max}{unit}",
        "介于 {min} 到 {max} 之间的整数{unit}",
    ),
    "expect_number_range": (
        "a number from {min} to {max}{unit}",
        "介于 {min} 到 {max} 之间的数{unit}",
    ),
    "expect_unit": (" ({unit})", "（单位：{unit}）"),
    "expect_text": ("text", "文本"),
    "unknown_for_text": (
        "{word} means not sure, which a free-text question does not take; expected other text "
        "(or an empty answer if the question is optional)",
        "{word}表示“不确定”，但自由文本题不接受这个答案；请填写其他文字（选答题也可以留空）",
    ),
    "unknown_for_context": (
        "{word} (not sure) is only for scored questions, and this one decides which questions "
        "apply or gives context; expected {expected}",
        "{word}（不确定）只适用于计分的问题，而这道题决定后面哪些问题适用，或只提供背景信息；"
        "应为{expected}",
    ),
    "not_an_option": (
        "{value} is not an option; expected {expected}",
        "{value}不是可选项；应为{expected}",
    ),
    "unknown_combined": (
        "{word} (not sure) cannot be combined with other options",
        "{word}（不确定）不能与其他选项同时选择",
    ),
    "exclusive_combined": (
        "{option} cannot be combined with other options",
        "{option}不能与其他选项同时选择",
    ),
    "not_yes_no": ("{word} is not yes or no", "{word}既不是 yes 也不是 no"),
    "not_whole": (
        "{value} is not a whole number; expected {expected}",
        "{value}不是整数；应为{expected}",
    ),
    "out_of_range": (
        "{value} is out of range; expected {expected}",
        "{value} 超出范围；应为{expected}",
    ),
    "text_too_long": (
        "text is {length} characters; at most {limit}",
        "文本有 {length} 个字符，最多 {limit} 个",
    ),
    "expected_got": ("expected {expected}, got {got}", "应为{expected}，实际是{got}"),
    "expected_number": ("expected a number, got {got}", "应为数字，实际是{got}"),
    "expected_finite": ("expected a finite number, got {got}", "应为有限的数字，实际是{got}"),
    "huge_whole_number": ("a whole number of about {digits} digits", "约 {digits} 位的整数"),
    # --- cohort inputs: cohort/inputs.py, cohort/mapping.py --------------------------------
    "input_not_answers": (
        "expected an answers file (.yaml, .yml, .json) or a CSV file (.csv)",
        "应为答卷文件（.yaml、.yml、.json）或 CSV 文件（.csv）",
    ),
    "input_not_regular": ("not a regular file or folder", "既不是普通文件，也不是文件夹"),
    "input_missing": ("no such file or folder", "文件或文件夹不存在"),
    "folder_no_answers": (
        "folder holds no answers files (.yaml, .yml, .json)",
        "文件夹中没有答卷文件（.yaml、.yml、.json）",
    ),
    "csv_bug": (
        "not read further: internal error ({reason}); this is a bug in founder-check",
        "未继续读取：内部错误“{reason}”；这是 founder-check 的程序缺陷",
    ),
    "special_file": (
        "is {kind}, not a regular file; only regular files are read",
        "这是{kind}，不是普通文件；只读取普通文件",
    ),
    "kind_fifo": ("a named pipe (FIFO)", "命名管道（FIFO）"),
    "kind_socket": ("a socket", "套接字"),
    "kind_device": ("a device", "设备文件"),
    "kind_folder": ("a folder", "文件夹"),
    "kind_special": ("a special file", "特殊文件"),
    "column": ("column {header}", "列{header}"),
    "column_of": ("column {header} ({target})", "列{header}（{target}）"),
    "csv_no_header": ("file is empty (no header row)", "文件是空的（没有标题行）"),
    "csv_error": (
        "CSV error: {error}; the rest of the file was not read",
        "CSV 格式有误：{error}；文件的其余部分未读取",
    ),
    "row_too_wide": (
        "row has {cells} cells but the header has {width}",
        "这一行有 {cells} 个单元格，但标题行只有 {width} 个",
    ),
    "columns_same_target": (
        "columns {first} and {second} both give {target}",
        "列{first}和列{second}都对应{target}",
    ),
    "unknown_columns": (
        Plural(
            "unknown column {shown}{more}: a header must be a question id, founder, company or "
            "stage, or be mapped (columns:) or left out (ignore:) in a --map file",
            "unknown columns {shown}{more}: a header must be a question id, founder, company or "
            "stage, or be mapped (columns:) or left out (ignore:) in a --map file",
        ),
        "未知的列{shown}{more}：列标题必须是问题编号、founder、company 或 stage，"
        "或者在 --map 映射文件中映射（columns:）或忽略（ignore:）",
    ),
    "column_hint": ("{header}{hint}", "{header}{hint}"),
    "did_you_mean_column": (" (did you mean {name}?)", "（是不是{name}？）"),
    "more_columns": (" and {count} more", "，另有 {count} 列"),
    "no_answer_columns": ("no column holds answers to questions", "没有任何一列对应问题"),
    # --- the cohort run: cohort/run.py, cohort/process.py, cohort/rejections.py -------------
    "duplicate_founder": (
        "duplicate founder {who}: already read from {where}; this copy was not scored",
        "重复的创始人{who}：已从 {where} 读取过，这一份没有评估",
    ),
    "who_with_company": ("{founder} ({company})", "“{founder}”（{company}）"),
    "who": ("{founder}", "“{founder}”"),
    "source_row": ("{source} row {row}", "{source} 第 {row} 条记录"),
    "scoring_bug": (
        "not scored: internal error ({reason}); this is a bug in founder-check",
        "未评估：内部错误“{reason}”；这是 founder-check 的程序缺陷",
    ),
    "worker_lost": (
        "not scored: the worker process scoring this founder {reason}, twice; the other "
        "founders were scored",
        "未评估：评估这位创始人的工作进程两次{reason}；其他创始人已评估",
    ),
    "killed_by": ("killed by {signal}", "被 {signal} 信号终止"),
    "killed_by_number": ("killed by signal {number}", "被 {number} 号信号终止"),
    "stopped_with": ("stopped with exit code {code}", "退出（退出码 {code}）"),
    "more_problems": (
        Plural("{message} (and {count} more problem)", "{message} (and {count} more problems)"),
        "{message}（另有 {count} 个问题）",
    ),
}

PROBLEMS = Phrases(_TEXTS)

FOREIGN: dict[str, tuple[tuple[str, str], ...]] = {
    "yaml": (
        (r"did not find expected node content|expected the node content", "此处缺少应有的内容"),
        (r"did not find expected key|expected <block end>", "此处应为一个键（可能是缩进不对）"),
        (r"could not find expected ':'", "缺少冒号“:”"),
        (
            r"mapping values are not allowed",
            "此处不能出现键值对（可能是缩进不对，或文字中的冒号需要加引号）",
        ),
        (
            r"(?:block )?sequence entries are not allowed",
            "此处不能出现列表项“- ”（可能是缩进不对）",
        ),
        (r"mapping keys are not allowed", "此处不能出现键（可能是缩进不对）"),
        (r"(?:did not find )?expected ',' or '\]'", "缺少逗号“,”或右方括号“]”"),
        (r"(?:did not find )?expected ',' or '\}'", "缺少逗号“,”或右花括号“}”"),
        (r"did not find expected '-' indicator", "缺少列表项标记“-”"),
        (
            r"found character .*that cannot start any token",
            "此处的字符不能作为开头（例如制表符、“@”或“`”）",
        ),
        (r"found a tab character", "缩进里有制表符；YAML 只能用空格缩进"),
        (r"found unexpected end of stream", "文件意外结束（可能是引号或括号没有闭合）"),
        (r"found unknown escape character", "无法识别的转义字符"),
        (r"found unexpected document (?:indicator|separator)", "出现了意外的文档分隔符"),
        (r"control characters are not allowed", "不允许出现控制字符"),
        (r"(?:did not find )?expected '?<document start>", "缺少文档开始标记"),
        (
            r"(?:did not find expected comment or line break|expected a comment or a line break)",
            "此处应为注释或换行",
        ),
        (r"invalid indentation or unclosed", "缩进有误，或“[”、“{”没有闭合"),
        (r"found undefined tag handle", "未定义的标签"),
        (r"found unexpected ':'", "出现了意外的冒号“:”"),
    ),
    "csv": (
        (r"field larger than field limit \((\d+)\)", "单元格超过长度上限（{0} 个字符）"),
        (r"new-line character seen in unquoted field", "未加引号的单元格中出现了换行符"),
        (r"line contains NUL", "这一行含有 NUL 字符"),
        (r"unexpected end of data", "数据意外结束"),
        (r"'(.)' expected after '\"'", "引号后面应为分隔符“{0}”"),
    ),
    "os": (
        (r"Permission denied", "没有访问权限"),
        (r"No such file or directory", "文件或文件夹不存在"),
        (r"Is a directory", "这是文件夹"),
        (r"Not a directory", "路径中有一部分不是文件夹"),
        (r"Input/output error", "读写出错"),
        (r"Too many levels of symbolic links", "符号链接层数过多"),
        (r"File name too long", "文件名过长"),
        (r"Too many open files", "打开的文件过多"),
        (r"Operation not permitted", "操作不被允许"),
        (r"Device or resource busy", "设备或资源正忙"),
        (r"Stale (?:NFS )?file handle", "网络文件句柄已失效"),
    ),
}
