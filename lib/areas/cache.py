"""Disk cache for derived area results (areas, postcode tables).

The key is the input files' names and bytes *and* the code that derives the
result: a hash of the source of the modules (and the data files they read)
that build it. Changing a reader therefore misses the cache by itself; nobody
has to remember to bump a version number.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import pickle
from pathlib import Path

import dataclasses
from collections import OrderedDict

from lib.areas.figures import Areas, AreaTable, load_areas, read_area_table

DERIVING_MODULES = (
    "lib.core.codes",
    "lib.reading.readers",
    "lib.reading.tables",
    "lib.areas.areacodes",
    "lib.areas.dictionary",
    "lib.areas.figures",
    "lib.areas.geo",
    "lib.areas.postcodes",
    "lib.areas.cache",
)
"""Modules whose source goes into every cache key (a change in any of them invalidates the cache)."""
DERIVING_DATA = ("data/indicatoren.csv",)
"""Data files under ``lib/`` that the deriving code reads (the indicator dictionary)."""

_LIB = Path(__file__).resolve().parent.parent
_FILE_HASHES: dict[tuple[str, int, int], bytes] = {}


def _file_hash(path: Path) -> bytes:
    try:
        stat = path.stat()
    except OSError:
        return b"missing:" + str(path).encode()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    digest = _FILE_HASHES.get(key)
    if digest is None:
        digest = hashlib.sha256(path.read_bytes()).digest()
        _FILE_HASHES[key] = digest
    return digest


def code_version(modules: tuple[str, ...] = DERIVING_MODULES, data_files: tuple[str, ...] = DERIVING_DATA) -> str:
    """Hash of the source of ``modules`` and of ``data_files`` (relative to ``lib/``)."""
    digest = hashlib.sha256()
    for name in modules:
        module = importlib.import_module(name)
        source = getattr(module, "__file__", None)
        digest.update(name.encode() + b"\0" + (_file_hash(Path(source)) if source else b"builtin"))
    for rel in data_files:
        digest.update(rel.encode() + b"\0" + _file_hash(_LIB / rel))
    return digest.hexdigest()


def cached_by_content(
    files: list[tuple[str, bytes]],
    cache_dir,
    label: str,
    build,
    *,
    modules: tuple[str, ...] = DERIVING_MODULES,
    data_files: tuple[str, ...] = DERIVING_DATA,
):
    """``build(files)`` with its result kept on disk under ``cache_dir``.

    Keyed by the files' names and bytes and by ``code_version(modules, data_files)``.
    """
    digest = hashlib.sha256(f"{code_version(modules, data_files)}|{label}".encode())
    for name, data in files:
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    path = Path(cache_dir) / f"{label}-{digest.hexdigest()[:24]}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError):
        pass
    result = build(files)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # a cache that cannot be written only costs time
    return result


def load_areas_cached(files: list[tuple[str, bytes]], cache_dir, *, gemeentecode: str | None = None) -> Areas:
    """``load_areas`` with the result kept on disk under ``cache_dir`` (keyed by the files' content and the code)."""
    return cached_by_content(files, cache_dir, f"areas-{gemeentecode}", lambda f: load_areas(f, gemeentecode=gemeentecode))


_TABLES: OrderedDict[str, AreaTable] = OrderedDict()
TABLES_KEPT = 64
"""Area tables kept in memory by ``read_area_table_kept`` (a KWB file's table is a few hundred KB)."""


def read_area_table_kept(name: str, data: bytes) -> AreaTable:
    """``read_area_table``, kept in memory by the file's name and bytes and the code that reads it: a project is
    analysed again after every correction or upload, and the same area files need not be parsed again (neither by
    another project with the same files). The caller gets its own name maps; the indicator rows are shared and
    never changed in place."""
    digest = hashlib.sha256(f"{code_version()}|{name}".encode())
    digest.update(hashlib.sha256(data).digest())
    key = digest.hexdigest()
    table = _TABLES.get(key)
    if table is None:
        table = _TABLES[key] = read_area_table(name, data)
        while len(_TABLES) > TABLES_KEPT:
            _TABLES.popitem(last=False)
    else:
        _TABLES.move_to_end(key)
    return dataclasses.replace(table, names=dict(table.names), gemeente_names=dict(table.gemeente_names))
