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
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import datetime
from pathlib import Path

from lib.core.errors import StoreError
from lib.core.settings import FileSettings, ProjectSettings

KINDS = ("enquete", "gebied", "geo", "postcode")
TRAJECTORY_TYPES = [
    "Enquête / peiling",
    "Dialoogweek / bewonersavond",
    "Evaluatie",
    "Ophaalgesprekken",
    "Tafelgesprek / wijkgesprek",
    "Jongerenpanel",
    "Anders",
]
"""Kinds of participation trajectory a survey file can belong to (shown as they are)."""

_SCHEMA_1 = """
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


def _migrate_1_initial(con: sqlite3.Connection) -> None:
    """The tables of the first release."""
    for statement in _SCHEMA_1.split(";"):
        if statement.strip():
            con.execute(statement)


def _migrate_2_typed_settings(con: sqlite3.Connection) -> None:
    """Project settings under English keys (``drempel`` -> ``threshold``); a JSON store per project."""
    for pid, raw in con.execute("SELECT id, settings FROM projects").fetchall():
        settings = json.loads(raw or "{}")
        if "drempel" in settings:
            settings.setdefault("threshold", settings["drempel"])
            del settings["drempel"]
            con.execute("UPDATE projects SET settings = ? WHERE id = ?", (json.dumps(settings), pid))
    con.execute(
        "CREATE TABLE IF NOT EXISTS project_data ("
        " project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,"
        " key TEXT NOT NULL, json TEXT NOT NULL, updated TEXT NOT NULL,"
        " PRIMARY KEY (project_id, key))"
    )


MIGRATIONS = [
    (1, "initial schema", _migrate_1_initial),
    (2, "typed settings and per-project data", _migrate_2_typed_settings),
]
"""Numbered schema changes, applied in order, each in its own transaction. Append; never edit a released one."""
SCHEMA_VERSION = MIGRATIONS[-1][0]


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


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
    settings: FileSettings = field(default_factory=FileSettings)
    """The user's header rows, column roles and forced text columns."""


@dataclass
class Project:
    """A named project."""

    id: int
    name: str
    created: str
    settings: ProjectSettings = field(default_factory=ProjectSettings)


class Store:
    """All projects in one SQLite file."""

    def __init__(self, path: Path | str | None = None) -> None:
        if path is None:
            path = default_data_dir() / "wijkbeeld.sqlite"
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._migrate()
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(
                f"de projectmap {self.path.parent} kan niet worden gebruikt ({getattr(exc, 'strerror', None) or 'geen toegang'}). "
                "Stel WIJKBEELD_DATA_DIR in op een map waarin u mag schrijven."
            ) from exc

    @contextmanager
    def _connect(self):
        """A connection in one write transaction, taken before the first read (``BEGIN IMMEDIATE``).

        Read-modify-write sequences (merging settings) therefore cannot interleave with another writer.
        """
        con = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            con.execute("PRAGMA foreign_keys = ON")
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("PRAGMA synchronous = FULL")
            con.execute("BEGIN IMMEDIATE")
            yield con
            con.execute("COMMIT")
        except sqlite3.Error as exc:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise StoreError(f"de projectgegevens konden niet worden opgeslagen ({exc}).") from exc
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        finally:
            con.close()

    def _migrate(self) -> None:
        """Bring the database to ``SCHEMA_VERSION``; a database of an earlier version upgrades without loss."""
        with self._connect() as con:
            con.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)"
            )
            applied = {r[0] for r in con.execute("SELECT version FROM schema_migrations")}
            legacy = con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'projects'").fetchone()
            if not applied and legacy:  # written before migrations existed: that was schema 1
                con.execute("INSERT INTO schema_migrations VALUES (1, 'initial schema', ?)", (_now(),))
                applied = {1}
        newer = max(applied, default=0)
        if newer > SCHEMA_VERSION:
            raise StoreError(
                f"de projectgegevens zijn gemaakt met een nieuwere versie van Wijkbeeld (schema {newer}). "
                "Werk Wijkbeeld bij of gebruik een andere projectmap (WIJKBEELD_DATA_DIR)."
            )
        for version, name, step in MIGRATIONS:
            if version in applied:
                continue
            with self._connect() as con:
                if con.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (version,)).fetchone():
                    continue  # another process applied it meanwhile
                step(con)
                con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, _now()))
                con.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(version),))

    def schema_version(self) -> int:
        """The highest migration applied to this database."""
        with self._connect() as con:
            return int(con.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] or 0)

    # ------------------------------------------------------------------ projects
    def projects(self) -> list[Project]:
        """All projects, oldest first."""
        with self._connect() as con:
            rows = con.execute("SELECT id, name, created, settings FROM projects ORDER BY id").fetchall()
        return [Project(r[0], r[1], r[2], ProjectSettings.from_dict(json.loads(r[3]))) for r in rows]

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
                "INSERT INTO projects (name, created) VALUES (?, ?)", (name, _now())
            )
            pid = cur.lastrowid
        return self.project(pid)  # type: ignore[return-value]

    def delete_project(self, project_id: int) -> None:
        """Delete a project and everything in it."""
        with self._connect() as con:
            con.execute("DELETE FROM projects WHERE id = ?", (project_id,))

    def update_project_settings(self, project_id: int, **changes) -> ProjectSettings:
        """Change some settings of a project (field names of ``ProjectSettings``) in one atomic write; returns them all."""
        unknown = set(changes) - set(ProjectSettings.__dataclass_fields__) - {"extra"}
        if unknown:
            raise ValueError(f"unknown project settings: {sorted(unknown)}")
        with self._connect() as con:
            row = con.execute("SELECT settings FROM projects WHERE id = ?", (project_id,)).fetchone()
            data = json.loads(row[0]) if row else {}
            for key, value in changes.items():
                if key == "extra":  # keys of later versions or add-ons: merged one by one
                    data.update(value)
                else:
                    data[key] = asdict(value) if is_dataclass(value) else value
            settings = ProjectSettings.from_dict(data)
            con.execute("UPDATE projects SET settings = ? WHERE id = ?", (json.dumps(settings.to_dict()), project_id))
        return settings

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
                        _now(),
                        fields.get("trajectory", ""),
                        fields.get("trajectory_type", ""),
                        fields.get("trajectory_date", ""),
                        json.dumps(FileSettings.from_dict(fields.get("settings")).to_dict()),
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
        return [StoredFile(*r[:9], settings=FileSettings.from_dict(json.loads(r[9]))) for r in rows]

    def file(self, file_id: int) -> StoredFile | None:
        """One file's record."""
        with self._connect() as con:
            r = con.execute(
                "SELECT id, project_id, name, kind, sha256, uploaded, trajectory, trajectory_type, trajectory_date,"
                " settings FROM files WHERE id = ?",
                (file_id,),
            ).fetchone()
        return None if r is None else StoredFile(*r[:9], settings=FileSettings.from_dict(json.loads(r[9])))

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
                data = json.loads(row[0]) if row else {}
                changes = fields["settings"]
                data.update(changes.to_dict() if isinstance(changes, FileSettings) else changes)
                settings = FileSettings.from_dict(data)
                con.execute("UPDATE files SET settings = ? WHERE id = ?", (json.dumps(settings.to_dict()), file_id))

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

        ``part="base"``: files, their settings, aliases and the gemeente (what reading and linking depend on);
        ``part="tags"``: codebook, corrections and suggestion feedback; ``part="data"``: project settings
        (threshold, filters, pairs) and per-project data (advice); ``"all"``: everything.
        """
        queries = {
            "base": [
                ("SELECT json_extract(settings, '$.gemeentecode') FROM projects WHERE id = ?",),
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
        queries["data"] = [("SELECT group_concat(key || updated || json, '|') FROM project_data WHERE project_id = ?",),
                           ("SELECT settings FROM projects WHERE id = ?",)]
        parts = queries["base"] + queries["tags"] + queries["data"] if part == "all" else queries[part]
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
                (project_id, json.dumps(records, ensure_ascii=False), _now()),
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
        now = _now()
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

    # ------------------------------------------------------------------ per-project data
    def project_data(self, project_id: int, key: str, default=None):
        """A JSON value stored for the project under ``key`` (advice state, mappings, edits), or ``default``."""
        with self._connect() as con:
            row = con.execute("SELECT json FROM project_data WHERE project_id = ? AND key = ?", (project_id, key)).fetchone()
        return default if row is None else json.loads(row[0])

    def set_project_data(self, project_id: int, key: str, value) -> None:
        """Store a JSON-serialisable value for the project under ``key`` (None removes it)."""
        with self._connect() as con:
            if value is None:
                con.execute("DELETE FROM project_data WHERE project_id = ? AND key = ?", (project_id, key))
            else:
                con.execute(
                    "INSERT OR REPLACE INTO project_data VALUES (?, ?, ?, ?)",
                    (project_id, key, json.dumps(value, ensure_ascii=False), _now()),
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
