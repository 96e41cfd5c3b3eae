"""The wijk's figures (CBS and other open data) against the gemeente and the other wijken, as numbers."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.areas.figures import Areas
from lib.wijken.rules import is_tiny

RATE_UNITS = {"%", "per 1.000 inwoners", "per huishouden", "per km²", "inwoners per km²", "adressen per km²"}
"""Units that are comparable between wijken (rates); counts are not ranked."""

# Which way is "worse" for the colour scale and the reading of ranks: +1 higher is worse, -1 higher is better.
DIRECTION = {
    "pct_eenpersoonshhd": 1, "pct_hh_laag_inkomen": 1, "pct_hh_laagste_40pct_inkomen": 1, "pct_rond_sociaal_min": 1,
    "pct_jeugdzorg": 1, "wmo_per_1000": 1, "bijstand": 1, "pct_leegstand": 1, "opl_laag_pct": 1,
    "arbeidsparticipatie": -1, "gem_inkomen_inwoner": -1, "gem_gestand_inkomen": -1, "koopwoningen": -1,
    "gem_woz_waarde": -1, "opl_hoog_pct": -1,
}


def is_rate(unit: str) -> bool:
    """True for units that can be compared between wijken of different size."""
    return unit in RATE_UNITS or unit.startswith("per ") or unit.startswith("x 1.000 euro") or unit in {"km", "personen", "m³", "kWh"}


def key_figures(areas: Areas, wijkcode: str, indicators: list[str] | None = None) -> pd.DataFrame:
    """The wijk's figures against the gemeente and the other wijken, latest year per indicator.

    Columns: indicator, label, unit, wijk_value, gemeente_value (floats, NaN where unknown), year,
    gemeente_year (Int64: set only when the gemeente's figure is of another year), source, rank and
    rank_of (Int64, 1 = highest value; only rates of wijken that are not tiny), low and high (spread over
    the comparable wijken), reason (codes: ``gemeente_only``, ``no_value``, ``tiny_area``).
    """
    latest = areas.latest()
    wijken = areas.wijken.set_index("wijkcode")
    tiny = set(wijken.index[[is_tiny(v) for v in wijken["inhabitants"]]])
    keys = indicators or list(dict.fromkeys(latest["indicator"]))
    rows = []
    by_ind = {k: g for k, g in latest.groupby("indicator", sort=False)}
    for key in keys:
        part = by_ind.get(key)
        if part is None:
            continue
        label, unit = part["label"].iloc[0], part["unit"].iloc[0]
        wijk_rows = part[part["level"] == "wijk"].set_index("area_code")
        gm = part[part["area_code"] == areas.gemeentecode]
        own = wijk_rows.loc[wijkcode] if wijkcode in wijk_rows.index else None
        gm_year = pd.NA
        if own is not None and not gm.empty and gm["year"].iloc[0] != own["year"]:
            # compare like with like: the gemeente in the wijk's year, else say which year it is
            same_year = areas.indicators[
                (areas.indicators["area_code"] == areas.gemeentecode) & (areas.indicators["indicator"] == key)
                & (areas.indicators["year"] == own["year"])
            ].dropna(subset=["value"])
            if not same_year.empty:
                gm = same_year.head(1)
            elif gm["year"].iloc[0] == gm["year"].iloc[0]:
                gm_year = int(gm["year"].iloc[0])
        ref = own if own is not None else (None if gm.empty else gm.iloc[0])
        rate = is_rate(unit)
        reason = ""
        position = of = pd.NA
        low = high = np.nan
        if own is None:
            reason = "gemeente_only" if not gm.empty else "no_value"
        else:
            comparable = wijk_rows[~wijk_rows.index.isin(tiny)] if rate else wijk_rows
            low, high = comparable["value"].min(), comparable["value"].max()
            if wijkcode in tiny and rate:
                reason = "tiny_area"
            elif rate and wijkcode in comparable.index:
                ordered = comparable["value"].rank(ascending=False, method="min")  # 1 = highest value
                position, of = int(ordered[wijkcode]), len(comparable)
        rows.append(
            {
                "indicator": key,
                "label": label,
                "unit": unit,
                "wijk_value": np.nan if own is None else float(own["value"]),
                "gemeente_value": np.nan if gm.empty else float(gm["value"].iloc[0]),
                "year": pd.NA if ref is None or ref["year"] != ref["year"] else int(ref["year"]),
                "gemeente_year": gm_year,
                "source": "" if ref is None else ref["source"],
                "rank": position,
                "rank_of": of,
                "low": float(low),
                "high": float(high),
                "reason": reason,
            }
        )
    out = pd.DataFrame(rows, columns=KEY_FIGURE_COLUMNS)
    for col in ("year", "gemeente_year", "rank", "rank_of"):
        out[col] = out[col].astype("Int64")
    for col in ("wijk_value", "gemeente_value", "low", "high"):
        out[col] = out[col].astype(float)
    return out


KEY_FIGURE_COLUMNS = ["indicator", "label", "unit", "wijk_value", "gemeente_value", "year", "gemeente_year", "source",
                      "rank", "rank_of", "low", "high", "reason"]


def wijk_table(areas: Areas) -> pd.DataFrame:
    """Wijken: wijkcode, wijknaam, inhabitants (latest year), tiny (fewer than 500 inhabitants), on_map."""
    w = areas.wijken
    on_map = {f["properties"]["wijkcode"] for f in (areas.geojson or {}).get("features", [])}
    return pd.DataFrame(
        {
            "wijkcode": w["wijkcode"],
            "wijknaam": w["wijknaam"],
            "inhabitants": w["inhabitants"].astype(float),
            "tiny": [is_tiny(v) for v in w["inhabitants"]],
            "on_map": w["wijkcode"].isin(on_map),
        }
    )


def indicator_catalogue(areas: Areas) -> pd.DataFrame:
    """One row per indicator: indicator, label, unit, years (list of ints), wijken (with a value),
    gemeente_value and gemeente_year (latest), source; sorted by label."""
    columns = ["indicator", "label", "unit", "years", "wijken", "gemeente_value", "gemeente_year", "source"]
    ind = areas.indicators.dropna(subset=["value"])
    if ind.empty:
        return pd.DataFrame(columns=columns)
    latest = areas.latest()
    gm = latest[latest["area_code"] == areas.gemeentecode].set_index("indicator")
    rows = []
    for key, part in ind.groupby("indicator", sort=False):
        gm_row = gm.loc[key] if key in gm.index else None
        rows.append(
            {
                "indicator": key,
                "label": part["label"].iloc[0],
                "unit": part["unit"].iloc[0],
                "years": sorted({int(j) for j in part["year"].dropna()}),
                "wijken": int(part.loc[part["level"] == "wijk", "area_code"].nunique()),
                "gemeente_value": np.nan if gm_row is None else float(gm_row["value"]),
                "gemeente_year": pd.NA if gm_row is None or gm_row["year"] != gm_row["year"] else int(gm_row["year"]),
                "source": "; ".join(sorted(set(part["source"]))),
            }
        )
    out = pd.DataFrame(rows, columns=columns)
    out["years"] = out["years"].astype(object)
    out["gemeente_year"] = out["gemeente_year"].astype("Int64")
    return out.sort_values("label").reset_index(drop=True)


def indicator_by_wijk(areas: Areas, indicator: str) -> pd.Series:
    """Latest value per wijkcode of one indicator (NaN where unknown)."""
    latest = areas.latest()
    part = latest[(latest["indicator"] == indicator) & (latest["level"] == "wijk")]
    return part.set_index("area_code")["value"].reindex(areas.wijken["wijkcode"])


def indicator_options(areas: Areas, min_wijken: int = 2) -> dict[str, str]:
    """Indicators with values for at least ``min_wijken`` wijken: key -> "label (unit)"."""
    latest = areas.latest()
    wijk = latest[latest["level"] == "wijk"]
    counts = wijk.groupby("indicator")["area_code"].nunique()
    labels = wijk.drop_duplicates("indicator").set_index("indicator")
    out = {}
    for key in counts[counts >= min_wijken].index:
        unit = labels.at[key, "unit"]
        out[key] = f"{labels.at[key, 'label']} ({unit})" if unit else labels.at[key, "label"]
    return dict(sorted(out.items(), key=lambda kv: kv[1].lower()))
