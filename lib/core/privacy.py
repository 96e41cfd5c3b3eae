"""Personal data in respondent text: masking and small-number suppression.

Quotes and exports never show e-mail addresses, phone numbers, PC6 postcodes
or IBANs, and never a count below the threshold.
"""

from __future__ import annotations

import re

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


def _phone(match: re.Match) -> str:
    digits = _DIGITS.findall(match.group(0))
    return "[telefoon]" if len(digits) == 10 else match.group(0)


def mask_text(text: str) -> str:
    """Replace e-mail addresses, IBANs, Dutch phone numbers and PC6 postcodes by placeholders."""
    if not text:
        return text
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement if replacement else _phone, text)
    return text


def mask_series(values: pd.Series) -> pd.Series:
    """``mask_text`` over a column, fast for columns with few personal details."""
    text = values.astype("string[pyarrow]")  # RE2 in pyarrow: a fast first pass over all answers
    candidates = text.str.contains(r"@|[0-9]{4}|[0-9]{2}[ \t-][0-9]|[A-Za-z]{2}[0-9]{2}", regex=True).fillna(False).to_numpy(dtype=bool)
    if not candidates.any():
        return values
    out = values.astype(object).to_numpy(copy=True)
    out[candidates] = [mask_text(v) for v in out[candidates]]
    return pd.Series(out, index=values.index, dtype=values.dtype if values.dtype != object else object)
