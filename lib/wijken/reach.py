"""Who was heard: respondents per source and per 1,000 inhabitants, ages against the population.

Respondents form one table: wijk (rows, ``""`` = not linked) x source file (columns). Its cells appear
on the Wijkprofiel (per source), its row totals on the start page, the Wijkprofiel and Vergelijken,
its column totals in the start page's source table; so the small-number rule and its complementary
suppression are decided once over the whole table (``respondent_grid``), and every view takes its
numbers from there. The unlinked row is published exactly (Koppelen, share linked per file).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.areas.figures import Areas
from lib.core.suppression import (
    SECONDARY,
    complementary,
    complementary_table,
    counts_with_mask,
    hidden_counts,
    suppress_shares,
)
from lib.wijken.rules import is_not_heard, rate_per_1000

AGE_BANDS = [("0-15", "0_15"), ("15-25", "15_25"), ("25-45", "25_45"), ("45-65", "45_65"), ("65+", "65plus")]


@dataclass
class RespondentGrid:
    """Respondents per wijk x source (``counts``, raw: never shown) with what the rules hide: ``cells``
    (same shape, bool), ``wijk_hidden`` (per wijk total), ``source_hidden`` (per source total)."""

    counts: pd.DataFrame
    cells: pd.DataFrame
    wijk_hidden: pd.Series
    source_hidden: pd.Series
    threshold: int = 5


def respondent_grid(records: pd.DataFrame | None, threshold: int) -> RespondentGrid:
    """The wijk x source table of respondents with the small-number rule and complementary suppression
    applied to cells, wijk totals and source totals at once (``lib.core.suppression.complementary_table``)."""
    if records is None or records.empty:
        empty = pd.DataFrame(dtype="int64")
        return RespondentGrid(empty, empty.astype(bool), pd.Series(dtype=bool), pd.Series(dtype=bool), threshold)
    counts = records.groupby(["wijkcode", "source"]).size().unstack(fill_value=0)
    exact = [counts.index.get_loc("")] if "" in counts.index else []
    cells, rows, cols = complementary_table(counts.to_numpy(), threshold, exact_rows=exact)
    return RespondentGrid(
        counts,
        pd.DataFrame(cells, index=counts.index, columns=counts.columns),
        pd.Series(rows, index=counts.index),
        pd.Series(cols, index=counts.columns),
        threshold,
    )


def respondent_counts(records: pd.DataFrame | None, threshold: int, codes=None, *,
                      grid: RespondentGrid | None = None) -> pd.DataFrame:
    """Respondents per wijk (linked only): wijkcode, respondents (Int64, ``<NA>`` where hidden), reason
    (``complementary`` where hidden only so that another wijk's small number cannot be recomputed).
    ``codes``: the wijken to list (default: those with respondents), in that order. ``grid``: the
    ``respondent_grid`` of the same records, when the caller already made it."""
    grid = respondent_grid(records, threshold) if grid is None else grid
    totals = grid.counts.sum(axis=1) if len(grid.counts) else pd.Series(dtype="int64")
    hidden = grid.wijk_hidden
    if codes is None:
        codes = [c for c in totals.index if c != ""]
    n = totals.reindex(codes, fill_value=0).to_numpy()
    mask = hidden.reindex(codes, fill_value=False).to_numpy(dtype=bool)
    return pd.DataFrame({
        "wijkcode": list(codes),
        "respondents": counts_with_mask(n, mask).array,
        "reason": np.where(mask & ~hidden_counts(n, threshold), SECONDARY, ""),
    })


def reach(records: pd.DataFrame, areas: Areas, wijkcode: str, threshold: int, *,
          grid: RespondentGrid | None = None) -> pd.DataFrame:
    """Respondents of the wijk per source: source (trajectory or file), respondents (Int64, hidden by the
    small-number rule or, where the others and the wijk's total would give a hidden one back, by
    complementary suppression), per_1000 (per 1,000 inhabitants; NaN where the count is hidden or
    without inhabitants), reason (``complementary`` for the second kind). Shown counts first, most first.
    ``grid``: the ``respondent_grid`` of the same records, when the caller already made it."""
    inhabitants = float(areas.wijken.set_index("wijkcode").at[wijkcode, "inhabitants"]) if wijkcode in set(
        areas.wijken["wijkcode"]
    ) else np.nan
    columns = ["source", "respondents", "per_1000", "reason"]
    grid = respondent_grid(records, threshold) if grid is None else grid
    if wijkcode not in grid.counts.index:
        return pd.DataFrame(columns=columns).astype({"respondents": "Int64", "per_1000": float})
    n = grid.counts.loc[wijkcode]
    mask = grid.cells.loc[wijkcode]
    keep = n > 0
    n, mask = n[keep], mask[keep]
    names = records.drop_duplicates("source").set_index("source")["trajectory"]
    labels = [names.get(s) or s for s in n.index]
    rates = [np.nan if hidden else (rate_per_1000(k, inhabitants, threshold) or np.nan) for k, hidden in zip(n, mask)]
    out = pd.DataFrame({
        "source": labels,
        "respondents": counts_with_mask(n.to_numpy(), mask.to_numpy()).array,
        "per_1000": np.array(rates, dtype=float),
        "reason": np.where(mask.to_numpy() & ~hidden_counts(n.to_numpy(), threshold), SECONDARY, ""),
        "_order": np.where(mask.to_numpy(), -1, n.to_numpy()),  # hidden ones last, by name: order reveals nothing
    })
    out = out.sort_values(["_order", "source"], ascending=[False, True]).reset_index(drop=True)
    return out.drop(columns="_order")[columns]


def age_comparison(records: pd.DataFrame, areas: Areas, wijkcode: str, threshold: int) -> pd.DataFrame | None:
    """Respondents' ages against the wijk's population per CBS age band; None without ages or age figures.

    Columns: age_band, respondents (Int64, hidden by the small-number rule or by complementary
    suppression: the bands add up to the respondents with an age), respondent_share (NaN where its count
    is hidden or fewer respondents with an age than the threshold), population_share, difference,
    not_heard (bool, the named rule; for a count hidden as ``<5`` judged on the highest share it could
    have, so a band nobody or almost nobody answered for is still named), reason (``few_ages``,
    ``hidden_count`` or ``complementary`` where hidden).
    """
    from lib.reading.roles import age_group

    part = records[(records["wijkcode"] == wijkcode) & records["age"].notna()]
    latest = areas.latest()
    wijk = latest[latest["area_code"] == wijkcode].set_index("indicator")
    pop = {}
    total = float(wijk.at["aantal_inwoners", "value"]) if "aantal_inwoners" in wijk.index else 0.0
    for band, key in AGE_BANDS:
        if key in wijk.index and wijk.at[key, "unit"] == "%":
            pop[band] = float(wijk.at[key, "value"]) / 100
        elif f"{key}_aantal" in wijk.index and total > 0:  # counts per age group (e.g. KWB 2019): share of inhabitants
            pop[band] = float(wijk.at[f"{key}_aantal", "value"]) / total
    if part.empty or len(pop) < len(AGE_BANDS):
        return None
    groups = part["age"].map(age_group).value_counts()
    k = np.array([int(groups.get(band, 0)) for band, _ in AGE_BANDS], dtype=float)
    n = float(k.sum())
    primary = hidden_counts(k, threshold)
    mask = complementary(k, threshold)  # the bands add up to n: no hidden band follows from the others
    shares = suppress_shares(k, n, threshold, part_hidden=mask)
    population = np.array([pop[band] for band, _ in AGE_BANDS])
    few = n < threshold
    highest = np.where(primary & ~few, (threshold - 1) / max(n, 1), shares)  # what a '<5' could at most be
    out = pd.DataFrame({
        "age_band": [band for band, _ in AGE_BANDS],
        "respondents": counts_with_mask(k, mask).array,
        "respondent_share": shares,
        "population_share": population,
        "difference": shares - population,
        "not_heard": [is_not_heard(None if h != h else float(h), p) for h, p in zip(highest, population)],
        "reason": np.where(few, "few_ages", np.where(primary, "hidden_count", np.where(mask, SECONDARY, ""))),
    })
    out["not_heard"] = out["not_heard"].astype(bool)
    return out
