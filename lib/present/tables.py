"""Numeric aggregates from ``lib.wijken`` as the Dutch screen table and as the download table.

One spec per aggregate says for each column its Dutch header and what kind of number it holds.
``screen`` writes every cell as Dutch text (``12.345``, ``12,5%``, ``<5``, ``–``); ``download``
keeps real numbers for Excel and CSV: a count hidden by the small-number rule is ``<5`` (the
only text), shares become percentages (``12.5`` under a header ending in ``(%)``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from lib.core.settings import DEFAULT_THRESHOLD
from lib.core.suppression import SECONDARY, hidden_text
from lib.present import text


@dataclass(frozen=True)
class Column:
    """One column of a table: the data key, its Dutch header and kind.

    Kinds: ``text``, ``count`` (Int64 after the small-number rule), ``share`` (fraction), ``number``
    (a figure; ``decimals`` None = as it comes), ``int``, ``date`` (ISO), ``bool`` (ja/nee), ``reason``.
    """

    key: str
    header: str
    kind: str = "text"
    decimals: int | None = None
    note: str | None = None
    """For a count: the column with reason codes; ``complementary`` there writes a hidden count as
    ``verborgen`` (hidden to protect another small number, not itself below the threshold)."""


def _cell(value, column: Column, threshold: int) -> str:
    kind = column.kind
    if kind == "count":
        return text.count(value, threshold)
    if kind == "share":
        return text.percent(value, 1 if column.decimals is None else column.decimals)
    if kind in ("number", "int"):
        return text.format_number(value, 0 if kind == "int" else column.decimals)
    if kind == "date":
        return text.dutch_date(value)
    if kind == "bool":
        return "ja" if bool(value) else "nee"
    if kind == "reason":
        return text.reason(value, threshold)
    return "" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)


def _secondary(frame: pd.DataFrame, column: Column) -> list[bool]:
    """Per row: True where the count is hidden by complementary suppression (its note says so)."""
    if column.kind != "count" or not column.note or column.note not in frame.columns:
        return [False] * len(frame)
    return [SECONDARY in str(code).split(";") for code in frame[column.note]]


def screen(frame: pd.DataFrame, columns: list[Column], threshold: int = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """The table as Dutch text, with Dutch headers, in the spec's order."""
    out = {}
    for c in columns:
        secondary = _secondary(frame, c)
        out[c.header] = [text.SECONDARY_TEXT if s and text._missing(v) else _cell(v, c, threshold)
                         for v, s in zip(frame[c.key], secondary)]
    return pd.DataFrame(out, index=range(len(frame)))


def _download_column(values: pd.Series, column: Column, threshold: int) -> pd.Series:
    kind = column.kind
    if kind == "count":
        out = values.astype(object).where(values.notna(), hidden_text(threshold))
        return out.map(lambda v: v if isinstance(v, str) else int(v))
    if kind == "share":
        return (values.astype(float) * 100).round(1 if column.decimals is None else column.decimals)
    if kind == "number":
        numbers = values.astype(float)
        whole = numbers.dropna()
        if len(whole) and (whole == whole.round()).all() and column.decimals in (None, 0):
            return numbers.round().astype("Int64")
        return numbers if column.decimals is None else numbers.round(column.decimals)
    if kind == "int":
        return values.astype("Int64")
    if kind == "date":
        return values.map(text.dutch_date)
    if kind == "bool":
        return values.map(lambda v: "ja" if bool(v) else "nee")
    if kind == "reason":
        return values.map(lambda v: text.reason(v, threshold))
    return values.astype(object).where(values.notna(), "")


def download(frame: pd.DataFrame, columns: list[Column], threshold: int = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """The table for Excel/CSV: real numbers, ``<5`` for a hidden count, shares as percentages ``(%)``."""
    out = {}
    for c in columns:
        header = f"{c.header} (%)" if c.kind == "share" and not c.header.endswith("(%)") else c.header
        values = _download_column(frame[c.key].reset_index(drop=True), c, threshold)
        secondary = _secondary(frame, c)
        if any(secondary):
            values = values.astype(object).where(~pd.Series(secondary) | frame[c.key].reset_index(drop=True).notna(),
                                                 text.SECONDARY_TEXT)
        out[header] = values
    return pd.DataFrame(out)


# ------------------------------------------------------------------------------------------- specs

SOURCES = [
    Column("trajectory", "Traject"), Column("kind", "Soort"), Column("date", "Datum", "date"),
    Column("respondents", "Respondenten", "count", note="respondents_reason"), Column("open_questions", "Open vragen", "int"),
    Column("answers", "Antwoorden", "count", note="answers_reason"), Column("linked_share", "Gekoppeld", "share", 0), Column("file", "Bestand"),
]
COVERAGE = [
    Column("wijknaam", "Wijk"), Column("wijkcode", "Code"), Column("inhabitants", "Inwoners", "number", 0),
    Column("respondents", "Respondenten", "count", note="respondents_reason"),
    Column("answers", "Antwoorden", "count", note="answers_reason"),
    Column("per_1000", "Per 1.000 inwoners", "number", 1),
]
WIJKEN = [
    Column("wijkcode", "Code"), Column("wijknaam", "Wijk"), Column("inhabitants", "Inwoners", "number", 0),
    Column("tiny", "Klein gebied", "bool"), Column("on_map", "Op de kaart", "bool"),
]
THEME_SHARES = [
    Column("theme", "Thema"), Column("answers", "Antwoorden", "count", note="answers_reason"),
    Column("wijk_share", "Aandeel wijk", "share"), Column("gemeente_share", "Aandeel gemeente", "share"),
    Column("negative", "Waarvan negatief", "share", 0), Column("positive", "Waarvan positief", "share", 0),
]
REACH = [
    Column("source", "Bron"), Column("respondents", "Respondenten", "count", note="reason"),
    Column("per_1000", "Per 1.000 inwoners", "number", 1),
]
AGES = [
    Column("age_band", "Leeftijd"), Column("respondents", "Respondenten", "count", note="reason"),
    Column("respondent_share", "Aandeel respondenten", "share", 0), Column("population_share", "Aandeel inwoners", "share", 0),
    Column("reason", "Toelichting", "reason"),
]

KEY_FIGURES = [
    Column("label", "Indicator"), Column("unit", "Eenheid"), Column("wijk_value", "Wijk", "number"),
    Column("gemeente_value", "Gemeente", "number"), Column("rank", "Rang (1 = hoogste)", "int"),
    Column("rank_of", "Van wijken", "int"), Column("low", "Laagste wijk", "number"), Column("high", "Hoogste wijk", "number"),
    Column("year", "Jaar", "int"), Column("source", "Bron"), Column("reason", "Opmerking", "reason"),
]
"""The download of ``key_figures`` (the screen uses ``key_figures_table``: value with unit, ``3 van 12``)."""
MATRIX = [
    Column("wijknaam", "Wijk"), Column("wijkcode", "Code"), Column("theme", "Thema"),
    Column("answers", "Antwoorden", "count", note="answers_reason"),
    Column("wijk_answers", "Antwoorden uit de wijk", "count", note="wijk_answers_reason"),
    Column("share", "Aandeel", "share"), Column("reason", "Toelichting", "reason"),
]


def sources_table(overview: pd.DataFrame, threshold: int = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """The start page's source table (an unnamed trajectory says so)."""
    named = overview.assign(trajectory=[t or "(naam nog invullen)" for t in overview["trajectory"]])
    return screen(named, SOURCES, threshold)


def wijken_table(wijken: pd.DataFrame) -> pd.DataFrame:
    """``wijken.profile.wijk_table`` on screen; the two yes/no columns stay ticks."""
    out = screen(wijken, [c for c in WIJKEN if c.kind != "bool"])
    out["Klein gebied"] = wijken["tiny"].to_numpy(dtype=bool)
    out["Op de kaart"] = wijken["on_map"].to_numpy(dtype=bool)
    return out


def catalogue_table(catalogue: pd.DataFrame) -> pd.DataFrame:
    """The indicator catalogue: years as ``2022, 2024``, the gemeente's latest value with its year."""
    gemeente = [
        "" if v != v else f"{text.value_with_unit(v, u)} ({'?' if y is pd.NA else int(y)})"
        for v, u, y in zip(catalogue["gemeente_value"], catalogue["unit"], catalogue["gemeente_year"])
    ]
    return pd.DataFrame({
        "Indicator": catalogue["label"].to_numpy(),
        "Eenheid": catalogue["unit"].to_numpy(),
        "Jaren": [", ".join(map(str, y)) or "onbekend" for y in catalogue["years"]],
        "Wijken met waarde": [text.format_number(n, 0) for n in catalogue["wijken"]],
        "Gemeente (laatste jaar)": gemeente,
        "Bron": catalogue["source"].to_numpy(),
    })


def _note(reason: str, gemeente_year) -> str:
    parts = [text.reason(reason)] if reason else []
    if gemeente_year is not pd.NA and gemeente_year == gemeente_year:
        parts.append(f"gemeente: cijfer van {int(gemeente_year)}")
    return "; ".join(parts)


def _year(year) -> str:
    return text.UNKNOWN if year is pd.NA or year != year else str(int(year))


def key_figures_table(figures: pd.DataFrame) -> pd.DataFrame:
    """The wijk's own figures: value and gemeente with unit, rank ``3 van 12``, spread, year, source."""
    v = text.value_with_unit
    return pd.DataFrame({
        "Indicator": figures["label"].to_numpy(),
        "Eenheid": figures["unit"].to_numpy(),
        "Wijk": [v(x, u) for x, u in zip(figures["wijk_value"], figures["unit"])],
        "Gemeente": [v(x, u) for x, u in zip(figures["gemeente_value"], figures["unit"])],
        "Rang (1 = hoogste)": [text.rank(r, n) for r, n in zip(figures["rank"], figures["rank_of"])],
        "Opmerking": [_note(r, y) for r, y in zip(figures["reason"], figures["gemeente_year"])],
        "Spreiding wijken": [f"{v(a, u)} – {v(b, u)}" if a == a else text.UNKNOWN
                             for a, b, u in zip(figures["low"], figures["high"], figures["unit"])],
        "Jaar": [_year(y) for y in figures["year"]],
        "Bron": figures["source"].to_numpy(),
    })


def gemeente_figures_table(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures only the gemeente has."""
    return pd.DataFrame({
        "Indicator": figures["label"].to_numpy(),
        "Gemeente": [text.value_with_unit(x, u) for x, u in zip(figures["gemeente_value"], figures["unit"])],
        "Eenheid": figures["unit"].to_numpy(),
        "Jaar": [_year(y) for y in figures["year"]],
        "Bron": figures["source"].to_numpy(),
    })


def figures_side_by_side(figures: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Wijk name -> ``key_figures``: one row per indicator ("label (unit)"), one column per wijk."""
    rows: dict[str, dict[str, str]] = {}
    for name, kf in figures.items():
        own = kf[kf["wijk_value"].notna()]
        for label, value, unit in zip(own["label"], own["wijk_value"], own["unit"]):
            rows.setdefault(f"{label} ({unit})" if unit else label, {})[name] = text.value_with_unit(value, unit)
    return pd.DataFrame(rows).T.reindex(columns=list(figures)).fillna(text.UNKNOWN)


def shares_side_by_side(shares: dict[str, pd.DataFrame], themes: list[str], threshold: int = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Wijk name -> ``theme_shares``: one row per theme, the wijk's share or ``verborgen (<5)``."""
    hidden = f"verborgen ({hidden_text(threshold)})"
    columns = {}
    for name, frame in shares.items():
        by_theme = frame.set_index("theme")["wijk_share"]
        columns[name] = [hidden if by_theme.get(t) != by_theme.get(t) else text.percent(by_theme.get(t)) for t in themes]
    return pd.DataFrame(columns, index=themes)


def comparison_columns(comparison, labels: dict[str, str]) -> list[Column]:
    """The spec of a ``wijken.profile.Comparison``; ``labels`` gives an indicator's Dutch label."""
    return [
        Column("wijknaam", "Wijk"), Column("wijkcode", "Code"), Column("inhabitants", "Inwoners", "number", 0),
        Column("respondents", "Respondenten", "count", note="respondents_reason"),
        Column("answers", "Antwoorden", "count", note="answers_reason"),
        *[Column(col, theme, "share") for col, theme in comparison.share_columns.items()],
        *[Column(col, labels.get(key, key), "number") for col, key in comparison.indicator_columns.items()],
    ]


# ------------------------------------------------------------------------------------------- sentences


def over_represented_text(shares: pd.DataFrame) -> str:
    """``Eenzaamheid (62,5% tegen 46,7%), …`` for the themes the rule marks (empty when none)."""
    over = shares[shares["over_represented"]]
    return ", ".join(f"{t} ({text.percent(a)} tegen {text.percent(g)})"
                     for t, a, g in zip(over["theme"], over["wijk_share"], over["gemeente_share"]))


def not_heard_text(ages: pd.DataFrame, threshold: int = DEFAULT_THRESHOLD) -> str:
    """``65+ jaar (10% van de respondenten, 25% van de inwoners), …`` for the age bands the rule marks; a
    band whose count is hidden reads ``minder dan 5 respondenten``."""
    missing = ages[ages["not_heard"]]
    resp = lambda r: (f"minder dan {threshold} respondenten" if r != r  # noqa: E731
                      else f"{text.percent(r, 0)} van de respondenten")
    return ", ".join(f"{b} jaar ({resp(r)}, {text.percent(p, 0)} van de inwoners)"
                     for b, r, p in zip(missing["age_band"], missing["respondent_share"], missing["population_share"]))


def numbers_note(threshold: int = DEFAULT_THRESHOLD) -> str:
    """The caption under tables with counts."""
    return (f"Aantallen onder de {threshold} staan als {hidden_text(threshold)} om herleidbaarheid te voorkomen; "
            f"aandelen die zo'n aantal zouden verraden zijn leeg. {secondary_note(threshold)} "
            "Dat geldt ook voor de downloads.")


def secondary_note(threshold: int = DEFAULT_THRESHOLD) -> str:
    """What ``verborgen`` means beside a count."""
    return (f"'{text.SECONDARY_TEXT}': dit aantal is zelf niet klein, maar anders is een aantal onder de {threshold} "
            "terug te rekenen uit het totaal.")

