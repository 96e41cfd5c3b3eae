"""What residents raised in a wijk: theme shares against the gemeente, tone, typical answers."""

from __future__ import annotations

import pandas as pd

from lib.core.privacy import mask_text
from lib.core.suppression import is_hidden_count, share, suppress_counts
from lib.themes.tagger import split_themes
from lib.wijken.rules import enough_answers, is_over_represented, representation_ratio


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
