"""The report's underlying tables as Excel: one sheet per table, real numbers, no live formulas."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from lib.report.model import Report

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SHARE_COLUMNS = ("Aandeel", "Bereik t.o.v. gemeente", "Negatief van toon")


def safe_text(value) -> str:
    """Text that Excel will not run as a formula."""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cell_value(value):
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, (bool,)):
        return "ja" if value else "nee"
    if isinstance(value, (int, float)):
        return value
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return safe_text(value)


def write_xlsx(report: Report) -> bytes:
    """Workbook bytes: a cover sheet ('Over dit bestand') and one sheet per table."""
    wb = Workbook()
    cover = wb.active
    cover.title = "Over dit bestand"
    lines = [report.title, f"Gemeente {report.gemeente}", f"Gemaakt op {report.made_on}",
             f"Trajecten: {', '.join(report.trajectories)}", f"Periode: {report.period}", "",
             f"Aantallen onder de {report.threshold} zijn leeg gelaten (zie de kolom Opmerking). Aandelen zijn getallen "
             "tussen 0 en 1, opgemaakt als percentage. Cijfers: Bron: CBS."]
    for i, line in enumerate(lines, 1):
        cover.cell(row=i, column=1, value=safe_text(line)).font = Font(bold=i == 1, size=13 if i == 1 else 11)
    cover.column_dimensions["A"].width = 110
    head_fill = PatternFill("solid", fgColor="0B3D6E")
    for name, frame in report.sheets.items():
        ws = wb.create_sheet(name[:31])
        for j, col in enumerate(frame.columns, 1):
            c = ws.cell(row=1, column=j, value=safe_text(col))
            c.font, c.fill = Font(bold=True, color="FFFFFF"), head_fill
            c.alignment = Alignment(wrap_text=True, vertical="top")
        shares = [j for j, col in enumerate(frame.columns, 1) if any(col.startswith(s) for s in SHARE_COLUMNS)]
        decimals = [j for j, col in enumerate(frame.columns, 1) if "per 1.000" in col.lower() or col == "Representativiteit"]
        for i, row in enumerate(frame.itertuples(index=False), 2):
            for j, value in enumerate(row, 1):
                cell = ws.cell(row=i, column=j, value=_cell_value(value))
                if j in shares:
                    cell.number_format = "0.0%"
                elif j in decimals:
                    cell.number_format = "0.00" if frame.columns[j - 1] == "Representativiteit" else "0.0"
                if isinstance(cell.value, str) and ("\n" in cell.value or len(cell.value) > 60):
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        for j, col in enumerate(frame.columns, 1):
            longest = max([len(str(col))] + [min(60, len(str(v))) for v in frame.iloc[:200, j - 1]])
            ws.column_dimensions[get_column_letter(j)].width = min(62, max(10, longest + 2))
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
