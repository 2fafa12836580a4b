"""Fixed words of the interview in both languages (questions and help come from the content)."""

from __future__ import annotations

from founder_check.phrases import Phrases, Plural

_WORDS: dict[str, tuple[str | Plural, str]] = {
    "no_terminal": (
        "the interview needs a terminal ({which}): write an answers file with "
        "'founder-check template -o answers.yaml', fill it in, then run "
        "'founder-check assess --answers answers.yaml'",
        "访谈需要在终端中进行（{which}）：请先用“founder-check template -o answers.yaml”"
        "生成答卷并填写，再运行“founder-check assess --answers answers.yaml”",
    ),
    "stdin": ("standard input is not a terminal", "标准输入不是终端"),
    "stdout": ("standard output is not a terminal", "标准输出不是终端"),
    "stdin_stdout": (
        "neither standard input nor standard output is a terminal",
        "标准输入和标准输出都不是终端",
    ),
    "welcome": (
        Plural(
            Plural(
                "founder-check interview: {sections} section, {questions} question. Every answer "
                "is saved as you go (draft: {draft}); press Ctrl-C to pause and resume later.",
                "founder-check interview: {sections} section, about {questions} questions. Every "
                "answer is saved as you go (draft: {draft}); press Ctrl-C to pause and resume "
                "later.",
                by="questions",
            ),
            Plural(
                "founder-check interview: {sections} sections, {questions} question. Every answer "
                "is saved as you go (draft: {draft}); press Ctrl-C to pause and resume later.",
                "founder-check interview: {sections} sections, about {questions} questions. Every "
                "answer is saved as you go (draft: {draft}); press Ctrl-C to pause and resume "
                "later.",
                by="questions",
            ),
            by="sections",
        ),
        "founder-check 评估访谈：共 {sections} 个部分，约 {questions} 个问题。每个回答都会立即保存"
        "（草稿：{draft}）；按 Ctrl-C 可随时暂停，之后继续。",
    ),
    "resuming": (
        Plural(
            "Continuing the draft {draft}: {count} answer so far.",
            "Continuing the draft {draft}: {count} answers so far.",
        ),
        "继续草稿 {draft}：已有 {count} 个回答。",
    ),
    "updating": (
        "Updating {path}: your earlier answers are the defaults; press Enter to keep one.",
        "更新 {path}：之前的回答已作为默认值，按回车即可保留。",
    ),
    "draft_found": (
        Plural(
            "A draft saved {when} with {count} answer exists: {draft}",
            "A draft saved {when} with {count} answers exists: {draft}",
        ),
        "已有一份保存于 {when} 的草稿，含 {count} 个回答：{draft}",
    ),
    "resume_offer": ("Continue it?", "是否继续作答？"),
    "about_title": ("About you", "基本信息"),
    "about_intro": (
        "Optional: your name and company appear on the report; the stage sets what is expected "
        "of you. Leave a field empty to skip it.",
        "可选：姓名和公司会显示在报告上；公司阶段决定对你的期望水平。留空即可跳过。",
    ),
    "founder_prompt": ("Your name", "你的姓名"),
    "company_prompt": ("Company name", "公司名称"),
    "stage_question": ("Which stage is the company at?", "公司目前处于哪个阶段？"),
    "stage_skip": ("Not sure: assume {stage}", "不确定：按“{stage}”评估"),
    "section_progress": ("Section {i} of {n}", "第 {i}/{n} 部分"),
    "question_progress": ("question {j} of {m}", "第 {j}/{m} 题"),
    "optional": ("optional", "可选"),
    "choose_one": ("Choose one", "请选择一项"),
    "choose_one_hint": ("(↑/↓ to move, Enter to choose)", "（↑/↓ 移动，回车确认）"),
    "choose_many": ("Choose all that apply", "可多选"),
    "choose_many_hint": (
        "(↑/↓ to move, Space to tick, Enter to confirm)",
        "（↑/↓ 移动，空格勾选，回车确认）",
    ),
    "choose_many_skip_hint": (
        "(↑/↓ to move, Space to tick, Enter to confirm; tick nothing to skip)",
        "（↑/↓ 移动，空格勾选，回车确认；不勾选即跳过）",
    ),
    "yes_or_no": ("Yes or no", "是或否"),
    "yes": ("Yes", "是"),
    "no": ("No", "否"),
    "skip_choice": ("Skip this question", "跳过此题"),
    "empty_skips": ("(leave empty to skip)", "（留空即跳过）"),
    "number_unknown_hint": ("(type ? if not sure)", "（不确定请输入“?”）"),
    "number_unknown_skip": (
        "(leave empty to skip; type ? if not sure)",
        "（留空即跳过；不确定请输入“?”）",
    ),
    "answer_prompt": ("Your answer", "你的回答"),
    "number_prompt": ("{what} from {low} to {high}", "{what}，{low} 到 {high}"),
    "number_word": ("Number", "数字"),
    "whole_number_word": ("Whole number", "整数"),
    "required": ("An answer is required for this question.", "此题必须作答。"),
    "tick_one": ("Tick at least one option.", "请至少勾选一项。"),
    "bad_number": (
        "Enter a number from {low} to {high}{unit}.",
        "请输入 {low} 到 {high} 之间的数字{unit}。",
    ),
    "bad_whole_number": (
        "Enter a whole number from {low} to {high}{unit}.",
        "请输入 {low} 到 {high} 之间的整数{unit}。",
    ),
    "exclusive": (
        "'{label}' cannot be combined with other options.",
        "“{label}”不能与其他选项同时选择。",
    ),
    "too_long": ("At most {limit} characters.", "最多 {limit} 个字符。"),
    "unknown_text": (
        "'unknown' alone means “not sure”, which this question does not take; add a few words.",
        "单独的“unknown”或“不确定”表示没有把握，此题不接受；请多写几个字。",
    ),
    "skipped": ("(skipped)", "（已跳过）"),
    "not_answered": ("(not answered yet)", "（尚未回答）"),
    "not_given": ("(not given)", "（未填写）"),
    "default_stage": ("(not given: {stage} assumed)", "（未填写：按“{stage}”评估）"),
    "review_title": ("Review your answers", "检查你的回答"),
    "review_next": ("All done. What next?", "已全部完成。下一步？"),
    "review_score": ("Save the answers and show my report", "保存回答并查看报告"),
    "review_change": ("Change an answer", "修改某个回答"),
    "review_pick_section": ("Which part?", "哪个部分？"),
    "review_pick_question": ("Which question?", "哪一题？"),
    "back": ("Back", "返回"),
    "back_alone": ("(Esc to go back)", "（Esc 返回上一步）"),
    "back_more": ("; Esc to go back", "；Esc 返回上一步"),
    "question_column": ("Question", "问题"),
    "answer_column": ("Your answer", "你的回答"),
    "interrupted": (
        Plural(
            "Interview paused: {count} answer saved in {draft}.",
            "Interview paused: {count} answers saved in {draft}.",
        ),
        "访谈已暂停：{count} 个回答已保存到 {draft}。",
    ),
    "interrupted_empty": (
        "Interview stopped before any answer; nothing to save.",
        "访谈在作答前停止，没有需要保存的内容。",
    ),
    "resume_with": ("Continue with: {command}", "继续作答：{command}"),
    "answers_saved": (
        "Answers saved to {path}; rescore them with 'founder-check assess --answers {path}'.",
        "回答已保存到 {path}；可用“founder-check assess --answers {path}”重新评分。",
    ),
    "partial": (
        Plural(
            "{count} required question outside the chosen sections is not answered yet; "
            "complete it with 'founder-check assess --update {path}'.",
            "{count} required questions outside the chosen sections are not answered yet; "
            "complete them with 'founder-check assess --update {path}'.",
        ),
        "所选部分之外还有 {count} 个必答题尚未回答；"
        "可用“founder-check assess --update {path}”补全。",
    ),
    "file_header": (
        "founder-check answers, written by the interview on {when}.\n"
        "Rescore: founder-check assess --answers {name}\n"
        "Update later: founder-check assess --update {name}",
        "founder-check 答卷，由访谈于 {when} 生成。\n"
        "重新评分：founder-check assess --answers {name}\n"
        "日后更新：founder-check assess --update {name}",
    ),
}


word = Phrases(_WORDS)
