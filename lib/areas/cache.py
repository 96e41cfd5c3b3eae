"""Disk cache for derived area results (areas, postcode tables), keyed by the input files."""

from __future__ import annotations

import os

from lib.areas.figures import Areas, load_areas


AREAS_CACHE_VERSION = 1


def cached_by_content(files: list[tuple[str, bytes]], cache_dir, label: str, build):
    """``build(files)`` with its result kept on disk under ``cache_dir``, keyed by the files' names and bytes."""
    import hashlib
    import pickle
    from pathlib import Path

    digest = hashlib.sha256(f"{AREAS_CACHE_VERSION}|{label}".encode())
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
    """``load_areas`` with the result kept on disk under ``cache_dir`` (keyed by the files' content)."""
    return cached_by_content(files, cache_dir, f"areas-{gemeentecode}", lambda f: load_areas(f, gemeentecode=gemeentecode))
