"""Per-project advice state: edited tables, an imported profile mix, staff's edits and notes.

Kept in the project store as JSON (``store.project_data`` / ``store.set_project_data``), so it survives a
restart and a re-analysis (the analysis never writes it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from lib.advice.tables import EDITABLE, AdviceTableError, check_table, default_table

KEY_PREFIX = "advice."


@dataclass
class AdviceState:
    """What the user changed for the advice of one project (None / empty = the defaults)."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    """kind -> the user's table (only edited kinds)."""
    mix: pd.DataFrame | None = None
    """Imported profile mix per wijk: wijkcode, profile, share (0..1)."""
    mix_source: str = ""
    edits: dict = field(default_factory=dict)
    """wijkcode -> {"order": [ids], "items": {id: {...}}, "note": str}."""

    def table(self, kind: str) -> pd.DataFrame:
        """The table in use: the user's, else the default."""
        own = self.tables.get(kind)
        return own if own is not None else default_table(kind)

    def is_edited(self, kind: str) -> bool:
        return kind in self.tables


def _get(store, project_id: int, key: str, default=None):
    return store.project_data(project_id, KEY_PREFIX + key, default)


def _set(store, project_id: int, key: str, value) -> None:
    store.set_project_data(project_id, KEY_PREFIX + key, value)


def load_state(store, project_id: int) -> AdviceState:
    """The stored advice state; a stored table that no longer passes the checks falls back to the default."""
    state = AdviceState()
    for kind in EDITABLE:
        records = _get(store, project_id, f"table.{kind}")
        if records:
            try:
                state.tables[kind] = check_table(kind, pd.DataFrame(records))
            except AdviceTableError:
                continue
    mix = _get(store, project_id, "mix")
    if mix and mix.get("rows"):
        state.mix = pd.DataFrame(mix["rows"], columns=["wijkcode", "profile", "share"])
        state.mix_source = str(mix.get("source", ""))
    state.edits = dict(_get(store, project_id, "edits", {}) or {})
    return state


def _records(frame: pd.DataFrame) -> list[dict]:
    return [{k: (None if isinstance(v, float) and v != v else v) for k, v in row.items()} for row in frame.to_dict("records")]


def save_table(store, project_id: int, kind: str, frame: pd.DataFrame | None) -> None:
    """Store the user's table (checked first), or ``None`` to go back to the default."""
    if frame is None:
        _set(store, project_id, f"table.{kind}", None)
        return
    _set(store, project_id, f"table.{kind}", _records(check_table(kind, frame)))


def save_mix(store, project_id: int, mix: pd.DataFrame | None, source: str = "") -> None:
    """Store an imported profile mix per wijk (``None`` removes it)."""
    if mix is None:
        _set(store, project_id, "mix", None)
        return
    rows = [[str(w), str(p), float(s)] for w, p, s in zip(mix["wijkcode"], mix["profile"], mix["share"])]
    _set(store, project_id, "mix", {"source": source, "rows": rows})


def save_edits(store, project_id: int, edits: dict) -> None:
    """Store staff's edits and notes (all wijken)."""
    _set(store, project_id, "edits", edits)
