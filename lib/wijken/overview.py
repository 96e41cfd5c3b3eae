"""Tables for the start page: sources and coverage per wijk, small numbers suppressed."""

from __future__ import annotations

import pandas as pd

from lib.areas.figures import format_number
from lib.core.privacy import small
from lib.reading.roles import Role


def sources_overview(data, threshold: int = 5) -> pd.DataFrame:
    """One row per survey file: trajectory, type, date, sheets, respondents, answers, share linked."""
    rows = []
    recs = data.records
    for survey in data.surveys:
        part = recs[recs["source"] == survey.name] if not recs.empty else recs
        n = len(part)
        linked = int((part["wijkcode"] != "").sum()) if n else 0
        n_answers = int((data.answers["source"] == survey.name).sum()) if not data.answers.empty else 0
        rows.append(
            {
                "Traject": survey.trajectory or "(naam nog invullen)",
                "Soort": survey.trajectory_type,
                "Datum": dutch_date(survey.trajectory_date),
                "Respondenten": small(n, threshold),
                "Open vragen": sum(len(s.columns_with(Role.OPEN)) for s in survey.sheets),
                "Antwoorden": small(n_answers, threshold),
                "Gekoppeld": (linked / n) if n >= threshold else None,
                "Bestand": survey.name,
            }
        )
    return pd.DataFrame(rows)


def wijk_coverage(data, threshold: int = 5) -> pd.DataFrame:
    """Per wijk: inhabitants, respondents and answers (``<5`` below the threshold), per 1,000 inhabitants."""
    wijken = data.areas.wijken
    recs = data.records
    per_wijk = recs[recs["wijkcode"] != ""].groupby("wijkcode").size()
    answers = data.answers
    ans_per_wijk = answers[answers["wijkcode"] != ""].groupby("wijkcode").size() if not answers.empty else pd.Series(dtype=int)
    out = []
    for row in wijken.itertuples():
        n = int(per_wijk.get(row.wijkcode, 0))
        inw = row.inhabitants
        rate = n / inw * 1000 if inw and inw == inw and inw > 0 and n >= threshold else None
        out.append(
            {
                "Wijk": row.wijknaam,
                "Code": row.wijkcode,
                "Inwoners": format_number(inw),
                "Respondenten": small(n, threshold),
                "Antwoorden": small(int(ans_per_wijk.get(row.wijkcode, 0)), threshold),
                "Per 1.000 inwoners": "–" if rate is None else format_number(rate, 1),
            }
        )
    return pd.DataFrame(out)


def dutch_date(iso: str) -> str:
    """``2024-03-15`` -> ``15-03-2024``; other text unchanged."""
    parts = iso.split("-") if iso else []
    return "-".join(reversed(parts)) if len(parts) == 3 and len(parts[0]) == 4 else iso
