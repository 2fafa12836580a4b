"""Fixed words of the cohort dashboard (`index.html`), in both languages; the words every
cohort report shares (ranking, founders, red flags...) stay in `report.labels`."""

from __future__ import annotations

from founder_check.phrases import Phrases, Plural

_WORDS: dict[str, tuple[str | Plural, str]] = {
    "page_title": (
        Plural("Cohort of {count:,} founder", "Cohort of {count:,} founders"),
        "{count:,} 位创始人的批次报告",
    ),
    "heading": (
        Plural("A cohort of {count:,} founder", "A cohort of {count:,} founders"),
        "本批次共 {count:,} 位创始人",
    ),
    "stage_count": ("{stage} {count:,}", "{stage} {count:,} 位"),
    "stage_all": ("all scored at the {stage} stage", "均按“{stage}”阶段评估"),
    "stages": ("Stages", "阶段"),
    "language": ("Report language", "报告语言"),
    "language_name": ("English", "中文"),
    "files": ("The whole cohort", "完整数据"),
    "file_xlsx": ("workbook", "工作簿"),
    "file_csv": ("one row per founder", "每位创始人一行"),
    "file_json": ("for programs", "供程序读取"),
    "file_rejected": ("inputs not used", "未能使用的输入"),
    "scored": ("Founders scored", "已评估创始人"),
    "not_used": ("Inputs not used", "未能使用的输入"),
    "median_overall": ("Median overall score", "总分中位数"),
    "with_flags": ("Founders with red flags", "有红旗警示的创始人"),
    "of_total": ("of {total:,}", "共 {total:,} 位"),
    "levels": ("Readiness levels", "成熟度等级分布"),
    "founders_count": (Plural("{count} founder", "{count} founders"), "{count} 位"),
    "league_note": (
        "Each name opens the founder's one-pager.",
        "点击姓名可打开该创始人的一页报告。",
    ),
    "league_cut": (
        Plural(
            "{hidden:,} founder ranked between these is not shown here; every founder is in",
            "{hidden:,} founders ranked between these are not shown here; every founder is in",
            by="hidden",
        ),
        "排名在两者之间的 {hidden:,} 位创始人未在此列出；全部创始人见",
    ),
    "league_cut_head": (
        Plural(
            "The {top} highest and the {bottom} lowest of {total:,} founder.",
            "The {top} highest and the {bottom} lowest of {total:,} founders.",
            by="total",
        ),
        "列出 {total:,} 位创始人中排名最高的 {top} 位和最低的 {bottom} 位。",
    ),
    "no_onepagers": (
        "The founders' one-pagers were left out (--no-onepagers): run the cohort again "
        "without that option to get a page for each founder, linked from this table.",
        "未生成创始人的一页报告（使用了 --no-onepagers）：去掉该选项重新运行，"
        "即可为每位创始人生成一页报告，并可从此表打开。",
    ),
    "spread": ("Spread across the cohort", "全批次分布"),
    "below_of": ("{count:,} of {total:,}", "{total:,} 位中 {count:,} 位"),
    "short_by": ("short by {points:.1f} on average", "平均差 {points:.1f} 分"),
    "legend_founder": ("a founder", "一位创始人"),
    "legend_box": ("middle half of the founders", "中间一半的创始人"),
    "legend_median": ("median", "中位数"),
    "legend_target": ("target", "目标"),
    "target_one_stage": (
        "Targets are those of the {stage} stage.",
        "目标为“{stage}”阶段的目标分。",
    ),
    "target_mixed": (
        "The founders are at different stages, and each is measured against the target of "
        "their own stage; the dashed line and the Target column give the mean of those "
        "targets over the founders, as the workbook does, with each stage's own target "
        "below it.",
        "各创始人处于不同阶段，各自按所处阶段的目标分衡量；虚线和“目标”一栏为这些目标分"
        "按人数的平均值（与工作簿相同），其下列出各阶段自己的目标分。",
    ),
    "dots_sampled": (
        Plural(
            "With more than {dots} founder, {dots} dot spread evenly through the scores "
            "stands for them; the box and median are those of every founder.",
            "With more than {dots} founders, {dots} dots spread evenly through the scores "
            "stand for them; the box and median are those of every founder.",
            by="dots",
        ),
        "创始人超过 {dots} 位时，按得分均匀选取 {dots} 个点代表全体；方框和中位数仍按全体计算。",
    ),
    "stage_target": ("{stage} {target:.0f}", "{stage} {target:.0f}"),
    "gap_line": (
        Plural(
            Plural(
                "{count:,} of {total:,} founder falls short here; the best answer would add "
                "{points:g} point to their overall score.",
                "{count:,} of {total:,} founder falls short here; the best answer would add "
                "{points:g} points to their overall score.",
                by="points",
            ),
            Plural(
                "{count:,} of {total:,} founders fall short here; the best answer would add "
                "{points:g} point to each one's overall score, on average.",
                "{count:,} of {total:,} founders fall short here; the best answer would add "
                "{points:g} points to each one's overall score, on average.",
                by="points",
            ),
            by="total",
        ),
        "{total:,} 位创始人中有 {count:,} 位在此失分；"
        "给出最佳答案，每人总分平均可提高 {points:g} 分。",
    ),
    "gap_cohort": (
        Plural(
            "+{points:g} point on the cohort's average",
            "+{points:g} points on the cohort's average",
            by="points",
        ),
        "全批次平均分 +{points:g} 分",
    ),
    "gaps_intro": (
        "The answers that cost the cohort the most points, costliest first: what the cohort's "
        "average overall score would gain if every founder who falls short gave the best "
        "answer. Good topics for workshops.",
        "按全批次损失的分数从多到少排列：如果每位失分的创始人都给出最佳答案，"
        "全批次的平均总分可以提高多少。适合作为工作坊的主题。",
    ),
    "flags_title": ("Red flags in the cohort", "本批次的红旗警示"),
    "flag_founders": ("Founders", "人数"),
    "rejected_count": (
        Plural(
            "{count:,} input could not be used; the reason is in",
            "{count:,} inputs could not be used; the reasons for each are in",
        ),
        "有 {count:,} 份输入未能使用，每份的原因见",
    ),
    "rejected_first": ("The first {count}:", "前 {count} 份："),
    "rejected_none": ("Every input was scored.", "所有输入均已评估。"),
    "stop": (".", "。"),
    "severity": ("Severity", "严重程度"),
    "flag": ("Red flag", "红旗警示"),
    "one_pager": ("one-pager", "一页报告"),
}

word = Phrases(_WORDS)
