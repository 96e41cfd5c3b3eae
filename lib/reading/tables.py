"""Find the header row in a raw sheet and cut out the table below it.

Hand-kept workbooks put a title block above the header, leave blank lines and
merge cells; exports from Forms or LimeSurvey start at row 1. Both end up as a
``Table`` whose records remember their Excel row numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lib.reading.readers import WIDE_COLUMNS, RawSheet, cell_text

HEADER_SCAN_ROWS = 40
_NUMBER = re.compile(r"^[-+]?\d+([.,]\d+)?%?$")


@dataclass
class Table:
    """A sheet's table: ``data`` has one column per header cell, all text."""

    source: str
    sheet: str
    header_row: int
    """1-based Excel row number of the header."""
    columns: list[str]
    data: pd.DataFrame
    rows: np.ndarray
    """1-based Excel row number of each record in ``data``."""

    @property
    def n_records(self) -> int:
        """Number of data rows."""
        return len(self.data)


def _is_label(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, (int, float)) or hasattr(value, "isoformat"):
        return False
    text = str(value).strip()
    return bool(text) and not _NUMBER.match(text)


def _filled(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, float) and value != value:
        return False
    return bool(str(value).strip())


def _cellwise(func, cells: np.ndarray) -> np.ndarray:
    """``func`` over every cell of a 2-D object array, as a bool array of the same shape."""
    return np.fromiter(map(func, cells.ravel()), dtype=bool, count=cells.size).reshape(cells.shape)


def detect_header_row(sheet: RawSheet) -> int | None:
    """0-based grid row that holds the table's header, or None when the sheet has no table.

    The header is the first row with at least two text cells covering at least
    half of the widest row of the first rows, followed by a row with data. A text
    file (CSV) may hold a single column: then one text cell with data below will do.
    """
    head = sheet.grid.head(HEADER_SCAN_ROWS)
    if head.empty:
        return None
    cells = head.to_numpy(dtype=object)  # one block, not one pandas call per column (wide sheets)
    filled = _cellwise(_filled, cells)
    labels = _cellwise(_is_label, cells)
    counts = filled.sum(axis=1)
    widest = int(counts.max()) if len(counts) else 0
    least = 1 if sheet.text_table and widest == 1 else 2  # prose in one column of a workbook sheet is no table
    if widest < least:
        return None
    n_rows = len(sheet.grid)
    for i in range(len(head)):
        n_filled = int(counts[i])
        n_labels = int(labels[i].sum())
        if n_filled < least or n_filled < widest * 0.5:
            continue
        if n_labels < max(least, 0.8 * n_filled):
            continue
        values = [str(v).strip().lower() for v, f in zip(cells[i], filled[i]) if f]
        if len(set(values)) < 0.8 * len(values):
            continue
        # a header needs at least one data row with a cell below one of its columns
        header_cols = np.flatnonzero(filled[i])
        below = sheet.grid.iloc[i + 1 : i + 60].to_numpy(dtype=object)[:, header_cols]
        if below.size == 0 or not _cellwise(_filled, below).any():
            continue
        if i + 1 >= n_rows:
            continue
        return i
    return None


def unique_headers(cells: list[str]) -> list[str]:
    """Make header names unique and non-empty (``Kolom C``, ``Naam (2)``)."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for idx, cell in enumerate(cells):
        name = " ".join(cell.split()) or f"Kolom {column_letter(idx)}"
        key = name.lower()
        if key in seen:
            seen[key] += 1
            name = f"{name} ({seen[key]})"
        else:
            seen[key] = 1
        out.append(name)
    return out


def column_letter(idx: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (Excel column letters)."""
    letters = ""
    idx += 1
    while idx:
        idx, rem = divmod(idx - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _fill_vertical_merges(grid: pd.DataFrame, merged: list[tuple[int, int, int, int]], start: int) -> pd.DataFrame:
    """Copy the value of vertically merged data cells into every row of the range."""
    todo = [m for m in merged if m[0] > start and m[2] > m[0]]
    if not todo:
        return grid
    grid = grid.copy()
    for r0, c0, r1, c1 in todo:
        if r0 >= len(grid) or c0 >= grid.shape[1]:
            continue
        value = grid.iat[r0, c0]
        for c in range(c0, min(c1, grid.shape[1] - 1) + 1):
            for r in range(r0, min(r1, len(grid) - 1) + 1):
                if not _filled(grid.iat[r, c]):
                    grid.iat[r, c] = value if c == c0 else grid.iat[r0, c]
    return grid


def extract_table(source: str, sheet: RawSheet, header_row: int | None = None) -> Table | None:
    """Cut the table out of a sheet (header detected unless given, 0-based).

    Returns None when the sheet holds no table. Empty rows are dropped, every
    cell becomes text, vertically merged cells are filled down.
    """
    if header_row is None:
        header_row = detect_header_row(sheet)
        if header_row is None:
            return None
    grid = sheet.grid
    if header_row >= len(grid):
        return None
    grid = _fill_vertical_merges(grid, sheet.merged, header_row)
    header_cells = [cell_text(v).strip() for v in grid.iloc[header_row].tolist()]
    body = grid.iloc[header_row + 1 :]
    # keep columns with a header or with data
    text, filled = _to_text(body)
    has_data = filled.any(axis=0)
    keep = [idx for idx, head in enumerate(header_cells) if head or has_data[idx]]
    if not keep:
        return None
    if len(keep) < text.shape[1]:
        text = text.iloc[:, keep]
        filled = filled[:, keep]
    names = unique_headers([header_cells[i] for i in keep])
    text.columns = names
    nonempty = filled.any(axis=1)
    text = text.loc[nonempty].reset_index(drop=True)
    rows = (np.arange(header_row + 1, len(grid)) + 1)[nonempty]
    return Table(source, sheet.name, header_row + 1, names, text, rows)




def _to_text(body: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """Every cell as stripped text (None/NaN become empty strings), and which cells are filled."""
    if body.shape[1] >= WIDE_COLUMNS:
        # one pass over the block: per-column pandas calls cost about a millisecond each
        cells = body.to_numpy(dtype=object)
        flat = [v.strip() if isinstance(v, str) else cell_text(v).strip() for v in cells.ravel()]
        block = np.array(flat, dtype=object).reshape(cells.shape)
        frame = pd.DataFrame({pos: block[:, pos] for pos in range(block.shape[1])}, dtype="str")
        return frame, block != ""
    out = {}
    for pos in range(body.shape[1]):
        col = body.iloc[:, pos]
        if pd.api.types.is_string_dtype(col.dtype) and col.dtype != object:
            out[pos] = col.fillna("").str.strip()
            continue
        values = col.to_numpy(dtype=object)
        if all(isinstance(v, str) for v in values[:200]) and _all_str(values):
            out[pos] = pd.Series(values, dtype="str").str.strip()
        else:
            out[pos] = pd.Series([cell_text(v) for v in values], dtype="str").str.strip()
    frame = pd.DataFrame(out)
    if frame.empty:
        return frame, np.zeros(frame.shape, dtype=bool)
    filled = np.column_stack([(frame[pos] != "").to_numpy(dtype=bool) for pos in frame.columns])
    return frame, filled


def _all_str(values: np.ndarray) -> bool:
    return all(isinstance(v, str) for v in values)


def tables_from_sheets(source: str, sheets: list[RawSheet], header_rows: dict[str, int] | None = None) -> tuple[list[Table], list[str]]:
    """Tables of every sheet that holds one, plus names of sheets without a table.

    ``header_rows`` maps sheet name -> 1-based Excel header row chosen by the user.
    """
    tables: list[Table] = []
    without: list[str] = []
    for sheet in sheets:
        chosen = (header_rows or {}).get(sheet.name)
        table = extract_table(source, sheet, None if chosen is None else chosen - 1)
        if table is None or table.n_records == 0:
            without.append(sheet.name)
        else:
            tables.append(table)
    return tables, without
