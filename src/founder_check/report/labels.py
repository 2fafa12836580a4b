"""Fixed words of the reports, in both languages (content strings come from the content)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from founder_check.phrases import Phrases, Plural

if TYPE_CHECKING:
    from founder_check.content.models import Lang
    from founder_check.scorecard import Coverage, FactorScore

_LABELS: dict[str, tuple[str | Plural, str]] = {
    "title": ("founder-check report", "founder-check 评估报告"),
    "founder": ("Founder", "创始人"),
    "company": ("Company", "公司"),
    "stage": ("Stage", "阶段"),
    "stage_default": (
        "assumed; set `stage:` in the answers or --stage",
        "默认值；可在答卷中设置 stage 或使用 --stage",
    ),
    "overall": ("Overall score", "总分"),
    "level": ("Readiness level", "成熟度等级"),
    "date": ("Assessed", "评估日期"),
    "next_steps": ("Next steps to {level}", "迈向“{level}”的下一步"),
    "next_level_needs": ("{level} asks for what you do not have yet:", "要达到“{level}”，还缺少："),
    "next_steps_how": (
        "The answers to change, most points first:",
        "需要改进的回答（加分多的在前）：",
    ),
    "from_to": ("From", "从"),
    "unlocks": ("With this step: {level}", "完成这一步后：{level}"),
    "within_days": (Plural("within {days} day", "within {days} days", by="days"), "{days} 天内"),
    "need_score": (
        "an overall score of at least {minimum:g} (now {overall:.1f})",
        "总分至少达到 {minimum:g} 分（目前 {overall:.1f} 分）",
    ),
    "need_flag": ("resolve the red flag: {title}", "解决红旗问题：{title}"),
    "flag_points": (
        Plural("-{points:g} point", "-{points:g} points", by="points"),
        "扣 {points:g} 分",
    ),
    "flag_points_total": ("including -{points:g} for red flags", "含红旗扣分 {points:g} 分"),
    "confidence": ("Confidence", "可信度"),
    "answered_of": (
        Plural(
            "{answered} of {count} question answered, {weighted:.0%} of the weight",
            "{answered} of {count} questions answered, {weighted:.0%} of the weight",
        ),
        "已回答 {count} 题中的 {answered} 题，覆盖 {weighted:.0%} 的权重",
    ),
    "answered_of_unknown": (
        Plural(
            "{answered} of {count} question answered and {unknown} not sure, "
            "{weighted:.0%} of the weight",
            "{answered} of {count} questions answered and {unknown} not sure, "
            "{weighted:.0%} of the weight",
        ),
        "{count} 题中已回答 {answered} 题、{unknown} 题不确定，覆盖 {weighted:.0%} 的权重",
    ),
    "high": ("high", "高"),
    "medium": ("medium", "中"),
    "low": ("low", "低"),
    "none": ("none", "无"),
    "factors": ("Success factors", "成功要素"),
    "factor": ("Factor", "要素"),
    "score": ("Score", "得分"),
    "target": ("Target", "目标"),
    "gap": ("Gap", "差距"),
    "weight": ("Weight", "权重"),
    "not_covered": ("not covered", "未覆盖"),
    "red_flags": ("Red flags", "红旗警示"),
    "no_red_flags": ("No red flags triggered.", "未触发红旗警示。"),
    "severity_critical": ("CRITICAL", "严重"),
    "severity_major": ("MAJOR", "重要"),
    "severity_minor": ("MINOR", "一般"),
    "because": ("Because", "原因"),
    "your_answers": ("Your answers", "你的回答"),
    "because_of": ("Recommended for", "推荐原因"),
    "action": ("What to do", "建议行动"),
    "cases": ("Seen in", "类似案例"),
    "gaps": ("Biggest gaps", "最大差距"),
    "no_gaps": (
        "No gaps: every factor meets the target for this stage.",
        "没有差距：所有要素都达到了本阶段的目标。",
    ),
    "to_find_out": ("To find out", "有待确认"),
    "to_find_out_intro": (
        "You answered “Not sure” to these questions. Until you find out, each counts as a weak "
        "answer and lowers the confidence of this report; the chapters help you find out.",
        "以下问题你回答了“不确定”。在查清之前，每题按较弱的回答计分，并会降低本报告的可信度；"
        "推荐章节可以帮助你查清。",
    ),
    "question": ("Question", "问题"),
    "your_answer": ("Your answer", "你的回答"),
    "points": ("points", "分"),
    "strong": ("A strong answer", "理想的回答"),
    "read": ("Read", "阅读"),
    "strengths": ("Strengths", "优势"),
    "no_strengths": ("No strong answers yet.", "暂无突出的优势。"),
    "reading": ("Chapters to read next", "推荐阅读章节"),
    "reading_note": (
        "The chapters come from five Chinese articles on founding an AI large-model startup. "
        "founder-check does not include the articles; each lesson above is our own summary of "
        "what its chapter teaches.",
        "以上章节出自五篇关于 AI 大模型创业的中文文章。founder-check 不附带原文，"
        "上面每条要点都是我们对该章节内容的概括。",
    ),
    "coverage": ("Coverage", "覆盖情况"),
    "skipped": ("Skipped", "已跳过"),
    "skipped_list": ("Skipped: {questions}", "已跳过：{questions}"),
    "sections_answered": (
        Plural(
            "{answered} of {count} section answered ({share:.0%} of the questions); the score "
            "covers only what is answered",
            "{answered} of {count} sections answered ({share:.0%} of the questions); the score "
            "covers only what is answered",
        ),
        "共 {count} 个部分，已回答 {answered} 个（占全部问题的 {share:.0%}）；"
        "得分只反映已回答的部分",
    ),
    "left_out": (
        "Not answered yet in {section}: {questions}",
        "“{section}”部分尚未回答：{questions}",
    ),
    "not_applicable_count": (
        Plural(
            "{count} question did not apply given your other answers",
            "{count} questions did not apply given your other answers",
        ),
        "根据你的其他回答，有 {count} 个问题不适用",
    ),
    "not_expected_count": (
        Plural(
            "{count} question is not expected yet at the {stage} stage",
            "{count} questions are not expected yet at the {stage} stage",
        ),
        "有 {count} 个问题在“{stage}”阶段尚不作要求",
    ),
    "content": ("Content", "内容版本"),
    # founder-check cohort
    "cohort_title": ("founder-check cohort report", "founder-check 批次评估报告"),
    "cohort_summary": (
        Plural(
            Plural(
                "{scored} founder scored, {rejected} input not used",
                "{scored} founder scored, {rejected} inputs not used",
                by="rejected",
            ),
            Plural(
                "{scored} founders scored, {rejected} input not used",
                "{scored} founders scored, {rejected} inputs not used",
                by="rejected",
            ),
            by="scored",
        ),
        "已评估 {scored} 位创始人，{rejected} 份输入未能使用",
    ),
    "cohort_stage_option": ("every founder scored at stage", "所有创始人均按此阶段评估"),
    "cohort_ranking": ("Ranking", "排名"),
    "cohort_rank": ("#", "名次"),
    "cohort_overall": ("Overall", "总分"),
    "cohort_flags": ("Red flags", "红旗"),
    "cohort_weakest": ("Weakest factor", "最弱要素"),
    "cohort_unnamed": ("(unnamed)", "（未署名）"),
    "cohort_shown_of": (
        "{shown} of {total} shown; all are in {file}",
        "显示 {total} 项中的 {shown} 项；完整内容见 {file}",
    ),
    "cohort_shown_of_rows": (
        "{shown} of {total} shown; --rows 0 shows all, --out DIR writes all",
        "显示 {total} 项中的 {shown} 项；--rows 0 显示全部，--out 目录 写出全部",
    ),
    "cohort_factor_stats": ("Success factors across the cohort", "全批次成功要素统计"),
    "cohort_founders": ("Founders", "人数"),
    "cohort_min": ("Min", "最低"),
    "cohort_q1": ("Q1", "下四分位"),
    "cohort_median": ("Median", "中位数"),
    "cohort_q3": ("Q3", "上四分位"),
    "cohort_max": ("Max", "最高"),
    "cohort_below_target": ("Below target", "未达目标"),
    "cohort_mean": ("Mean", "平均"),
    "cohort_target": ("Target", "目标"),
    "cohort_short_by": ("Short by", "平均差距"),
    "cohort_factors_caption": (
        "Target: the stage's target (their mean when founders are at different stages). "
        "Short by: how many points the founders below target are short of it, on average.",
        "目标：所处阶段的目标分（创始人处于不同阶段时取平均）。"
        "平均差距：未达目标的创始人平均比目标低多少分。",
    ),
    "cohort_shared_gaps": (
        "Gaps that cost the cohort most (workshop topics)",
        "全批次失分最多的共同差距（可作为工作坊主题）",
    ),
    "cohort_of_scored": ("{count} of {total}", "{count}/{total} 人"),
    "cohort_points_each": ("Each", "每人"),
    "cohort_cohort_points": ("Cohort", "全批次"),
    "cohort_gaps_caption": (
        "Points of the overall score. Each: what the best answer would add, on average, for a "
        "founder with the gap. Cohort: how much the cohort's mean overall score would rise if "
        "all of them gave it.",
        "分数均为总分的分值。每人：有此差距的创始人把答案提升到最佳时平均可增加的分数。"
        "全批次：他们都做到时，全批次的平均总分可提高的分数。",
    ),
    "cohort_no_shared_gaps": (
        "No founder has a gap on a factor below its target.",
        "没有创始人在未达目标的要素上存在差距。",
    ),
    "cohort_red_flags": ("Red flags by founder", "各创始人的红旗警示"),
    "cohort_no_red_flags": ("No red flags triggered in this cohort.", "本批次未触发红旗警示。"),
    "cohort_rejected": ("Inputs not used", "未能使用的输入"),
    "cohort_input": ("Input", "输入"),
    "cohort_reason": ("Why", "原因"),
    "cohort_more_problems": (
        Plural("… and {count} more problem", "… and {count} more problems"),
        "……另有 {count} 个问题",
    ),
    "cohort_row": ("row {row}", "第 {row} 条记录"),
    "cohort_line": ("line {line}", "第 {line} 行"),
    "cohort_input_row": ("{source} ({row})", "{source}（{row}）"),
    "cohort_place": ("{place}: ", "{place}："),
    "cohort_place_join": (", ", "，"),
    "cohort_duplicate": ("duplicate", "重复"),
    "cohort_percentiles_hidden": (
        "Cohort ranks and percentiles are left out of the scorecards: fewer than {min} "
        "founders, so no one can be singled out.",
        "评分卡中未包含批次名次和百分位：创始人少于 {min} 位，以免个人被识别。",
    ),
    "cohort_written": ("Written to {dir}: {files}", "已写入 {dir}：{files}"),
    "cohort_scorecards": (Plural("{count} scorecard", "{count} scorecards"), "{count} 份评分卡"),
    "cohort_no_founders": ("No founder could be scored.", "没有可以评估的创始人。"),
    "cohort_progress_scoring": ("Scoring founders", "正在评估"),
    "cohort_progress_writing": ("Writing scorecards", "正在写入评分卡"),
    "cohort_no_libyaml": (
        "warning: PyYAML was built without libyaml, so YAML files are read several times "
        "slower; reinstall PyYAML with libyaml for large cohorts",
        "警告：PyYAML 未启用 libyaml，读取 YAML 文件会慢数倍；"
        "处理大批次前请安装带 libyaml 的 PyYAML",
    ),
    # founder-check explain
    "explain_kind_question": ("Question", "问题"),
    "explain_kind_factor": ("Success factor", "成功要素"),
    "explain_kind_red_flag": ("Red flag", "红旗警示"),
    "explain_kind_chapter": ("Chapter", "章节"),
    "explain_kind_stage": ("Stage", "阶段"),
    "explain_kind_level": ("Readiness level", "成熟度等级"),
    "explain_also": ("The same id also names", "该 id 还对应"),
    "explain_none": ("none", "无"),
    "explain_type": ("Kind", "题型"),
    "explain_optional": ("optional", "选答"),
    "explain_section": ("Section", "所属部分"),
    "explain_when": ("Asked only when", "仅在以下条件下提问"),
    "explain_from_stage": ("Scored from stage", "开始计分的阶段"),
    "explain_value_rule": ("Value of an answer", "回答的分值"),
    "explain_answers": ("Answers and their values", "可选回答及分值"),
    "explain_answer_label": ("Answer", "回答"),
    "explain_id": ("id", "答卷中填写"),
    "explain_value": ("Value", "分值"),
    "explain_exclusive": ("cannot be combined", "不能与其他选项同选"),
    "explain_feeds": ("Factors it feeds", "计入的成功要素"),
    "explain_share": ("Share of the overall score at stage {stage}", "在“{stage}”阶段占总分的比例"),
    "explain_share_short": ("Share of overall", "占总分比例"),
    "explain_share_note": (
        "if every question scored at this stage is answered",
        "假设本阶段计分的问题全部作答",
    ),
    "explain_not_scored_at": ("Not scored at stage {stage}.", "在“{stage}”阶段不计分。"),
    "explain_sources": ("Sources in the documents", "文档出处"),
    "explain_used_by_flags": ("Red flags that look at it", "引用它的红旗规则"),
    "explain_used_by_gates": ("Gates that require it", "要求它的等级门槛"),
    "explain_decides": ("Decides whether these are asked", "决定以下问题是否提问"),
    "explain_stages": ("Weight and target per stage", "各阶段的权重与目标"),
    "explain_questions": ("Questions that feed it", "计入该要素的问题"),
    "explain_share_of_factor": ("Share of factor", "占该要素比例"),
    "explain_conditional": ("asked only in some cases", "仅在部分情况下提问"),
    "explain_triggered_when": ("Triggered when", "触发条件"),
    "explain_caps": ("Caps the readiness level at", "将成熟度等级限制为"),
    "explain_flag_points": ("Points taken off the overall score", "从总分中扣除的分数"),
    "explain_no_cap": (
        "Shown as a warning; does not cap the level.",
        "仅作提醒，不限制成熟度等级。",
    ),
    "explain_document": ("Document", "文档"),
    "explain_lesson": ("What it teaches", "要点"),
    "explain_cited_by_questions": ("Questions citing it", "引用它的问题"),
    "explain_cited_by_factors": ("Factors citing it", "引用它的成功要素"),
    "explain_cited_by_red_flags": ("Red flags citing it", "引用它的红旗规则"),
    "explain_subsections": ("Subsections", "下级章节"),
    "explain_default_stage": ("the default stage", "默认阶段"),
    "explain_from_here": ("Scored from this stage on", "从本阶段开始计分的问题"),
    "explain_not_yet": ("Not scored yet at this stage", "本阶段尚不计分的问题"),
    "explain_min_score": ("Minimum score", "最低分数"),
    "explain_requires": ("Must-haves of this gate", "本级门槛的必备条件"),
    "explain_capped_by": (
        "Red flags of these severities cap the level here",
        "以下严重程度的红旗会把等级限制在此",
    ),
}


label = Phrases(_LABELS)


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


def weight_share(weight: float, factors: Sequence[FactorScore]) -> str:
    """A factor's weight as its share of the stage's total, e.g. "22%"."""
    total = sum(factor.weight for factor in factors)
    return f"{weight / total:.0%}" if total > 0 else "–"
