"""Dutch text for numbers, dates and counts: the one place where a number becomes words on a screen.

lib returns numbers (counts as ``Int64`` with ``<NA>`` where the small-number rule hides them,
shares as floats with NaN where unknown); these functions write them the Dutch way:
``12.345``, ``12,5``, ``12,5%``, ``15-03-2024``, ``15 maart 2024``, ``<5`` and ``–`` for unknown.
"""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd

from lib.core.settings import DEFAULT_THRESHOLD
from lib.core.suppression import hidden_text

UNKNOWN = "–"
"""How an unknown value is written."""
SECONDARY_TEXT = "verborgen"
"""How a count hidden by complementary suppression is written (it is not below the threshold, so not ``<5``)."""

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]


def _missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def format_number(value, decimals: int | None = None) -> str:
    """Dutch number format: ``12.345`` and ``12,5``; whole numbers without decimals unless asked; ``–`` if unknown."""
    if _missing(value):
        return UNKNOWN
    value = float(value)
    if decimals is None:
        decimals = 0 if value.is_integer() else 1
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def percent(value, decimals: int = 1) -> str:
    """Dutch percentage of a fraction: 0.125 -> ``12,5%``; ``–`` if unknown."""
    if _missing(value):
        return UNKNOWN
    return f"{format_number(float(value) * 100, decimals)}%"


def value_with_unit(value, unit: str, decimals: int | None = None) -> str:
    """A figure as shown beside its unit column: ``12,5%`` for unit ``%``, else the number."""
    text = format_number(value, decimals)
    return text + "%" if unit == "%" and text != UNKNOWN else text


def count(value, threshold: int = DEFAULT_THRESHOLD) -> str:
    """A count that went through the small-number rule: ``<NA>`` is written ``<5``, else ``12.345``."""
    if _missing(value):
        return hidden_text(threshold)
    return format_number(int(value), 0)


def small(value, threshold: int = DEFAULT_THRESHOLD) -> str:
    """A raw count with the small-number rule applied: ``<5`` for 1..threshold-1, 0 stays 0, ``–`` if unknown."""
    if _missing(value):
        return UNKNOWN
    value = int(value)
    if 0 < value < threshold:
        return hidden_text(threshold)
    return format_number(value, 0)


def rank(position, of) -> str:
    """``3 van 12``; empty when there is no rank."""
    if _missing(position) or _missing(of):
        return ""
    return f"{int(position)} van {int(of)}"


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def dutch_date(value) -> str:
    """``2024-03-15`` -> ``15-03-2024``; other text unchanged; empty for nothing."""
    if _missing(value) or value == "":
        return ""
    day = _as_date(value)
    return day.strftime("%d-%m-%Y") if day else str(value)


def long_date(value) -> str:
    """``2024-03-15`` -> ``15 maart 2024``; other text unchanged."""
    if _missing(value) or value == "":
        return ""
    day = _as_date(value)
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else str(value)


def file_size(n_bytes) -> str:
    """``341 kB``, ``1,2 MB`` (never ``341.0B``)."""
    if _missing(n_bytes):
        return UNKNOWN
    n = float(n_bytes)
    for unit, size in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= size:
            return f"{format_number(n / size, 0 if n / size >= 100 else 1)} {unit}"
    return f"{format_number(n, 0)} bytes"


def listing(items, last: str = "en") -> str:
    """``a, b en c``."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


REASONS = {
    "below_threshold": "minder dan {threshold} antwoorden uit deze wijk",
    "few_answers": "minder dan {threshold} antwoorden",
    "few_ages": "minder dan {threshold} respondenten met een leeftijd",
    "hidden_count": "minder dan {threshold} respondenten in deze groep",
    "complementary": "verborgen: anders is een klein aantal terug te rekenen uit het totaal",
    "tiny_area": "klein gebied: niet gerangschikt",
    "gemeente_only": "alleen voor de gemeente beschikbaar",
    "no_value": "geen cijfer voor deze wijk",
    "no_inhabitants": "aantal inwoners onbekend",
}
"""Dutch sentences for the reason codes lib gives beside a hidden or missing number."""


def reason(code, threshold: int = DEFAULT_THRESHOLD) -> str:
    """The Dutch sentence for a reason code ("" for none); several codes joined by ``;``."""
    if _missing(code) or not code:
        return ""
    return "; ".join(REASONS.get(part, part).format(threshold=threshold) for part in str(code).split(";") if part)
