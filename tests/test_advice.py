"""Advice: profiles, who was heard, recommendation rules, edits (small fixtures built here)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lib.advice import profiles, recommend, state as advice_state
from lib.advice.analysis import advise
from lib.advice.heard import age_rates, representativeness
from lib.advice.state import AdviceState, load_state, save_edits, save_table
from lib.advice.tables import AdviceTableError, default_table, for_download, read_table
from lib.areas.figures import Areas
from lib.core.store import Store
from lib.reading.roles import Role
from lib.reading.surveys import SheetResult, Survey
from lib.reading.tables import Table

GM = "GM9999"
INVOLVE = "Op welke manier wilt u betrokken worden bij plannen voor uw wijk?"
TRUST = "Hoeveel vertrouwen heeft u in de gemeente? (1 = geen, 5 = veel)"
THEMES = ["Eenzaamheid", "Ouderen", "Verkeer & bereikbaarheid", "Wonen"]
AGE_KEYS = {"0_15": "Inwoners 0 tot 15 jaar", "15_25": "Inwoners 15 tot 25 jaar", "25_45": "Inwoners 25 tot 45 jaar",
            "45_65": "Inwoners 45 tot 65 jaar", "65plus": "Inwoners 65 jaar of ouder"}


def make_areas(wijken: dict[str, dict], gemeente: dict) -> Areas:
    """Areas from {code: {indicator: value}}; 'aantal_inwoners' gives the inhabitants."""
    rows = []
    for code, figures in [(GM, gemeente), *wijken.items()]:
        for key, value in figures.items():
            unit = "%" if key in AGE_KEYS or key.startswith("pct") or key in {"huurwoningen", "koopwoningen"} else "aantal"
            rows.append({"area_code": code, "level": "gemeente" if code == GM else "wijk", "indicator": key,
                         "label": AGE_KEYS.get(key, key), "unit": unit, "year": 2024, "value": float(value),
                         "source": "CBS KWB 2024"})
    table = pd.DataFrame({
        "wijkcode": list(wijken), "wijknaam": [f"Wijk {c[-2:]} Naam{c[-2:]}" for c in wijken],
        "inhabitants": [float(f["aantal_inwoners"]) for f in wijken.values()],
    })
    return Areas(GM, "Testgemeente", table, pd.DataFrame(rows))


AGES_YOUNG = {"0_15": 18, "15_25": 14, "25_45": 32, "45_65": 24, "65plus": 12}
AGES_OLD = {"0_15": 8, "15_25": 7, "25_45": 15, "45_65": 25, "65plus": 45}


def base_areas(old_65: float = 45.0) -> Areas:
    old = dict(AGES_OLD, **{"65plus": old_65})
    return make_areas(
        {
            "WK999901": {"aantal_inwoners": 4000, **old, "huurwoningen": 60, "pct_eenpersoonshhd": 48},
            "WK999902": {"aantal_inwoners": 5000, **AGES_YOUNG, "huurwoningen": 40, "pct_eenpersoonshhd": 30},
            "WK999903": {"aantal_inwoners": 3000, **AGES_YOUNG, "huurwoningen": 45, "pct_eenpersoonshhd": 32},
        },
        {"aantal_inwoners": 12000, "0_15": 15, "15_25": 11, "25_45": 27, "45_65": 25, "65plus": 22, "huurwoningen": 48,
         "pct_eenpersoonshhd": 36},
    )


def records_frame(spec: list[tuple[str, float]], source: str = "enquete.xlsx") -> pd.DataFrame:
    """Records (one per respondent) from (wijkcode, age)."""
    n = len(spec)
    return pd.DataFrame({
        "source": source, "sheet": "Blad1", "row": np.arange(2, n + 2), "respondent": [str(i) for i in range(n)],
        "wijk_raw": "", "postcode_raw": "", "age": [a for _, a in spec], "wijkcode": [w for w, _ in spec],
        "wijknaam": "", "method": "naam", "confidence": 1.0, "reason": "", "source_id": 1, "source_key": "abc",
        "trajectory": "Buurtenquête", "trajectory_type": "Enquête / peiling", "trajectory_date": "2024-03-01",
    })


def answers_frame(records: pd.DataFrame, themes: list[str], tones: list[str] | None = None) -> pd.DataFrame:
    out = records[["source", "sheet", "row", "wijkcode", "trajectory", "trajectory_date", "age"]].copy()
    out["question"] = "Wat kan beter?"
    out["answer"] = [f"Antwoord nummer {i} over de buurt en wat er beter kan, bel 06-12345678" for i in range(len(out))]
    out["themes"] = themes
    out["tone"] = tones or ["negatief"] * len(out)
    out["answer_key"] = [f"k{i}" for i in range(len(out))]
    return out.reset_index(drop=True)


def elderly_fixture(old_answers: int = 3):
    """Wijk 01: many elderly (45% 65+), residents raise loneliness, few elderly respondents."""
    spec = [("WK999901", 30 + i % 10) for i in range(40)] + [("WK999901", 75)] * old_answers
    spec += [("WK999902", 20 + i) for i in range(50)] + [("WK999903", 30 + i) for i in range(30)]
    records = records_frame(spec)
    themes = []
    for w, _ in spec:
        themes.append("Eenzaamheid" if w == "WK999901" and len(themes) % 2 == 0 else "Verkeer & bereikbaarheid")
    return records, answers_frame(records, themes)


# ------------------------------------------------------------------------------------------- profiles


def survey_with(values: dict[str, list[str]], rows: list[int] | None = None) -> Survey:
    data = pd.DataFrame(values, dtype=str)
    rows = rows or list(range(2, len(data) + 2))
    table = Table("enquete.xlsx", "Blad1", 1, list(data.columns), data, np.asarray(rows))
    roles = {c: Role.CLOSED for c in data.columns}
    return Survey("enquete.xlsx", [SheetResult(table, roles, dict(roles))])


def test_respondents_get_the_nearest_profile_from_their_options():
    survey = survey_with({
        INVOLVE: ["Online vragenlijst;", "Meedoen in een werkgroep;Bewonersavond;", "Niet", "Via de wijkkrant;", "", "Iets anders"],
        TRUST: ["4", "4", "1", "4", "", ""],
    })
    axes = profiles.respondent_axes([survey], default_table("options"))
    assigned = dict(zip(axes["row"], profiles.assign_profiles(axes, default_table("profiles"))))
    assert assigned[2] == "digitale_meedenkers"
    assert assigned[3] == "buurtbouwers"
    assert assigned[4] == "afgehaakten"
    assert assigned[5] == "trouwe_volgers"
    assert 6 not in assigned  # no answer: no profile
    # an unknown option alone gives no axes: the respondent has no profile rather than a guess
    assert 7 not in assigned


def test_profiles_align_to_records_by_source_sheet_and_excel_row():
    survey = survey_with({INVOLVE: ["Online vragenlijst", "Bewonersavond;Wijkgesprek"]}, rows=[5, 9])
    records = records_frame([("WK999901", 40), ("WK999902", 50)])
    records["row"] = [9, 5]
    out = profiles.respondent_profiles([survey], records, default_table("options"), default_table("profiles"))
    by_row = out.set_index("row")
    assert by_row.at[5, "wijkcode"] == "WK999902" and by_row.at[5, "profile"] == "digitale_meedenkers"
    assert by_row.at[9, "wijkcode"] == "WK999901" and by_row.at[9, "channel"] == "persoonlijk"


def test_a_question_about_something_else_is_not_read_as_involvement():
    survey = survey_with({"Welke kleur heeft uw voordeur?": ["Rood", "Blauw", "Groen", "Neutraal"]})
    assert profiles.respondent_axes([survey], default_table("options")).empty


def test_measured_mix_hides_small_counts_and_what_follows_from_the_total():
    profiled = pd.DataFrame({"wijkcode": ["WK999901"] * 7 + ["WK999902"] * 3 + ["WK999903"] * 12,
                             "profile": ["stille_midden"] * 6 + ["afgehaakten"] + ["stille_midden"] * 3
                             + ["stille_midden"] * 6 + ["afgehaakten"] * 5 + ["buurtbouwers"]})
    mix = profiles.measured_mix(profiled, default_table("profiles"), 5)
    one = mix[mix["wijkcode"] == "WK999901"].set_index("profile")
    assert one.at["afgehaakten", "respondents"] is pd.NA
    # 7 profiled = 6 + 1: the 6 (and its share 6/7) would give the hidden 1 back, so both are hidden
    assert one.at["stille_midden", "respondents"] is pd.NA
    assert one.loc[["stille_midden", "afgehaakten"], "share"].isna().all()
    assert (one.drop(index=["stille_midden", "afgehaakten"])["share"] == 0).all()  # zero reveals no one
    assert one["base"].iloc[0] == 7
    two = mix[mix["wijkcode"] == "WK999902"]
    assert two["share"].isna().all() and two["respondents"].isna().sum() == 1  # 3 < 5: hidden, no share
    three = mix[mix["wijkcode"] == "WK999903"].set_index("profile")
    # 12 = 6 + 5 + 1: the 1 and the smallest shown part (5) are hidden, so 12 - 6 = 6 hides what it must
    assert one.index.equals(three.index)
    assert three.at["stille_midden", "respondents"] == 6
    assert three.at["stille_midden", "share"] == pytest.approx(6 / 12)
    assert three.at["afgehaakten", "respondents"] is pd.NA and pd.isna(three.at["afgehaakten", "share"])
    assert three.at["buurtbouwers", "respondents"] is pd.NA


def _share(areas, profile, wijk="WK999901"):
    est = profiles.estimated_mix(areas, default_table("profiles"), default_table("weights"))
    return float(est[(est["wijkcode"] == wijk) & (est["profile"] == profile)]["share"].iloc[0])


def test_wijk_estimate_moves_in_the_documented_direction():
    weights = default_table("weights")
    top = weights[weights["indicator"] == "65plus"].sort_values("weight").iloc[-1]["profile"]
    low = weights[weights["indicator"] == "65plus"].sort_values("weight").iloc[0]["profile"]
    assert top == "nabije_zorgers" and low == "digitale_meedenkers"
    older, younger = base_areas(old_65=45.0), base_areas(old_65=25.0)
    assert _share(older, top) > _share(younger, top)
    assert _share(older, low) < _share(younger, low)
    est = profiles.estimated_mix(older, default_table("profiles"), weights)
    assert est.groupby("wijkcode")["share"].sum().round(9).eq(1).all()
    basis = profiles.estimate_basis(older, weights)
    row = basis[(basis["wijkcode"] == "WK999901") & (basis["indicator"] == "65plus")].iloc[0]
    assert row["value"] == 45 and row["gemeente"] == 22 and row["z"] > 0 and row["year"] == 2024


def test_a_wijk_equal_to_the_gemeente_gets_equal_shares():
    same = {"aantal_inwoners": 4000, "65plus": 22}
    areas = make_areas({"WK999901": same, "WK999902": {"aantal_inwoners": 4000, "65plus": 10},
                        "WK999903": {"aantal_inwoners": 4000, "65plus": 34}}, {"aantal_inwoners": 12000, "65plus": 22})
    est = profiles.estimated_mix(areas, default_table("profiles"), default_table("weights"))
    shares = est[est["wijkcode"] == "WK999901"]["share"]
    assert np.allclose(shares, 1 / 7)


def test_import_mix_per_wijk_and_per_postcode_by_address_counts():
    areas = base_areas()
    csv = "wijk;Doeners;Denkers\nWK999901;60%;40%\nWK999902;20;80\n".encode()
    mix = profiles.import_mix("mix.csv", csv, areas).set_index(["wijkcode", "profile"])["share"]
    assert mix[("WK999901", "Doeners")] == pytest.approx(0.6) and mix[("WK999902", "Denkers")] == pytest.approx(0.8)
    addresses = pd.DataFrame({"pc4": ["1111", "2222", "2222"], "pc6": "", "wijkcode": ["WK999901", "WK999901", "WK999902"],
                              "addresses": [300.0, 100.0, 500.0]})
    long = "postcode,profiel,aandeel\n1111,A,1\n1111,B,0\n2222,A,0\n2222,B,1\n".encode()
    mix = profiles.import_mix("pc.csv", long, areas, addresses).set_index(["wijkcode", "profile"])["share"]
    assert mix[("WK999901", "A")] == pytest.approx(0.75)  # 300 addresses all A, 100 all B
    assert mix[("WK999902", "B")] == pytest.approx(1.0)
    with pytest.raises(AdviceTableError) as err:
        profiles.import_mix("pc.csv", long, areas, None)
    assert "postcodetabel" in str(err.value)


# ------------------------------------------------------------------------------------------- heard


def test_age_rates_and_representativeness_with_small_groups_left_out():
    areas = base_areas()
    spec = [("WK999901", 30)] * 20 + [("WK999901", 50)] * 20 + [("WK999901", 70)] * 3 + [("WK999901", 18)] * 10
    ages = age_rates(records_frame(spec), areas, "WK999901", 5).set_index("band")
    assert ages.at["65+", "respondents"] is pd.NA and ages.at["65+", "too_small"]
    assert ages.at["65+", "not_heard"]
    assert pd.isna(ages.at["65+", "respondent_share"])  # 3 of 53 would give the hidden count away
    assert ages.at["25-45", "rate"] == pytest.approx(20 / (0.15 * 4000) * 1000)
    # 10 + 20 + 20 + 3 = 53 respondents: with the 10 shown, the 3 follows; so 15-25 is hidden too (complementary)
    assert ages.at["15-25", "respondents"] is pd.NA and pd.isna(ages.at["15-25", "rate"])
    score, small = representativeness(ages.reset_index())
    assert small == ["15-25", "65+"]
    rates = ages.loc[["25-45", "45-65"], "rate"]
    assert score == pytest.approx(rates.min() / rates.max())


# ------------------------------------------------------------------------------------------- recommendations


def run(records, answers, areas=None, state=None, threshold=5):
    return advise(areas or base_areas(), [], records, answers, THEMES, state, threshold,
                  pairs=[("Eenzaamheid", "pct_eenpersoonshhd"), ("Eenzaamheid", "65plus"), ("Ouderen", "65plus")])


def test_elderly_lonely_unheard_wijk_gets_face_to_face_forms_not_an_online_panel():
    records, answers = elderly_fixture()
    wijk = run(records, answers).wijken["WK999901"]
    kinds = {r.id: r for r in wijk.recommendations}
    assert "priority:Eenzaamheid" in kinds
    reasons = kinds["priority:Eenzaamheid"].reasons
    assert reasons[0].measure == "theme_share" and reasons[0].value > reasons[0].reference
    figure = next(r for r in reasons if r.measure == "indicator" and r.subject == "pct_eenpersoonshhd")
    assert (figure.value, figure.reference, figure.year, figure.source) == (48, 36, 2024, "CBS KWB 2024")
    assert "not_heard:65+" in kinds
    involve = kinds["involve:next"]
    forms = default_table("forms").set_index("form")
    assert involve.forms and len(involve.forms) in (2, 3)
    assert not any(forms.at[f, "online"] == "yes" for f in involve.forms)
    assert "digitaal_panel" not in involve.forms and "keukentafelgesprek" in involve.forms
    assert any(c in involve.channels for c in ("wijkteam", "huisarts", "apotheek", "wijkkrant op papier"))
    assert involve.rung in {"raadplegen", "adviseren"}
    assert any(r.measure == "age_share" and r.subject == "65+" for r in involve.reasons)


def test_a_wijk_without_answers_gets_not_heard_advice_not_priorities():
    records, answers = elderly_fixture()
    keep = records["wijkcode"] != "WK999903"
    records, answers = records[keep].reset_index(drop=True), answers[keep.to_numpy()].reset_index(drop=True)
    wijk = run(records, answers).wijken["WK999903"]
    kinds = [r.kind for r in wijk.recommendations]
    assert "priority" not in kinds and "signal" not in kinds
    assert wijk.recommendations[0].id == "not_heard:wijk"
    involve = next(r for r in wijk.recommendations if r.kind == "involve")
    assert 1 in involve.rules and involve.rung == "raadplegen"
    assert {"ophaalgesprek", "koffiekar"} & set(involve.forms)


def test_a_figure_alone_is_a_signal_and_residents_alone_too():
    records, answers = elderly_fixture()
    wijk = run(records, answers).wijken["WK999901"]
    ids = [r.id for r in wijk.recommendations]
    assert "signal:Ouderen" in ids  # 65+ far above the gemeente, residents do not raise it
    assert "priority:Ouderen" not in ids
    other = run(records, answers).wijken["WK999902"]
    assert not any(r.kind == "priority" for r in other.recommendations)


def test_a_count_below_the_threshold_never_leaves_the_advice():
    records, answers = elderly_fixture()
    extra = records_frame([("WK999903", 40)] * 2, source="klein.csv")
    result = run(pd.concat([records, extra], ignore_index=True), answers)
    for wijk in result.wijken.values():
        for rec in wijk.recommendations:
            for reason in rec.reasons:
                if reason.measure == "respondents" and reason.value is not None:
                    assert not 0 < reason.value < 5
        counts = wijk.themes["answers"].dropna()
        assert not ((counts > 0) & (counts < 5)).any()
        assert wijk.respondents is None or wijk.respondents >= 5


def test_rules_are_data_a_changed_rule_changes_the_advice():
    records, answers = elderly_fixture()
    rules = default_table("rules")
    rules.loc[rules["parameter"] == "65+", "forms"] = "wijkgesprek"
    rules.loc[rules["parameter"] == "Eenzaamheid", "rung"] = "coproduceren"
    rules.loc[rules["parameter"] == "Eenzaamheid", "forms"] = "wijkschouw"
    state = AdviceState(tables={"rules": rules})
    involve = next(r for r in run(records, answers, state=state).wijken["WK999901"].recommendations if r.kind == "involve")
    assert involve.forms[:2] == ["wijkschouw", "wijkgesprek"] and involve.rung == "coproduceren"


def test_a_malformed_rules_file_gives_a_dutch_message():
    good = for_download("rules", default_table("rules")).to_csv(index=False).encode()
    assert len(read_table("rules", "regels.csv", good)) == len(default_table("rules"))
    bad_condition = good.replace(b"no_answers", b"geen_idee")
    for data in (bad_condition, b"a;b\n1;2\n", b"\x00\x01garbage", good.replace(b"raadplegen", b"ergens", 1)):
        with pytest.raises(AdviceTableError) as err:
            read_table("rules", "regels.csv", data)
        assert "regels.csv" in str(err.value) and ("huidige" in str(err.value) or "kan niet" in str(err.value))


# ------------------------------------------------------------------------------------------- edits


def test_edits_survive_a_restart_and_a_reanalysis(tmp_path):
    store = Store(tmp_path / "w.sqlite")
    pid = store.create_project("Test").id
    records, answers = elderly_fixture()
    first = run(records, answers, state=load_state(store, pid)).wijken["WK999901"]
    prio = next(r for r in first.recommendations if r.kind == "priority")
    signal = next(r for r in first.recommendations if r.kind == "signal")
    edits = recommend.edit_text({}, "WK999901", prio, "Eenzaamheid aanpakken samen met het wijkteam.")
    edits = recommend.drop(edits, "WK999901", signal.id)
    edits, new_id = recommend.add(edits, "WK999901", "Terugkoppelen in de wijkkrant.")
    edits = recommend.move(edits, "WK999901", [new_id] + [r.id for r in first.recommendations], new_id, 0)
    edits = recommend.set_note(edits, "WK999901", "Besproken met de wijkregisseur.")
    save_edits(store, pid, edits)
    rules = default_table("rules")
    save_table(store, pid, "rules", rules)

    reopened = Store(tmp_path / "w.sqlite")  # a restart
    more = records_frame([("WK999902", 40)] * 10, source="nieuw.xlsx")  # a re-analysis with another file
    records2 = pd.concat([records, more], ignore_index=True)
    answers2 = pd.concat([answers, answers_frame(more, ["Wonen"] * 10)], ignore_index=True)
    state = load_state(reopened, pid)
    assert state.is_edited("rules")
    wijk = run(records2, answers2, state=state).wijken["WK999901"]
    shown = {r.id: r for r in wijk.recommendations}
    assert wijk.recommendations[0].id == new_id and shown[new_id].added
    assert shown[prio.id].edited and shown[prio.id].text.startswith("Eenzaamheid aanpakken")
    assert shown[prio.id].reasons  # the reasons stay with the edited text
    assert signal.id not in shown and signal.id in [r.id for r in wijk.dropped]
    assert wijk.note == "Besproken met de wijkregisseur."


def test_an_edited_recommendation_the_analysis_no_longer_makes_stays_marked():
    records, answers = elderly_fixture()
    edits = recommend.edit_text({}, "WK999902", recommend.Recommendation("priority:Wonen", "priority", "Wonen"), "Eigen tekst")
    wijk = run(records, answers, state=AdviceState(edits=edits)).wijken["WK999902"]
    rec = next(r for r in wijk.recommendations if r.id == "priority:Wonen")
    assert rec.stale and rec.text == "Eigen tekst"


def test_state_is_per_project_and_a_table_can_go_back_to_the_default(tmp_path):
    store = Store(tmp_path / "w.sqlite")
    one, two = store.create_project("Een").id, store.create_project("Twee").id
    advice_state.save_edits(store, one, {"WK999901": {"note": "x"}})
    weights = default_table("weights").assign(weight=0.0)
    save_table(store, one, "weights", weights)
    assert load_state(store, one).edits == {"WK999901": {"note": "x"}} and load_state(store, two).edits == {}
    assert load_state(store, one).table("weights")["weight"].eq(0).all()
    save_table(store, one, "weights", None)
    assert not load_state(store, one).is_edited("weights")


def test_a_measured_mix_with_every_share_hidden_does_not_set_the_profile():
    from lib.advice.analysis import _mix_for

    measured = {"WK999901": [("buurtbouwers", 0.0, "measured"), ("afgehaakten", 0.0, "measured")]}
    estimate = {"WK999901": [("buurtbouwers", 0.3, "estimate"), ("afgehaakten", 0.7, "estimate")]}
    _mix, kind = _mix_for("WK999901", [measured, {}, estimate], ["buurtbouwers", "afgehaakten"])
    assert kind == "estimate"  # shown shares all 0 (the others hidden): the measured mix says nothing
    measured["WK999901"][0] = ("buurtbouwers", 0.6, "measured")
    assert _mix_for("WK999901", [measured, {}, estimate], ["buurtbouwers", "afgehaakten"])[1] == "measured"
