"""The bundled national data: every gemeente out of the box (lib/areas/national.py)."""

from __future__ import annotations

import pytest

from lib.areas.linking import Gazetteer
from lib.areas.national import (
    _wijken_all,
    find_gemeente,
    gemeenten,
    national_areas,
    national_pc4,
    resolve_gemeente,
)
from lib.core.errors import AreasError


def test_all_342_gemeenten_with_codes_and_names():
    g = gemeenten()
    assert len(g) == 342 and g["gemeentecode"].is_unique
    assert g["gemeentecode"].str.fullmatch(r"GM\d{4}").all()
    assert dict(zip(g["gemeentecode"], g["gemeentenaam"]))["GM0512"] == "Gorinchem"
    assert g["gemeentenaam"].iloc[0] == "Aa en Hunze"  # sorted by name


def test_the_packs_own_checks_hold():
    w = _wijken_all()
    assert len(w) == 3393
    assert w["aantal_inwoners"].sum() == 17942715  # CBS suppresses small cells; NL total is 17,942,942


@pytest.mark.parametrize(
    "text,code",
    [("gor", "GM0512"), ("Gorinchem", "GM0512"), ("GM0512", "GM0512"), ("512", "GM0512"), ("amsterdm", "GM0363"),
     ("Den Haag", "GM0518"), ("den bosch", "GM0796"), ("'s-Hertogenbosch", "GM0796")],
)
def test_find_gemeente_by_a_few_letters_code_or_near_spelling(text, code):
    assert find_gemeente(text)[0][0] == code
    assert resolve_gemeente(text) == code


def test_ambiguous_or_unknown_gemeente_is_a_dutch_message():
    with pytest.raises(AreasError, match="meerdere gemeenten"):
        resolve_gemeente("Bergen")
    with pytest.raises(AreasError, match="niet gevonden"):
        resolve_gemeente("Atlantis")
    with pytest.raises(AreasError):
        national_areas("GM9999")


def _check(areas, code, name, n_wijken, inhabitants):
    assert (areas.gemeentecode, areas.gemeentenaam) == (code, name)
    assert len(areas.wijken) == n_wijken
    assert areas.wijken["wijknaam"].str.strip().ne("").all()
    assert {f["properties"]["wijkcode"] for f in areas.geojson["features"]} <= set(areas.wijken["wijkcode"])
    latest = areas.latest()
    gm = latest[latest["area_code"] == code].set_index("indicator")
    assert gm.at["aantal_inwoners", "value"] == inhabitants
    # every figure has its source and year
    assert areas.indicators["source"].str.startswith("Bron: CBS, Kerncijfers wijken en buurten 20").all()
    assert areas.indicators["year"].isin([2023.0, 2024.0]).all()
    assert {"aantal_inwoners", "0_15", "65plus", "huishoudens", "gem_huishouden_grootte", "bevolkingsdichtheid"} <= set(
        latest.loc[latest["level"] == "wijk", "indicator"]
    )
    assert {"pct_eenpersoonshhd", "gem_woz_waarde", "huurwoningen"} <= set(gm.index)  # the gemeente's own figures
    assert gm.at["gem_woz_waarde", "year"] == 2023


def test_gorinchem():
    a = national_areas("GM0512")
    _check(a, "GM0512", "Gorinchem", 21, 38671)
    assert a.wijk_names()["WK051211"] == "Wijk 11 laag Dalem"
    assert len(a.geojson["features"]) == 21


def test_amsterdam_letters_in_wijk_codes_and_the_largest_in_wijken():
    a = national_areas("GM0363")
    _check(a, "GM0363", "Amsterdam", 110, 931298)
    assert a.wijk_names()["WK0363AD"] == "Burgwallen-Nieuwe Zijde"
    counts = _wijken_all()["gemeentecode"].value_counts()
    assert counts.idxmax() == "GM0363" and counts.max() == 110
    pc4, pc6 = national_pc4("GM0363")
    assert pc6 == {} and pc4["1011"][0][0] == "WK0363AF"
    gaz = Gazetteer(a.wijk_names(), a.gemeentenaam, pc4=pc4)
    assert gaz.link_name("WK0363AD").wijkcode == "WK0363AD"  # a lettered code links as a code
    assert gaz.link_name("Burgwallen Nieuwe Zijde").wijkcode == "WK0363AD"
    assert gaz.link_postcode("1011 AB").wijkcode == "WK0363AF"


def test_a_gemeente_with_one_wijk():
    a = national_areas("GM0060")
    _check(a, "GM0060", "Ameland", 1, float(a.latest().query("area_code == 'GM0060' and indicator == 'aantal_inwoners'")["value"].iloc[0]))
    assert a.wijken["inhabitants"].iloc[0] > 0


def test_pc4_links_only_with_a_clear_majority_and_shares_stay_national():
    pc4, _ = national_pc4("GM0512")
    gaz = Gazetteer(national_areas("GM0512").wijk_names(), "Gorinchem", pc4=pc4)
    assert gaz.link_postcode("4201").wijkcode == "WK051201"
    straddling = [k for k, v in pc4.items() if v[0][1] < 0.8]
    assert straddling  # Gorinchem has PC4s split over wijken
    assert gaz.link_postcode(straddling[0]).wijkcode is None
    # a PC4 that crosses a gemeente border keeps its national share (never rescaled to 100% of one gemeente)
    totals = {}
    for code in ("GM0363", "GM0384"):  # Amsterdam and Diemen share PC4s
        for key, shares in national_pc4(code)[0].items():
            totals[key] = totals.get(key, 0) + sum(s for _c, s in shares)
    assert all(t <= 1.0001 for t in totals.values())


# --------------------------------------------------------------------------- command line: --gemeente, --areas, postcodes

from argparse import Namespace  # noqa: E402
from pathlib import Path  # noqa: E402

from conftest import BAD, CBS, ROOT  # noqa: E402
from lib.areas.national import NATIONAL_PC4_NOTE  # noqa: E402
from lib.core.errors import WijkbeeldError  # noqa: E402
from lib.pipeline import build_gazetteer, inputs_from_files, load_areas  # noqa: E402
from lib.reading.surveys import collect, read_survey  # noqa: E402

KWB_XLSX = str(CBS / "shapes" / "kwb-2024.xlsx")
KWB_CSV = str(CBS / "shapes" / "kwb-2024.csv")


def areas_for_cli(args: Namespace, cache_dir):
    """The areas the command line loads for ``--areas``, ``--postcodes`` and ``--gemeente`` (through the pipeline)."""
    inputs = inputs_from_files([], [Path(a) for a in args.areas] if args.areas else None,
                               [Path(p) for p in args.postcodes] if args.postcodes else None, gemeente=args.gemeente)
    areas, postcode_tables, _problems = load_areas(inputs, strict=True, cache_dir=Path(cache_dir))
    return areas, postcode_tables, areas.notes


def _args(**kw):
    return Namespace(**{"areas": None, "postcodes": None, "gemeente": None, **kw})


def test_cli_gemeente_uses_the_bundled_data_and_pc4(tmp_path):
    areas, tables, notes = areas_for_cli(_args(gemeente="Amsterdam"), tmp_path)
    assert (areas.gemeentecode, len(areas.wijken)) == ("GM0363", 110)
    assert tables[0][0]["1011"][0][0] == "WK0363AF" and NATIONAL_PC4_NOTE in notes


def test_cli_national_kwb_file_asks_which_gemeente(tmp_path):
    with pytest.raises(AreasError, match="--gemeente"):
        areas_for_cli(_args(areas=[KWB_XLSX]), tmp_path)
    areas, tables, _ = areas_for_cli(_args(areas=[KWB_XLSX], gemeente="GM0512"), tmp_path)
    assert areas.gemeentecode == "GM0512" and len(areas.wijken) == 21
    assert not areas.indicators["area_code"].str.startswith("WK0363").any()


def test_cli_missing_area_file_is_a_dutch_message(tmp_path):
    with pytest.raises(WijkbeeldError, match="niet gevonden"):
        areas_for_cli(_args(areas=[str(tmp_path / "weg.csv")]), tmp_path)


def test_own_kwb_file_with_postcode_only_surveys_links_as_well_as_the_sample(tmp_path):
    """Issue 9: ``--areas own_kwb.csv`` used to drop the postcode table (0 of 270 postcode-only respondents linked)."""
    sample, sample_pc, _ = areas_for_cli(_args(), tmp_path)
    own, own_pc, notes = areas_for_cli(_args(areas=[KWB_CSV]), tmp_path)
    assert notes == [NATIONAL_PC4_NOTE] and own.gemeentecode == "GM0512"
    surveys = ROOT / "sample_data" / "surveys"
    files = [surveys / "buurtenquete_2024_microsoft_forms.xlsx", surveys / "jongerenpeiling_2024_limesurvey.csv"]
    rates = {}
    for label, areas, pcs in (("sample", sample, sample_pc), ("own", own, own_pc)):
        gaz = build_gazetteer(areas, pcs, {}, {})
        records, _ = collect([read_survey(p.name, p.read_bytes(), known_wijken=gaz.known_tokens()) for p in files], gaz)
        postcodes = records["postcode_raw"].astype(str).str.strip()
        postcodes = postcodes[postcodes != ""]
        assert len(postcodes) > 50
        rates[label] = sum(gaz.link_postcode(v).wijkcode is not None for v in postcodes) / len(postcodes)
    print(rates)
    assert rates["own"] >= rates["sample"] > 0.3, rates


# --------------------------------------------------------------------------- projects: settings['gemeentecode']

from lib.areas.national import NATIONAL_AREAS_NOTE  # noqa: E402
from lib.pipeline import analyse_project, inputs_from_store  # noqa: E402


def load_project_areas(store, project_id):
    return load_areas(inputs_from_store(store, project_id))


def analyse(store, project_id):
    return analyse_project(store, project_id)


def test_new_project_with_only_a_gemeente_is_ready_for_surveys(store):
    project = store.create_project("Wijkbeeld Utrecht")
    store.update_project_settings(project.id, gemeentecode="GM0344")
    areas, pcs, problems = load_project_areas(store, project.id)
    assert (areas.gemeentecode, areas.gemeentenaam) == ("GM0344", "Utrecht") and problems == []
    assert len(areas.wijken) > 5 and areas.geojson is not None
    assert areas.notes == [NATIONAL_AREAS_NOTE, NATIONAL_PC4_NOTE] and pcs and pcs[0][0]
    data = analyse(store, project.id)
    assert data.gazetteer is not None and data.gazetteer.pc4


def test_own_kwb_upload_adds_and_overrides_bundled_figures(store):
    project = store.create_project("Gorinchem eigen KWB")
    store.update_project_settings(project.id, gemeentecode="GM0512")
    name = "Kerncijfers_wijken_en_buurten_2024_01122026_101500.csv"
    store.add_file(project.id, name, "gebied", (CBS / "shapes" / name).read_bytes())
    areas, _pcs, problems = load_project_areas(store, project.id)
    assert problems == [] and len(areas.wijken) == 21
    latest = areas.latest().set_index(["area_code", "indicator"])
    assert name in latest.loc[("GM0512", "aantal_inwoners"), "source"]  # the upload wins for the same year
    assert "meegeleverd" in latest.loc[("GM0512", "pct_eenpersoonshhd"), "source"]  # the bundle adds what it lacks
    assert areas.geojson is not None  # bundled map


def test_area_file_of_another_gemeente_asks_instead_of_mixing(store):
    project = store.create_project("Gorinchem met verkeerd bestand")
    store.update_project_settings(project.id, gemeentecode="GM0512")
    store.add_file(project.id, "kwb-2024.xlsx", "gebied", (CBS / "shapes" / "kwb-2024.xlsx").read_bytes())
    areas, _pcs, problems = load_project_areas(store, project.id)
    assert areas.gemeentecode == "GM0512" and set(areas.gemeenten) == {"GM0363", "GM0512"}  # the page asks
    assert not areas.wijken["wijkcode"].str.startswith("WK0363").any()
    other = store.create_project("Amsterdam-bestand in Gorinchem")
    store.update_project_settings(other.id, gemeentecode="GM0512")
    ams = (CBS / "shapes" / "kwb-2024.csv").read_text(encoding="utf-8").splitlines()
    only_ams = "\n".join([ams[0]] + [r.replace("0512", "0363").replace("Gorinchem", "Amsterdam") for r in ams[2:4]])
    store.add_file(other.id, "amsterdam.csv", "gebied", only_ams.encode())
    areas, _pcs, problems = load_project_areas(store, other.id)
    assert areas.gemeentecode == "GM0512"
    assert any("niet van Gorinchem" in p for p in problems)


def test_an_area_upload_of_another_gemeente_is_refused_before_it_is_stored():
    """Gebieden refuses a file none of whose areas lies in the project's gemeente, in one Dutch line; a file that
    also holds the project's gemeente (a national KWB download) is taken."""
    from lib.areas.figures import read_area_table
    from lib.areas.geo import read_geojson
    from lib.areas.national import area_codes_of, foreign_gemeente

    gouda = read_area_table("kwb_other_gemeente.csv", (BAD / "kwb_other_gemeente.csv").read_bytes())
    error = foreign_gemeente("kwb_other_gemeente.csv", area_codes_of(gouda), "GM0512")
    assert error is not None and "\n" not in str(error)
    assert str(error).startswith("kwb_other_gemeente.csv: dit bestand bevat cijfers van Gouda, niet van Gorinchem")
    assert foreign_gemeente("x.csv", area_codes_of(gouda), "GM0513") is None
    assert foreign_gemeente("x.csv", area_codes_of(gouda), None) is None  # no gemeente chosen yet: the page asks
    both = read_area_table("kwb-2024.xlsx", (CBS / "shapes" / "kwb-2024.xlsx").read_bytes())
    assert foreign_gemeente("kwb-2024.xlsx", area_codes_of(both), "GM0512") is None
    geo = read_geojson("gouda.geojson", (CBS / "gouda_wijken_2022.geojson").read_bytes())
    assert area_codes_of(geo) and all(c.startswith("WK0513") for c in area_codes_of(geo))
    assert "niet van Gorinchem" in str(foreign_gemeente("gouda.geojson", area_codes_of(geo), "GM0512"))
