"""The word rules shared by the single-answer and the bulk tagger: tokens, tone constants, compound limits."""

from __future__ import annotations

import re

TONES = ("negatief", "neutraal", "positief")
NEGATIVE_BELOW = -0.01
"""Any net negative evidence makes an answer negatief: a mixed answer with a clear complaint is a complaint."""
POSITIVE_ABOVE = 0.05
MAX_CHARS = 5000
"""Only the first characters of very long answers are tagged (a 20,000-character paste stays fast)."""
PUNCT = r"[.,;:!?\n]"
SEPARATOR = r"[^a-zà-öø-ÿĳ'’.]+"
"""Tokens: lower-case Latin words (Dutch letters, an apostrophe inside), and "." for every clause mark."""
PUNCT_RE = re.compile(PUNCT)
SEPARATOR_RE = re.compile(SEPARATOR)


def tokenize(text: str) -> list[str]:
    """Words and clause marks ("."); the same rules as the bulk tokenizer in ``lib.themes.bulk`` (pyarrow)."""
    spaced = PUNCT_RE.sub(" . ", text.lower())
    return [t for t in (p.strip("'’") for p in SEPARATOR_RE.split(spaced)) if t]


BOUNDARY = frozenset({"."})
NEGATION_FACTOR = -0.6
DEFICIT = -0.35
"""Polarity of a stated lack: an unused negation ("kan niet betalen"), "te" + adjective, "al jaren"."""
COMPLAINT_BIGRAMS = frozenset(
    {("al", "jaren"), ("al", "maanden"), ("al", "weken"), ("nog", "steeds"), ("nog", "altijd"), ("veel", "te"), ("weer", "een"),
     ("duurt", "weken"), ("duurt", "maanden"), ("duurt", "jaren"), ("duurt", "lang"), ("steeds", "meer"), ("steeds", "minder"),
     ("nou", "eens"), ("bijna", "niet"), ("is", "lang"), ("zijn", "lang"), ("elke", "keer"), ("iedere", "keer"),
     ("te", "wensen")}
)
FINAL_BIGRAMS = frozenset({("ben", "op"), ("is", "op"), ("zijn", "op"), ("was", "op"), ("altijd", "op")})
"""Word pairs that state a lack when they end a clause ("ik als mantelzorger ben op", "het geld is altijd op")."""
MIN_PREFIX = 4
MIN_SUFFIX = 5
MIN_REST = 3
INFLECTIONS = frozenset({"e", "en", "s", "es", "n", "je", "jes", "tje", "tjes", "pje", "pjes", "etje", "etjes", "er", "ers"})

PHRASE_GAP = 2
"""Words that may stand between the parts of a phrase ("voel me *vaak* alleen")."""
BEFORE_BUT_WEIGHT = 0.25
"""Weight of the tone words before the last "maar" of an answer (the clause after it carries the judgement)."""
