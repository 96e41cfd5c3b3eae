"""Dutch text for the advice: titles, sentences and reasons, for the advice page and the report alike.

Only the advice's own wording lives here; numbers, shares, counts and dates are written by
``lib.present.text`` (the one Dutch presentation module).
"""

from __future__ import annotations

import pandas as pd

from lib.advice.recommend import Reason, Recommendation, is_missing
from lib.core.suppression import SECONDARY
from lib.present import text as present_text
from lib.present.text import SECONDARY_TEXT, UNKNOWN, format_number, listing, percent, value_with_unit

KIND_LABELS = {
    "priority": "Prioriteit", "signal": "Signaal om na te gaan", "not_heard": "Niet gehoord",
    "involve": "Volgende keer betrekken", "staff": "Eigen aanbeveling",
}
MIX_KINDS = {"measured": "gemeten onder respondenten", "imported": "aangeleverd door de gemeente",
             "estimate": "schatting uit CBS-cijfers"}


def with_unit(value: float | None, unit: str) -> str:
    """A figure with its unit written out, as a sentence in the report reads it: ``45%``, ``€ 26.000`` for CBS's
    ``x 1.000 euro``, ``12,5 per 1.000 inwoners``; ``–`` when unknown."""
    if unit.startswith("x 1.000 euro"):
        text = format_number(value, 0)
        return text if text == UNKNOWN else f"€ {format_number(float(value) * 1000, 0)}"
    if unit in {"%", "aantal", "", "klasse", "personen"}:
        return value_with_unit(value, unit)
    text = format_number(value)
    return text if text == UNKNOWN else f"{text} {unit}"


def source_name(source: str, year: int | None = None) -> str:
    """A source as the council reads it: 'CBS' for CBS files, else the name without extension; with the year."""
    text = str(source or "")
    low = text.lower()
    name = "CBS" if any(k in low for k in ("cbs", "kwb", "statline", "kerncijfers")) else text.rsplit(".", 1)[0]
    if year:
        return f"{name}, {year}"
    return name


def count(value, threshold: int) -> str:
    """A count that survived the small-number rule, in a sentence: hidden ones as ``minder dan 5``."""
    if is_missing(value):
        return f"minder dan {threshold}"
    return present_text.count(value, threshold)


def band(text: str) -> str:
    return f"{text} jaar" if text else ""


def form_names(forms: list[str], table: pd.DataFrame) -> list[str]:
    names = dict(zip(table["form"], table["name"]))
    return [names.get(f, f) for f in forms]


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
        return f"Volgende keer: {rung.lower()} met {listing(form_names(rec.forms, forms)).lower()}"
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
        parts = [f"Organiseer {listing(form_names(rec.forms, forms)).lower()}."]
        if rec.channels:
            parts.append(f"Nodig bewoners uit via {listing(rec.channels)}.")
        if commitment:
            parts.append(f"Trede {rec.rung}: {commitment[0].lower()}{commitment[1:]}")
        return " ".join(parts)
    return rec.text


def reason(r: Reason, threshold: int, profile_names: dict[str, str] | None = None) -> str:
    """One reason in numbers, with its source and year."""
    src = f" (Bron: {source_name(r.source, r.year)})" if r.source else ""
    if r.measure == "theme_share":
        gemeente = percent(r.reference, 0) if r.reference is not None else SECONDARY_TEXT
        if r.note == "hidden":
            return f"{r.subject}: minder dan {threshold} antwoorden uit de wijk, in de hele gemeente {gemeente}"
        if r.value is None:
            return f"{r.subject}: aandeel van de antwoorden uit de wijk {SECONDARY_TEXT}, in de hele gemeente {gemeente}"
        return f"{r.subject}: {percent(r.value, 0)} van de antwoorden uit de wijk, in de hele gemeente {gemeente}{src}"
    if r.measure == "negative_share":
        return f"{percent(r.value, 0)} van de antwoorden over {r.subject.lower()} is negatief van toon"
    if r.measure == "indicator":
        return f"{r.subject}: {with_unit(r.value, r.unit)} in de wijk, in de hele gemeente {with_unit(r.reference, r.unit)}{src}"
    if r.measure == "age_share":
        if r.value is None or r.value != r.value:
            few = f"een {SECONDARY_TEXT} aantal" if r.note == SECONDARY else f"minder dan {threshold}"
            return (f"{band(r.subject)}: {few} respondenten, terwijl {percent(r.reference, 0)} van de inwoners "
                    f"van 15 jaar en ouder in deze leeftijdsgroep valt (Bron: CBS{', ' + str(r.year) if r.year else ''})")
        return (f"{band(r.subject)}: {percent(r.value, 0)} van de respondenten van 15 jaar en ouder, {percent(r.reference, 0)} van de "
                f"inwoners van 15 jaar en ouder (Bron: CBS{', ' + str(r.year) if r.year else ''})")
    if r.measure == "respondents":
        if r.note == "hidden":
            return f"minder dan {threshold} respondenten gekoppeld aan deze wijk"
        return "geen respondenten gekoppeld aan deze wijk" if not r.value else f"{format_number(r.value, 0)} respondenten"
    if r.measure == "inhabitants":
        return f"{format_number(r.value, 0)} inwoners (Bron: CBS)"
    if r.measure == "per_1000":
        return (f"{format_number(r.value, 1)} respondenten per 1.000 inwoners, in de hele gemeente {format_number(r.reference, 1)}"
                if r.value is not None else f"te weinig respondenten voor een aantal per 1.000 inwoners")
    if r.measure == "score":
        return (f"representativiteit {format_number(r.value, 2)} (laagste deelname {band(r.subject)}, hoogste {band(r.note)}; "
                "1 = alle leeftijdsgroepen even goed gehoord)")
    if r.measure == "source_share":
        share = (f"minder dan {threshold} respondenten" if r.note == "hidden" else f"een {SECONDARY_TEXT} aantal respondenten"
                 if r.value is None else f"{percent(r.value, 1)} van de respondenten")
        return f"{r.subject}: {share} uit deze wijk, terwijl {percent(r.reference, 1)} van de inwoners hier woont"
    if r.measure == "profile_share":
        name = (profile_names or {}).get(r.subject, r.subject)
        return f"meest voorkomend profiel: {name} ({percent(r.value, 0)}, {MIX_KINDS.get(r.note, r.note)})"
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
