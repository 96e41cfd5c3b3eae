"""The bad-input corpus (issue 11, quality bar): every file in tests/fixtures/bad/ plus the large ones generated at
test time, each with its expected outcome, through the reader the app uses and through the command line."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BAD, BAD_CORPUS, FIXTURES, ROOT, is_dutch
from lib.areas.figures import load_areas, read_area_table
from lib.areas.national import area_codes_of, foreign_gemeente
from lib.cli import main
from lib.core import errors
from lib.reading.surveys import read_survey

SMALL_AREAS = str(FIXTURES / "cbs" / "kwb_clean_unprefixed.csv")
SURVEY = str(FIXTURES / "excel_puntkomma.csv")
COMMITTED = sorted(n for n, e in BAD_CORPUS.items() if not e.get("large"))
MEMORY_BAR_MB = 1500

_spec = importlib.util.spec_from_file_location("make_bad_corpus", FIXTURES / "make_bad_corpus.py")
make_bad_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_bad_corpus)


@pytest.fixture(scope="session")
def large_files(tmp_path_factory) -> dict[str, Path]:
    """The large members, generated once per session."""
    return make_bad_corpus.make_large(tmp_path_factory.mktemp("bad_large"))


def test_every_file_in_the_corpus_has_an_expected_outcome():
    assert sorted(p.name for p in BAD.iterdir()) == COMMITTED
    assert set(make_bad_corpus.small_files()) <= set(COMMITTED)


def test_committed_files_are_what_the_generator_makes():
    for name, data in make_bad_corpus.small_files().items():
        assert (BAD / name).read_bytes() == data, name


def _read_like_the_app(name: str, data: bytes):
    kind = BAD_CORPUS[name].get("kind")
    if kind == "areas":
        return load_areas([(name, data)])
    if kind == "areas_other_gemeente":  # uploaded on Gebieden in a Gorinchem project: the page's check
        error = foreign_gemeente(name, area_codes_of(read_area_table(name, data)), "GM0512")
        if error is not None:
            raise error
        return None
    return read_survey(name, data)


def _check_refusal(name: str, exc: Exception) -> None:
    expected = BAD_CORPUS[name]
    assert isinstance(exc, getattr(errors, expected["error"])), (name, type(exc).__name__, exc)
    assert str(exc).startswith(f"{name}: ") and "\n" not in str(exc)
    assert all(w in exc.message for w in expected["words"]), exc.message
    assert is_dutch(exc.message), exc.message


@pytest.mark.parametrize("name", COMMITTED)
def test_reader_gives_the_expected_outcome(name):
    expected = BAD_CORPUS[name]
    data = (BAD / name).read_bytes()
    if expected["outcome"] == "read":
        survey = _read_like_the_app(name, data)
        assert survey.n_records == expected["records"]
        cells = [str(v) for s in survey.sheets for v in s.table.data.to_numpy().ravel()]
        assert not any("\x00" in c or "\ufffd" in c for c in cells)
    else:
        with pytest.raises(errors.WijkbeeldError) as info:
            _read_like_the_app(name, data)
        _check_refusal(name, info.value)


def _cli_args(name: str, path: Path, out: Path) -> list[str]:
    if BAD_CORPUS[name].get("kind") == "areas":
        return ["analyse", SURVEY, "--areas", str(path), "--out", str(out)]
    if BAD_CORPUS[name].get("kind") == "areas_other_gemeente":
        return ["analyse", SURVEY, "--gemeente", "Gorinchem", "--areas", str(path), "--out", str(out)]
    return ["analyse", str(path), "--areas", SMALL_AREAS, "--out", str(out)]


def _check_cli(name: str, rc: int, stderr: str, out: Path) -> None:
    expected = BAD_CORPUS[name]
    lines = stderr.strip().splitlines()
    if expected["outcome"] == "read":
        assert rc == 0, stderr
        assert out.exists()
    else:
        assert rc == 1 and len(lines) == 1, stderr
        assert lines[0].startswith(f"Fout: {name}: ")
        assert all(w in lines[0] for w in expected["words"]) and is_dutch(lines[0].replace(name, "")), lines[0]
        assert not out.exists()


@pytest.mark.parametrize("name", COMMITTED)
def test_cli_gives_one_dutch_line_or_success(name, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("WIJKBEELD_DATA_DIR", str(tmp_path / "data"))
    out = tmp_path / "uit.csv"
    rc = main(_cli_args(name, BAD / name, out))
    _check_cli(name, rc, capsys.readouterr().err, out)


def test_large_files_read_or_refused_within_memory(large_files, tmp_path):
    """The big ones, each in its own process (peak RSS measured): the CLI reads the 5,000-column CSV and refuses
    the 315 MB file from its size."""
    peaks = {}  # the reader on the wide file: tests/test_hardening_inputs.py
    for name, path in large_files.items():
        out = tmp_path / f"{name}.csv"
        proc = subprocess.run(
            [sys.executable, "-c", _MEASURED_CLI, *_cli_args(name, path, out)],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
            env={"WIJKBEELD_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        )
        stderr, peak = proc.stderr.rsplit("PEAK_RSS_MB ", 1)
        peaks[name] = float(peak)
        _check_cli(name, proc.returncode, stderr, out)
    print({k: f"{v:.0f} MB" for k, v in peaks.items()})
    assert max(peaks.values()) < MEMORY_BAR_MB, peaks


# runs the CLI and reports a bound of its peak RSS (with the tagger workers) on stderr
_MEASURED_CLI = """
import resource, sys
from lib.cli import main
try:
    rc = main(sys.argv[1:])
finally:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # upper bound of the peak: this process plus its two tagger workers, each at the largest worker's peak
    sys.stderr.write(f"PEAK_RSS_MB {(own + 2 * kids) / 1024:.1f}")
sys.exit(rc)
"""
