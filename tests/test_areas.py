"""Areas and open data: CBS StatLine/KWB files in their many shapes, GeoJSON, choosing the gemeente."""

from __future__ import annotations

import functools
import json
import math

import pandas as pd
import pytest

from conftest import CBS, EXPECTED, SHARED_KWB, is_dutch
from lib.areas.figures import (
    build_areas,
    describe_column,
    load_areas,
    parse_number,
    read_area_table,
)
from lib.areas.geo import read_geojson
from lib.present.tables import catalogue_table
from lib.present.text import format_number
from lib.wijken.profile import indicator_catalogue, wijk_table
from lib.core.errors import AreasError

GORINCHEM_WIJKEN = [f"WK0512{i:02d}" for i in range(1, 22)]


@functools.lru_cache(maxsize=None)
def _table(name: str):
    """One CBS fixture read once (do not mutate)."""
    return read_area_table(name, (CBS / name).read_bytes())


def _value(indicators: pd.DataFrame, code: str, key: str, year: float | None = None) -> float:
    rows = indicators[(indicators["area_code"] == code) & (indicators["indicator"] == key)]
    if year is not None:
        rows = rows[rows["year"] == year]
    assert len(rows) == 1, f"{code} {key}: {len(rows)} rows"
    return float(rows["value"].iloc[0])


def _shared(name: str):
    path = SHARED_KWB / name
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


# --------------------------------------------------------------------------- StatLine Gorinchem


def test_statline_export_with_padding_dots_and_comma_decimals():
    spec = EXPECTED["cbs"]["statline_gorinchem_2024.csv"]
    t = _table("statline_gorinchem_2024.csv")
    ind = t.indicators
    assert sorted(ind["area_code"].unique()) == ["GM0512", *GORINCHEM_WIJKEN]  # padded codes normalised
    assert set(ind["year"]) == {2024.0}
    assert t.names["WK051201"] == "Wijk 01 Gorinchem binnenstad"
    assert t.gemeente_names == {"GM0512": "Gorinchem"}  # padded to 40 characters in the file
    inw = ind[ind["indicator"] == "aantal_inwoners"].set_index("area_code")["value"]
    assert inw["GM0512"] == spec["gemeente_inwoners"] == 38671
    assert inw[GORINCHEM_WIJKEN].sum() == spec["sum_wijk_inwoners"] == 38670
    # comma decimals in right-aligned cells: "     1,7"
    assert _value(ind, "WK051201", "gem_huishouden_grootte") == pytest.approx(1.7)
    # the '.' of suppressed values is missing, not zero
    assert int(ind["value"].isna().sum()) == spec["n_suppressed_cells"] == 35
    assert (ind["value"].dropna() >= 0).all()
    assert ind["source"].str.contains("Bron: CBS", regex=False).all()


def test_statline_areas_build_the_21_wijken():
    areas = build_areas([_table("statline_gorinchem_2024.csv")])
    assert (areas.gemeentecode, areas.gemeentenaam) == ("GM0512", "Gorinchem")
    assert areas.wijken["wijkcode"].tolist() == GORINCHEM_WIJKEN
    assert areas.wijken.set_index("wijkcode").loc["WK051211", "inhabitants"] == 8035


# --------------------------------------------------------------------------- KWB download without prefixes


def test_unprefixed_kwb_codes_regain_prefix_and_leading_zero():
    t = _table("kwb_clean_unprefixed.csv")
    codes = set(t.indicators["area_code"])
    for raw, code in EXPECTED["cbs"]["kwb_clean_unprefixed.csv"]["example_codes"].items():
        assert code in codes, raw
    assert codes == {"GM0512", *GORINCHEM_WIJKEN}
    areas = build_areas([t])
    assert areas.gemeentecode == "GM0512" and len(areas.wijken) == 21
    # a_inw is the KWB key for inhabitants
    assert areas.wijken.set_index("wijkcode").loc["WK051201", "inhabitants"] == 5865
    # an empty cell is a suppressed value
    assert t.indicators["value"].isna().sum() > 0


# --------------------------------------------------------------------------- Amsterdam, R-mangled


def test_r_mangled_amsterdam_file_reads_99_wijken_and_quoted_decimals():
    t = _table("amsterdam_84583NED_2019_gemeente_wijk.csv")
    areas = build_areas([t])
    assert (areas.gemeentecode, areas.gemeentenaam) == ("GM0363", "Amsterdam")
    assert len(areas.wijken) == 99
    assert areas.wijken["wijkcode"].str.fullmatch(r"WK0363\d\d").all()
    assert t.names["WK036300"] == "Burgwallen-Oude Zijde"
    ind = t.indicators
    assert set(ind["year"].dropna()) == {2019.0}
    # quoted "10,2" is 10.2 (percentage of young people with youth care, gemeente row)
    jeugdzorg = ind[ind["indicator"] == "pct_jeugdzorg"]
    assert jeugdzorg.set_index("area_code").loc["GM0363", "value"] == pytest.approx(10.2)
    # NA, "" and "." are missing, not zero and not an error
    assert ind["value"].isna().sum() > 0
    wk = ind[ind["area_code"] == "WK036300"]
    hoekwoning = wk[wk["label"].str.contains("Hoekwoning") & wk["label"].str.contains("elektriciteit")]
    assert math.isnan(hoekwoning["value"].iloc[0])  # NA
    stadsverwarming = wk[wk["label"].str.contains("stadsverwarming")]
    assert math.isnan(stadsverwarming["value"].iloc[0])  # ""
    # columns that are '.' everywhere (most common postcode) or codes are not indicators
    assert not ind["label"].str.contains("postcode|Indelingswijziging|Codering", case=False).any()


def test_r_mangled_inhabitants_header_is_recognised():
    areas = build_areas([_table("amsterdam_84583NED_2019_gemeente_wijk.csv")])
    inw = areas.wijken.set_index("wijkcode")["inhabitants"]
    assert inw["WK036300"] == 4295
    assert inw.notna().sum() >= 95


def test_r_row_index_is_not_an_indicator():
    labels = set(_table("amsterdam_84583NED_2019_gemeente_wijk.csv").indicators["label"])
    assert "Kolom A" not in labels


# --------------------------------------------------------------------------- StatLine SES (GM + WK + BU)


def test_statline_ses_file_with_buurten_and_decimal_points():
    t = _table("85163NED_ses_woa_2019_amsterdam_gm_wk_bu.csv")
    codes = pd.Series(t.indicators["area_code"].unique())
    assert codes.str[:2].value_counts().to_dict() == {"BU": 479, "WK": 99, "GM": 1}
    areas = build_areas([t])
    assert len(areas.wijken) == 99 and len(areas.buurten) == 479
    assert set(areas.buurten["wijkcode"]) <= set(areas.wijken["wijkcode"])
    ses = areas.indicators[areas.indicators["label"].str.contains("SES-WOA")]
    # decimal point, right-aligned, negative: "  -0.022"
    assert ses.set_index("area_code").loc["WK036300", "value"] == pytest.approx(-0.022)


def test_unit_stated_in_the_file_is_kept():
    ind = _table("85163NED_ses_woa_2019_amsterdam_gm_wk_bu.csv").indicators
    row = ind[(ind["area_code"] == "WK036300") & (ind["value"] == 12.9)]
    assert row["unit"].iloc[0] == "%"


# --------------------------------------------------------------------------- transposed StatLine


def test_transposed_statline_file_regions_as_columns():
    name = "85231NED_nabijheid_2021_aa_en_hunze_transposed.csv"
    t = read_area_table(name, (CBS / name).read_bytes())
    areas = build_areas([t])
    assert areas.gemeentecode == "GM1680"
    assert areas.wijken["wijkcode"].tolist() == ["WK168000", "WK168001"]
    assert areas.wijk_names()["WK168000"] == "Wijk 00 Annen"
    # 'Nederland' (NL00) is not an area
    assert not t.indicators["area_code"].str.startswith("NL").any()
    huisarts = t.indicators[t.indicators["indicator"] == "afstand_huisarts"].set_index("area_code")["value"]
    assert huisarts["WK168000"] == pytest.approx(0.9)
    assert huisarts["GM1680"] == pytest.approx(2.5)


# --------------------------------------------------------------------------- Gorinchem sample


def test_gorinchem_sample_has_21_wijken_with_names_and_map(gorinchem_areas):
    a = gorinchem_areas
    assert (a.gemeentecode, a.gemeentenaam) == ("GM0512", "Gorinchem")
    assert a.wijken["wijkcode"].tolist() == GORINCHEM_WIJKEN
    names = a.wijk_names()
    assert names["WK051211"] == "Wijk 11 laag Dalem"
    assert names["WK051212"] == "Wijk 12 Dalem"
    assert a.warnings == []
    assert {f["properties"]["wijkcode"] for f in a.geojson["features"]} == set(GORINCHEM_WIJKEN)


def test_latest_year_per_indicator(gorinchem_areas):
    """Population figures come from 2024, labour participation only exists for 2022: show each with its year."""
    latest = gorinchem_areas.latest().set_index(["area_code", "indicator"])
    assert latest.loc[("GM0512", "aantal_inwoners"), "value"] == 38671
    assert latest.loc[("GM0512", "aantal_inwoners"), "year"] == 2024
    assert latest.loc[("GM0512", "arbeidsparticipatie"), "value"] == 65
    assert latest.loc[("GM0512", "arbeidsparticipatie"), "year"] == 2022
    # a wijk: 2024 inhabitants (5865, not 2022's 5850), 2022 WOZ value
    assert latest.loc[("WK051201", "aantal_inwoners"), "value"] == 5865
    assert latest.loc[("WK051201", "gem_woz_waarde"), "year"] == 2022
    inw = gorinchem_areas.wijken.set_index("wijkcode")["inhabitants"]
    assert inw["WK051201"] == 5865
    # both years stay available
    ind = gorinchem_areas.indicators
    assert _value(ind, "GM0512", "aantal_inwoners", 2022.0) == 37632


def test_indicator_catalogue_shows_years_and_source(gorinchem_areas):
    numbers = indicator_catalogue(gorinchem_areas).set_index("label")
    assert numbers.loc["Aantal inwoners", "years"] == [2022, 2024]
    assert (numbers.loc["Aantal inwoners", "gemeente_value"], numbers.loc["Aantal inwoners", "gemeente_year"]) == (38671, 2024)
    assert numbers.loc["Aantal inwoners", "wijken"] == 21
    cat = catalogue_table(indicator_catalogue(gorinchem_areas)).set_index("Indicator")
    assert cat.loc["Aantal inwoners", "Jaren"] == "2022, 2024"
    assert cat.loc["Aantal inwoners", "Gemeente (laatste jaar)"] == "38.671 (2024)"
    assert cat.loc["Aantal inwoners", "Wijken met waarde"] == "21"
    assert "Bron: CBS" in cat.loc["Aantal inwoners", "Bron"]
    assert cat.loc["Nettoarbeidsparticipatie", "Gemeente (laatste jaar)"] == "65% (2022)"


def test_tiny_wijken_are_marked(gorinchem_areas):
    table = wijk_table(gorinchem_areas).set_index("wijkcode")
    assert table.loc["WK051221", "tiny"]  # 10 inhabitants
    assert table.loc["WK051207", "tiny"]  # 290 inhabitants
    assert not table.loc["WK051201", "tiny"]
    assert table["on_map"].all()


# --------------------------------------------------------------------------- GeoJSON


def test_geojson_features_get_wijkcode_and_name(gorinchem_area_files):
    name, data = next((n, d) for k, n, d in gorinchem_area_files if k == "geo")
    geo = read_geojson(name, data)
    assert len(geo["features"]) == 21
    props = geo["features"][0]["properties"]
    assert props == {"wijkcode": "WK051201", "wijknaam": "Wijk 01 Gorinchem binnenstad"}
    lon, lat = geo["features"][0]["geometry"]["coordinates"][0][0][:2]
    assert 4.9 < lon < 5.1 and 51.8 < lat < 51.9


def test_geojson_in_rd_new_is_converted_to_wgs84():
    square = [[[126000, 425000], [127000, 425000], [127000, 426000], [126000, 426000], [126000, 425000]]]
    data = json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": {"statcode": "WK051201  ", "statnaam": "Binnenstad"},
                 "geometry": {"type": "Polygon", "coordinates": square}},
                {"type": "Feature", "properties": {"naam": "punt"}, "geometry": {"type": "Point", "coordinates": [1, 2]}},
            ],
        }
    ).encode()
    geo = read_geojson("rd.geojson", data)
    assert len(geo["features"]) == 1
    feature = geo["features"][0]
    assert feature["properties"] == {"wijkcode": "WK051201", "wijknaam": "Binnenstad"}
    lon, lat = feature["geometry"]["coordinates"][0][0]
    assert lon == pytest.approx(4.97, abs=0.03) and lat == pytest.approx(51.82, abs=0.03)


@pytest.mark.parametrize(
    "data",
    [b"{niet json", b'{"type": "FeatureCollection", "features": []}',
     b'{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"naam": "x"}, '
     b'"geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}}]}'],
    ids=["invalid", "empty", "no-wijkcode"],
)
def test_unusable_geojson_is_refused_in_dutch(data):
    with pytest.raises(AreasError) as info:
        read_geojson("grenzen.geojson", data)
    assert str(info.value).startswith("grenzen.geojson: ")
    assert is_dutch(info.value.message)


# --------------------------------------------------------------------------- two gemeenten in one file


def test_build_areas_takes_the_gemeente_with_most_wijken():
    path = _shared("geoinzicht_wijken_2022_gorinchem_gouda.csv")
    t = read_area_table(path.name, path.read_bytes())
    areas = build_areas([t])
    assert (areas.gemeentecode, areas.gemeentenaam) == ("GM0512", "Gorinchem")
    assert len(areas.wijken) == 21
    assert areas.gemeenten == {"GM0512": "Gorinchem", "GM0513": "Gouda"}
    assert set(areas.indicators["area_code"].str[2:6]) == {"0512"}
    gouda = build_areas([t], gemeentecode="GM0513")
    assert (gouda.gemeentecode, gouda.gemeentenaam, len(gouda.wijken)) == ("GM0513", "Gouda", 9)
    # an unknown choice falls back to the gemeente with most wijken
    assert build_areas([t], gemeentecode="GM9999").gemeentecode == "GM0512"


def test_wijk_polygons_of_another_gemeente_are_dropped_with_a_warning():
    csv_path = _shared("geoinzicht_wijken_2022_gorinchem_gouda.csv")
    geo_path = _shared("gouda_wijken_2022.geojson")
    t = read_area_table(csv_path.name, csv_path.read_bytes())
    geo = read_geojson(geo_path.name, geo_path.read_bytes())
    gorinchem = build_areas([t], geo)
    assert gorinchem.geojson is None
    assert any("andere gemeente" in w for w in gorinchem.warnings)
    gouda = build_areas([t], geo, gemeentecode="GM0513")
    assert len(gouda.geojson["features"]) == 9 and gouda.warnings == []


# --------------------------------------------------------------------------- small generated files


def test_buurt_counts_roll_up_to_a_wijk_without_its_own_row():
    text = (
        "code,naam,aantal_inwoners\n"
        "WK051213,Wijk 13 Hoog Dalem,3575\n"
        "BU05121101,Dalem Noord,100\n"
        "BU05121102,Dalem Zuid,250\n"
        "BU05121301,Hoog Dalem,40\n"
    )
    areas = load_areas([("buurten_2024.csv", text.encode())])
    assert areas.wijken["wijkcode"].tolist() == ["WK051211", "WK051213"]
    assert len(areas.buurten) == 3
    inw = areas.wijken.set_index("wijkcode")["inhabitants"]
    assert inw["WK051211"] == 350  # summed from its two buurten
    assert inw["WK051213"] == 3575  # its own figure wins over the buurt sum
    rolled = areas.indicators[areas.indicators["area_code"] == "WK051211"]
    assert rolled["source"].str.contains("opgeteld uit buurten").all()


def test_file_with_only_buurten_builds_their_wijken():
    text = "buurtcode,buurtnaam,aantal_inwoners\nBU05121101,Dalem Noord,100\nBU05121102,Dalem Zuid,250\n"
    areas = load_areas([("buurten_2024.csv", text.encode())])
    assert areas.gemeentecode == "GM0512"
    assert areas.wijken.set_index("wijkcode").loc["WK051211", "inhabitants"] == 350


def test_file_without_area_codes_is_refused_in_dutch():
    with pytest.raises(AreasError) as info:
        read_area_table("cijfers.csv", b"naam,waarde\nLingewijk,1\nDalem,2\n")
    assert str(info.value).startswith("cijfers.csv: ")
    assert "wijkcode" in info.value.message


def test_no_area_files_at_all():
    with pytest.raises(AreasError):
        build_areas([])


@pytest.mark.parametrize(
    "raw,number",
    [("  10,2", 10.2), ('"10,2"', math.nan), ("1.234,5", 1234.5), ("    5865", 5865.0), ("  -0.022", -0.022),
     ("       .", math.nan), ("", math.nan), ("NA", math.nan), ("-99995", math.nan), (-99997, math.nan),
     (12, 12.0), (None, math.nan), ("x", math.nan)],
)
def test_parse_number(raw, number):
    result = parse_number(raw)
    if math.isnan(number):
        assert math.isnan(result)
    else:
        assert result == pytest.approx(number)


@pytest.mark.parametrize(
    "header,key",
    [("AantalInwoners_5", "aantal_inwoners"), ("a_inw", "aantal_inwoners"), ("Aantal inwoners (aantal)", "aantal_inwoners"),
     ("aantal_inwoners", "aantal_inwoners"), ("Mannen (aantal)", "mannen"), ("g_hhgro", "gem_huishouden_grootte")],
)
def test_describe_column_matches_kwb_flavours(header, key):
    assert describe_column(header).key == key


@pytest.mark.parametrize("value,text", [(38671, "38.671"), (1.7, "1,7"), (12.25, "12,2"), (float("nan"), "–"), (None, "–")])
def test_format_number_is_dutch(value, text):
    assert format_number(value) == text


def test_disk_cache_is_keyed_on_the_code_that_derives_it(tmp_path, monkeypatch):
    """Same files, changed deriving code: the cache misses without anyone bumping a version."""
    from lib.areas.cache import cached_by_content, code_version

    pkg = tmp_path / "src"
    pkg.mkdir()
    (pkg / "wb_deriver.py").write_text("FACTOR = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(pkg))
    builds = []

    def build(files):
        builds.append(1)
        return len(files[0][1])

    files = [("kwb.csv", b"wijkcode;a_inw\nWK051201;100\n")]
    cache = tmp_path / "cache"
    first = code_version(("wb_deriver",), ())
    assert cached_by_content(files, cache, "t", build, modules=("wb_deriver",), data_files=()) == len(files[0][1])
    assert cached_by_content(files, cache, "t", build, modules=("wb_deriver",), data_files=()) == len(files[0][1])
    assert len(builds) == 1  # second call came from disk
    (pkg / "wb_deriver.py").write_text("FACTOR = 2  # a reader change\n", encoding="utf-8")
    assert code_version(("wb_deriver",), ()) != first
    cached_by_content(files, cache, "t", build, modules=("wb_deriver",), data_files=())
    assert len(builds) == 2  # the changed code missed the cache
    cached_by_content([("kwb.csv", b"other")], cache, "t", build, modules=("wb_deriver",), data_files=())
    assert len(builds) == 3  # and so does changed content


def test_default_cache_key_covers_the_area_readers():
    from lib.areas.cache import DERIVING_DATA, DERIVING_MODULES

    assert {"lib.areas.figures", "lib.areas.geo", "lib.areas.postcodes", "lib.reading.readers"} <= set(DERIVING_MODULES)
    assert "data/indicatoren.csv" in DERIVING_DATA


def test_an_area_file_read_again_is_not_parsed_again_unless_its_bytes_or_the_reader_change(monkeypatch):
    from lib.areas import cache

    path = CBS / "kwb_clean_unprefixed.csv"
    data = path.read_bytes()
    first = cache.read_area_table_kept(path.name, data)
    again = cache.read_area_table_kept(path.name, data)
    assert again.indicators is first.indicators  # kept, not parsed again
    assert again.names == first.names and again.names is not first.names  # each caller its own name maps
    edited = cache.read_area_table_kept(path.name, data.replace(b"\n", b"\r\n"))
    assert edited.indicators is not first.indicators
    pd.testing.assert_frame_equal(edited.indicators, first.indicators)
    monkeypatch.setattr(cache, "code_version", lambda *a, **k: "another reader")
    assert cache.read_area_table_kept(path.name, data).indicators is not first.indicators
