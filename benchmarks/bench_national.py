"""How fast the bundled national data loads one gemeente (bar: < 1 s for any gemeente).

Cold: in a fresh process (imports done, as in the app), the first gemeente loaded: the bundle is read and one
gemeente's areas with map and PC4 table are built. Warm: every one of the 342 gemeenten in one process (the bundle
read once). Baseline, measured in the same run: in a fresh process, pandas reading the bundled wijk CSV alone.

    python benchmarks/bench_national.py
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COLD = """
import time
from lib.areas.national import national_areas, national_pc4
t = time.perf_counter()
a = national_areas({code!r}); p = national_pc4({code!r})
print(time.perf_counter() - t, len(a.wijken))
"""
BASELINE = """
import time, gzip, io
import pandas as pd
t = time.perf_counter()
df = pd.read_csv(io.BytesIO(gzip.decompress(open({path!r}, 'rb').read())))
print(time.perf_counter() - t, len(df))
"""


def _run(code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    return float(out[0])


def main() -> None:
    from lib.areas.national import NL_DIR

    base = min(_run(BASELINE.format(path=str(NL_DIR / "kwb2024_wijken.csv.gz"))) for _ in range(3))
    print(f"baseline: pandas reads the bundled wijk CSV (fresh process): {base:.3f} s")
    for code, label in (("GM0512", "Gorinchem, 21 wijken"), ("GM0363", "Amsterdam, 110 wijken"), ("GM0060", "Ameland, 1 wijk")):
        cold = min(_run(COLD.format(code=code)) for _ in range(3))
        print(f"cold start {label}: {cold:.3f} s ({cold / base:.1f}x baseline; bar < 1 s: {'met' if cold < 1 else 'NOT met'})")
    from lib.areas.national import gemeenten, national_areas, national_pc4

    national_areas("GM0512")
    times = []
    for code in gemeenten()["gemeentecode"]:
        t = time.perf_counter()
        national_areas(code)
        national_pc4(code)
        times.append((time.perf_counter() - t, code))
    times.sort()
    print(f"warm, all {len(times)} gemeenten: median {times[len(times) // 2][0] * 1000:.0f} ms, "
          f"max {times[-1][0] * 1000:.0f} ms ({times[-1][1]})")


def bench_linking() -> None:
    """Name matching against the national register: 1,000 distinct misspelt names vs 3,393 wijken (rapidfuzz)."""
    import difflib
    import random

    from lib.areas.linking import Gazetteer, normalise_name
    from lib.areas.national import _wijken_all

    w = _wijken_all()
    gaz = Gazetteer(dict(zip(w["wijkcode"], w["wijknaam"])))
    rnd = random.Random(9)
    names = w["wijknaam"].sample(1000, random_state=9).tolist()
    typos = [n[: i] + n[i + 1:] if len(n) > 6 else n for n, i in ((n, rnd.randrange(max(1, len(n)))) for n in names)]
    t = time.perf_counter()
    links = [gaz.link_name(v) for v in typos]
    took = time.perf_counter() - t
    linked = sum(l.wijkcode is not None for l in links)
    keys = list(gaz._by_norm)
    t = time.perf_counter()
    for v in typos[:50]:
        q = normalise_name(v)
        max(difflib.SequenceMatcher(None, q, k).ratio() for k in keys)
    naive = (time.perf_counter() - t) / 50 * 1000
    per = took  # seconds for 1,000 names = ms per name
    print(f"linking 1,000 misspelt names (one letter dropped) against {len(gaz.names):,} wijken: {took:.2f} s, "
          f"{per:.1f} ms per name, {linked} linked (names shared by several gemeenten stay unlinked); "
          f"baseline difflib scoring alone: {naive:.0f} ms per name ({naive / per:.0f}x slower)")


if __name__ == "__main__":
    bench_linking()
    main()
