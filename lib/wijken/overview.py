"""Tables for the start page: sources and coverage per wijk, as numbers with the small-number rule applied."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.core.suppression import share, suppress_counts
from lib.reading.roles import Role
from lib.wijken.rules import rate_per_1000

SOURCE_COLUMNS = ["trajectory", "kind", "date", "respondents", "open_questions", "answers", "linked_share", "file"]
COVERAGE_COLUMNS = ["wijknaam", "wijkcode", "inhabitants", "respondents", "answers", "per_1000"]


def sources_overview(data, threshold: int = 5) -> pd.DataFrame:
    """One row per survey file: trajectory (empty until named), kind, date (ISO), respondents and answers
    (Int64, hidden below the threshold), open_questions, linked_share (NaN below the threshold), file."""
    rows = []
    recs = data.records
    for survey in data.surveys:
        part = recs[recs["source"] == survey.name] if not recs.empty else recs
        n = len(part)
        linked = int((part["wijkcode"] != "").sum()) if n else 0
        n_answers = int((data.answers["source"] == survey.name).sum()) if not data.answers.empty else 0
        linked_share = share(linked, n, threshold)
        rows.append(
            {
                "trajectory": survey.trajectory or "",
                "kind": survey.trajectory_type,
                "date": survey.trajectory_date or "",
                "respondents": n,
                "open_questions": sum(len(s.columns_with(Role.OPEN)) for s in survey.sheets),
                "answers": n_answers,
                "linked_share": np.nan if linked_share is None else linked_share,
                "file": survey.name,
            }
        )
    out = pd.DataFrame(rows, columns=SOURCE_COLUMNS)
    for col in ("respondents", "answers"):
        out[col] = suppress_counts(out[col], threshold).array
    out["linked_share"] = out["linked_share"].astype(float)
    return out


def wijk_coverage(data, threshold: int = 5) -> pd.DataFrame:
    """Per wijk: wijknaam, wijkcode, inhabitants, respondents and answers (Int64, hidden below the
    threshold), per_1000 (respondents per 1,000 inhabitants; NaN when hidden or without inhabitants)."""
    wijken = data.areas.wijken
    recs = data.records
    per_wijk = recs[recs["wijkcode"] != ""].groupby("wijkcode").size().reindex(wijken["wijkcode"], fill_value=0)
    answers = data.answers
    ans_per_wijk = (answers[answers["wijkcode"] != ""].groupby("wijkcode").size() if not answers.empty
                    else pd.Series(dtype=int)).reindex(wijken["wijkcode"], fill_value=0)
    inhabitants = wijken["inhabitants"].astype(float).to_numpy()
    rates = [rate_per_1000(n, inw, threshold) for n, inw in zip(per_wijk.to_numpy(), inhabitants)]
    return pd.DataFrame(
        {
            "wijknaam": wijken["wijknaam"].to_numpy(),
            "wijkcode": wijken["wijkcode"].to_numpy(),
            "inhabitants": inhabitants,
            "respondents": suppress_counts(per_wijk.to_numpy(), threshold).array,
            "answers": suppress_counts(ans_per_wijk.to_numpy(), threshold).array,
            "per_1000": np.array([np.nan if r is None else r for r in rates], dtype=float),
        },
        columns=COVERAGE_COLUMNS,
    )
