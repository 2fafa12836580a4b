"""The scored cohort: what every report file and the terminal summary are made from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from founder_check.cohort.aggregate import CohortStats
from founder_check.cohort.inputs import Rejection
from founder_check.cohort.models import FactorStats, RedFlagCount, SharedGap
from founder_check.cohort.store import FounderStore
from founder_check.content.models import Content, Lang


@dataclass(frozen=True)
class ScoredCohort:
    """Every founder scored and counted, in the report's language."""

    content: Content
    lang: Lang
    generated_at: str | None
    store: FounderStore
    stats: CohortStats
    order: Sequence[int]  # founder indices, best first
    rejected: list[Rejection]
    factors: list[FactorStats]
    shared_gaps: list[SharedGap]
    red_flags: list[RedFlagCount]
