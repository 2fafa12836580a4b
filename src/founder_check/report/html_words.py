"""Fixed words only the HTML pages use, in both languages; the words every report shares
(section titles, "Score", "Target"...) stay in `labels`."""

from __future__ import annotations

from founder_check.phrases import Phrases

_WORDS: dict[str, tuple[str, str]] = {
    "page_title": ("{who}: founder-check report", "{who}：founder-check 评估报告"),
    "out_of": ("/ 100", "/ 100"),
    "level_of": ("Level {number} of {total}", "第 {number} 级，共 {total} 级"),
    "chart_title": (
        "Success-factor scores against the targets for this stage",
        "各成功要素得分与本阶段目标的对比",
    ),
    "legend_score": ("Your score", "你的得分"),
    "legend_target": ("Target at this stage", "本阶段目标"),
    "legend_below": ("Below target", "未达目标"),
    "legend_met": ("Target met", "已达目标"),
    "no_score": ("no answers", "未作答"),
    "top_level": (
        "This is the highest readiness level; keep its must-haves in place.",
        "这已是最高的成熟度等级，请继续保持各项必备条件。",
    ),
    "see_step": ("see next step {number}", "见第 {number} 步"),
    "plan_left_out": (
        "A cohort report leaves out the answer changes that would reach this level; "
        "founder-check assess on this founder's answers works them out.",
        "批次报告未列出达到这一等级需要改进的回答；用 assess 命令单独评估该创始人的答卷即可得到。",
    ),
}

word = Phrases(_WORDS)
