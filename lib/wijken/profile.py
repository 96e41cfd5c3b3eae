"""Wijk profiles and comparisons: figures against the gemeente, themes, reach, words beside numbers.

Numbers only: counts are ``Int64`` with ``<NA>`` where the small-number rule hides them
(``lib.core.suppression``), shares are floats with NaN where their base is below the threshold and a
reason code beside them, ranks are integers. Dutch text is made at the edge (``lib.present.text`` and
``lib.present.tables``), so screens, downloads and the report show the same suppressed numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from lib.areas.figures import Areas
from lib.core.privacy import mask_text
from lib.core.suppression import is_hidden_count, share, suppress_counts
from lib.themes.tagger import split_themes
from lib.wijken.rules import (
    enough_answers,
    is_not_heard,
    is_over_represented,
    is_tiny,
    rate_per_1000,
    representation_ratio,
)

RATE_UNITS = {"%", "per 1.000 inwoners", "per huishouden", "per km²", "inwoners per km²", "adressen per km²"}
"""Units that are comparable between wijken (rates); counts are not ranked."""

# Which way is "worse" for the colour scale and the reading of ranks: +1 higher is worse, -1 higher is better.
DIRECTION = {
    "pct_eenpersoonshhd": 1, "pct_hh_laag_inkomen": 1, "pct_hh_laagste_40pct_inkomen": 1, "pct_rond_sociaal_min": 1,
    "pct_jeugdzorg": 1, "wmo_per_1000": 1, "bijstand": 1, "pct_leegstand": 1, "opl_laag_pct": 1,
    "arbeidsparticipatie": -1, "gem_inkomen_inwoner": -1, "gem_gestand_inkomen": -1, "koopwoningen": -1,
    "gem_woz_waarde": -1, "opl_hoog_pct": -1,
}

DEFAULT_PAIRS = [
    ("Eenzaamheid", "pct_eenpersoonshhd"),
    ("Eenzaamheid", "65plus"),
    ("Armoede & schulden", "pct_hh_laag_inkomen"),
    ("Armoede & schulden", "pct_rond_sociaal_min"),
    ("Armoede & schulden", "gem_inkomen_inwoner"),
    ("Jeugd & jongeren", "0_15"),
    ("Jeugd & jongeren", "15_25"),
    ("Jeugd & jongeren", "pct_jeugdzorg"),
    ("Ouderen", "65plus"),
    ("Zorg & ondersteuning", "wmo_per_1000"),
    ("Werk & inkomen", "arbeidsparticipatie"),
    ("Wonen", "huurwoningen"),
    ("Wonen", "pct_huurcorporatie"),
    ("Wonen", "gem_woz_waarde"),
    ("Onderwijs & taal", "opl_laag_pct"),
]
"""Theme -> indicator pairs of the domain notes (editable per project)."""

AGE_BANDS = [("0-15", "0_15"), ("15-25", "15_25"), ("25-45", "25_45"), ("45-65", "45_65"), ("65+", "65plus")]


@dataclass
class Filters:
    """What the user looks at: sources (file names), period, themes, tones; empty means all."""

    sources: list[str] = field(default_factory=list)
    start: date | None = None
    end: date | None = None
    themes: list[str] = field(default_factory=list)
    tones: list[str] = field(default_factory=list)

    def apply(self, answers: pd.DataFrame, records: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame | None]:
        """Filtered answers (and records, by source and period) for every view."""

        def by_source_and_period(frame: pd.DataFrame) -> pd.DataFrame:
            if not self.sources and not self.start and not self.end:
                return frame
            mask = pd.Series(True, index=frame.index)
            if self.sources:
                mask &= frame["source"].isin(self.sources)
            if self.start or self.end:
                when = pd.to_datetime(frame["trajectory_date"], errors="coerce")
                if self.start:
                    mask &= when >= pd.Timestamp(self.start)
                if self.end:
                    mask &= when <= pd.Timestamp(self.end)
            return frame[mask]

        out = by_source_and_period(answers)
        if self.themes:
            wanted = set(self.themes)
            out = out[out["themes"].map(lambda v: bool(wanted & set(split_themes(v)))).astype(bool).to_numpy()]
        if self.tones:
            out = out[out["tone"].isin(self.tones)]
        recs = by_source_and_period(records) if records is not None else None
        return out, recs


def theme_long(answers: pd.DataFrame) -> pd.DataFrame:
    """One row per (answer, theme): idx (the answer's index), wijkcode, thema, tone; answers without a theme are left out."""
    if answers.empty:
        return pd.DataFrame(columns=["idx", "wijkcode", "theme", "tone"])
    themes = answers["themes"].astype(str)
    has = themes != ""
    exploded = themes[has].str.split("; ").explode()
    return pd.DataFrame(
        {
            "idx": exploded.index.to_numpy(),
            "wijkcode": answers.loc[exploded.index, "wijkcode"].to_numpy(),
            "theme": exploded.to_numpy(),
            "tone": answers.loc[exploded.index, "tone"].to_numpy(),
        }
    )


# ------------------------------------------------------------------------------------------- figures


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


# ------------------------------------------------------------------------------------------- themes


def restrict(long: pd.DataFrame, answers: pd.DataFrame) -> pd.DataFrame:
    """The theme rows of the given (filtered) answers only."""
    if len(long) and len(answers) and long["idx"].isin(answers.index).all():
        return long
    return long[long["idx"].isin(answers.index)]


def theme_shares(answers: pd.DataFrame, long: pd.DataFrame, wijkcode: str, themes: list[str], threshold: int) -> pd.DataFrame:
    """Per theme: answers in the wijk, share of the wijk's answers, gemeente share, ratio, tone.

    Columns: theme, answers (Int64, hidden below the threshold), wijk_share, gemeente_share, ratio,
    negative, positive (floats; NaN when the base is below the threshold), over_represented (bool, the
    named rule), reason (``below_threshold`` when the wijk has too few answers). Most answers first.
    """
    n_wijk = int((answers["wijkcode"] == wijkcode).sum())
    n_all = len(answers)
    in_wijk = long[long["wijkcode"] == wijkcode]
    counts = in_wijk["theme"].value_counts()
    all_counts = long["theme"].value_counts()
    tones = in_wijk.groupby("theme")["tone"].value_counts().unstack(fill_value=0)
    rows = []
    for theme in themes:
        k = int(counts.get(theme, 0))
        wijk_share = share(k, n_wijk, threshold)
        gm_share = share(int(all_counts.get(theme, 0)), n_all, 1)
        neg = int(tones.at[theme, "negatief"]) if theme in tones.index and "negatief" in tones.columns else 0
        pos = int(tones.at[theme, "positief"]) if theme in tones.index and "positief" in tones.columns else 0
        rows.append(
            {
                "theme": theme,
                "n": k,
                "wijk_share": wijk_share,
                "gemeente_share": gm_share,
                "ratio": representation_ratio(wijk_share, gm_share),
                "negative": share(neg, k, threshold),
                "positive": share(pos, k, threshold),
                "over_represented": is_over_represented(wijk_share, gm_share) and not is_hidden_count(k, threshold),
                "reason": "" if enough_answers(n_wijk, threshold) else "below_threshold",
            }
        )
    out = pd.DataFrame(rows, columns=["theme", "n", "wijk_share", "gemeente_share", "ratio", "negative", "positive",
                                      "over_represented", "reason"])
    out = out.sort_values(["n", "theme"], ascending=[False, True]).reset_index(drop=True)
    out.insert(1, "answers", suppress_counts(out["n"], threshold).array)
    for col in ("wijk_share", "gemeente_share", "ratio", "negative", "positive"):
        out[col] = out[col].astype(float)
    out["over_represented"] = out["over_represented"].astype(bool)
    return out.drop(columns="n")


def representative_quotes(answers: pd.DataFrame, wijkcode: str, theme: str, k: int = 3) -> list[str]:
    """A few typical answers of a wijk on a theme, personal data masked.

    Prefers answers of readable length (40-280 characters) that raise few other themes; deterministic.
    """
    part = answers[answers["wijkcode"] == wijkcode]
    part = part[part["themes"].map(lambda v: theme in split_themes(v))]
    if part.empty:
        return []
    text = part["answer"].astype(str)
    length = text.str.len()
    n_themes = part["themes"].map(lambda v: len(split_themes(v)))
    score = (length.between(40, 280)).astype(int) * 10 - n_themes - (length - 140).abs() / 100
    chosen = part.assign(_score=score.to_numpy()).sort_values(["_score", "answer_key"], ascending=[False, True]).head(k)
    return [mask_text(" ".join(str(a).split())) for a in chosen["answer"]]


# ------------------------------------------------------------------------------------------- reach


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


# ------------------------------------------------------------------------------------------- compare


def _theme_counts(long: pd.DataFrame, codes: list[str], themes: list[str]) -> pd.DataFrame:
    """Answers per wijk (rows) and theme (columns)."""
    if long.empty:
        return pd.DataFrame(0, index=codes, columns=themes)
    counts = long[long["wijkcode"] != ""].groupby(["wijkcode", "theme"]).size().unstack(fill_value=0)
    return counts.reindex(index=codes, columns=themes, fill_value=0)


def theme_matrix(answers: pd.DataFrame, long: pd.DataFrame, areas: Areas, themes: list[str], threshold: int) -> pd.DataFrame:
    """Long table wijk x theme: wijkcode, wijknaam, theme, answers and wijk_answers (Int64, hidden below the
    threshold), share of the wijk's answers (NaN when the wijk has fewer answers than the threshold), reason."""
    codes = list(areas.wijken["wijkcode"])
    names = areas.wijk_names()
    n_per_wijk = answers[answers["wijkcode"] != ""].groupby("wijkcode").size().reindex(codes, fill_value=0).to_numpy()
    counts = _theme_counts(long, codes, themes).to_numpy()
    n_rep = np.repeat(n_per_wijk, len(themes))
    k = counts.reshape(-1)
    enough = n_rep >= threshold
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = np.where(enough, k / np.maximum(n_rep, 1), np.nan)
    return pd.DataFrame(
        {
            "wijkcode": np.repeat(codes, len(themes)),
            "wijknaam": np.repeat([names.get(c, c) for c in codes], len(themes)),
            "theme": np.tile(themes, len(codes)),
            "answers": suppress_counts(k, threshold).array,
            "wijk_answers": suppress_counts(n_rep, threshold).array,
            "share": shares.astype(float),
            "reason": np.where(enough, "", "few_answers"),
        }
    )


def words_beside_numbers(
    answers: pd.DataFrame, long: pd.DataFrame, areas: Areas, theme: str, indicator: str, threshold: int
) -> pd.DataFrame:
    """Per wijk with both: the share of answers on ``theme`` (``share``) next to the indicator's ``value``;
    tiny wijken and wijken with too few answers are left out. Columns of ``theme_matrix`` plus ``value``."""
    matrix = theme_matrix(answers, long, areas, [theme], threshold)
    matrix["value"] = matrix["wijkcode"].map(indicator_by_wijk(areas, indicator)).astype(float)
    tiny = {c for c, v in zip(areas.wijken["wijkcode"], areas.wijken["inhabitants"]) if is_tiny(v)}
    out = matrix[matrix["share"].notna() & matrix["value"].notna() & ~matrix["wijkcode"].isin(tiny)]
    return out.reset_index(drop=True)


@dataclass
class Comparison:
    """All wijken side by side: ``table`` has wijknaam, wijkcode, inhabitants, respondents, answers (Int64,
    hidden below the threshold), one share column per theme (``share_columns``: column -> theme; NaN when
    the wijk has too few answers) and one column per indicator (``indicator_columns``: column -> key)."""

    table: pd.DataFrame
    share_columns: dict[str, str]
    indicator_columns: dict[str, str]


def comparison_table(
    answers: pd.DataFrame, records: pd.DataFrame, long: pd.DataFrame, areas: Areas, themes: list[str],
    indicators: list[str], threshold: int,
) -> Comparison:
    """One row per wijk: inhabitants, respondents, answers, per theme the share, and the chosen indicators."""
    names = areas.wijk_names()
    n_resp = records[records["wijkcode"] != ""].groupby("wijkcode").size() if not records.empty else pd.Series(dtype=int)
    n_ans = answers[answers["wijkcode"] != ""].groupby("wijkcode").size() if not answers.empty else pd.Series(dtype=int)
    codes = list(areas.wijken["wijkcode"])
    counts = _theme_counts(long, codes, themes)
    answers_n = n_ans.reindex(codes, fill_value=0).to_numpy()
    table = pd.DataFrame({"wijknaam": [names[c] for c in codes], "wijkcode": codes})
    table["inhabitants"] = areas.wijken["inhabitants"].astype(float).to_numpy()
    table["respondents"] = suppress_counts(n_resp.reindex(codes, fill_value=0).to_numpy(), threshold).array
    table["answers"] = suppress_counts(answers_n, threshold).array
    enough = answers_n >= threshold
    share_columns, indicator_columns = {}, {}
    for i, theme in enumerate(themes):
        with np.errstate(divide="ignore", invalid="ignore"):
            values = counts[theme].to_numpy() / np.maximum(answers_n, 1)
        column = f"share_{i}"
        table[column] = np.where(enough, values, np.nan)
        share_columns[column] = theme
    for i, key in enumerate(indicators):
        column = f"indicator_{i}"
        table[column] = indicator_by_wijk(areas, key).astype(float).to_numpy()
        indicator_columns[column] = key
    return Comparison(table, share_columns, indicator_columns)
