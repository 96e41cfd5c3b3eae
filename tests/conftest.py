"""Shared fixtures for the Wijkbeeld unit tests.

Everything here reads the real fixture files in ``tests/fixtures`` and the
bundled Gorinchem areas; anything large is generated in ``tmp_path``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lib.areas.figures import load_areas
from lib.areas.postcodes import read_postcode_table
from lib.pipeline import build_gazetteer
from lib.sample import sample_area_files
from lib.core.store import Store

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
BAD = FIXTURES / "bad"
CBS = FIXTURES / "cbs"
SHARED_KWB = FIXTURES / "cbs"  # CBS files copied into the repo (CC BY 4.0, see tests/fixtures/README.md)



def _scan_components_once() -> None:
    """Every ``AppTest`` scans all installed packages for Streamlit components (0.5 s each, the same answer every
    time in one test process; Wijkbeeld has none): scan once per process."""
    import functools

    from streamlit.components.v2 import manifest_scanner

    if not hasattr(manifest_scanner.scan_component_manifests, "cache_info"):
        manifest_scanner.scan_component_manifests = functools.lru_cache(maxsize=1)(manifest_scanner.scan_component_manifests)


_scan_components_once()

EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
BASE = EXPECTED["base"]
RESPONDENTS = {r["id"]: r for r in BASE["respondents"]}
GOOD_FILES = sorted(EXPECTED["files"])
TEXT_FILES = sorted(n for n, f in EXPECTED["files"].items() if not f.get("sheets"))
BAD_FILES = sorted(p.name for p in BAD.iterdir())
BAD_CORPUS = json.loads((FIXTURES / "bad_corpus.json").read_text(encoding="utf-8"))
"""Expected outcome of every bad-input file (``read`` or ``refused``), see tests/fixtures/make_bad_corpus.py."""

# Words that only a Dutch sentence contains; English words that must not appear.
_DUTCH_WORDS = {
    "de", "het", "een", "is", "niet", "geen", "dit", "bestand", "werkmap", "met", "van", "opnieuw", "leeg",
    "kan", "worden", "wachtwoord", "rijen", "blad", "bladen", "tabel", "gevonden",
}
_ENGLISH_WORDS = {"the", "file", "error", "password", "cannot", "invalid", "not", "found", "traceback"}


def is_dutch(message: str) -> bool:
    """True when a message reads as a Dutch sentence (and has no English error words)."""
    words = set(re.findall(r"[a-zà-ÿ]+", message.lower()))
    return len(words & _DUTCH_WORDS) >= 2 and not (words & _ENGLISH_WORDS)


def fixture_bytes(name: str) -> bytes:
    """Bytes of a survey fixture (``bad/x`` and ``cbs/x`` work too)."""
    return (FIXTURES / name).read_bytes()


def sheet_specs() -> list[tuple[str, str, dict]]:
    """``(file, sheet, spec)`` for every table sheet of every good survey fixture (sheet '' for text files)."""
    out = []
    for name in GOOD_FILES:
        spec = EXPECTED["files"][name]
        if spec.get("sheets"):
            for sheet in spec["table_sheets"]:
                out.append((name, sheet, spec["sheets"][sheet]))
        else:
            rows = list(range(spec["header_row"] + 1, spec["header_row"] + 1 + spec["n_data_rows"]))
            out.append((name, "", {"header_row": spec["header_row"], "n_data_rows": spec["n_data_rows"], "data_rows": rows}))
    return out


def respondent_ids(name: str, sheet: str, table) -> list[int]:
    """Base respondent id of every record of a fixture table, in record order.

    The notes workbook numbers its rows per venue, so its ids come from expected.json.
    """
    spec = EXPECTED["files"][name]
    if name == "notes_workbook.xlsx":
        return list(spec["sheets"][sheet]["respondent_ids"])
    return [int(float(v)) for v in table.data[spec["id_header"]]]


# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def store(tmp_path) -> Store:
    """A fresh project database in a temporary folder."""
    return Store(tmp_path / "db.sqlite")


@pytest.fixture
def app_store(tmp_path, monkeypatch) -> Store:
    """The project database the app opens in this test (``WIJKBEELD_DATA_DIR`` points at a temporary folder)."""
    monkeypatch.setenv("WIJKBEELD_DATA_DIR", str(tmp_path))
    return Store(tmp_path / "wijkbeeld.sqlite")


def project_with_areas(store: Store, name: str = "Test"):
    """A project with the bundled Gorinchem area files; the app opens it (it is the last project)."""
    project = store.create_project(name)
    for kind, file_name, data in sample_area_files():
        store.add_file(project.id, file_name, kind, data)
    store.set_meta("last_project", str(project.id))
    return project


def add_forms_survey(store: Store, project_id: int) -> None:
    """The sample's Microsoft Forms survey with its trajectory (it asks how residents want to be involved)."""
    from lib.sample import SAMPLE_TRAJECTORIES, sample_survey_files

    path = next(f for f in sample_survey_files() if "microsoft_forms" in f.name)
    trajectory, kind, date = SAMPLE_TRAJECTORIES[path.name]
    store.add_file(project_id, path.name, "enquete", path.read_bytes(), trajectory=trajectory, trajectory_type=kind,
                   trajectory_date=date)


def open_app(page: str | None = None, timeout: float = 60, *, secrets: dict | None = None, user: dict | None = None,
             query: dict | None = None):
    """The app in AppTest, on ``page`` (a path under ``pages/``) when given; fails on any exception shown.
    ``secrets``, ``user`` and ``query`` (URL parameters) are set before the first run."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=timeout)
    if secrets is not None:
        at.secrets = secrets
    if user is not None:
        at.user = user
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def fresh_caches():
    """AppTest does not clear Streamlit's caches between tests: each page test starts and ends with none."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(scope="session")
def gorinchem_area_files() -> list[tuple[str, str, bytes]]:
    """``(kind, name, bytes)`` of the bundled Gorinchem area files."""
    return sample_area_files()


@pytest.fixture(scope="session")
def gorinchem_areas(gorinchem_area_files):
    """The Gorinchem areas (KWB CSVs + GeoJSON), loaded once."""
    return load_areas([(name, data) for kind, name, data in gorinchem_area_files if kind in ("gebied", "geo")])


@pytest.fixture(scope="session")
def gorinchem_postcodes(gorinchem_area_files):
    """The Gorinchem PC4 table as ``[(pc4, pc6)]``."""
    return [read_postcode_table(name, data) for kind, name, data in gorinchem_area_files if kind == "postcode"]


@pytest.fixture(scope="session")
def gazetteer(gorinchem_areas, gorinchem_postcodes):
    """Gazetteer of Gorinchem with the PC4 shares and no user aliases. Do not mutate."""
    return build_gazetteer(gorinchem_areas, gorinchem_postcodes, {}, {})


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright, one per test module (never a downloaded browser)."""
    from browser import CHROMIUM, CHROMIUM_ARGS

    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's Chromium is missing: run tests/run.sh, which installs it with apt-get")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


SLOWEST_FILES = [
    "test_deeplinks.py", "test_pages.py", "test_browser.py", "test_report.py", "test_hardening_server.py",
    "test_report_browser.py", "test_advice_pages.py", "test_cli.py",
    "test_hardening_corpus.py", "test_hardening_inputs.py",
]
"""Test files by their time on two cores, longest first (measured; see README). ``tests/run.sh`` hands out whole
files in this order (``--dist loadfile --no-loadscope-reorder``), so the two workers finish close together."""


def pytest_collection_modifyitems(items):
    rank = {name: i for i, name in enumerate(SLOWEST_FILES)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: order within a file is kept
