"""Wijken side by side: wijk x theme shares, words beside numbers, the comparison table."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.areas.figures import Areas
from lib.core.suppression import suppress_counts
from lib.wijken.figures import indicator_by_wijk
from lib.wijken.rules import is_tiny

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
