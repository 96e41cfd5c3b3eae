"""Tables for the start page: sources and coverage per wijk, as numbers with the small-number rule applied."""

from __future__ import annotations

import numpy as np
import pandas as pd

from lib.core.suppression import complementary, counts_with_mask, hidden_counts, reasons_for, share
from lib.reading.roles import Role
from lib.wijken.reach import respondent_counts, respondent_grid
from lib.wijken.rules import rate_per_1000
from lib.wijken.themes import answer_counts

SOURCE_COLUMNS = ["trajectory", "kind", "date", "respondents", "open_questions", "answers", "linked_share", "file"]
"""Plus respondents_reason and answers_reason (``complementary`` where hidden only to protect another)."""
COVERAGE_COLUMNS = ["wijknaam", "wijkcode", "inhabitants", "respondents", "answers", "per_1000", "respondents_reason",
                    "answers_reason"]


def sources_overview(data, threshold: int = 5) -> pd.DataFrame:
    """One row per survey file: trajectory (empty until named), kind, date (ISO), respondents and answers
    (Int64, hidden by the small-number rule or, where the files' numbers add up to a shown total, by
    complementary suppression), open_questions, linked_share (NaN below the threshold or where the
    file's respondents are hidden), file."""
    rows = []
    recs = data.records
    grid = respondent_grid(recs, threshold)
    for survey in data.surveys:
        part = recs[recs["source"] == survey.name] if not recs.empty else recs
        n = len(part)
        linked = int((part["wijkcode"] != "").sum()) if n else 0
        n_answers = int((data.answers["source"] == survey.name).sum()) if not data.answers.empty else 0
        linked_share = None if bool(grid.source_hidden.get(survey.name, False)) else share(linked, n, threshold)
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
    resp_hidden = [bool(grid.source_hidden.get(f, 0 < n < threshold)) for f, n in zip(out["file"], out["respondents"])]
    n_resp, n_answers = out["respondents"].to_numpy(), out["answers"].to_numpy()
    ans_hidden = complementary(n_answers, threshold)
    out["respondents"] = counts_with_mask(n_resp, resp_hidden).array
    out["answers"] = counts_with_mask(n_answers, ans_hidden).array
    out["respondents_reason"] = reasons_for(resp_hidden, hidden_counts(n_resp, threshold))
    out["answers_reason"] = reasons_for(ans_hidden, hidden_counts(n_answers, threshold))
    out["linked_share"] = out["linked_share"].astype(float)
    return out


def wijk_coverage(data, threshold: int = 5) -> pd.DataFrame:
    """Per wijk: wijknaam, wijkcode, inhabitants, respondents and answers (Int64, hidden by the small-number
    rule or complementary suppression), per_1000 (respondents per 1,000 inhabitants; NaN when hidden or
    without inhabitants), respondents_reason and answers_reason (``complementary`` where hidden only to
    protect another wijk)."""
    wijken = data.areas.wijken
    codes = list(wijken["wijkcode"])
    resp = respondent_counts(data.records, threshold, codes)
    answers = answer_counts(data.answers, threshold, codes)
    inhabitants = wijken["inhabitants"].astype(float).to_numpy()
    n_resp = resp["respondents"].to_numpy(dtype=float, na_value=np.nan)
    rates = [None if n != n else rate_per_1000(n, inw, threshold) for n, inw in zip(n_resp, inhabitants)]
    return pd.DataFrame(
        {
            "wijknaam": wijken["wijknaam"].to_numpy(),
            "wijkcode": wijken["wijkcode"].to_numpy(),
            "inhabitants": inhabitants,
            "respondents": resp["respondents"].array,
            "answers": answers["answers"].array,
            "per_1000": np.array([np.nan if r is None else r for r in rates], dtype=float),
            "respondents_reason": resp["reason"].to_numpy(),
            "answers_reason": answers["reason"].to_numpy(),
        },
        columns=COVERAGE_COLUMNS,
    )
