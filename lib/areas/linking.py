"""Link raw ward names, CBS codes and postcodes to a wijk, with a method and confidence.

A wrong link is worse than none: fuzzy matches are accepted only when clearly
better than the runner-up, a PC4 that straddles wijken links only above a
clear majority, and everything else is reported with suggestions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd
from rapidfuzz import fuzz, process

from lib.areas.areacodes import normalise_area_code as normalise_code
from lib.core.codes import parse_postcode
from lib.core.names import METHOD_LABELS, _ascii_words, compact_name, normalise_name  # noqa: F401 - re-exported

FUZZY_ACCEPT = 0.86
"""Lowest similarity for an automatic fuzzy link."""
FUZZY_MARGIN = 0.08
"""How much better than the runner-up a fuzzy match must be."""
PC4_MAJORITY = 0.8
"""Share of a PC4's addresses that must lie in one wijk to link by PC4."""


_WIJK_NUMBER = re.compile(r"^\s*wijk\s*0*(\d{1,2})\s*$", re.I)


@dataclass
class Link:
    """Outcome of linking one raw value."""

    wijkcode: str | None
    method: str = ""
    confidence: float = 0.0
    reason: str = ""
    suggestions: list[tuple[str, float]] = field(default_factory=list)


@dataclass
class Gazetteer:
    """Wijken of a gemeente with their names, aliases and postcode shares."""

    names: dict[str, str]
    """wijkcode -> display name."""
    gemeentenaam: str = ""
    aliases: dict[str, str] = field(default_factory=dict)
    """normalised alias -> wijkcode (user-made; also manual links for any raw value)."""
    pc4: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    """PC4 -> [(wijkcode, share of the PC4's addresses)], largest first."""
    pc6: dict[str, str] = field(default_factory=dict)
    """PC6 -> wijkcode, when a PC6 table is loaded."""
    postcode_overrides: dict[str, str] = field(default_factory=dict)
    """PC4 or PC6 -> wijkcode chosen by the user."""

    def __post_init__(self) -> None:
        self._by_norm: dict[str, set[str]] = {}
        self._by_compact: dict[str, set[str]] = {}
        self._gem = normalise_name(self.gemeentenaam)
        for code, name in self.names.items():
            for variant in {normalise_name(name), _strip_gemeente(normalise_name(name), self._gem)}:
                if variant:
                    self._by_norm.setdefault(variant, set()).add(code)
            for variant in {compact_name(name), compact_name(_strip_gemeente_text(name, self.gemeentenaam))}:
                if variant:
                    self._by_compact.setdefault(variant, set()).add(code)

    def link_records(self, wijk_values: pd.Series | None, postcode_values: pd.Series | None, n: int) -> pd.DataFrame:
        """``link_records`` for this gazetteer: what the reading stage calls, without knowing the linking rules."""
        return link_records(self, wijk_values, postcode_values, n)

    def known_tokens(self) -> set[str]:
        """Normalised names, aliases and codes, for role detection."""
        return set(self._by_norm) | set(self.aliases) | set(self.names)

    def link_name(self, raw: object) -> Link:
        """Link one ward name or CBS code."""
        text = "" if raw is None else str(raw).strip()
        if not text:
            return Link(None, reason="leeg")
        code = normalise_code(text)
        if code is not None and code.startswith("BU"):
            code = "WK" + code[2:8]
        if code is not None and code in self.names:
            return Link(code, "code", 1.0)
        norm = normalise_name(text)
        if norm in self.aliases:
            target = self.aliases[norm]
            if target == "":
                return Link(None, "handmatig", 1.0, reason="door gebruiker als 'geen wijk' gemarkeerd")
            return Link(target, "alias", 1.0)
        number = _WIJK_NUMBER.match(text)
        if number and self.names:
            gm_digits = next(iter(self.names))[2:6]
            code = f"WK{gm_digits}{int(number.group(1)):02d}"
            if code in self.names:
                return Link(code, "naam", 1.0)
        if not norm:
            return Link(None, reason="geen naam")
        if self._gem and norm == self._gem:
            return Link(None, reason="dit is de naam van de gemeente, geen wijk")
        norm = _strip_gemeente(norm, self._gem) or norm
        exact = self._by_norm.get(norm)
        if exact and len(exact) == 1:
            return Link(next(iter(exact)), "naam", 1.0)
        compact = compact_name(_strip_gemeente_text(text, self.gemeentenaam))
        same = self._by_compact.get(compact)
        if not exact and same and len(same) == 1:
            return Link(next(iter(same)), "naam", 1.0)
        scored = self._score(norm, compact)
        suggestions = scored[:3]
        if exact and len(exact) > 1:
            return Link(None, reason="naam past bij meerdere wijken", suggestions=suggestions)
        # containment: "binnenstad" in "binnenstad gorinchem" with exactly one candidate
        tokens = set(norm.split())
        containing = {c for n, cs in self._by_norm.items() if tokens and tokens <= set(n.split()) for c in cs}
        if len(containing) == 1:
            return Link(next(iter(containing)), "fuzzy", 0.9)
        if suggestions:
            best_code, best = suggestions[0]
            second = suggestions[1][1] if len(suggestions) > 1 else 0.0
            if best >= FUZZY_ACCEPT and best - second >= FUZZY_MARGIN and not self._qualified(compact, best_code):
                return Link(best_code, "fuzzy", round(best, 2))
        # a unique beginning of a name: "linge" -> Lingewijk
        if len(compact) >= 5 and not containing:
            starts = {c for n, cs in self._by_compact.items() if n.startswith(compact) for c in cs}
            if len(starts) == 1:
                return Link(next(iter(starts)), "fuzzy", 0.85)
        reason = "naam lijkt op meerdere wijken" if len(containing) > 1 else "naam niet herkend"
        return Link(None, reason=reason, suggestions=[s for s in suggestions if s[1] >= 0.4])

    def _qualified(self, compact: str, code: str) -> bool:
        """True when the input is a wijk name plus extra words ("L. Dalem", "Dalem dorp"): a qualifier, not a typo."""
        names = [n for n, cs in self._by_compact.items() if code in cs]
        return any(n in compact and len(compact) > len(n) for n in names)

    def _score(self, norm: str, compact: str = "", limit: int = 20) -> list[tuple[str, float]]:
        """Similarity (0-1, rapidfuzz's normalised Indel ratio) of a name to the wijken, best of sorted-token and compact forms, best first."""
        if "_choices" not in self.__dict__:
            self._choices = [(list(table), list(table.values())) for table in (self._by_norm, self._by_compact)]
        best: dict[str, float] = {}
        for (choices, codes), key in zip(self._choices, (norm, compact)):
            if not key or not choices:
                continue
            for _name, score, idx in process.extract(key, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=30):
                ratio = score / 100
                for code in codes[idx]:
                    if ratio > best.get(code, 0.0):
                        best[code] = ratio
        return sorted(best.items(), key=lambda kv: -kv[1])

    def link_postcode(self, raw: object) -> Link:
        """Link a PC6 or PC4 postcode."""
        pc4, pc6 = parse_postcode(raw)
        if pc4 is None:
            text = "" if raw is None else str(raw).strip()
            return Link(None, reason="leeg" if not text else "geen geldige postcode")
        for key in (pc6, pc4):
            if key and key in self.postcode_overrides:
                target = self.postcode_overrides[key]
                if target == "":
                    return Link(None, "handmatig", 1.0, reason="door gebruiker als 'geen wijk' gemarkeerd")
                return Link(target, "handmatig", 1.0)
        if pc6 and pc6 in self.pc6:
            return Link(self.pc6[pc6], "pc6", 1.0)
        shares = self.pc4.get(pc4)
        if not shares:
            return Link(None, reason=f"postcode {pc4} ligt niet in de geladen gemeente")
        best_code, best_share = shares[0]
        if best_share >= PC4_MAJORITY:
            return Link(best_code, "pc4", round(best_share, 3))
        parts = ", ".join(f"{round(s * 100)}% {self.names.get(c, c)}" for c, s in shares[:3])
        return Link(
            None,
            reason=f"postcode {pc4} ligt in meerdere wijken ({parts})",
            suggestions=[(c, s) for c, s in shares[:3]],
        )


def _strip_gemeente_text(text: str, gemeentenaam: str) -> str:
    """Remove the gemeente's name from a raw name ("Gorinchem binnenstad" -> "binnenstad")."""
    if not gemeentenaam:
        return text
    return re.sub(re.escape(gemeentenaam), " ", str(text), flags=re.I)


def _strip_gemeente(norm: str, gem: str) -> str:
    if not gem:
        return norm
    tokens = [t for t in norm.split() if t not in set(gem.split())]
    return " ".join(tokens)


def link_column(values: pd.Series, linker) -> pd.DataFrame:
    """Link every value of a column via its unique values; columns wijkcode, methode, zekerheid, reden."""
    uniques = pd.unique(values)
    results = {v: linker(v) for v in uniques}
    frame = pd.DataFrame(
        {
            "raw": list(results),
            "wijkcode": [r.wijkcode or "" for r in results.values()],
            "method": [r.method for r in results.values()],
            "confidence": [r.confidence for r in results.values()],
            "reason": [r.reason for r in results.values()],
        }
    ).set_index("raw")
    return frame.reindex(values.to_numpy()).reset_index(drop=True)


def link_records(
    gazetteer: "Gazetteer", wijk_values: pd.Series | None, postcode_values: pd.Series | None, n: int
) -> pd.DataFrame:
    """Link records by ward column first, then postcode; one row per record.

    Columns: ``wijkcode`` ('' when unlinked), ``methode``, ``zekerheid``, ``reden``.
    """
    empty = pd.DataFrame(
        {"wijkcode": [""] * n, "method": [""] * n, "confidence": [0.0] * n, "reason": ["geen wijk- of postcodekolom"] * n}
    )
    result = empty
    if wijk_values is not None:
        result = link_column(wijk_values.fillna("").astype(str), gazetteer.link_name)
    if postcode_values is not None:
        by_pc = link_column(postcode_values.fillna("").astype(str), gazetteer.link_postcode)
        if wijk_values is None:
            result = by_pc
        else:
            conflict = _conflicts(gazetteer, result["wijkcode"], postcode_values.fillna("").astype(str))
            if conflict.any():
                result.loc[conflict, "reason"] = [
                    f"wijknaam ({gazetteer.names.get(code, code)}) past niet bij postcode {pc}"
                    for code, pc in zip(result.loc[conflict, "wijkcode"], postcode_values[conflict].astype(str).str.strip())
                ]
                result.loc[conflict, ["wijkcode", "method"]] = ""
                result.loc[conflict, "confidence"] = 0.0
            use_pc = (result["wijkcode"] == "") & (by_pc["wijkcode"] != "") & ~conflict
            result.loc[use_pc] = by_pc.loc[use_pc]
            both_failed = (result["wijkcode"] == "") & (by_pc["reason"] != "leeg")
            result.loc[both_failed, "reason"] = result.loc[both_failed, "reason"] + "; " + by_pc.loc[both_failed, "reason"]
    return result.reset_index(drop=True)


def _conflicts(gazetteer: Gazetteer, codes: pd.Series, postcodes: pd.Series) -> pd.Series:
    """True where a ward name linked to a wijk that holds none of the addresses of the record's postcode."""
    pairs = pd.DataFrame({"code": codes.to_numpy(), "raw": postcodes.to_numpy()})
    unique = pairs.drop_duplicates()
    verdict = {}
    for code, raw in zip(unique["code"], unique["raw"]):
        pc4, pc6 = parse_postcode(raw)
        bad = False
        if code and pc4:
            if pc6 and pc6 in gazetteer.pc6:
                bad = gazetteer.pc6[pc6] != code
            elif pc4 in gazetteer.pc4:
                bad = code not in {c for c, _ in gazetteer.pc4[pc4]}
        verdict[(code, raw)] = bad
    keys = pd.MultiIndex.from_frame(pairs)
    flags = pd.Series(verdict).reindex(keys).fillna(False).to_numpy(dtype=bool)
    return pd.Series(flags, index=codes.index, dtype=bool)


def suggestions_for(gazetteer: Gazetteer, raw: str, kind: str) -> list[tuple[str, float]]:
    """Best wijk suggestions for a raw value that stayed unlinked."""
    link = gazetteer.link_postcode(raw) if kind == "postcode" else gazetteer.link_name(raw)
    if link.suggestions:
        return link.suggestions
    return gazetteer._score(normalise_name(raw), compact_name(raw))[:3] if kind != "postcode" else []
