"""Small numbers cannot be recomputed (issue 11, item 7): the rules in lib.core.suppression over arrays,
their use in every wijk aggregate, and the Wijkprofiel as a new user sees it.

The issue's examples, worked by hand:
- 17 answers from a wijk, themes with 4, 2 and 1 answers: 23,5%, 11,8% and 5,9% gave 4, 2 and 1 back;
  no share is shown for those (the share of a theme with 10 answers, 58,8%, is).
- 10 respondents = 7 (online) + 3 (avond): "<5" beside 7 gave 3 back; the 7 is hidden too ("verborgen").
- ages of those 10: 7 aged 25-45, 3 aged 65+: percentages of 10 gave 7 and 3 back; neither is shown.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from lib.areas.figures import build_areas, read_area_table
from lib.core.suppression import (
    SECONDARY,
    complementary,
    complementary_table,
    counts_with_mask,
    hidden_counts,
    reasons_for,
    suppress_shares,
)
from lib.present import tables
from lib.present.export import download_bytes
from lib.wijken.overview import wijk_coverage
from lib.wijken.profile import (
    age_comparison,
    answer_counts,
    comparison_table,
    reach,
    respondent_counts,
    theme_long,
    theme_matrix,
    theme_shares,
)

W, V = "WK999901", "WK999902"
KWB = (
    "gwb_code;naam;aantal_inwoners;0_15;15_25;25_45;45_65;65plus\n"
    "GM9999;Testdorp;3000;15;12;28;27;18\n"
    "WK999901;West;1000;10;10;30;30;20\n"
    "WK999902;Oost;2000;20;15;25;25;15\n"
)


def _nan(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


# --------------------------------------------------------------------------- the rules, over arrays


def test_a_share_of_a_hidden_count_is_hidden_the_issues_17_answers():
    shares = suppress_shares([4, 2, 1, 10, 0], 17, 5)
    assert [_nan(v) for v in shares] == [True, True, True, False, False]
    assert shares[3] == pytest.approx(10 / 17) and shares[4] == 0  # 58,8%; nobody is 0% and reveals no one
    assert all(_nan(v) for v in suppress_shares([10, 2], 4, 5))  # a base below the threshold
    assert _nan(suppress_shares([10], 17, 5, part_hidden=[True])[0])  # a count hidden by the second rule
    assert _nan(suppress_shares([10], 17, 5, base_hidden=True)[0])  # a hidden base gives the part back too
    assert list(suppress_shares([3], 12, 3)) == [0.25]  # the threshold is the project's


@pytest.mark.parametrize("parts, expected", [
    ([7, 3], [True, True]),                 # the issue: 10 = 7 + 3 -> the 7 also hidden
    ([7, 3, 0, 12], [True, True, False, False]),  # the smallest shown non-zero part is the one hidden
    ([6, 6, 3], [True, False, True]),       # a tie: the first
    ([2, 3, 10], [True, True, False]),      # 2 + 3 = 5 hidden together: enough, nothing more
    ([1, 1, 20, 30], [True, True, True, False]),  # 2 < 5: the 20 as well
    ([8, 9, 0], [False, False, False]),     # nothing small
    ([0, 0], [False, False]),
    ([2, 1], [True, True]),                 # total 3: below the threshold itself, hidden wherever it appears
])
def test_complementary_hides_until_the_hidden_parts_hold_the_threshold(parts, expected):
    assert complementary(parts, 5).tolist() == expected


def test_complementary_counts_unpublished_parts_as_hidden_and_never_picks_exact_ones():
    # tone of 12 answers: 6 negative, 5 positive, 1 neutral (never shown): 1 < 5, so the 5 goes too
    assert complementary([6, 5, 1], 5, hidden=[False, False, True]).tolist() == [False, True, True]
    # 9 neutral: the hidden part is big enough, both tones stay
    assert complementary([6, 5, 9], 5, hidden=[False, False, True]).tolist() == [False, False, True]
    # unlinked 1 published exactly elsewhere: it cannot protect the 3, the 8 is hidden instead
    assert complementary([1, 3, 8, 20], 5, exact=[True, False, False, False]).tolist() == [False, True, True, False]


def test_complementary_table_protects_rows_columns_and_the_totals():
    # rows 10 = 7 + 3 and 11 = 5 + 6; columns 12 = 7 + 5 and 9 = 3 + 6; all totals shown
    cells, rows, cols = complementary_table([[7, 3], [5, 6]], 5)
    assert cells.tolist() == [[True, True], [False, True]]  # 3 by the rule, 7 for its row, 6 for its column
    assert not rows.any() and not cols.any()
    # each row and each column of hidden cells holds at least 5 (or none)
    full = np.array([[7, 3], [5, 6]])
    assert all(full[i][cells[i]].sum() in (0,) or full[i][cells[i]].sum() >= 5 for i in range(2))
    assert all(full[:, j][cells[:, j]].sum() == 0 or full[:, j][cells[:, j]].sum() >= 5 for j in range(2))
    # wijk totals 5 and 3 of a shown grand total 8: the 3 follows from 8 - 5, so the total 5 is hidden,
    # and with it a cell in its row (else the total is the sum of its shown cells)
    cells, rows, cols = complementary_table([[5, 0], [3, 0]], 5)
    assert rows.tolist() == [True, True] and cells.tolist() == [[True, False], [True, False]]
    # themes: rows have no total (an answer raises several themes), columns do
    cells, rows, cols = complementary_table([[4, 10], [6, 12]], 5, row_totals=False)
    assert cells.tolist() == [[True, False], [True, False]] and not rows.any()
    # an exact row (unlinked answers) is never hidden and never protects
    cells, _, _ = complementary_table([[1, 0], [9, 3], [6, 8]], 5, row_totals=False, exact_rows=[0])
    assert cells.tolist() == [[False, False], [False, True], [False, True]]  # 3 hidden, then the 8 below it


def test_counts_with_mask_and_reasons():
    s = counts_with_mask([7, 3, 0, 12], complementary([7, 3, 0, 12], 5))
    assert str(s.dtype) == "Int64" and s.isna().tolist() == [True, True, False, False]
    assert reasons_for([True, True, False], hidden_counts([7, 3, 0], 5)).tolist() == [SECONDARY, "", ""]


# --------------------------------------------------------------------------- in the wijk aggregates


def _areas():
    return build_areas([read_area_table("kwb_testdorp.csv", KWB.encode())])


def _answers() -> pd.DataFrame:
    """West: 17 answers: 10 Groen (6 negatief, 4 neutraal), 4 Eenzaamheid, 2 Veiligheid, 1 Wonen.
    Oost: 20 answers: 6 Eenzaamheid (so Eenzaamheid has 10 in the gemeente), 14 Groen."""
    rows = [("Openbare ruimte & groen", t) for t in ["negatief"] * 6 + ["neutraal"] * 4]
    rows += [("Eenzaamheid", "negatief")] * 4 + [("Veiligheid", "negatief")] * 2 + [("Wonen", "neutraal")]
    frame = [{"wijkcode": W, "themes": t, "tone": tone} for t, tone in rows]
    frame += [{"wijkcode": V, "themes": "Eenzaamheid", "tone": "negatief"}] * 6
    frame += [{"wijkcode": V, "themes": "Openbare ruimte & groen", "tone": "positief"}] * 14
    out = pd.DataFrame(frame)
    out["answer"] = "tekst"
    out["source"] = "peiling.csv"
    out["answer_key"] = [f"k{i}" for i in range(len(out))]
    return out


THEMES = ["Openbare ruimte & groen", "Eenzaamheid", "Veiligheid", "Wonen"]


def _records() -> pd.DataFrame:
    """West: 7 online (ages 25-45) + 3 avond (65+); Oost: 12 online."""
    rows = [("peiling.csv", "Online peiling", W, a) for a in (26, 30, 33, 35, 38, 40, 44)]
    rows += [("avond.csv", "Bewonersavond", W, a) for a in (70, 75, 81)]
    rows += [("peiling.csv", "Online peiling", V, 50.0)] * 12
    return pd.DataFrame(rows, columns=["source", "trajectory", "wijkcode", "age"]).astype({"age": float})


def test_theme_shares_hide_the_issues_4_2_1_and_what_follows_from_the_gemeente():
    answers = _answers()
    shares = theme_shares(answers, theme_long(answers), W, THEMES, 5).set_index("theme")
    assert shares.at["Openbare ruimte & groen", "wijk_share"] == pytest.approx(10 / 17)
    for theme in ("Eenzaamheid", "Veiligheid", "Wonen"):
        assert _nan(shares.at[theme, "answers"]) and _nan(shares.at[theme, "wijk_share"]), theme
        assert _nan(shares.at[theme, "ratio"]) and not shares.at[theme, "over_represented"]
    # gemeente: Veiligheid 2 and Wonen 1 of all 37 answers are hidden too (the old code showed them at threshold 1)
    assert _nan(shares.at["Veiligheid", "gemeente_share"]) and _nan(shares.at["Wonen", "gemeente_share"])
    assert shares.at["Eenzaamheid", "gemeente_share"] == pytest.approx(10 / 37)
    # tone of Groen: 6 negatief, 0 positief, 4 neutraal (never shown): 60% would give 10 - 6 - 0 = 4 back
    assert _nan(shares.at["Openbare ruimte & groen", "negative"])
    assert shares.at["Openbare ruimte & groen", "positive"] == 0
    # with 5 neutral of 11 the hidden part is big enough: 6 of 11 negatief is shown
    more = pd.concat([answers, answers[answers["themes"].eq("Wonen")].assign(themes="Openbare ruimte & groen")])
    more.index = range(len(more))
    green = theme_shares(more, theme_long(more), W, THEMES, 5).set_index("theme").loc["Openbare ruimte & groen"]
    assert green["negative"] == pytest.approx(6 / 11)
    # order: shown counts first, then hidden ones by name (so the order says nothing about them), then zeros
    assert list(shares.index) == ["Openbare ruimte & groen", "Eenzaamheid", "Veiligheid", "Wonen"]
    # Oost: its 6 on Eenzaamheid would give West's 4 back from the gemeente's 10
    oost = theme_shares(answers, theme_long(answers), V, THEMES, 5).set_index("theme")
    assert _nan(oost.at["Eenzaamheid", "answers"]) and oost.at["Eenzaamheid", "answers_reason"] == SECONDARY
    assert _nan(oost.at["Eenzaamheid", "wijk_share"])
    screen = tables.screen(oost.reset_index(), tables.THEME_SHARES, 5).set_index("Thema")
    assert screen.at["Eenzaamheid", "Antwoorden"] == "verborgen" and screen.at["Eenzaamheid", "Aandeel wijk"] == "–"


def test_the_matrix_and_comparison_show_the_same_cells_as_the_profile():
    answers, records, areas = _answers(), _records(), _areas()
    long = theme_long(answers)
    matrix = theme_matrix(answers, long, areas, THEMES, 5).set_index(["wijkcode", "theme"])
    profile = {c: theme_shares(answers, long, c, THEMES, 5).set_index("theme") for c in (W, V)}
    for (code, theme), row in matrix.iterrows():
        assert _nan(row["answers"]) == _nan(profile[code].at[theme, "answers"]), (code, theme)
        assert _nan(row["share"]) == _nan(profile[code].at[theme, "wijk_share"]), (code, theme)
    assert matrix.loc[(V, "Eenzaamheid"), "answers_reason"] == SECONDARY
    table = comparison_table(answers, records, long, areas, THEMES, [], 5).table.set_index("wijkcode")
    assert table.at[W, "share_0"] == pytest.approx(10 / 17) and _nan(table.at[W, "share_1"]) and _nan(table.at[V, "share_1"])
    assert table.at[W, "respondents"] == 10 and table.at[V, "respondents"] == 12


def test_reach_the_issues_10_respondents_of_7_and_3():
    records, areas = _records(), _areas()
    table = reach(records, areas, W, 5)
    assert table["respondents"].isna().all() and table["per_1000"].map(_nan).all()
    assert dict(zip(table["source"], table["reason"])) == {"Online peiling": SECONDARY, "Bewonersavond": ""}
    assert respondent_counts(records, 5, [W]).iloc[0]["respondents"] == 10  # the total stays
    screen = tables.screen(table, tables.REACH, 5)
    assert sorted(screen["Respondenten"]) == ["<5", "verborgen"]
    down = tables.download(table, tables.REACH, 5)
    assert sorted(down["Respondenten"]) == ["<5", "verborgen"]
    assert "7" not in download_bytes(down, "csv").decode("utf-8-sig")
    # Oost: 12 from one source is its total: shown
    assert reach(records, areas, V, 5)["respondents"].tolist() == [12]


def test_ages_of_the_issues_10_respondents_show_no_bar_that_gives_a_count_back():
    ages = age_comparison(_records(), _areas(), W, 5).set_index("age_band")
    assert ages["respondents"].isna().tolist() == [False, False, True, False, True]  # 0, 0, 7, 0, 3
    assert ages.at["25-45", "reason"] == SECONDARY and ages.at["65+", "reason"] == "hidden_count"
    assert _nan(ages.at["25-45", "respondent_share"]) and _nan(ages.at["65+", "respondent_share"])
    assert ages.at["45-65", "respondent_share"] == 0 and ages.at["45-65", "not_heard"]  # nobody of 30%: not heard
    from lib.present import charts

    data = charts.age_chart(ages.reset_index()).to_dict()["datasets"]
    drawn = [r for rows in data.values() for r in rows if r["group"] == "Respondenten"]
    assert {r["age_band"] for r in drawn} == {"0-15", "15-25", "45-65"} and all(r["share"] == 0 for r in drawn)
    # a '<5' of 10 is at most 40%: a group of 20% of inhabitants with 3 respondents is not 'not heard'
    assert not ages.at["65+", "not_heard"]


def test_coverage_hides_a_wijk_total_that_follows_from_the_others():
    answers, areas = _answers(), _areas()
    records = pd.concat([_records(), pd.DataFrame({"source": "peiling.csv", "trajectory": "Online peiling",
                                                   "wijkcode": "", "age": [np.nan] * 6})], ignore_index=True)
    # Oost with 3 respondents: 3 + West's 10 + 6 unlinked (exact, Koppelen) = 19 shown on the start page
    records = records[~((records["wijkcode"] == V) & (records.index % 4 != 0))]
    n_oost = int((records["wijkcode"] == V).sum())
    assert n_oost == 3
    data = SimpleNamespace(areas=areas, records=records, answers=answers)
    coverage = wijk_coverage(data, 5).set_index("wijkcode")
    assert _nan(coverage.at[V, "respondents"]) and coverage.at[V, "respondents_reason"] == ""
    assert _nan(coverage.at[W, "respondents"]) and coverage.at[W, "respondents_reason"] == SECONDARY
    assert _nan(coverage.at[W, "per_1000"])
    screen = tables.screen(coverage.reset_index(), tables.COVERAGE, 5).set_index("Code")
    assert screen.at[W, "Respondenten"] == "verborgen" and screen.at[V, "Respondenten"] == "<5"
    counts = answer_counts(answers, 5)
    assert counts.set_index("wijkcode")["answers"].tolist() == [17, 20]


# --------------------------------------------------------------------------- the page, as a new user sees it

ROOT = Path(__file__).resolve().parent.parent


def _survey_files() -> list[tuple[str, bytes]]:
    """Two surveys from Lingewijk: 7 online respondents with two open questions (7 on green, then 4 on
    loneliness, 2 on safety, 1 on housing) and 3 at an evening with one (green): 17 answers, 10 respondents."""
    second = [
        "Ik voel me vaak eenzaam sinds mijn man is overleden.",
        "Sinds de verhuizing van mijn dochter ben ik erg eenzaam.",
        "Veel ouderen in de flat zijn eenzaam en zien niemand.",
        "Ik ben eenzaam, er is geen buurthuis meer waar ik heen kan.",
        "Ik voel me niet veilig op straat door de inbraken.",
        "Na donker voel ik me onveilig bij het station.",
        "Er zijn te weinig betaalbare woningen voor starters.",
    ]
    green = [
        "Het park mag beter onderhouden worden, meer groen graag.",
        "Meer bomen en groen in de straat zou fijn zijn.",
        "Het groen langs de Linge wordt slecht onderhouden.",
        "Graag meer bloemen en planten in het plantsoen.",
        "Het gras in het park wordt te weinig gemaaid.",
        "Meer groen op het plein, nu is het alleen steen.",
        "De bomen in onze straat worden nooit gesnoeid.",
        "Het park is mooi maar het onderhoud van het groen kan beter.",
        "Meer bankjes en groen bij de vijver graag.",
        "De speeltuin en het groen eromheen zijn verwaarloosd.",
    ]
    online = ["Respondent;Wijk;Leeftijd;Wat vindt u van het groen?;Wat kan er beter?"]
    for i, (age, g, text) in enumerate(zip((26, 30, 33, 35, 38, 40, 44), green, second), start=1):
        online.append(f"{i};Lingewijk;{age};{g};{text}")
    evening = ["Respondent;Wijk;Leeftijd;Wat vindt u van het groen?"]
    for i, (age, g) in enumerate(zip((70, 75, 81), green[7:]), start=1):
        evening.append(f"{i};Lingewijk;{age};{g}")
    return [("peiling.csv", "\n".join(online).encode()), ("avond.csv", "\n".join(evening).encode())]


@pytest.fixture
def small_project(tmp_path, monkeypatch):
    import streamlit as st

    from lib.core.store import Store
    from lib.sample import sample_area_files

    monkeypatch.setenv("WIJKBEELD_DATA_DIR", str(tmp_path))
    st.cache_data.clear()
    st.cache_resource.clear()
    store = Store(tmp_path / "wijkbeeld.sqlite")
    p = store.create_project("Klein")
    for kind, name, data in sample_area_files():
        store.add_file(p.id, name, kind, data)
    for (name, data), trajectory in zip(_survey_files(), ("Online peiling", "Bewonersavond")):
        store.add_file(p.id, name, "enquete", data, trajectory=trajectory)
    store.set_meta("last_project", str(p.id))
    yield p.id
    st.cache_data.clear()
    st.cache_resource.clear()


def _chart_data(at) -> list[dict]:
    """Every data row of every chart on the page (what the bars and tooltips are drawn from)."""
    import pyarrow as pa

    rows = []
    for element in at.get("vega_lite_chart"):
        spec = json.loads(element.proto.spec)
        for values in spec.get("datasets", {}).values():
            rows.extend(values)
        for named in element.proto.datasets:
            rows.extend(pa.ipc.open_stream(named.data.data).read_all().to_pandas().to_dict("records"))
    return rows


def test_wijkprofiel_of_a_small_project_shows_nothing_that_gives_a_small_number_back(small_project):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/7_Wijkprofiel.py")
    at.run()
    at.selectbox(key="profile_wijk").set_value("WK051203")  # Lingewijk
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Respondenten"] == "10" and metrics["Antwoorden op open vragen"] == "17"
    respondent_tables = [f.value for f in at.dataframe if "Thema" in f.value.columns or "Respondenten" in f.value.columns]
    assert len(respondent_tables) == 2  # themes and reach (the CBS figures are open data, not respondents)
    cells = {str(c) for frame in respondent_tables for c in frame.to_numpy().ravel()}
    # 4, 2, 1 of 17 and of 10: 23,5%, 11,8%, 5,9%, 7 respondents as a share of 10 (70%) or as a count
    for revealing in ("23,5%", "11,8%", "5,9%", "70%", "30%", "7", "3", "4", "2", "1"):
        assert revealing not in cells, revealing
    themes = next(f.value for f in at.dataframe if "Thema" in f.value.columns).set_index("Thema")
    assert themes.at["Openbare ruimte & groen", "Antwoorden"] == "10"
    assert themes.at["Openbare ruimte & groen", "Aandeel wijk"] == "58,8%"
    for theme in ("Eenzaamheid", "Veiligheid", "Wonen"):
        assert themes.at[theme, "Antwoorden"] == "<5" and themes.at[theme, "Aandeel wijk"] == "–"
        assert themes.at[theme, "Aandeel gemeente"] == "–"  # the gemeente's 17 answers are this wijk's
    reach_table = next(f.value for f in at.dataframe if "Bron" in f.value.columns and "Respondenten" in f.value.columns)
    assert sorted(reach_table["Respondenten"]) == ["<5", "verborgen"]
    assert set(reach_table["Per 1.000 inwoners"]) == {"–"}
    assert any("verborgen" in c.value for c in at.caption)
    # charts (theme shares and ages): no bar for a hidden share; tooltips carry the same data
    drawn = _chart_data(at)
    shares = {round(r["share"], 3) for r in drawn if r.get("share") is not None}
    for hidden in (4 / 17, 2 / 17, 1 / 17, 0.7, 0.3):
        assert round(hidden, 3) not in shares, hidden
    assert round(10 / 17, 3) in shares
