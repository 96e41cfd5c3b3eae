"""Benchmark: tag 100k answers end to end through ``python -m lib analyse``.

Compared in the same run with
  (a) pandas reading and writing the same CSV (bar: Wijkbeeld <= 3x), both as fresh processes, and
  (b) a straightforward nltk pipeline: tokenise every answer, stem every token, look each stem up
      (bar: Wijkbeeld >= 5x faster), run in-process on the same answers.
Also times re-tagging a few thousand answers after a codebook edit (bar: < 1 s).

Run: python benchmarks/bench_tagging.py [--answers 100000]
The answers are recombined from the bundled (fictional) sample answers, never from the evaluation set.
"""

from __future__ import annotations

import argparse
import csv
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from lib.themes.codebook import default_codebook  # noqa: E402
from lib.themes.tagger import Tagger  # noqa: E402


RUNS = 5
"""Runs of each command, interleaved; the best of each counts."""


def sample_sentences() -> list[str]:
    """Sentences of the bundled sample answers."""
    from lib.areas.figures import load_areas
    from lib.pipeline import build_gazetteer
    from lib.sample import sample_area_files, sample_survey_files
    from lib.reading.surveys import collect, read_survey

    files = sample_area_files()
    areas = load_areas([(n, d) for k, n, d in files if k == "gebied"])
    gaz = build_gazetteer(areas, [], {}, {})
    surveys = [read_survey(p.name, p.read_bytes()) for p in sample_survey_files()]
    _, answers = collect(surveys, gaz)
    sentences = []
    for text in answers["answer"]:
        sentences += [s.strip() for s in str(text).replace("\n", " ").split(".") if len(s.strip()) > 10]
    return sentences


def make_csv(path: Path, n: int) -> None:
    rnd = random.Random(7)
    sentences = sample_sentences()
    wijken = ["Laag Dalem", "Binnenstad", "Haarwijk", "Lingewijk", "Stalkaarsen", "Gildenwijk", "Hoog Dalem"]
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Respondent", "Wijk", "Wat kan er beter in uw wijk?"])
        for i in range(n):
            text = ". ".join(rnd.choices(sentences, k=rnd.choice([1, 1, 2, 2, 3]))) + "."
            writer.writerow([i + 1, rnd.choice(wijken), text])


def timed_process(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def naive_nltk(texts: list[str], codebook) -> list[set[str]]:
    """Tokenise every answer, stem every token (no memo), look each stem up."""
    from nltk.stem.snowball import SnowballStemmer
    from nltk.tokenize import RegexpTokenizer

    tokenizer = RegexpTokenizer(r"\w+")
    stemmer = SnowballStemmer("dutch")
    lookup: dict[str, set[str]] = {}
    for theme in codebook.themes:
        for kw in theme.keywords:
            lookup.setdefault(stemmer.stem(kw.lstrip("=").split()[0]), set()).add(theme.name)
    out = []
    for text in texts:
        found: set[str] = set()
        for token in tokenizer.tokenize(text.lower()):
            found |= lookup.get(stemmer.stem(token), set())
        out.append(found)
    return out


def naive_main(src: str, dst: str) -> None:
    """The straightforward pipeline as a command: read, tag every answer token by token, write."""
    frame = pd.read_csv(src)
    texts = frame["Wat kan er beter in uw wijk?"].astype(str).tolist()
    frame["themes"] = ["; ".join(sorted(t)) for t in naive_nltk(texts, default_codebook())]
    frame.to_csv(dst, index=False)


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--naive":
        naive_main(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=100_000)
    args = parser.parse_args()
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    src = out / f"answers_{args.answers}.csv"
    if not src.exists():
        print(f"generating {src.name} ...", flush=True)
        make_csv(src, args.answers)
    size_mb = src.stat().st_size / 1e6
    py = sys.executable
    # interleaved, best of 5 each: the machine's speed drifts by a third within a minute, and a drift during
    # one side's block of runs would otherwise decide the ratio
    pandas_cmd = [py, "-c", f"import pandas as pd; pd.read_csv({str(src)!r}).to_csv({str(out / 'pandas.csv')!r}, index=False)"]
    ours_cmd = [py, "-m", "lib", "analyse", str(src), "--out", str(out / "tagged.csv")]
    pairs = [(timed_process(pandas_cmd), timed_process(ours_cmd)) for _ in range(RUNS)]
    baseline, ours = min(p for p, _ in pairs), min(o for _, o in pairs)
    # the straightforward pipeline, end to end like ours: read the CSV, tag, write the result
    naive = timed_process([py, str(Path(__file__)), "--naive", str(src), str(out / "naive.csv")])
    texts = pd.read_csv(src)["Wat kan er beter in uw wijk?"].astype(str).tolist()
    codebook = default_codebook()
    start = time.perf_counter()
    Tagger(codebook).tag_many(texts)
    in_process = time.perf_counter() - start

    few = texts[:5000]
    edited = codebook.add_keywords(codebook.names[0], ["alleenstaand", "vereenzaamd"])
    start = time.perf_counter()
    Tagger(edited).tag_many(few)
    retag = time.perf_counter() - start

    result = pd.read_csv(out / "tagged.csv", usecols=["themes", "tone"], keep_default_na=False)
    print(f"answers: {len(texts):,} ({size_mb:.1f} MB); with a theme: {(result['themes'] != '').mean():.0%}")
    print(f"pandas read_csv + to_csv (process, best of {RUNS}):{baseline:6.2f} s")
    print(f"python -m lib analyse (end to end, best of {RUNS}): {ours:6.2f} s   ratio {ours / baseline:.2f}x  (bar: <= 3x)")
    print(f"naive nltk pipeline (process, end to end): {naive:6.2f} s   Wijkbeeld is {naive / ours:.1f}x faster (bar: >= 5x)")
    print(f"Wijkbeeld tagging alone, in-process:       {in_process:6.2f} s")
    print(f"re-tag 5,000 answers after a codebook edit: {retag:6.2f} s  (bar: < 1 s)")


if __name__ == "__main__":
    main()
