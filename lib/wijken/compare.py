"""Wijken side by side: wijk x theme shares, words beside numbers, the comparison table."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.areas.figures import Areas
from lib.core.suppression import SECONDARY, counts_with_mask, hidden_counts, suppress_shares
from lib.wijken.figures import indicator_by_wijk
from lib.wijken.reach import respondent_counts
from lib.wijken.rules import is_tiny
from lib.wijken.themes import answer_counts, theme_grid

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


def _theme_cells(answers: pd.DataFrame, long: pd.DataFrame, codes: list[str], themes: list[str], threshold: int):
    """Counts and hidden cells of the wijk x theme table for ``codes`` (rows), as arrays."""
    grid = theme_grid(answers, long, themes, threshold)
    counts = grid.counts.reindex(index=codes, columns=themes, fill_value=0).to_numpy()
    hidden = grid.cells.reindex(index=codes, columns=themes, fill_value=False).to_numpy(dtype=bool)
    return counts, hidden


def theme_matrix(answers: pd.DataFrame, long: pd.DataFrame, areas: Areas, themes: list[str], threshold: int) -> pd.DataFrame:
    """Long table wijk x theme: wijkcode, wijknaam, theme, answers and wijk_answers (Int64, hidden by the
    small-number rule or complementary suppression), share of the wijk's answers (NaN when the wijk has
    fewer answers than the threshold or when it would give a hidden count back), reason of the share
    (``few_answers``, ``complementary`` where hidden only to protect another cell), answers_reason and
    wijk_answers_reason (``complementary`` where that count is hidden only to protect another)."""
    codes = list(areas.wijken["wijkcode"])
    names = areas.wijk_names()
    base = answer_counts(answers, threshold, codes)
    counts, hidden = _theme_cells(answers, long, codes, themes, threshold)
    n_rep = np.repeat(base["n"].to_numpy(), len(themes))
    n_hidden = np.repeat(base["hidden"].to_numpy(dtype=bool), len(themes))
    k = counts.reshape(-1)
    k_hidden = hidden.reshape(-1)
    shares = suppress_shares(k, n_rep, threshold, part_hidden=k_hidden, base_hidden=n_hidden)
    k_secondary = k_hidden & ~hidden_counts(k, threshold)
    n_secondary = n_hidden & ~hidden_counts(n_rep, threshold)
    return pd.DataFrame(
        {
            "wijkcode": np.repeat(codes, len(themes)),
            "wijknaam": np.repeat([names.get(c, c) for c in codes], len(themes)),
            "theme": np.tile(themes, len(codes)),
            "answers": counts_with_mask(k, k_hidden).array,
            "wijk_answers": counts_with_mask(n_rep, n_hidden).array,
            "share": shares.astype(float),
            "reason": np.where(n_rep < threshold, "few_answers", np.where(k_secondary | n_secondary, SECONDARY, "")),
            "answers_reason": np.where(k_secondary, SECONDARY, ""),
            "wijk_answers_reason": np.where(n_secondary, SECONDARY, ""),
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
    hidden by the small-number rule or complementary suppression), respondents_reason, answers_reason
    (``complementary`` where hidden only to protect another wijk), one share column per theme (``share_columns``: column -> theme; NaN when
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
    codes = list(areas.wijken["wijkcode"])
    resp = respondent_counts(records, threshold, codes)
    base = answer_counts(answers, threshold, codes)
    counts, hidden = _theme_cells(answers, long, codes, themes, threshold)
    answers_n = base["n"].to_numpy()
    table = pd.DataFrame({"wijknaam": [names[c] for c in codes], "wijkcode": codes})
    table["inhabitants"] = areas.wijken["inhabitants"].astype(float).to_numpy()
    table["respondents"] = resp["respondents"].array
    table["answers"] = base["answers"].array
    share_columns, indicator_columns = {}, {}
    for i, theme in enumerate(themes):
        column = f"share_{i}"
        table[column] = suppress_shares(counts[:, i], answers_n, threshold, part_hidden=hidden[:, i],
                                        base_hidden=base["hidden"].to_numpy(dtype=bool))
        share_columns[column] = theme
    for i, key in enumerate(indicators):
        column = f"indicator_{i}"
        table[column] = indicator_by_wijk(areas, key).astype(float).to_numpy()
        indicator_columns[column] = key
    table["respondents_reason"] = resp["reason"].to_numpy()
    table["answers_reason"] = base["reason"].to_numpy()
    return Comparison(table, share_columns, indicator_columns)
