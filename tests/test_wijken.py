"""Wijk profiles and comparisons (lib/wijken.py) with the areas and maps they rely on.

Most numbers are checked on a hand-made gemeente GM9999 "Testdorp" so every expected value can be
worked out on paper:

=========  ======  ===========  ===================  ===========  ============  ==========================
wijk       naam    inwoners      eenpersoonshh (%)    bijstand      wmo/1.000     leeftijd % 0-15/15-25/25-45/
                   2023 (2022)   2023 (2022)          2023 (count)  2022 only     45-65/65+ (2023)
=========  ======  ===========  ===================  ===========  ============  ==========================
GM9999     Testd.  3300 (3150)   40,5 (38)            150           60            15/12/28/27/18
WK999901   Noord   1000 (950)    50 (45)              40            50            10/10/30/30/20
WK999902   Zuid    2000 (1900)   30 (28)              100           70            20/15/25/25/15
WK999903   Haven   300 (310)     70 (65)  -> tiny     10            90            5/5/20/30/40
=========  ======  ===========  ===================  ===========  ============  ==========================

``pct_jeugdzorg`` (12,5%) is only known for the gemeente.

Answers (15): Noord 8, Zuid 4, Haven 1, unlinked 2; see ``ANSWER_ROWS``.
Records (18): Noord 6 online + 3 avond, Zuid 3, Haven 5, unlinked 1; see ``_records``.
"""

from __future__ import annotations

import csv
import io
import json
import math
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pytest

from lib.areas.figures import build_areas, read_area_table, read_geojson
from lib.present import tables
from lib.present.export import download_bytes, table_bytes
from lib.present import text
from lib.present.text import percent
from lib.present.maps import NO_DATA, SELECTION, choropleth, classes, map_chart, map_deck, picked_wijk
from lib.wijken.profile import (
    Filters,
    age_comparison,
    comparison_table,
    indicator_by_wijk,
    indicator_options,
    key_figures,
    reach,
    representative_quotes,
    restrict,
    theme_long,
    theme_matrix,
    theme_shares,
    wijk_table,
    words_beside_numbers,
)

TESTS = Path(__file__).resolve().parent
AMSTERDAM = TESTS / "fixtures" / "cbs" / "amsterdam_84583NED_2019_gemeente_wijk.csv"
SHARED_CANDIDATES = [TESTS / "fixtures" / "cbs"]
GOUDA_CSV = "geoinzicht_wijken_2022_gorinchem_gouda.csv"
GOUDA_GEO = "gouda_wijken_2022.geojson"

N, Z, H = "WK999901", "WK999902", "WK999903"  # Noord, Zuid, Haven (tiny)
THEMES = ["Eenzaamheid", "Wonen", "Veiligheid", "Ouderen"]

# StatLine-like exports: ';' separators, comma decimals, '.' for unknown values.
KWB_2023 = (
    "gwb_code;naam;aantal_inwoners;pct_eenpersoonshhd;bijstand;0_15;15_25;25_45;45_65;65plus;pct_jeugdzorg\n"
    "GM9999;Testdorp;3300;40,5;150;15;12;28;27;18;12,5\n"
    "WK999901;Noord;1000;50;40;10;10;30;30;20;.\n"
    "WK999902;Zuid;2000;30;100;20;15;25;25;15;.\n"
    "WK999903;Haven;300;70;10;5;5;20;30;40;.\n"
)
KWB_2022 = (
    "gwb_code;naam;aantal_inwoners;pct_eenpersoonshhd;wmo_per_1000\n"
    "GM9999;Testdorp;3150;38;60\n"
    "WK999901;Noord;950;45;50\n"
    "WK999902;Zuid;1900;28;70\n"
    "WK999903;Haven;310;65;90\n"
)

# key, themes, tone, wijk, source, trajectory, date
ANSWER_ROWS = [
    ("a1", "Eenzaamheid; Wonen", "negatief", N, "enquete.xlsx", "Online peiling", "2024-03-01"),
    ("a2", "Eenzaamheid", "negatief", N, "enquete.xlsx", "Online peiling", "2024-03-01"),
    ("a3", "Eenzaamheid", "positief", N, "enquete.xlsx", "Online peiling", "2024-03-01"),
    ("a4", "Wonen", "neutraal", N, "enquete.xlsx", "Online peiling", "2024-03-01"),
    ("a5", "", "neutraal", N, "enquete.xlsx", "Online peiling", "2024-03-01"),
    ("a6", "Eenzaamheid; Veiligheid", "negatief", N, "avond.csv", "", "2024-05-15"),
    ("a7", "Eenzaamheid", "neutraal", N, "avond.csv", "", "2024-05-15"),
    ("a8", "Wonen", "positief", N, "avond.csv", "", "2024-05-15"),
    ("b1", "Wonen", "negatief", Z, "enquete.xlsx", "Online peiling", "2024-03-01"),
    ("b2", "Wonen", "positief", Z, "enquete.xlsx", "Online peiling", "2024-03-01"),
    ("b3", "Veiligheid", "negatief", Z, "avond.csv", "", "2024-05-15"),
    ("b4", "Eenzaamheid", "neutraal", Z, "avond.csv", "", "2024-05-15"),
    ("c1", "Veiligheid", "negatief", H, "enquete.xlsx", "Online peiling", "2024-03-01"),
    ("u1", "Wonen", "neutraal", "", "enquete.xlsx", "Online peiling", "2024-03-01"),
    ("u2", "Eenzaamheid", "negatief", "", "avond.csv", "", "2024-05-15"),
]
# Hand counts of the table above.
N_ALL = 15
WIJK_N = {N: 8, Z: 4, H: 1}
WIJK_THEME = {
    N: {"Eenzaamheid": 5, "Wonen": 3, "Veiligheid": 1},
    Z: {"Eenzaamheid": 1, "Wonen": 2, "Veiligheid": 1},
    H: {"Veiligheid": 1},
}
UNLINKED_THEME = {"Eenzaamheid": 1, "Wonen": 1}
GEMEENTE_THEME = {"Eenzaamheid": 7, "Wonen": 6, "Veiligheid": 3, "Ouderen": 0}


# --------------------------------------------------------------------------- builders


@lru_cache(maxsize=None)
def _testdorp():
    """The hand-checkable gemeente, read through the real CSV reader (do not mutate)."""
    new = read_area_table("kwb_2023_testdorp.csv", KWB_2023.encode("utf-8"))
    old = read_area_table("kwb_2022_testdorp.csv", KWB_2022.encode("utf-8"))
    return build_areas([new, old])


@pytest.fixture(scope="module")
def areas():
    return _testdorp()


def _answers() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "answer": f"Antwoord {key}: zo ervaar ik het wonen en leven hier in de wijk.",
                "themes": themes,
                "tone": tone,
                "wijkcode": wijk,
                "source": source,
                "trajectory": trajectory,
                "trajectory_date": when,
                "answer_key": key,
            }
            for key, themes, tone, wijk, source, trajectory, when in ANSWER_ROWS
        ],
        index=range(100, 100 + len(ANSWER_ROWS)),  # a non-default index: theme rows must point at it
    )


def _records() -> pd.DataFrame:
    rows = [("enquete.xlsx", "Online peiling", "2024-03-01", N, age) for age in (10, 20, 30, 40, 50, 70)]
    rows += [("avond.csv", "", "2024-05-15", N, age) for age in (None, 35, 80)]
    rows += [("enquete.xlsx", "Online peiling", "2024-03-01", Z, age) for age in (30, 31, 60)]
    rows += [("enquete.xlsx", "Online peiling", "2024-03-01", H, age) for age in (20, 22, 40, 45, 70)]
    rows += [("avond.csv", "", "2024-05-15", "", 50.0)]
    return pd.DataFrame(rows, columns=["source", "trajectory", "trajectory_date", "wijkcode", "age"]).astype({"age": float})


@pytest.fixture
def answers() -> pd.DataFrame:
    return _answers()


@pytest.fixture
def records() -> pd.DataFrame:
    return _records()


@pytest.fixture
def long(answers) -> pd.DataFrame:
    return theme_long(answers)


def _row(frame: pd.DataFrame, column: str, value) -> pd.Series:
    rows = frame[frame[column] == value]
    assert len(rows) == 1, f"{column}={value!r}: {len(rows)} rows"
    return rows.iloc[0]


def _rank(frame: pd.DataFrame, key: str):
    """(rank, rank_of) of an indicator in a ``key_figures`` frame indexed by indicator, None without a rank."""
    rank, of = frame.at[key, "rank"], frame.at[key, "rank_of"]
    return None if _is_none(rank) else (int(rank), int(of))


def _is_none(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _shown(values, threshold: int = 5) -> list[str]:
    """Counts after the small-number rule as the screen writes them (``<NA>`` -> ``<5``)."""
    return [text.count(v, threshold) for v in values]


def _empty_answers() -> pd.DataFrame:
    return _answers().iloc[0:0]


def _empty_records() -> pd.DataFrame:
    return _records().iloc[0:0]


def _shared(name: str) -> Path:
    for folder in SHARED_CANDIDATES:
        if (folder / name).exists():
            return folder / name
    pytest.skip(f"gedeeld bestand {name} ontbreekt")


def _square(x: float, y: float) -> list:
    return [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]]


def _testdorp_geojson() -> dict:
    features = [
        {"type": "Feature", "properties": {"wijkcode": code, "wijknaam": name}, "geometry": {"type": "Polygon", "coordinates": _square(4.9 + i * 0.01, 51.8)}}
        for i, (code, name) in enumerate([(N, "Noord"), (Z, "Zuid"), (H, "Haven")])
    ]
    return read_geojson("testdorp.geojson", json.dumps({"type": "FeatureCollection", "features": features}).encode())


# --------------------------------------------------------------------------- figures: key_figures


def test_testdorp_fixture_reads_as_intended(areas):
    """Guard for the hand calculations below: three wijken, latest inhabitants, gemeente name."""
    assert (areas.gemeentecode, areas.gemeentenaam) == ("GM9999", "Testdorp")
    assert areas.wijk_names() == {N: "Noord", Z: "Zuid", H: "Haven"}
    assert areas.wijken.set_index("wijkcode")["inhabitants"].to_dict() == {N: 1000.0, Z: 2000.0, H: 300.0}
    assert list(wijk_table(areas)["tiny"]) == [False, False, True]


def test_key_figures_show_per_indicator_the_latest_year_that_has_it(areas):
    kf = key_figures(areas, N).set_index("indicator")
    # newer value wins where both years have one
    assert kf.at["pct_eenpersoonshhd", "wijk_value"] == 50.0
    assert kf.at["pct_eenpersoonshhd", "gemeente_value"] == 40.5
    assert kf.at["pct_eenpersoonshhd", "year"] == 2023
    assert kf.at["aantal_inwoners", "wijk_value"] == 1000.0 and kf.at["aantal_inwoners", "gemeente_value"] == 3300.0
    # only the older file has Wmo figures: shown, with the older year and that file as source
    assert kf.at["wmo_per_1000", "wijk_value"] == 50.0 and kf.at["wmo_per_1000", "gemeente_value"] == 60.0
    assert kf.at["wmo_per_1000", "year"] == 2022
    assert "kwb_2022_testdorp.csv" in kf.at["wmo_per_1000", "source"]
    assert "kwb_2023_testdorp.csv" in kf.at["pct_eenpersoonshhd", "source"]
    assert all("Bron: CBS" in b for b in kf["source"])
    # each indicator once
    assert kf.index.is_unique


def test_key_figures_rank_rates_among_wijken_that_are_not_tiny(areas):
    noord = key_figures(areas, N).set_index("indicator")
    zuid = key_figures(areas, Z).set_index("indicator")
    # eenpersoonshuishoudens: Noord 50 > Zuid 30; Haven (70, 300 inwoners) does not take part
    assert _rank(noord, "pct_eenpersoonshhd") == (1, 2)
    assert _rank(zuid, "pct_eenpersoonshhd") == (2, 2)
    assert (noord.at["pct_eenpersoonshhd", "low"], noord.at["pct_eenpersoonshhd", "high"]) == (30.0, 50.0)
    # Wmo per 1.000 (2022): Zuid 70 > Noord 50, Haven 90 left out of rank and spread
    assert _rank(noord, "wmo_per_1000") == (2, 2)
    assert _rank(zuid, "wmo_per_1000") == (1, 2)
    assert (zuid.at["wmo_per_1000", "low"], zuid.at["wmo_per_1000", "high"]) == (50.0, 70.0)
    # counts are not comparable between wijken of different size: no rank, spread over all wijken
    for key in ("aantal_inwoners", "bijstand"):
        assert _rank(noord, key) is None
    assert (noord.at["aantal_inwoners", "low"], noord.at["aantal_inwoners", "high"]) == (300.0, 2000.0)
    assert (noord.at["bijstand", "low"], noord.at["bijstand", "high"]) == (10.0, 100.0)
    assert noord["reason"].eq("").loc[["pct_eenpersoonshhd", "wmo_per_1000", "aantal_inwoners"]].all()


def test_key_figures_of_a_tiny_wijk_show_values_but_no_rank(areas):
    haven = key_figures(areas, H).set_index("indicator")
    for key in ("pct_eenpersoonshhd", "wmo_per_1000", "65plus"):
        assert _rank(haven, key) is None
        assert haven.at[key, "reason"] == "tiny_area"
    assert haven.at["pct_eenpersoonshhd", "wijk_value"] == 70.0  # the value itself is still shown
    assert (haven.at["pct_eenpersoonshhd", "low"], haven.at["pct_eenpersoonshhd", "high"]) == (30.0, 50.0)
    # a count is not a rate: no 'klein gebied' remark needed
    assert haven.at["aantal_inwoners", "reason"] == ""


def test_key_figures_say_when_only_the_gemeente_has_a_figure(areas):
    row = key_figures(areas, N).set_index("indicator").loc["pct_jeugdzorg"]
    assert _is_none(row["wijk_value"])
    assert row["gemeente_value"] == 12.5
    assert row["year"] == 2023
    assert _is_none(row["rank"]) and _is_none(row["rank_of"])
    assert row["reason"] == "gemeente_only"
    screen = tables.gemeente_figures_table(key_figures(areas, N, ["pct_jeugdzorg"])).iloc[0]
    assert (screen["Gemeente"], screen["Jaar"]) == ("12,5%", "2023")


def test_key_figures_for_chosen_indicators_skip_unknown_keys(areas):
    kf = key_figures(areas, Z, ["wmo_per_1000", "bestaat_niet", "0_15"])
    assert list(kf["indicator"]) == ["wmo_per_1000", "0_15"]
    assert list(kf["wijk_value"]) == [70.0, 20.0]


def test_key_figures_compare_wijk_and_gemeente_in_the_same_year():
    # a gemeente file with 2022 and 2023 and a wijk file with 2022 only (as with the Gorinchem sample files)
    gemeente = "jaar;gemeentecode;gemeentenaam;aantal_inwoners\n2022;GM9999;Testdorp;3150\n2023;GM9999;Testdorp;3300\n"
    wijken = "gwb_code;naam;aantal_inwoners\nWK999901;Noord;950\nWK999902;Zuid;1900\nWK999903;Haven;310\n"
    areas = build_areas(
        [read_area_table("kwb_2022_2023_gemeente.csv", gemeente.encode()), read_area_table("kwb_2022_wijken.csv", wijken.encode())]
    )
    row = key_figures(areas, N, ["aantal_inwoners"]).iloc[0]
    assert (row["wijk_value"], row["year"]) == (950.0, 2022)
    assert row["gemeente_value"] == 3150.0  # the gemeente in 2022, not 3300 (2023) under the label 2022


def test_indicator_by_wijk_and_the_indicator_choice(areas):
    assert indicator_by_wijk(areas, "pct_eenpersoonshhd").to_dict() == {N: 50.0, Z: 30.0, H: 70.0}
    assert indicator_by_wijk(areas, "wmo_per_1000").to_dict() == {N: 50.0, Z: 70.0, H: 90.0}
    assert indicator_by_wijk(areas, "pct_jeugdzorg").isna().all()
    options = indicator_options(areas)
    assert options["aantal_inwoners"] == "Aantal inwoners (aantal)"
    assert options["pct_eenpersoonshhd"] == "Eenpersoonshuishoudens (%)"
    assert options["wmo_per_1000"] == "Wmo-cliënten per 1.000 inwoners (per 1.000 inwoners)"
    assert "pct_jeugdzorg" not in options  # nothing to colour a map with
    assert list(options.values()) == sorted(options.values(), key=str.lower)
    assert "pct_jeugdzorg" not in indicator_options(areas, 1)
    assert indicator_options(areas, 4) == {}


# --------------------------------------------------------------------------- themes


def test_theme_long_has_one_row_per_answer_and_theme(answers, long):
    assert len(long) == 16  # 9 Noord + 4 Zuid + 1 Haven + 2 unlinked; a5 has no theme
    assert set(long["idx"]) == set(answers.index) - {104}
    a1 = long[long["idx"] == 100]
    assert sorted(a1["theme"]) == ["Eenzaamheid", "Wonen"]
    assert set(a1["wijkcode"]) == {N} and set(a1["tone"]) == {"negatief"}
    assert list(theme_long(_empty_answers()).columns) == ["idx", "wijkcode", "theme", "tone"]


def test_theme_shares_per_wijk_against_the_gemeente(answers, long):
    shares = theme_shares(answers, long, N, THEMES, 1)  # threshold 1: the arithmetic, nothing hidden
    assert list(shares["theme"]) == ["Eenzaamheid", "Wonen", "Veiligheid", "Ouderen"]  # most answers first
    eenz = _row(shares, "theme", "Eenzaamheid")
    assert eenz["answers"] == 5 and eenz["over_represented"]
    assert eenz["wijk_share"] == pytest.approx(5 / 8)
    assert eenz["gemeente_share"] == pytest.approx(7 / 15)  # every answer counts, also unlinked ones
    assert eenz["ratio"] == pytest.approx((5 / 8) / (7 / 15))  # 1,34: over-represented
    assert eenz["reason"] == ""
    assert not _row(shares, "theme", "Wonen")["over_represented"]
    wonen = _row(shares, "theme", "Wonen")
    assert wonen["wijk_share"] == pytest.approx(3 / 8)
    assert wonen["gemeente_share"] == pytest.approx(6 / 15)
    assert wonen["ratio"] == pytest.approx(0.9375)
    veil = _row(shares, "theme", "Veiligheid")
    assert veil["wijk_share"] == pytest.approx(1 / 8) and veil["ratio"] == pytest.approx(0.625)
    ouderen = _row(shares, "theme", "Ouderen")
    assert ouderen["answers"] == 0 and ouderen["wijk_share"] == 0 and _is_none(ouderen["ratio"])


def test_theme_shares_tone_per_theme(answers, long):
    shares = theme_shares(answers, long, N, THEMES, 1)
    eenz = _row(shares, "theme", "Eenzaamheid")
    assert eenz["negative"] == pytest.approx(3 / 5) and eenz["positive"] == pytest.approx(1 / 5)
    wonen1 = _row(shares, "theme", "Wonen")
    assert wonen1["negative"] == pytest.approx(1 / 3) and wonen1["positive"] == pytest.approx(1 / 3)
    # at 5: Eenzaamheid 3 negatief (hidden), 1 positief (hidden); Wonen has 3 answers: no tone split at all
    at5 = theme_shares(answers, long, N, THEMES, 5)
    assert at5["negative"].map(_is_none).all() and at5["positive"].map(_is_none).all()


def test_theme_shares_of_a_wijk_with_few_answers_are_hidden_with_the_reason(answers, long):
    shares = theme_shares(answers, long, Z, THEMES, 5)  # Zuid: 4 answers
    assert shares["wijk_share"].map(_is_none).all()
    assert shares["ratio"].map(_is_none).all()
    assert shares["negative"].map(_is_none).all()
    assert set(shares["reason"]) == {"below_threshold"}
    assert text.reason("below_threshold", 5) == "minder dan 5 antwoorden uit deze wijk"
    assert dict(zip(shares["theme"], _shown(shares["answers"]))) == {"Eenzaamheid": "<5", "Wonen": "<5", "Veiligheid": "<5", "Ouderen": "0"}
    assert not shares["over_represented"].any()
    assert str(shares["answers"].dtype) == "Int64"
    # threshold 2: Zuid's 4 answers would be a base, but Haven's 1 answer = 15 - 2 unlinked - 8 Noord - 4 Zuid,
    # so Zuid's total is hidden as well (complementary) and with it every share of Zuid
    shares2 = theme_shares(answers, long, Z, THEMES, 2).set_index("theme")
    assert shares2["wijk_share"].map(_is_none).all() and set(shares2["reason"]) == {"complementary"}
    assert shares2.at["Wonen", "answers"] == 2 and shares2.at["Wonen", "answers_reason"] == ""
    # threshold 1 (nothing hidden): the same data gives the shares
    shares1 = theme_shares(answers, long, Z, THEMES, 1).set_index("theme")
    assert shares1.at["Wonen", "wijk_share"] == pytest.approx(2 / 4)
    assert shares1.at["Eenzaamheid", "wijk_share"] == pytest.approx(1 / 4)
    assert shares1.at["Wonen", "ratio"] == pytest.approx(0.5 / 0.4)
    assert not shares1.at["Wonen", "over_represented"]  # ratio 1,25
    assert set(shares1["reason"]) == {""}


def test_theme_matrix_counts_add_up_to_the_gemeente(answers, long, areas):
    matrix = theme_matrix(answers, long, areas, THEMES, 1)  # threshold 1: nothing hidden
    assert len(matrix) == 3 * len(THEMES)
    per_wijk = matrix.drop_duplicates("wijkcode").set_index("wijkcode")["wijk_answers"].astype(int).to_dict()
    assert per_wijk == WIJK_N
    assert sum(per_wijk.values()) + 2 == N_ALL  # plus the two unlinked answers
    for theme in THEMES:
        in_wijken = matrix[matrix["theme"] == theme]["answers"].astype(int).sum()
        assert in_wijken + UNLINKED_THEME.get(theme, 0) == GEMEENTE_THEME[theme], theme
        gm_share = _row(theme_shares(answers, long, N, THEMES, 1), "theme", theme)["gemeente_share"]
        assert gm_share == pytest.approx(GEMEENTE_THEME[theme] / N_ALL)
    for code, counts in WIJK_THEME.items():
        for theme, k in counts.items():
            cell = matrix[(matrix["wijkcode"] == code) & (matrix["theme"] == theme)].iloc[0]
            assert int(cell["answers"]) == k
            assert cell["share"] == pytest.approx(k / WIJK_N[code])


def test_theme_matrix_hides_small_numbers_and_what_would_give_them_back(answers, long, areas):
    """Hand-checked against WIJK_THEME: per theme the wijken plus the unlinked answers (published exactly,
    on Antwoorden) add up to the gemeente's count, which its share of all answers gives away."""
    m5 = theme_matrix(answers, long, areas, THEMES, 5)
    noord = m5[m5["wijkcode"] == N].set_index("theme")
    # Eenzaamheid: 7 = Noord 5 + Zuid 1 + unlinked 1: with Noord shown, Zuid's 1 is 7 - 5 - 1 -> Noord hidden too
    assert _is_none(noord.at["Eenzaamheid", "answers"]) and noord.at["Eenzaamheid", "answers_reason"] == "complementary"
    assert noord.at["Eenzaamheid", "reason"] == "complementary"
    assert _is_none(noord.at["Wonen", "answers"]) and noord.at["Wonen", "answers_reason"] == ""  # 3: the count rule
    assert noord.at["Ouderen", "answers"] == 0 and noord.at["Ouderen", "share"] == 0
    assert set(noord["wijk_answers"]) == {8}  # 8 + Zuid 4 + Haven 1 + unlinked 2 = 15: hidden ones hold 5
    # no share gives a hidden count back: 62,5% of 8 would be 5, 37,5% 3, 12,5% 1
    assert noord.loc[["Eenzaamheid", "Wonen", "Veiligheid"], "share"].map(_is_none).all()
    zuid = m5[m5["wijkcode"] == Z].set_index("theme")
    assert zuid["share"].map(_is_none).all()
    assert set(zuid["reason"]) == {"few_answers"}
    assert zuid["wijk_answers"].isna().all()
    assert set(m5["wijknaam"]) == {"Noord", "Zuid", "Haven"}
    # threshold 3: Haven's 1 answer = 15 - 2 - 8 - 4, so Zuid's 4 (not small at 3) is hidden as well
    m3 = theme_matrix(answers, long, areas, THEMES, 3)
    zuid3 = m3[m3["wijkcode"] == Z].set_index("theme")
    assert zuid3["wijk_answers"].isna().all() and set(zuid3["wijk_answers_reason"]) == {"complementary"}
    assert zuid3["share"].map(_is_none).all() and set(zuid3["reason"]) == {"complementary"}
    # Wonen at 3: 6 = Noord 3 + Zuid 2 + unlinked 1: Zuid's 2 would follow from Noord's 3 -> both hidden
    noord3 = m3[m3["wijkcode"] == N].set_index("theme")
    assert _is_none(noord3.at["Wonen", "answers"]) and noord3.at["Wonen", "answers_reason"] == "complementary"
    # threshold 1 hides nothing
    m1 = theme_matrix(answers, long, areas, THEMES, 1)
    assert m1["answers"].notna().all() and m1["share"].notna().all()
    assert m3[m3["wijkcode"] == H]["share"].map(_is_none).all()


def test_percent_is_dutch():
    assert percent(0.125) == "12,5%"
    assert percent(0.5, 0) == "50%"
    assert percent(None) == "–" and percent(float("nan")) == "–"


def test_words_beside_numbers_leaves_out_tiny_and_hidden_wijken(answers, long, areas):
    # at 5 no point survives: Noord's 5 on Eenzaamheid would give Zuid's 1 back (see the theme matrix)
    assert words_beside_numbers(answers, long, areas, "Eenzaamheid", "pct_eenpersoonshhd", 5).empty
    at1 = words_beside_numbers(answers, long, areas, "Eenzaamheid", "pct_eenpersoonshhd", 1)
    assert list(at1["wijkcode"]) == [N, Z]
    assert at1.iloc[0]["value"] == 50.0 and at1.iloc[0]["share"] == pytest.approx(5 / 8)
    at1 = words_beside_numbers(answers, long, areas, "Veiligheid", "pct_eenpersoonshhd", 1)
    assert list(at1["wijkcode"]) == [N, Z]  # Haven has an answer and a value but only 300 inhabitants
    assert dict(zip(at1["wijkcode"], at1["value"])) == {N: 50.0, Z: 30.0}
    # an indicator only the gemeente has: nothing to plot
    assert words_beside_numbers(answers, long, areas, "Eenzaamheid", "pct_jeugdzorg", 1).empty


# --------------------------------------------------------------------------- filters


def test_filters_on_source_period_theme_and_tone(answers, records):
    keys = lambda frame: sorted(frame["answer_key"])  # noqa: E731

    out, recs = Filters(sources=["avond.csv"]).apply(answers, records)
    assert keys(out) == ["a6", "a7", "a8", "b3", "b4", "u2"]
    assert len(recs) == 4 and set(recs["source"]) == {"avond.csv"}

    out, recs = Filters(start=date(2024, 4, 1)).apply(answers, records)
    assert set(out["source"]) == {"avond.csv"} and len(recs) == 4
    out, recs = Filters(end=date(2024, 3, 1)).apply(answers, records)  # the end day itself is included
    assert set(out["source"]) == {"enquete.xlsx"} and len(out) == 9 and len(recs) == 14
    out, _ = Filters(start=date(2024, 3, 2), end=date(2024, 5, 14)).apply(answers, records)
    assert out.empty

    out, recs = Filters(themes=["Veiligheid"]).apply(answers, records)
    assert keys(out) == ["a6", "b3", "c1"]
    assert len(recs) == len(records)  # respondents are not filtered on what they said

    out, _ = Filters(themes=["Veiligheid", "Ouderen"], tones=["negatief"], sources=["enquete.xlsx"]).apply(answers, records)
    assert keys(out) == ["c1"]
    out, _ = Filters(tones=["positief"]).apply(answers, records)
    assert keys(out) == ["a3", "a8", "b2"]

    out, recs = Filters().apply(answers, None)
    assert len(out) == N_ALL and recs is None


def test_a_theme_filter_that_leaves_no_answers_gives_an_empty_table(answers, records, areas):
    # enquete.xlsx only ran in March: with a May period nothing is left
    out, recs = Filters(sources=["enquete.xlsx"], start=date(2024, 5, 1), themes=["Wonen"]).apply(answers, records)
    assert out.empty and recs.empty
    assert list(out.columns) == list(answers.columns)
    long = restrict(theme_long(answers), out)
    assert set(theme_shares(out, long, N, THEMES, 5)["answers"]) == {0}


def test_filtered_answers_drive_the_theme_shares(answers, long):
    out, _ = Filters(sources=["enquete.xlsx"]).apply(answers, None)
    part = restrict(long, out)
    assert set(part["idx"]) <= set(out.index)
    assert len(part) == 9  # a1 (2 themes), a2, a3, a4, b1, b2, c1, u1; a5 has no theme
    shares = theme_shares(out, part, N, THEMES, 1).set_index("theme")  # Noord: a1-a5
    assert shares.at["Eenzaamheid", "wijk_share"] == pytest.approx(3 / 5)
    assert shares.at["Eenzaamheid", "gemeente_share"] == pytest.approx(3 / 9)
    assert len(restrict(long, answers)) == len(long)  # nothing filtered: every theme row stays
    assert restrict(long, out.iloc[0:0]).empty


# --------------------------------------------------------------------------- quotes


def _quote_answers() -> pd.DataFrame:
    texts = [
        ("q1", "Ik voel me vaak alleen, bel 06-12345678 of mail jan@example.nl als er iets is."),
        ("q2", "Ik woon op 4205 AB en ken bijna niemand in de straat, dat maakt me eenzaam."),
        ("q3", "Er is te weinig te doen voor ouderen die alleen wonen in deze buurt."),
        ("q4", "Eenzaam."),
        ("q5", "Meer ontmoeting in het buurthuis zou helpen tegen eenzaamheid bij ouderen in Noord."),
        ("q6", "Andere wijk, zelfde thema: ook hier zijn mensen eenzaam en alleen."),
    ]
    wijk = [N, N, N, N, N, Z]
    return pd.DataFrame(
        {
            "answer": [t for _, t in texts],
            "themes": ["Eenzaamheid"] * 5 + ["Eenzaamheid"],
            "tone": "negatief",
            "wijkcode": wijk,
            "source": "enquete.xlsx",
            "trajectory": "",
            "trajectory_date": "",
            "answer_key": [k for k, _ in texts],
        }
    )


def test_representative_quotes_are_masked_limited_and_deterministic():
    frame = _quote_answers()
    quotes = representative_quotes(frame, N, "Eenzaamheid", k=5)
    assert len(quotes) == 5
    text = " ".join(quotes)
    assert "06-12345678" not in text and "jan@example.nl" not in text and "4205 AB" not in text
    assert "[telefoon]" in text and "[e-mail]" in text and "[postcode]" in text
    assert not any("Andere wijk" in q for q in quotes)  # only this wijk
    top3 = representative_quotes(frame, N, "Eenzaamheid", k=3)
    assert len(top3) == 3
    assert "Eenzaam." not in top3  # a one-word answer is not typical
    shuffled = frame.sample(frac=1, random_state=7)
    assert representative_quotes(shuffled, N, "Eenzaamheid", k=3) == top3
    assert representative_quotes(frame, N, "Eenzaamheid", k=3) == top3
    assert representative_quotes(frame, N, "Wonen") == []
    assert representative_quotes(frame, H, "Eenzaamheid") == []


# --------------------------------------------------------------------------- reach and ages


def test_reach_per_source_and_per_1000_inhabitants(records, areas):
    # threshold 3: every count is shown (the arithmetic)
    table = reach(records, areas, N, 3)
    assert list(table.columns) == ["source", "respondents", "per_1000", "reason"]
    online = _row(table, "source", "Online peiling")
    assert online["respondents"] == 6
    assert online["per_1000"] == pytest.approx(6.0)  # 6 of 1000 (2023), not of 950 (2022)
    avond = _row(table, "source", "avond.csv")  # no trajectory name: the file name
    assert avond["respondents"] == 3 and avond["per_1000"] == pytest.approx(3.0)
    assert list(table["source"]) == ["Online peiling", "avond.csv"]  # most respondents first
    assert reach(records, areas, Z, 3).iloc[0]["per_1000"] == pytest.approx(1.5)  # Zuid: 3 of 2000
    # threshold 5: Noord's 9 respondents (shown) = 6 + 3: the 3 is hidden, so the 6 is too
    table = reach(records, areas, N, 5)
    assert table["respondents"].isna().all() and table["per_1000"].map(_is_none).all()
    assert list(table["reason"]) == ["complementary", ""]  # the 6 only protects the 3; the 3 is simply small
    assert list(table["source"]) == ["Online peiling", "avond.csv"]  # hidden ones by name: order says nothing
    zuid5 = reach(records, areas, Z, 5).iloc[0]
    assert _is_none(zuid5["respondents"]) and _is_none(zuid5["per_1000"]) and zuid5["reason"] == ""
    # Haven: 5 of 300, but the wijk totals add up to all 18 respondents (1 unlinked, shown on Koppelen):
    # 18 - 1 - 9 - 5 gives Zuid's 3, so Haven's total (and its only cell) is hidden as well
    haven = reach(records, areas, H, 5).iloc[0]
    assert _is_none(haven["respondents"]) and haven["reason"] == "complementary" and _is_none(haven["per_1000"])
    # a hidden rate always sits beside a hidden count, so the reason is visible in the row
    for code in (N, Z, H):
        for _, row in reach(records, areas, code, 5).iterrows():
            assert _is_none(row["per_1000"]) == (_is_none(row["respondents"]) or row["respondents"] == 0)
    screen = tables.screen(reach(records, areas, N, 5), tables.REACH, 5)
    assert screen.to_dict("records") == [
        {"Bron": "Online peiling", "Respondenten": "verborgen", "Per 1.000 inwoners": "–"},
        {"Bron": "avond.csv", "Respondenten": "<5", "Per 1.000 inwoners": "–"},
    ]
    assert reach(records, areas, "WK999999", 5).empty
    assert reach(_empty_records(), areas, N, 5).empty


def test_age_comparison_against_the_population(records, areas):
    ages = age_comparison(records, areas, N, 1)  # threshold 1: the arithmetic
    assert list(ages["age_band"]) == ["0-15", "15-25", "25-45", "45-65", "65+"]
    # Noord: 8 respondents with an age (one without): 10 | 20 | 30 35 40 | 50 | 70 80
    assert list(ages["respondent_share"]) == pytest.approx([1 / 8, 1 / 8, 3 / 8, 1 / 8, 2 / 8])
    assert list(ages["population_share"]) == pytest.approx([0.10, 0.10, 0.30, 0.30, 0.20])
    assert list(ages["difference"]) == pytest.approx([0.025, 0.025, 0.075, -0.175, 0.05])
    assert list(ages["not_heard"]) == [False, False, False, True, False]  # 45-65: 12,5% against 30%
    assert tables.not_heard_text(ages) == "45-65 jaar (12% van de respondenten, 30% van de inwoners)"
    # threshold 5: every band count is below 5, so no share either (12,5% of 8 would give the 1 back)
    at5 = age_comparison(records, areas, N, 5)
    assert at5["respondents"].isna().all() and at5["respondent_share"].map(_is_none).all()
    assert set(at5["reason"]) == {"hidden_count"}
    # a '<5' of 8 could be up to 50%: nothing is said to be less heard
    assert not at5["not_heard"].any()
    # Haven: 20 22 | 40 | 45 | 70 -> 0-15 has nobody: shown as 0 (0% of 5), not hidden
    haven = age_comparison(records, areas, H, 5).set_index("age_band")
    assert haven.at["0-15", "respondents"] == 0 and haven.at["0-15", "respondent_share"] == 0
    assert _is_none(haven.at["15-25", "respondent_share"])
    haven1 = age_comparison(records, areas, H, 1).set_index("age_band")
    assert haven1.at["15-25", "respondent_share"] == pytest.approx(0.4)
    assert haven1.at["65+", "difference"] == pytest.approx(0.2 - 0.4)


def test_age_comparison_hides_shares_of_fewer_than_threshold_respondents(records, areas):
    zuid = age_comparison(records, areas, Z, 5)  # 3 respondents: 30, 31, 60
    assert zuid["respondent_share"].map(_is_none).all()
    assert zuid["difference"].map(_is_none).all()
    assert list(zuid["population_share"]) == pytest.approx([0.20, 0.15, 0.25, 0.25, 0.15])  # open data stays
    assert _shown(zuid["respondents"]) == ["0", "0", "<5", "<5", "0"]
    assert not zuid["not_heard"].any()  # nothing is said about shares that are hidden
    zuid3 = age_comparison(records, areas, Z, 3)  # 3 with an age is a base at 3, but 2 and 1 are hidden counts
    assert list(zuid3["respondent_share"][[0, 1, 4]]) == [0, 0, 0] and zuid3["respondent_share"][[2, 3]].isna().all()
    assert list(age_comparison(records, areas, Z, 1)["respondent_share"]) == pytest.approx([0, 0, 2 / 3, 1 / 3, 0])
    assert _shown(zuid3["respondents"], 3) == ["0", "0", "<3", "<3", "0"]


def test_age_comparison_says_why_shares_are_hidden(records, areas):
    zuid = age_comparison(records, areas, Z, 5)
    assert set(zuid["reason"]) == {"few_ages"}
    assert set(tables.screen(zuid, tables.AGES, 5)["Toelichting"]) == {"minder dan 5 respondenten met een leeftijd"}


def test_age_comparison_needs_ages_and_age_figures(records, areas):
    no_ages = records.assign(age=float("nan"))
    assert age_comparison(no_ages, areas, N, 5) is None
    assert age_comparison(_empty_records(), areas, N, 5) is None
    # a gemeente file without age bands
    plain = build_areas([read_area_table("kwb_2022_testdorp.csv", KWB_2022.encode())])
    assert age_comparison(records, plain, N, 5) is None


# --------------------------------------------------------------------------- comparison table (downloads)


def _comparison_screen(comparison, areas, threshold=5) -> pd.DataFrame:
    return tables.screen(comparison.table, tables.comparison_columns(comparison, indicator_options(areas, 1)), threshold)


def test_comparison_table_per_wijk(answers, records, long, areas):
    comparison = comparison_table(answers, records, long, areas, THEMES[:3], ["aantal_inwoners", "65plus", "wmo_per_1000"], 5)
    assert list(comparison.table.columns) == [
        "wijknaam", "wijkcode", "inhabitants", "respondents", "answers", "share_0", "share_1", "share_2",
        "indicator_0", "indicator_1", "indicator_2", "respondents_reason", "answers_reason",
    ]
    assert comparison.share_columns == {"share_0": "Eenzaamheid", "share_1": "Wonen", "share_2": "Veiligheid"}
    assert comparison.indicator_columns == {"indicator_0": "aantal_inwoners", "indicator_1": "65plus", "indicator_2": "wmo_per_1000"}
    t = comparison.table.set_index("wijkcode")
    assert list(t["wijknaam"]) == ["Noord", "Zuid", "Haven"]
    assert list(t["inhabitants"]) == [1000.0, 2000.0, 300.0]
    # Haven's 5 respondents: 18 - 1 unlinked - 9 - 5 would give Zuid's 3 back (see test_reach_...)
    assert _shown(t["respondents"]) == ["9", "<5", "<5"] and list(t["respondents_reason"]) == ["", "", "complementary"]
    assert _shown(t["answers"]) == ["8", "<5", "<5"]
    assert str(t["answers"].dtype) == "Int64"
    # every share of Noord gives a hidden count back at 5 (5 is hidden to protect Zuid's 1 on Eenzaamheid)
    for code in (N, Z, H):
        assert all(_is_none(t.at[code, f"share_{i}"]) for i in range(3))
    t1 = comparison_table(answers, records, long, areas, THEMES[:3], [], 1).table.set_index("wijkcode")
    assert (t1.at[N, "share_0"], t1.at[N, "share_1"], t1.at[N, "share_2"]) == (5 / 8, 3 / 8, 1 / 8)
    assert list(t["indicator_1"]) == [20.0, 15.0, 40.0]
    assert list(t["indicator_2"]) == [50.0, 70.0, 90.0]
    # on screen: Dutch headers and Dutch numbers
    screen = _comparison_screen(comparison, areas).set_index("Code")
    assert list(screen.columns) == [
        "Wijk", "Inwoners", "Respondenten", "Antwoorden", "Eenzaamheid", "Wonen", "Veiligheid",
        "Aantal inwoners (aantal)", "Inwoners 65 jaar of ouder (%)", "Wmo-cliënten per 1.000 inwoners (per 1.000 inwoners)",
    ]
    assert list(screen["Inwoners"]) == ["1.000", "2.000", "300"]
    assert list(screen["Eenzaamheid"]) == ["–", "–", "–"]
    assert list(screen["Antwoorden"]) == ["8", "<5", "<5"]
    assert list(screen["Respondenten"]) == ["9", "<5", "verborgen"]
    screen1 = _comparison_screen(comparison_table(answers, records, long, areas, THEMES[:3], [], 1), areas, 1)
    assert list(screen1["Eenzaamheid"]) == ["62,5%", "25,0%", "0,0%"]
    # threshold 3: Zuid's 3 respondents are shown; its 4 answers are not (Haven's 1 = 15 - 2 - 8 - 4)
    t3 = comparison_table(answers, records, long, areas, THEMES[:3], [], 3).table.set_index("wijkcode")
    assert t3.at[Z, "respondents"] == 3 and _is_none(t3.at[Z, "answers"]) and t3.at[Z, "answers_reason"] == "complementary"
    assert all(_is_none(t3.at[Z, f"share_{i}"]) for i in range(3))
    assert _is_none(t3.at[H, "answers"]) and _is_none(t3.at[H, "share_1"])


def _download_rows(comparison, areas, threshold=5, fmt="csv") -> list[dict]:
    spec = tables.comparison_columns(comparison, indicator_options(areas, 1))
    data = download_bytes(tables.download(comparison.table, spec, threshold), fmt, "Wijken")
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    rows = list(sheet.values)
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def test_comparison_download_never_shows_a_small_count(answers, records, long, areas):
    comparison = comparison_table(answers, records, long, areas, THEMES[:3], ["aantal_inwoners"], 5)
    rows = _download_rows(comparison, areas)
    by_code = {r["Code"]: r for r in rows}
    for code, n in WIJK_N.items():
        shown = by_code[code]["Antwoorden"]
        assert shown == ("<5" if 0 < n < 5 else str(n))
        # a hidden share is an empty cell next to a suppressed count: the reason travels with the row
        if shown == "<5":
            assert by_code[code]["Eenzaamheid (%)"] == "" and by_code[code]["Wonen (%)"] == ""
    assert by_code[Z]["Respondenten"] == "<5" and by_code[H]["Respondenten"] == "verborgen"
    for r in rows:
        for col in ("Respondenten", "Antwoorden"):
            assert r[col] in {"0", "<5", "verborgen"} or int(r[col]) >= 5
        assert all(r[f"{t} (%)"] == "" for t in THEMES[:3])  # at 5 every share of this small gemeente gives a count back
    # the hidden cells cannot be recomputed from the download: the shown respondents do not add up to a total
    shown = [int(r["Respondenten"]) for r in rows if r["Respondenten"].isdigit()]
    assert sum(shown) == 9 and 18 - 1 - sum(shown) == 8  # Zuid + Haven together, each unknown


def test_comparison_download_holds_real_numbers_for_dutch_excel(answers, records, long, areas):
    comparison = comparison_table(answers, records, long, areas, THEMES[:3], ["wmo_per_1000"], 2)
    raw = download_bytes(tables.download(comparison.table, tables.comparison_columns(
        comparison, indicator_options(areas, 1)), 2), "csv")
    assert raw.startswith("\ufeff".encode("utf-8"))  # BOM: Excel reads UTF-8
    assert raw.decode("utf-8-sig").splitlines()[0].startswith("Wijk;Code;Inwoners;")
    # threshold 2: Noord's Wonen 3 of 8 and Veiligheid 1 (hidden) of 8; Eenzaamheid's 5 protects Zuid's 1
    noord = {r["Code"]: r for r in _download_rows(comparison, areas, 2)}[N]
    assert noord["Wonen (%)"] == "37,5" and noord["Veiligheid (%)"] == "" and noord["Eenzaamheid (%)"] == ""  # decimal comma
    assert noord["Inwoners"] == "1000" and noord["Antwoorden"] == "8"
    # Excel: numbers are numbers, only the hidden count is text
    xlsx = {r["Code"]: r for r in _download_rows(comparison, areas, 2, fmt="xlsx")}
    assert xlsx[N]["Wonen (%)"] == 37.5 and xlsx[N]["Antwoorden"] == 8 and xlsx[N]["Inwoners"] == 1000
    assert xlsx[H]["Antwoorden"] == "<2" and xlsx[Z]["Antwoorden"] == "verborgen" and xlsx[Z]["Eenzaamheid (%)"] is None
    assert xlsx[N]["Wmo-cliënten per 1.000 inwoners (per 1.000 inwoners)"] == 50


# --------------------------------------------------------------------------- maps


def test_classes_are_increasing_and_unique():
    breaks = classes([5, 1, 3, 3, 9, 7, 1, float("nan"), 2])
    assert breaks == sorted(set(breaks))
    assert breaks[0] == 1 and breaks[-1] == 9
    assert len(breaks) <= 6
    assert classes([2.0, 2.0, 2.0]) == [2.0]
    assert classes([]) == [] and classes([float("nan")]) == []
    assert classes(list(range(100)), n=4) == [0, 25, 50, 74, 99]  # quartiles
    assert classes([3.0, 1.0]) == [1.0, 3.0]


def test_choropleth_needs_wijk_boundaries(areas):
    assert areas.geojson is None
    assert choropleth(areas, {N: 1.0, Z: 2.0}, "Inwoners") is None


def _testdorp_with_map():
    return build_areas(
        [read_area_table("kwb_2023_testdorp.csv", KWB_2023.encode()), read_area_table("kwb_2022_testdorp.csv", KWB_2022.encode())],
        _testdorp_geojson(),
    )


def _fills(wijk_map) -> dict:
    return {f["properties"]["wijkcode"]: f["properties"] for f in wijk_map.features}


def test_choropleth_shows_hidden_wijken_as_no_data_with_the_reason(answers, long):
    areas = _testdorp_with_map()
    assert list(areas.wijken["wijkcode"]) == [N, Z, H] and areas.warnings == []
    matrix = theme_matrix(answers, long, areas, ["Wonen"], 2)
    values = {c: v for c, v in zip(matrix["wijkcode"], matrix["share"]) if v == v}
    assert values == {N: pytest.approx(3 / 8)}  # Zuid's 4 answers are hidden: they would give Haven's 1 back
    matrix = theme_matrix(answers, long, areas, ["Wonen"], 1)
    values = {c: v for c, v in zip(matrix["wijkcode"], matrix["share"]) if v == v and c != H}
    assert values == {N: pytest.approx(3 / 8), Z: pytest.approx(0.5)}
    wijk_map = choropleth(areas, values, "Aandeel over Wonen", percent_values=True, direction=1,
                          threshold_note="minder dan 3 antwoorden")
    features, legend = _fills(wijk_map), wijk_map.legend
    assert features[N]["tooltip"] == "Noord\nAandeel over Wonen: 37,5%"
    assert features[Z]["tooltip"] == "Zuid\nAandeel over Wonen: 50,0%"
    assert features[H]["tooltip"] == "Haven\nAandeel over Wonen: minder dan 3 antwoorden"
    assert tuple(features[H]["fill"][:3]) == NO_DATA
    assert tuple(features[N]["fill"][:3]) != NO_DATA
    assert legend[0]["van"] == "37,5%" and legend[-2]["tot"] == "50,0%"
    assert legend[-1]["van"] == "geen gegevens"
    # a figure map without a note says 'geen gegevens'
    assert _fills(choropleth(areas, {N: 50.0}, "Eenpersoonshuishoudens"))[Z]["tooltip"].endswith(": geen gegevens")


def test_choropleth_darker_means_worse():
    areas = _testdorp_with_map()
    values = indicator_by_wijk(areas, "wmo_per_1000").to_dict()  # 50, 70, 90
    darkness = lambda wijk_map, code: -sum(_fills(wijk_map)[code]["fill"][:3])  # noqa: E731
    worse_high = choropleth(areas, values, "Wmo", direction=1)
    assert darkness(worse_high, H) > darkness(worse_high, N)
    better_high = choropleth(areas, values, "Inkomen", direction=-1)
    assert darkness(better_high, N) > darkness(better_high, H)


def test_the_map_chart_draws_every_wijk_offline_with_its_value_and_a_click_selection():
    areas = _testdorp_with_map()
    wijk_map = choropleth(areas, {N: 0.375, Z: 0.5}, "Aandeel over Wonen", percent_values=True, direction=1,
                          threshold_note="minder dan 3 antwoorden")
    spec = map_chart(wijk_map).to_dict()  # validated against the Vega-Lite schema
    rows = {r["wijkcode"]: r for r in spec["data"]["values"]}
    assert set(rows) == {N, Z, H}
    assert rows[H]["waarde"] == "minder dan 3 antwoorden" and rows[N]["waarde"] == "37,5%"
    assert rows[H]["kleur"] == "#%02x%02x%02x" % NO_DATA
    assert rows[N]["geometry"] == next(f["geometry"] for f in areas.geojson["features"]
                                       if f["properties"]["wijkcode"] == N)
    assert spec["mark"]["type"] == "geoshape" and spec["projection"]["type"] == "mercator"
    assert [p["name"] for p in spec["params"]] == [SELECTION]
    assert spec["params"][0]["select"]["fields"] == ["wijkcode"]
    assert [t["title"] for t in spec["encoding"]["tooltip"]] == ["Wijk", "Aandeel over Wonen"]
    assert "url" not in str(spec)  # nothing to fetch: the shapes are in the spec
    assert spec["config"]["locale"]["number"]["decimal"] == ","


def test_the_deck_map_fetches_a_basemap_only_when_asked():
    wijk_map = choropleth(_testdorp_with_map(), {N: 1.0}, "Inwoners")
    assert map_deck(wijk_map).layers[0].data["features"] == wijk_map.features
    assert "cartocdn" not in map_deck(wijk_map).to_json()
    assert map_deck(wijk_map, basemap=True).map_provider == "carto"


@pytest.mark.parametrize("selection,expected", [
    ({SELECTION: [{"wijkcode": N}]}, N),  # the chart's point selection
    ({SELECTION: []}, None),
    ({"objects": {"wijken": [{"properties": {"wijkcode": Z}}]}}, Z),  # pydeck's picked object
    ({"objects": {}}, None),
    ({}, None),
    (None, None),
    ({SELECTION: [{"other": 1}]}, None),
])
def test_picked_wijk_reads_either_map_selection(selection, expected):
    assert picked_wijk(selection) == expected


# --------------------------------------------------------------------------- other gemeenten


@lru_cache(maxsize=None)
def _amsterdam():
    return build_areas([read_area_table(AMSTERDAM.name, AMSTERDAM.read_bytes())])


def test_amsterdam_key_figures_for_a_wijk():
    areas = _amsterdam()
    assert (areas.gemeentecode, len(areas.wijken)) == ("GM0363", 99)
    kf = key_figures(areas, "WK036300")
    assert len(kf) > 50
    with_value = kf[kf["wijk_value"].notna()]
    assert len(with_value) > 50
    assert (kf["year"] == 2019).all()
    inw = kf.set_index("indicator").loc["aantal_inwoners"]
    assert inw["wijk_value"] == 4295 and inw["gemeente_value"] > 800_000 and _is_none(inw["rank"])
    ranked = kf[kf["rank"].notna()]
    assert len(ranked) > 10
    assert ((1 <= ranked["rank"]) & (ranked["rank"] <= ranked["rank_of"]) & (ranked["rank_of"] <= 99)).all()
    assert str(ranked["rank"].dtype) == "Int64"
    assert ranked["gemeente_value"].notna().all()
    assert (ranked["low"] <= ranked["wijk_value"]).all() and (ranked["wijk_value"] <= ranked["high"]).all()
    jeugdzorg = kf.set_index("indicator").loc["pct_jeugdzorg"]
    assert jeugdzorg["gemeente_value"] == pytest.approx(10.2) and jeugdzorg["rank_of"] == 96
    screen = tables.key_figures_table(kf).reset_index(drop=True)
    at = {key: i for i, key in enumerate(kf["indicator"])}  # a count and its share share a label; the unit tells them apart
    assert screen.loc[at["pct_jeugdzorg"], "Rang (1 = hoogste)"].endswith(" van 96")
    assert screen.loc[at["aantal_inwoners"], "Wijk"] == "4.295" and screen.loc[at["aantal_inwoners"], "Jaar"] == "2019"
    options = indicator_options(areas)
    assert options["aantal_inwoners"] == "Aantal inwoners (aantal)"
    assert indicator_by_wijk(areas, "aantal_inwoners").notna().sum() >= 95


def test_amsterdam_views_work_without_any_answers():
    areas = _amsterdam()
    answers, records = _empty_answers(), _empty_records()
    answers, records = Filters(sources=["enquete.xlsx"], tones=["negatief"]).apply(answers, records)
    long = restrict(theme_long(answers), answers)
    shares = theme_shares(answers, long, "WK036300", THEMES, 5)
    assert len(shares) == len(THEMES) and shares["wijk_share"].map(_is_none).all()
    assert set(shares["answers"]) == {0}
    matrix = theme_matrix(answers, long, areas, THEMES, 5)
    assert len(matrix) == 99 * len(THEMES) and matrix["share"].map(_is_none).all()
    comparison = comparison_table(answers, records, long, areas, THEMES, ["aantal_inwoners"], 5)
    table = comparison.table
    assert len(table) == 99 and set(table["answers"]) == {0} and set(table["respondents"]) == {0}
    assert table["indicator_0"].notna().sum() >= 95
    assert len(_download_rows(comparison, areas, fmt="xlsx")) == 99  # the download can be made
    assert reach(records, areas, "WK036300", 5).empty
    assert age_comparison(records, areas, "WK036300", 5) is None
    assert words_beside_numbers(answers, long, areas, "Wonen", "huurwoningen", 5).empty
    assert representative_quotes(answers, "WK036300", "Wonen") == []


def test_amsterdam_age_bands_given_as_counts_are_compared_as_shares():
    """The 2019 Amsterdam file has age bands as counts (0_15_aantal, ...), not as %."""
    areas = _amsterdam()
    records = pd.DataFrame(
        {"source": "s.xlsx", "trajectory": "", "trajectory_date": "", "wijkcode": "WK036300", "age": [20.0, 30, 40, 50, 70, 35]}
    )
    ages = age_comparison(records, areas, "WK036300", 1)
    assert ages is not None
    # WK036300: 4295 inhabitants, 235 / 580 / 2150 / 935 / 400 per band
    assert list(ages["population_share"]) == pytest.approx([235 / 4295, 580 / 4295, 2150 / 4295, 935 / 4295, 400 / 4295])
    assert list(ages["respondent_share"]) == pytest.approx([0, 1 / 6, 3 / 6, 1 / 6, 1 / 6])
    assert _shown(age_comparison(records, areas, "WK036300", 5)["respondents"]) == ["0", "<5", "<5", "<5", "<5"]


def test_gouda_2022_with_map():
    csv_path, geo_path = _shared(GOUDA_CSV), _shared(GOUDA_GEO)
    areas = build_areas(
        [read_area_table(csv_path.name, csv_path.read_bytes())], read_geojson(geo_path.name, geo_path.read_bytes()),
        gemeentecode="GM0513",
    )
    assert (areas.gemeentecode, areas.gemeentenaam, len(areas.wijken)) == ("GM0513", "Gouda", 9)
    assert wijk_table(areas)["on_map"].all()
    assert areas.warnings == []
    values = indicator_by_wijk(areas, "aantal_inwoners").to_dict()
    assert len(values) == 9
    values["WK051309"] = float("nan")  # one wijk without a figure
    wijk_map = choropleth(areas, values, "Aantal inwoners")
    assert wijk_map is not None
    legend = wijk_map.legend
    assert len(wijk_map.features) == 9
    assert legend[-1] == {"kleur": "#%02x%02x%02x" % NO_DATA, "van": "geen gegevens", "tot": ""}
    assert len(legend) >= 2
    # Stolwijkersluis (435 inwoners) is tiny: shown but not ranked
    small = key_figures(areas, "WK051308").set_index("indicator")
    assert small.at["aantal_inwoners", "wijk_value"] == 435
    rates = small[small["unit"] == "%"]
    assert len(rates) >= 5 and rates["rank"].isna().all()
    assert set(rates["reason"]) == {"tiny_area"}
    assert small.at["gem_inkomen_inwoner", "reason"] == "no_value"
    assert _is_none(small.at["gem_inkomen_inwoner", "wijk_value"])
    screen = tables.key_figures_table(small.reset_index()).set_index("Indicator")
    assert set(screen.loc[list(rates["label"]), "Opmerking"]) == {"klein gebied: niet gerangschikt"}
    big = key_figures(areas, "WK051304").set_index("indicator")
    assert big.at["65plus", "rank_of"] == 8


# --------------------------------------------------------------------------- presentation: text, tables, charts


def test_dutch_text_for_numbers_dates_and_counts():
    assert (text.format_number(12345), text.format_number(12.5), text.format_number(5865.0)) == ("12.345", "12,5", "5.865")
    assert text.format_number(6.7) == "6,7" and text.format_number(None) == "–" and text.format_number(pd.NA) == "–"
    assert (percent(0.125), percent(0.5, 0), percent(float("nan"))) == ("12,5%", "50%", "–")
    assert text.value_with_unit(65.0, "%") == "65%" and text.value_with_unit(1234.0, "aantal") == "1.234"
    assert (text.dutch_date("2024-03-15"), text.long_date("2024-03-15"), text.long_date(date(2023, 10, 9))) == (
        "15-03-2024", "15 maart 2024", "9 oktober 2023")
    assert text.dutch_date("voorjaar") == "voorjaar" and text.dutch_date(None) == ""
    assert [text.count(v) for v in pd.array([0, None, 12345], dtype="Int64")] == ["0", "<5", "12.345"]
    assert (text.small(4), text.small(0), text.small(5), text.small(7, 10)) == ("<5", "0", "5", "<10")
    assert text.rank(3, 12) == "3 van 12" and text.rank(pd.NA, 12) == ""
    assert (text.file_size(341), text.file_size(341_000), text.file_size(1_234_567)) == ("341 bytes", "341 kB", "1,2 MB")
    assert text.listing(["Blad1", "Blad2", "Blad3"]) == "Blad1, Blad2 en Blad3"
    assert text.reason("few_answers", 10) == "minder dan 10 antwoorden"


def test_screen_and_download_tables_of_the_start_page_numbers():
    coverage = pd.DataFrame({
        "wijknaam": ["Noord", "Zuid"], "wijkcode": [N, Z], "inhabitants": [1000.0, 12345.0],
        "respondents": pd.array([9, None], dtype="Int64"), "answers": pd.array([0, 20], dtype="Int64"),
        "per_1000": [9.0, float("nan")],
    })
    screen = tables.screen(coverage, tables.COVERAGE, 5)
    assert screen.to_dict("records")[1] == {"Wijk": "Zuid", "Code": Z, "Inwoners": "12.345", "Respondenten": "<5",
                                            "Antwoorden": "20", "Per 1.000 inwoners": "–"}
    down = tables.download(coverage, tables.COVERAGE, 5)
    assert list(down["Respondenten"]) == [9, "<5"] and list(down["Inwoners"]) == [1000, 12345]
    assert down["Per 1.000 inwoners"].iloc[0] == 9.0 and math.isnan(down["Per 1.000 inwoners"].iloc[1])


def test_charts_carry_the_dutch_locale_and_uncut_labels(answers, long):
    import vl_convert

    from lib.present import charts

    shares = theme_shares(answers, long, N, THEMES, 1)
    spec = charts.theme_share_chart(shares, values=True).to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["config"]["axis"]["labelLimit"] == 0
    svg = vl_convert.vegalite_to_svg(spec)
    assert "62,5%" in svg and "62.5%" not in svg  # the value on the bar, written the Dutch way
    hidden = theme_shares(answers, long, Z, THEMES, 5)  # every share hidden: nothing drawn for the wijk
    data = charts.theme_share_chart(hidden).to_dict()["datasets"]
    assert {row["group"] for rows in data.values() for row in rows} == {"Hele gemeente"}


def test_key_figures_download_keeps_numbers_and_ranks(areas):
    figures = key_figures(areas, N)
    down = tables.download(figures, tables.KEY_FIGURES)
    down.index = figures["indicator"]
    row = down.loc["pct_eenpersoonshhd"]
    assert (row["Wijk"], row["Gemeente"], row["Rang (1 = hoogste)"], row["Van wijken"], row["Jaar"]) == (50, 40.5, 1, 2, 2023)
    assert down.at["pct_jeugdzorg", "Opmerking"] == "alleen voor de gemeente beschikbaar"
    assert _is_none(down.at["pct_jeugdzorg", "Rang (1 = hoogste)"])
    data = download_bytes(down.reset_index(), "xlsx", "Cijfers")
    assert data[:2] == b"PK"
