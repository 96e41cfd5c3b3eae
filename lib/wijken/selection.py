"""What the wijk pages look at: the filtered answers and their themes, one row per (answer, theme)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from lib.themes.tagger import split_themes


@dataclass
class Filters:
    """What the user looks at: sources (file names), period, themes, tones; empty means all."""

    sources: list[str] = field(default_factory=list)
    start: date | None = None
    end: date | None = None
    themes: list[str] = field(default_factory=list)
    tones: list[str] = field(default_factory=list)

    def apply(self, answers: pd.DataFrame, records: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame | None]:
        """Filtered answers (and records, by source and period) for every view."""

        def by_source_and_period(frame: pd.DataFrame) -> pd.DataFrame:
            if not self.sources and not self.start and not self.end:
                return frame
            mask = pd.Series(True, index=frame.index)
            if self.sources:
                mask &= frame["source"].isin(self.sources)
            if self.start or self.end:
                when = pd.to_datetime(frame["trajectory_date"], errors="coerce")
                if self.start:
                    mask &= when >= pd.Timestamp(self.start)
                if self.end:
                    mask &= when <= pd.Timestamp(self.end)
            return frame[mask]

        out = by_source_and_period(answers)
        if self.themes:
            wanted = set(self.themes)
            out = out[out["themes"].map(lambda v: bool(wanted & set(split_themes(v)))).astype(bool).to_numpy()]
        if self.tones:
            out = out[out["tone"].isin(self.tones)]
        recs = by_source_and_period(records) if records is not None else None
        return out, recs


def theme_long(answers: pd.DataFrame) -> pd.DataFrame:
    """One row per (answer, theme): idx (the answer's index), wijkcode, thema, tone; answers without a theme are left out."""
    if answers.empty:
        return pd.DataFrame(columns=["idx", "wijkcode", "theme", "tone"])
    themes = answers["themes"].astype(str)
    has = themes != ""
    exploded = themes[has].str.split("; ").explode()
    return pd.DataFrame(
        {
            "idx": exploded.index.to_numpy(),
            "wijkcode": answers.loc[exploded.index, "wijkcode"].to_numpy(),
            "theme": exploded.to_numpy(),
            "tone": answers.loc[exploded.index, "tone"].to_numpy(),
        }
    )


def restrict(long: pd.DataFrame, answers: pd.DataFrame) -> pd.DataFrame:
    """The theme rows of the given (filtered) answers only."""
    if len(long) and len(answers) and long["idx"].isin(answers.index).all():
        return long
    return long[long["idx"].isin(answers.index)]
