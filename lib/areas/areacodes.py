"""CBS area codes as the areas layer reads them, including codes with letters.

Since 2023 some gemeenten number their wijken with letters: Amsterdam's
``WK0363AD`` (Burgwallen-Nieuwe Zijde), buurt ``BU0363AD03``. ``lib.core.codes``
reads digit codes; this adds the letter forms on top (and is what every
module in ``lib/areas`` uses).
"""

from __future__ import annotations

import re

from lib.core.codes import normalise_code

_LETTERED = re.compile(r"^(WK\d{4}[0-9A-Z]{2}|BU\d{4}[0-9A-Z]{2}[0-9A-Z]{2})$")


def normalise_area_code(value: object, *, level: str | None = None) -> str | None:
    """``normalise_code`` plus lettered codes: ``" wk0363ad "`` -> ``"WK0363AD"``; None when it is no code."""
    code = normalise_code(value, level=level)
    if code is not None or value is None:
        return code
    text = str(value).strip().upper().replace(" ", "")
    if _LETTERED.match(text) and not text[2:].isdigit():
        return text
    return None
