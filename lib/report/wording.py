"""Dutch text for the advice: titles, sentences and reasons, for the advice page and the report alike."""

from __future__ import annotations

from datetime import date

import pandas as pd

from lib.advice.recommend import Reason, Recommendation
from lib.present.text import format_number

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
KIND_LABELS = {
    "priority": "Prioriteit", "signal": "Signaal om na te gaan", "not_heard": "Niet gehoord",
    "involve": "Volgende keer betrekken", "staff": "Eigen aanbeveling",
}
MIX_KINDS = {"measured": "gemeten onder respondenten", "imported": "aangeleverd door de gemeente",
             "estimate": "schatting uit CBS-cijfers"}


def dutch_date(value: date | str) -> str:
    """``2024-03-15`` -> ``15 maart 2024``."""
    if isinstance(value, str):
        if not value:
            return ""
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def pct(value: float | None, decimals: int = 0) -> str:
    """0.125 -> ``13%`` (or ``12,5%`` with one decimal); ``–`` when unknown."""
    if value is None or value != value:
        return "–"
    return f"{format_number(float(value) * 100, decimals)}%"


def number(value: float | None, decimals: int | None = None) -> str:
    if value is None or value != value or value is pd.NA:
        return "–"
    return format_number(float(value), decimals)


def with_unit(value: float | None, unit: str) -> str:
    """A figure with its unit: ``45%``, ``€ 26.000``-style units kept as CBS writes them."""
    if value is None or value != value:
        return "–"
    if unit == "%":
        return f"{number(value)}%"
    if unit.startswith("x 1.000 euro"):
        return f"€ {number(value * 1000, 0)}"
    if unit in {"aantal", "", "klasse", "personen"}:
        return number(value)
    return f"{number(value)} {unit}"


def source_name(source: str, year: int | None = None) -> str:
    """A source as the council reads it: 'CBS' for CBS files, else the name without extension; with the year."""
    text = str(source or "")
    low = text.lower()
    name = "CBS" if any(k in low for k in ("cbs", "kwb", "statline", "kerncijfers")) else text.rsplit(".", 1)[0]
    if year:
        return f"{name}, {year}"
    return name


def count(value, threshold: int) -> str:
    """A count that survived the small-number rule; hidden ones as ``minder dan 5``."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return f"minder dan {threshold}"
    return number(value, 0)


def band(text: str) -> str:
    return f"{text} jaar" if text else ""


def form_names(forms: list[str], table: pd.DataFrame) -> list[str]:
    names = dict(zip(table["form"], table["name"]))
    return [names.get(f, f) for f in forms]


def join(items: list[str]) -> str:
    """``a, b en c``."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def title(rec: Recommendation, forms: pd.DataFrame, ladder: pd.DataFrame) -> str:
    """A short title for a recommendation."""
    if rec.kind == "priority":
        return f"Prioriteit: {rec.subject}"
    if rec.kind == "signal":
        return f"Signaal om na te gaan: {rec.subject}"
    if rec.kind == "not_heard":
        if rec.subject == "wijk":
            return "Uit deze wijk is (bijna) niemand gehoord"
        if rec.subject == "reach":
            return "De wijk is weinig bereikt"
        if rec.subject == "score":
            return "Leeftijdsgroepen zijn ongelijk gehoord"
        if rec.subject.startswith("bron:"):
            return f"{rec.subject[5:]} bereikte deze wijk nauwelijks"
        return f"Inwoners van {band(rec.subject)} zijn minder gehoord"
    if rec.kind == "involve":
        rung = dict(zip(ladder["rung"], ladder["name"])).get(rec.rung, rec.rung)
        return f"Volgende keer: {rung.lower()} met {join(form_names(rec.forms, forms)).lower()}"
    return "Eigen aanbeveling"


def sentence(rec: Recommendation, forms: pd.DataFrame, ladder: pd.DataFrame) -> str:
    """What the recommendation says (staff's text when they edited or added it)."""
    if rec.text:
        return rec.text
    if rec.kind == "priority":
        return (f"Bewoners noemen {rec.subject.lower()} vaker dan in de hele gemeente en de cijfers wijzen dezelfde kant "
                "op. Geef dit thema voorrang en vraag bewoners mee te denken over de aanpak.")
    if rec.kind == "signal":
        first = rec.reasons[0].measure if rec.reasons else ""
        if first == "indicator":
            return (f"De cijfers voor {rec.subject.lower()} zijn ongunstiger dan in de gemeente, maar bewoners noemen het "
                    "niet vaker. Ga na of het bewoners niet raakt of dat de betrokkenen niet gehoord zijn.")
        return (f"Bewoners noemen {rec.subject.lower()} vaker dan in de hele gemeente, maar de gekoppelde cijfers wijken "
                "niet ongunstig af. Ga na wat er speelt.")
    if rec.kind == "not_heard":
        if rec.subject == "wijk":
            return "Er zijn te weinig respondenten om iets over deze wijk te zeggen. Haal eerst op wat er speelt."
        if rec.subject == "reach":
            return "Naar verhouding deden hier veel minder inwoners mee dan in de hele gemeente."
        if rec.subject == "score":
            return "Sommige leeftijdsgroepen deden naar verhouding veel minder mee dan andere; plan voor hen."
        if rec.subject.startswith("bron:"):
            return "Dit traject bereikte weinig inwoners uit deze wijk, naar verhouding van het aantal inwoners."
        return f"Inwoners van {band(rec.subject)} zijn onder de respondenten minder vertegenwoordigd dan in de wijk."
    if rec.kind == "involve":
        rungs = ladder.set_index("rung")
        commitment = rungs.at[rec.rung, "commitment"] if rec.rung in rungs.index else ""
        parts = [f"Organiseer {join(form_names(rec.forms, forms)).lower()}."]
        if rec.channels:
            parts.append(f"Nodig bewoners uit via {join(rec.channels)}.")
        if commitment:
            parts.append(f"Trede {rec.rung}: {commitment[0].lower()}{commitment[1:]}")
        return " ".join(parts)
    return rec.text


def reason(r: Reason, threshold: int, profile_names: dict[str, str] | None = None) -> str:
    """One reason in numbers, with its source and year."""
    src = f" (Bron: {source_name(r.source, r.year)})" if r.source else ""
    if r.measure == "theme_share":
        if r.note == "hidden":
            return f"{r.subject}: minder dan {threshold} antwoorden uit de wijk, in de hele gemeente {pct(r.reference)}"
        return f"{r.subject}: {pct(r.value)} van de antwoorden uit de wijk, in de hele gemeente {pct(r.reference)}{src}"
    if r.measure == "negative_share":
        return f"{pct(r.value)} van de antwoorden over {r.subject.lower()} is negatief van toon"
    if r.measure == "indicator":
        return f"{r.subject}: {with_unit(r.value, r.unit)} in de wijk, in de hele gemeente {with_unit(r.reference, r.unit)}{src}"
    if r.measure == "age_share":
        if r.value is None or r.value != r.value:
            return (f"{band(r.subject)}: minder dan {threshold} respondenten, terwijl {pct(r.reference)} van de inwoners "
                    f"van 15 jaar en ouder in deze leeftijdsgroep valt (Bron: CBS{', ' + str(r.year) if r.year else ''})")
        return (f"{band(r.subject)}: {pct(r.value)} van de respondenten van 15 jaar en ouder, {pct(r.reference)} van de "
                f"inwoners van 15 jaar en ouder (Bron: CBS{', ' + str(r.year) if r.year else ''})")
    if r.measure == "respondents":
        if r.note == "hidden":
            return f"minder dan {threshold} respondenten gekoppeld aan deze wijk"
        return "geen respondenten gekoppeld aan deze wijk" if not r.value else f"{number(r.value, 0)} respondenten"
    if r.measure == "inhabitants":
        return f"{number(r.value, 0)} inwoners (Bron: CBS)"
    if r.measure == "per_1000":
        return (f"{number(r.value, 1)} respondenten per 1.000 inwoners, in de hele gemeente {number(r.reference, 1)}"
                if r.value is not None else f"te weinig respondenten voor een aantal per 1.000 inwoners")
    if r.measure == "score":
        return (f"representativiteit {number(r.value, 2)} (laagste deelname {band(r.subject)}, hoogste {band(r.note)}; "
                "1 = alle leeftijdsgroepen even goed gehoord)")
    if r.measure == "source_share":
        share = f"minder dan {threshold} respondenten" if r.note == "hidden" else f"{pct(r.value, 1)} van de respondenten"
        return f"{r.subject}: {share} uit deze wijk, terwijl {pct(r.reference, 1)} van de inwoners hier woont"
    if r.measure == "profile_share":
        name = (profile_names or {}).get(r.subject, r.subject)
        return f"meest voorkomend profiel: {name} ({pct(r.value)}, {MIX_KINDS.get(r.note, r.note)})"
    return ""


def marks(rec: Recommendation) -> str:
    """``bewerkt`` / ``toegevoegd`` / ``niet meer uit de analyse``."""
    if rec.added:
        return "toegevoegd door medewerker"
    if rec.stale:
        return "bewerkt; de analyse geeft dit niet meer"
    if rec.edited:
        return "bewerkt door medewerker"
    return ""
