"""Grow the default codebook's vocabulary from sources that ship offline with registry packages.

Writes ``lib/data/codebook_default_grown.csv`` (``thema, trefwoord, bron``); ``default_codebook()`` adds its rows
to the hand-made ``lib/data/codebook_default.csv``. Run again after editing either input; the output is
deterministic. Sources (``bron``), in this order:

1. ``alledaags``: ``tools/codebook_everyday.csv``, everyday words residents use for each theme's subject (places,
   occasions, objects of the public space), each with its reason; written from the theme descriptions and the
   domain notes, not from any evaluation or development answers.
2. ``beschrijving``: content words of the theme's own description that appear in no other theme's description and
   are not everyday filler (wordfreq Zipf frequency below 4.3, e.g. ``saamhorigheid``, ``laaggeletterdheid``).
3. ``simplemma``: inflected forms (plurals, diminutives, verb forms) that simplemma's Dutch lemma data maps onto a
   single-word keyword, that residents write (wordfreq Zipf >= 2.0) and that the tagger's stemmer does not reach
   (``bomen`` -> ``boom``: the stems differ).
4. ``wordfreq``: frequent compounds (Zipf >= 2.0) whose last part is a keyword and whose first part is itself a
   frequent word (Zipf >= 3.0), which the tagger does not reach: the head has only 4 letters (``moestuin`` <-
   ``tuin``; the compound rule starts at 5) or the stemmer changes it.

Every candidate is dropped when it is a stop word, in the left-out list of ``codebook_default_README.md`` (too
ambiguous), or already reaches the theme. A collision report lists, per new single word, the frequent words
it would reach as a compound part, to review by hand (``--report``).

Licences: simplemma (MIT; Dutch data from Wiktionary/kaikki and other open lemma lists) and wordfreq (Apache-2.0,
data CC BY-SA 4.0) are used here only to choose keywords; the product neither imports them nor ships their data.
Requires (development only): ``pip install simplemma==2.0.0 wordfreq==3.1.1``.

Run: python tools/grow_codebook.py [--report]
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from lib.themes.codebook import Codebook, Theme, normalise_keyword  # noqa: E402
from lib.themes.tagger import Tagger  # noqa: E402
from lib.themes.textnlp import stop_words, tokens  # noqa: E402

OUT = ROOT / "lib" / "data" / "codebook_default_grown.csv"
LEFT_OUT = frozenset(
    """zorg zorgen alleen niemand aanspraak ouderen oudere ouders politie geweld park parken natuur hond honden tegels
    auto drempel drempels drukte druk bereikbaar vertrouwen werk werken ondernemen verdienen betrekken mening stem
    panel petitie minima budget incasso achterstand achterstallig krap rekening nieuws info bekendheid begrijpelijk
    klacht klachten gemeld wonen woon huis sloop vocht gehorig gebouwd isolatie verbinding verbondenheid vereniging
    vervelen verveling les huiswerk nederlands meester rekenen dement mentaal drinken oplichting straat weg buurt
    wijk gemeente hulp geld duur samen integratie wachttijd gemis missen verdriet station tram metro taxi
    buurtgenoten plannen gevoelens hebben vallen terug kunnen andere mensen""".split()
)
DENY_HEADS = frozenset({"baan", "arme", "bang", "file", "ziek", "perk", "staal"})
"""Keywords whose compounds mostly mean something else (``glijbaan``, ``vetarme``, ``profile``): not extended."""
DENY_LEMMAS = frozenset({"inkomen", "bus", "isoleren", "feest", "bellen", "terugbellen"})
"""Lemmas whose forms are ambiguous (``inkomen`` is also "to come in", ``bust``)."""
DENY_FORMS = frozenset({"gelest", "feessie", "lasten", "lees", "betaalbare", "informeert"})
"""Forms reviewed by hand: junk of the lemma data, or an everyday word that is not the theme (``vaste lasten``)."""
DENY_COMPOUNDS = frozenset(
    """babyboom stamboom slagboom hefboom levensboom wensboom sprookjesboom kerstboom meiboom fortuin proeftuin
    kantoortuin dierentuin tijdperk strijdperk mankind duivelskind rotkind wonderkind mensenkind edelstaal plaatstaal
    computertaal doeltaal vormentaal beeldtaal luchtbrug weegbrug balkbrug servies horizontaal portaal wartaal
    vertaal geheimtaal lichaamstaal autohuur verhuur fanmail hotmail webmail vuilnisbelt kiekendief hartendief
    kruimeldief kwartaal cultuurtaal oranjeboom""".split()
)
"""Compounds reviewed by hand from the ``--report`` run: another meaning than the theme's (``stamboom``)."""


def base_codebook() -> Codebook:
    text = (ROOT / "lib" / "data" / "codebook_default.csv").read_text(encoding="utf-8")
    return Codebook.from_frame(pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False))


def reaches(tagger: Tagger, word: str, theme: str) -> bool:
    return theme in tagger.tag(word, explain=False).themes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--report", action="store_true", help="print what each new word reaches as a compound part")
    args = parser.parse_args()
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory
    from wordfreq import top_n_list, zipf_frequency

    stops = stop_words()
    codebook = base_codebook()
    rows: list[tuple[str, str, str]] = []
    have = {(t.name, k) for t in codebook.themes for k in t.keywords}

    def grown() -> Codebook:
        out = codebook.copy()
        for theme, kw, _src in rows:
            out = out.add_keywords(theme, [kw])
        return out

    def add(theme: str, kw: str, source: str, tagger: Tagger | None = None) -> None:
        kw = normalise_keyword(kw)
        plain = kw.lstrip("?=!")
        general = plain in LEFT_OUT and not (source == "alledaags" and kw.startswith("?"))  # weak: only when alone
        if not kw or (theme, kw) in have or plain in stops or general or plain in DENY_FORMS:
            return
        if tagger is not None and " " not in plain and not kw.startswith("!") and reaches(tagger, plain, theme):
            return
        have.add((theme, kw))
        rows.append((theme, kw, source))

    # 1. everyday words
    tagger = Tagger(codebook)
    with (ROOT / "tools" / "codebook_everyday.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            add(row["thema"], row["trefwoord"], "alledaags")  # kept even when its form is reached: its compounds may not be
    # 2. the descriptions' own content words, specific to one theme
    described: dict[str, set[str]] = {t.name: {w for w in tokens(t.description) if len(w) >= 5} for t in codebook.themes}
    tagger = Tagger(grown())
    for theme in codebook.themes:
        others = set().union(*(v for k, v in described.items() if k != theme.name))
        for w in sorted(described[theme.name] - others):
            if zipf_frequency(w, "nl") < 4.3:
                add(theme.name, w, "beschrijving", tagger)
    # 3. inflected forms the stemmer does not reach (simplemma's Dutch lemma data)
    tagger = Tagger(grown())
    current = grown()
    singles = {k.lstrip("?"): (t.name, "?" if k.startswith("?") else "") for t in current.themes for k in t.keywords
               if " " not in k and not k.startswith(("!", "leeftijd", "=", "?="))}  # exact forms stay exact
    lemmas = DefaultDictionaryFactory().get_dictionary("nl")
    for form, lemma in sorted(lemmas.items()):
        form = form.decode() if isinstance(form, bytes) else form
        lemma = lemma.decode() if isinstance(lemma, bytes) else lemma
        theme, weak = singles.get(lemma, (None, ""))
        if (theme and form != lemma and len(form) >= 4 and form.isalpha() and form.islower() and lemma not in DENY_LEMMAS
                and form not in DENY_FORMS and zipf_frequency(form, "nl") >= 2.0
                and not tagger.tag(form, explain=False).themes):  # a form that already means another theme stays there
            add(theme, weak + "=" + form, "simplemma", tagger)  # the form itself (and compounds it begins), no stem
    # 4. compounds with a keyword as their last part that the tagger does not reach (wordfreq); both parts are
    #    dictionary words of simplemma's data (no names: ``borsboom``), the first part has 4+ letters
    tagger = Tagger(grown())
    heads = {k: t.name for t in codebook.themes for k in t.keywords  # the hand-made keywords: not weak, not exact
             if " " not in k and k[0].isalpha() and not k.startswith("leeftijd") and len(k) >= 4 and k not in DENY_HEADS}
    known = {lemma.decode() if isinstance(lemma, bytes) else lemma for lemma in lemmas.values()}
    for word in top_n_list("nl", 300_000):
        if not word.isalpha() or word in DENY_COMPOUNDS or word not in known or zipf_frequency(word, "nl") < 2.0:
            continue
        for cut in range(4, len(word) - 3):
            head = word[cut:]
            if head not in heads:
                continue
            first = word[:cut]
            if first not in stops and (first in known or (first.endswith("s") and first[:-1] in known)):
                add(heads[head], word, "wordfreq", tagger)
            break
    rows.sort(key=lambda r: ([t.name for t in codebook.themes].index(r[0]), r[2], r[1]))
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["thema", "trefwoord", "bron"])
        writer.writerows(rows)
    counts = pd.DataFrame(rows, columns=["thema", "trefwoord", "bron"]).groupby(["bron"]).size()
    print(f"{len(rows)} keywords written to {OUT.relative_to(ROOT)}\n{counts.to_string()}")
    if args.report:
        common = [w for w in top_n_list("nl", 60_000) if w.isalpha()]
        only = Codebook([Theme("x", "", [kw]) for _t, kw, _s in rows if " " not in kw and not kw.startswith("!")])
        for theme in only.themes:
            tg = Tagger(Codebook([theme]))
            kw = theme.keywords[0].lstrip("?=")
            hit = [w for w in common if not w.startswith(kw[:-1]) and tg.tag(w, explain=False).themes]
            if hit:
                print(f"{theme.keywords[0]:24} reaches {', '.join(hit[:12])}")


if __name__ == "__main__":
    main()
