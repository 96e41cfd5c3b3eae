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


# ------------------------------------------------------------------------------------------- shares and totals
#
# The count rule alone is not enough: a share on a shown base gives the count back (4 of 17 is 23,5%),
# and a hidden cell of a shown total follows from the others (10 respondents = 7 + "<5"). Two rules,
# over arrays, used by every aggregate in ``lib.wijken``:
#
# 1. ``suppress_shares``: a share is hidden when its part is a hidden count, or its base is hidden or
#    below the threshold.
# 2. ``complementary`` (one total) and ``complementary_table`` (a table with row and column totals):
#    where parts add up to a shown total, the hidden parts of that total together must hold at least
#    ``threshold`` people (or none). Otherwise the smallest shown non-zero part is hidden as well, and
#    again, until they do. A total is never hidden to protect its parts (totals recur on other screens,
#    so hiding one in one place would not protect anything); a part hidden this way is a *secondary*
#    suppression, written ``verborgen`` rather than ``<5`` (it is not below the threshold).
#    Parts that are never published (e.g. answers with a neutral tone) count as hidden; parts that are
#    published exactly elsewhere (e.g. unlinked rows, for staff on Koppelen) count as shown and are
#    never chosen.

SECONDARY = "complementary"
"""Reason code of a count or share hidden only so that another hidden count cannot be recomputed."""


def hidden_counts(counts, threshold: int = DEFAULT_THRESHOLD) -> np.ndarray:
    """Boolean mask: True for counts of 1 .. threshold-1 (the count rule, over an array)."""
    values = np.asarray(counts, dtype=float)
    return (values > 0) & (values < threshold)


def suppress_shares(parts, base, threshold: int = DEFAULT_THRESHOLD, part_hidden=None, base_hidden=None) -> np.ndarray:
    """``parts / base`` as floats, NaN where the share would give a hidden number back.

    Hidden: the part is a hidden count (``hidden_counts`` or ``part_hidden``, e.g. a secondary
    suppression), or the base is below the threshold or hidden (``base_hidden``). ``base`` may be a
    scalar or an array like ``parts``. 17 answers, themes with 4, 2, 1 and 9 answers: only 9/17 is shown.
    """
    parts = np.asarray(parts, dtype=float)
    base = np.broadcast_to(np.asarray(base, dtype=float), parts.shape)
    hide = hidden_counts(parts, threshold) | np.isnan(parts) | np.isnan(base) | (base < threshold) | (base <= 0)
    if part_hidden is not None:
        hide |= np.asarray(part_hidden, dtype=bool)
    if base_hidden is not None:
        hide |= np.broadcast_to(np.asarray(base_hidden, dtype=bool), parts.shape)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = parts / np.where(base > 0, base, 1)
    return np.where(hide, np.nan, out)


def _protect(values: np.ndarray, hidden: np.ndarray, exact: np.ndarray, threshold: int, total_hidden: bool = False) -> bool:
    """One total: hide further parts (in place) until the hidden ones hold 0 or >= threshold. True if changed.

    With the total itself hidden (a secondary suppression), at least one non-zero part must be hidden
    too, or the total is the sum of the shown parts."""
    changed = False
    if total_hidden:
        if (values[hidden] > 0).any():
            return False
        candidates = np.flatnonzero(~hidden & ~exact & (values > 0))
        if len(candidates):
            hidden[candidates[np.argmin(values[candidates])]] = True
            return True
        return False
    while True:
        held = values[hidden].sum()
        if held == 0 or held >= threshold:
            return changed
        candidates = np.flatnonzero(~hidden & ~exact & (values > 0))
        if not len(candidates):  # only when the total itself is below the threshold, so hidden anyway
            return changed
        hidden[candidates[np.argmin(values[candidates])]] = True
        changed = True


def complementary(parts, threshold: int = DEFAULT_THRESHOLD, hidden=None, exact=None) -> np.ndarray:
    """Which parts of a shown total to hide: the count rule plus secondary suppression.

    ``parts`` add up to a total that is shown; ``hidden`` marks parts never published (they count as
    hidden), ``exact`` parts published exactly elsewhere (never hidden). Returns a boolean mask.
    10 respondents = 7 + 3: both hidden (3 by the count rule, 7 because 10 - 7 = 3).
    """
    values = np.asarray(parts, dtype=float)
    exact = np.zeros(values.shape, bool) if exact is None else np.asarray(exact, dtype=bool)
    mask = hidden_counts(values, threshold) & ~exact
    if hidden is not None:
        mask |= np.asarray(hidden, dtype=bool)
    _protect(values, mask, exact, threshold)
    return mask


def complementary_table(cells, threshold: int = DEFAULT_THRESHOLD, *, row_totals: bool = True,
                        column_totals: bool = True, hidden=None, exact_rows=()) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The rules over a table whose row totals and/or column totals (and their grand total) are shown.

    ``cells`` is rows x columns of counts (e.g. wijk x source); ``hidden`` marks cells never published;
    ``exact_rows`` are rows published exactly elsewhere (the unlinked row). Every row with its total,
    every column with its total, and the totals with the grand total are protected with ``complementary``
    until nothing changes. Returns masks for the cells, the row totals and the column totals (all False
    where that kind of total is not shown).
    """
    cells = np.asarray(cells, dtype=float)
    n_rows, n_cols = cells.shape
    full = np.zeros((n_rows + 1, n_cols + 1))
    full[:n_rows, :n_cols] = cells
    full[:n_rows, n_cols] = cells.sum(axis=1)
    full[n_rows, :n_cols] = cells.sum(axis=0)
    full[n_rows, n_cols] = cells.sum()
    exact = np.zeros(full.shape, bool)
    exact[list(exact_rows), :] = True
    mask = hidden_counts(full, threshold) & ~exact
    if hidden is not None:
        mask[:n_rows, :n_cols] |= np.asarray(hidden, dtype=bool)
    if not row_totals:
        mask[:, n_cols] = False
    if not column_totals:
        mask[n_rows, :] = False
    rows = range(n_rows + 1) if column_totals else range(n_rows)
    cols = range(n_cols + 1) if row_totals else range(n_cols)
    changed = True
    while changed:
        changed = False
        if row_totals:
            for i in rows:
                changed |= _protect(full[i, :n_cols], mask[i, :n_cols], exact[i, :n_cols], threshold, mask[i, n_cols])
        if column_totals:
            for j in cols:
                changed |= _protect(full[:n_rows, j], mask[:n_rows, j], exact[:n_rows, j], threshold, mask[n_rows, j])
    return mask[:n_rows, :n_cols], mask[:n_rows, n_cols], mask[n_rows, :n_cols]


def counts_with_mask(counts, mask, index=None) -> pd.Series:
    """Counts as ``Int64`` with ``<NA>`` where ``mask`` is True (the decision of the functions above)."""
    values = np.nan_to_num(np.asarray(counts, dtype=float)).astype("int64")
    out = pd.array(values, dtype="Int64")
    out[np.asarray(mask, dtype=bool)] = pd.NA
    return pd.Series(out, index=index)


def reasons_for(mask, primary) -> np.ndarray:
    """Reason codes per cell: ``complementary`` where hidden only by the second rule, else ''."""
    mask, primary = np.asarray(mask, dtype=bool), np.asarray(primary, dtype=bool)
    return np.where(mask & ~primary, SECONDARY, "")
