"""The report model: numbers already made into Dutch text, and the underlying tables as numbers.

Writers (Word, PDF, Excel) only lay this out; they never compute or decide what may be shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass
class TextTable:
    """A table for Word and PDF: header and rows as text; ``numeric`` marks right-aligned columns."""

    title: str
    header: list[str]
    rows: list[list[str]]
    widths: list[float]
    """Relative column widths."""
    numeric: list[bool] = field(default_factory=list)
    caption: str = ""


@dataclass
class RecItem:
    kind: str
    title: str
    text: str
    reasons: list[str]
    mark: str = ""


@dataclass
class WijkSection:
    name: str
    intro: str
    figures: TextTable | None
    themes: TextTable | None
    quotes: list[tuple[str, list[str]]]
    heard: list[str]
    heard_table: TextTable | None
    mix_text: str
    mix_table: TextTable | None
    recommendations: list[RecItem]
    note: str = ""
    chart: str | None = None
    """Key of the wijk's chart in ``Report.charts``."""
    short: bool = False
    """A wijk without enough input: only who was (not) heard and how to involve residents."""


@dataclass
class Report:
    title: str
    gemeente: str
    made_on: str
    trajectories: list[str]
    period: str
    summary: list[tuple[str, str]]
    """(finding, evidence)."""
    overview: TextTable
    sections: list[WijkSection]
    closing: list[tuple[str, list[str]]]
    """(heading, paragraphs): sources and years, method, privacy."""
    charts: dict[str, bytes] = field(default_factory=dict)
    overview_charts: list[str] = field(default_factory=list)
    """Keys in ``charts`` shown after the overview table (reach per wijk, themes per wijk)."""
    sheets: dict[str, pd.DataFrame] = field(default_factory=dict)
    """Excel: sheet name -> table of real numbers."""
    threshold: int = 5
