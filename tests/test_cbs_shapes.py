"""Every CBS shape reads right: OData typed CSV, StatLine 'CSV met labels', the kwb-2024 download (xlsx/csv).

Fixtures: ``tests/fixtures/cbs/shapes/`` (made by ``tests/fixtures/cbs/make_cbs_shapes.py``).
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

import pytest

from conftest import CBS
from lib.areas.dictionary import lookup, unfavourable_direction, variables
from lib.areas.figures import build_areas, describe_column, read_area_table
from lib.areas.areacodes import normalise_area_code

SHAPES = CBS / "shapes"
ODATA = "85984NED_TypedDataSet_gorinchem.csv"
LABELS = "Kerncijfers_wijken_en_buurten_2024_01122026_101500.csv"
GORINCHEM_WIJKEN = [f"WK0512{i:02d}" for i in range(1, 22)]
KWB_COLUMNS = Path(SHAPES / "kwb-2024.csv").read_text(encoding="utf-8").splitlines()[0].split(";")
ODATA_KEYS = Path("/work/shared/data/kwb/85984NED_columns.csv")


@functools.lru_cache(maxsize=None)
def _table(name: str):
    return read_area_table(name, (SHAPES / name).read_bytes())


def _value(t, code, key):
    rows = t.indicators[(t.indicators["area_code"] == code) & (t.indicators["indicator"] == key)]
    assert len(rows) == 1, (code, key, len(rows))
    return float(rows["value"].iloc[0])


@pytest.mark.parametrize("name", [ODATA, LABELS, "kwb-2024.csv", "kwb-2024.xlsx"])
def test_names_from_the_region_column_gemeente_from_the_gemeente_column(name):
    t = _table(name)
    assert t.names["WK051211"] == "Wijk 11 laag Dalem"  # padded in the OData and StatLine files
    assert t.names["WK051201"] == "Wijk 01 Gorinchem binnenstad"
    assert t.gemeente_names["GM0512"] == "Gorinchem"
    areas = build_areas([t], gemeentecode="GM0512")
    assert (areas.gemeentecode, areas.gemeentenaam) == ("GM0512", "Gorinchem")
    assert areas.wijken["wijkcode"].tolist() == GORINCHEM_WIJKEN
    assert areas.wijk_names()["WK051212"] == "Wijk 12 Dalem"  # not "Gorinchem"
    assert areas.wijken.set_index("wijkcode").loc["WK051211", "inhabitants"] == 8035
    assert _value(t, "GM0512", "aantal_inwoners") == 38671


@pytest.mark.parametrize("name", [ODATA, LABELS, "kwb-2024.csv", "kwb-2024.xlsx"])
def test_source_reads_cbs_kwb_with_year_and_file(name):
    sources = set(_table(name).indicators["source"])
    assert sources == {f"Bron: CBS, Kerncijfers wijken en buurten 2024 ({name})"}
    assert set(_table(name).indicators["year"]) == {2024.0}


@pytest.mark.parametrize("name", [ODATA, "kwb-2024.csv", "kwb-2024.xlsx"])
def test_flags_codes_and_postcodes_are_never_figures(name):
    ind = _table(name).indicators
    keys = set(ind["indicator"])
    assert not keys & {"ind_wbi", "recs", "gwb_code", "pst_mvp", "pst_dekp", "id", "regio", "gm_naam"}
    assert not ind["label"].str.contains("postcode|Indelingswijziging|Dekking|Soort regio|Codering|Volgnummer", case=False).any()
    assert not ind["area_code"].isin(["GM0000", "NL00"]).any()  # the Nederland row


@pytest.mark.parametrize("name", [ODATA, "kwb-2024.csv", "kwb-2024.xlsx"])
def test_counts_give_the_share_the_wijken_layer_needs(name):
    """a_1p_hh / Eenpersoonshuishoudens_30 are counts; pct_eenpersoonshhd (the theme pair's figure) is derived."""
    t = _table(name)
    assert _value(t, "GM0512", "eenpersoonshuishoudens") == 6652
    assert _value(t, "GM0512", "pct_eenpersoonshhd") == pytest.approx(6652 / 17505 * 100)
    row = t.indicators[t.indicators["indicator"] == "pct_eenpersoonshhd"].iloc[0]
    assert (row["label"], row["unit"]) == ("Eenpersoonshuishoudens", "%")
    count = t.indicators[t.indicators["indicator"] == "eenpersoonshuishoudens"].iloc[0]
    assert count["unit"] == "aantal"


def test_statline_labels_with_topic_paths_and_units():
    t = _table(LABELS)
    assert _value(t, "WK051201", "gem_huishouden_grootte") == pytest.approx(1.7)  # "     1,7"
    assert _value(t, "GM0512", "0_15") == 16 and _value(t, "GM0512", "65plus") == 19
    labels = t.indicators.drop_duplicates("indicator").set_index("indicator")
    assert labels.at["mannen", "label"] == "Mannen"  # "Bevolking/Geslacht/Mannen (aantal)"
    assert labels.at["0_15", "unit"] == "%"


def test_national_kwb_download_holds_two_gemeenten_and_asks():
    t = _table("kwb-2024.xlsx")
    areas = build_areas([t])
    assert areas.gemeenten == {"GM0363": "Amsterdam", "GM0512": "Gorinchem"}
    ams = build_areas([t], gemeentecode="GM0363")
    assert len(ams.wijken) == 110 and "WK0363AD" in set(ams.wijken["wijkcode"])
    assert ams.wijk_names()["WK0363AD"] == "Burgwallen-Nieuwe Zijde"
    assert not ams.indicators["area_code"].str.startswith("WK0512").any()  # never mixed


# --------------------------------------------------------------------------- the dictionary


def test_every_kwb_2024_short_name_is_in_the_dictionary():
    missing = [c for c in KWB_COLUMNS if lookup(c) is None]
    assert missing == []


@pytest.mark.parametrize(
    "short,key,label,unit",
    [
        ("a_inw", "aantal_inwoners", "Aantal inwoners", "aantal"),
        ("a_1p_hh", "eenpersoonshuishoudens", "Eenpersoonshuishoudens", "aantal"),
        ("g_ink_pi", "gem_inkomen_inwoner", "Gemiddeld inkomen per inwoner", "x 1.000 euro"),
        ("g_ink_po", "gem_inkomen_ontvanger", "Gemiddeld inkomen per inkomensontvanger", "x 1.000 euro"),
        ("g_wozbag", "gem_woz_waarde", "Gemiddelde WOZ-waarde woningen", "x 1.000 euro"),
        ("p_huurw", "huurwoningen", "Huurwoningen", "%"),
        ("a_soz_wb", "bijstand", "Personen met bijstandsuitkering", "aantal"),
        ("p_wmo_t", "wmo_per_1000", "Wmo-cliënten per 1.000 inwoners", "per 1.000 inwoners"),
        ("p_jz_tn", "pct_jeugdzorg", "Jongeren met jeugdzorg in natura", "%"),
        ("a_65_oo", "65plus_aantal", "Inwoners 65 jaar of ouder", "aantal"),
        ("a_nb_won ", "nieuwbouw_woningen", "Nieuwbouw woningen", "aantal"),
    ],
)
def test_kwb_short_names_have_labels_and_units(short, key, label, unit):
    info = describe_column(short)
    assert (info.key, info.label, info.unit) == (key, label, unit)


@pytest.mark.parametrize("short", ["ind_wbi", "recs", "gwb_code_10", "gwb_code_8", "gwb_code", "regio", "gm_naam", "pst_mvp", "pst_dekp",
                                   "postcode", "dek_perc", "Codering_3", "SoortRegio_2", "Gemeentenaam_1", "WijkenEnBuurten", "ID"])
def test_flags_and_codes_are_not_figures(short):
    assert describe_column(short).kind != "cijfer"


def test_every_odata_key_of_kwb_2024_is_in_the_dictionary():
    if not ODATA_KEYS.exists():
        pytest.skip("85984NED_columns.csv not available")
    with ODATA_KEYS.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    missing = [r["Key"] for r in rows if lookup(r["Key"], r["Unit"]) is None]
    assert missing == []
    # the unit CBS states agrees with the dictionary's (count vs share)
    for r in rows:
        var = lookup(r["Key"], r["Unit"])
        if r["Unit"] in {"aantal", "%"} and var.is_figure:
            assert (var.unit == "%") == (r["Unit"] == "%"), r["Key"]


@pytest.mark.parametrize(
    "indicator,direction",
    [("pct_eenpersoonshhd", 1), ("p_hh_osm", 1), ("WmoClientenRelatief_101", 1), ("gem_inkomen_inwoner", -1), ("g_ink_pi", -1),
     ("arbeidsparticipatie", -1), ("opl_laag_pct", 1), ("aantal_inwoners", 0), ("65plus", 0), ("onbekend_cijfer", 0)],
)
def test_unfavourable_direction(indicator, direction):
    assert unfavourable_direction(indicator) == direction


def test_dictionary_keeps_the_keys_pages_and_rules_use():
    keys = set(variables())
    assert {"pct_eenpersoonshhd", "65plus", "gem_inkomen_inwoner", "0_15", "wmo_per_1000", "pct_hh_laag_inkomen",
            "pct_rond_sociaal_min", "huurwoningen", "pct_huurcorporatie", "gem_woz_waarde", "opl_laag_pct"} <= keys


def test_lettered_codes():
    assert normalise_area_code(" wk0363ad ") == "WK0363AD"
    assert normalise_area_code("BU0363AD03") == "BU0363AD03"
    assert normalise_area_code("WK051201  ") == "WK051201"
    assert normalise_area_code("Amsterdam") is None
