"""Theme and tone quality of the default codebook per set: hand-written evaluation (held out) and development answers
(``tests/data/``: ``dev`` and the blind-written second development set ``dev2``, when present) and the real participatory-budget proposals in ``/work/shared/data/text/`` (read from there,
never copied; skipped when absent).

Per set: answers counted, recall (at least one right theme), precision (share of tags that are right), untagged
share, tags per answer, micro-F1 (all counted over the answers a human gave a theme; for the real proposals also
the untagged share over all of them, ``untagged_all``); tone accuracy, recall per tone and a confusion table (hand-written sets).

Run: python benchmarks/bench_theme_quality.py [--sets dev,dev2,real] [--errors real|eval|dev|dev2]
[--tone-errors dev|dev2]

``--tone-errors`` lists the answers whose tone differs, for the development sets only: the evaluation set is held
out (its answers are never listed for tone, and its figures are for checking, not tuning).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from lib.themes.agreement import answer_level, summary, tone_confusion, tone_scores  # noqa: E402
from lib.themes.codebook import default_codebook  # noqa: E402
from lib.themes.tagger import Tagger  # noqa: E402

REAL = Path(os.environ.get("WIJKBEELD_PROPOSALS", "/work/shared/data/text/pabulib_dev_proposals.csv"))


def load_sets() -> dict[str, pd.DataFrame]:
    """name -> frame with ``answer``, ``themes`` and (hand-written sets) ``tone``."""
    sets = {}
    for name in ("eval", "dev", "dev2", "dev3"):
        path = ROOT / "tests" / "data" / f"{name}_themes.csv"
        if path.exists():
            sets[name] = pd.read_csv(path, dtype=str, keep_default_na=False)
    if REAL.exists():
        real = pd.read_csv(REAL, dtype=str, keep_default_na=False)
        text = (real["titel"] + ". " + real["omschrijving"]).str.strip(" .")
        sets["real"] = pd.DataFrame({"answer": text, "themes": real["themas_volgens_categorie"]})
    else:
        print(f"({REAL} not found: the real proposals are skipped)")
    return sets


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--errors", choices=["eval", "dev", "dev2", "real"], help="list the answers where tags differ")
    parser.add_argument("--tone-errors", choices=["dev", "dev2"], help="list the answers where the tone differs")
    parser.add_argument("--sets", default="eval,dev,dev2,real", help="comma-separated sets to measure")
    args = parser.parse_args()
    wanted = set(args.sets.split(","))
    codebook = default_codebook()
    tagger = Tagger(codebook)
    rows, tones = [], {}
    for name, frame in load_sets().items():
        if name not in wanted:
            continue
        out = tagger.tag_many(frame["answer"].tolist())
        level = answer_level(out["themes"], frame["themes"])
        micro = summary(out["themes"], frame["themes"], codebook.names)["micro_f1"]
        row = {"set": name, **level, "micro_f1": micro, "untagged_all": (out["themes"] == "").mean() if name == "real" else None}
        if "tone" in frame:
            scores = tone_scores(out["tone"], frame["tone"])
            row["tone_accuracy"] = scores["accuracy"]
            tones[name] = (scores, tone_confusion(out["tone"], frame["tone"]))
        rows.append(row)
        if args.errors == name:
            for text, auto, human in zip(frame["answer"], out["themes"], frame["themes"]):
                if human and set(auto.split("; ")) != set(human.split("; ")):
                    print(f"{text[:90]!r:95} auto={auto!r} human={human!r}")
        if args.tone_errors == name:
            for text, auto, human, score in zip(frame["answer"], out["tone"], frame["tone"], out["score"]):
                if auto != human:
                    print(f"{human:>8} <- {auto:8} {score:+.2f} {text}")
    print(pd.DataFrame(rows).round(2).to_string(index=False))
    for name, (scores, table) in tones.items():
        print(f"\ntone {name}: " + ", ".join(f"{k} {v:.2f}" for k, v in scores.items() if v is not None))
        print(table.to_string())


if __name__ == "__main__":
    main()
