"""AppTest for every page, on a project seeded from real-shaped fixture files."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lib.project import sample_area_files
from lib.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 60


@pytest.fixture(autouse=True)
def fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def store(tmp_path, monkeypatch) -> Store:
    monkeypatch.setenv("WIJKBEELD_DATA_DIR", str(tmp_path))
    return Store(tmp_path / "wijkbeeld.sqlite")


@pytest.fixture
def project(store) -> int:
    """A project with the Gorinchem areas and two surveys (Dutch Excel CSV and a notes workbook)."""
    p = store.create_project("Test")
    for kind, name, data in sample_area_files():
        store.add_file(p.id, name, kind, data)
    store.add_file(p.id, "excel_puntkomma.csv", "enquete", (FIXTURES / "excel_puntkomma.csv").read_bytes(), trajectory="Evaluatie")
    store.add_file(p.id, "notes_workbook.xlsx", "enquete", (FIXTURES / "notes_workbook.xlsx").read_bytes(), trajectory="Dialoogweek")
    store.set_meta("last_project", str(p.id))
    return p.id


def open_page(page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT)
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(element) -> str:
    """Text of a message as the user sees it (our Markdown escaping removed)."""
    return element.value.replace("\\", "")


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_overview_shows_project_at_a_glance(project):
    at = open_page()
    assert at.title[0].value == "Overzicht"
    m = metrics(at)
    assert m["Bronnen"] == "2"
    assert m["Antwoorden op open vragen"] == "22"  # 11 non-empty open answers in each fixture
    assert m["Wijken met inbreng"].endswith("van 21")
    sources = at.dataframe[0].value
    assert set(sources["Traject"]) == {"Evaluatie", "Dialoogweek"}


def test_empty_data_folder_opens_on_the_gorinchem_sample(store):
    at = open_page()
    assert any("Voorbeeld Gorinchem" in c.value for c in at.caption)
    m = metrics(at)
    assert int(m["Bronnen"]) == 6
    assert m["Wijken met inbreng"].endswith("van 21")


def test_bronnen_lists_sheets_roles_and_saves_trajectory(project, store):
    at = open_page("pages/1_Bronnen.py")
    assert at.title[0].value == "Bronnen"
    # the notes workbook: two venue sheets with a table, the prose sheet skipped
    assert any("Toelichting" in c.value for c in at.caption)
    headers = [n for n in at.number_input if n.label.startswith("Kopregel")]
    assert sorted(n.value for n in headers) == [1, 4, 5]
    name_inputs = [t for t in at.text_input if t.label == "Naam van het traject"]
    name_inputs[0].set_value("Evaluatie Wmo 2023")
    at.button(key="FormSubmitter:traject_%d-Traject opslaan" % store.files(project, "enquete")[0].id).click()
    at.run()
    assert store.files(project, "enquete")[0].trajectory == "Evaluatie Wmo 2023"


def test_bronnen_header_row_choice_is_stored(project, store):
    at = open_page("pages/1_Bronnen.py")
    notes = store.files(project, "enquete")[1]
    box = at.number_input(key=f"header_{notes.id}_Buurthuis Dalem")
    assert box.value == 4
    box.set_value(5)
    at.run()
    assert store.file(notes.id).settings["header_rows"] == {"Buurthuis Dalem": 5}


def test_bronnen_upload_good_and_bad_files(project, store):
    at = open_page("pages/1_Bronnen.py")
    before = len(store.files(project, "enquete"))
    at.file_uploader[0].set_value(
        [
            ("limesurvey.csv", (FIXTURES / "limesurvey.csv").read_bytes(), "text/csv"),
            ("corrupt.xlsx", (FIXTURES / "bad" / "corrupt.xlsx").read_bytes(), "application/octet-stream"),
        ]
    )
    at.run()
    assert not at.exception
    assert any("limesurvey.csv: 12 rijen gelezen" in shown(s) for s in at.success)
    assert any("corrupt.xlsx" in shown(e) and "Niet geladen" in shown(e) for e in at.error)
    assert len(store.files(project, "enquete")) == before + 1


def test_gebieden_shows_gemeente_wijken_and_indicators(project):
    at = open_page("pages/2_Gebieden.py")
    m = metrics(at)
    assert m["Gemeente"] == "Gorinchem"
    assert m["Wijken"] == "21"
    assert m["Inwoners"] == "38.671"
    wijken = at.dataframe[0].value
    assert len(wijken) == 21
    assert wijken.loc[wijken["Code"] == "WK051221", "Klein gebied"].item()


def test_gebieden_asks_which_gemeente_when_a_file_holds_two(store):
    p = store.create_project("Twee gemeenten")
    data = Path("/work/shared/data/kwb_nl/geoinzicht_wijken_2022_gorinchem_gouda.csv")
    if not data.exists():
        data = FIXTURES / "cbs" / "geoinzicht_wijken_2022_gorinchem_gouda.csv"
    if not data.exists():
        pytest.skip("two-gemeente file not available")
    store.add_file(p.id, data.name, "gebied", data.read_bytes())
    store.set_meta("last_project", str(p.id))
    at = open_page("pages/2_Gebieden.py")
    box = next(b for b in at.selectbox if "meerdere gemeenten" in b.label)
    box.set_value("GM0513")
    at.run()
    assert metrics(at)["Wijken"] == "9"


def test_koppelen_alias_links_a_value(project, store):
    # a survey whose ward names include one that only an alias can link
    csv = "id;Wijk;Wat kan er beter in uw wijk?\n1;Centrum;Meer groen en bankjes in de straat graag\n2;Centrum;Minder hondenpoep op de stoep alstublieft\n"
    store.add_file(project, "centrum.csv", "enquete", csv.encode())
    at = open_page("pages/3_Koppelen.py")
    assert at.title[0].value == "Koppelen aan wijken"
    assert at.dataframe  # methods overview
    at.text_input[0].set_value("Centrum")
    form_select = [s for s in at.selectbox if s.label == "Wijk"][0]
    form_select.set_value(next(o for o in form_select.options if "WK051201" in o))
    at.button(key="FormSubmitter:add_alias-Toevoegen").click()
    at.run()
    assert "centrum" in store.aliases(project, "naam")
    at = open_page()
    assert metrics(at)["Bronnen"] == "3"


def test_antwoorden_filters_and_downloads(project):
    at = open_page("pages/4_Antwoorden.py")
    table = at.dataframe[0].value
    assert len(table) == 22
    assert list(table.columns) == ["Antwoord", "Wijk", "Vraag", "Traject", "Bron", "Blad", "Rij", "Wijkcode"]
    at.text_input[0].set_value("jongeren")
    at.run()
    filtered = at.dataframe[0].value
    assert 0 < len(filtered) < 22
    assert filtered["Antwoord"].str.lower().str.contains("jongeren").all()
    assert len(at.get("download_button")) == 2


def test_new_project_from_sidebar(project, store):
    at = open_page()
    at.sidebar.text_input[0].set_value("Wijkbeeld 2025")
    at.sidebar.button[0].click()
    at.run()
    assert [p.name for p in store.projects()] == ["Test", "Wijkbeeld 2025"]
    assert metrics(at)["Bronnen"] == "0"
