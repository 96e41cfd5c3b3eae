"""Quality of the default codebook on labelled resident answers written blind to its keywords.

``eval_themes.csv`` is held out: it is only measured, never used to choose keywords.
``dev_themes.csv`` (another author) and ``dev2_themes.csv`` (a third, written blind to the tagger) were used for
error analysis. The floors guard against regressions;
the README reports the measured values.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lib.themes.agreement import summary
from lib.themes.codebook import default_codebook
from lib.themes.tagger import Tagger

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(default_codebook())


@pytest.mark.parametrize(
    "name,min_micro,min_macro,min_tone",
    [("eval", 0.80, 0.79, 0.78), ("dev", 0.87, 0.87, 0.93), ("dev2", 0.78, 0.78, 0.87), ("dev3", 0.72, 0.70, 0.83)],
)
def test_default_codebook_quality(tagger, name, min_micro, min_macro, min_tone):
    labelled = pd.read_csv(DATA / f"{name}_themes.csv", keep_default_na=False, dtype=str)
    assert len(labelled) >= 300
    out = tagger.tag_many(labelled["answer"].tolist())
    scores = summary(out["themes"], labelled["themes"], default_codebook().names)
    assert scores["micro_f1"] >= min_micro, scores
    assert scores["macro_f1"] >= min_macro, scores
    assert (out["tone"] == labelled["tone"]).mean() >= min_tone


def test_agreement_metrics_on_a_hand_checked_example():
    auto = ["A; B", "A", "", "B"]
    human = ["A", "A; B", "B", "B"]
    s = summary(auto, human, ["A", "B"])
    # A: tp 2 fp 0 fn 0; B: tp 1 fp 1 fn 2 -> micro P 3/4, R 3/5
    assert s["micro_precision"] == pytest.approx(0.75)
    assert s["micro_recall"] == pytest.approx(0.6)
    assert s["micro_f1"] == pytest.approx(2 * 3 / (2 * 3 + 1 + 2))
    # pooled 2x2 over 8 decisions: tp 3, fp 1, fn 2, tn 2 -> po 5/8, pe (4*5 + 4*3)/64 = 0.5
    assert s["kappa"] == pytest.approx((5 / 8 - 0.5) / 0.5)
