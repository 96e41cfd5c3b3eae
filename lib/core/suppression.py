"""The small-number rule, decided once in lib.

A count of people or answers below the threshold could identify someone, so it never leaves lib:
aggregates return counts as nullable integers (``Int64``) in which a hidden count is ``<NA>``, and
shares whose base is below the threshold as ``NaN`` with the reason beside them. Renderers (screens,
Excel, CSV, Word, PDF) only see what survives the rule, so a new renderer cannot bypass it; they
write a hidden count as ``hidden_text(threshold)`` (``<5``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.core.settings import DEFAULT_THRESHOLD


def is_hidden_count(count: float, threshold: int = DEFAULT_THRESHOLD) -> bool:
    """True for a count of 1 .. threshold-1 (zero reveals no one and is shown)."""
    return count == count and 0 < count < threshold


def suppress_count(count: float, threshold: int = DEFAULT_THRESHOLD) -> int | None:
    """The count, or None when the rule hides it."""
    if count != count or is_hidden_count(count, threshold):
        return None
    return int(count)


def suppress_counts(counts, threshold: int = DEFAULT_THRESHOLD, index=None) -> pd.Series:
    """Counts as ``Int64`` with ``<NA>`` where hidden."""
    values = np.asarray(counts, dtype=float)
    hidden = (values > 0) & (values < threshold)
    out = pd.array(np.where(hidden, 0, np.nan_to_num(values)).astype("int64"), dtype="Int64")
    out[hidden | np.isnan(values)] = pd.NA
    return pd.Series(out, index=index)


def share(part: float, base: float, threshold: int = DEFAULT_THRESHOLD) -> float | None:
    """``part / base``, or None when the base is below the threshold (too few to say anything)."""
    if base != base or base < threshold or base <= 0:
        return None
    return float(part) / float(base)


def hidden_text(threshold: int = DEFAULT_THRESHOLD) -> str:
    """How a hidden count is written everywhere: ``<5``."""
    return f"<{threshold}"
