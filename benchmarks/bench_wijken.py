"""Benchmark: rerun time of the wijk pages with 100k answers and 500 synthetic wijken.

Changing the selected wijk (Wijkprofiel) or the map's indicator (Wijken vergelijken) must rerun the page
in under 300 ms server-side. Measured with Streamlit's AppTest (its own overhead included), after a
first run that fills the caches, on synthetic data: 500 square wijken, 100k tagged answers.

Run: python benchmarks/bench_wijken.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402


def synthetic(n_wijken: int = 500, n_answers: int = 100_000):
    from lib.areas.figures import Areas
    from lib.themes.codebook import default_codebook
    from lib.pipeline import AnalysedProject

    rnd = random.Random(3)
    codes = [f"WK99{i:04d}" for i in range(n_wijken)]
    wijken = pd.DataFrame({"wijkcode": codes, "wijknaam": [f"Wijk {i:03d}" for i in range(n_wijken)],
                           "inhabitants": [float(rnd.randint(200, 9000)) for _ in codes]})
    rows = []
    for key, label, unit in [("aantal_inwoners", "Aantal inwoners", "aantal"), ("65plus", "Inwoners 65 jaar of ouder", "%"),
                             ("0_15", "Inwoners 0 tot 15 jaar", "%"), ("15_25", "Inwoners 15 tot 25 jaar", "%"),
                             ("25_45", "Inwoners 25 tot 45 jaar", "%"), ("45_65", "Inwoners 45 tot 65 jaar", "%"),
                             ("pct_eenpersoonshhd", "Eenpersoonshuishoudens", "%")]:
        for code, inw in zip(codes + ["GM9999"], list(wijken["inhabitants"]) + [sum(wijken["inhabitants"])]):
            value = inw if key == "aantal_inwoners" else rnd.uniform(5, 40)
            rows.append({"area_code": code, "level": "gemeente" if code.startswith("GM") else "wijk", "indicator": key,
                         "label": label, "unit": unit, "year": 2024.0, "value": value, "source": "synthetisch"})
    side = int(np.ceil(np.sqrt(n_wijken)))
    features = []
    for i, code in enumerate(codes):
        x, y = 4.9 + (i % side) * 0.01, 51.8 + (i // side) * 0.01
        features.append({"type": "Feature", "properties": {"wijkcode": code, "wijknaam": f"Wijk {i:03d}"},
                         "geometry": {"type": "Polygon", "coordinates": [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]]}})
    areas = Areas("GM9999", "Synthetisch", wijken, pd.DataFrame(rows), geojson={"type": "FeatureCollection", "features": features},
                  gemeenten={"GM9999": "Synthetisch"})
    book = default_codebook()
    themes = np.array(book.names, dtype=object)
    sources = ["enquete.xlsx", "dialoog.xlsx", "evaluatie.csv", "jongeren.csv"]
    wijk_of = np.array(codes, dtype=object)[np.random.default_rng(1).integers(0, n_wijken, n_answers)]
    theme_sets = ["; ".join(sorted(rnd.sample(book.names, rnd.randint(0, 3)), key=book.names.index)) for _ in range(n_answers)]
    answers = pd.DataFrame({
        "source": [sources[i % 4] for i in range(n_answers)], "sheet": "", "row": np.arange(n_answers) + 2,
        "question": "Wat kan er beter?", "answer": [f"Antwoord {i} over de buurt en het buurthuis" for i in range(n_answers)],
        "wijkcode": wijk_of, "wijknaam": "", "trajectory": [sources[i % 4] for i in range(n_answers)],
        "trajectory_type": "", "trajectory_date": ["2024-03-01", "2023-10-01", "2023-11-30", "2024-05-20"] * (n_answers // 4),
        "source_id": 1, "respondent": np.arange(n_answers).astype(str), "wijk_raw": "", "postcode_raw": "",
        "age": np.random.default_rng(2).integers(12, 90, n_answers).astype(float), "method": "naam", "confidence": 1.0,
        "reason": "", "answer_key": [f"k{i}" for i in range(n_answers)], "themes": theme_sets,
        "themes_auto": theme_sets, "tone": [("negatief", "neutraal", "positief")[i % 3] for i in range(n_answers)],
        "tone_auto": "neutraal", "score": 0.0, "corrected": False,
    })
    records = answers[["source", "sheet", "row", "respondent", "wijk_raw", "postcode_raw", "age", "wijkcode", "wijknaam",
                       "method", "confidence", "reason", "source_id", "trajectory", "trajectory_type", "trajectory_date"]].copy()
    del themes
    answers["answer_masked"] = answers["answer"]
    return AnalysedProject(areas, None, [], records, answers, book, version="synthetic")


def time_reruns(page: str, change, repeats: int = 7) -> list[float]:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=300)
    at.run()
    at.switch_page(page)
    at.run()  # first run fills the caches
    assert not at.exception, [e.value for e in at.exception]
    times = []
    for i in range(repeats):
        change(at, i)
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        assert not at.exception, [e.value for e in at.exception]
    return times


def main() -> None:
    os.environ["WIJKBEELD_DATA_DIR"] = tempfile.mkdtemp()
    import ui
    from lib.core.store import Store

    store = Store(Path(os.environ["WIJKBEELD_DATA_DIR"]) / "wijkbeeld.sqlite")
    store.set_meta("last_project", str(store.create_project("Benchmark").id))
    print("building 100k answers over 500 wijken ...", flush=True)
    data = synthetic()
    ui.analysed = lambda _store, _pid: data  # the pages read the project through this one function
    codes = list(data.areas.wijken["wijkcode"])

    def other_wijk(at, i):
        at.selectbox(key="profile_wijk").set_value(codes[(i * 37 + 5) % len(codes)])

    keys = ["65plus", "0_15", "pct_eenpersoonshhd", "aantal_inwoners"]

    def other_indicator(at, i):
        at.selectbox(key="map_indicator").set_value(keys[i % len(keys)])

    for label, page, change in [("Wijkprofiel: another wijk", "pages/7_Wijkprofiel.py", other_wijk),
                                ("Vergelijken: another map indicator", "pages/8_Vergelijken.py", other_indicator)]:
        times = time_reruns(page, change)
        print(f"{label:38s} median {statistics.median(times) * 1000:6.0f} ms, max {max(times) * 1000:6.0f} ms (bar: < 300 ms)")


if __name__ == "__main__":
    main()
