"""Named domain rules, each defined once, used by pages, the advice and the report alike."""

from __future__ import annotations

from lib.core.settings import DEFAULT_THRESHOLD

OVER_REPRESENTED_RATIO = 1.3
"""A theme is raised notably more in a wijk when its share there is at least 1.3x the gemeente's share."""
NOT_HEARD_GAP = -0.05
"""An age group is 'less heard' when its share among respondents is 5 points or more below its share of inhabitants."""
SMALL_AREA_INHABITANTS = 500
"""Wijken with fewer inhabitants (industrial, rural) are 'tiny': their rates are not ranked."""


def is_over_represented(wijk_share: float | None, gemeente_share: float | None) -> bool:
    """The theme's share in the wijk is at least ``OVER_REPRESENTED_RATIO`` times the gemeente's."""
    if wijk_share is None or gemeente_share is None or wijk_share != wijk_share or not gemeente_share:
        return False
    return wijk_share / gemeente_share >= OVER_REPRESENTED_RATIO


def representation_ratio(wijk_share: float | None, gemeente_share: float | None) -> float | None:
    """Wijk share / gemeente share (None when either is unknown or the gemeente share is zero)."""
    if wijk_share is None or gemeente_share is None or wijk_share != wijk_share or not gemeente_share:
        return None
    return wijk_share / gemeente_share


def is_not_heard(respondent_share: float | None, population_share: float | None) -> bool:
    """The group's share among respondents lags its share of inhabitants by at least ``-NOT_HEARD_GAP``."""
    if respondent_share is None or population_share is None or respondent_share != respondent_share:
        return False
    return respondent_share - population_share <= NOT_HEARD_GAP + 1e-12


def is_tiny(inhabitants: float | None) -> bool:
    """A wijk with fewer than ``SMALL_AREA_INHABITANTS`` inhabitants (unknown is not tiny)."""
    return inhabitants is not None and inhabitants == inhabitants and inhabitants < SMALL_AREA_INHABITANTS


def enough_answers(n: int, threshold: int = DEFAULT_THRESHOLD) -> bool:
    """Enough answers to show shares: at least the small-number threshold."""
    return n >= threshold


def rate_per_1000(count: float, inhabitants: float | None, threshold: int = DEFAULT_THRESHOLD) -> float | None:
    """Count per 1,000 inhabitants; None without inhabitants or when the count is below the threshold."""
    if not inhabitants or inhabitants != inhabitants or inhabitants <= 0 or count < threshold:
        return None
    return count / inhabitants * 1000
