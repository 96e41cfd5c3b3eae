"""Personal data in respondent text: masking and small-number suppression.

Quotes and exports never show e-mail addresses, phone numbers, PC6 postcodes,
IBANs, street addresses or the names masking recognises, and never a count
below the threshold.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

SMALL_NUMBER_THRESHOLD = 5
"""Counts below this are shown as ``<5`` (configurable per project)."""

_PATTERNS = [
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "[e-mail]"),
    (re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{4}(\s?\d{4}){2}\s?\d{2}\b", re.I), "[IBAN]"),
    (re.compile(r"(?<![\w+])(\+31|0031)[\s-]?(\(0\))?[\s-]?\d([\s-]?\d){8}\b"), "[telefoon]"),
    (re.compile(r"(?<![\w(])(\(0\d{1,3}\)|0\d{1,3})(\s*-\s*|\s)?\d{2,8}((\s*-\s*|\s)?\d{2,4}){0,3}\b"), None),
    (re.compile(r"\b[1-9]\d{3}(\s?(?!SA|SD|SS)[A-Z]{2}|[a-z]{2})\b"), "[postcode]"),
]
_DIGITS = re.compile(r"\d")
_HAS_DIGIT = re.compile(r"\d")

# --- street addresses: a street name (a word ending in a street word) followed by a house number
_STREET_WORDS = (
    "straat", "straatje", "laan", "laantje", "weg", "plein", "pleintje", "singel", "gracht", "kade", "dijk", "hof",
    "hoven", "park", "pad", "dreef", "steeg", "wal", "markt", "ring", "baan", "veld", "erf", "plantsoen", "boulevard",
    "haven", "wijk", "dam", "burg", "kwartier", "zijde", "akker", "weide", "gaarde", "tuin", "tuinen", "kamp", "rade",
    "oord", "meent", "berg", "horst", "donk", "polder", "hout", "bosch", "allee", "promenade", "passage", "hoeve",
    "gang", "hoek",
)
_NOT_A_HOUSE_NUMBER = (
    r"(?!\s*(?:jaar|jr|keer|x\b|minuten|min\b|uur|seconden|procent|%|euro|€|km|kilometer|meter|m\b|kinderen|mensen|"
    r"huizen|woningen|flats|dagen|weken|maanden|auto|bomen|plekken|parkeerplekken|stuks|personen|bewoners|klachten))"
)
_STREET_TITLES = (
    r"(?:(?:burgemeester|dr|prof|mr|ds|st|sint|pater|pastoor|koningin|koning|prins|prinses|graaf|generaal|"
    r"kapitein|admiraal)\.?\s+(?:(?:van|de|der|den|ter|ten)\s+)*)?"
)
# a word followed by a house number; the word is checked for a street ending in Python (no backtracking)
_WORD_NUMBER = re.compile(
    r"\b(?P<title>" + _STREET_TITLES + r")(?P<street>[A-ZÀ-Ýa-zà-ÿ][\wà-ÿ'-]*)\s+(?:nr\.?\s*|nummer\s+)?"
    r"[1-9]\d{0,3}(?:\s?[a-zA-Z](?![\w/])|[-/]\d{1,4}[a-zA-Z]?)?(?:\s*(?:t/m|tot en met|-)\s*\d{1,4}[a-zA-Z]?)?\b"
    + _NOT_A_HOUSE_NUMBER,
    re.I,
)


def _address(match: re.Match) -> str:
    street = match.group("street").lower()
    if street.endswith(_STREET_WORDS) and street not in _STREET_WORDS:
        return "[adres]"
    return match.group(0)


# --- person names after words that introduce one ("mijn buurman Kees", "mevrouw De Vries")
_TRIGGERS = (
    r"buurman|buurvrouw|buurjongen|buurmeisje|buren|overbuurman|overbuurvrouw|mevrouw|mevr\.?|mw\.?|meneer|mijnheer|"
    r"dhr\.?|de heer|heer|familie|fam\.?|juf|juffrouw|meester|wijkagent|genaamd|heet|ik ben|mijn naam is|namens|"
    r"groeten|groet|opa|oma|tante|oom|jongerenwerker|wijkcoach|buurtcoach|huisarts|dokter|conciërge|"
    r"(?:mijn|onze|haar|zijn)\s+(?:zoon|dochter|man|vrouw|moeder|vader|broer|zus|zusje|broertje|opa|oma|kleinzoon|"
    r"kleindochter|partner|vriend|vriendin|schoonmoeder|schoonvader|neef|nicht|oom|tante|kind|buurman|buurvrouw)"
)
_PARTICLE = r"(?:van|de|der|den|ter|ten|'t|la|le|du)"
_CAPITAL_WORD = r"[A-ZÀ-Ý][a-zà-ÿ']+(?:-[A-ZÀ-Ýa-zà-ÿ][a-zà-ÿ']+)*"
_NAME_AFTER_TRIGGER = re.compile(
    r"(?P<lead>\b(?i:" + _TRIGGERS + r")(?:\s*[(,:]\s*|\s+))"
    r"(?P<name>(?:(?i:" + _PARTICLE + r")\s+)*" + _CAPITAL_WORD
    + r"(?:\s+(?:(?i:" + _PARTICLE + r")\s+)*" + _CAPITAL_WORD + r")*)"
)
_FULL_NAME = re.compile(
    r"\b(?P<first>[A-ZÀ-Ý][a-zà-ÿ]+)\s+(?:(?:van|de|der|den|ter|ten|te|el|al)\s+)+(?:" + _CAPITAL_WORD + r")"
)
_NOT_NAMES = {
    # capitalised words after a trigger that are no name
    "ik", "hij", "zij", "ze", "we", "wij", "die", "dat", "de", "het", "een", "en", "maar", "of", "want", "dus",
    "gemeente", "wijk", "buurt", "straat", "burgemeester", "wethouder", "politie", "boa", "niemand", "iedereen",
    "blij", "bang", "boos", "nederlander", "gorinchemmer",
}
_NOT_FIRST_NAMES = {
    # capitalised words before "van/de ... Capital" that make a place, building or organisation, not a person
    "laan", "hof", "huis", "kasteel", "park", "stichting", "buurthuis", "gemeente", "wijk", "buurt", "school",
    "kerk", "museum", "theater", "winkelcentrum", "straat", "plein", "markt", "haven", "poort", "toren", "molen",
    "vereniging", "bibliotheek", "brug", "dijk", "kade", "station", "centrum", "vrienden", "dag", "week",
    "het", "de", "een", "in", "op", "bij", "naar", "voor", "met", "van", "uit", "aan", "over", "onder", "dat", "die",
}

# candidates for the slow path, one RE2 pass in pyarrow: looser than the Python patterns above, never narrower.
# RE2's \s is ASCII white space only, while Python's also takes a non-breaking space (text pasted from Word or a
# form): every gap is "any run of characters that are no letter or digit", and digits are any \pN.
_GAP = r"[^\pL\pN]"
_CANDIDATES = (
    r"@|\pN{4}|\pN{2}" + _GAP + r"\pN|[A-Za-z]{2}\pN{2}",
    r"(?i:(?:" + "|".join(_STREET_WORDS) + r")" + _GAP + r"+(?:nr\.?" + _GAP + r"*|nummer" + _GAP + r"+)?[1-9])",
    r"(?i:" + _TRIGGERS.replace(r"\s+", _GAP + "+").replace(" ", _GAP + "+") + r")" + _GAP
    + r"+(?:(?i:" + _PARTICLE + r")" + _GAP + r"+)*[A-ZÀ-Ý]",
    r"[A-ZÀ-Ý][a-zà-ÿ]+" + _GAP + r"+(?:(?:van|de|der|den|ter|ten|te|el|al)" + _GAP + r"+)+[A-ZÀ-Ý]",
)
"""One pass each: as one alternation RE2's automaton outgrows its memory and runs 60 times slower."""


def _phone(match: re.Match) -> str:
    digits = _DIGITS.findall(match.group(0))
    return "[telefoon]" if len(digits) == 10 else match.group(0)


def _named(match: re.Match) -> str:
    words = [w for w in match.group("name").split() if w.lower() not in _PARTICLES_SET]
    if not words or words[0].lower() in _NOT_NAMES or words[0].lower().endswith(_STREET_WORDS):
        return match.group(0)
    return match.group("lead") + "[naam]"


class NameList:
    """Names and e-mail addresses of respondents (their own name and e-mail columns), to mask wherever they occur.

    A full name is masked in any case; each part of three or more letters (and each word of an e-mail
    address's local part) is masked where it is written with a capital, as names are.
    """

    def __init__(self, values) -> None:
        parts: set[str] = set()
        full: set[str] = set()
        for value in values if values is not None else ():
            text = " ".join(str(value).split())
            if not text or text.lower() in {"nan", "none", "anoniem", "-"}:
                continue
            if "@" in text:
                text = re.sub(r"[._\-+\d]+", " ", text.split("@", 1)[0])
            elif len(text.split()) > 1:
                full.add(text.lower())
            for word in re.findall(r"[^\W\d_][\w'-]*", text):
                if len(word) >= 3 and word.lower() not in _PARTICLES_SET:
                    parts.add(word[:1].upper() + word[1:].lower())
        self.parts = parts
        self.full = sorted(full, key=len, reverse=True)
        self._full_re = re.compile("|".join(r"\b" + re.escape(f) + r"\b" for f in self.full), re.I) if self.full else None

    def __bool__(self) -> bool:
        return bool(self.parts)

    def mask(self, text: str) -> str:
        """``text`` with every listed name replaced by ``[naam]``."""
        if self._full_re is not None:
            text = self._full_re.sub("[naam]", text)
        return _WORD.sub(lambda m: "[naam]" if _capitalised(m.group(0)) in self.parts and m.group(0)[:1].isupper() else m.group(0), text)


_PARTICLES_SET = {"van", "de", "der", "den", "ter", "ten", "het", "mail", "info", "gmail", "hotmail", "outlook", "live"}
_WORD = re.compile(r"[^\W\d_][\w'-]*")


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


def mask_text(text: str, names: NameList | None = None) -> str:
    """Replace e-mail addresses, IBANs, Dutch phone numbers, PC6 postcodes, street addresses and person names.

    Names are those introduced by a word such as *buurman*, *mevrouw* or *mijn zoon*, and (with ``names``)
    the respondents' own names and e-mail addresses wherever they occur.
    """
    return _masked(text, names, (True,) * (len(_CANDIDATES) + 1))


def _masked(text: str, names: NameList | None, may: tuple[bool, ...]) -> str:
    """``mask_text``, where ``may[k]`` says whether the first-pass pattern ``_CANDIDATES[k]`` (the last: the own
    names) matched: a rule whose pattern did not match cannot change the text and is skipped."""
    if not text:
        return text
    if may[0]:  # e-mail, IBAN, phone, PC6: an @ or digits
        for pattern, replacement in _PATTERNS:
            text = pattern.sub(replacement if replacement else _phone, text)
    if may[1] and _HAS_DIGIT.search(text):
        text = _WORD_NUMBER.sub(_address, text)
    if may[2]:
        text = _NAME_AFTER_TRIGGER.sub(_named, text)
    if may[3]:
        text = _FULL_NAME.sub(lambda m: m.group(0) if m.group("first").lower() in _NOT_FIRST_NAMES else "[naam]", text)
    if names and may[4]:
        text = names.mask(text)
    return text


def mask_series(values: pd.Series, names=None) -> pd.Series:
    """``mask_text`` over a column, fast for columns with few personal details.

    ``names``: a ``NameList`` or the values of the respondents' name and e-mail columns (see
    ``lib.reading.surveys``: the answers' ``respondent_name``).
    """
    if names is not None and not isinstance(names, NameList):
        names = NameList(pd.unique(pd.Series(names, dtype=object).dropna()))
    import pyarrow as pa
    import pyarrow.compute as pc

    # RE2 in pyarrow: one fast first pass over all answers (pandas' str.contains would fall back to Python re)
    text = pc.fill_null(pa.array(values.astype("string[pyarrow]").array), "")
    may = np.zeros((len(text), len(_CANDIDATES) + 1), dtype=bool)
    for k, pattern in enumerate(_CANDIDATES):
        may[:, k] = pc.match_substring_regex(text, pattern).to_numpy(zero_copy_only=False)
    if names:
        may[:, -1] = _contains_names(text, names)
    candidates = may.any(axis=1)
    if not candidates.any():
        return values
    out = values.astype(object).to_numpy(copy=True)
    out[candidates] = [_masked(v, names, tuple(m)) for v, m in zip(out[candidates], may[candidates].tolist())]
    return pd.Series(out, index=values.index, dtype=values.dtype if values.dtype != object else object)


def _contains_names(arr, names: NameList) -> np.ndarray:
    """Answers holding a capitalised word from ``names`` (or a full name), found with pyarrow."""
    import pyarrow as pa
    import pyarrow.compute as pc

    words = pc.split_pattern_regex(arr, r"[^\pL\pN'-]+")
    flat = pc.list_flatten(words)
    parents = pc.list_parent_indices(words).to_numpy()
    hits = pc.is_in(flat, value_set=pa.array(sorted(names.parts), type=pa.large_string())).to_numpy(zero_copy_only=False)
    out = np.zeros(len(arr), dtype=bool)
    out[parents[hits]] = True
    if names.full:
        lower = pc.utf8_lower(arr)
        for full in names.full[:2000]:
            out |= pc.match_substring(lower, full).to_numpy(zero_copy_only=False)
    return out

