"""Linking what residents wrote (ward names, CBS codes, postcodes) to a Gorinchem wijk.

A wrong link is worse than none: every test that expects 'unlinked' also checks that
the user is told why.
"""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import EXPECTED, GOOD_FILES, RESPONDENTS, fixture_bytes, respondent_ids
from lib.core.codes import normalise_code, parse_postcode
from lib.areas.linking import Gazetteer, link_records, normalise_name, suggestions_for
from lib.areas.postcodes import read_postcode_table
from lib.pipeline import alias_key, build_gazetteer
from lib.reading.surveys import collect, link_review, read_survey, unlinked_values


def _with_aliases(areas, postcodes, names: dict[str, str] | None = None, pcs: dict[str, str] | None = None) -> Gazetteer:
    """A gazetteer with user aliases, stored the way the app stores them."""
    name_aliases = {alias_key("naam", raw): (raw, code) for raw, code in (names or {}).items()}
    pc_aliases = {alias_key("postcode", raw): (raw, code) for raw, code in (pcs or {}).items()}
    return build_gazetteer(areas, postcodes, name_aliases, pc_aliases)


# --------------------------------------------------------------------------- codes and names


@pytest.mark.parametrize(
    "raw,code",
    [
        ("WK051201  ", "WK051201"),  # StatLine pads codes
        ("GM0512    ", "GM0512"),
        ("wk051211", "WK051211"),
        ("WK 051211", "WK051211"),
        ("51201", "WK051201"),  # KWB download lost the leading zero
        ("512", "GM0512"),
        ("051201", "WK051201"),
        ("5121101", "BU05121101"),
        ("51201.0", "WK051201"),  # read as a float somewhere
        ("BU05121101", "BU05121101"),
        ("WK0512011", None),  # too long for a wijk code
        (".", None),
        ("", None),
        (None, None),
        ("Lingewijk", None),
    ],
)
def test_normalise_code(raw, code):
    assert normalise_code(raw) == code


@pytest.mark.parametrize(
    "raw,pc4,pc6",
    [
        ("4205 AB", "4205", "4205AB"),
        ("4201CD", "4201", "4201CD"),
        ("4206 ef", "4206", "4206EF"),
        ("4207ZA", "4207", "4207ZA"),
        (" 4205 ", "4205", None),
        ("4205.0", "4205", None),
        ("0205 AB", None, None),
        ("42051", None, None),
        ("weet ik niet", None, None),
        ("", None, None),
    ],
)
def test_parse_postcode(raw, pc4, pc6):
    assert parse_postcode(raw) == (pc4, pc6)


@pytest.mark.parametrize("raw", ["Wijk 11 laag Dalem", "Laag Dalem", "laag-dalem", "Dalem (laag)", "LAAG DALEM ", "Laag Dalem!"])
def test_spellings_of_laag_dalem_normalise_alike(raw):
    assert normalise_name(raw) == "dalem laag"


def test_normalise_name_drops_accents_and_filler_words():
    assert normalise_name("Wijk 04 de Haarwijk") == normalise_name("Haarwijk") == "haarwijk"
    assert normalise_name("Café-buurt") == "cafe"


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    "raw,code,method",
    [
        ("WK051201  ", "WK051201", "code"),
        ("51201", "WK051201", "code"),
        ("051211", "WK051211", "code"),
        ("BU05121101", "WK051211", "code"),  # a buurt code links to its wijk
        ("Laag Dalem", "WK051211", "naam"),
        ("laag-dalem", "WK051211", "naam"),
        ("Dalem (laag)", "WK051211", "naam"),
        ("Wijk 11 laag Dalem", "WK051211", "naam"),
        ("Hoog-Dalem", "WK051213", "naam"),
        ("De Haarwijk", "WK051204", "naam"),
        ("Haarwijk", "WK051204", "naam"),
        ("lingewijk", "WK051203", "naam"),
        ("Binnenstad", "WK051201", "naam"),
        ("Gorinchem binnenstad", "WK051201", "naam"),
        ("Stalkaarsen", "WK051205", "naam"),
        ("Gildenwijk", "WK051206", "naam"),
        ("Wijdschild", "WK051202", "naam"),
        ("Lingewjik", "WK051203", "fuzzy"),
        ("Schelluinse straat", "WK051207", None),
    ],
)
def test_link_name(gazetteer, raw, code, method):
    """``method`` None: any method is fine as long as the wijk is right."""
    link = gazetteer.link_name(raw)
    assert link.wijkcode == code
    if method is not None:
        assert link.method == method
    if method == "fuzzy":
        # a typo is linked, but the user sees it is an approximation
        assert 0.8 <= link.confidence < 1.0
    elif method == "code":
        assert link.confidence == 1.0


def test_dalem_is_the_wijk_named_dalem_not_laag_dalem(gazetteer):
    link = gazetteer.link_name("Dalem")
    assert link.wijkcode == "WK051212"
    assert link.confidence == 1.0
    assert gazetteer.names["WK051212"] == "Wijk 12 Dalem"


def test_binnenstad_links_by_containment_when_the_gemeente_name_is_unknown(gorinchem_areas):
    """Without the gemeente name, 'Binnenstad' is found inside 'Wijk 01 Gorinchem binnenstad'."""
    bare = Gazetteer(names=gorinchem_areas.wijk_names())
    link = bare.link_name("Binnenstad")
    assert link.wijkcode == "WK051201"
    assert link.method in ("naam", "fuzzy")
    assert 0.5 < link.confidence < 1.0


@pytest.mark.parametrize(
    "raw,reason",
    [
        ("Arkel", "naam niet herkend"),  # a village outside Gorinchem
        ("weet ik niet", "naam niet herkend"),
        ("", "leeg"),
        ("   ", "leeg"),
        ("Avelingen", "meerdere wijken"),  # Avelingen Oost and Avelingen West
        ("Landelijk gebied", "meerdere wijken"),
        ("Bedrijventerrein", "meerdere wijken"),
        ("WK999901", "niet herkend"),  # a code of another gemeente
        ("Dalen", "niet herkend"),  # too far from 'Dalem' to guess
    ],
)
def test_unlinked_names_say_why(gazetteer, raw, reason):
    link = gazetteer.link_name(raw)
    assert link.wijkcode is None
    assert reason in link.reason


def test_ambiguous_name_suggests_every_candidate(gazetteer):
    link = gazetteer.link_name("Avelingen")
    assert {"WK051208", "WK051209"} <= {code for code, _ in link.suggestions}
    assert {"WK051208", "WK051209"} <= {code for code, _ in suggestions_for(gazetteer, "Avelingen", "naam")}


def test_the_gemeente_name_is_not_a_wijk(gazetteer):
    link = gazetteer.link_name("Gorinchem")
    assert link.wijkcode is None
    assert link.reason


def test_aliases_win_over_names(gorinchem_areas, gorinchem_postcodes):
    g = _with_aliases(
        gorinchem_areas,
        gorinchem_postcodes,
        names={"Centrum": "WK051201", "Dalem": "WK051211", "weet ik niet": ""},
    )
    centrum = g.link_name("centrum ")
    assert (centrum.wijkcode, centrum.method, centrum.confidence) == ("WK051201", "alias", 1.0)
    # the user decided that in this survey 'Dalem' means laag Dalem: the alias beats the exact name
    assert g.link_name("Dalem").wijkcode == "WK051211"
    # an alias to '' marks a value as deliberately unlinked
    nothing = g.link_name("Weet ik niet")
    assert nothing.wijkcode is None and nothing.method == "handmatig" and "gebruiker" in nothing.reason


def test_centrum_without_alias_stays_unlinked(gazetteer):
    assert gazetteer.link_name("Centrum").wijkcode is None


# --------------------------------------------------------------------------- postcodes


@pytest.mark.parametrize("raw", ["4201", "4201 AB", "4201cd"])
def test_pc4_with_a_clear_majority_links(gazetteer, raw):
    link = gazetteer.link_postcode(raw)
    assert (link.wijkcode, link.method) == ("WK051201", "pc4")
    assert link.confidence >= 0.99


def test_pc4_majority_link_is_never_reported_as_certain(gazetteer):
    link = gazetteer.link_postcode("4201")
    assert link.confidence == pytest.approx(0.996, abs=0.001)


def test_pc4_4206_links_by_majority_with_its_share(gazetteer):
    link = gazetteer.link_postcode("4206 TV")
    assert (link.wijkcode, link.method) == ("WK051203", "pc4")
    assert link.confidence == pytest.approx(0.92, abs=0.01)


@pytest.mark.parametrize("raw", ["4205", "4205 GH", "4205NP"])
def test_straddling_pc4_stays_unlinked_and_names_both_wijken(gazetteer, raw):
    link = gazetteer.link_postcode(raw)
    assert link.wijkcode is None
    assert "4205" in link.reason
    assert "64%" in link.reason and "Wijk 04 haarwijk" in link.reason
    assert "33%" in link.reason and "Wijk 05 Stalkaarsen" in link.reason
    assert [code for code, _ in link.suggestions[:2]] == ["WK051204", "WK051205"]


@pytest.mark.parametrize("raw,reason", [("9999", "niet in de geladen gemeente"), ("3011 AB", "niet in de geladen gemeente"),
                                        ("abc", "geen geldige postcode"), ("", "leeg")])
def test_unknown_or_invalid_postcode_stays_unlinked(gazetteer, raw, reason):
    link = gazetteer.link_postcode(raw)
    assert link.wijkcode is None
    assert reason in link.reason


def test_user_postcode_override_wins(gorinchem_areas, gorinchem_postcodes):
    g = _with_aliases(gorinchem_areas, gorinchem_postcodes, pcs={"4205": "WK051205", "4205 gh": "WK051204", "4201": ""})
    assert (g.link_postcode("4205 NP").wijkcode, g.link_postcode("4205 NP").method) == ("WK051205", "handmatig")
    assert g.link_postcode("4205").wijkcode == "WK051205"
    # a PC6 override beats the PC4 override
    assert g.link_postcode("4205GH").wijkcode == "WK051204"
    # an override to '' unlinks even a clear majority
    assert g.link_postcode("4201 AB").wijkcode is None


def test_pc6_table_links_exact_postcodes(tmp_path, gorinchem_areas):
    table = "postcode;wijkcode\n4205 GH;WK051204\n4205 NP;WK051205\n4205NQ;WK051205\n"
    pc4, pc6 = read_postcode_table("pc6.csv", table.encode())
    assert pc6 == {"4205GH": "WK051204", "4205NP": "WK051205", "4205NQ": "WK051205"}
    g = build_gazetteer(gorinchem_areas, [(pc4, pc6)], {}, {})
    link = g.link_postcode("4205 np")
    assert (link.wijkcode, link.method, link.confidence) == ("WK051205", "pc6", 1.0)
    # the PC4 shares are derived from the PC6 rows: 2 of 3 is not a clear majority
    assert g.link_postcode("4205 ZZ").wijkcode is None


def test_postcode_table_without_codes_is_refused_in_dutch():
    from lib.core.errors import AreasError

    with pytest.raises(AreasError) as info:
        read_postcode_table("pc.csv", b"postcode;wijk\n4205;Haarwijk\n4206;Lingewijk\n")
    assert "wijkcodes" in info.value.message and str(info.value).startswith("pc.csv: ")


# --------------------------------------------------------------------------- records


def test_link_records_uses_the_ward_first_then_the_postcode(gazetteer):
    wijk = pd.Series(["Stalkaarsen", "", "", "Arkel", "weet ik niet", ""])
    postcode = pd.Series(["4205 NP", "4206 TV", "4205 NP", "4205 GH", "", "9999"])
    links = link_records(gazetteer, wijk, postcode, 6)
    # the ward the resident wrote beats the majority wijk of the postcode
    assert links.loc[0, "wijkcode"] == "WK051205"
    assert (links.loc[1, "wijkcode"], links.loc[1, "method"]) == ("WK051203", "pc4")
    # no ward and a straddling PC4: unlinked, never the majority wijk
    assert links.loc[2, "wijkcode"] == ""
    assert "meerdere wijken" in links.loc[2, "reason"]
    # both failed: both reasons are given
    assert links.loc[3, "wijkcode"] == ""
    assert "naam niet herkend" in links.loc[3, "reason"] and "4205" in links.loc[3, "reason"]
    assert links.loc[4, "reason"] == "naam niet herkend"
    assert "9999" in links.loc[5, "reason"]


def test_link_records_without_location_columns(gazetteer):
    links = link_records(gazetteer, None, None, 3)
    assert links["wijkcode"].tolist() == ["", "", ""]
    assert set(links["reason"]) == {"geen wijk- of postcodekolom"}


@pytest.mark.parametrize("name", GOOD_FILES)
def test_no_respondent_is_linked_to_a_wrong_wijk(name, gazetteer):
    survey = read_survey(name, fixture_bytes(name), known_wijken=gazetteer.known_tokens())
    records, answers = collect([survey], gazetteer)
    assert len(records) == 12 and len(answers) == 11
    ids = [rid for s in survey.sheets for rid in respondent_ids(name, s.table.sheet, s.table)]
    linked = 0
    for rid, (_, rec) in zip(ids, records.iterrows()):
        intended = RESPONDENTS[rid]["intended_wijkcode"]
        if rec["wijkcode"] == "":
            assert rec["reason"], f"respondent {rid} unlinked without a reason"
            continue
        linked += 1
        assert rec["wijknaam"] == gazetteer.names[rec["wijkcode"]]
        if intended is not None:
            assert rec["wijkcode"] == intended, f"respondent {rid} ({rec['wijk_raw']!r}) linked to a wrong wijk"
    assert linked >= 11
    # respondent 9 wrote no ward; PC4 4206 lies for 92% in WK051203
    nine = records.iloc[ids.index(9)]
    assert (nine["wijkcode"], nine["method"]) == ("WK051203", "pc4")
    # answers carry the wijk of their record
    assert set(answers["wijkcode"]) <= set(gazetteer.names)


def test_unlinked_values_and_link_review_for_the_koppelen_page(gazetteer):
    text = (
        "id;wijk;postcode;Wat kan er beter?\n"
        "1;Arkel;;Meer groen in de straten graag\n"
        "2;Arkel;;De bus rijdt te weinig vaak\n"
        "3;;4205 GH;Hondenpoep op de speelplaats hier\n"
        "4;Lingewjik;;Meer bankjes langs de Linge\n"
        "5;;4201 AB;Parkeren is een ramp hier\n"
    )
    survey = read_survey("test.csv", text.encode("utf-8"), known_wijken=gazetteer.known_tokens())
    records, _ = collect([survey], gazetteer)
    unlinked = unlinked_values(records)
    first = unlinked.iloc[0]
    assert (first["kind"], first["value"], first["count"], first["reason"]) == ("naam", "Arkel", 2, "naam niet herkend")
    pc = unlinked[unlinked["kind"] == "postcode"].iloc[0]
    assert "4205" in pc["value"] and "meerdere wijken" in pc["reason"]
    review = link_review(records, gazetteer.names)
    assert set(zip(review["method"], review["wijkcode"])) == {("fuzzy", "WK051203"), ("pc4", "WK051201")}
    assert (review["confidence"] < 1.0).any()


def test_expected_json_intends_every_named_respondent():
    """Guard: the linking checks above rely on every respondent with a ward having an intended wijk."""
    for r in EXPECTED["base"]["respondents"]:
        assert (r["wijk"] is None) == (r["intended_wijkcode"] is None)
