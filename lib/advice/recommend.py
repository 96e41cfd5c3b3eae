"""Recommendations per wijk, each with its reasons as numbers; staff's edits applied on top.

- priority theme: residents raise the theme notably more than in the gemeente (``is_over_represented``,
  at least ``threshold`` answers, not mainly praise) AND a linked figure is unfavourable against the
  gemeente by at least the rule's margin (relative difference, direction per indicator);
- signal ("signaal om na te gaan"): only one of the two;
- not heard: too few respondents, low reach against the gemeente's rate, age bands under-represented
  (``is_not_heard``), sources that hardly reached the wijk;
- how to involve them next: the rules table (``advies_regels.csv``) in its order: every rule whose
  condition holds adds forms, channels and forms to avoid; the first firing rule with a rung sets the
  rung; 2-3 forms not avoided, filled from the profile table of the wijk's most common profile.

Recommendations carry keys (theme, band, form and rung keys) and ``Reason`` numbers; the Dutch sentences
are made by the presentation layer. Staff's edits are keyed by a stable id per wijk (``kind:subject``),
so they apply again after a re-analysis; an edited recommendation the analysis no longer makes stays,
marked ``stale``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lib.advice.adapters import unfavourable_direction
from lib.advice.tables import split_list
from lib.core.suppression import SECONDARY
from lib.wijken.themes import ThemeGrid, theme_shares

MAX_SIGNALS = 4
"""At most this many signals per wijk (the strongest), so the advice stays readable."""
KINDS = ["priority", "signal", "not_heard", "involve", "staff"]


@dataclass
class Reason:
    """One number behind a recommendation: what, its value against a reference, unit, source and year."""

    measure: str
    """theme_share, indicator, respondents, per_1000, age_share, score, source_share, profile_share."""
    subject: str
    """Theme name, indicator label, age band, source/trajectory name or profile name."""
    value: float | None
    reference: float | None = None
    """The gemeente's value, the band's share of inhabitants, ..."""
    unit: str = ""
    source: str = ""
    year: int | None = None
    note: str = ""
    """Extra key, e.g. 'estimate' for an estimated profile share, 'hidden' for a count below the threshold."""


@dataclass
class Recommendation:
    id: str
    kind: str
    subject: str = ""
    rung: str = ""
    forms: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)
    rules: list[int] = field(default_factory=list)
    """Order numbers of the rules that fired."""
    notes: list[str] = field(default_factory=list)
    """The firing rules' notes (text from the rules table)."""
    text: str = ""
    """Staff's text (edited or added); empty for an automatic recommendation."""
    edited: bool = False
    added: bool = False
    stale: bool = False


# ------------------------------------------------------------------------------------------- themes


THEME_COLUMNS = ["theme", "answers", "share", "gemeente_share", "negative", "positive", "over", "praise", "note"]


def theme_table(answers: pd.DataFrame, long: pd.DataFrame, wijkcode: str, themes: list[str], threshold: int,
                grid: ThemeGrid | None = None) -> pd.DataFrame:
    """Per theme in one wijk, as the wijk pages show it (``lib.wijken.themes.theme_shares``: the small-number
    rule and complementary suppression decided once): answers (Int64, ``<NA>`` hidden), share, gemeente_share,
    negative, positive (NaN where hidden), over (the named rule), praise (more positive than negative answers:
    a decision inside lib, made on the raw tone counts, never shown as a number), note (``hidden`` for a count
    below the threshold, ``complementary`` for a number hidden to protect another, else '')."""
    if answers.empty:
        return pd.DataFrame(columns=THEME_COLUMNS)
    shares = theme_shares(answers, long, wijkcode, themes, threshold, grid=grid)
    primary = shares["answers"].isna() & (shares["answers_reason"] != SECONDARY)
    note = np.where(primary, "hidden", np.where(shares["wijk_share"].isna() & (shares["reason"] == SECONDARY),
                                                SECONDARY, ""))
    own = long[long["wijkcode"] == wijkcode]
    tones = own.groupby(["theme", "tone"]).size() if len(own) else pd.Series(dtype=int)
    praise = [tones.get((t, "positief"), 0) > tones.get((t, "negatief"), 0) for t in shares["theme"]]
    return pd.DataFrame({
        "theme": shares["theme"], "answers": shares["answers"], "share": shares["wijk_share"],
        "gemeente_share": shares["gemeente_share"], "negative": shares["negative"], "positive": shares["positive"],
        "over": shares["over_represented"], "praise": praise, "note": note,
    }, columns=THEME_COLUMNS)


def is_missing(value) -> bool:
    """None, ``<NA>`` or NaN: a number lib does not have or the small-number rule hides."""
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _channels(text) -> list[str]:
    return [c.strip() for c in str(text).split(",") if c.strip()]


def figure_checks(wide: pd.DataFrame, meta: dict, gemeentecode: str, wijkcode: str,
                  pairs: list[tuple[str, str]], margins: dict[str, float]) -> pd.DataFrame:
    """Per theme pair with both values: indicator, label, unit, value, gemeente, relative difference, unfavourable."""
    rows = []
    for theme, indicator in pairs:
        if indicator not in wide.columns or wijkcode not in wide.index or gemeentecode not in wide.index:
            continue
        value, gm = wide.at[wijkcode, indicator], wide.at[gemeentecode, indicator]
        if value != value or gm != gm or not gm:
            continue
        direction = unfavourable_direction(indicator)
        rel = (float(value) - float(gm)) / abs(float(gm))
        margin = margins.get(theme, margins.get("*", 0.1))
        info = meta.get((wijkcode, indicator))
        rows.append({
            "theme": theme, "indicator": indicator, "label": indicator if info is None else info["label"],
            "unit": "" if info is None else info["unit"], "value": float(value), "gemeente": float(gm),
            "relative": rel, "unfavourable": bool(direction * rel >= margin),
            "year": None if info is None else info["year"], "source": "" if info is None else info["source"],
        })
    return pd.DataFrame(rows, columns=["theme", "indicator", "label", "unit", "value", "gemeente", "relative",
                                       "unfavourable", "year", "source"])


def _theme_reason(row, answers_source: str) -> Reason:
    share = None if is_missing(row["share"]) else row["share"]  # hidden where it would give a hidden count back
    gemeente = None if is_missing(row["gemeente_share"]) else row["gemeente_share"]
    return Reason("theme_share", row["theme"], share, gemeente, "share", answers_source,
                  note=row.get("note", "") if share is None else "")


def _figure_reason(row) -> Reason:
    return Reason("indicator", row["label"], row["value"], row["gemeente"], row["unit"], row["source"], row["year"])


def theme_recommendations(themes: pd.DataFrame, figures: pd.DataFrame, enough: bool, answers_source: str,
                          ) -> list[Recommendation]:
    """Priority themes and signals of one wijk (none when the wijk has too few answers)."""
    if not enough:
        return []
    out_p, out_s = [], []
    bad: dict[str, list[dict]] = {}
    for f in (figures.to_dict("records") if len(figures) else []):
        if f["unfavourable"]:
            bad.setdefault(f["theme"], []).append(f)
    for row in themes.to_dict("records"):
        residents = bool(row["over"]) and not row["praise"]
        figs = bad.get(row["theme"], [])
        if residents and figs:
            reasons = [_theme_reason(row, answers_source)] + [_figure_reason(f) for f in figs]
            if not is_missing(row["negative"]):
                reasons.append(Reason("negative_share", row["theme"], row["negative"], None, "share", answers_source))
            out_p.append((row["share"] / row["gemeente_share"], Recommendation(f"priority:{row['theme']}", "priority",
                                                                               row["theme"], reasons=reasons)))
        elif residents:
            out_s.append((row["share"] / row["gemeente_share"], Recommendation(
                f"signal:{row['theme']}", "signal", row["theme"], reasons=[_theme_reason(row, answers_source)])))
        elif figs:
            strength = max(abs(f["relative"]) for f in figs)
            reasons = [_figure_reason(f) for f in figs] + [_theme_reason(row, answers_source)]
            out_s.append((strength, Recommendation(f"signal:{row['theme']}", "signal", row["theme"], reasons=reasons)))
    out_p.sort(key=lambda x: -x[0])
    out_s.sort(key=lambda x: -x[0])
    return [r for _, r in out_p] + [r for _, r in out_s[:MAX_SIGNALS]]


# ------------------------------------------------------------------------------------------- heard


def not_heard_recommendations(overview_row: dict, ages: pd.DataFrame, source_gaps: list[Reason], gm_rate: float | None,
                              threshold: int, low_reach: float, age_source: str, age_year: int | None,
                              low_representativeness: float = 0.5) -> list[Recommendation]:
    """Whom the gemeente did not hear in one wijk."""
    out = []
    n = overview_row["respondents"]
    missing = is_missing(n)
    if missing or n < threshold:
        out.append(Recommendation("not_heard:wijk", "not_heard", "wijk", reasons=[
            Reason("respondents", "", None if missing else float(n), None, "respondents", "",
                   note="hidden" if missing else ""),
            Reason("inhabitants", "", overview_row["inhabitants"], None, "inhabitants", "CBS"),
        ]))
        return out
    rel = overview_row["relative_reach"]
    if rel is not None and rel == rel and rel < low_reach:
        out.append(Recommendation("not_heard:reach", "not_heard", "reach", reasons=[
            Reason("per_1000", "", overview_row["per_1000"], gm_rate, "per 1.000 inwoners", "")]))
    for row in ages.to_dict("records") if not ages.empty else []:
        if row["not_heard"]:
            out.append(Recommendation(f"not_heard:{row['band']}", "not_heard", row["band"], reasons=[
                Reason("age_share", row["band"], row["respondent_share"], row["population_share"], "share",
                       age_source, age_year, note=row.get("reason", "") or "")]))
    score = overview_row["score"]
    if score is not None and score == score and score < low_representativeness:
        out.append(Recommendation("not_heard:score", "not_heard", "score", reasons=[
            Reason("score", overview_row["lowest_band"], score, None, "ratio", note=overview_row["highest_band"])]))
    for reason in source_gaps:
        out.append(Recommendation(f"not_heard:bron:{reason.subject}", "not_heard", f"bron:{reason.subject}", reasons=[reason]))
    return out


# ------------------------------------------------------------------------------------------- involve


def involve_recommendation(rules: pd.DataFrame, facts: dict, profile_forms: pd.DataFrame, forms: pd.DataFrame,
                           ) -> Recommendation:
    """How to involve the wijk next, from the rules table.

    ``facts``: no_answers (bool), not_heard (bands), priorities (themes), relative_reach, score, lowest_band,
    top_profile, top_share, top_kind ('measured', 'imported', 'estimate'), reasons (dict condition -> [Reason]).
    """
    fired, rung, wanted, channels, avoid, notes, reasons = [], "", [], [], set(), [], []
    bands = list(facts.get("not_heard", []))
    score = facts.get("score")
    rules_rep = rules[rules["condition"] == "low_representativeness"]
    if score is not None and len(rules_rep) and facts.get("lowest_band") and score < float(rules_rep["value"].iloc[0]):
        if facts["lowest_band"] not in bands:
            bands.append(facts["lowest_band"])
    priorities = list(facts.get("priorities", []))
    specific = set(rules.loc[rules["condition"] == "priority_theme", "parameter"]) - {"*"}
    by_profile = profile_forms.set_index("profile")
    records = rules.attrs.get("records") or rules.to_dict("records")
    for rule in records:
        cond, param, value = rule["condition"], rule["parameter"], rule["value"]
        hit = False
        if cond == "no_answers":
            hit = bool(facts.get("no_answers"))
        elif facts.get("no_answers"):
            hit = cond == "profile_share" and bool(facts.get("top_profile"))
        elif cond == "not_heard_age":
            hit = param in bands
        elif cond == "priority_theme":
            hit = param in priorities if param != "*" else any(t not in specific for t in priorities)
        elif cond == "low_reach":
            rel = facts.get("relative_reach")
            hit = rel is not None and rel == rel and value == value and rel < value
        elif cond == "profile_share":
            top = facts.get("top_profile")
            hit = bool(top) and (param in {"*", "", top}) and (value != value or facts.get("top_share", 0) >= value)
        elif cond == "low_representativeness":
            hit = score is not None and value == value and score < value
        if not hit:
            continue
        fired.append(int(rule["order"]))
        if rule["note"]:
            notes.append(rule["note"])
        reasons.extend(facts.get("reasons", {}).get(cond if cond != "not_heard_age" else f"age:{param}", []))
        rule_forms = split_list(rule["forms"])
        rule_channels = _channels(rule["channels"])
        if cond == "profile_share" and facts.get("top_profile") in by_profile.index:
            prof = by_profile.loc[facts["top_profile"]]
            rule_forms = rule_forms or split_list(prof["forms"])
            rule_channels = rule_channels or _channels(prof["channels"])
        if not rung and rule["rung"]:
            rung = rule["rung"]
        wanted.append(rule_forms)
        channels.extend(rule_channels)
        avoid.update(split_list(rule["avoid"]))
    known_forms = set(forms["form"])
    chosen = []
    for rank in range(max((len(w) for w in wanted), default=0)):  # one form per need first, then the next ones
        for rule_forms in wanted:
            if rank < len(rule_forms):
                f = rule_forms[rank]
                if f not in avoid and f in known_forms and f not in chosen and len(chosen) < 3:
                    chosen.append(f)
    if len(chosen) < 2:
        fill = []
        if facts.get("top_profile") in by_profile.index:
            fill = split_list(by_profile.loc[facts["top_profile"], "forms"])
        fill += list(forms.loc[forms["rung"] == (rung or "raadplegen"), "form"])
        for f in fill:
            if f not in avoid and f not in chosen and f in known_forms and len(chosen) < 3:
                chosen.append(f)
    if not rung:
        rung = "raadplegen"
    return Recommendation("involve:next", "involve", "", rung=rung, forms=chosen,
                          channels=list(dict.fromkeys(channels))[:5], reasons=reasons, rules=fired, notes=notes)


# ------------------------------------------------------------------------------------------- edits


def apply_edits(recs: list[Recommendation], wijk_edits: dict | None) -> tuple[list[Recommendation], list[Recommendation]]:
    """Staff's edits on top of the automatic recommendations: (shown, dropped)."""
    wijk_edits = wijk_edits or {}
    items = wijk_edits.get("items", {})
    by_id = {r.id: copy.deepcopy(r) for r in recs}
    shown, dropped = {}, []
    for rid, rec in by_id.items():
        item = items.get(rid)
        if item and item.get("dropped"):
            dropped.append(rec)
            continue
        if item and item.get("text"):
            rec.text, rec.edited = str(item["text"]), True
        shown[rid] = rec
    for rid, item in items.items():
        if rid in by_id or item.get("dropped") or not item.get("text"):
            continue
        added = bool(item.get("added"))
        shown[rid] = Recommendation(rid, item.get("kind") or "staff", item.get("subject", ""), text=str(item["text"]),
                                    edited=not added, added=added, stale=not added)
    order = [rid for rid in wijk_edits.get("order", []) if rid in shown]
    rest = [rid for rid in shown if rid not in order]
    return [shown[rid] for rid in order + rest], dropped


def _wijk(edits: dict, wijkcode: str) -> tuple[dict, dict]:
    out = copy.deepcopy(edits or {})
    wijk = out.setdefault(wijkcode, {})
    wijk.setdefault("items", {})
    wijk.setdefault("order", [])
    return out, wijk


def edit_text(edits: dict, wijkcode: str, rec: Recommendation, text: str) -> dict:
    """Staff replace the text of a recommendation (empty text goes back to the automatic one)."""
    out, wijk = _wijk(edits, wijkcode)
    item = wijk["items"].setdefault(rec.id, {"kind": rec.kind, "subject": rec.subject})
    item["text"] = text.strip()
    if not item["text"] and not item.get("added"):
        wijk["items"].pop(rec.id)
    return out


def drop(edits: dict, wijkcode: str, rec_id: str, dropped: bool = True) -> dict:
    """Drop (or restore) a recommendation."""
    out, wijk = _wijk(edits, wijkcode)
    item = wijk["items"].setdefault(rec_id, {})
    if item.get("added") and dropped:
        wijk["items"].pop(rec_id)
    else:
        item["dropped"] = dropped
        if not dropped and not item.get("text"):
            wijk["items"].pop(rec_id)
    return out


def add(edits: dict, wijkcode: str, text: str, kind: str = "staff") -> tuple[dict, str]:
    """Add a staff recommendation; returns the new edits and its id."""
    out, wijk = _wijk(edits, wijkcode)
    n = 1 + max([int(k.split(":")[1]) for k in wijk["items"] if k.startswith("staff:") and k.split(":")[1].isdigit()] or [0])
    rid = f"staff:{n}"
    wijk["items"][rid] = {"kind": kind, "subject": "", "text": text.strip(), "added": True}
    return out, rid


def move(edits: dict, wijkcode: str, current: list[str], rec_id: str, delta: int) -> dict:
    """Move a recommendation up (-1) or down (+1) in the shown order ``current``."""
    out, wijk = _wijk(edits, wijkcode)
    order = list(current)
    if rec_id in order:
        i = order.index(rec_id)
        j = max(0, min(len(order) - 1, i + delta))
        order.insert(j, order.pop(i))
    wijk["order"] = order
    return out


def set_note(edits: dict, wijkcode: str, note: str) -> dict:
    """Staff's note for the wijk."""
    out, wijk = _wijk(edits, wijkcode)
    wijk["note"] = note.strip()
    return out
