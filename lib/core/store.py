"""Project persistence in SQLite: uploads, column roles, aliases, trajectories.

One database file under the data folder (``WIJKBEELD_DATA_DIR``) holds every
project. Writes are small transactions, so a crash or reload loses nothing
that was confirmed on screen.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from lib.core.errors import StoreError

SCHEMA_VERSION = 1
KINDS = ("enquete", "gebied", "geo", "postcode")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS projects (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    settings TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    data BLOB NOT NULL,
    uploaded TEXT NOT NULL,
    trajectory TEXT NOT NULL DEFAULT '',
    trajectory_type TEXT NOT NULL DEFAULT '',
    trajectory_date TEXT NOT NULL DEFAULT '',
    settings TEXT NOT NULL DEFAULT '{}',
    UNIQUE (project_id, kind, sha256)
);
CREATE TABLE IF NOT EXISTS codebooks (
    project_id INTEGER PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
    json TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS corrections (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    answer_key TEXT NOT NULL,
    themes TEXT,
    tone TEXT NOT NULL DEFAULT '',
    updated TEXT NOT NULL,
    PRIMARY KEY (project_id, answer_key)
);
CREATE TABLE IF NOT EXISTS suggestion_feedback (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    answer_key TEXT NOT NULL,
    theme TEXT NOT NULL,
    accepted INTEGER NOT NULL,
    PRIMARY KEY (project_id, answer_key, theme)
);
CREATE TABLE IF NOT EXISTS aliases (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    raw_norm TEXT NOT NULL,
    raw TEXT NOT NULL,
    wijkcode TEXT NOT NULL,
    PRIMARY KEY (project_id, kind, raw_norm)
);
"""


def default_data_dir() -> Path:
    """``$WIJKBEELD_DATA_DIR`` or ``~/.wijkbeeld``."""
    env = os.environ.get("WIJKBEELD_DATA_DIR")
    return Path(env) if env else Path.home() / ".wijkbeeld"


@dataclass
class StoredFile:
    """An uploaded file with its trajectory and per-sheet settings."""

    id: int
    project_id: int
    name: str
    kind: str
    sha256: str
    uploaded: str
    trajectory: str = ""
    trajectory_type: str = ""
    trajectory_date: str = ""
    settings: dict = field(default_factory=dict)
    """``{"header_rows": {sheet: row}, "roles": {sheet: {column: role}}, "text_columns": [...]}``"""


@dataclass
class Project:
    """A named project."""

    id: int
    name: str
    created: str
    settings: dict


class Store:
    """All projects in one SQLite file."""

    def __init__(self, path: Path | str | None = None) -> None:
        if path is None:
            path = default_data_dir() / "wijkbeeld.sqlite"
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as con:
                con.executescript(_SCHEMA)
                con.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(
                f"de projectmap {self.path.parent} kan niet worden gebruikt ({getattr(exc, 'strerror', None) or 'geen toegang'}). "
                "Stel WIJKBEELD_DATA_DIR in op een map waarin u mag schrijven."
            ) from exc

    @contextmanager
    def _connect(self):
        con = sqlite3.connect(self.path, timeout=10)
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("PRAGMA journal_mode = WAL")
        try:
            yield con
            con.commit()
        except sqlite3.Error as exc:
            con.rollback()
            raise StoreError(f"de projectgegevens konden niet worden opgeslagen ({exc}).") from exc
        finally:
            con.close()

    # ------------------------------------------------------------------ projects
    def projects(self) -> list[Project]:
        """All projects, oldest first."""
        with self._connect() as con:
            rows = con.execute("SELECT id, name, created, settings FROM projects ORDER BY id").fetchall()
        return [Project(r[0], r[1], r[2], json.loads(r[3])) for r in rows]

    def project(self, project_id: int) -> Project | None:
        """One project by id."""
        return next((p for p in self.projects() if p.id == project_id), None)

    def create_project(self, name: str) -> Project:
        """Create a project; the name must be new."""
        name = name.strip()
        if not name:
            raise StoreError("geef het project een naam.")
        with self._connect() as con:
            if con.execute("SELECT 1 FROM projects WHERE name = ?", (name,)).fetchone():
                raise StoreError(f"er bestaat al een project '{name}'. Kies een andere naam.")
            cur = con.execute(
                "INSERT INTO projects (name, created) VALUES (?, ?)", (name, datetime.now().isoformat(timespec="seconds"))
            )
            pid = cur.lastrowid
        return self.project(pid)  # type: ignore[return-value]

    def delete_project(self, project_id: int) -> None:
        """Delete a project and everything in it."""
        with self._connect() as con:
            con.execute("DELETE FROM projects WHERE id = ?", (project_id,))

    def update_project_settings(self, project_id: int, **changes) -> None:
        """Merge ``changes`` into the project's settings."""
        with self._connect() as con:
            row = con.execute("SELECT settings FROM projects WHERE id = ?", (project_id,)).fetchone()
            settings = json.loads(row[0]) if row else {}
            settings.update(changes)
            con.execute("UPDATE projects SET settings = ? WHERE id = ?", (json.dumps(settings), project_id))

    # ------------------------------------------------------------------ files
    def add_file(self, project_id: int, name: str, kind: str, data: bytes, **fields) -> StoredFile:
        """Store an upload; the same bytes uploaded again replace nothing and return the stored file."""
        if kind not in KINDS:
            raise ValueError(kind)
        digest = hashlib.sha256(data).hexdigest()
        with self._connect() as con:
            existing = con.execute(
                "SELECT id FROM files WHERE project_id = ? AND kind = ? AND sha256 = ?", (project_id, kind, digest)
            ).fetchone()
            if existing:
                file_id = existing[0]
            else:
                cur = con.execute(
                    "INSERT INTO files (project_id, name, kind, sha256, data, uploaded, trajectory, trajectory_type,"
                    " trajectory_date, settings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        project_id,
                        name,
                        kind,
                        digest,
                        sqlite3.Binary(data),
                        datetime.now().isoformat(timespec="seconds"),
                        fields.get("trajectory", ""),
                        fields.get("trajectory_type", ""),
                        fields.get("trajectory_date", ""),
                        json.dumps(fields.get("settings", {})),
                    ),
                )
                file_id = cur.lastrowid
        return self.file(file_id)  # type: ignore[return-value]

    def files(self, project_id: int, kind: str | None = None) -> list[StoredFile]:
        """Files of a project (without their bytes), in upload order."""
        query = (
            "SELECT id, project_id, name, kind, sha256, uploaded, trajectory, trajectory_type, trajectory_date, settings"
            " FROM files WHERE project_id = ?"
        )
        args: tuple = (project_id,)
        if kind:
            query += " AND kind = ?"
            args += (kind,)
        with self._connect() as con:
            rows = con.execute(query + " ORDER BY id", args).fetchall()
        return [StoredFile(*r[:9], settings=json.loads(r[9])) for r in rows]

    def file(self, file_id: int) -> StoredFile | None:
        """One file's record."""
        with self._connect() as con:
            r = con.execute(
                "SELECT id, project_id, name, kind, sha256, uploaded, trajectory, trajectory_type, trajectory_date,"
                " settings FROM files WHERE id = ?",
                (file_id,),
            ).fetchone()
        return None if r is None else StoredFile(*r[:9], settings=json.loads(r[9]))

    def file_data(self, file_id: int) -> bytes:
        """The bytes of a stored file."""
        with self._connect() as con:
            row = con.execute("SELECT data FROM files WHERE id = ?", (file_id,)).fetchone()
        if row is None:
            raise StoreError("het bestand is niet meer in het project aanwezig.")
        return bytes(row[0])

    def update_file(self, file_id: int, **fields) -> None:
        """Change trajectory fields or settings (merged) of a file."""
        with self._connect() as con:
            for key in ("trajectory", "trajectory_type", "trajectory_date", "name"):
                if key in fields:
                    con.execute(f"UPDATE files SET {key} = ? WHERE id = ?", (str(fields[key]), file_id))
            if "settings" in fields:
                row = con.execute("SELECT settings FROM files WHERE id = ?", (file_id,)).fetchone()
                settings = json.loads(row[0]) if row else {}
                settings.update(fields["settings"])
                con.execute("UPDATE files SET settings = ? WHERE id = ?", (json.dumps(settings), file_id))

    def delete_file(self, file_id: int) -> None:
        """Remove one upload."""
        with self._connect() as con:
            con.execute("DELETE FROM files WHERE id = ?", (file_id,))

    # ------------------------------------------------------------------ aliases
    def aliases(self, project_id: int, kind: str = "naam") -> dict[str, tuple[str, str]]:
        """``raw_norm -> (raw, wijkcode)`` for names ('naam') or postcodes ('postcode')."""
        with self._connect() as con:
            rows = con.execute(
                "SELECT raw_norm, raw, wijkcode FROM aliases WHERE project_id = ? AND kind = ? ORDER BY raw",
                (project_id, kind),
            ).fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    def set_alias(self, project_id: int, kind: str, raw_norm: str, raw: str, wijkcode: str) -> None:
        """Add or replace an alias; wijkcode '' means 'no wijk' (deliberately unlinked)."""
        with self._connect() as con:
            con.execute(
                "INSERT OR REPLACE INTO aliases VALUES (?, ?, ?, ?, ?)", (project_id, kind, raw_norm, raw, wijkcode)
            )

    def delete_alias(self, project_id: int, kind: str, raw_norm: str) -> None:
        """Remove an alias."""
        with self._connect() as con:
            con.execute(
                "DELETE FROM aliases WHERE project_id = ? AND kind = ? AND raw_norm = ?", (project_id, kind, raw_norm)
            )

    def version(self, project_id: int, part: str = "all") -> str:
        """A token that changes whenever the project changes (for caches).

        ``part="base"``: files, settings and aliases (what reading and linking depend on);
        ``part="tags"``: codebook, corrections and suggestion feedback; ``"all"``: both.
        """
        queries = {
            "base": [
                ("SELECT settings FROM projects WHERE id = ?",),
                (
                    "SELECT group_concat(id || name || sha256 || trajectory || trajectory_type || trajectory_date || settings, '|')"
                    " FROM files WHERE project_id = ?",
                ),
                ("SELECT group_concat(kind || raw_norm || wijkcode, '|') FROM aliases WHERE project_id = ?",),
            ],
            "tags": [
                ("SELECT json FROM codebooks WHERE project_id = ?",),
                ("SELECT count(*), max(updated), group_concat(answer_key || coalesce(themes, '') || tone, '|') FROM corrections WHERE project_id = ?",),
                ("SELECT group_concat(answer_key || theme || accepted, '|') FROM suggestion_feedback WHERE project_id = ?",),
            ],
        }
        parts = queries["base"] + queries["tags"] if part == "all" else queries[part]
        with self._connect() as con:
            values = [con.execute(q[0], (project_id,)).fetchone() for q in parts]
        return hashlib.sha1(repr(values).encode()).hexdigest()[:16]

    # ------------------------------------------------------------------ codebook and corrections
    def codebook_records(self, project_id: int) -> list[dict] | None:
        """The project's codebook as records, or None when it uses the default."""
        with self._connect() as con:
            row = con.execute("SELECT json FROM codebooks WHERE project_id = ?", (project_id,)).fetchone()
        return None if row is None else json.loads(row[0])

    def save_codebook_records(self, project_id: int, records: list[dict]) -> None:
        """Store the project's codebook."""
        with self._connect() as con:
            con.execute(
                "INSERT OR REPLACE INTO codebooks VALUES (?, ?, ?)",
                (project_id, json.dumps(records, ensure_ascii=False), datetime.now().isoformat(timespec="seconds")),
            )

    def corrections(self, project_id: int) -> dict[str, tuple[list[str] | None, str]]:
        """``answer_key -> (themes or None when only the tone was corrected, tone or '')``."""
        with self._connect() as con:
            rows = con.execute(
                "SELECT answer_key, themes, tone FROM corrections WHERE project_id = ?", (project_id,)
            ).fetchall()
        return {r[0]: (None if r[1] is None else json.loads(r[1]), r[2]) for r in rows}

    def save_corrections(self, project_id: int, items: dict[str, tuple[list[str] | None, str]]) -> None:
        """Store corrections for many answers in one transaction (themes None = keep automatic themes)."""
        now = datetime.now().isoformat(timespec="seconds")
        with self._connect() as con:
            con.executemany(
                "INSERT OR REPLACE INTO corrections VALUES (?, ?, ?, ?, ?)",
                [
                    (project_id, key, None if themes is None else json.dumps(themes, ensure_ascii=False), tone or "", now)
                    for key, (themes, tone) in items.items()
                ],
            )

    def delete_corrections(self, project_id: int, keys: list[str]) -> None:
        """Remove corrections: the automatic tags apply again."""
        with self._connect() as con:
            con.executemany("DELETE FROM corrections WHERE project_id = ? AND answer_key = ?", [(project_id, k) for k in keys])

    def suggestion_feedback(self, project_id: int) -> dict[tuple[str, str], bool]:
        """``(answer_key, theme) -> accepted`` for suggestions staff accepted or rejected."""
        with self._connect() as con:
            rows = con.execute(
                "SELECT answer_key, theme, accepted FROM suggestion_feedback WHERE project_id = ?", (project_id,)
            ).fetchall()
        return {(r[0], r[1]): bool(r[2]) for r in rows}

    def save_suggestion_feedback(self, project_id: int, items: dict[tuple[str, str], bool]) -> None:
        """Remember accepted/rejected suggestions."""
        with self._connect() as con:
            con.executemany(
                "INSERT OR REPLACE INTO suggestion_feedback VALUES (?, ?, ?, ?)",
                [(project_id, k, t, int(v)) for (k, t), v in items.items()],
            )

    # ------------------------------------------------------------------ meta
    def get_meta(self, key: str, default: str = "") -> str:
        """A stored app-wide setting (e.g. the last opened project)."""
        with self._connect() as con:
            row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        """Store an app-wide setting."""
        with self._connect() as con:
            con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
