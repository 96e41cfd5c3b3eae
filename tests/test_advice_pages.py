"""AppTest for the Advies and Rapport pages on a small seeded project."""

from __future__ import annotations

import io

import pytest
import streamlit as st
from docx import Document
from streamlit.testing.v1 import AppTest

from lib.advice.state import load_state
from lib.advice.tables import default_table, for_download
from lib.core.store import Store

from conftest import add_forms_survey, open_app, project_with_areas

TIMEOUT = 120


pytestmark = pytest.mark.usefixtures("fresh_caches")


@pytest.fixture
def store(app_store) -> Store:
    return app_store


@pytest.fixture
def project(store) -> int:
    """The Gorinchem areas with the sample's Microsoft Forms survey (it asks how residents want to be involved)."""
    p = project_with_areas(store)
    add_forms_survey(store, p.id)
    return p.id


def open_page(page: str) -> AppTest:
    return open_app(page, TIMEOUT)


def choose_wijk(at: AppTest, code: str) -> None:
    at.selectbox(key="advice_wijk").set_value(code)
    at.run()
    assert not at.exception, [e.value for e in at.exception]


def test_advies_shows_recommendations_with_reasons_and_keeps_edits(project, store):
    at = open_page("pages/9_Advies.py")
    choose_wijk(at, "WK051204")
    titles = " ".join(m.value for m in at.markdown)
    assert "Volgende keer" in titles
    captions = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "van de respondenten" in captions or "van de antwoorden" in captions
    assert "Bron: CBS" in captions
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Inwoners"] == "6.190"
    # the overview holds every wijk
    frames = [f.value for f in at.dataframe]
    overview = next(f for f in frames if "Volgende keer" in f.columns)
    assert len(overview) == 21

    # editing: stored in the project, marked, and still there after a restart
    first_text = at.text[0].value
    key = next(t.key for t in at.text_area if t.key and t.key.startswith("text_"))
    at.text_area(key=key).set_value("Samen met het wijkteam oppakken.")
    at.button(key=key.replace("text_", "save_")).click()
    at.run()
    assert not at.exception
    assert at.text[0].value == "Samen met het wijkteam oppakken." != first_text
    assert "bewerkt door medewerker" in " ".join(m.value for m in at.markdown)
    rec_id = key[len("text_"):]
    assert load_state(store, project).edits["WK051204"]["items"][rec_id]["text"] == "Samen met het wijkteam oppakken."
    # a new session (restart) shows the edit too
    st.cache_resource.clear()
    again = open_page("pages/9_Advies.py")
    choose_wijk(again, "WK051204")
    assert again.text[0].value == "Samen met het wijkteam oppakken."


def test_advies_rules_upload_good_and_malformed(project, store):
    at = open_page("pages/9_Advies.py")
    assert any("Adviesregels" in e.label for e in at.expander)
    assert any(b.label == "Download als Excel" for b in at.get("download_button"))
    at.file_uploader(key="upload_rules").set_value(("regels.csv", b"voorwaarde;iets\nonzin;1\n", "text/csv"))
    at.run()
    at.button(key="use_rules").click()
    at.run()
    assert not at.exception
    message = " ".join(e.value for e in at.error).replace("\\", "")
    assert "regels.csv" in message and "huidige" in message
    assert not load_state(store, project).is_edited("rules")
    rules = default_table("rules")
    rules.loc[rules["condition"] == "no_answers", "forms"] = "koffiekar"
    good = for_download("rules", rules).to_csv(index=False).encode()
    at.file_uploader(key="upload_rules").set_value(("regels.csv", good, "text/csv"))
    at.run()
    at.button(key="use_rules").click()
    at.run()
    assert not at.exception
    state = load_state(store, project)
    assert state.is_edited("rules")
    assert state.table("rules").loc[lambda t: t["condition"] == "no_answers", "forms"].iloc[0] == "koffiekar"


def test_rapport_makes_all_three_formats(project):
    at = open_page("pages/10_Rapport.py")
    at.radio(key="report_scope").set_value("Een keuze")
    at.run()
    at.multiselect(key="report_wijken").set_value(["WK051204"])
    at.run()
    at.button(key="report_make").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Rapport klaar" in at.success[0].value.replace("\\", "")
    files = at.session_state["report_files"]
    assert set(files) == {"docx", "pdf", "xlsx"}
    name, content = files["docx"]
    assert name == "wijkbeeld-gorinchem-wijk-04-haarwijk.docx"
    text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    assert "Wijk 04 haarwijk" in text and "Wijk 11 laag Dalem" not in text
    assert files["pdf"][1].startswith(b"%PDF")
