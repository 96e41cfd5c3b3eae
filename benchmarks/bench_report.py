"""Benchmark: the summary of the bundled Gorinchem sample, from the analysed project to the files.

Measures, in one process after the project is analysed once (as the app has it in its cache):
- all 21 wijken in Word, PDF and Excel (bar: < 5 s);
- one wijk (Wijk 04 haarwijk) in the three formats (bar: < 1 s);
each time from the advice to the bytes: advice, report model, charts (PNG cache cleared: every chart rendered,
once, and reused by Word and PDF), writers. vl-convert's one-off engine start is measured separately (the app
pays it once per server). Baseline in the same run: pandas writing the answers table to xlsx (openpyxl), so
the ratio says something on a busy machine too.

Run: python benchmarks/bench_report.py
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def best(fn, n: int = 3) -> tuple[float, float]:
    """Best wall time and best CPU time of this process (the CPU time is what the code costs on a busy machine)."""
    walls, cpus = [], []
    for _ in range(n):
        t, c = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return min(walls), min(cpus)


def main() -> None:
    os.environ.setdefault("WIJKBEELD_DATA_DIR", tempfile.mkdtemp())
    import vl_convert as vlc

    from lib.advice.analysis import advise_project
    from lib.core.store import Store
    from lib.pipeline import analyse_project
    from lib.present import charts_advice
    from lib.report import write_all
    from lib.report.build import build_report
    from lib.sample import restore_sample

    store = Store(Path(os.environ["WIJKBEELD_DATA_DIR"]) / "bench.sqlite")
    pid = restore_sample(store)
    data = analyse_project(store, pid)

    t = time.perf_counter()
    vlc.vegalite_to_png('{"mark":"bar","data":{"values":[{"a":1}]},"encoding":{"x":{"field":"a","type":"quantitative"}}}')
    engine = time.perf_counter() - t

    def report(wijken=None):
        charts_advice._PNG_CACHE.clear()
        result = advise_project(data, settings=data.settings, wijken=wijken)
        return write_all(build_report(result))

    def baseline():
        buffer = io.BytesIO()
        data.answers[["source", "sheet", "row", "question", "answer_masked", "wijkcode", "themes", "tone"]].to_excel(
            buffer, index=False, engine="openpyxl")

    base, base_cpu = best(baseline)
    (everything, everything_cpu), (one, one_cpu) = best(report), best(lambda: report(["WK051204"]))
    sizes = {k: len(v) for k, v in report().items()}
    print(f"answers: {len(data.answers)}, wijken: {len(data.areas.wijken)}; files (all wijken): "
          + ", ".join(f"{k} {v / 1024:.0f} kB" for k, v in sizes.items()))
    print(f"vl-convert engine start (once per process): {engine:.2f} s")
    print(f"baseline (pandas -> xlsx of {len(data.answers)} answers): {base:.2f} s wall, {base_cpu:.2f} s CPU")
    for label, wall, cpu, bar in (("all wijken", everything, everything_cpu, 5), ("one wijk  ", one, one_cpu, 1)):
        print(f"{label}, docx+pdf+xlsx: {wall:.2f} s wall, {cpu:.2f} s CPU (bar < {bar} s: wall "
              f"{'met' if wall < bar else 'NOT met'}, CPU {'met' if cpu < bar else 'NOT met'}; {wall / base:.1f}x baseline)")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
