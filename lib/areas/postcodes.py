"""Postcode tables: PC4 (with shares per wijk) or PC6 -> wijk."""

from __future__ import annotations

import pandas as pd

from lib.areas.areacodes import normalise_area_code as normalise_code
from lib.core.codes import parse_postcode
from lib.core.errors import AreasError
from lib.reading.readers import read_file
from lib.reading.tables import extract_table


def read_postcode_table(name: str, data: bytes) -> tuple[dict[str, list[tuple[str, float]]], dict[str, str]]:
    """Read a postcode table into ``(pc4 -> [(wijkcode, share)], pc6 -> wijkcode)``.

    Accepts a PC4 or PC6 column, a wijk (or buurt) code column, and optionally a
    share column (``aandeel``) or address counts (``adressen``) to weigh PC4s.
    """
    raw = read_file(name, data)
    table = extract_table(name, raw.sheets[0])
    if table is None:
        raise AreasError("geen tabel gevonden in de postcodetabel.", filename=name)
    df = table.data
    pc_col = next((c for c in df.columns if "pc" in c.lower() or "postcode" in c.lower()), None)
    code_col = next(
        (c for c in df.columns if c != pc_col and df[c].map(lambda v: (normalise_code(v) or "")[:2] in {"WK", "BU"}).mean() > 0.8),
        None,
    )
    if pc_col is None or code_col is None:
        raise AreasError(
            "de postcodetabel heeft een kolom met postcodes (pc4 of pc6) en een kolom met wijkcodes nodig.", filename=name
        )
    codes = df[code_col].map(normalise_code).map(lambda c: "WK" + c[2:8] if c and c.startswith("BU") else c)
    parsed = df[pc_col].map(parse_postcode)
    share_col = next((c for c in df.columns if "aandeel_van_pc" in c.lower() or c.lower() in {"aandeel", "share"}), None)
    count_col = next((c for c in df.columns if "adres" in c.lower() or c.lower() in {"aantal", "count"}), None)
    weights = (
        pd.to_numeric(df[share_col].str.replace(",", "."), errors="coerce")
        if share_col
        else pd.to_numeric(df[count_col], errors="coerce")
        if count_col
        else pd.Series(1.0, index=df.index)
    )
    frame = pd.DataFrame({"pc4": parsed.map(lambda p: p[0]), "pc6": parsed.map(lambda p: p[1]), "wijk": codes, "w": weights})
    frame = frame.dropna(subset=["pc4", "wijk"])
    pc6 = {r.pc6: r.wijk for r in frame.itertuples() if r.pc6}
    pc4: dict[str, list[tuple[str, float]]] = {}
    grouped = frame.groupby(["pc4", "wijk"])["w"].sum().reset_index()
    for key, part in grouped.groupby("pc4"):
        total = 1.0 if share_col else part["w"].sum()
        if total <= 0:
            continue
        shares = sorted(((w, float(s) / total) for w, s in zip(part["wijk"], part["w"])), key=lambda x: -x[1])
        pc4[str(key)] = shares
    return pc4, pc6
