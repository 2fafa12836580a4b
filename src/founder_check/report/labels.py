"""Fixed words of the reports, in both languages (content strings come from the content)."""

from __future__ import annotations

from founder_check.content.models import Lang

_LABELS: dict[str, tuple[str, str]] = {
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
    "score_level": ("by score", "按分数"),
    "gate_level": ("Gates cleared", "已通过的门槛"),
    "capped": ("capped by red flags", "因红旗而受限"),
    "confidence": ("Confidence", "可信度"),
    "answered_of": ("{answered} of {applicable} questions answered, {weighted:.0%} of the weight",
                    "已回答 {applicable} 题中的 {answered} 题，覆盖 {weighted:.0%} 的权重"),
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
    "evidence": ("Because you answered", "依据的回答"),
    "action": ("What to do", "建议行动"),
    "cases": ("Seen in", "类似案例"),
    "gaps": ("Biggest gaps", "最大差距"),
    "no_gaps": ("No gaps: every factor meets the target for this stage.",
                "没有差距：所有要素都达到了本阶段的目标。"),
    "question": ("Question", "问题"),
    "your_answer": ("Your answer", "你的回答"),
    "points": ("Points", "可提升分"),
    "strong": ("A strong answer", "理想的回答"),
    "read": ("Read", "阅读"),
    "strengths": ("Strengths", "优势"),
    "no_strengths": ("No strong answers yet.", "暂无突出的优势。"),
    "reading": ("Chapters to read next", "推荐阅读章节"),
    "coverage": ("Coverage", "覆盖情况"),
    "skipped": ("Skipped", "已跳过"),
    "not_applicable": ("Not applicable", "不适用"),
    "not_expected": ("Not expected at this stage", "本阶段不作要求"),
    "content": ("Content", "内容版本"),
}


def label(key: str, lang: Lang) -> str:
    en, zh = _LABELS[key]
    return zh if lang == "zh" else en
