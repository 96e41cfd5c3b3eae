"""Who was heard: respondents per source and per 1,000 inhabitants, ages against the population."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.areas.figures import Areas
from lib.core.suppression import share, suppress_counts
from lib.wijken.rules import is_not_heard, rate_per_1000

AGE_BANDS = [("0-15", "0_15"), ("15-25", "15_25"), ("25-45", "25_45"), ("45-65", "45_65"), ("65+", "65plus")]


def reach(records: pd.DataFrame, areas: Areas, wijkcode: str, threshold: int) -> pd.DataFrame:
    """Respondents of the wijk per source: source (trajectory or file), respondents (Int64, hidden below the
    threshold), per_1000 (per 1,000 inhabitants; NaN when hidden or without inhabitants). Most first."""
    inhabitants = float(areas.wijken.set_index("wijkcode").at[wijkcode, "inhabitants"]) if wijkcode in set(
        areas.wijken["wijkcode"]
    ) else np.nan
    part = records[records["wijkcode"] == wijkcode]
    rows = []
    for source, grp in part.groupby("source"):
        n = len(grp)
        rate = rate_per_1000(n, inhabitants, threshold)
        rows.append({"source": grp["trajectory"].iloc[0] or source, "n": n, "per_1000": np.nan if rate is None else rate})
    out = pd.DataFrame(rows, columns=["source", "n", "per_1000"])
    out = out.sort_values("n", ascending=False).reset_index(drop=True)
    out.insert(1, "respondents", suppress_counts(out["n"], threshold).array)
    out["per_1000"] = out["per_1000"].astype(float)
    return out.drop(columns="n")


def age_comparison(records: pd.DataFrame, areas: Areas, wijkcode: str, threshold: int) -> pd.DataFrame | None:
    """Respondents' ages against the wijk's population per CBS age band; None without ages or age figures.

    Columns: age_band, respondents (Int64, hidden below the threshold), respondent_share (NaN when fewer
    respondents with an age than the threshold), population_share, difference, not_heard (bool, the named
    rule), reason (``few_ages`` where hidden).
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
    n = int(groups.sum())
    rows = []
    for band, _key in AGE_BANDS:
        k = int(groups.get(band, 0))
        resp_share = share(k, n, threshold)
        rows.append(
            {
                "age_band": band,
                "n": k,
                "respondent_share": np.nan if resp_share is None else resp_share,
                "population_share": pop[band],
                "difference": np.nan if resp_share is None else resp_share - pop[band],
                "not_heard": is_not_heard(resp_share, pop[band]),
                "reason": "" if resp_share is not None else "few_ages",
            }
        )
    out = pd.DataFrame(rows)
    out.insert(1, "respondents", suppress_counts(out["n"], threshold).array)
    return out.drop(columns="n")
