"""Comparable forms of area names: how residents write a wijk and how CBS names it.

Used by column-role detection (is this a column of wijk names?) and by linking.
"""

from __future__ import annotations

import re
import unicodedata

METHOD_LABELS = {  # how each way of linking a record to its wijk is named on screen
    "code": "CBS-code",
    "naam": "naam",
    "alias": "alias",
    "fuzzy": "naam (bij benadering)",
    "pc6": "postcode (PC6)",
    "pc4": "postcode (PC4)",
    "handmatig": "handmatig",
    "": "niet gekoppeld",
}


_WIJK_PREFIX = re.compile(r"^(wijk|buurt)\s*\d+\s+")
_STOP = {"de", "het", "t", "wijk", "buurt", "van", "en"}


def _ascii_words(value: object) -> list[str]:
    text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode().lower().strip()
    text = text.replace("y", "ij")  # Dutch: "Haarwyk" is "Haarwijk"
    text = _WIJK_PREFIX.sub("", text)
    return re.sub(r"[^a-z0-9]+", " ", text).split()


def normalise_name(value: object) -> str:
    """Comparable form of a ward name: ``"Wijk 11 laag Dalem"``, ``"Dalem (laag)"`` -> ``"dalem laag"``.

    Lower case, accents and punctuation removed, ``y`` read as ``ij``, the CBS
    ``Wijk NN`` prefix and filler words dropped, tokens sorted so word order
    does not matter.
    """
    if value is None:
        return ""
    return " ".join(sorted(t for t in _ascii_words(value) if t not in _STOP))


def compact_name(value: object) -> str:
    """Name without spaces in its own word order (``"laag-dalem"`` -> ``"laagdalem"``, ``"Linge wijk"`` -> ``"lingewijk"``)."""
    if value is None:
        return ""
    return "".join(t for t in _ascii_words(value) if t not in {"de", "het", "t"})
