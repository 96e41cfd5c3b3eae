"""Worker processes for tagging very large batches (``TaggerPool``), used by the command line."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.themes.codebook import Codebook

PARALLEL_FROM = 20_000
"""Batches smaller than this are tagged in one process."""
_WORKER_TAGGER = None


def _init_worker(records: list[dict]) -> None:
    from lib.themes.tagger import Tagger

    global _WORKER_TAGGER
    _WORKER_TAGGER = Tagger(Codebook.from_records(records))


def _tag_chunk(job: tuple[list[str], list[str] | None]) -> pd.DataFrame:
    assert _WORKER_TAGGER is not None
    texts, names = job
    return _tagged(_WORKER_TAGGER, texts, names)


def _tagged(tagger, texts: list[str], names: list[str] | None) -> pd.DataFrame:
    """``Tagger.tag_many`` columns, plus ``answer_masked`` (personal data masked) when ``names`` is given."""
    out = tagger.tag_many(texts)
    if names is not None:
        from lib.core.privacy import mask_series

        out["answer_masked"] = mask_series(pd.Series(texts, dtype=object), names=names).to_numpy() if texts else []
    return out


class TaggerPool:
    """Worker processes that load nltk and compile the codebook while the caller reads and links files.

    Used by the command line for large batches; falls back to tagging in this process where
    processes cannot be forked. Use as a context manager.
    """

    def __init__(self, codebook: Codebook, workers: int = 2) -> None:
        self.codebook = codebook
        self.workers = workers
        self._pool = None
        if workers > 1:
            import multiprocessing

            try:
                self._pool = multiprocessing.get_context("fork").Pool(
                    workers, initializer=_init_worker, initargs=(codebook.to_records(),)
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
        size = -(-len(unique) // self.workers)
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
