"""How well automatic tags agree with human labels: precision, recall, F1, Cohen's kappa."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd


def _sets(labels: Sequence) -> list[set[str]]:
    out = []
    for value in labels:
        if isinstance(value, str):
            out.append({t.strip() for t in value.split(";") if t.strip()})
        else:
            out.append(set(value or ()))
    return out


def per_theme(auto: Sequence, human: Sequence, themes: Sequence[str]) -> pd.DataFrame:
    """Per theme: counts (tp, fp, fn, tn), precision, recall, F1 and Cohen's kappa of auto vs human."""
    a_sets, h_sets = _sets(auto), _sets(human)
    n = len(a_sets)
    rows = []
    for theme in themes:
        tp = sum(1 for a, h in zip(a_sets, h_sets) if theme in a and theme in h)
        fp = sum(1 for a, h in zip(a_sets, h_sets) if theme in a and theme not in h)
        fn = sum(1 for a, h in zip(a_sets, h_sets) if theme not in a and theme in h)
        tn = n - tp - fp - fn
        precision = tp / (tp + fp) if tp + fp else None
        recall = tp / (tp + fn) if tp + fn else None
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
        rows.append(
            {
                "thema": theme, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
                "precision": precision, "recall": recall, "f1": f1, "kappa": cohens_kappa(tp, fp, fn, tn),
                "support": tp + fn,
            }
        )
    return pd.DataFrame(rows)


def cohens_kappa(tp: int, fp: int, fn: int, tn: int) -> float | None:
    """Cohen's kappa of a 2x2 table (None when undefined: both raters constant)."""
    n = tp + fp + fn + tn
    if n == 0:
        return None
    observed = (tp + tn) / n
    expected = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1 - expected)


def summary(auto: Sequence, human: Sequence, themes: Sequence[str]) -> dict[str, float | None]:
    """Micro and macro F1, micro precision/recall and pooled Cohen's kappa over all theme decisions."""
    table = per_theme(auto, human, themes)
    tp, fp, fn, tn = (int(table[c].sum()) for c in ("tp", "fp", "fn", "tn"))
    micro_p = tp / (tp + fp) if tp + fp else None
    micro_r = tp / (tp + fn) if tp + fn else None
    micro_f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
    supported = table[table["support"] > 0]
    macro_f1 = float(supported["f1"].fillna(0).mean()) if not supported.empty else None
    return {
        "micro_precision": micro_p,
        "micro_recall": micro_r,
        "micro_f1": micro_f1,
        "macro_f1": macro_f1,
        "kappa": cohens_kappa(tp, fp, fn, tn),
        "answers": len(table) and len(_sets(auto)),
    }


def answer_level(auto: Sequence, human: Sequence) -> dict[str, float | None]:
    """Per answer, over the answers a human gave at least one theme: ``recall`` (share with at least one
    right theme), ``precision`` (share of the automatic tags that are right), ``untagged`` (share with no
    automatic theme) and ``tags_per_answer``; ``answers`` is how many answers were counted."""
    pairs = [(a, h) for a, h in zip(_sets(auto), _sets(human)) if h]
    if not pairs:
        return {"answers": 0, "recall": None, "precision": None, "untagged": None, "tags_per_answer": None}
    tags = sum(len(a) for a, _h in pairs)
    return {
        "answers": len(pairs),
        "recall": sum(1 for a, h in pairs if a & h) / len(pairs),
        "precision": sum(len(a & h) for a, h in pairs) / tags if tags else None,
        "untagged": sum(1 for a, _h in pairs if not a) / len(pairs),
        "tags_per_answer": tags / len(pairs),
    }


TONE_ORDER = ("negatief", "neutraal", "positief")


def tone_confusion(auto: Sequence[str], human: Sequence[str]) -> pd.DataFrame:
    """Counts of human tone (rows) against automatic tone (columns), in the order negatief, neutraal, positief."""
    table = pd.crosstab(pd.Categorical(list(human), TONE_ORDER), pd.Categorical(list(auto), TONE_ORDER), dropna=False)
    table.index.name, table.columns.name = "human", "auto"
    return table


def tone_scores(auto: Sequence[str], human: Sequence[str]) -> dict[str, float | None]:
    """Accuracy and, per tone, recall (share of the human's answers of that tone the tagger gave the same tone)."""
    auto, human = list(auto), list(human)
    out: dict[str, float | None] = {"accuracy": sum(a == h for a, h in zip(auto, human)) / len(human) if human else None}
    for tone in TONE_ORDER:
        given = [a for a, h in zip(auto, human) if h == tone]
        out[tone] = sum(a == tone for a in given) / len(given) if given else None
    return out
