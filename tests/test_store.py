"""Project storage: what survives a reload or a server restart, and the cache version token."""

from __future__ import annotations

import pytest
from pathlib import Path

from conftest import fixture_bytes, is_dutch
from lib.core.errors import StoreError
from lib.pipeline import alias_key, analyse_project
from lib.sample import SAMPLE_ALIASES, SAMPLE_PROJECT, restore_sample, sample_survey_files
from lib.core.settings import FileSettings, ProjectSettings
from lib.core.store import Store

CSV = b"id;wijk;antwoord\n1;Lingewijk;Meer groen\n"


def test_create_and_list_projects(store):
    first = store.create_project("  Dialoogweek 2024 ")
    second = store.create_project("Buurtenquête")
    assert first.name == "Dialoogweek 2024"
    assert [p.name for p in store.projects()] == ["Dialoogweek 2024", "Buurtenquête"]
    assert store.project(second.id).settings == ProjectSettings()
    assert store.project(9999) is None


@pytest.mark.parametrize("name,words", [("Dialoogweek", "bestaat al"), ("   ", "naam")])
def test_bad_project_names_are_refused_in_dutch(store, name, words):
    store.create_project("Dialoogweek")
    with pytest.raises(StoreError) as info:
        store.create_project(name)
    assert words in str(info.value)


def test_same_bytes_are_stored_once(store):
    p = store.create_project("P")
    a = store.add_file(p.id, "enquete.csv", "enquete", CSV, trajectory="Buurtenquête")
    again = store.add_file(p.id, "kopie van enquete.csv", "enquete", CSV)
    assert again.id == a.id
    assert again.name == "enquete.csv" and again.trajectory == "Buurtenquête"
    assert len(store.files(p.id)) == 1
    # the same bytes as another kind, or in another project, are a separate file
    other_kind = store.add_file(p.id, "enquete.csv", "gebied", CSV)
    other_project = store.add_file(store.create_project("Q").id, "enquete.csv", "enquete", CSV)
    assert len({a.id, other_kind.id, other_project.id}) == 3
    assert [f.kind for f in store.files(p.id)] == ["enquete", "gebied"]
    assert [f.id for f in store.files(p.id, "gebied")] == [other_kind.id]
    # one changed byte is a new file
    assert store.add_file(p.id, "enquete.csv", "enquete", CSV + b"2;Dalem;Drempels\n").id != a.id


def test_file_bytes_round_trip_exactly(store):
    p = store.create_project("P")
    for name in ("forms.xlsx", "excel_puntkomma.csv", "excel_unicode.txt"):
        data = fixture_bytes(name)
        f = store.add_file(p.id, name, "enquete", data)
        assert store.file_data(f.id) == data
        assert len(f.sha256) == 64


def test_unknown_kind_and_missing_file(store):
    p = store.create_project("P")
    with pytest.raises(ValueError):
        store.add_file(p.id, "x.csv", "onzin", CSV)
    with pytest.raises(StoreError) as info:
        store.file_data(12345)
    assert is_dutch(str(info.value))


def test_file_settings_and_trajectory_are_merged(store):
    p = store.create_project("P")
    f = store.add_file(p.id, "notities.xlsx", "enquete", CSV, settings={"header_rows": {"Blad1": 4}})
    store.update_file(f.id, settings={"roles": {"Blad1": {"Wijk": "wijk"}}})
    store.update_file(f.id, trajectory="Dialoogweek", trajectory_type="Dialoogweek / bewonersavond", trajectory_date="2023-10-09")
    got = store.file(f.id)
    assert got.settings == FileSettings(header_rows={"Blad1": 4}, roles={"Blad1": {"Wijk": "wijk"}})
    assert (got.trajectory, got.trajectory_type, got.trajectory_date) == ("Dialoogweek", "Dialoogweek / bewonersavond", "2023-10-09")
    # a key given again replaces that key only
    store.update_file(f.id, settings={"header_rows": {"Blad1": 5}})
    assert store.file(f.id).settings == FileSettings(header_rows={"Blad1": 5}, roles={"Blad1": {"Wijk": "wijk"}})


def test_project_settings_are_merged(store):
    p = store.create_project("P")
    store.update_project_settings(p.id, gemeentecode="GM0512")
    store.update_project_settings(p.id, threshold=10)
    store.update_project_settings(p.id, threshold=5)
    assert store.project(p.id).settings == ProjectSettings(gemeentecode="GM0512", threshold=5)
    with pytest.raises(ValueError):
        store.update_project_settings(p.id, drempel=5)  # a typo never silently stores nothing


def test_aliases_per_kind_replace_and_delete(store):
    p = store.create_project("P")
    store.set_alias(p.id, "naam", alias_key("naam", "Centrum"), "Centrum", "WK051201")
    store.set_alias(p.id, "naam", alias_key("naam", "centrum "), "centrum ", "WK051202")  # same key: replaced
    store.set_alias(p.id, "naam", alias_key("naam", "weet ik niet"), "weet ik niet", "")  # deliberately unlinked
    store.set_alias(p.id, "postcode", alias_key("postcode", "4205 gh"), "4205 gh", "WK051204")
    assert store.aliases(p.id, "naam") == {"centrum": ("centrum ", "WK051202"), "ik niet weet": ("weet ik niet", "")}
    assert store.aliases(p.id, "postcode") == {"4205GH": ("4205 gh", "WK051204")}
    store.delete_alias(p.id, "naam", "centrum")
    assert list(store.aliases(p.id, "naam")) == ["ik niet weet"]


def test_version_token_changes_on_every_change(store):
    p = store.create_project("P")
    other = store.create_project("Ander project")
    tokens = [store.version(p.id)]

    def changed():
        token = store.version(p.id)
        assert token != tokens[-1]
        tokens.append(token)

    f = store.add_file(p.id, "a.csv", "enquete", CSV)
    changed()
    store.update_file(f.id, trajectory="Buurtenquête")
    changed()
    store.update_file(f.id, trajectory_type="Evaluatie")
    changed()
    store.update_file(f.id, trajectory_date="2024-03-15")
    changed()
    store.update_file(f.id, settings={"roles": {"": {"wijk": "negeren"}}})
    changed()
    store.update_file(f.id, settings={"header_rows": {"": 2}})
    changed()
    store.set_alias(p.id, "naam", "centrum", "Centrum", "WK051201")
    changed()
    store.set_alias(p.id, "naam", "centrum", "Centrum", "WK051202")
    changed()
    store.set_alias(p.id, "postcode", "4205", "4205", "WK051204")
    changed()
    store.delete_alias(p.id, "postcode", "4205")
    changed()
    store.update_project_settings(p.id, gemeentecode="GM0512")
    changed()
    g = store.add_file(p.id, "b.csv", "gebied", CSV)
    changed()
    store.delete_file(g.id)
    changed()
    # nothing changed: same token; other projects do not disturb it
    assert store.version(p.id) == tokens[-1]
    store.add_file(other.id, "c.csv", "enquete", CSV)
    store.set_alias(other.id, "naam", "centrum", "Centrum", "WK051201")
    assert store.version(p.id) == tokens[-1]


def test_version_token_changes_when_a_file_is_renamed(store):
    p = store.create_project("P")
    f = store.add_file(p.id, "a.csv", "enquete", CSV)
    before = store.version(p.id)
    store.update_file(f.id, name="buurtenquete.csv")
    assert store.file(f.id).name == "buurtenquete.csv"
    assert store.version(p.id) != before


def test_state_survives_a_server_restart(tmp_path):
    path = tmp_path / "wijkbeeld.sqlite"
    first = Store(path)
    p = first.create_project("Dialoogweek")
    data = fixture_bytes("forms.xlsx")
    f = first.add_file(p.id, "forms.xlsx", "enquete", data, trajectory="Buurtenquête", settings={"header_rows": {"Sheet1": 1}})
    first.set_alias(p.id, "naam", "centrum", "Centrum", "WK051201")
    first.update_project_settings(p.id, gemeentecode="GM0512")
    first.set_meta("last_project", str(p.id))
    token = first.version(p.id)
    del first

    again = Store(path)  # a new process opening the same file
    assert [q.name for q in again.projects()] == ["Dialoogweek"]
    stored = again.file(f.id)
    assert (stored.name, stored.trajectory, stored.settings) == ("forms.xlsx", "Buurtenquête", FileSettings(header_rows={"Sheet1": 1}))
    assert again.file_data(f.id) == data
    assert again.aliases(p.id) == {"centrum": ("Centrum", "WK051201")}
    assert again.project(p.id).settings == ProjectSettings(gemeentecode="GM0512")
    assert again.get_meta("last_project") == str(p.id)
    assert again.get_meta("onbekend", "standaard") == "standaard"
    assert again.version(p.id) == token


def test_deleting_a_project_removes_its_files_and_aliases_only(store):
    p = store.create_project("Weg")
    keep = store.create_project("Blijft")
    f = store.add_file(p.id, "a.csv", "enquete", CSV)
    store.set_alias(p.id, "naam", "centrum", "Centrum", "WK051201")
    kept = store.add_file(keep.id, "a.csv", "enquete", CSV)
    store.delete_project(p.id)
    assert [q.name for q in store.projects()] == ["Blijft"]
    assert store.file(f.id) is None
    assert store.aliases(p.id) == {}
    assert store.file_data(kept.id) == CSV


def test_unusable_data_folder_gives_a_dutch_message(tmp_path):
    blocker = tmp_path / "geen_map"
    blocker.write_text("dit is een bestand")
    with pytest.raises(StoreError) as info:
        Store(blocker / "wijkbeeld.sqlite")
    message = str(info.value)
    assert message.startswith("de projectmap ") and "kan niet worden gebruikt" in message
    assert "Stel WIJKBEELD_DATA_DIR in op een map waarin u mag schrijven." in message


# --------------------------------------------------------------------------- a project analysed from the store


def test_analyse_uses_stored_files_aliases_and_reports_bad_files(store, gorinchem_area_files):
    p = store.create_project("Gorinchem")
    for kind, name, data in gorinchem_area_files:
        store.add_file(p.id, name, kind, data)
    store.add_file(p.id, "forms.xlsx", "enquete", fixture_bytes("forms.xlsx"))
    store.add_file(p.id, "notes_workbook.xlsx", "enquete", fixture_bytes("notes_workbook.xlsx"))
    store.add_file(p.id, "encrypted.xlsx", "enquete", fixture_bytes("bad/encrypted.xlsx"))
    centrum = "id;wijk;Wat kan er beter?\n1;Centrum;Meer groen in het centrum graag\n2;Arkel;Er rijden te veel auto's door de straat\n"
    store.add_file(p.id, "centrum.csv", "enquete", centrum.encode())
    store.set_alias(p.id, "naam", alias_key("naam", "Centrum"), "Centrum", "WK051201")

    data = analyse_project(store, p.id)
    # the encrypted file is reported, the other files are still used
    assert len(data.problems) == 1 and data.problems[0].startswith("encrypted.xlsx: ")
    assert "wachtwoord" in data.problems[0]
    assert [s.name for s in data.surveys] == ["forms.xlsx", "notes_workbook.xlsx", "centrum.csv"]
    summary = data.summary()
    assert summary["respondents"] == 26 and summary["answers"] == 24 and summary["wijken"] == 21
    rec = data.records.set_index(["source", "row"])
    assert (rec.loc[("centrum.csv", 2), "wijkcode"], rec.loc[("centrum.csv", 2), "method"]) == ("WK051201", "alias")
    assert rec.loc[("centrum.csv", 3), "wijkcode"] == ""
    assert "Arkel" in data.unlinked()["value"].tolist()


def test_restore_sample_replaces_only_the_sample_project(store):
    mine = store.create_project("Mijn project")
    restore_sample(store)
    store.set_alias(mine.id, "naam", "centrum", "Centrum", "WK051202")
    second = restore_sample(store)
    assert [p.name for p in store.projects()] == ["Mijn project", SAMPLE_PROJECT]
    assert store.project(second).name == SAMPLE_PROJECT
    assert store.aliases(mine.id) == {"centrum": ("Centrum", "WK051202")}
    kinds = [f.kind for f in store.files(second)]
    assert kinds.count("enquete") == len(sample_survey_files()) > 0
    assert {"gebied", "geo", "postcode"} <= set(kinds)
    assert {code for _raw, code in store.aliases(second).values()} == set(SAMPLE_ALIASES.values())


# ----------------------------------------------------------------------------------- migrations

def test_a_schema_1_database_upgrades_without_loss(tmp_path):
    """``store_v1.sqlite`` was written by the first release (see make_store_v1.py): everything in it survives."""
    import shutil

    from lib.core.store import SCHEMA_VERSION

    path = tmp_path / "wijkbeeld.sqlite"
    shutil.copy(Path(__file__).parent / "fixtures" / "store_v1.sqlite", path)
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION >= 2
    (p,) = store.projects()
    assert p.name == "Wijkbeeld 2024"
    assert p.settings.threshold == 7  # was stored as "drempel"
    assert p.settings.gemeentecode == "GM0512"
    assert p.settings.filters.sources == ["enquete.csv"] and p.settings.filters.tones == ["negatief"]
    assert p.settings.pairs == [("Ouderen", "65plus")]
    (f,) = store.files(p.id)
    assert f.trajectory == "Buurtenquête" and f.settings.roles == {"": {"Wijk": "wijk"}} and f.settings.header_rows == {"": 1}
    assert store.file_data(f.id).startswith(b"Wijk;Toelichting")
    assert store.aliases(p.id, "naam") == {"centrum": ("Centrum", "WK051201")}
    assert store.codebook_records(p.id)[0]["trefwoord"] == "bus"
    (key, (themes, tone)), = store.corrections(p.id).items()
    assert themes == ["Verkeer & bereikbaarheid"] and tone == "negatief"
    assert list(store.suggestion_feedback(p.id).values()) == [False]
    assert store.get_meta("last_project") == str(p.id)
    # the new table works, and opening again applies nothing twice
    store.set_project_data(p.id, "advies", {"notities": ["ëé€"]})
    again = Store(path)
    assert again.project_data(p.id, "advies") == {"notities": ["ëé€"]} and again.schema_version() == SCHEMA_VERSION
    assert again.projects()[0].settings.threshold == 7


def test_a_database_of_a_newer_version_is_refused_with_a_dutch_message(tmp_path):
    import sqlite3

    from lib.core.errors import StoreError

    path = tmp_path / "wijkbeeld.sqlite"
    Store(path)
    con = sqlite3.connect(path)
    con.execute("INSERT INTO schema_migrations VALUES (999, 'future', '2030-01-01')")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="nieuwere versie van Wijkbeeld"):
        Store(path)


def test_two_writers_merging_settings_lose_nothing(tmp_path):
    """Settings writes read and write in one transaction: concurrent writers never drop each other's keys."""
    import threading

    path = tmp_path / "wijkbeeld.sqlite"
    store = Store(path)
    p = store.create_project("P")
    errors = []

    def writer(prefix: str) -> None:
        s = Store(path)
        try:
            for i in range(40):
                s.update_project_settings(p.id, extra={f"{prefix}{i}": i})
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(c,)) for c in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    extra = store.project(p.id).settings.extra
    assert set(extra) == {f"{c}{i}" for c in "ab" for i in range(40)}


def test_project_data_is_per_project_and_removed_with_it(tmp_path):
    store = Store(tmp_path / "w.sqlite")
    a, b = store.create_project("A"), store.create_project("B")
    store.set_project_data(a.id, "k", [1, 2])
    assert store.project_data(b.id, "k", "leeg") == "leeg"
    before = store.version(a.id)
    store.set_project_data(a.id, "k", [1, 2, 3])
    assert store.version(a.id) != before and store.version(a.id, "base") == store.version(a.id, "base")
    store.delete_project(a.id)
    assert store.project_data(a.id, "k") is None
