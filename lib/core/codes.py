"""CBS area codes (GM/WK/BU) and Dutch postcodes: parsing and normalisation.

Codes are always strings; sources pad them with spaces or drop the prefix and
leading zeros (``"WK051201  "``, ``51201``), so everything goes through here.
"""

from __future__ import annotations

import re

_PREFIXED = re.compile(r"^(GM|WK|BU)\s*0*?(\d{1,8})$")
_DIGITS = re.compile(r"^\d{1,8}$")
_WIDTH = {"GM": 4, "WK": 6, "BU": 8}
_PC6 = re.compile(r"^\s*([1-9]\d{3})\s*-?\s*([A-Za-z]{2})\b")
_PC4 = re.compile(r"^\s*([1-9]\d{3})\s*$")


def normalise_code(value: object, *, level: str | None = None) -> str | None:
    """Return a CBS code like ``WK051201`` for a raw cell, or None when it is no code.

    Unprefixed numbers are read by length (4 digits gemeente, 6 wijk, 8 buurt,
    one leading zero possibly lost) unless ``level`` ("GM", "WK", "BU") is given.
    """
    if value is None:
        return None
    text = str(value).strip().upper().replace(" ", "")
    if not text or text in {"NAN", "NONE", "."}:
        return None
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    match = re.match(r"^(GM|WK|BU)(\d{1,8})$", text)
    if match:
        prefix, digits = match.groups()
        width = _WIDTH[prefix]
        if len(digits) > width:
            return None
        return prefix + digits.zfill(width)
    if _DIGITS.match(text):
        if level is None:
            n = len(text)
            level = "GM" if n <= 4 else "WK" if n <= 6 else "BU"
        width = _WIDTH[level]
        if len(text) > width:
            return None
        return level + text.zfill(width)
    return None


def code_level(code: str) -> str:
    """Return 'gemeente', 'wijk' or 'buurt' for a normalised code."""
    return {"GM": "gemeente", "WK": "wijk", "BU": "buurt"}[code[:2]]


def wijk_of_buurt(buurtcode: str) -> str:
    """``BU05121101`` -> ``WK051211``."""
    return "WK" + buurtcode[2:8]


def gemeente_of(code: str) -> str:
    """Gemeente code of any wijk or buurt code."""
    return "GM" + code[2:6]


def parse_postcode(value: object) -> tuple[str | None, str | None]:
    """Return ``(pc4, pc6)`` from a raw cell (``"4205 AB"`` -> ("4205", "4205AB")).

    A bare PC4 gives ``(pc4, None)``; anything else ``(None, None)``.
    """
    if value is None:
        return None, None
    text = str(value).strip()
    if text.endswith(".0"):
        text = text[:-2]
    match = _PC6.match(text)
    if match:
        pc4, letters = match.groups()
        return pc4, pc4 + letters.upper()
    match = _PC4.match(text)
    if match:
        return match.group(1), None
    return None, None
