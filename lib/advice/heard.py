"""Who was heard: reach per wijk and source, response per age band, representativeness.

Representativeness follows Go Vocal's representation score: per group the participation rate
(respondents / inhabitants of the group), score = lowest rate / highest rate (1 = every group heard
alike, 0 = a group not heard at all). Groups with fewer respondents than the small-number threshold
(but more than none) or with few inhabitants are left out of the score and named in a warning: small
groups distort it, and their counts may not leave lib.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.advice.adapters import AGE_BANDS, AGE_KEYS, age_band, latest_wide, wijk_inhabitants
from lib.areas.figures import Areas
from lib.core.suppression import SECONDARY, complementary, counts_with_mask, is_hidden_count
from lib.wijken.reach import respondent_grid
from lib.wijken.rules import is_not_heard, is_tiny, rate_per_1000

HEARD_BANDS = ["15-25", "25-45", "45-65", "65+"]
"""Bands compared for 'who was heard': children under 15 are rarely asked themselves (they are heard through
parents and school), so they would show as 'not heard' everywhere."""
MIN_GROUP_INHABITANTS = 50
"""An age group with fewer inhabitants in the wijk is too small for a rate."""


def reach_by_source(records: pd.DataFrame, areas: Areas, threshold: int) -> pd.DataFrame:
    """Per wijk and source: respondents (Int64, <NA> hidden), inhabitants, per_1000 (None where hidden).

    Columns: wijkcode, source, trajectory, respondents, inhabitants, per_1000. A row "" source is the wijk total.
    """
    inhabitants = wijk_inhabitants(areas)
    linked = records[records["wijkcode"] != ""]
    rows = []
    labels = records.drop_duplicates("source").set_index("source")["trajectory"].to_dict() if not records.empty else {}
    counts = linked.groupby(["wijkcode", "source"]).size() if not linked.empty else pd.Series(dtype=int)
    totals = linked.groupby("wijkcode").size() if not linked.empty else pd.Series(dtype=int)
    for code in areas.wijken["wijkcode"]:
        inh = inhabitants.get(code, np.nan)
        n = int(totals.get(code, 0))
        rows.append({"wijkcode": code, "source": "", "trajectory": "", "n": n, "inhabitants": inh,
                     "per_1000": rate_per_1000(n, inh, threshold)})
        if code in totals.index:
            for source, k in counts.loc[code].items():
                rows.append({"wijkcode": code, "source": source, "trajectory": labels.get(source) or source, "n": int(k),
                             "inhabitants": inh, "per_1000": rate_per_1000(int(k), inh, threshold)})
    out = pd.DataFrame(rows, columns=["wijkcode", "source", "trajectory", "n", "inhabitants", "per_1000"])
    # the small-number rule and complementary suppression as everywhere (lib.wijken.reach): 10 = 7 + <5 hides the 7
    grid = respondent_grid(records, threshold)
    hidden = [bool(grid.wijk_hidden.get(c, False)) if s == "" else bool(grid.cells.at[c, s]) if c in grid.cells.index
              and s in grid.cells.columns else False for c, s in zip(out["wijkcode"], out["source"])]
    out["respondents"] = counts_with_mask(out["n"].to_numpy(), hidden, index=out.index)
    out["per_1000"] = out["per_1000"].astype(object).where(~pd.Series(hidden, index=out.index), None)
    return out.drop(columns="n")[["wijkcode", "source", "trajectory", "respondents", "inhabitants", "per_1000"]]


def gemeente_rate(records: pd.DataFrame, areas: Areas) -> float | None:
    """Linked respondents per 1,000 inhabitants of all wijken together."""
    total = float(wijk_inhabitants(areas).sum())
    n = int((records["wijkcode"] != "").sum()) if not records.empty else 0
    return n / total * 1000 if total > 0 else None


def age_rates(records: pd.DataFrame, areas: Areas, wijkcode: str, threshold: int) -> pd.DataFrame:
    """Per age band from 15 in one wijk: respondents (Int64, hidden <NA>), inhabitants (estimated from CBS shares),
    rate per 1,000, share of the respondents aged 15+, share of the inhabitants aged 15+, not_heard, too_small,
    reason (``complementary`` where the count is hidden only so that another band's cannot be recomputed).

    Empty when the wijk has no age figures or no respondent states an age.
    """
    wide = latest_wide(areas)
    inh = wijk_inhabitants(areas).get(wijkcode, np.nan)
    cols = ["band", "respondents", "inhabitants", "rate", "respondent_share", "population_share", "not_heard", "too_small",
            "reason"]
    if wijkcode not in wide.index or inh != inh or not inh:
        return pd.DataFrame(columns=cols)
    figures = wide.loc[wijkcode]
    pop_share = {}
    for band in AGE_BANDS:
        key = AGE_KEYS[band]
        if key in figures.index and figures[key] == figures[key]:
            pop_share[band] = float(figures[key]) / 100
        elif f"{key}_aantal" in figures.index and figures[f"{key}_aantal"] == figures[f"{key}_aantal"]:
            pop_share[band] = float(figures[f"{key}_aantal"]) / inh
    part = records[(records["wijkcode"] == wijkcode) & records["age"].notna()]
    if len(pop_share) < len(AGE_BANDS) or part.empty:
        return pd.DataFrame(columns=cols)
    groups = part["age"].map(age_band).value_counts().reindex(HEARD_BANDS, fill_value=0)
    total = int(groups.sum())
    adult = sum(pop_share[b] for b in HEARD_BANDS) or 1.0
    masked = complementary(groups.to_numpy(), threshold)  # the bands add up to the total: none follows from the others
    rows = []
    for i, band in enumerate(HEARD_BANDS):
        k = int(groups.get(band, 0))
        people = pop_share[band] * inh
        hidden = bool(masked[i])
        too_small = hidden or people < MIN_GROUP_INHABITANTS
        raw_share = k / total if total >= threshold else None
        rows.append({
            "band": band, "respondents": None if hidden else k, "inhabitants": people,
            "rate": None if too_small else k / people * 1000,
            # a share would give away a hidden count (share x respondents): hidden with it
            "respondent_share": None if hidden else raw_share, "population_share": pop_share[band] / adult,
            "not_heard": bool(raw_share is not None and is_not_heard(raw_share, pop_share[band] / adult)),
            "too_small": bool(too_small),
            "reason": SECONDARY if hidden and not is_hidden_count(k, threshold) else "",
        })
    out = pd.DataFrame(rows, columns=cols)
    out["respondents"] = out["respondents"].astype("Int64")
    return out


def representativeness(ages: pd.DataFrame) -> tuple[float | None, list[str]]:
    """Lowest group rate / highest over the groups with a rate; the bands left out as too small."""
    if ages.empty:
        return None, []
    rates = ages.loc[~ages["too_small"], "rate"].dropna()
    small_groups = list(ages.loc[ages["too_small"], "band"])
    if len(rates) < 2 or rates.max() <= 0:
        return None, small_groups
    return float(rates.min() / rates.max()), small_groups


def heard_overview(records: pd.DataFrame, areas: Areas, threshold: int, ages: dict | None = None,
                   codes: list[str] | None = None) -> pd.DataFrame:
    """One row per wijk: respondents (Int64), inhabitants, per_1000, relative to the gemeente's rate, score,
    lowest and highest band, bands not heard, bands too small, tiny flag. ``ages``: ``age_rates`` per wijk, if known."""
    reach = reach_by_source(records, areas, threshold)
    totals = reach[reach["source"] == ""].set_index("wijkcode")
    gm = gemeente_rate(records, areas)
    rows = []
    for code in codes or areas.wijken["wijkcode"]:
        wijk_ages = ages[code] if ages is not None and code in ages else age_rates(records, areas, code, threshold)
        score, small_groups = representativeness(wijk_ages)
        rated = wijk_ages[~wijk_ages["too_small"] & wijk_ages["rate"].notna()] if not wijk_ages.empty else wijk_ages
        per_1000 = totals.at[code, "per_1000"]
        rows.append({
            "wijkcode": code,
            "respondents": totals.at[code, "respondents"],
            "inhabitants": totals.at[code, "inhabitants"],
            "per_1000": per_1000,
            "relative_reach": None if per_1000 is None or not gm else per_1000 / gm,
            "score": score,
            "lowest_band": "" if rated.empty or score is None else rated.loc[rated["rate"].idxmin(), "band"],
            "highest_band": "" if rated.empty or score is None else rated.loc[rated["rate"].idxmax(), "band"],
            "not_heard": [] if wijk_ages.empty else list(wijk_ages.loc[wijk_ages["not_heard"], "band"]),
            "too_small": small_groups,
            "tiny": is_tiny(totals.at[code, "inhabitants"]),
        })
    out = pd.DataFrame(rows)
    out["respondents"] = out["respondents"].astype("Int64")
    return out
