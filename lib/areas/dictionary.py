"""The indicator dictionary: every KWB variable with its Dutch label, unit and unfavourable direction.

One data file, ``lib/data/indicatoren.csv``, is the single source. Each row is
one indicator key (the keys the wijken layer and the pages use, such as
``pct_eenpersoonshhd`` or ``65plus``) with:

- ``kwb``: the short names of CBS's ``kwb-20xx.xlsx``/``.csv`` download
  (``a_inw``, ``a_1p_hh``, ``g_wozbag``, ...), older years' names included;
- ``odata``: the StatLine/OData keys without their numeric suffix
  (``AantalInwoners`` for ``AantalInwoners_5``), or with it where the bare key
  is ambiguous (``Appartement_54`` is electricity, ``Appartement_62`` gas);
- ``aliassen``: StatLine labels and other spellings;
- ``richting``: +1 when a higher value is unfavourable, -1 when a lower one
  is, 0 when neither is clear;
- ``soort``: ``cijfer`` for figures; ``code`` and ``naam`` for region
  columns, flags and codes (``ind_wbi``, ``recs``, ``gwb_code_8``,
  ``pst_mvp``, ``pst_dekp``), which are never shown as figures.

Counts and shares of the same concept are separate keys (``0_15_aantal`` and
``0_15``); ``DERIVED_SHARES`` says how a share is computed from counts when a
file only has the counts (the KWB download and OData tables give counts).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

FIGURE = "cijfer"


@dataclass(frozen=True)
class Variable:
    """One indicator of the dictionary."""

    key: str
    label: str
    unit: str
    direction: int
    kind: str
    kwb: tuple[str, ...]
    odata: tuple[str, ...]

    @property
    def is_figure(self) -> bool:
        """False for region columns, flags and codes."""
        return self.kind == FIGURE


DERIVED_SHARES: list[tuple[str, str, str]] = [
    ("0_15", "0_15_aantal", "aantal_inwoners"),
    ("15_25", "15_25_aantal", "aantal_inwoners"),
    ("25_45", "25_45_aantal", "aantal_inwoners"),
    ("45_65", "45_65_aantal", "aantal_inwoners"),
    ("65plus", "65plus_aantal", "aantal_inwoners"),
    ("pct_eenpersoonshhd", "eenpersoonshuishoudens", "huishoudens"),
    ("pct_hhd_met_kind", "hhd_met_kind", "huishoudens"),
    ("pct_hhd_zonder_kind", "hhd_zonder_kind", "huishoudens"),
    ("pct_herkomst_nl", "herkomst_nl", "aantal_inwoners"),
    ("pct_herkomst_europa", "herkomst_europa", "aantal_inwoners"),
    ("pct_herkomst_buiten_europa", "herkomst_buiten_europa", "aantal_inwoners"),
    ("pct_ongehuwd", "ongehuwd", "aantal_inwoners"),
    ("pct_gehuwd", "gehuwd", "aantal_inwoners"),
    ("pct_gescheiden", "gescheiden", "aantal_inwoners"),
    ("pct_verweduwd", "verweduwd", "aantal_inwoners"),
]
"""(share key, count key, denominator key): share = count / denominator x 100, when a file has no share."""


def slug(text: str) -> str:
    """Comparable form of a header: ``"AantalInwoners_5"`` -> ``"aantal_inwoners"``, ``"a_nb_won "`` -> ``"a_nb_won"``."""
    text = re.sub(r"_\d+$", "", str(text).strip())  # StatLine key suffix: AantalInwoners_5
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", "_", text)  # CamelCase
    return re.sub(r"[^a-z0-9%]+", "_", text.lower()).strip("_")


def _lower(text: str) -> str:
    return str(text).strip().lower()


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, Variable], dict[str, str], dict[str, list[str]], dict[str, list[str]]]:
    variables: dict[str, Variable] = {}
    exact: dict[str, str] = {}  # kwb short name / OData key (lower case) -> key
    odata_base: dict[str, list[str]] = {}  # OData key without suffix (lower) -> keys
    labels: dict[str, list[str]] = {}  # slug of key, label or alias -> keys (several: count and share)
    text = resources.files("lib").joinpath("data/indicatoren.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(text.splitlines()):
        split = lambda v: tuple(filter(None, (v or "").split("|")))  # noqa: E731
        var = Variable(
            row["key"], row["label"], row["eenheid"], int(row["richting"] or 0), row["soort"] or FIGURE,
            split(row["kwb"]), split(row["odata"]),
        )
        variables[var.key] = var
        for name in var.kwb:
            exact.setdefault(_lower(name), var.key)
        for name in var.odata:
            if re.search(r"_\d+$", name):
                exact.setdefault(_lower(name), var.key)
            else:
                odata_base.setdefault(_lower(name), []).append(var.key)
        for alias in (var.key, var.label, *split(row["aliassen"]), *(o for o in var.odata if not re.search(r"_\d+$", o))):
            keys = labels.setdefault(slug(alias), [])
            if var.key not in keys:
                keys.append(var.key)
    return variables, exact, odata_base, labels


def variables() -> dict[str, Variable]:
    """Every indicator of the dictionary, by key."""
    return _load()[0]


def unit_kind(unit: str) -> str:
    """``"%"``, ``"aantal"`` or the unit itself, lower case."""
    u = str(unit).strip().lower()
    if u in {"%", "procent", "percentage", "pct"}:
        return "%"
    if u in {"aantal", "getal", "count"}:
        return "aantal"
    return u


def _pick(keys: list[str], unit: str) -> str:
    """Of several keys for one name (count and share), the one whose unit fits the file's unit."""
    if len(keys) == 1:
        return keys[0]
    found = variables()
    kind = unit_kind(unit) if unit else ""
    if kind:
        same = [k for k in keys if unit_kind(found[k].unit) == kind]
        if same:
            return same[0]
        if kind != "%":
            counts = [k for k in keys if unit_kind(found[k].unit) != "%"]
            if counts:
                return counts[0]
    shares = [k for k in keys if unit_kind(found[k].unit) == "%"]
    return shares[0] if shares and not kind else keys[0]


def lookup(header: str, unit: str = "", candidates: list[str] | None = None) -> Variable | None:
    """The dictionary entry of a column header, or None.

    Tried in order: the KWB short name or full OData key, the OData key without
    its suffix, then each of ``candidates`` (label forms of the header) against
    keys, labels and aliases; where a name has a count and a share, ``unit``
    (as stated in the file) decides.
    """
    found, exact, odata_base, labels = _load()
    raw = _lower(header)
    if raw in exact:
        return found[exact[raw]]
    base = re.sub(r"_\d+$", "", raw)
    if base != raw and base in odata_base:
        return found[_pick(odata_base[base], unit)]
    for candidate in [header, *(candidates or [])]:
        keys = labels.get(slug(candidate))
        if keys:
            return found[_pick(keys, unit)]
    return None


def unfavourable_direction(indicator: str) -> int:
    """+1 when a higher value of ``indicator`` is unfavourable, -1 when a lower one is, 0 when neither is clear.

    Accepts a dictionary key (``pct_eenpersoonshhd``), a KWB short name
    (``p_hh_osm``) or an OData key (``WmoClientenRelatief_101``); a derived key
    such as ``opl_laag_pct`` or ``x_aantal`` falls back to its base key; counts
    that merely scale with the size of a wijk stay 0 unless the dictionary says otherwise.
    """
    found = variables()
    if indicator in found:
        return found[indicator].direction
    var = lookup(indicator)
    if var is not None:
        return var.direction
    for suffix in ("_pct", "_aantal"):
        if indicator.endswith(suffix) and indicator[: -len(suffix)] in found:
            base = found[indicator[: -len(suffix)]]
            return base.direction if suffix == "_pct" else 0
    return 0


def is_figure(header: str) -> bool:
    """False for a region column, flag or code (``ind_wbi``, ``recs``, ``gwb_code_8``, ``postcode``)."""
    var = lookup(header)
    return var is None or var.is_figure
