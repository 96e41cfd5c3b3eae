"""Stated ages in an answer ("ik ben 17", "79-jarige", "weduwe van 81 jaar", "boven de tachtig").

Codebook keywords ``leeftijd:65+`` / ``leeftijd:12-18`` hit an answer that states an age in the range.
"""

from __future__ import annotations

import re

AGE_KEYWORD = re.compile(r"^leeftijd:\s*(\d{1,3})?\s*(\+|-)?\s*(\d{1,3})?$")
_DIGITS = re.compile(r"[0-9]+")
_AGE_BEFORE_VERB = re.compile(r"(?:^|\W)(?:ik ben|ben ik|is|zijn|wordt|word)\s+(?:(?:nu|al|pas|bijna|ruim)\s+)?$", re.I)
_AGE_BEFORE_PREP = re.compile(r"(?:^|\W)(?:van|als|op mijn|op m'n)\s+$", re.I)
_AGE_AFTER_JARIG = re.compile(r"\s*-?\s*jarige?n?\b", re.I)
_AGE_AFTER_OUD = re.compile(r"\s+jaar\s+oud\b", re.I)
_AGE_AFTER_JAAR = re.compile(r"\s*(?:jaar|e)\b", re.I)
_AGE_NOT_UNIT = re.compile(r"\s*(?:%|euro|keer|uur|minuten|dagen|weken|maanden|kinderen|mensen)", re.I)
_AGE_WORDS = {"zestig": 61, "zeventig": 71, "tachtig": 81, "negentig": 91}
_AGE_WORD = re.compile(r"(?:^|\W)(?:boven de|over de|in de|ruim|bijna)\s+$", re.I)
MAY_STATE_AGE = (
    r"(?i)[0-9][^\pL\pN]*jarig|[0-9][^\pL\pN]+jaar[^\pL\pN]+oud"
    r"|(?:ben|ik|is|zijn|wordt|word)[^\pL\pN]+(?:(?:nu|al|pas|bijna|ruim)[^\pL\pN]+)?[0-9]"
    r"|(?:van|als|mijn|m'n)[^\pL\pN]+[0-9]|zestig|zeventig|tachtig|negentig"
)
"""RE2 (pyarrow) pattern that every answer ``ages_in`` finds an age in matches: a cheap first pass over all answers
(looser than the rules above; white space is any non-letter, non-digit, as Python's \\s is wider than RE2's)."""


def _age_at(text: str, start: int, end: int) -> int | None:
    """The age a number at ``text[start:end]`` states ("ik ben 17", "79-jarige", "van 81 jaar"), or None."""
    value = int(text[start:end]) if end - start <= 3 else 0
    if not 0 < value < 110 or (start and text[start - 1].isdigit()):
        return None
    before = text[max(0, start - 16) : start]
    if _AGE_AFTER_JARIG.match(text, end) or _AGE_AFTER_OUD.match(text, end):
        return value
    if _AGE_BEFORE_VERB.search(before) and not _AGE_NOT_UNIT.match(text, end):
        return value
    if _AGE_BEFORE_PREP.search(before) and _AGE_AFTER_JAAR.match(text, end):
        return value
    return None


def _age_words(text: str) -> list[tuple[int, int]]:
    """(position, age) of "boven de tachtig"-like phrases."""
    found = []
    lower = text.lower()
    for word, age in _AGE_WORDS.items():
        pos = lower.find(word)
        while pos >= 0:
            if _AGE_WORD.search(lower[max(0, pos - 12) : pos]):
                found.append((pos, age))
            pos = lower.find(word, pos + 1)
    return found


def ages_in(text: str) -> list[int]:
    """Ages of people mentioned in a text ("ik ben 17", "79-jarige", "weduwe van 81 jaar", "boven de tachtig")."""
    ages = [age for m in _DIGITS.finditer(text) if (age := _age_at(text, m.start(), m.end())) is not None]
    return ages + [age for _pos, age in _age_words(text)]
