"""Typed settings of a project and of an uploaded file, with one default for each value.

The store keeps them as JSON; ``from_dict`` reads what any earlier version wrote (unknown keys are
kept, so nothing a newer version stored is lost), ``to_dict`` writes them back.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields

DEFAULT_THRESHOLD = 5
"""Small-number threshold: counts below it are hidden (configurable per project)."""
THRESHOLD_RANGE = (1, 50)


@dataclass
class WijkFilters:
    """What the wijk pages look at: sources (file names), period (ISO dates), themes, tones; empty means all."""

    sources: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    tones: list[str] = field(default_factory=list)
    start: str = ""
    end: str = ""

    @classmethod
    def from_dict(cls, data: dict | None) -> WijkFilters:
        data = data or {}
        return cls(
            sources=[str(s) for s in data.get("sources", []) or []],
            themes=[str(s) for s in data.get("themes", []) or []],
            tones=[str(s) for s in data.get("tones", []) or []],
            start=str(data.get("start", "") or ""),
            end=str(data.get("end", "") or ""),
        )


@dataclass
class ProjectSettings:
    """Settings of one project."""

    threshold: int = DEFAULT_THRESHOLD
    gemeentecode: str = ""
    """The gemeente the project is about (``GMxxxx``); empty until chosen."""
    filters: WijkFilters = field(default_factory=WijkFilters)
    pairs: list[tuple[str, str]] | None = None
    """Theme -> indicator pairs for 'words beside numbers'; None means the defaults."""
    extra: dict = field(default_factory=dict)
    """Keys this version does not know (kept as they are)."""

    @classmethod
    def from_dict(cls, data: dict | None) -> ProjectSettings:
        data = dict(data or {})
        known = {f.name for f in fields(cls)} - {"extra"}
        try:
            threshold = int(data.get("threshold", DEFAULT_THRESHOLD))
        except (TypeError, ValueError):
            threshold = DEFAULT_THRESHOLD
        low, high = THRESHOLD_RANGE
        pairs = data.get("pairs")
        return cls(
            threshold=min(high, max(low, threshold)),
            gemeentecode=str(data.get("gemeentecode", "") or ""),
            filters=WijkFilters.from_dict(data.get("filters")),
            pairs=None if not pairs else [(str(p[0]), str(p[1])) for p in pairs if len(p) == 2],
            extra={k: v for k, v in data.items() if k not in known},
        )

    def to_dict(self) -> dict:
        out = dict(self.extra)
        out.update(threshold=self.threshold, gemeentecode=self.gemeentecode, filters=asdict(self.filters))
        out["pairs"] = None if self.pairs is None else [list(p) for p in self.pairs]
        return out


@dataclass
class FileSettings:
    """The user's choices for one uploaded survey file."""

    header_rows: dict[str, int] = field(default_factory=dict)
    """sheet -> Excel row of the header."""
    roles: dict[str, dict[str, str]] = field(default_factory=dict)
    """sheet -> column -> role value."""
    text_columns: list[str] = field(default_factory=list)
    """Columns to treat as open questions whatever the detection says."""
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict | None) -> FileSettings:
        data = dict(data or {})
        known = {f.name for f in fields(cls)} - {"extra"}
        header_rows = {}
        for sheet, row in (data.get("header_rows") or {}).items():
            try:
                header_rows[str(sheet)] = int(row)
            except (TypeError, ValueError):
                continue
        roles = {str(s): {str(c): str(r) for c, r in (cols or {}).items()} for s, cols in (data.get("roles") or {}).items()}
        return cls(
            header_rows=header_rows,
            roles=roles,
            text_columns=[str(c) for c in data.get("text_columns", []) or []],
            extra={k: v for k, v in data.items() if k not in known},
        )

    def to_dict(self) -> dict:
        out = dict(self.extra)
        out.update(header_rows=self.header_rows, roles=self.roles, text_columns=self.text_columns)
        return out
