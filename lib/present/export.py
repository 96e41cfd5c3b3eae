"""Safe exports: CSV (UTF-8) and XLSX with formula injection neutralised."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _neutral(value: object) -> object:
    return "'" + value if isinstance(value, str) and value.startswith(_FORMULA_START) else value


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Prefix ``'`` to text cells that Excel would run as a formula (``=HYPERLINK(...)``)."""
    out = df.copy()
    out.columns = [_neutral(c) for c in out.columns]  # header cells too: an area named "=HYPERLINK(...)"
    for col in out.columns:
        series = out[col]
        if isinstance(series, pd.DataFrame):  # duplicate header names
            continue
        if not (series.dtype == object or pd.api.types.is_string_dtype(series.dtype)):
            continue
        text = series.astype("string[pyarrow]")
        mask = text.str.match(r"[=+\-@\t\r]").fillna(False).to_numpy(dtype=bool)
        if mask.any():
            values = series.astype(object).to_numpy(copy=True)
            values[mask] = ["'" + str(v) for v in values[mask]]
            out[col] = values
    return out


def table_bytes(df: pd.DataFrame, fmt: str, sheet_name: str = "Antwoorden") -> bytes:
    """Serialise a table as ``csv`` (UTF-8 with BOM for Excel) or ``xlsx``."""
    safe = neutralise_formulas(df)
    if fmt == "csv":
        return safe.to_csv(index=False).encode("utf-8-sig")
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        safe.to_excel(writer, index=False, sheet_name=sheet_name[:31])
    return buffer.getvalue()


def write_table(df: pd.DataFrame, path: Path) -> None:
    """Write a table to ``.csv`` (UTF-8, written by pyarrow's C++ writer) or ``.xlsx`` depending on the suffix."""
    if path.suffix.lower() == ".xlsx":
        path.write_bytes(table_bytes(df, "xlsx"))
        return
    import pyarrow as pa
    import pyarrow.csv as pacsv

    safe = neutralise_formulas(df)
    columns = {}
    for col in safe.columns:
        series = safe[col]
        if series.dtype == object or pd.api.types.is_string_dtype(series.dtype):
            columns[str(col)] = pa.array(series.astype("string[pyarrow]").array, type=pa.string())
        else:
            columns[str(col)] = pa.array(series.to_numpy())
    pacsv.write_csv(pa.table(columns), str(path), pacsv.WriteOptions(quoting_style="needed"))


def dutch_csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV for Dutch Excel: ``;`` between fields, decimal comma, UTF-8 with BOM; formulas neutralised."""
    return neutralise_formulas(df).to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")


def download_bytes(df: pd.DataFrame, fmt: str, sheet_name: str = "Antwoorden") -> bytes:
    """What the app's download buttons give: ``xlsx``, or ``csv`` written for Dutch Excel."""
    return dutch_csv_bytes(df) if fmt == "csv" else table_bytes(df, "xlsx", sheet_name)
