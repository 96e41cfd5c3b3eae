"""Safe exports: CSV (UTF-8) and XLSX with formula injection neutralised."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Prefix ``'`` to text cells that Excel would run as a formula (``=HYPERLINK(...)``)."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col].dtype):
            values = out[col].astype("object")
            mask = values.map(lambda v: isinstance(v, str) and v.startswith(_FORMULA_START))
            if mask.any():
                out[col] = values.where(~mask, "'" + values.astype(str))
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
    """Write a table to ``.csv`` (UTF-8) or ``.xlsx`` depending on the suffix."""
    fmt = "xlsx" if path.suffix.lower() == ".xlsx" else "csv"
    data = table_bytes(df, fmt)
    if fmt == "csv":
        data = data.removeprefix(b"\xef\xbb\xbf")
    path.write_bytes(data)
