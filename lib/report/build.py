"""From an ``AdviceResult`` to the report model (text for Word/PDF, numbers for Excel, charts as PNG)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pandas as pd

from lib.advice.analysis import AdviceResult, WijkAdvice
from lib.advice.recommend import is_missing
from lib.core.privacy import mask_text
from lib.present import charts_advice
from lib.present.text import SECONDARY_TEXT, format_number, listing, long_date, percent
from lib.report import wording as w
from lib.report.model import RecItem, Report, TextTable, WijkSection

MAX_THEMES = 6
CHARTS_PER_WIJK_UP_TO = 3
"""A report with at most this many wijken gets a chart per wijk; a larger one gets overview charts (reach per wijk,
themes per wijk) and the per-wijk tables carry the same numbers. Keeps the all-wijken summary fast and short."""
HEATMAP_THEMES = 8


def _figures_table(wijk: WijkAdvice) -> TextTable | None:
    if wijk.figures.empty:
        return None
    rows = []
    for f in wijk.figures.to_dict("records"):
        rows.append([f["label"], w.with_unit(f["value"], f["unit"]), w.with_unit(f["gemeente"], f["unit"]),
                     w.source_name(f["source"], f["year"])])
    return TextTable("Kerncijfers", ["Cijfer", "Wijk", "Gemeente", "Bron en jaar"], rows, [4.2, 1.6, 1.6, 2.2],
                     [False, True, True, False])


def _themes_table(wijk: WijkAdvice, threshold: int) -> TextTable | None:
    data = wijk.themes.dropna(subset=["share"])
    data = data[data["share"] > 0].head(MAX_THEMES)
    if data.empty:
        return None
    rows = [[t["theme"], w.count(t["answers"], threshold), percent(t["share"], 0), percent(t["gemeente_share"], 0),
             SECONDARY_TEXT if is_missing(t["negative"]) else percent(t["negative"], 0)]
            for t in data.to_dict("records")]
    note = ("Verborgen: anders is een klein aantal terug te rekenen (ook antwoorden met een neutrale toon tellen "
            "als niet getoond)." if any(r[-1] == SECONDARY_TEXT for r in rows) else "")
    return TextTable("Thema's", ["Thema", "Antwoorden", "Aandeel wijk", "Aandeel gemeente", "Negatief van toon"], rows,
                     [3.6, 1.5, 1.5, 1.7, 1.7], [False, True, True, True, True], note)


def _heard(wijk: WijkAdvice, result: AdviceResult) -> tuple[list[str], TextTable | None]:
    t = result.threshold
    lines = []
    resp = w.count(wijk.respondents, t) if wijk.respondents != 0 else "geen"
    overview = result.overview.set_index("wijkcode")
    per_1000 = overview.at[wijk.wijkcode, "per_1000"] if wijk.wijkcode in overview.index else None
    line = f"{resp} respondenten"
    if per_1000 is not None and per_1000 == per_1000:
        line += f", {format_number(per_1000, 1)} per 1.000 inwoners (hele gemeente: {format_number(result.gemeente_rate, 1)})"
    lines.append(line + ".")
    if wijk.score is not None:
        lines.append(f"Representativiteit naar leeftijd: {format_number(wijk.score, 2)} (laagste deelname gedeeld door de "
                     "hoogste; 1 = alle groepen even goed gehoord).")
    if wijk.too_small:
        lines.append(f"Te kleine groepen om iets over te zeggen: {listing([w.band(b) for b in wijk.too_small])}.")
    table = None
    if not wijk.ages.empty and wijk.ages["respondent_share"].notna().any():
        rows = [[w.band(a["band"]), w.count(a["respondents"], t), percent(a["respondent_share"], 0), percent(a["population_share"], 0),
                 "te klein" if a["too_small"] else format_number(a["rate"], 1)]
                for a in wijk.ages.to_dict("records")]
        table = TextTable("Wie is gehoord (15 jaar en ouder)", ["Leeftijd", "Respondenten", "Aandeel respondenten",
                                                               "Aandeel inwoners", "Per 1.000 inwoners"],
                          rows, [1.6, 1.6, 2, 2, 2], [False, True, True, True, True], "Inwoners: Bron: CBS.")
    return lines, table


def _mix(wijk: WijkAdvice, result: AdviceResult) -> tuple[str, TextTable | None]:
    names = dict(zip(result.profiles["profile"], result.profiles["name"]))
    if wijk.mix.empty:
        return "Geen profielverdeling: er zijn geen vragen naar betrokkenheid en geen passende cijfers geladen.", None
    kinds = [k for k in ("measured", "imported", "estimate") if k in set(wijk.mix["kind"])]
    table = wijk.mix.pivot_table(index="profile", columns="kind", values="share", aggfunc="first")
    order = [p for p in result.profiles["profile"] if p in table.index] + [p for p in table.index if p not in names]
    table = table.reindex(order)
    used = wijk.mix_kind
    if used in table.columns:
        table = table.sort_values(used, ascending=False)
    header = ["Profiel"] + [w.MIX_KINDS[k][0].upper() + w.MIX_KINDS[k][1:] for k in kinds]
    rows = [[names.get(p, p)] + [percent(table.at[p, k], 0) if k in table.columns else "–" for k in kinds] for p in table.index]
    parts = [f"Het advies gaat uit van de verdeling {w.MIX_KINDS.get(used, used)}."]
    if "estimate" in kinds:
        basis = wijk.basis
        if len(basis):
            figs = [f"{b['label'].lower()} {w.with_unit(b['value'], b['unit'])} (gemeente {w.with_unit(b['gemeente'], b['unit'])})"
                    for b in basis.sort_values("z", key=abs, ascending=False).head(3).to_dict("records")]
            years = sorted({int(y) for y in basis["year"].dropna()})
            parts.append(f"De schatting rust op {listing(figs)}; Bron: CBS{', ' + listing([str(y) for y in years]) if years else ''}.")
    return " ".join(parts), TextTable("Betrokkenheidsprofielen", header, rows, [3.4] + [2.2] * len(kinds),
                                      [False] + [True] * len(kinds))


def _recs(wijk: WijkAdvice, result: AdviceResult) -> list[RecItem]:
    names = dict(zip(result.profiles["profile"], result.profiles["name"]))
    out = []
    for rec in wijk.recommendations:
        reasons = [w.reason(r, result.threshold, names) for r in rec.reasons]
        out.append(RecItem(rec.kind, w.title(rec, result.forms, result.ladder), w.sentence(rec, result.forms, result.ladder),
                           [r for r in reasons if r], w.marks(rec)))
    return out


def _section(wijk: WijkAdvice, result: AdviceResult, chart_key: str | None) -> WijkSection:
    t = result.threshold
    inh = "onbekend aantal" if wijk.inhabitants is None else format_number(wijk.inhabitants, 0)
    answers = w.count(wijk.answers, t) if wijk.answers != 0 else "geen"
    intro = f"{inh} inwoners; {answers} antwoorden op open vragen."
    if wijk.tiny:
        intro += " Klein gebied: percentages zeggen hier weinig en worden niet vergeleken."
    heard, heard_table = _heard(wijk, result)
    mix_text, mix_table = _mix(wijk, result)
    short = wijk.tiny or wijk.answers is None or wijk.answers < t
    quotes = [(theme, [mask_text(q) for q in qs]) for theme, qs in wijk.quotes.items() if qs] if not short else []
    return WijkSection(
        name=wijk.wijknaam, intro=intro, figures=_figures_table(wijk), themes=None if short else _themes_table(wijk, t),
        quotes=quotes, heard=heard, heard_table=heard_table, mix_text=mix_text, mix_table=mix_table,
        recommendations=_recs(wijk, result), note=wijk.note, chart=chart_key, short=short,
    )


def _summary(result: AdviceResult) -> list[tuple[str, str]]:
    t = result.threshold
    names = result.areas.wijk_names()
    wijken = list(result.wijken.values())
    ov = result.overview[result.overview["wijkcode"].isin(result.wijken)]
    points = []
    regular = ov[~ov["tiny"]]
    heard = regular[regular["per_1000"].notna()]
    if len(regular) == 1:
        only = names[regular["wijkcode"].iloc[0]]
        finding = (f"{only} is voldoende gehoord om iets te zeggen." if len(heard)
                   else f"{only} is te weinig gehoord om iets te zeggen.")
    elif len(regular):
        finding = f"{len(heard)} van de {len(regular)} wijken met 500 of meer inwoners zijn voldoende gehoord om iets te zeggen."
    if len(regular):
        evidence = ""
        if len(heard):
            lo, hi = heard.loc[heard["per_1000"].idxmin()], heard.loc[heard["per_1000"].idxmax()]
            evidence = (f"Gemiddeld {format_number(result.gemeente_rate, 1)} respondenten per 1.000 inwoners; het minst in "
                        f"{names[lo['wijkcode']]} ({format_number(lo['per_1000'], 1)}), het meest in {names[hi['wijkcode']]} "
                        f"({format_number(hi['per_1000'], 1)}).") if len(heard) > 1 else (
                f"{format_number(heard['per_1000'].iloc[0], 1)} respondenten per 1.000 inwoners, in de hele gemeente "
                f"{format_number(result.gemeente_rate, 1)}.")
        points.append((finding, evidence))
    prios = [(wk.wijknaam, r) for wk in wijken for r in wk.recommendations if r.kind == "priority"]
    if prios:
        by_theme = Counter(r.subject for _, r in prios)
        theme, n = by_theme.most_common(1)[0]
        where = [name for name, r in prios if r.subject == theme]
        first = next(r for _, r in prios if r.subject == theme)
        evidence = "; ".join(w.reason(x, t) for x in first.reasons[:2])
        points.append((f"{theme} is een prioriteit in {listing(where)}: bewoners noemen het vaker én de cijfers zijn "
                       "ongunstiger dan in de gemeente.", f"{where[0]}: {evidence}."))
        others = [f"{s} ({k}x)" if k > 1 else s for s, k in by_theme.most_common() if s != theme]
        if others:
            points.append((f"Andere prioriteiten: {listing(others[:4])}.",
                           f"In totaal {len(prios)} prioriteiten in {len({n for n, _ in prios})} wijken; elk met de "
                           "cijfers erbij in het deel per wijk."))
    else:
        signals = sum(1 for wk in wijken for r in wk.recommendations if r.kind == "signal")
        points.append(("Geen thema waarop bewoners en cijfers allebei ongunstig afwijken.",
                       f"Wel {signals} signalen om na te gaan (alleen bewoners of alleen de cijfers wijken af)."))
    bands = Counter(r.subject for wk in wijken for r in wk.recommendations
                    if r.kind == "not_heard" and r.subject in {"15-25", "25-45", "45-65", "65+"})
    if bands:
        band, n = bands.most_common(1)[0]
        example = next((wk, r) for wk in wijken for r in wk.recommendations if r.kind == "not_heard" and r.subject == band)
        points.append((f"Inwoners van {w.band(band)} zijn in {n} {'wijk' if n == 1 else 'wijken'} minder gehoord dan hun "
                       "aandeel in de bevolking.", f"{example[0].wijknaam}: {w.reason(example[1].reasons[0], t)}."))
    unheard = [wk.wijknaam for wk in wijken if any(r.id == "not_heard:wijk" for r in wk.recommendations) and not wk.tiny]
    tiny_unheard = sum(1 for wk in wijken if wk.tiny and any(r.id == "not_heard:wijk" for r in wk.recommendations))
    if unheard or tiny_unheard:
        finding = (f"Uit {listing(unheard)} is (bijna) niemand gehoord." if unheard
                   else f"Uit {tiny_unheard} kleine gebieden (bedrijventerrein, landelijk gebied) is (bijna) niemand gehoord.")
        points.append((finding, f"Minder dan {t} respondenten per wijk; daar eerst ophalen wat er speelt, op straat of "
                                "met een koffiekar."))
    forms = Counter(f for wk in wijken for r in wk.recommendations if r.kind == "involve" for f in r.forms)
    if forms:
        top = [f"{n} ({k} {'wijk' if k == 1 else 'wijken'})" for n, k in zip(w.form_names([f for f, _ in forms.most_common(3)], result.forms),
                                                  [k for _, k in forms.most_common(3)])]
        points.append((f"Voor de volgende ronde passen vooral {listing(top)}.",
                       "Per wijk gekozen naar wie niet gehoord is, de prioriteiten en de betrokkenheidsprofielen; bij "
                       "elke aanbeveling staat wat de gemeente op die trede toezegt."))
    return points[:6]


def _overview(result: AdviceResult) -> TextTable:
    t = result.threshold
    rows = []
    for code, wk in result.wijken.items():
        ov = result.overview.set_index("wijkcode").loc[code]
        prios = [r.subject for r in wk.recommendations if r.kind == "priority"]
        involve = next((r for r in wk.recommendations if r.kind == "involve"), None)
        rows.append([wk.wijknaam, format_number(wk.inhabitants, 0), w.count(wk.respondents, t) if wk.respondents != 0 else "0",
                     format_number(ov["per_1000"], 1), format_number(wk.score, 2) if wk.score is not None else "–",
                     ", ".join(prios) or "–", involve.rung if involve else "–"])
    return TextTable("Overzicht van de wijken", ["Wijk", "Inwoners", "Respon­denten", "Per 1.000 inwoners", "Score",
                                                 "Prioriteiten", "Volgende trede"], rows, [3.0, 1.9, 2.0, 1.7, 1.3, 2.6, 1.9],
                     [False, True, True, True, True, False, False],
                     "Score: representativiteit naar leeftijd (laagste deelname gedeeld door de hoogste; 1 = alle "
                     "groepen even goed gehoord). Inwoners: Bron: CBS.")


def _sheets(result: AdviceResult) -> dict[str, pd.DataFrame]:
    """The underlying tables as real numbers (hidden counts empty, with a note)."""
    t = result.threshold
    names = {c: wk.wijknaam for c, wk in result.wijken.items()}
    prof_names = dict(zip(result.profiles["profile"], result.profiles["name"]))
    hidden = f"verborgen: minder dan {t}"
    ov = result.overview[result.overview["wijkcode"].isin(names)]
    sheets = {"Wijken": pd.DataFrame({
        "Wijk": ov["wijkcode"].map(names), "Inwoners": ov["inhabitants"], "Respondenten": ov["respondents"],
        "Respondenten per 1.000 inwoners": ov["per_1000"].astype(float),
        "Bereik t.o.v. gemeente": ov["relative_reach"].astype(float), "Representativiteit": ov["score"].astype(float),
        "Opmerking": [hidden if r is pd.NA else ("klein gebied" if tiny else "") for r, tiny in zip(ov["respondents"], ov["tiny"])],
    })}
    figs, themes, reach, ages, mix, recs, notes = [], [], [], [], [], [], []
    for code, wk in result.wijken.items():
        for f in wk.figures.to_dict("records"):
            figs.append({"Wijk": wk.wijknaam, "Cijfer": f["label"], "Eenheid": f["unit"], "Wijk (waarde)": f["value"],
                         "Gemeente": f["gemeente"], "Jaar": f["year"], "Bron": w.source_name(f["source"])})
        for x in wk.themes.to_dict("records"):
            if x["share"] is None or x["share"] != x["share"]:
                continue
            themes.append({"Wijk": wk.wijknaam, "Thema": x["theme"], "Antwoorden": x["answers"], "Aandeel wijk": x["share"],
                           "Aandeel gemeente": x["gemeente_share"], "Negatief van toon": x["negative"],
                           "Opmerking": hidden if x["answers"] is pd.NA or x["answers"] is None else ""})
        for x in wk.reach.to_dict("records"):
            reach.append({"Wijk": wk.wijknaam, "Traject": x["trajectory"], "Respondenten": x["respondents"],
                          "Per 1.000 inwoners": x["per_1000"],
                          "Opmerking": hidden if x["respondents"] is pd.NA or x["respondents"] is None else ""})
        for x in wk.ages.to_dict("records"):
            ages.append({"Wijk": wk.wijknaam, "Leeftijd": x["band"], "Respondenten": x["respondents"],
                         "Aandeel respondenten (15+)": x["respondent_share"], "Aandeel inwoners (15+)": x["population_share"],
                         "Per 1.000 inwoners": x["rate"], "Opmerking": "groep te klein" if x["too_small"] else ""})
        for x in wk.mix.to_dict("records"):
            mix.append({"Wijk": wk.wijknaam, "Profiel": prof_names.get(x["profile"], x["profile"]),
                        "Soort": w.MIX_KINDS.get(x["kind"], x["kind"]), "Aandeel": x["share"]})
        for i, item in enumerate(_recs(wk, result), 1):
            recs.append({"Wijk": wk.wijknaam, "Volgorde": i, "Soort": w.KIND_LABELS.get(item.kind, item.kind),
                         "Titel": item.title, "Tekst": item.text, "Redenen": "\n".join(item.reasons), "Bewerkt": item.mark})
        if wk.note:
            notes.append({"Wijk": wk.wijknaam, "Notitie": wk.note})
    frames = {"Kerncijfers": figs, "Thema's": themes, "Bereik per traject": reach, "Leeftijd": ages, "Profielen": mix,
              "Aanbevelingen": recs, "Notities": notes}
    for name, rows in frames.items():
        if rows:
            frame = pd.DataFrame(rows)
            for col in frame.columns:
                if col in {"Respondenten", "Antwoorden"}:
                    frame[col] = frame[col].astype("Int64")
            sheets[name] = frame
    return sheets


def build_report(result: AdviceResult, *, title: str = "Wijkbeeld: wat bewoners inbrachten en hoe we hen verder betrekken",
                 made_on: date | None = None, charts: bool = True) -> Report:
    """The report for the wijken in ``result`` (all or a chosen few)."""
    names = result.areas.wijk_names()
    chart_specs = {}
    if charts:
        full = [wk for wk in result.wijken.values()
                if not (wk.tiny or wk.answers is None or wk.answers < result.threshold)]
        if len(result.wijken) <= CHARTS_PER_WIJK_UP_TO:
            for wk in full:
                chart_specs[f"wijk:{wk.wijkcode}"] = charts_advice.side_by_side(
                    charts_advice.theme_chart(wk.themes, width=250), charts_advice.age_chart(wk.ages, width=170))
        if len(result.wijken) > 1:
            chart_specs["overview"] = charts_advice.reach_chart(
                result.overview[result.overview["wijkcode"].isin(result.wijken)], names, result.gemeente_rate)
        if len(result.wijken) > CHARTS_PER_WIJK_UP_TO and full:
            shares = pd.concat([wk.themes.assign(Wijk=wk.wijknaam) for wk in full], ignore_index=True)
            top = (shares.groupby("theme")["gemeente_share"].first().sort_values(ascending=False).head(HEATMAP_THEMES).index)
            shares = shares[shares["theme"].isin(top)]
            shares = shares.assign(order=shares["theme"].map({t: i for i, t in enumerate(top)})).sort_values(["Wijk", "order"])
            chart_specs["themes"] = charts_advice.theme_heatmap(
                shares.rename(columns={"theme": "Thema", "share": "Aandeel"})[["Wijk", "Thema", "Aandeel"]])
    pngs = charts_advice.render_all(chart_specs) if chart_specs else {}
    sections = [_section(wk, result, f"wijk:{code}" if f"wijk:{code}" in pngs else None) for code, wk in result.wijken.items()]
    start, end = result.period
    period = f"{long_date(start)} tot en met {long_date(end)}" if start else "onbekend"
    years = sorted({int(y) for y in result.areas.latest()["year"].dropna()})
    t = result.threshold
    closing = [
        ("Bronnen", [
            f"Cijfers per wijk: Bron: CBS, Kerncijfers wijken en buurten ({listing([str(y) for y in years])}); per cijfer "
            "het laatste jaar waarin het beschikbaar is, het jaar staat bij elk cijfer. Licentie CC BY 4.0.",
            "Inbreng van bewoners: " + (listing(result.sources) or "geen trajecten") + ".",
            "Werkvormen en participatieladder: Movisie (participatieladder naar Edelenbos), energieparticipatie.nl en "
            "nplw.nl (werkvormen); toezeggingen per trede naar de formulering van gemeente Schiedam.",
        ]),
        ("Werkwijze", [
            "Elk open antwoord is gekoppeld aan een wijk (via wijknaam, CBS-code of postcode) en lokaal van thema's en "
            "toon voorzien; medewerkers hebben thema's kunnen corrigeren.",
            "Een thema is een prioriteit als bewoners het minstens 1,3 keer zo vaak noemen als in de hele gemeente (met "
            f"minstens {t} antwoorden, niet overwegend positief) én een gekoppeld cijfer minstens 10% ongunstiger is dan "
            "in de gemeente. Wijkt maar één van de twee af, dan is het een signaal om na te gaan.",
            "Een leeftijdsgroep is minder gehoord als haar aandeel onder de respondenten (15 jaar en ouder) 5 "
            "procentpunten of meer onder haar aandeel onder de inwoners ligt. Representativiteit is de laagste deelname "
            "per 1.000 inwoners van een leeftijdsgroep gedeeld door de hoogste (zoals Go Vocal dat doet).",
            "Betrokkenheidsprofielen zijn Wijkbeeld's eigen, open indeling op vier assen (betrokkenheid bij de omgeving, "
            "vertrouwen in de gemeente, meedenken of meedoen, voorkeurskanaal); geen model van Citisens. Per wijk "
            "gemeten onder respondenten waar een enquête ernaar vroeg, anders geschat uit CBS-cijfers (schatting).",
            "De regels voor het advies staan in een tabel die de gemeente kan inzien en aanpassen; aanbevelingen die "
            "medewerkers bewerkten of toevoegden zijn als zodanig gemarkeerd.",
        ]),
        ("Privacy", [
            f"Aantallen onder de {t} worden niet getoond (‘minder dan {t}’), ook niet in de tabellen; aandelen op basis "
            f"van minder dan {t} antwoorden of respondenten worden niet berekend.",
            "In citaten zijn e-mailadressen, telefoonnummers, postcodes (6 posities) en IBAN-nummers gemaskeerd. "
            "Alle gegevens zijn lokaal verwerkt; niets is naar derden gestuurd.",
        ]),
    ]
    return Report(
        title=title, gemeente=result.areas.gemeentenaam, made_on=long_date(made_on or date.today()),
        trajectories=result.sources, period=period, summary=_summary(result), overview=_overview(result),
        sections=sections, closing=closing, charts=pngs,
        overview_charts=[k for k in ("overview", "themes") if k in pngs],
        sheets=_sheets(result), threshold=t,
    )
