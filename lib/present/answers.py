"""The answers list: filtering and a display/export table with personal data masked."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from lib.core.privacy import mask_series

UNLINKED = "(niet gekoppeld)"


@dataclass
class AnswerFilter:
    """Filters on the answers list; empty lists mean 'all'."""

    sources: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    wijken: list[str] = field(default_factory=list)
    """wijkcodes, or ``UNLINKED`` for answers without wijk."""
    text: str = ""


def filter_answers(answers: pd.DataFrame, flt: AnswerFilter) -> pd.DataFrame:
    """Answers matching every filter (text search is case-insensitive, literal)."""
    mask = pd.Series(True, index=answers.index)
    if flt.sources:
        mask &= answers["source"].isin(flt.sources)
    if flt.questions:
        mask &= answers["question"].isin(flt.questions)
    if flt.wijken:
        codes = [w for w in flt.wijken if w != UNLINKED]
        wmask = answers["wijkcode"].isin(codes)
        if UNLINKED in flt.wijken:
            wmask |= answers["wijkcode"] == ""
        mask &= wmask
    if flt.text.strip():
        mask &= answers["answer"].str.contains(flt.text.strip(), case=False, regex=False, na=False)
    return answers[mask]


def answers_table(answers: pd.DataFrame) -> pd.DataFrame:
    """Dutch display/export table: answer (masked), wijk, themes and tone (corrections applied), question,
    trajectory, source file, sheet, Excel row, wijkcode."""
    masked = (answers["answer_masked"] if "answer_masked" in answers
              else mask_series(answers["answer"].astype(str), names=answers.get("respondent_name")))
    return pd.DataFrame(
        {
            "Antwoord": masked.to_numpy(),
            "Wijk": answers["wijknaam"].to_numpy(),
            "Thema's": answers["themes"].to_numpy() if "themes" in answers else "",
            "Toon": answers["tone"].to_numpy() if "tone" in answers else "",
            "Vraag": answers["question"].to_numpy(),
            "Traject": answers["trajectory"].to_numpy(),
            "Bron": answers["source"].to_numpy(),
            "Blad": answers["sheet"].to_numpy(),
            "Rij": answers["row"].to_numpy(),
            "Wijkcode": answers["wijkcode"].to_numpy(),
        }
    )
