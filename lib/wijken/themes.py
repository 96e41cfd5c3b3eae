"""What residents raised in a wijk: theme shares against the gemeente, tone, typical answers.

Answers per wijk and theme form one table (``theme_grid``): wijk (rows, ``""`` = not linked) x theme.
An answer can raise several themes, so rows have no total, but each column adds up to the gemeente's
count of the theme, which its share of all answers gives away: complementary suppression runs down
the columns. Answers per wijk (``answer_counts``) add up to all answers (on the start page) in the same way.
The unlinked row is published exactly (the Antwoorden page finds it), so it is never the protection.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.core.privacy import mask_text
from lib.core.suppression import (
    SECONDARY,
    complementary,
    complementary_table,
    counts_with_mask,
    hidden_counts,
    suppress_shares,
)
from lib.themes.tagger import split_themes
from lib.wijken.rules import enough_answers, is_over_represented, representation_ratio


def answers_per_wijk(answers: pd.DataFrame) -> pd.Series:
    """Answers per wijk code (raw counts, for bases inside lib: never shown)."""
    if answers.empty:
        return pd.Series(dtype="int64")
    return answers.groupby("wijkcode").size()


def answer_counts(answers: pd.DataFrame, threshold: int, codes=None, *, per: pd.Series | None = None) -> pd.DataFrame:
    """Answers per wijk: wijkcode, n (raw, for bases inside lib: never shown), answers (Int64, ``<NA>``
    where hidden), hidden (bool), reason (``complementary`` where hidden only so that another wijk's
    small number cannot be recomputed from the total). ``codes``: wijken to list (default: with answers).
    ``per``: ``answers_per_wijk(answers)``, when the caller already has it."""
    per = answers_per_wijk(answers) if per is None else per
    order = list(per.index)
    exact = np.array([c == "" for c in order])
    mask = pd.Series(complementary(per.to_numpy(), threshold, exact=exact), index=order, dtype=bool)
    if codes is None:
        codes = [c for c in order if c != ""]
    n = per.reindex(codes, fill_value=0).to_numpy()
    hidden = mask.reindex(codes, fill_value=False).to_numpy(dtype=bool)
    return pd.DataFrame({
        "wijkcode": list(codes), "n": n, "answers": counts_with_mask(n, hidden).array, "hidden": hidden,
        "reason": np.where(hidden & ~hidden_counts(n, threshold), SECONDARY, ""),
    })


@dataclass
class ThemeGrid:
    """Answers per wijk (rows) x theme (columns): ``counts`` (raw), ``cells`` (hidden, bool),
    ``primary`` (hidden by the count rule itself), ``gemeente`` (count per theme, all answers) and
    ``gemeente_hidden``."""

    counts: pd.DataFrame
    cells: pd.DataFrame
    primary: pd.DataFrame
    gemeente: pd.Series
    gemeente_hidden: pd.Series


def theme_grid(answers: pd.DataFrame, long: pd.DataFrame, themes: list[str], threshold: int) -> ThemeGrid:
    """The wijk x theme table with the small-number rule and complementary suppression down each theme."""
    rows = list(answers_per_wijk(answers).index)
    if "" not in rows:
        rows.append("")
    if long.empty:
        counts = pd.DataFrame(0, index=rows, columns=themes)
    else:
        counts = long.groupby(["wijkcode", "theme"]).size().unstack(fill_value=0)
        counts = counts.reindex(index=sorted(set(rows) | set(counts.index)), columns=themes, fill_value=0)
    exact = [counts.index.get_loc("")]
    cells, _, cols = complementary_table(counts.to_numpy(), threshold, row_totals=False, exact_rows=exact)
    frame = lambda m: pd.DataFrame(m, index=counts.index, columns=themes)  # noqa: E731
    return ThemeGrid(counts, frame(cells), frame(hidden_counts(counts.to_numpy(), threshold)), counts.sum(axis=0),
                     pd.Series(cols, index=themes))


def _tone_shares(neg: int, pos: int, k: int, k_hidden: bool, threshold: int) -> tuple[float, float]:
    """Negative and positive share of a theme's k answers; neutral ones are never shown, so they count as
    hidden in the complementary rule (k = negative + positive + neutral)."""
    parts = np.array([neg, pos, k - neg - pos], dtype=float)
    mask = complementary(parts, threshold, hidden=np.array([False, False, True]))
    out = suppress_shares(parts[:2], k, threshold, part_hidden=mask[:2], base_hidden=k_hidden)
    return float(out[0]), float(out[1])


def theme_shares(answers: pd.DataFrame, long: pd.DataFrame, wijkcode: str, themes: list[str], threshold: int,
                 grid: ThemeGrid | None = None, per: pd.Series | None = None) -> pd.DataFrame:
    """Per theme: answers in the wijk, share of the wijk's answers, gemeente share, ratio, tone.

    Columns: theme, answers (Int64, hidden by the small-number rule or complementary suppression),
    wijk_share, gemeente_share, ratio, negative, positive (floats; NaN where the share would give a
    hidden count back: its part is hidden or its base is below the threshold), over_represented (bool,
    the named rule), reason (``below_threshold`` when the wijk has too few answers, ``complementary``
    where the count or the wijk's total is hidden only to protect another), answers_reason
    (``complementary`` where the count is). Shown counts first, most first; hidden ones by name.
    ``grid``: ``theme_grid`` of the same answers, ``per``: their ``answers_per_wijk``, when the caller already made
    them (once per project and filters).
    """
    grid = theme_grid(answers, long, themes, threshold) if grid is None else grid
    base = answer_counts(answers, threshold, [wijkcode], per=per).iloc[0]
    n_wijk, n_hidden = int(base["n"]), bool(base["hidden"])
    n_all = len(answers)
    row = grid.counts.loc[wijkcode] if wijkcode in grid.counts.index else pd.Series(0, index=themes)
    hidden = grid.cells.loc[wijkcode] if wijkcode in grid.cells.index else pd.Series(False, index=themes)
    k = row.reindex(themes).to_numpy(dtype=float)
    k_hidden = hidden.reindex(themes).to_numpy(dtype=bool)
    wijk_share = suppress_shares(k, n_wijk, threshold, part_hidden=k_hidden, base_hidden=n_hidden)
    gm_share = suppress_shares(grid.gemeente.reindex(themes).to_numpy(dtype=float), n_all, threshold,
                               part_hidden=grid.gemeente_hidden.reindex(themes).to_numpy(dtype=bool))
    in_wijk = long[long["wijkcode"] == wijkcode]
    tones = in_wijk.groupby("theme")["tone"].value_counts().unstack(fill_value=0)
    rows = []
    for i, theme in enumerate(themes):
        neg = int(tones.at[theme, "negatief"]) if theme in tones.index and "negatief" in tones.columns else 0
        pos = int(tones.at[theme, "positief"]) if theme in tones.index and "positief" in tones.columns else 0
        negative, positive = _tone_shares(neg, pos, int(k[i]), bool(k_hidden[i]), threshold)
        ws = None if wijk_share[i] != wijk_share[i] else float(wijk_share[i])
        gs = None if gm_share[i] != gm_share[i] else float(gm_share[i])
        secondary = k_hidden[i] and not hidden_counts(k[i], threshold)
        rows.append(
            {
                "theme": theme,
                "answers": pd.NA if k_hidden[i] else int(k[i]),
                "wijk_share": ws,
                "gemeente_share": gs,
                "ratio": representation_ratio(ws, gs),
                "negative": negative,
                "positive": positive,
                "over_represented": is_over_represented(ws, gs),
                "reason": "below_threshold" if not enough_answers(n_wijk, threshold) else (
                    SECONDARY if secondary or n_hidden else ""),
                "answers_reason": SECONDARY if secondary else "",
                "_order": threshold - 0.5 if k_hidden[i] else k[i],  # hidden between shown and 0: order reveals nothing
            }
        )
    out = pd.DataFrame(rows, columns=["theme", "answers", "wijk_share", "gemeente_share", "ratio", "negative", "positive",
                                      "over_represented", "reason", "answers_reason", "_order"])
    out = out.sort_values(["_order", "theme"], ascending=[False, True]).reset_index(drop=True)
    out["answers"] = out["answers"].astype("Int64")
    for col in ("wijk_share", "gemeente_share", "ratio", "negative", "positive"):
        out[col] = out[col].astype(float)
    out["over_represented"] = out["over_represented"].astype(bool)
    return out.drop(columns="_order")


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
