"""The advice for a whole project: per wijk the profile mix, who was heard, the recommendations.

``advise(...)`` is the one entry point for the advice page, the report and the command line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lib.advice import heard, profiles, recommend
from lib.advice.adapters import (indicator_info, latest_wide, representative_quotes, theme_pairs,
                                 unfavourable_direction, wijk_inhabitants)
from lib.advice.recommend import Reason, Recommendation, is_missing
from lib.advice.state import AdviceState
from lib.areas.figures import Areas
from lib.core.settings import DEFAULT_THRESHOLD
from lib.core.suppression import SECONDARY, is_hidden_count
from lib.wijken.selection import theme_long
from lib.wijken.themes import answer_counts, theme_grid
from lib.wijken.rules import enough_answers, is_tiny

KEY_FIGURES = [
    "aantal_inwoners", "0_15", "15_25", "65plus", "pct_eenpersoonshhd", "gem_huishouden_grootte", "huurwoningen",
    "pct_huurcorporatie", "gem_inkomen_inwoner", "pct_hh_laag_inkomen", "arbeidsparticipatie", "wmo_per_1000",
    "bevolkingsdichtheid",
]
MIN_SOURCE_RESPONDENTS = 20
SOURCE_GAP = 0.5
"""A source 'hardly reached' a wijk when the wijk's share of the source's respondents is below half its share of inhabitants."""


@dataclass
class WijkAdvice:
    wijkcode: str
    wijknaam: str
    inhabitants: float | None
    tiny: bool
    respondents: int | None
    """Linked respondents (None when below the threshold)."""
    answers: int | None
    """Open answers (None when below the threshold)."""
    figures: pd.DataFrame
    """indicator, label, unit, value, gemeente, year, source, direction."""
    themes: pd.DataFrame
    """theme, answers (Int64 hidden <NA>), share, gemeente_share, negative, positive, over."""
    quotes: dict[str, list[str]]
    reach: pd.DataFrame
    ages: pd.DataFrame
    score: float | None
    too_small: list[str]
    mix: pd.DataFrame
    """profile, share, kind ('measured', 'imported', 'estimate') for the kinds available."""
    mix_kind: str
    """The kind used for the advice."""
    basis: pd.DataFrame
    """The figures the estimate rests on (indicator, label, value, gemeente, z, year, source)."""
    recommendations: list[Recommendation]
    dropped: list[Recommendation]
    note: str = ""

    @property
    def auto_ids(self) -> list[str]:
        return [r.id for r in self.recommendations]


@dataclass
class AdviceResult:
    areas: Areas
    threshold: int
    wijken: dict[str, WijkAdvice]
    overview: pd.DataFrame
    profiles: pd.DataFrame
    forms: pd.DataFrame
    ladder: pd.DataFrame
    profile_forms: pd.DataFrame
    rules: pd.DataFrame
    sources: list[str]
    """Trajectory names of the sources used."""
    period: tuple[str, str]
    respondent_profiles: pd.DataFrame = field(default_factory=pd.DataFrame)
    gemeente_rate: float | None = None


def _trajectory_labels(records: pd.DataFrame, surveys: list) -> dict[str, str]:
    labels = {s.name: (getattr(s, "trajectory", "") or s.name) for s in surveys}
    if not records.empty:
        for source, traj in records.drop_duplicates("source")[["source", "trajectory"]].itertuples(index=False):
            labels.setdefault(source, traj or source)
    return labels


def _source_gaps(linked_counts: dict, source_totals: dict, inhabitants: pd.Series, wijkcode: str, hidden: dict,
                 labels: dict, threshold: int = DEFAULT_THRESHOLD) -> list[Reason]:
    """Sources (with enough linked respondents) whose share of respondents from this wijk is far below its share of
    inhabitants. ``hidden``: (wijkcode, source) -> hidden in ``reach_by_source`` (the small-number rule with
    complementary suppression, as on the wijk pages); the share of a hidden count is hidden with it."""
    out = []
    pop = inhabitants.get(wijkcode, np.nan)
    total_pop = float(inhabitants.sum())
    if is_tiny(pop) or pop != pop or not total_pop:
        return out
    for source, total in source_totals.items():
        if total < MIN_SOURCE_RESPONDENTS:
            continue
        k = int(linked_counts.get((wijkcode, source), 0))
        share, pop_share = k / total, float(pop) / total_pop
        if share < SOURCE_GAP * pop_share:
            secret = bool(hidden.get((wijkcode, source), False))
            note = "" if not secret else "hidden" if is_hidden_count(k, threshold) else SECONDARY
            out.append(Reason("source_share", labels.get(source, source), None if secret else share, pop_share, "share",
                              labels.get(source, source), note=note))
    return out


def _by_wijk(frame: pd.DataFrame | None, kind: str) -> dict[str, list[tuple[str, float, str]]]:
    """wijkcode -> [(profile, share, kind)] for the rows with a share."""
    out: dict[str, list] = {}
    if frame is None or frame.empty:
        return out
    for code, profile, share in frame[["wijkcode", "profile", "share"]].itertuples(index=False):
        if share == share and share is not None:
            out.setdefault(code, []).append((profile, float(share), kind))
    return out


def _mix_for(code: str, groups: list[dict], keys: list[str]) -> tuple[pd.DataFrame, str]:
    rows = [r for g in groups for r in g.get(code, [])]
    mix = pd.DataFrame(rows, columns=["profile", "share", "kind"])
    kind = ""
    for candidate in ("measured", "imported", "estimate"):
        part = [r for r in rows if r[2] == candidate and r[1] > 0]  # a mix whose shown shares are all 0 says nothing
        if part and (candidate != "imported" or max(part, key=lambda r: r[1])[0] in keys):
            kind = candidate
            break
    return mix, kind


def advise(areas: Areas, surveys: list, records: pd.DataFrame, answers: pd.DataFrame, themes: list[str],
           state: AdviceState | None = None, threshold: int = DEFAULT_THRESHOLD,
           pairs: list[tuple[str, str]] | None = None, wijken: list[str] | None = None,
           with_quotes: bool = True) -> AdviceResult:
    """Profiles, reach and recommendations per wijk (all wijken, or those in ``wijken``)."""
    state = state or AdviceState()
    prof_table = state.table("profiles")
    rules = state.table("rules")
    forms = state.table("forms")
    ladder = state.table("ladder")
    profile_forms = state.table("profile_forms")
    keys = list(prof_table["profile"])
    names = areas.wijk_names()
    labels = _trajectory_labels(records, surveys)

    profiled = profiles.respondent_profiles(surveys, records, state.table("options"), prof_table)
    measured = profiles.measured_mix(profiled, prof_table, threshold)
    weights = state.table("weights")
    basis = profiles.estimate_basis(areas, weights)
    estimated = profiles.estimated_mix(areas, prof_table, weights, basis)
    codes = [c for c in areas.wijken["wijkcode"] if not wijken or c in wijken]
    all_ages = {code: heard.age_rates(records, areas, code, threshold) for code in codes}
    overview = heard.heard_overview(records, areas, threshold, all_ages, codes)
    mix_groups = [_by_wijk(measured, "measured"), _by_wijk(state.mix, "imported"), _by_wijk(estimated, "estimate")]
    long = theme_long(answers)
    grid = theme_grid(answers, long, themes, threshold) if len(answers) else None
    answer_table = answer_counts(answers, threshold, codes).set_index("wijkcode")
    inhabitants = wijk_inhabitants(areas)
    linked = records[records["wijkcode"] != ""] if len(records) else records
    linked_counts = linked.groupby(["wijkcode", "source"]).size().to_dict() if len(linked) else {}
    source_totals = linked.groupby("source").size().to_dict() if len(linked) else {}
    by_wijk = {code: part for code, part in answers.groupby("wijkcode")} if len(answers) else {}
    reach = heard.reach_by_source(records, areas, threshold)
    reach_hidden = {(c, s): r is pd.NA for c, s, r in reach[["wijkcode", "source", "respondents"]].itertuples(index=False)}
    gm_rate = heard.gemeente_rate(records, areas)
    wide = latest_wide(areas)
    meta = indicator_info(areas)
    rules = rules.copy()
    rules.attrs["records"] = rules.to_dict("records")
    pairs = theme_pairs(pairs)
    margins = {r["parameter"]: float(r["value"]) for r in rules.to_dict("records")
               if r["condition"] == "priority_theme" and r["value"] == r["value"]}
    low_reach = rules.loc[rules["condition"] == "low_reach", "value"]
    low_reach = float(low_reach.iloc[0]) if len(low_reach) and low_reach.iloc[0] == low_reach.iloc[0] else 0.0
    low_rep = rules.loc[rules["condition"] == "low_representativeness", "value"]
    low_rep = float(low_rep.iloc[0]) if len(low_rep) and low_rep.iloc[0] == low_rep.iloc[0] else 0.0
    age_year = None
    years = [v["year"] for (_a, ind), v in meta.items() if ind == "65plus" and v["year"]]
    age_year = max(years) if years else None

    result: dict[str, WijkAdvice] = {}
    for row in overview.to_dict("records"):
        code = row["wijkcode"]
        if wijken and code not in wijken:
            continue
        inh = row["inhabitants"]
        tiny = bool(row["tiny"])
        k_answers = int(answer_table.at[code, "n"]) if code in answer_table.index else 0
        enough = enough_answers(k_answers, threshold) and not tiny
        ages = all_ages[code]
        table = recommend.theme_table(answers, long, code, themes, threshold, grid)
        figures = recommend.figure_checks(wide, meta, areas.gemeentecode, code, pairs, margins)
        recs = recommend.theme_recommendations(table, figures, enough, "")
        gaps = _source_gaps(linked_counts, source_totals, inhabitants, code, reach_hidden, labels, threshold) if not tiny else []
        recs += recommend.not_heard_recommendations(row, ages, gaps, gm_rate, threshold, low_reach, "CBS", age_year,
                                                    low_rep)
        mix, mix_kind = _mix_for(code, mix_groups, keys)
        used = mix[mix["kind"] == mix_kind].sort_values("share", ascending=False)
        top = used.iloc[0] if len(used) else None
        hidden_resp = is_missing(row["respondents"])
        priorities = [r.subject for r in recs if r.kind == "priority"]
        facts_reasons = {
            "no_answers": [Reason("respondents", "", None if hidden_resp else float(row["respondents"]),
                                  None, "respondents", note="hidden" if hidden_resp else "")],
            "low_reach": [Reason("per_1000", "", row["per_1000"], gm_rate, "per 1.000 inwoners")],
            "priority_theme": [rr for r in recs if r.kind == "priority" for rr in r.reasons[:1]],
            "profile_share": [] if top is None else [Reason("profile_share", str(top["profile"]), float(top["share"]), None,
                                                            "share", note=mix_kind)],
            "low_representativeness": [] if row["score"] is None else [
                Reason("score", row["lowest_band"], row["score"], None, "ratio", note=row["highest_band"])],
        }
        for r in recs:
            if r.kind == "not_heard" and r.subject in heard.AGE_BANDS:
                facts_reasons[f"age:{r.subject}"] = r.reasons[:1]
        facts = {
            "no_answers": hidden_resp or (row["respondents"] < threshold),
            "not_heard": list(row["not_heard"]), "priorities": priorities,
            "relative_reach": row["relative_reach"], "score": row["score"], "lowest_band": row["lowest_band"],
            "top_profile": None if top is None else str(top["profile"]),
            "top_share": 0.0 if top is None else float(top["share"]), "reasons": facts_reasons,
        }
        recs.append(recommend.involve_recommendation(rules, facts, profile_forms, forms))
        wijk_edits = state.edits.get(code, {})
        shown, dropped = recommend.apply_edits(recs, wijk_edits)
        theme_out = table.drop(columns=["note", "praise"]).sort_values(["share", "gemeente_share"], ascending=False,
                                                           na_position="last")
        quotes = {}
        if with_quotes and enough:
            for theme in [t for t, s in zip(theme_out["theme"], theme_out["share"]) if s == s and s][:3]:
                quotes[theme] = representative_quotes(by_wijk[code], theme, k=2)
        fig_rows = []
        for ind in KEY_FIGURES:
            if ind in wide.columns and code in wide.index and wide.at[code, ind] == wide.at[code, ind]:
                info = meta[(code, ind)]
                gm = wide.at[areas.gemeentecode, ind] if areas.gemeentecode in wide.index else np.nan
                fig_rows.append({"indicator": ind, "label": info["label"], "unit": info["unit"],
                                 "value": float(wide.at[code, ind]), "gemeente": None if gm != gm else float(gm),
                                 "year": info["year"], "source": info["source"], "direction": unfavourable_direction(ind)})
        result[code] = WijkAdvice(
            wijkcode=code, wijknaam=names.get(code, code), inhabitants=None if inh != inh else float(inh), tiny=tiny,
            respondents=None if hidden_resp else int(row["respondents"]),
            answers=None if code not in answer_table.index or answer_table.at[code, "hidden"] else k_answers,
            figures=pd.DataFrame(fig_rows, columns=["indicator", "label", "unit", "value", "gemeente", "year", "source",
                                                    "direction"]),
            themes=theme_out.reset_index(drop=True), quotes=quotes,
            reach=reach[(reach["wijkcode"] == code) & (reach["source"] != "")].reset_index(drop=True),
            ages=ages, score=None if is_missing(row["score"]) else float(row["score"]), too_small=list(row["too_small"]), mix=mix, mix_kind=mix_kind,
            basis=basis[basis["wijkcode"] == code].reset_index(drop=True),
            recommendations=shown, dropped=dropped, note=str(wijk_edits.get("note", "") or ""),
        )
    dates = sorted(d for d in records["trajectory_date"].unique() if d) if len(records) else []
    return AdviceResult(
        areas=areas, threshold=threshold, wijken=result, overview=overview, profiles=prof_table, forms=forms,
        ladder=ladder, profile_forms=profile_forms, rules=rules,
        sources=list(dict.fromkeys(labels.get(s, s) for s in records["source"].unique())) if len(records) else [],
        period=(dates[0], dates[-1]) if dates else ("", ""), respondent_profiles=profiled, gemeente_rate=gm_rate,
    )


def advise_project(data, state: AdviceState | None = None, settings=None, wijken: list[str] | None = None,
                   with_quotes: bool = True) -> AdviceResult:
    """``advise`` on an analysed project (anything with areas, surveys, records, answers, codebook)."""
    threshold = getattr(settings, "threshold", DEFAULT_THRESHOLD) if settings is not None else DEFAULT_THRESHOLD
    pairs = getattr(settings, "pairs", None) if settings is not None else None
    themes = list(data.codebook.names) if getattr(data, "codebook", None) is not None else sorted(
        {t for v in data.answers.get("themes", pd.Series(dtype=str)) for t in str(v).split("; ") if t})
    return advise(data.areas, data.surveys, data.records, data.answers, themes, state, threshold, pairs, wijken, with_quotes)
