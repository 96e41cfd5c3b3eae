"""Starting a new project by choosing the gemeente (AppTest): ready for surveys, no sample restore needed."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.core.store import Store

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 60


pytestmark = pytest.mark.usefixtures("fresh_caches")


@pytest.fixture
def store(app_store) -> Store:
    return app_store


def _texts(at) -> str:
    parts = [e.value for kind in ("markdown", "info", "success", "warning", "caption") for e in getattr(at.main, kind)]
    return "\n".join(str(p) for p in parts).replace("\\", "")


def test_new_project_for_a_gemeente_from_the_sidebar(store):
    store.create_project("Ander project")  # so the app does not build the sample
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    box = next(s for s in at.sidebar.selectbox if s.label == "Gemeente")
    assert len(box.options) == 342
    box.select("GM0363")
    next(t for t in at.sidebar.text_input if t.label == "Naam nieuw project").input("Wijkbeeld Amsterdam 2026")
    next(b for b in at.sidebar.button if b.label == "Project aanmaken").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    project = next(p for p in store.projects() if p.name == "Wijkbeeld Amsterdam 2026")
    assert project.settings.gemeentecode == "GM0363"
    text = _texts(at)
    assert "De wijken van Amsterdam staan klaar (110 wijken" in text
    assert "Volgende stap: upload uw enquêtes" in text
    assert "herstel" not in text.lower()
    # every page is listed on the start page
    assert len(at.get("page_link")) >= 18  # the sidebar menu and the list of all 9 pages


def test_gebieden_page_of_a_project_without_gemeente_offers_the_choice(store):
    p = store.create_project("Zonder gemeente")
    store.set_meta("last_project", str(p.id))
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT)
    at.run()
    at.switch_page("pages/2_Gebieden.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    text = _texts(at)
    assert "herstel" not in text.lower() and "voorbeeld Gorinchem" not in text
    box = next(s for s in at.main.selectbox if s.label == "Gemeente van dit project")
    box.select("GM0512")
    at.run()  # choosing reruns the page in the browser too; then the button is enabled
    next(b for b in at.main.button if b.label == "Gemeente instellen").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert store.project(p.id).settings.gemeentecode == "GM0512"
    text = _texts(at)
    assert "meegeleverde CBS-gegevens" in text and "PC4-tabel" in text
    assert any(m.label == "Wijken" and m.value == "21" for m in at.metric)
