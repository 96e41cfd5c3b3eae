"""The codebook: themes with a description and keywords, editable and shareable.

One row per theme-keyword in CSV/XLSX (``thema, beschrijving, trefwoord``), so
it can be edited in Excel and passed between gemeenten. The default codebook
is ``lib/data/codebook_default.csv``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from importlib import resources

import pandas as pd

from lib.core.errors import WijkbeeldError

COLUMNS = ["thema", "beschrijving", "trefwoord"]


class CodebookError(WijkbeeldError):
    """A codebook file or edit that cannot be used; the current codebook stays."""


@dataclass
class Theme:
    """A theme of the social domain."""

    name: str
    description: str = ""
    keywords: list[str] = field(default_factory=list)


@dataclass
class Codebook:
    """Ordered themes; names are unique (case-insensitive)."""

    themes: list[Theme]

    @property
    def names(self) -> list[str]:
        """Theme names in order."""
        return [t.name for t in self.themes]

    def theme(self, name: str) -> Theme:
        """The theme with this name (KeyError when absent)."""
        for t in self.themes:
            if t.name == name:
                return t
        raise KeyError(name)

    def copy(self) -> Codebook:
        """A deep copy to edit."""
        return Codebook([Theme(t.name, t.description, list(t.keywords)) for t in self.themes])

    # -------------------------------------------------------------- edits (return new codebooks)
    def add_theme(self, name: str, description: str = "") -> Codebook:
        """A copy with a new theme."""
        name = _clean_name(name)
        if name.lower() in {n.lower() for n in self.names}:
            raise CodebookError(f"het thema ‘{name}’ bestaat al.")
        out = self.copy()
        out.themes.append(Theme(name, description.strip(), []))
        return out

    def rename_theme(self, old: str, new: str) -> Codebook:
        """A copy with a theme renamed."""
        new = _clean_name(new)
        if new.lower() != old.lower() and new.lower() in {n.lower() for n in self.names}:
            raise CodebookError(f"het thema ‘{new}’ bestaat al; kies ‘samenvoegen’ om twee thema's samen te voegen.")
        out = self.copy()
        out.theme(old).name = new
        return out

    def merge_themes(self, sources: list[str], target: str) -> Codebook:
        """A copy where ``sources`` are merged into ``target`` (keywords combined)."""
        out = self.copy()
        keep = out.theme(target)
        for name in sources:
            if name == target:
                continue
            theme = out.theme(name)
            keep.keywords += [k for k in theme.keywords if k not in keep.keywords]
            out.themes.remove(theme)
        return out

    def remove_theme(self, name: str) -> Codebook:
        """A copy without a theme."""
        out = self.copy()
        out.themes.remove(out.theme(name))
        return out

    def set_description(self, name: str, description: str) -> Codebook:
        """A copy with a new description for a theme."""
        out = self.copy()
        out.theme(name).description = description.strip()
        return out

    def add_keywords(self, name: str, keywords: list[str]) -> Codebook:
        """A copy with keywords added to a theme (normalised, duplicates ignored)."""
        out = self.copy()
        theme = out.theme(name)
        for kw in keywords:
            kw = normalise_keyword(kw)
            if kw and kw not in theme.keywords:
                theme.keywords.append(kw)
        return out

    def remove_keywords(self, name: str, keywords: list[str]) -> Codebook:
        """A copy with keywords removed from a theme."""
        out = self.copy()
        theme = out.theme(name)
        drop = {normalise_keyword(k) for k in keywords}
        theme.keywords = [k for k in theme.keywords if k not in drop]
        return out

    # -------------------------------------------------------------- (de)serialisation
    def to_frame(self) -> pd.DataFrame:
        """One row per theme-keyword (a theme without keywords gets one row with an empty keyword)."""
        rows = []
        for t in self.themes:
            for kw in t.keywords or [""]:
                rows.append({"thema": t.name, "beschrijving": t.description, "trefwoord": kw})
        return pd.DataFrame(rows, columns=COLUMNS)

    def to_records(self) -> list[dict]:
        """JSON-able form for storage."""
        return [{"name": t.name, "description": t.description, "keywords": t.keywords} for t in self.themes]

    @classmethod
    def from_records(cls, records: list[dict]) -> Codebook:
        """Inverse of ``to_records``."""
        return cls([Theme(r["name"], r.get("description", ""), list(r.get("keywords", []))) for r in records])

    @classmethod
    def from_frame(cls, frame: pd.DataFrame, filename: str | None = None) -> Codebook:
        """Build from rows ``thema, beschrijving, trefwoord`` (column names case-insensitive)."""
        cols = {str(c).strip().lower(): c for c in frame.columns}
        aliases = {"thema": ("thema", "theme", "theme_name"), "trefwoord": ("trefwoord", "keyword", "trefwoorden", "zoekterm")}
        found = {}
        for key, names in aliases.items():
            found[key] = next((cols[n] for n in names if n in cols), None)
        if found["thema"] is None or found["trefwoord"] is None:
            raise CodebookError(
                "het codeboek heeft de kolommen ‘thema’ en ‘trefwoord’ nodig (en optioneel ‘beschrijving’). "
                "Exporteer het huidige codeboek als voorbeeld.",
                filename=filename,
            )
        desc_col = next((cols[n] for n in ("beschrijving", "description", "omschrijving") if n in cols), None)
        themes: dict[str, Theme] = {}
        descriptions = frame[desc_col].tolist() if desc_col is not None else [""] * len(frame)
        for name, description, keyword in zip(frame[found["thema"]].tolist(), descriptions, frame[found["trefwoord"]].tolist()):
            name = _cell(name)
            if not name:
                continue
            key = name.lower()
            if key not in themes:
                themes[key] = Theme(name, _cell(description), [])
            elif not themes[key].description:
                themes[key].description = _cell(description)
            kw = normalise_keyword(_cell(keyword))
            if kw and kw not in themes[key].keywords:
                themes[key].keywords.append(kw)
        if not themes:
            raise CodebookError("het codeboek bevat geen thema's.", filename=filename)
        return cls(list(themes.values()))


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return " ".join(str(value).split())


def _clean_name(name: str) -> str:
    name = " ".join(str(name).split())
    if not name:
        raise CodebookError("geef het thema een naam.")
    if len(name) > 80:
        raise CodebookError("de naam van het thema is te lang (maximaal 80 tekens).")
    return name


def normalise_keyword(keyword: str) -> str:
    """Lower case, single spaces, no surrounding punctuation; the markers ``?`` (weak), ``=`` (exact form), ``!``
    (exclusion phrase) and ``~`` (last part of compounds) are kept."""
    kw = " ".join(str(keyword).lower().split())
    marks = ""
    while kw[:1] in {"?", "=", "!", "~"}:
        marks += kw[0] if kw[0] not in marks else ""
        kw = kw[1:].lstrip()
    kw = kw.strip(" .,;:!\"'")
    return (marks + kw)[:80] if kw else ""


def default_codebook() -> Codebook:
    """The 16 default themes: the hand-made ``lib/data/codebook_default.csv`` plus the keywords
    ``tools/grow_codebook.py`` derived into ``lib/data/codebook_default_grown.csv``."""
    data = resources.files("lib").joinpath("data")
    frame = pd.read_csv(io.StringIO(data.joinpath("codebook_default.csv").read_text(encoding="utf-8")), dtype=str, keep_default_na=False)
    grown = data.joinpath("codebook_default_grown.csv")
    if grown.is_file():
        extra = pd.read_csv(io.StringIO(grown.read_text(encoding="utf-8")), dtype=str, keep_default_na=False)
        frame = pd.concat([frame, extra[["thema", "trefwoord"]].assign(beschrijving="")], ignore_index=True)
    return Codebook.from_frame(frame)


def read_codebook(name: str, data: bytes) -> Codebook:
    """Read an exported/edited codebook (CSV or XLSX); raises CodebookError with a Dutch message."""
    from lib.reading.readers import read_file
    from lib.reading.tables import extract_table

    try:
        raw = read_file(name, data)
    except WijkbeeldError as exc:
        raise CodebookError(exc.message, filename=name) from exc
    table = extract_table(name, raw.sheets[0])
    if table is None:
        raise CodebookError("geen tabel gevonden in het codeboek.", filename=name)
    return Codebook.from_frame(table.data, filename=name)


def codebook_bytes(codebook: Codebook, fmt: str) -> bytes:
    """Export as ``csv`` or ``xlsx`` (formulas neutralised)."""
    from lib.present.export import download_bytes

    return download_bytes(codebook.to_frame(), fmt, sheet_name="Codeboek")


__all__ = ["Codebook", "CodebookError", "Theme", "codebook_bytes", "default_codebook", "read_codebook", "csv"]
