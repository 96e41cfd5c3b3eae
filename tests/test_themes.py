"""Themes in a project: tagging with corrections, group changes, codebook renames carried into corrections."""

from __future__ import annotations

import pandas as pd

from lib.themes.codebook import Codebook, Theme
from lib.themes.tagger import Tagger
from lib.themes.review import bulk_theme_change, save_codebook, tag_answers, tone_correction

BOOK = Codebook([Theme("Wonen", "", ["huur"]), Theme("Veiligheid", "", ["overlast"])])


def _answers() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "answer_key": ["a", "b", "c"],
            "answer": ["De huur is te hoog", "Veel overlast", "Prima"],
        }
    )


def test_corrections_win_and_unknown_themes_are_dropped():
    tagged = tag_answers(_answers(), Tagger(BOOK), {"b": (["Wonen", "Bestaat niet"], "positief"), "c": (None, "negatief")})
    assert tagged["themes_auto"].tolist() == ["Wonen", "Veiligheid", ""]
    assert tagged["themes"].tolist() == ["Wonen", "Wonen", ""]
    assert tagged["tone"].tolist()[1:] == ["positief", "negatief"]
    assert tagged["corrected"].tolist() == [False, True, True]


def test_bulk_change_adds_or_removes_one_theme_and_keeps_corrected_tone():
    tagged = tag_answers(_answers(), Tagger(BOOK), {"a": (["Wonen"], "positief")})
    added = bulk_theme_change(tagged, "Veiligheid", add=True)
    assert added == {"a": (["Wonen", "Veiligheid"], "positief"), "c": (["Veiligheid"], "")}
    removed = bulk_theme_change(tagged, "Wonen", add=False)
    assert removed == {"a": ([], "positief")}
    assert bulk_theme_change(tagged.iloc[[2]], "Wonen", add=False) == {}


def test_renaming_and_removing_themes_carries_into_corrections(tmp_path):
    from lib.core.store import Store

    store = Store(tmp_path / "db.sqlite")
    pid = store.create_project("P").id
    store.save_corrections(pid, {"a": (["Wonen", "Veiligheid"], ""), "b": (None, "positief")})
    save_codebook(store, pid, BOOK.rename_theme("Wonen", "Huisvesting"), {"Wonen": "Huisvesting", "Veiligheid": None})
    corrections = store.corrections(pid)
    assert corrections["a"] == (["Huisvesting"], "")
    assert corrections["b"] == (None, "positief")
    assert store.codebook_records(pid)[0]["name"] == "Huisvesting"


def test_a_tone_equal_to_the_automatic_tone_is_not_stored_as_a_correction():
    assert tone_correction("negatief", "neutraal") == "negatief"
    assert tone_correction("neutraal", "neutraal") == ""
