"""Detect what each column of a survey table is: open question, ward, postcode, ...

Detection looks at the header text (Microsoft Forms and LimeSurvey metadata,
Dutch words for ward, postcode, age) and at a sample of the values. Users
can override every choice; overrides are stored per source and sheet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import Enum

import pandas as pd

from lib.core.codes import normalise_code, parse_postcode


class Role(str, Enum):
    """The role of a column in a survey table."""

    OPEN = "open"
    CLOSED = "gesloten"
    WIJK = "wijk"
    POSTCODE = "postcode"
    RESPONDENT = "respondent"
    AGE = "leeftijd"
    IGNORE = "negeren"

    @property
    def label(self) -> str:
        """Dutch label for the UI."""
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.OPEN: "Open vraag",
    Role.CLOSED: "Gesloten / meerkeuzevraag",
    Role.WIJK: "Wijk (naam of code)",
    Role.POSTCODE: "Postcode",
    Role.RESPONDENT: "Respondentnummer",
    Role.AGE: "Leeftijd",
    Role.IGNORE: "Negeren (metadata)",
}

SAMPLE_ROWS = 2000

_METADATA_HEADERS = {
    # Microsoft Forms (nl/en)
    "begintijd", "tijd van voltooien", "voltooiingstijd", "e-mail", "email", "naam", "name",
    "tijd van laatste wijziging", "laatst gewijzigd", "last modified time", "start time", "completion time",
    # LimeSurvey
    "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp", "ipaddr", "refurl",
    "token", "interviewtime", "datum ingezonden", "laatste pagina", "starttaal",
    # generic
    "datum", "tijdstempel", "timestamp", "notulist", "opmerking notulist", "actie gemeente?",
}
_ID_HEADERS = re.compile(
    r"^(id|nr\.?|no\.?|respondent(nummer|_?id|nr)?|response ?id|resp\.? ?nr\.?|klantnummer|deelnemer(snummer)?|volgnummer|nummer)$",
    re.I,
)
_WIJK_HEADER = re.compile(r"\b(woon)?wijk|\bbuurt|wijkcode|wijknaam|waar woon|in welke wijk|stadsdeel|woonplaats", re.I)
_POSTCODE_HEADER = re.compile(r"post\s*code|\bpc ?[46]\b|zip", re.I)
_AGE_HEADER = re.compile(r"leeftijd|hoe oud|\bage\b|geboortejaar|leeftijdsgroep|leeftijdscategorie", re.I)
_AGE_VALUE = re.compile(r"^\s*(\d{1,3})(\s*(-|tot|t/m)\s*\d{1,3})?\s*(\+|jaar|jr|of ouder|en ouder)?\s*$", re.I)
_MULTI_SEP = re.compile(r";")


SAMPLE_CELLS = 400_000
"""Budget of sampled cells per table: a very wide table samples fewer rows per column (at least 100)."""

_DIGITS_ONLY = re.compile(r"\d+")
_TIMESTAMP = re.compile(r"^\d{1,4}[-/]\d{1,2}[-/]\d{1,4}")
_SPACES = re.compile(r"\s+")
_PC_START = re.compile(r"\s*[1-9]\d{3}")  # every postcode parse_postcode accepts starts like this


def _sample(values: pd.Series, limit: int = SAMPLE_ROWS) -> list[str]:
    """The first ``limit`` non-empty values of a column as a list of str (no pandas call per value)."""
    head = values.iloc[: limit * 4].tolist()
    sample = [v for v in head if v != "" and v is not None][:limit]
    if len(sample) < limit and len(values) > len(head):
        rest = values.iloc[limit * 4 :]
        sample += rest[rest != ""].head(limit - len(sample)).tolist()
    return [str(v) for v in sample]


def _share(mask: Iterable[bool]) -> float:
    items = list(mask)
    return sum(items) / len(items) if items else 0.0


def detect_role(
    header: str,
    values: pd.Series,
    known_wijken: set[str] | None = None,
    *,
    sample_rows: int = SAMPLE_ROWS,
    sample: list[str] | None = None,
) -> Role:
    """Guess the role of one column from its header and its (text) values.

    ``known_wijken`` holds normalised wijk names and codes of the loaded areas, so
    a column whose values are ward names is recognised whatever its header says.
    ``sample``: the column's first non-empty values when the caller already has them.
    """
    head = " ".join(header.lower().split())
    head_core = re.sub(r"^(q\d+[.:)]?\s*)", "", head)
    if sample is None:
        sample = _sample(values, sample_rows)
    if not sample:
        return Role.IGNORE
    if head in _METADATA_HEADERS or head_core in _METADATA_HEADERS:
        return Role.IGNORE
    if _ID_HEADERS.match(head_core):
        return Role.RESPONDENT
    if _POSTCODE_HEADER.search(head_core) and _postcode_share(sample) >= 0.5:
        return Role.POSTCODE
    if _WIJK_HEADER.search(head_core) and not _looks_open(sample):
        return Role.WIJK
    if _AGE_HEADER.search(head_core):
        return Role.AGE
    uniques = list(dict.fromkeys(sample))
    distinct = len(uniques)
    if known_wijken:
        from lib.areas.linking import normalise_name

        hits = _share(
            (normalise_code(v) in known_wijken) or (normalise_name(v) in known_wijken) for v in uniques[:200]
        )
        if hits >= 0.6 and distinct >= 2:
            return Role.WIJK
    if _postcode_share(sample) >= 0.9:
        return Role.POSTCODE
    if _looks_open(sample, distinct):
        return Role.OPEN
    if _looks_like_timestamps(sample):
        return Role.IGNORE
    if distinct == len(sample) and len(sample) > 20 and all(_DIGITS_ONLY.fullmatch(v) for v in sample):
        return Role.RESPONDENT
    return Role.CLOSED


def _postcode_share(sample: list[str]) -> float:
    """Share of values that hold a PC4 or PC6 (each distinct value parsed once)."""
    seen: dict[str, bool] = {}
    hits = 0
    for value in sample:
        hit = seen.get(value)
        if hit is None:
            hit = seen[value] = bool(_PC_START.match(value)) and parse_postcode(value)[0] is not None
        hits += hit
    return hits / len(sample)


def _looks_open(sample: list[str], distinct: int | None = None) -> bool:
    """Open text: long, varied answers of several words, not a fixed set of options."""
    n = len(sample)
    mean_length = sum(map(len, sample)) / n
    mean_words = sum(len(_SPACES.findall(v)) for v in sample) / n + 1
    distinct_ratio = (distinct if distinct is not None else len(set(sample))) / n
    if _MULTI_SEP.search(" ".join(sample[:50])) and sum(v.endswith(";") for v in sample) / n > 0.5:
        return False  # Forms multiple choice: "Optie A;Optie B;"
    if n <= 3:
        return bool(mean_words >= 4)
    return bool((mean_length >= 25 and mean_words >= 4 and distinct_ratio >= 0.5) or (
        mean_words >= 3 and distinct_ratio >= 0.8 and mean_length >= 15
    ))


def _looks_like_timestamps(sample: list[str]) -> bool:
    head = sample[:200]
    return bool(sum(1 for v in head if _TIMESTAMP.match(v)) / len(head) > 0.8)


def detect_roles(data: pd.DataFrame, known_wijken: set[str] | None = None) -> dict[str, Role]:
    """Roles for every column of a table; at most one ward and one postcode column win."""
    rows = max(100, min(SAMPLE_ROWS, SAMPLE_CELLS // max(1, data.shape[1])))
    samples: dict[int, list[str]] = {}
    if data.shape[1] >= 64:  # wide: take every column's sample from one block instead of a pandas call per column
        block = data.iloc[: rows * 4].to_numpy(dtype=object)
        for pos in range(block.shape[1]):
            sample = [str(v) for v in block[:, pos] if v != "" and v is not None][:rows]
            if len(sample) == rows or len(data) <= rows * 4:
                samples[pos] = sample
    roles = {
        col: detect_role(col, data.iloc[:, pos], known_wijken, sample_rows=rows, sample=samples.get(pos))
        for pos, col in enumerate(data.columns)
    }
    for role in (Role.WIJK, Role.POSTCODE, Role.AGE, Role.RESPONDENT):
        cols = [c for c, r in roles.items() if r == role]
        for extra in cols[1:]:
            roles[extra] = Role.CLOSED if role != Role.RESPONDENT else Role.IGNORE
    return roles


def parse_age(value: str) -> float | None:
    """Age in years from ``"34"``, ``"25-34"`` (midpoint), ``"75 of ouder"`` (+5); None otherwise."""
    value = re.sub(r"^\s*(ca\.?|circa|ongeveer|±|~|\+/-)\s*", "", value or "", flags=re.I)
    match = _AGE_VALUE.match(value)
    if not match:
        return None
    low = int(match.group(1))
    if match.group(2):
        high = int(re.findall(r"\d+", match.group(2))[0])
        return (low + high) / 2
    if match.group(4) and match.group(4).strip() in {"+", "of ouder", "en ouder"}:
        return low + 5.0
    if 0 < low < 120:
        return float(low)
    if 1900 < low < 2030:
        return None
    return None


def age_group(age: float | None) -> str | None:
    """CBS age band of an age: 0-15, 15-25, 25-45, 45-65, 65+."""
    if age is None or age != age:
        return None
    if age < 15:
        return "0-15"
    if age < 25:
        return "15-25"
    if age < 45:
        return "25-45"
    if age < 65:
        return "45-65"
    return "65+"
