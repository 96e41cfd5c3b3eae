"""Benchmark: read, detect and link a 100k-row xlsx vs a bare pandas.read_excel(engine="calamine").

Run: python benchmarks/bench_read_link.py [--rows 100000]
Prints both timings (best of N) and the ratio; the bar is ratio <= 1.5.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lib.areas.figures import load_areas  # noqa: E402
from lib.areas.postcodes import read_postcode_table  # noqa: E402
from lib.pipeline import build_gazetteer
from lib.sample import sample_area_files  # noqa: E402
from lib.reading.surveys import collect, read_survey  # noqa: E402

# ward as residents write it -> a postcode in that wijk (or none)
WIJKEN = {"Laag Dalem": "4207 AB", "laag-dalem": "", "Binnenstad": "4201 AB", "Haarwijk": "4205 EF",
          "Lingewijk": "4206", "Stalkaarsen": "", "Gildenwijk": "4204CD", "Hoog Dalem": "4208", "Wijdschild": "",
          "Dalem": "4213 JK", "Lingewjik": "4206 XY", "weet ik niet": "", "WK051206": "4204"}
WORDS = ("de buurt is fijn maar er moet meer groen komen en de jongeren hebben niets te doen het buurthuis "
         "is vaak dicht parkeren is lastig ouderen voelen zich eenzaam de gemeente luistert niet").split()


def make_xlsx(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    rnd = random.Random(1)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Sheet1")
    ws.append(["ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "In welke wijk woont u?",
               "Wat is uw postcode?", "Wat is uw leeftijd?", "Hoe tevreden bent u?",
               "Wat vindt u het belangrijkste om te verbeteren in uw wijk?", "Wat gaat er goed in uw wijk?"])
    start = datetime(2024, 3, 1)
    for i in range(rows):
        t = start + timedelta(minutes=i)
        wijk = rnd.choice(list(WIJKEN))
        ws.append([i + 1, t, t + timedelta(minutes=7), "anonymous", None, wijk, WIJKEN[wijk],
                   rnd.choice(["18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75 of ouder"]),
                   rnd.choice(["Tevreden", "Neutraal", "Ontevreden"]),
                   " ".join(rnd.choices(WORDS, k=rnd.randint(4, 30))), " ".join(rnd.choices(WORDS, k=rnd.randint(2, 12)))])
    wb.save(path)


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"forms_{args.rows}.xlsx"
    if not path.exists():
        print(f"generating {path.name} ...", flush=True)
        make_xlsx(path, args.rows)
    data = path.read_bytes()
    files = sample_area_files()
    areas = load_areas([(n, d) for k, n, d in files if k != "postcode"])
    gaz = build_gazetteer(areas, [read_postcode_table(n, d) for k, n, d in files if k == "postcode"], {}, {})
    known = gaz.known_tokens()

    def baseline():
        pd.read_excel(path, engine="calamine")

    result = {}

    def ours():
        survey = read_survey(path.name, data, known_wijken=known)
        result["records"], result["answers"] = collect([survey], gaz)

    ours()  # warm-up (imports)
    t_base = best(baseline, args.repeat)
    t_ours = best(ours, args.repeat)
    recs = result["records"]
    print(f"rows: {len(recs):,}  answers: {len(result['answers']):,}  linked: {(recs['wijkcode'] != '').mean():.1%}")
    print(f"pandas.read_excel(engine='calamine'): {t_base:.2f} s")
    print(f"wijkbeeld read + detect + link:      {t_ours:.2f} s")
    print(f"ratio: {t_ours / t_base:.2f}x  (bar: <= 1.5x)")


if __name__ == "__main__":
    main()
