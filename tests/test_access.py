"""Sign-in and projects for a team: with sign-in configured every page refuses a visitor who is not signed in,
and a user sees only the projects they or their team belong to. Without sign-in nothing changes."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from conftest import open_app
from lib.core.store import Store
from lib.sample import restore_sample

ROOT = Path(__file__).resolve().parent.parent
PAGES = [None] + sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))
AUTH = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "test",
                 "client_id": "wijkbeeld", "client_secret": "x",
                 "server_metadata_url": "https://login.example/.well-known/openid-configuration"},
        "wijkbeeld": {"teams": {"Sociaal domein": ["bob@gemeente.nl"]}}}


@pytest.fixture(autouse=True)
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("WIJKBEELD_DATA_DIR", str(tmp_path))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def project_box(at):
    return next(s for s in at.sidebar.selectbox if s.label == "Project")


def app(user: dict | None, page: str | None = None, query: dict | None = None) -> AppTest:
    return open_app(page, 90, secrets=AUTH, user=user if user is not None else {"is_logged_in": False}, query=query)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_refuses_a_visitor_who_is_not_signed_in(tmp_path, page):
    store = Store(tmp_path / "wijkbeeld.sqlite")
    secret = store.create_project("Geheim")
    store.set_members(secret.id, ["user:anna@gemeente.nl"])
    at = app(None, page)
    assert any("Log in" in i.value for i in at.info)
    assert [b.label for b in at.button] == ["Inloggen"]
    assert not at.dataframe and not at.selectbox and not at.metric  # no project, no data


def test_a_user_sees_only_their_own_and_their_teams_projects(tmp_path):
    store = Store(tmp_path / "wijkbeeld.sqlite")
    restore_sample(store)  # everyone may look at the fictional sample
    anna = store.create_project("Project Anna")
    store.set_members(anna.id, ["user:anna@gemeente.nl"])
    team = store.create_project("Project team")
    store.set_members(team.id, ["team:Sociaal domein"])
    store.set_meta("last_project", str(anna.id))  # what a global "last project" would open for anyone

    bob = {"is_logged_in": True, "email": "Bob@gemeente.nl"}
    at = app(bob)
    options = project_box(at).options
    assert set(options) == {"Voorbeeld Gorinchem", "Project team"}
    assert at.query_params["project"] != [str(anna.id)] and at.query_params["project"] != str(anna.id)
    # a link to Anna's project does not open it for Bob
    at = app(bob, query={"project": str(anna.id)})
    assert project_box(at).value != anna.id
    assert "Anna" not in " ".join(c.value for c in at.caption)
    # Anna opens her own project by link, and a fresh session of hers opens it again
    annas = {"is_logged_in": True, "email": "anna@gemeente.nl"}
    at = app(annas, query={"project": str(anna.id)})
    assert project_box(at).value == anna.id
    at = app(annas, "pages/4_Antwoorden.py")  # a fresh session of hers
    assert at.session_state["project_id"] == anna.id and at.query_params["project"] == str(anna.id)
    assert project_box(at).value == anna.id  # the selector shows the open project after a page switch


def test_a_new_project_belongs_to_its_creator(tmp_path):
    store = Store(tmp_path / "wijkbeeld.sqlite")
    restore_sample(store)
    at = app({"is_logged_in": True, "email": "anna@gemeente.nl"})
    names = [t for t in at.sidebar.text_input if "Naam nieuw project" in t.label]
    names[0].set_value("Wijkbeeld Anna")
    next(b for b in at.sidebar.button if b.label == "Project aanmaken").click()
    at.run()
    new = next(p for p in store.projects() if p.name == "Wijkbeeld Anna")
    assert store.members(new.id) == {"user:anna@gemeente.nl"}


def test_without_sign_in_every_project_opens_as_before(tmp_path):
    store = Store(tmp_path / "wijkbeeld.sqlite")
    p = store.create_project("Van iemand")
    store.set_members(p.id, ["user:anna@gemeente.nl"])
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=90)
    at.query_params["project"] = str(p.id)
    at.run()
    assert not at.exception
    assert project_box(at).value == p.id
    assert not any(b.label == "Inloggen" for b in at.button)
