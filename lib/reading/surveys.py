"""From uploaded survey files to one long table of linked answers.

``read_survey`` turns a file into tables with detected (or user-chosen)
column roles; ``collect_answers`` melts every open question into one row per
answer and links each record to its wijk.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import pandas as pd

from lib.core.errors import EmptyFileError
from lib.reading.readers import RawFile, read_file
from lib.reading.roles import Role, detect_roles, parse_age
from lib.reading.tables import Table, extract_table

Progress = Callable[[float, str], None]

class Linker(Protocol):
    """What reading needs from the linking stage (``lib.areas.linking.Gazetteer``): wijk names and a link per record."""

    names: dict[str, str]

    def link_records(self, wijk_values: pd.Series | None, postcode_values: pd.Series | None, n: int) -> pd.DataFrame: ...


ANSWER_COLUMNS = [
    "source", "sheet", "row", "question", "answer", "wijkcode", "wijknaam",
    "trajectory", "trajectory_type", "trajectory_date", "source_id", "respondent",
    "wijk_raw", "postcode_raw", "age", "method", "confidence", "reason", "answer_key", "respondent_name",
]
"""``respondent_name`` holds the record's own name and e-mail values (for masking them in every answer);
it is personal data and never exported or shown."""
NAME_HEADERS = re.compile(
    r"^(?:q\d+[.:)]?\s*)?(?:uw |je |jouw )?(?:naam|name|voornaam|achternaam|roepnaam|volledige naam|"
    r"naam respondent|e-?mail(?:adres)?|e-?mail address|emailadres|mailadres)\s*[?:]?$",
    re.I,
)


@dataclass
class SheetResult:
    """One table of a survey file with its roles."""

    table: Table
    roles: dict[str, Role]
    detected: dict[str, Role] = field(default_factory=dict)
    """Roles as detected automatically, before the user's choices."""

    _answers: dict[str, np.ndarray] = field(default_factory=dict, repr=False, compare=False)

    def columns_with(self, role: Role) -> list[str]:
        """Columns that have ``role``."""
        return [c for c, r in self.roles.items() if r == role]

    def answers_in(self, question: str) -> np.ndarray:
        """Which cells of ``question`` hold a real answer (``answer_mask``), worked out once per column."""
        if question not in self._answers:
            self._answers[question] = answer_mask(self.table.data[question])
        return self._answers[question]


@dataclass
class Survey:
    """A survey file as Wijkbeeld understood it."""

    name: str
    sheets: list[SheetResult]
    without_table: list[str] = field(default_factory=list)
    encoding: str | None = None
    separator: str | None = None
    source_id: int | None = None
    source_key: str = ""
    """Stable key of the file's content (start of its sha256), used in answer keys."""
    trajectory: str = ""
    trajectory_type: str = ""
    trajectory_date: str = ""

    @property
    def n_records(self) -> int:
        """Data rows over all sheets."""
        return sum(s.table.n_records for s in self.sheets)


def read_survey(
    name: str,
    data: bytes,
    *,
    settings: dict | None = None,
    known_wijken: set[str] | None = None,
    text_columns: list[str] | None = None,
    raw: RawFile | None = None,
) -> Survey:
    """Read a survey file, find each sheet's header and detect column roles.

    ``settings`` may hold user choices: ``header_rows`` {sheet: excel row} and
    ``roles`` {sheet: {column: role value}}; ``text_columns`` forces open text.
    """
    settings = settings or {}
    raw = raw or read_file(name, data)
    header_rows: dict = settings.get("header_rows", {})
    chosen_roles: dict = settings.get("roles", {})
    forced = {c.strip().lower() for c in (text_columns or settings.get("text_columns", []))}
    sheets: list[SheetResult] = []
    without: list[str] = list(raw.skipped_sheets)
    for sheet in raw.sheets:
        chosen = header_rows.get(sheet.name)
        table = extract_table(name, sheet, None if chosen is None else int(chosen) - 1)
        if table is None or table.n_records == 0:
            without.append(sheet.name)
            continue
        roles = detect_roles(table.data, known_wijken)
        for col in roles:
            if col.strip().lower() in forced:
                roles[col] = Role.OPEN
        detected = dict(roles)
        for col, value in chosen_roles.get(sheet.name, {}).items():
            if col in roles:
                try:
                    roles[col] = Role(value)
                except ValueError:
                    pass
        sheets.append(SheetResult(table, roles, detected))
    if not sheets:
        raise EmptyFileError(
            "geen tabel met gegevens gevonden (alleen een kopregel, tekst of lege bladen). "
            "Controleer of de kolomnamen en de antwoorden in het bestand staan.",
            filename=name,
        )
    return Survey(name, sheets, without, raw.encoding, raw.separator)


def answer_mask(values: pd.Series) -> "np.ndarray":
    """Per value: a real answer (a letter or digit, and not a placeholder such as 'nvt' or '-'); pyarrow regex,
    no Python per answer."""
    text = values.astype("string[pyarrow]").str.strip()
    has_word = text.str.contains(r"[\pL\pN]", regex=True).fillna(False)  # a letter or digit in any script (RE2)
    placeholder = text.str.fullmatch(r"(?i)(n\.?v\.?t\.?|nvt|n/a|na|-+|\.+|x)").fillna(False)
    return (has_word & ~placeholder).to_numpy(dtype=bool)


def open_answers(surveys: list[Survey]) -> list[str]:
    """The distinct open answers of the surveys, as ``collect`` will list them (first seen first): the themes can be
    worked out before the answers are linked to a wijk."""
    import pyarrow as pa
    import pyarrow.compute as pc

    seen: dict[str, None] = {}
    for survey in surveys:
        for sheet in survey.sheets:
            for question in sheet.columns_with(Role.OPEN):
                values = sheet.table.data[question]
                keep = sheet.answers_in(question)
                if isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow":
                    # in pyarrow, without a round trip through Python objects (unique keeps first-seen order)
                    arr = pa.chunked_array(values.array.__arrow_array__())
                    seen.update(dict.fromkeys(pc.unique(arr.filter(pa.array(keep))).to_pylist()))
                else:
                    seen.update(dict.fromkeys(pd.unique(values.to_numpy()[keep])))
    return list(seen)


def _own_names(table) -> "pd.Series | str":
    """Per record, the respondent's own name and e-mail columns joined (``""`` when the table has none)."""
    name_cols = [c for c in table.columns if NAME_HEADERS.match(c.strip())]
    if not name_cols:
        return ""
    own = table.data[name_cols[0]].astype(str)
    for col in name_cols[1:]:
        own = own.str.cat(table.data[col].astype(str), sep=" ")
    return own.str.strip().reset_index(drop=True)


def answer_names(surveys: list[Survey]) -> list[str]:
    """The own names (``respondent_name``) of every record with an open answer, as ``collect`` will give them:
    masking needs them, and can then start before the answers are linked."""
    out: list[str] = []
    for survey in surveys:
        for sheet in survey.sheets:
            own = _own_names(sheet.table)
            if isinstance(own, str):
                continue
            keep = np.zeros(len(own), dtype=bool)
            for question in sheet.columns_with(Role.OPEN):
                keep |= sheet.answers_in(question)
            out.extend(pd.unique(own.to_numpy()[keep]).tolist())
    return list(dict.fromkeys(out))


def records_of(survey: Survey, sheet: SheetResult, gazetteer: Linker | None) -> pd.DataFrame:
    """One row per record of a sheet with respondent, raw ward/postcode, age and the wijk link."""
    table = sheet.table
    n = table.n_records
    wijk_col = next(iter(sheet.columns_with(Role.WIJK)), None)
    pc_col = next(iter(sheet.columns_with(Role.POSTCODE)), None)
    age_col = next(iter(sheet.columns_with(Role.AGE)), None)
    id_col = next(iter(sheet.columns_with(Role.RESPONDENT)), None)
    wijk_values = table.data[wijk_col] if wijk_col else None
    pc_values = table.data[pc_col] if pc_col else None
    if gazetteer is not None:
        links = gazetteer.link_records(wijk_values, pc_values, n)
    else:
        links = pd.DataFrame({"wijkcode": [""] * n, "method": [""] * n, "confidence": [0.0] * n, "reason": ["geen gebieden geladen"] * n})
    if age_col:
        ages_raw = table.data[age_col]
        uniques = {v: parse_age(v) for v in pd.unique(ages_raw)}
        ages = ages_raw.map(uniques).astype(float)
    else:
        ages = pd.Series(np.nan, index=range(n))
    names = gazetteer.names if gazetteer else {}
    own_names = _own_names(table)
    return pd.DataFrame(
        {
            "source": survey.name,
            "sheet": table.sheet,
            "row": table.rows,
            "respondent": _values(table.data[id_col]) if id_col else [f"{table.sheet or 'r'}{r}" for r in table.rows],
            "wijk_raw": _values(wijk_values) if wijk_values is not None else "",
            "postcode_raw": _values(pc_values) if pc_values is not None else "",
            "age": ages.to_numpy(),
            "wijkcode": _values(links["wijkcode"]),
            "wijknaam": _values(links["wijkcode"].map({"": "", **names}).fillna("")),
            "method": _values(links["method"]),
            "confidence": links["confidence"].to_numpy(),
            "reason": _values(links["reason"]),
            "respondent_name": own_names if isinstance(own_names, str) else _values(own_names),
        }
    )


def _values(series: pd.Series):
    """A column's values for a new frame without its index: text stays in pyarrow (no round trip through Python
    objects, which costs more than the rest of linking)."""
    return series.array if isinstance(series.dtype, pd.StringDtype) else series.to_numpy()


def collect(surveys: list[Survey], gazetteer: Linker | None, progress: Progress | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Link every record and melt open questions: returns ``(records, answers)``.

    ``answers`` has one row per non-empty open answer with the columns of
    ``ANSWER_COLUMNS``; ``records`` one row per data row of every table.
    """
    record_parts = []
    answer_parts = []
    total = max(1, sum(len(s.sheets) for s in surveys))
    done = 0
    for survey in surveys:
        for sheet in survey.sheets:
            recs = records_of(survey, sheet, gazetteer)
            recs["source_id"] = survey.source_id if survey.source_id is not None else -1
            recs["source_key"] = survey.source_key or survey.name
            recs["trajectory"] = survey.trajectory
            recs["trajectory_type"] = survey.trajectory_type
            recs["trajectory_date"] = survey.trajectory_date
            record_parts.append(recs)
            for question in sheet.columns_with(Role.OPEN):
                values = sheet.table.data[question]
                keep = sheet.answers_in(question)
                if not keep.any():
                    continue
                part = recs.loc[keep].copy()
                part["question"] = question
                part["answer"] = values.to_numpy()[keep]
                answer_parts.append(part)
            done += 1
            if progress:
                progress(done / total, f"{survey.name} {sheet.table.sheet}".strip())
    records = pd.concat(record_parts, ignore_index=True) if record_parts else pd.DataFrame(columns=[c for c in ANSWER_COLUMNS if c not in ("question", "answer")])
    answers = pd.concat(answer_parts, ignore_index=True) if answer_parts else pd.DataFrame(columns=ANSWER_COLUMNS)
    if not answers.empty:
        answers["answer_key"] = (
            answers["source_key"].astype(str) + "|" + answers["sheet"].astype(str) + "|"
            + answers["row"].astype(str) + "|" + answers["question"].astype(str)
        )
    answers = answers.reindex(columns=ANSWER_COLUMNS)
    return records, answers


def unlinked_values(records: pd.DataFrame) -> pd.DataFrame:
    """Unlinked ward names and postcodes grouped by what one decision fixes, with counts and reason.

    Names are grouped by their normalised form ("Centrum" and "centrum"), postcodes
    by PC4 (one choice covers every PC6 in it). Columns: soort, sleutel (the key an
    alias is stored under), waarde (the spellings seen), aantal, reden.
    """
    from lib.core.codes import parse_postcode
    from lib.core.names import normalise_name

    columns = ["kind", "key", "value", "count", "reason"]
    if records.empty:
        return pd.DataFrame(columns=columns)
    failed = records[records["wijkcode"] == ""]
    rows = []
    names = failed[failed["wijk_raw"].astype(str).str.strip() != ""]
    postcodes = failed[(failed["wijk_raw"].astype(str).str.strip() == "") & (failed["postcode_raw"].astype(str).str.strip() != "")]
    for kind, part, col, keyfn in (
        ("naam", names, "wijk_raw", normalise_name),
        ("postcode", postcodes, "postcode_raw", lambda v: parse_postcode(v)[0] or str(v).strip()),
    ):
        if part.empty:
            continue
        raw = part[col].astype(str).str.strip()
        uniq = {v: keyfn(v) for v in raw.unique()}
        keys = raw.map(uniq)
        for key, grp in part.groupby(keys.to_numpy()):
            spellings = list(dict.fromkeys(grp[col].astype(str).str.strip()))
            if kind == "postcode":
                shown = key if len(spellings) == 1 and spellings[0] == key else f"{key} (alle postcodes {key} …)"
            else:
                shown = " / ".join(spellings[:3]) + (" …" if len(spellings) > 3 else "")
            rows.append({"kind": kind, "key": key, "value": shown, "count": len(grp), "reason": grp["reason"].iloc[0]})
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["count", "value"], ascending=[False, True]).reset_index(drop=True)

def column_examples(values: pd.Series, n: int = 3, width: int = 60, names=None, *, postcodes: bool = False) -> str:
    """A few distinct non-empty values of a column, masked (also ``names``: a ``NameList``) and shortened,
    joined by ' | '. ``postcodes``: a postcode column, where every full postcode (PC6) is masked, also one typed
    as ``4206 ef`` (in free text that could be a year and a word, so ``mask_text`` leaves it)."""
    from lib.core.codes import parse_postcode
    from lib.core.privacy import mask_text

    seen: list[str] = []
    for value in values:
        value = " ".join(str(value).split())
        if value and value not in seen:
            seen.append(value)
        if len(seen) >= n:
            break
    # mask before shortening: a cut name or address escapes the patterns
    masked = ["[postcode]" if postcodes and parse_postcode(v)[1] else mask_text(v, names) for v in seen]
    return " | ".join(v if len(v) <= width else v[: width - 1] + "…" for v in masked)


def role_table(sheet: SheetResult) -> pd.DataFrame:
    """Editable overview of a sheet's columns: Kolom, Rol (Dutch label), Automatisch, Voorbeelden.

    Columns to ignore (metadata such as Naam or E-mail) and name/e-mail columns never show examples;
    the other examples are masked, with the sheet's own names and e-mail addresses masked too.
    """
    from lib.core.privacy import NameList

    name_cols = [c for c in sheet.roles if NAME_HEADERS.match(c.strip())]
    names = NameList(pd.unique(pd.concat([sheet.table.data[c] for c in name_cols]))) if name_cols else None
    examples = [
        "" if r == Role.IGNORE or c in name_cols
        else column_examples(sheet.table.data[c], names=names, postcodes=r == Role.POSTCODE)
        for c, r in sheet.roles.items()
    ]
    return pd.DataFrame(
        {
            "Kolom": list(sheet.roles),
            "Rol": [r.label for r in sheet.roles.values()],
            "Automatisch": [sheet.detected.get(c, r).label for c, r in sheet.roles.items()],
            "Voorbeelden": examples,
        }
    )


def role_overrides(sheet: SheetResult, labels: dict[str, str]) -> dict[str, str]:
    """User choices that differ from detection, as ``{column: role value}`` for storage."""
    by_label = {r.label: r for r in Role}
    out = {}
    for col, label in labels.items():
        role = by_label.get(label)
        if role is not None and col in sheet.detected and role != sheet.detected[col]:
            out[col] = role.value
    return out


def default_trajectory_name(filename: str) -> str:
    """A readable first guess for a trajectory name from a file name."""
    stem = re.sub(r"\.[^.]+$", "", filename)
    stem = re.sub(r"[_\-]+", " ", stem).strip()
    return stem[:1].upper() + stem[1:]


def link_review(records: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Values linked by approximation (fuzzy name or PC4 majority), to check: waarde, wijk, zekerheid, aantal."""
    if records.empty:
        return pd.DataFrame(columns=["kind", "value", "wijkcode", "wijk", "method", "confidence", "count"])
    from lib.core.codes import parse_postcode

    part = records[records["method"].isin(["fuzzy", "pc4"])]
    pc4 = part["postcode_raw"].astype(str).map(lambda v: parse_postcode(v)[0] or v.strip())
    value = part["wijk_raw"].astype(str).str.strip().where(part["method"] == "fuzzy", pc4)
    rows = []
    for (method, value, code), grp in part.groupby([part["method"], value, part["wijkcode"]]):
        rows.append(
            {
                "kind": "postcode" if method == "pc4" else "naam",
                "value": value,
                "wijkcode": code,
                "wijk": names.get(code, code),
                "method": method,
                "confidence": float(grp["confidence"].iloc[0]),
                "count": len(grp),
            }
        )
    out = pd.DataFrame(rows, columns=["kind", "value", "wijkcode", "wijk", "method", "confidence", "count"])
    return out.sort_values(["confidence", "count"], ascending=[True, False]).reset_index(drop=True)


def link_methods(records: pd.DataFrame) -> pd.DataFrame:
    """How records were linked: methode (Dutch label) and aantal."""
    from lib.core.names import METHOD_LABELS

    counts = records["method"].fillna("").map(lambda m: METHOD_LABELS.get(m, m)).value_counts()
    return pd.DataFrame({"Manier van koppelen": counts.index, "Respondenten": counts.to_numpy()})
