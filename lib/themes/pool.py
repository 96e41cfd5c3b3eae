"""Worker processes for tagging very large batches (``TaggerPool``), used by the command line."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.themes.codebook import Codebook

PARALLEL_FROM = 20_000
"""Batches smaller than this are tagged in one process."""
_WORKER_TAGGER = None
_HELPER = None
"""In a worker: the pipe to its helper, a process forked from the worker once nltk is loaded and the codebook
compiled, so that both tag without loading and compiling twice."""


def _init_worker(records: list[dict], helper: bool = False) -> None:
    from lib.themes.tagger import Tagger

    global _WORKER_TAGGER, _HELPER
    _WORKER_TAGGER = Tagger(Codebook.from_records(records))
    if helper:
        _HELPER = _fork_helper(_WORKER_TAGGER)


def _fork_helper(tagger):
    """Fork a process that tags what it is sent through the returned pipe, until the pipe closes."""
    import os
    from multiprocessing import Pipe

    mine, theirs = Pipe()
    if os.fork() == 0:  # the helper
        mine.close()
        try:
            while True:
                try:
                    texts, names = theirs.recv()
                except EOFError:  # the worker has ended
                    break
                try:
                    result = _tagged(tagger, texts, names)
                except Exception as exc:  # noqa: BLE001 - raised again in the worker
                    result = exc
                theirs.send(result)
        finally:
            os._exit(0)
    theirs.close()
    return mine


def _tag_chunk(job: tuple[list[str], list[str] | None]) -> pd.DataFrame:
    assert _WORKER_TAGGER is not None
    texts, names = job
    if _HELPER is None or len(texts) < 2:
        return _tagged(_WORKER_TAGGER, texts, names)
    half = len(texts) // 2
    _HELPER.send((texts[half:], names))
    first = _tagged(_WORKER_TAGGER, texts[:half], names)
    second = _HELPER.recv()
    if isinstance(second, Exception):
        raise second
    return pd.concat([first, second], ignore_index=True)


def _tagged(tagger, texts: list[str], names: list[str] | None) -> pd.DataFrame:
    """``Tagger.tag_many`` columns, plus ``answer_masked`` (personal data masked) when ``names`` is given."""
    out = tagger.tag_many(texts)
    if names is not None:
        from lib.core.privacy import mask_series

        out["answer_masked"] = mask_series(pd.Series(texts, dtype=object), names=names).to_numpy() if texts else []
    return out


class TaggerPool:
    """Worker processes that load nltk and compile the codebook while the caller reads and links files.

    ``workers`` processes tag: half of them are pool workers, each of which forks a helper once it has loaded
    nltk and compiled the codebook (that costs a third of a second; this way it is paid once per pair, and while
    the caller is still reading). Used by the command line for large batches; falls back to tagging in this
    process where processes cannot be forked. Use as a context manager.
    """

    def __init__(self, codebook: Codebook, workers: int = 2) -> None:
        self.codebook = codebook
        self.workers = workers
        self._pool = None
        self._chunks = max(1, workers // 2)
        if workers > 1:
            import multiprocessing

            try:
                self._pool = multiprocessing.get_context("fork").Pool(
                    self._chunks, initializer=_init_worker, initargs=(codebook.to_records(), True)
                )
            except (OSError, ValueError):
                self._pool = None

    def tag_many(self, texts: list[str]) -> pd.DataFrame:
        """Like ``Tagger.tag_many``; large batches are split over the workers."""
        return self.submit(texts)()

    def submit(self, texts: list[str], names: list[str] | None = None):
        """Start tagging; returns a function that waits for and returns the result (``Tagger.tag_many`` columns).

        With ``names`` (the respondents' own names, see ``lib.core.privacy.mask_series``) the workers also mask
        the answers: the result then has ``answer_masked`` too.
        """
        if self._pool is None or len(texts) < PARALLEL_FROM:
            from lib.themes.tagger import Tagger

            return lambda: _tagged(Tagger(self.codebook), texts, names)
        positions: dict[str, int] = {}
        back = np.fromiter((positions.setdefault(t if isinstance(t, str) else "", len(positions)) for t in texts),
                           dtype=np.int64, count=len(texts))
        unique = list(positions)  # each distinct answer is sent and tagged once
        size = -(-len(unique) // self._chunks)  # one chunk per pool worker; it shares it with its helper
        pending = self._pool.map_async(_tag_chunk, [(unique[i : i + size], names) for i in range(0, len(unique), size)])
        return lambda: pd.concat(pending.get(), ignore_index=True).iloc[back].reset_index(drop=True)

    def close(self) -> None:
        """Stop the workers."""
        if self._pool is not None:
            self._pool.terminate()
            self._pool = None

    def __enter__(self) -> TaggerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
