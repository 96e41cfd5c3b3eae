"""AppTest for every page, on a project seeded from real-shaped fixture files."""

from __future__ import annotations

import re

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from conftest import open_app, project_with_areas
from lib.core.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
TIMEOUT = 60


pytestmark = pytest.mark.usefixtures("fresh_caches")


@pytest.fixture
def store(app_store) -> Store:
    return app_store


@pytest.fixture
def project(store) -> int:
    """A project with the Gorinchem areas and two surveys (Dutch Excel CSV and a notes workbook)."""
    p = project_with_areas(store)
    store.add_file(p.id, "excel_puntkomma.csv", "enquete", (FIXTURES / "excel_puntkomma.csv").read_bytes(), trajectory="Evaluatie")
    store.add_file(p.id, "notes_workbook.xlsx", "enquete", (FIXTURES / "notes_workbook.xlsx").read_bytes(), trajectory="Dialoogweek")
    return p.id


def open_page(page: str | None = None) -> AppTest:
    return open_app(page, TIMEOUT)


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
    assert store.file(notes.id).settings.header_rows == {"Buurthuis Dalem": 5}


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
    data = FIXTURES / "cbs" / "geoinzicht_wijken_2022_gorinchem_gouda.csv"
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


def test_koppelen_two_tabs_linking_the_same_value_never_overwrite_each_other_unseen(project, store):
    """Tab A and tab B both choose a wijk for 'Centrum'; A saves first: B's choice is refused with both shown."""
    csv = "id;Wijk;Wat kan er beter in uw wijk?\n1;Centrum;Meer groen en bankjes in de straat graag\n2;Centrum;Minder hondenpoep\n"
    store.add_file(project, "centrum.csv", "enquete", csv.encode())
    tab_a, tab_b = open_page("pages/3_Koppelen.py"), open_page("pages/3_Koppelen.py")
    editor = tab_a.session_state["unlinked_editor_frame"]
    row = int(editor.index[editor["key"] == "centrum"][0])
    frame_b = tab_b.session_state["unlinked_editor_frame"]
    assert int(frame_b.index[frame_b["key"] == "centrum"][0]) == row
    # the wijk labels as the page offers them
    wijk_a = f"{store_name(store, project, 'WK051201')} (WK051201)"
    wijk_b = f"{store_name(store, project, 'WK051202')} (WK051202)"
    tab_a.session_state["unlinked_editor"] = {"edited_rows": {row: {"koppelen": wijk_a}}, "added_rows": [], "deleted_rows": []}
    tab_a.button(key="save_unlinked").click()
    tab_a.run()
    assert store.aliases(project, "naam")["centrum"][1] == "WK051201"
    assert any("1 koppeling(en) opgeslagen" in shown(m) for m in tab_a.success)
    tab_b.session_state["unlinked_editor"] = {"edited_rows": {row: {"koppelen": wijk_b}}, "added_rows": [], "deleted_rows": []}
    tab_b.button(key="save_unlinked").click()
    tab_b.run()
    assert store.aliases(project, "naam")["centrum"][1] == "WK051201"  # A's choice stays
    errors = " ".join(shown(m) for m in tab_b.error)
    assert "Iemand anders" in errors and store_name(store, project, "WK051201") in errors and "niet opgeslagen" in errors
    assert not any("opgeslagen." in shown(m) and "koppeling" in shown(m) for m in tab_b.success)


def store_name(store, project, code):
    from lib.pipeline import analyse_project

    return analyse_project(store, project).gazetteer.names[code]


def test_antwoorden_filters_and_downloads(project):
    at = open_page("pages/4_Antwoorden.py")
    table = at.dataframe[0].value
    assert len(table) == 22
    assert list(table.columns) == ["Antwoord", "Wijk", "Thema's", "Toon", "Vraag", "Traject", "Bron", "Blad", "Rij", "Wijkcode"]
    assert set(table["Toon"]) <= {"negatief", "neutraal", "positief"} and (table["Thema's"] != "").any()
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


# ------------------------------------------------------------------ themes


def test_themas_page_lists_the_codebook_and_adds_keywords(project, store):
    at = open_page("pages/5_Themas.py")
    assert at.title[0].value == "Thema's en codeboek"
    overview = at.dataframe[0].value
    assert len(overview) == 16
    assert overview["Thema"].iloc[0] == "Eenzaamheid"
    at.selectbox(key="edit_theme").set_value("Ontmoeting & verbinding")
    at.run()
    box = next(t for t in at.text_input if t.label.startswith("Trefwoorden toevoegen"))
    box.set_value("koffiehoek, samen koken")
    at.button(key="FormSubmitter:add_keywords-Toevoegen").click()
    at.run()
    from lib.themes.review import project_codebook

    keywords = project_codebook(store, project).theme("Ontmoeting & verbinding").keywords
    assert "koffiehoek" in keywords and "samen koken" in keywords


def test_renaming_a_theme_keeps_corrections(project, store):
    from lib.themes.review import project_codebook

    at = open_page("pages/6_Beoordelen.py")
    # correct one answer by hand through the single-answer form
    form_themes = next(m for m in at.multiselect if m.label == "Thema's")
    form_themes.set_value(["Eenzaamheid", "Wonen"])
    at.button(key="FormSubmitter:single_correction-Correctie opslaan").click()
    at.run()
    corrections = store.corrections(project)
    assert len(corrections) == 1
    store_key, (themes, _tone) = next(iter(corrections.items()))
    assert themes == ["Eenzaamheid", "Wonen"]
    # rename Wonen on the codebook page: the correction follows
    at = open_page("pages/5_Themas.py")
    at.selectbox(key="edit_theme").set_value("Wonen")
    at.run()
    name = next(t for t in at.text_input if t.label == "Naam")
    name.set_value("Wonen & huisvesting")
    at.button(key="FormSubmitter:describe_theme-Naam en beschrijving opslaan").click()
    at.run()
    assert "Wonen & huisvesting" in project_codebook(store, project).names
    assert store.corrections(project)[store_key][0] == ["Eenzaamheid", "Wonen & huisvesting"]


def test_malformed_codebook_import_keeps_the_current_one(project, store):
    at = open_page("pages/5_Themas.py")
    at.file_uploader[0].set_value(("kapot.csv", b"naam;waarde\nx;1\n", "text/csv"))
    at.run()
    assert any("Niet geïmporteerd" in shown(e) and "kapot.csv" in shown(e) for e in at.error)
    assert store.codebook_records(project) is None  # still the default


def test_codebook_import_replaces_themes(project, store):
    at = open_page("pages/5_Themas.py")
    csv = "thema,beschrijving,trefwoord\nGroen,bomen en parken,boom\nGroen,,plantsoen\nVerkeer,,parkeren\n"
    at.file_uploader[0].set_value(("codeboek.csv", csv.encode(), "text/csv"))
    at.run()
    assert any("2 thema's" in shown(s) for s in at.success)
    assert [r["name"] for r in store.codebook_records(project)] == ["Groen", "Verkeer"]


def test_beoordelen_bulk_adds_a_theme_to_filtered_answers(project, store):
    at = open_page("pages/6_Beoordelen.py")
    next(m for m in at.multiselect if m.label == "Thema").set_value(["Jeugd & jongeren"])
    at.run()
    at.selectbox(key="bulk_theme").set_value("Participatie & inspraak")
    at.button(key="bulk_apply").click()
    at.run()
    corrections = store.corrections(project)
    assert corrections, "bulk action stored no corrections"
    assert all("Participatie & inspraak" in themes and "Jeugd & jongeren" in themes for themes, _ in corrections.values())


def test_beoordelen_two_tabs_correcting_one_answer_never_lose_a_change_unseen(project, store):
    """Tab A and tab B open the same answer; A saves first; B's save is refused and B sees both versions."""
    tab_a, tab_b = open_page("pages/6_Beoordelen.py"), open_page("pages/6_Beoordelen.py")

    def correct(tab, themes, tone):
        form_themes = next(m for m in tab.multiselect if m.label == "Thema's")
        form_themes.set_value(themes)
        next(s for s in tab.selectbox if s.label == "Toon").set_value(tone)
        next(b for b in tab.button if b.label == "Correctie opslaan").click()
        tab.run()

    correct(tab_a, ["Wonen"], "negatief")
    ((key, stored),) = store.corrections(project).items()
    assert stored == (["Wonen"], "negatief")
    assert any("Correctie opgeslagen" in shown(m) for m in tab_a.success)
    correct(tab_b, ["Veiligheid"], "positief")
    assert store.corrections(project)[key] == (["Wonen"], "negatief")  # A's change stays
    errors = " ".join(shown(m) for m in tab_b.error)
    assert "Iemand anders" in errors and "Wonen" in errors and "Veiligheid" in errors
    assert not any("Correctie opgeslagen" in shown(m) for m in tab_b.success)
    correct(tab_b, ["Wonen", "Veiligheid"], "negatief")  # now on top of what B has seen
    assert store.corrections(project)[key] == (["Wonen", "Veiligheid"], "negatief")


def test_beoordelen_download_holds_themes_and_tone_of_the_filtered_answers(project):
    at = open_page("pages/6_Beoordelen.py")
    assert {b.label for b in at.get("download_button")} >= {"Download als Excel", "Download als CSV"}


def test_beoordelen_learns_and_shows_agreement(project, store):
    at = open_page("pages/6_Beoordelen.py")
    # correct six answers: add Ontmoeting to each one through the form
    for i in range(6):
        at.selectbox(key="pick_answer").set_value(at.selectbox(key="pick_answer").options[i])
        at.run()
        box = next(m for m in at.multiselect if m.label == "Thema's")
        box.set_value(list(dict.fromkeys(box.value + ["Ontmoeting & verbinding"])))
        at.button(key="FormSubmitter:single_correction-Correctie opslaan").click()
        at.run()
    assert len(store.corrections(project)) == 6
    at.button(key="compute_suggestions").click()
    at.run()
    assert not at.exception
    at = open_page("pages/5_Themas.py")
    labels = [m.label for m in at.metric]
    assert "Cohen's kappa" in labels and "Gecorrigeerde antwoorden" in labels


# ------------------------------------------------------------------ wijken


def test_wijkprofiel_shows_figures_themes_and_reach(project):
    at = open_page("pages/7_Wijkprofiel.py")
    assert at.title[0].value == "Wijkprofiel"
    m = metrics(at)
    assert set(m) >= {"Inwoners", "Respondenten", "Antwoorden op open vragen"}
    wijk = at.selectbox(key="profile_wijk")
    wijk.set_value("WK051205")
    at.run()
    assert metrics(at)["Inwoners"] == "3.235"
    figures = at.dataframe[0].value
    assert {"Indicator", "Wijk", "Gemeente", "Rang (1 = hoogste)", "Jaar", "Bron"} <= set(figures.columns)
    assert figures["Bron"].str.contains("CBS").all()
    assert not at.exception
    for tab_table in at.dataframe:  # every cell is Dutch text: no None, nan or English decimals
        cells = tab_table.value.astype(str).to_numpy().ravel()
        assert not {"None", "nan", "<NA>"} & set(cells)
        assert not any(re.fullmatch(r"\d+\.\d", c) for c in cells)


def test_wijkprofiel_tiny_wijk_is_marked(project):
    at = open_page("pages/7_Wijkprofiel.py")
    at.selectbox(key="profile_wijk").set_value("WK051221")
    at.run()
    assert any("Klein gebied" in shown(w) for w in at.warning)


def test_vergelijken_renders_every_tab_and_small_numbers_are_hidden(project, store):
    at = open_page("pages/8_Vergelijken.py")
    assert at.title[0].value == "Wijken vergelijken"
    assert not at.exception
    for view in ["Thema's per wijk", "Naast elkaar", "Woorden naast cijfers", "Tabel en download"]:
        at.radio(key="compare_view").set_value(view)
        at.run()
        assert not at.exception, view
    table = at.dataframe[-1].value
    assert len(table) == 21
    assert any("Nederlandse Excel" in c.value for c in at.caption)
    assert not {"None", "nan", "<NA>"} & set(table.astype(str).to_numpy().ravel())
    # every count shown is either >= 5, 0 or '<5'
    for col in ("Respondenten", "Antwoorden"):
        for value in table[col]:
            assert value in {"0", "<5"} or int(value.replace(".", "")) >= 5
    at.radio(key="compare_view").set_value("Kaart")
    at.run()
    at.radio(key="map_mode").set_value("Thema")
    at.run()
    assert not at.exception
    # the threshold setting changes what is hidden
    store.update_project_settings(project, threshold=20)
    at = open_page("pages/8_Vergelijken.py")
    at.radio(key="compare_view").set_value("Tabel en download")
    at.run()
    table = at.dataframe[-1].value
    assert "<20" in set(table["Antwoorden"])


def test_filters_persist_in_the_project(project, store):
    at = open_page("pages/7_Wijkprofiel.py")
    at.multiselect(key="flt_tones").set_value(["negatief"])
    at.run()
    assert store.project(project).settings.filters.tones == ["negatief"]
    at = open_page("pages/8_Vergelijken.py")
    assert at.multiselect(key="flt_tones").value == ["negatief"]


def test_wijkprofiel_counts_follow_the_filters_also_when_the_wijk_changes(project, store):
    """The tables each wijk is cut from are kept per project version, filters and threshold: a filter changes the
    counts, and another wijk and back, or the filter undone, gives the counts as before."""
    at = open_page("pages/7_Wijkprofiel.py")
    box = at.selectbox(key="profile_wijk")
    codes = [label.rsplit("(", 1)[1].rstrip(")") for label in box.options]  # options are shown as "Naam (WK...)"
    wijk, other = box.value, next(c for c in codes if c != box.value)
    before = metrics(at)["Antwoorden op open vragen"]
    at.multiselect(key="flt_tones").set_value(["positief"])
    at.run()
    positive = metrics(at)["Antwoorden op open vragen"]
    assert positive != before
    at.selectbox(key="profile_wijk").set_value(other)
    at.run()
    assert at.selectbox(key="profile_wijk").value == other and not at.exception
    at.selectbox(key="profile_wijk").set_value(wijk)
    at.run()
    assert metrics(at)["Antwoorden op open vragen"] == positive
    at.multiselect(key="flt_tones").set_value([])
    at.run()
    assert metrics(at)["Antwoorden op open vragen"] == before
