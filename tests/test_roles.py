"""Column roles: what a user sees in the 'Rol' column of the Bronnen page."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import fixture_bytes
from lib.reading.roles import Role, age_group, detect_role, detect_roles, parse_age
from lib.reading.surveys import read_survey, role_overrides, role_table

OPEN_ANSWERS = [
    "Er is te weinig groen in de straat en de bomen worden gekapt",
    "De bus rijdt veel te weinig, zeker in het weekend",
    "Meer bankjes bij de vijver zodat ouderen kunnen rusten",
    "Hondenpoep overal op de stoep, niemand ruimt het op",
    "Een buurthuis waar je elkaar kunt ontmoeten",
]


def S(*values: str) -> pd.Series:
    return pd.Series(list(values), dtype="str")


@pytest.mark.parametrize(
    "header,values,known,role",
    [
        ("Wat vindt u van de wijk?", OPEN_ANSWERS, None, Role.OPEN),
        ("Toelichting", OPEN_ANSWERS, None, Role.OPEN),
        # Microsoft Forms multiple choice: 'Optie A;Optie B;' is closed, not open text
        ("Welke onderwerpen vindt u belangrijk?", ["Groen;Veiligheid;", "Verkeer;", "Groen;Zorg;", "Zorg;Verkeer;"], None, Role.CLOSED),
        ("Hoe tevreden bent u?", ["Tevreden", "Neutraal", "Ontevreden", "Tevreden", "Tevreden"], None, Role.CLOSED),
        ("Geslacht", ["man", "vrouw", "man", "vrouw", "anders"], None, Role.CLOSED),
        # LimeSurvey prefixes question codes
        ("Q1. In welke wijk woont u?", ["Laag Dalem", "Lingewijk", "Dalem"], None, Role.WIJK),
        ("Q2. Wat is uw postcode?", ["4207 AB", "4201CD", "4206 ef"], None, Role.POSTCODE),
        ("Q3. Wat is uw leeftijd?", ["34", "71", "45"], None, Role.AGE),
        ("Leeftijdsgroep", ["25-34", "65 of ouder", "45-54"], None, Role.AGE),
        # a column of ward names is a ward column whatever its header says, once areas are loaded
        ("Kolom C", ["Laag Dalem", "Lingewijk", "Stalkaarsen", "Dalem", "Wijdschild"],
         {"dalem laag", "lingewijk", "stalkaarsen", "dalem", "wijdschild"}, Role.WIJK),
        ("Kolom D", ["4205 AB", "4201CD", "4206 ef", "4207ZA", "4213 RS"], None, Role.POSTCODE),
        # a postcode header with mostly non-postcodes is not a postcode column
        ("Wat is uw postcode?", ["weet ik niet", "geen idee", "4205"], None, Role.CLOSED),
        ("ID", ["1", "2", "3"], None, Role.RESPONDENT),
        ("Respondentnummer", ["1", "2", "3"], None, Role.RESPONDENT),
        ("Begintijd", ["2024-10-01 09:08:04", "2024-10-01 11:40:51"], None, Role.IGNORE),
        ("E-mail", ["anonymous", "anonymous"], None, Role.IGNORE),
        ("submitdate", ["2024-10-01 09:12:04"], None, Role.IGNORE),
        ("Wijk", ["", "", ""], None, Role.IGNORE),  # an empty column has no role
    ],
)
def test_detect_role(header, values, known, role):
    assert detect_role(header, S(*values), known) == role


def test_only_one_ward_postcode_and_age_column_win():
    data = pd.DataFrame(
        {
            "Wijk": S("Lingewijk", "Dalem", "Stalkaarsen"),
            "Wijk (anders)": S("Lingewijk", "Dalem", "Stalkaarsen"),
            "Postcode": S("4206 AB", "4213 RS", "4205 NP"),
            "Postcode werk": S("4201 AB", "4201 CD", "4202 EF"),
        }
    )
    roles = detect_roles(data)
    assert roles == {"Wijk": Role.WIJK, "Wijk (anders)": Role.CLOSED, "Postcode": Role.POSTCODE, "Postcode werk": Role.CLOSED}


@pytest.mark.parametrize(
    "raw,age,group",
    [
        ("34", 34.0, "25-45"),
        ("16", 16.0, "15-25"),
        ("82", 82.0, "65+"),
        ("25-34", 29.5, "25-45"),
        ("25 tot 35", 30.0, "25-45"),
        ("75 of ouder", 80.0, "65+"),
        ("65+", 70.0, "65+"),
        ("18 jaar", 18.0, "15-25"),
        ("1985", None, None),  # a birth year is not an age
        ("", None, None),
        ("weet ik niet", None, None),
    ],
)
def test_parse_age_and_cbs_age_group(raw, age, group):
    assert parse_age(raw) == age
    assert age_group(parse_age(raw)) == group


def test_role_table_shows_dutch_labels_and_masked_examples():
    sheet = read_survey("tabs.tsv", fixture_bytes("tabs.tsv")).sheets[0]
    table = role_table(sheet)
    assert list(table.columns) == ["Kolom", "Rol", "Automatisch", "Voorbeelden"]
    rows = table.set_index("Kolom")
    assert rows.loc["Wat kan er beter in uw wijk?", "Rol"] == "Open vraag"
    assert rows.loc["wijk", "Rol"] == "Wijk (naam of code)"
    assert rows.loc["postcode", "Rol"] == "Postcode"
    # PC6 postcodes are masked in the examples shown on screen
    assert "4207 AB" not in rows.loc["postcode", "Voorbeelden"]
    assert "[postcode]" in rows.loc["postcode", "Voorbeelden"]


def test_a_postcode_columns_examples_show_no_full_postcode_however_it_is_typed():
    """The Bronnen example of the sample's postcode column showed '4206 ef' (a PC6 in lower case with a space,
    which in free text could be a year and a word, so the answer masking leaves it)."""
    sheet = read_survey("excel_puntkomma.csv", fixture_bytes("excel_puntkomma.csv")).sheets[0]
    examples = role_table(sheet).set_index("Rol").loc["Postcode", "Voorbeelden"]
    assert examples.split(" | ") == ["[postcode]", "[postcode]", "[postcode]"]


def test_role_overrides_store_only_what_the_user_changed():
    sheet = read_survey("tabs.tsv", fixture_bytes("tabs.tsv")).sheets[0]
    labels = {col: role.label for col, role in sheet.roles.items()}
    assert role_overrides(sheet, labels) == {}
    labels["Hoe tevreden bent u over uw wijk?"] = "Open vraag"
    labels["leeftijd"] = "Negeren (metadata)"
    assert role_overrides(sheet, labels) == {"Hoe tevreden bent u over uw wijk?": "open", "leeftijd": "negeren"}
