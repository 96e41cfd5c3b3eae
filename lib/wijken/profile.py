"""Wijk profiles and comparisons: figures against the gemeente, themes, reach, words beside numbers.

Every count below the small-number threshold is suppressed (``<5``) and every share based on
fewer answers than the threshold is hidden with the reason; the same tables feed screens,
tooltips and downloads, so the rule holds everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from lib.areas.figures import SMALL_AREA_INHABITANTS, Areas, format_number
from lib.core.privacy import mask_text, small
from lib.themes.tagger import split_themes

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

    Columns: indicator, Indicator, Eenheid, Wijk, Gemeente, Jaar, Bron, Rang ("3 van 12"), Min, Max,
    Opmerking (tiny wijk, gemeente only, ...). Rates of tiny wijken are not ranked.
    """
    latest = areas.latest()
    wijken = areas.wijken.set_index("wijkcode")
    tiny = set(wijken.index[wijken["inhabitants"].fillna(0) < SMALL_AREA_INHABITANTS])
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
        gm_note = ""
        if own is not None and not gm.empty and gm["year"].iloc[0] != own["year"]:
            # compare like with like: the gemeente in the wijk's year, else say which year it is
            same_year = areas.indicators[
                (areas.indicators["area_code"] == areas.gemeentecode) & (areas.indicators["indicator"] == key)
                & (areas.indicators["year"] == own["year"])
            ].dropna(subset=["value"])
            if not same_year.empty:
                gm = same_year.head(1)
            elif gm["year"].iloc[0] == gm["year"].iloc[0]:
                gm_note = f"gemeente: cijfer van {int(gm['year'].iloc[0])}"
        ref = own if own is not None else (None if gm.empty else gm.iloc[0])
        rate = is_rate(unit)
        note = ""
        rank = ""
        low = high = np.nan
        if own is None:
            note = "alleen voor de gemeente beschikbaar" if not gm.empty else "geen cijfer voor deze wijk"
        else:
            comparable = wijk_rows[~wijk_rows.index.isin(tiny)] if rate else wijk_rows
            low, high = comparable["value"].min(), comparable["value"].max()
            if wijkcode in tiny and rate:
                note = "klein gebied: niet gerangschikt"
            elif rate and wijkcode in comparable.index:
                ordered = comparable["value"].rank(ascending=False, method="min")  # 1 = highest value
                rank = f"{int(ordered[wijkcode])} van {len(comparable)}"
        rows.append(
            {
                "indicator": key,
                "Indicator": label,
                "Eenheid": unit,
                "Wijk": None if own is None else float(own["value"]),
                "Gemeente": None if gm.empty else float(gm["value"].iloc[0]),
                "Jaar": None if ref is None or ref["year"] != ref["year"] else int(ref["year"]),
                "Bron": "" if ref is None else ref["source"],
                "Rang": rank,
                "Min": None if low != low else float(low),
                "Max": None if high != high else float(high),
                "Opmerking": "; ".join(x for x in (note, gm_note) if x),
            }
        )
    return pd.DataFrame(rows)


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
    """Per theme: answers in the wijk, share of the wijk's answers, gemeente share, over-representation, tone.

    Shares based on fewer than ``threshold`` wijk answers are hidden (None) with the reason.
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
        enough = n_wijk >= threshold
        share = k / n_wijk if enough and n_wijk else None
        gm_share = int(all_counts.get(theme, 0)) / n_all if n_all else None
        neg = int(tones.at[theme, "negatief"]) if theme in tones.index and "negatief" in tones.columns else 0
        pos = int(tones.at[theme, "positief"]) if theme in tones.index and "positief" in tones.columns else 0
        rows.append(
            {
                "Thema": theme,
                "Antwoorden": small(k, threshold),
                "Aandeel wijk": share,
                "Aandeel gemeente": gm_share,
                "Verhouding": (share / gm_share) if share is not None and gm_share else None,
                "Negatief": (neg / k) if k >= threshold else None,
                "Positief": (pos / k) if k >= threshold else None,
                "Toelichting": "" if enough else f"minder dan {threshold} antwoorden uit deze wijk",
                "_n": k,
            }
        )
    out = pd.DataFrame(rows)
    return out.sort_values(["_n", "Thema"], ascending=[False, True]).drop(columns="_n").reset_index(drop=True)


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
    """Respondents of the wijk per source and per 1,000 inhabitants."""
    inhabitants = float(areas.wijken.set_index("wijkcode").at[wijkcode, "inhabitants"]) if wijkcode in set(
        areas.wijken["wijkcode"]
    ) else np.nan
    part = records[records["wijkcode"] == wijkcode]
    rows = []
    for source, grp in part.groupby("source"):
        label = grp["trajectory"].iloc[0] or source
        n = len(grp)
        rate = n / inhabitants * 1000 if inhabitants == inhabitants and inhabitants > 0 and n >= threshold else None
        rows.append({"Bron": label, "Respondenten": small(n, threshold), "Per 1.000 inwoners": rate, "_n": n})
    out = pd.DataFrame(rows, columns=["Bron", "Respondenten", "Per 1.000 inwoners", "_n"])
    return out.sort_values("_n", ascending=False).drop(columns="_n").reset_index(drop=True)


def age_comparison(records: pd.DataFrame, areas: Areas, wijkcode: str, threshold: int) -> pd.DataFrame | None:
    """Respondents' ages against the wijk's population per CBS age band; None without ages or age figures.

    Columns: Leeftijd, Respondenten (count, suppressed), Aandeel respondenten, Aandeel inwoners, Verschil.
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
        share = k / n if n >= threshold else None
        rows.append(
            {
                "Leeftijd": band,
                "Respondenten": small(k, threshold),
                "Aandeel respondenten": share,
                "Aandeel inwoners": pop[band],
                "Verschil": None if share is None else share - pop[band],
                "Toelichting": "" if share is not None else f"minder dan {threshold} respondenten met een leeftijd",
            }
        )
    return pd.DataFrame(rows)


# ------------------------------------------------------------------------------------------- compare


def _theme_counts(long: pd.DataFrame, codes: list[str], themes: list[str]) -> pd.DataFrame:
    """Answers per wijk (rows) and theme (columns)."""
    if long.empty:
        return pd.DataFrame(0, index=codes, columns=themes)
    counts = long[long["wijkcode"] != ""].groupby(["wijkcode", "theme"]).size().unstack(fill_value=0)
    return counts.reindex(index=codes, columns=themes, fill_value=0)


def _small_many(counts: np.ndarray, threshold: int) -> list[str]:
    return [small(int(c), threshold) for c in counts]


def theme_matrix(answers: pd.DataFrame, long: pd.DataFrame, areas: Areas, themes: list[str], threshold: int) -> pd.DataFrame:
    """Long table wijk x theme: answers, share of the wijk's answers (None below the threshold), label texts."""
    codes = list(areas.wijken["wijkcode"])
    names = areas.wijk_names()
    n_per_wijk = answers[answers["wijkcode"] != ""].groupby("wijkcode").size().reindex(codes, fill_value=0).to_numpy()
    counts = _theme_counts(long, codes, themes).to_numpy()
    n_rep = np.repeat(n_per_wijk, len(themes))
    k = counts.reshape(-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(n_rep >= threshold, k / np.maximum(n_rep, 1), np.nan)
    hidden = f"verborgen: minder dan {threshold} antwoorden"
    return pd.DataFrame(
        {
            "wijkcode": np.repeat(codes, len(themes)),
            "Wijk": np.repeat([names.get(c, c) for c in codes], len(themes)),
            "Thema": np.tile(themes, len(codes)),
            "Antwoorden": _small_many(k, threshold),
            "Antwoorden wijk": _small_many(n_rep, threshold),
            "Aandeel": pd.Series(share).astype(object).where(~np.isnan(share), None).to_numpy(),
            "Aandeel tekst": [hidden if s != s else percent(s) for s in share],
        }
    )


def words_beside_numbers(
    answers: pd.DataFrame, long: pd.DataFrame, areas: Areas, theme: str, indicator: str, threshold: int
) -> pd.DataFrame:
    """Per wijk: share of answers on ``theme`` next to the indicator's value (wijken with both)."""
    matrix = theme_matrix(answers, long, areas, [theme], threshold)
    values = indicator_by_wijk(areas, indicator)
    matrix["Waarde"] = matrix["wijkcode"].map(values)
    tiny = set(areas.wijken.loc[areas.wijken["inhabitants"].fillna(0) < SMALL_AREA_INHABITANTS, "wijkcode"])
    out = matrix[matrix["Aandeel"].notna() & matrix["Waarde"].notna() & ~matrix["wijkcode"].isin(tiny)]
    return out.reset_index(drop=True)


def comparison_table(
    answers: pd.DataFrame, records: pd.DataFrame, long: pd.DataFrame, areas: Areas, themes: list[str],
    indicators: list[str], threshold: int,
) -> pd.DataFrame:
    """One row per wijk: inhabitants, respondents, answers, per theme the share, and the chosen indicators."""
    names = areas.wijk_names()
    n_resp = records[records["wijkcode"] != ""].groupby("wijkcode").size() if not records.empty else pd.Series(dtype=int)
    n_ans = answers[answers["wijkcode"] != ""].groupby("wijkcode").size() if not answers.empty else pd.Series(dtype=int)
    codes = list(areas.wijken["wijkcode"])
    counts = _theme_counts(long, codes, themes)
    answers_n = n_ans.reindex(codes, fill_value=0).to_numpy()
    table = pd.DataFrame({"Wijk": [names[c] for c in codes], "Code": codes})
    table["Inwoners"] = areas.wijken["inhabitants"].to_numpy()
    table["Respondenten"] = _small_many(n_resp.reindex(codes, fill_value=0).to_numpy(), threshold)
    table["Antwoorden"] = _small_many(answers_n, threshold)
    enough = answers_n >= threshold
    for theme in themes:
        with np.errstate(divide="ignore", invalid="ignore"):
            pct = np.round(100 * counts[theme].to_numpy() / np.maximum(answers_n, 1), 1)
        table[f"{theme} (%)"] = np.where(enough, pct, np.nan)
    options = indicator_options(areas, 1)
    for key in indicators:
        table[options.get(key, key)] = indicator_by_wijk(areas, key).to_numpy()
    return table


def percent(value: float | None, decimals: int = 1) -> str:
    """Dutch percentage: 0.125 -> ``12,5%``."""
    if value is None or value != value:
        return "–"
    return f"{format_number(value * 100, decimals)}%"


def rate_per_1000(count: int, inhabitants: float) -> float | None:
    """Count per 1,000 inhabitants (None without inhabitants)."""
    if not inhabitants or inhabitants != inhabitants:
        return None
    return count / inhabitants * 1000
