"""Load a gemeente's areas and open data: CBS KWB tables, clean CSV/XLSX, GeoJSON.

Every file becomes rows of a long indicator table (area code, indicator,
year, value, source); the wijken list is the union of the files' wijk codes.
StatLine quirks are handled here: ``;`` and comma decimals, ``.``/empty/-99995
for secret values, space-padded codes and names, R-mangled headers, codes
without prefix or leading zero, transposed "topics as rows" exports.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from lib.core.codes import code_level, gemeente_of, normalise_code, wijk_of_buurt
from lib.areas.geo import read_geojson
from lib.core.errors import AreasError, WijkbeeldError
from lib.reading.readers import read_file
from lib.reading.tables import Table, extract_table

_MISSING = {"", ".", "x", "?", "-", "na", "nan", "none", "null", "-99995", "-99997", "-99999", "-99998"}
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-4]\d)(?!\d)")
_CODE_HEADER = re.compile(r"codering|regiocode|wijkcode|buurtcode|gwb_code|gemeentecode|\bcode\b|statcode", re.I)
_NAME_HEADER = re.compile(r"wijken.en.buurten|wijknaam|buurtnaam|regio(naam)?$|^naam|gemeentenaam|statnaam", re.I)
_TEXT_HEADER = re.compile(r"soort.regio|gemeentenaam|indelingswijziging|postcode|dekkingspercentage|meest.voorkomende", re.I)
CBS_CREDIT = "Bron: CBS"


@dataclass(frozen=True)
class IndicatorInfo:
    """Label and unit of an indicator key."""

    key: str
    label: str
    unit: str


@dataclass
class Areas:
    """A gemeente's wijken (and buurten) with every indicator loaded, per year and source."""

    gemeentecode: str
    gemeentenaam: str
    wijken: pd.DataFrame
    """Columns wijkcode, wijknaam, inwoners (latest year, NaN when unknown)."""
    indicators: pd.DataFrame
    """Long table: area_code, level, indicator, label, unit, year, value, source."""
    buurten: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["buurtcode", "buurtnaam", "wijkcode"]))
    geojson: dict | None = None
    warnings: list[str] = field(default_factory=list)
    gemeenten: dict[str, str] = field(default_factory=dict)
    """All gemeenten found in the files (code -> name), to choose from."""

    def wijk_names(self) -> dict[str, str]:
        """wijkcode -> display name."""
        return dict(zip(self.wijken["wijkcode"], self.wijken["wijknaam"]))

    def latest(self) -> pd.DataFrame:
        """Per area and indicator the value of the latest year that has one (computed once)."""
        cached = self.__dict__.get("_latest")
        if cached is not None and cached[0] is self.indicators:
            return cached[1]
        data = self.indicators.dropna(subset=["value"])
        if not data.empty:
            data = data.sort_values(["year", "source"], na_position="first")
            data = data.drop_duplicates(["area_code", "indicator"], keep="last").reset_index(drop=True)
        self.__dict__["_latest"] = (self.indicators, data)
        return data


@dataclass
class AreaTable:
    """One file's contribution: long indicator rows plus the names of its areas."""

    source: str
    indicators: pd.DataFrame
    names: dict[str, str]
    gemeente_names: dict[str, str]


@lru_cache(maxsize=1)
def indicator_dictionary() -> tuple[dict[str, IndicatorInfo], dict[str, str]]:
    """Known indicators (key -> info) and alias -> key, from ``lib/data/indicatoren.csv``."""
    infos: dict[str, IndicatorInfo] = {}
    aliases: dict[str, str] = {}
    text = resources.files("lib").joinpath("data/indicatoren.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(text.splitlines()):
        infos[row["key"]] = IndicatorInfo(row["key"], row["label"], row["eenheid"])
        aliases[_slug(row["key"])] = row["key"]
        aliases[_slug(row["label"])] = row["key"]
        for alias in filter(None, (row.get("aliassen") or "").split("|")):
            aliases[_slug(alias)] = row["key"]
    return infos, aliases


def _slug(text: str) -> str:
    text = re.sub(r"_\d+$", "", text.strip())  # StatLine key suffix: AantalInwoners_5
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", "_", text)  # CamelCase
    return re.sub(r"[^a-z0-9%]+", "_", text.lower()).strip("_")


def describe_column(header: str) -> IndicatorInfo:
    """Indicator key, Dutch label and unit of a column header from any KWB flavour."""
    infos, aliases = indicator_dictionary()
    raw = header.strip()
    unit = ""
    label = raw
    m = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", raw)  # StatLine: "Aantal inwoners (aantal)"
    if m:
        label, unit = m.group(1), m.group(2)
    elif ".." in raw:  # R-mangled: "Bevolking.Aantal.inwoners..aantal."
        head, _, tail = raw.partition("..")
        label, unit = head.replace(".", " "), tail.strip(".").replace(".", " ")
    label = label.replace("/", " ").strip()
    words = re.sub(r"\s*Waarde$", "", label.split("|")[-1]).split()
    candidates = [raw, label, label.split("|")[-1], " ".join(words)]
    candidates += [" ".join(words[i:]) for i in range(1, max(1, len(words) - 1))]  # "Bevolking Aantal inwoners" -> "Aantal inwoners"
    for candidate in candidates:
        key = aliases.get(_slug(candidate))
        if key:
            info = infos[key]
            if unit and info.unit and (_unit_kind(unit) == "%") != (_unit_kind(info.unit) == "%"):
                # the file says % where the dictionary has a count (or the other way): a different indicator
                suffix = "pct" if _unit_kind(unit) == "%" else (_slug(unit).replace("%", "pct") or "x")
                return IndicatorInfo(f"{key}_{suffix}", f"{info.label} ({unit})", unit)
            return IndicatorInfo(key, info.label, info.unit or unit)
    pretty = re.sub(r"_\d+$", "", label)
    pretty = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", pretty).replace("_", " ").strip()
    pretty = pretty[:1].upper() + pretty[1:]
    return IndicatorInfo(_slug(label) or _slug(raw), pretty, unit)


def _unit_kind(unit: str) -> str:
    u = unit.strip().lower()
    if u in {"%", "procent", "percentage"}:
        return "%"
    if u in {"aantal", "getal", "count"}:
        return "aantal"
    return u


def parse_number(value: object) -> float:
    """Number from a KWB cell: ``"  10,2"`` -> 10.2; ``"."``/``-99995``/empty -> NaN."""
    if value is None:
        return math.nan
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        return math.nan if number in (-99995.0, -99997.0, -99998.0, -99999.0) else number
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    if text.lower() in _MISSING:
        return math.nan
    if "," in text:
        text = text.replace(".", "").replace(",", ".") if text.count(",") == 1 else text.replace(",", "")
    try:
        number = float(text)
    except ValueError:
        return math.nan
    return math.nan if number in (-99995.0, -99997.0, -99998.0, -99999.0) else number


def _parse_numbers(col: pd.Series) -> pd.Series:
    cleaned = col.astype(str).str.strip().str.replace("\u00a0", "", regex=False)
    missing = cleaned.str.lower().isin(_MISSING)
    comma = cleaned.str.contains(",", regex=False)
    cleaned = cleaned.where(~comma, cleaned.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    numbers = pd.to_numeric(cleaned.where(~missing, None), errors="coerce")
    return numbers.mask(numbers.isin([-99995, -99997, -99998, -99999]))


def _code_column(table: Table) -> tuple[str, pd.Series] | None:
    best: tuple[float, str, pd.Series] | None = None
    for col in table.columns:
        values = table.data[col]
        nonempty = values[values.str.strip() != ""]
        if nonempty.empty:
            continue
        level = None
        low = col.lower()
        if "wijk" in low and "code" in low:
            level = "WK"
        elif "buurt" in low and "code" in low:
            level = "BU"
        elif "gemeente" in low and "code" in low:
            level = "GM"
        probe = nonempty.head(20).map(lambda v: normalise_code(v, level=level) if level or not str(v).strip().isdigit() else None)
        if not _CODE_HEADER.search(col) and probe.isna().mean() > 0.2:
            continue  # cheap test on a few values before looking at the whole column
        codes = nonempty.map(lambda v: normalise_code(v, level=level) if level or not str(v).strip().isdigit() else None)
        if not _CODE_HEADER.search(col) and codes.isna().mean() > 0.2:
            continue
        if codes.isna().all() and _CODE_HEADER.search(col) and nonempty.str.strip().str.fullmatch(r"\d{3,8}").mean() > 0.9:
            codes = nonempty.map(normalise_code)
        share = codes.notna().mean()
        if share < 0.8:
            continue
        specificity = codes.dropna().str[:2].map({"GM": 0, "WK": 1, "BU": 2}).mean() + codes.nunique() / len(codes)
        score = share + specificity
        if best is None or score > best[0]:
            full = values.map(lambda v: normalise_code(v, level=level) if str(v).strip() else None)
            if codes.isna().all():
                continue
            best = (score, col, full)
    return None if best is None else (best[1], best[2])


def _transpose_if_needed(table: Table) -> Table:
    """StatLine's "topics as rows" layout: regions are columns; turn it around."""
    for idx in range(min(len(table.data), 30)):
        row = table.data.iloc[idx]
        codes = row.map(lambda v: normalise_code(v) if not str(v).strip().isdigit() else None)
        if codes.notna().sum() >= 2 and codes.notna().mean() >= 0.5:
            label_cols = [c for c, code in zip(table.columns, codes) if pd.isna(code)]
            topics = table.data[label_cols[0]].tolist() if label_cols else [f"rij {i}" for i in range(len(table.data))]
            units = table.data[label_cols[1]].tolist() if len(label_cols) > 1 else [""] * len(topics)
            headers = [f"{t} ({u})" if u and not pd.isna(u) else t for t, u in zip(topics, units)]
            body = table.data.drop(columns=label_cols).T
            body.columns = _dedupe(headers)
            body.insert(0, "Wijken en buurten", [c for c in table.columns if c not in label_cols])
            body = body.reset_index(drop=True)
            return Table(table.source, table.sheet, table.header_row, list(body.columns), body.astype(str), np.arange(len(body)))
    return table


def _dedupe(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for n in names:
        seen[n] = seen.get(n, 0) + 1
        out.append(n if seen[n] == 1 else f"{n} ({seen[n]})")
    return out


def read_area_table(name: str, data: bytes, *, default_year: int | None = None) -> AreaTable:
    """Read one KWB/open-data file (CSV or workbook) into long indicator rows.

    Raises ``AreasError`` when no column (or row) holds CBS area codes.
    """
    raw = read_file(name, data)
    sheet = raw.sheets[0]
    table = extract_table(name, sheet)
    if table is None:
        raise AreasError("geen tabel gevonden. Gebruik een CBS-export of een tabel met een kolom wijkcode.", filename=name)
    found = _code_column(table)
    if found is None:
        table = _transpose_if_needed(table)
        found = _code_column(table)
    if found is None:
        raise AreasError(
            "geen kolom met CBS-gebiedscodes (GM…/WK…/BU…) gevonden. Voeg een kolom 'wijkcode' toe "
            "met codes zoals WK051201.",
            filename=name,
        )
    code_col, codes = found
    frame = table.data.copy()
    frame["_code"] = codes.to_numpy()
    frame = frame[frame["_code"].notna()]
    file_year = _YEAR.findall(name)
    year = int(file_year[-1]) if file_year else default_year
    year_col = next((c for c in table.columns if c.strip().lower() in {"perioden", "jaar", "year", "peiljaar"}), None)
    if year_col is not None:
        years = frame[year_col].str.extract(r"((?:19|20)\d\d)")[0].astype(float)
        frame["_jaar"] = years.fillna(year if year else np.nan)
    else:
        frame["_jaar"] = float(year) if year else np.nan
    name_col = next((c for c in table.columns if c != code_col and _NAME_HEADER.search(c.strip())), None)
    names: dict[str, str] = {}
    gem_names: dict[str, str] = {}
    if name_col is not None:
        for code, nm in zip(frame["_code"], frame[name_col]):
            if nm.strip():
                names[code] = " ".join(nm.split())
    gem_col = next((c for c in table.columns if "gemeentenaam" in c.lower().replace(".", "")), None)
    if gem_col is not None and gem_col != name_col:
        for code, nm in zip(frame["_code"], frame[gem_col]):
            if nm.strip():
                gem_names[gemeente_of(code)] = " ".join(nm.split())
    long_parts = []
    skip = {code_col, name_col, year_col, gem_col, "_code", "_jaar"}
    source = f"{name} ({CBS_CREDIT})" if _looks_cbs(table.columns, name) else name
    for col in table.columns:
        if _is_row_index(col, frame[col]):
            continue
        if col in skip or not col.strip() or _TEXT_HEADER.search(col) or _CODE_HEADER.search(col) and "code" in col.lower():
            continue
        numbers = _parse_numbers(frame[col])
        present = frame[col].str.strip().str.lower().map(lambda v: v not in _MISSING)
        if numbers.notna().sum() == 0 or numbers[present].isna().mean() > 0.2:
            continue
        info = describe_column(col)
        if info.key in {"jaar", "cr_jaar", "zk_jaar", "bbg_peiljaar"}:
            continue
        long_parts.append(
            pd.DataFrame(
                {
                    "area_code": frame["_code"].to_numpy(),
                    "indicator": info.key,
                    "label": info.label,
                    "unit": info.unit,
                    "year": frame["_jaar"].to_numpy(),
                    "value": numbers.to_numpy(),
                    "source": source,
                }
            )
        )
    if not long_parts:
        indicators = _empty_indicators()
    else:
        indicators = pd.concat(long_parts, ignore_index=True)
        indicators["level"] = indicators["area_code"].map(code_level)
        indicators = indicators.drop_duplicates(["area_code", "indicator", "year"], keep="first")
    return AreaTable(name, indicators, names, gem_names)


def _is_row_index(header: str, values: pd.Series) -> bool:
    """R's ``write.csv`` row names: an unnamed column of increasing whole numbers."""
    if header.strip() and not re.fullmatch(r"Kolom [A-Z]+|Unnamed.*", header.strip()):
        return False
    numbers = pd.to_numeric(values, errors="coerce")
    return bool(
        numbers.notna().all() and len(numbers) > 1 and (numbers % 1 == 0).all() and (numbers.diff().dropna() > 0).all()
    )


def _looks_cbs(columns: list[str], name: str) -> bool:
    text = " ".join(columns).lower() + " " + name.lower()
    return any(k in text for k in ("perioden", "regioaanduiding", "codering", "wijken en buurten", "kwb", "cbs", "ned", "wijkcode", "gwb_code"))


def _empty_indicators() -> pd.DataFrame:
    return pd.DataFrame(columns=["area_code", "level", "indicator", "label", "unit", "year", "value", "source"])


def build_areas(
    tables: list[AreaTable], geojson: dict | None = None, *, gemeentecode: str | None = None
) -> Areas:
    """Combine area files (and optional wijk polygons) into one gemeente's ``Areas``.

    The gemeente is the one with most wijken unless ``gemeentecode`` is given;
    buurt rows are kept and their counts rolled up to wijken that lack a value.
    """
    if not tables and geojson is None:
        raise AreasError("er zijn nog geen gebieden geladen.")
    indicators = pd.concat([t.indicators for t in tables], ignore_index=True) if tables else _empty_indicators()
    names: dict[str, str] = {}
    gem_names: dict[str, str] = {}
    for t in tables:
        for code, nm in t.names.items():
            names.setdefault(code, nm)
        gem_names.update(t.gemeente_names)
    all_codes = set(indicators["area_code"]) | set(names)
    if geojson:
        for feat in geojson["features"]:
            all_codes.add(feat["properties"]["wijkcode"])
            names.setdefault(feat["properties"]["wijkcode"], feat["properties"]["wijknaam"])
    wijk_codes = sorted(c for c in all_codes if c.startswith("WK"))
    found_gm = sorted({gemeente_of(c) for c in all_codes})
    gemeenten = {g: re.sub(r"\s+", " ", gem_names.get(g) or names.get(g) or g).strip() for g in found_gm}
    if gemeentecode not in gemeenten:
        gemeentecode = None
    if gemeentecode is None:
        sub = [gemeente_of(c) for c in all_codes if c[:2] in {"WK", "BU"}]
        counts = pd.Series(sub or [c for c in all_codes if c.startswith("GM")]).value_counts()
        if counts.empty:
            raise AreasError("de bestanden bevatten geen wijken (codes WK…) of gemeente (GM…).")
        gemeentecode = str(counts.index[0])
    in_gem = lambda c: gemeente_of(c) == gemeentecode  # noqa: E731
    indicators = indicators[indicators["area_code"].map(in_gem)].reset_index(drop=True)
    buurt_codes = sorted(c for c in all_codes if c.startswith("BU") and in_gem(c))
    wijk_codes = [c for c in wijk_codes if in_gem(c)]
    for b in buurt_codes:
        if wijk_of_buurt(b) not in wijk_codes:
            wijk_codes.append(wijk_of_buurt(b))
    wijk_codes.sort()
    warnings: list[str] = []
    if buurt_codes:
        indicators = _roll_up_buurten(indicators, wijk_codes)
    gemeentenaam = gem_names.get(gemeentecode) or names.get(gemeentecode) or gemeentecode
    gemeentenaam = re.sub(r"\s+", " ", gemeentenaam).strip()
    latest_pop = (
        indicators[(indicators["indicator"] == "aantal_inwoners")]
        .dropna(subset=["value"])
        .sort_values("year", na_position="first")
        .drop_duplicates("area_code", keep="last")
        .set_index("area_code")["value"]
    )
    wijken = pd.DataFrame(
        {
            "wijkcode": wijk_codes,
            "wijknaam": [names.get(c, c) for c in wijk_codes],
            "inhabitants": [float(latest_pop.get(c, np.nan)) for c in wijk_codes],
        }
    )
    buurten = pd.DataFrame(
        {"buurtcode": buurt_codes, "buurtnaam": [names.get(c, c) for c in buurt_codes], "wijkcode": [wijk_of_buurt(c) for c in buurt_codes]}
    )
    if geojson:
        geojson = {
            "type": "FeatureCollection",
            "features": [f for f in geojson["features"] if in_gem(f["properties"]["wijkcode"])],
        }
        missing = set(wijk_codes) - {f["properties"]["wijkcode"] for f in geojson["features"]}
        if missing and geojson["features"]:
            warnings.append(f"{len(missing)} wijk(en) hebben geen vlak op de kaart: {', '.join(sorted(missing)[:5])}")
        if not geojson["features"]:
            warnings.append("de wijkgrenzen horen bij een andere gemeente en worden niet gebruikt")
            geojson = None
    return Areas(gemeentecode, gemeentenaam, wijken, indicators, buurten, geojson, warnings, gemeenten)


def _roll_up_buurten(indicators: pd.DataFrame, wijk_codes: list[str]) -> pd.DataFrame:
    """Sum buurt counts into their wijk where the wijk itself has no value for that indicator and year."""
    buurt = indicators[indicators["level"] == "buurt"].copy()
    counts = buurt[buurt["unit"].str.lower().isin(["aantal", ""])]
    if counts.empty:
        return indicators
    counts["area_code"] = counts["area_code"].map(wijk_of_buurt)
    summed = counts.groupby(["area_code", "indicator", "label", "unit", "year", "source"], dropna=False, as_index=False)[
        "value"
    ].sum(min_count=1)
    summed["level"] = "wijk"
    existing = set(zip(indicators["area_code"], indicators["indicator"], indicators["year"]))
    new = summed[[(g, i, j) not in existing for g, i, j in zip(summed["area_code"], summed["indicator"], summed["year"])]]
    if new.empty:
        return indicators
    new = new.assign(source=new["source"] + " (opgeteld uit buurten)")
    return pd.concat([indicators, new[indicators.columns]], ignore_index=True)


def load_areas(files: list[tuple[str, bytes]], *, gemeentecode: str | None = None) -> Areas:
    """Read area files (KWB CSV/XLSX and GeoJSON) and combine them; errors name the file."""
    tables: list[AreaTable] = []
    geo: dict | None = None
    for name, data in files:
        if name.lower().endswith((".geojson", ".json")):
            geo = read_geojson(name, data)
        else:
            tables.append(read_area_table(name, data))
    return build_areas(tables, geo, gemeentecode=gemeentecode)


__all__ = [
    "Areas",
    "AreaTable",
    "AreasError",
    "WijkbeeldError",
    "build_areas",
    "describe_column",
    "load_areas",
    "parse_number",
    "read_area_table",
    "read_geojson",
]


def indicator_catalogue(areas: Areas) -> pd.DataFrame:
    """One row per indicator: label, unit, years present, sources, wijken with a value, gemeente value (latest)."""
    ind = areas.indicators.dropna(subset=["value"])
    if ind.empty:
        return pd.DataFrame(columns=["Indicator", "Eenheid", "Jaren", "Wijken met waarde", "Gemeente (laatste jaar)", "Bron"])
    latest = areas.latest()
    gm = latest[latest["area_code"] == areas.gemeentecode].set_index("indicator")
    rows = []
    for key, part in ind.groupby("indicator", sort=False):
        years = sorted({int(j) for j in part["year"].dropna()})
        wijk_part = part[part["level"] == "wijk"]
        gm_row = gm.loc[key] if key in gm.index else None
        rows.append(
            {
                "Indicator": part["label"].iloc[0],
                "Eenheid": part["unit"].iloc[0],
                "Jaren": ", ".join(map(str, years)) or "onbekend",
                "Wijken met waarde": int(wijk_part["area_code"].nunique()),
                "Gemeente (laatste jaar)": None
                if gm_row is None
                else f"{format_number(gm_row['value'])} ({int(gm_row['year']) if gm_row['year'] == gm_row['year'] else '?'})",
                "Bron": "; ".join(sorted(set(part["source"]))),
            }
        )
    return pd.DataFrame(rows).sort_values("Indicator").reset_index(drop=True)


def format_number(value: float, decimals: int | None = None) -> str:
    """Dutch number format: ``12.345`` and ``12,5``."""
    if value is None or value != value:
        return "–"
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


SMALL_AREA_INHABITANTS = 500
"""Wijken with fewer inhabitants are marked as tiny: their rates are not ranked."""


def wijk_table(areas: Areas) -> pd.DataFrame:
    """Wijken with code, name, inhabitants (latest year) and a 'klein gebied' mark."""
    w = areas.wijken
    return pd.DataFrame(
        {
            "Code": w["wijkcode"],
            "Wijk": w["wijknaam"],
            "Inwoners": w["inhabitants"].map(format_number),
            "Klein gebied": w["inhabitants"].map(lambda v: bool(v == v and v < SMALL_AREA_INHABITANTS)),
            "Op de kaart": w["wijkcode"].isin(
                {f["properties"]["wijkcode"] for f in (areas.geojson or {}).get("features", [])}
            ),
        }
    )
