"""Dutch text basics: tokenising, memoised Snowball stemming, stop words, tone lexicon.

Everything runs offline: nltk's Dutch Snowball stemmer needs no download, the
stop words come from the ``stop-words`` package, the polarity lexicon is
Pattern's Dutch adjective lexicon (public domain, vendored) plus a short list
of nouns and verbs residents use to complain or praise.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

TOKEN = re.compile(r"[^\W\d_]+(?:['’][a-z]+)?", re.UNICODE)
"""Words: letters only (numbers, emoji and punctuation are not words)."""

NEGATORS = frozenset({"geen", "niet", "nooit", "niks", "niets", "zonder", "nergens", "noch", "nauwelijks", "amper"})
"""Words that flip what follows within ``NEGATION_SCOPE`` words."""
NEGATION_SCOPE = 3
REDUCERS = frozenset({"minder", "weinig"})
"""Words that flip the polarity of what follows like a negator ("minder overlast", "weinig plekken waar kinderen
veilig kunnen spelen"), up to ``REDUCER_SCOPE`` words, without stating a lack themselves."""
REDUCER_SCOPE = 6
INTENSIFIERS = {
    "heel": 1.5, "erg": 1.5, "zeer": 1.5, "super": 1.6, "echt": 1.3, "enorm": 1.6, "ontzettend": 1.7,
    "hartstikke": 1.6, "totaal": 1.4, "compleet": 1.4, "bijzonder": 1.3, "extreem": 1.8, "zo": 1.2,
    "veel": 1.2, "vreselijk": 1.6, "verschrikkelijk": 1.6, "best": 0.8, "redelijk": 0.7, "beetje": 0.6,
    "wat": 0.9, "vrij": 0.8, "flink": 1.3,
}
"""Multipliers for the polarity of the next word."""


@lru_cache(maxsize=1)
def _stemmer():
    """nltk's Dutch Snowball stemmer.

    ``import nltk`` pulls in scipy through ``nltk.metrics.association`` (about a second on a
    2-core machine) only for Fisher's exact test, which Wijkbeeld does not use; nltk handles
    a missing scipy itself, so scipy is hidden while nltk is first imported.
    """
    import sys

    if "nltk" not in sys.modules and "scipy" not in sys.modules:
        sys.modules["scipy"] = None  # type: ignore[assignment]
        try:
            import nltk  # noqa: F401
        finally:
            del sys.modules["scipy"]
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("dutch")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Dutch Snowball stem of a lower-case word, memoised (vocabularies are small)."""
    return _stemmer().stem(word)


def tokens(text: str) -> list[str]:
    """Lower-case word tokens of a text."""
    return TOKEN.findall(text.lower())


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Dutch stop words (the short ``stop-words`` list: content words stay)."""
    from stop_words import get_stop_words

    return frozenset(get_stop_words("dutch")) | {"wel", "gewoon", "even", "graag", "ook", "nog", "heel", "erg", "echt"}


@lru_cache(maxsize=1)
def polarity_lexicon() -> dict[str, float]:
    """Word -> polarity (-1..1): Pattern's Dutch adjectives (averaged per form) plus ``toon_extra.csv``.

    Inflected forms are reachable through their stem (``mooie`` -> ``mooi``).
    """
    forms, stems = polarity_forms()
    return {**{s: entries[0][1] for s, entries in stems.items()}, **forms}


@lru_cache(maxsize=1)
def polarity_forms() -> tuple[dict[str, float], dict[str, tuple[tuple[str, float], ...]]]:
    """The polarity lexicon as forms (form -> polarity) and stems (stem -> the (form, polarity, from toon_extra) of the
    forms with that stem, in lexicon order), so that a caller can tell an inflected form from a word that only
    shares a stem."""
    sums: dict[str, list[float]] = {}
    text = resources.files("lib").joinpath("data/nl_sentiment_pattern.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(text.splitlines()):
        try:
            sums.setdefault(row["form"].lower(), []).append(float(row["polarity"]))
        except (KeyError, ValueError):
            continue
    # weak polarities (|p| < 0.25) of the adjective lexicon are mostly noise in residents' answers
    lexicon = {form: sum(v) / len(v) for form, v in sums.items() if abs(sum(v) / len(v)) >= 0.25}
    extra = resources.files("lib").joinpath("data/toon_extra.csv").read_text(encoding="utf-8")
    hand_made = set()
    for row in csv.DictReader(extra.splitlines()):
        lexicon[row["woord"].lower()] = float(row["polariteit"])
        hand_made.add(row["woord"].lower())
    # function words carry no tone of their own ("naar" is "nasty" only rarely); negators act through negation
    function = stop_words() | NEGATORS
    lexicon = {form: value for form, value in lexicon.items() if form not in function}
    stems: dict[str, list[tuple[str, float, bool]]] = {}
    for form, value in lexicon.items():
        stems.setdefault(stem(form), []).append((form, value, form in hand_made))
    return lexicon, {s: tuple(entries) for s, entries in stems.items()}
