"""The advice's data tables: defaults shipped in ``lib/data`` and the user's edited copies.

Every table users may edit (profiles, option -> axes, CBS weights, forms per profile, rules) is read
and checked here. A malformed upload raises ``AdviceTableError`` (a Dutch sentence); the caller keeps
the current table.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

import pandas as pd

from lib.core.errors import WijkbeeldError

DATA = Path(__file__).resolve().parent.parent / "data"

AXES = ["involvement", "trust", "doing"]
"""Numeric axes, 0..1: involvement in one's surroundings, trust in the gemeente, meedenken (0) .. meedoen (1)."""
CHANNELS = ["online", "papier", "persoonlijk"]
"""The fourth axis, preferred channel."""
RUNGS = ["informeren", "raadplegen", "adviseren", "coproduceren", "meebeslissen"]
CONDITIONS = [
    "no_answers", "not_heard_age", "priority_theme", "low_reach", "profile_share", "low_representativeness",
]
AGE_BANDS = ["0-15", "15-25", "25-45", "45-65", "65+"]


class AdviceTableError(WijkbeeldError):
    """An uploaded advice table cannot be used."""


# Per table: file name, required columns, numeric columns, Dutch label (for messages).
SPECS = {
    "profiles": ("profielen.csv", ["profile", "name", "involvement", "trust", "doing", "channel", "description"],
                 ["involvement", "trust", "doing"], "profielen"),
    "options": ("betrokkenheid_opties.csv", ["option", "involvement", "trust", "doing", "channel"],
                ["involvement", "trust", "doing"], "antwoordopties en assen"),
    "weights": ("profiel_gewichten.csv", ["profile", "indicator", "weight"], ["weight"], "gewichten voor de schatting"),
    "profile_forms": ("profiel_werkvormen.csv", ["profile", "forms", "rungs", "channels", "source"], [],
                      "werkvormen per profiel"),
    "forms": ("werkvormen.csv", ["form", "name", "rung", "channel", "online", "reaches", "source"], [], "werkvormen"),
    "ladder": ("participatieladder.csv", ["rung", "order", "name", "commitment", "source"], ["order"],
               "participatieladder"),
    "rules": ("advies_regels.csv", ["order", "condition", "parameter", "value", "rung", "forms", "channels", "avoid", "note"],
              ["order", "value"], "adviesregels"),
}
EDITABLE = ["rules", "weights", "options", "profile_forms"]

DUTCH_COLUMNS = {
    "profile": "profiel", "name": "naam", "involvement": "betrokkenheid", "trust": "vertrouwen", "doing": "meedoen",
    "channel": "kanaal", "description": "omschrijving", "option": "antwoordoptie", "indicator": "indicator",
    "weight": "gewicht", "forms": "werkvormen", "rungs": "treden", "channels": "kanalen", "source": "bron",
    "form": "werkvorm", "rung": "trede", "online": "online", "reaches": "bereikt", "order": "volgorde",
    "commitment": "toezegging", "condition": "voorwaarde", "parameter": "parameter", "value": "waarde",
    "avoid": "vermijden", "note": "toelichting",
}
"""Column headers in downloads (Dutch); uploads accept either language."""


def _read_csv(data: bytes) -> pd.DataFrame:
    text = data.decode("utf-8-sig") if not data.startswith(b"\xff\xfe") else data.decode("utf-16")
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=None, engine="python")


@lru_cache(maxsize=None)
def _default(kind: str) -> pd.DataFrame:
    name = SPECS[kind][0]
    return check_table(kind, pd.read_csv(DATA / name, dtype=str, keep_default_na=False))


def default_table(kind: str) -> pd.DataFrame:
    """The shipped default of a table (a copy)."""
    return _default(kind).copy()


def _number(value: str) -> float:
    text = str(value).strip().replace(",", ".")
    if text == "":
        return float("nan")
    return float(text)


def check_table(kind: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Validate a table and normalise its types; raises ``AdviceTableError`` with a Dutch message."""
    name, required, numeric, label = SPECS[kind]
    reverse = {v: k for k, v in DUTCH_COLUMNS.items()}
    frame = frame.rename(columns=lambda c: reverse.get(str(c).strip().lower(), str(c).strip().lower()))
    missing = [c for c in required if c not in frame.columns]
    if missing:
        shown = ", ".join(DUTCH_COLUMNS.get(c, c) for c in missing)
        raise AdviceTableError(f"de tabel met {label} mist de kolom(men) {shown}. Download de huidige tabel, pas die aan "
                               "en upload hem opnieuw; de huidige tabel blijft in gebruik.")
    out = frame[required].copy()
    for col in required:
        out[col] = out[col].astype(object).where(out[col].notna(), "").map(lambda v: str(v).strip())
    out = out[~(out == "").all(axis=1)].reset_index(drop=True)
    if out.empty:
        raise AdviceTableError(f"de tabel met {label} is leeg. De huidige tabel blijft in gebruik.")
    for col in numeric:
        try:
            out[col] = out[col].map(_number).astype(float)
        except ValueError:
            bad = next(v for v in out[col] if not _is_number(v))
            raise AdviceTableError(
                f"in de tabel met {label} staat in de kolom {DUTCH_COLUMNS.get(col, col)} ‘{bad}’, geen getal. "
                "Verbeter dat en upload opnieuw; de huidige tabel blijft in gebruik.") from None
    if kind in {"profiles", "options"}:
        for col in AXES:
            if ((out[col] < 0) | (out[col] > 1)).any():
                raise AdviceTableError(f"in de tabel met {label} moeten de assen tussen 0 en 1 liggen. "
                                       "De huidige tabel blijft in gebruik.")
        bad = sorted(set(out["channel"]) - set(CHANNELS) - {""})
        if bad:
            raise AdviceTableError(f"in de tabel met {label} is ‘{bad[0]}’ geen kanaal; kies online, papier of persoonlijk. "
                                   "De huidige tabel blijft in gebruik.")
    if kind == "rules":
        bad = sorted(set(out["condition"]) - set(CONDITIONS))
        if bad:
            raise AdviceTableError(
                f"in de adviesregels is ‘{bad[0]}’ geen bekende voorwaarde (bekend: {', '.join(CONDITIONS)}). "
                "De huidige regels blijven in gebruik.")
        bad = sorted(set(out["rung"]) - set(RUNGS) - {""})
        if bad:
            raise AdviceTableError(f"in de adviesregels is ‘{bad[0]}’ geen trede van de participatieladder "
                                   f"({', '.join(RUNGS)}). De huidige regels blijven in gebruik.")
        ages = set(out.loc[out["condition"] == "not_heard_age", "parameter"]) - set(AGE_BANDS)
        if ages:
            raise AdviceTableError(f"in de adviesregels is ‘{sorted(ages)[0]}’ geen leeftijdsgroep "
                                   f"({', '.join(AGE_BANDS)}). De huidige regels blijven in gebruik.")
        out = out.sort_values("order", kind="stable").reset_index(drop=True)
    return out


def _is_number(value) -> bool:
    try:
        _number(value)
    except ValueError:
        return False
    return True


def read_table(kind: str, name: str, data: bytes) -> pd.DataFrame:
    """An uploaded table (CSV or XLSX) checked; raises ``AdviceTableError`` when it cannot be used."""
    label = SPECS[kind][3]
    try:
        if name.lower().endswith((".xlsx", ".xlsm")):
            frame = pd.read_excel(io.BytesIO(data), dtype=str, engine="calamine").fillna("")
        else:
            frame = _read_csv(data)
    except Exception:  # noqa: BLE001 - any unreadable file is one Dutch message
        raise AdviceTableError(f"het bestand met {label} kan niet worden gelezen. Upload een CSV- of Excelbestand zoals "
                               "de download; de huidige tabel blijft in gebruik.", filename=name) from None
    try:
        return check_table(kind, frame)
    except AdviceTableError as exc:
        raise AdviceTableError(exc.message, filename=name) from None


def for_download(kind: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The table with Dutch column headers, as users edit it in Excel."""
    return frame.rename(columns=DUTCH_COLUMNS)


def split_list(value: str) -> list[str]:
    """``"a; b;c"`` -> ``["a", "b", "c"]``."""
    return [p.strip() for p in str(value or "").split(";") if p.strip()]
