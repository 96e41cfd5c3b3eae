"""Load a gemeente's areas and open data: CBS KWB tables, clean CSV/XLSX, GeoJSON.

Every file becomes rows of a long indicator table (area code, indicator,
year, value, source); the wijken list is the union of the files' wijk codes.
StatLine quirks are handled here: ``;`` and comma decimals, ``.``/empty/-99995
for secret values, space-padded codes and names, R-mangled headers, codes
without prefix or leading zero, transposed "topics as rows" exports.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from lib.areas.areacodes import normalise_area_code as normalise_code
from lib.core.codes import code_level, gemeente_of, wijk_of_buurt
from lib.areas.dictionary import DERIVED_SHARES, FIGURE, lookup, slug, unit_kind, variables
from lib.areas.geo import read_geojson
from lib.core.errors import AreasError, WijkbeeldError
from lib.reading.readers import read_file
from lib.reading.tables import Table, extract_table

_MISSING = {"", ".", "x", "?", "-", "na", "nan", "none", "null", "-99995", "-99997", "-99999", "-99998"}
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-4]\d)(?!\d)")
_CODE_HEADER = re.compile(r"codering|regiocode|wijkcode|buurtcode|gwb_code|gemeentecode|\bcode\b|statcode", re.I)
_NAME_HEADER = re.compile(r"wijken.?en.?buurten|wijknaam|buurtnaam|regio(naam)?$|^naam|statnaam|gwb_naam", re.I)
_TEXT_HEADER = re.compile(r"soort.regio|gemeentenaam|indelingswijziging|postcode|dekkingspercentage|meest.voorkomende", re.I)
CBS_CREDIT = "Bron: CBS"


@dataclass(frozen=True)
class IndicatorInfo:
    """Label and unit of an indicator key; ``kind`` is ``cijfer`` for a figure, ``code``/``naam`` otherwise."""

    key: str
    label: str
    unit: str
    kind: str = FIGURE


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
    notes: list[str] = field(default_factory=list)
    """Dutch sentences about where the areas come from (e.g. the bundled national PC4 table), shown as information."""

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


def indicator_dictionary() -> tuple[dict[str, IndicatorInfo], dict[str, str]]:
    """Known indicators (key -> info) and alias slug -> key (from ``lib/areas/dictionary``)."""
    infos = {k: IndicatorInfo(v.key, v.label, v.unit, v.kind) for k, v in variables().items()}
    aliases = {slug(k): k for k in infos}
    return infos, aliases


def _split_header(raw: str) -> tuple[str, str]:
    """``"Aantal inwoners (aantal)"`` -> label, unit; R's ``"Bevolking.Aantal.inwoners..aantal."`` too."""
    m = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", raw)  # StatLine: "Aantal inwoners (aantal)"
    if m:
        return m.group(1), m.group(2)
    if ".." in raw:  # R-mangled: "Bevolking.Aantal.inwoners..aantal."
        head, _, tail = raw.partition("..")
        return head.replace(".", " "), tail.strip(".").replace(".", " ")
    return raw, ""


def describe_column(header: str) -> IndicatorInfo:
    """Indicator key, Dutch label, unit and kind of a column header from any KWB flavour.

    KWB short names (``a_1p_hh``), OData keys (``Eenpersoonshuishoudens_30``),
    StatLine labels with units and R-mangled headers all resolve through the
    one dictionary (``lib/data/indicatoren.csv``); an unknown header keeps a
    readable label and the unit stated in the file.
    """
    raw = str(header).strip()
    label, unit = _split_header(raw)
    segments = [p.strip() for p in re.split(r"[/|]", label) if p.strip()]  # "Bevolking/Geslacht/Mannen"
    label = label.replace("/", " ").strip()
    words = re.sub(r"\s*Waarde$", "", label.split("|")[-1]).split()
    candidates = [label, label.split("|")[-1], " ".join(words)]
    candidates += [" ".join(segments[i:]) for i in range(1, len(segments))]
    candidates += [" ".join(words[i:]) for i in range(1, len(words))]  # "Bevolking Aantal inwoners" -> "Aantal inwoners"
    var = lookup(raw, unit, candidates)
    if var is not None:
        if unit and var.unit and var.is_figure and (unit_kind(unit) == "%") != (unit_kind(var.unit) == "%"):
            # the file says % where the dictionary only has a count (or the other way): a different indicator
            suffix = "pct" if unit_kind(unit) == "%" else (slug(unit).replace("%", "pct") or "x")
            return IndicatorInfo(f"{var.key}_{suffix}", f"{var.label} ({unit})", unit)
        return IndicatorInfo(var.key, var.label, var.unit or unit, var.kind)
    pretty = re.sub(r"_\d+$", "", label)
    pretty = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", pretty).replace("_", " ").strip()
    pretty = pretty[:1].upper() + pretty[1:]
    return IndicatorInfo(slug(label) or slug(raw), pretty, unit)


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


def _parse_numbers(frame: pd.DataFrame, columns: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Numbers of the text cells of ``columns`` (rows x columns, NaN where missing or not a number), and which
    cells hold a value rather than a missing marker; all columns in one pass (per-column pandas calls cost about a
    millisecond each, and a KWB file has a hundred columns)."""
    shape = (len(frame), len(columns))
    if not columns or not len(frame):
        return np.full(shape, np.nan), np.zeros(shape, dtype=bool)
    flat = pd.Series(frame[columns].to_numpy(dtype=object).ravel(order="F"), dtype="str")
    cleaned = flat.str.strip().str.replace("\u00a0", "", regex=False)
    missing = cleaned.str.lower().isin(_MISSING).to_numpy(dtype=bool)
    comma = cleaned.str.contains(",", regex=False)
    cleaned = cleaned.where(~comma, cleaned.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    numbers = pd.to_numeric(cleaned.where(~missing, None), errors="coerce").to_numpy(dtype=float, na_value=np.nan).copy()
    numbers[np.isin(numbers, [-99995, -99997, -99998, -99999])] = np.nan
    return numbers.reshape(shape, order="F"), ~missing.reshape(shape, order="F")


def _code_column(table: Table) -> tuple[str, pd.Series] | None:
    best: tuple[float, str, pd.Series] | None = None
    for col in table.columns:
        values = table.data[col]
        head = list(itertools.islice((v for v in values.tolist() if v.strip()), 20))  # first filled cells, cheaply
        if not head:
            continue
        level = None
        low = col.lower()
        if "wijk" in low and "code" in low:
            level = "WK"
        elif "buurt" in low and "code" in low:
            level = "BU"
        elif "gemeente" in low and "code" in low:
            level = "GM"
        probe = [normalise_code(v, level=level) if level or not v.strip().isdigit() else None for v in head]
        if not _CODE_HEADER.search(col) and sum(c is None for c in probe) / len(probe) > 0.2:
            continue  # cheap test on a few values before looking at the whole column
        nonempty = values[values.str.strip() != ""]
        codes = nonempty.map(lambda v: normalise_code(v, level=level) if level or not str(v).strip().isdigit() else None)
        if not _CODE_HEADER.search(col) and codes.isna().mean() > 0.2:
            continue
        prefixed = 0.5
        if codes.isna().all() and _CODE_HEADER.search(col) and nonempty.str.strip().str.fullmatch(r"\d{3,8}").mean() > 0.9:
            codes = nonempty.map(normalise_code)
            prefixed = 0.0  # gwb_code_8 "051201" loses to gwb_code_10 "WK051201" in the same file
        share = codes.notna().mean()
        if share < 0.8:
            continue
        specificity = codes.dropna().str[:2].map({"GM": 0, "WK": 1, "BU": 2}).mean() + codes.nunique() / len(codes)
        score = share + specificity + prefixed
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
    frame = frame[frame["_code"].notna() & (frame["_code"] != "GM0000")]  # "0000" is Nederland in gwb_code_8
    year = _file_year(name, table.columns) or default_year
    year_col = next((c for c in table.columns if c.strip().lower() in {"perioden", "jaar", "year", "peiljaar"}), None)
    if year_col is not None:
        years = frame[year_col].str.extract(r"((?:19|20)\d\d)")[0].astype(float)
        frame["_jaar"] = years.fillna(year if year else np.nan)
    else:
        frame["_jaar"] = float(year) if year else np.nan
    described = {c: describe_column(c) for c in table.columns if c.strip()}
    name_col = _name_column(table.columns, code_col, frame, described)
    names: dict[str, str] = {}
    gem_names: dict[str, str] = {}
    if name_col is not None:
        for code, nm in zip(frame["_code"], frame[name_col]):
            if nm.strip():
                names[code] = " ".join(nm.split())
    gem_col = next(
        (
            c
            for c in table.columns
            if c != name_col and (described.get(c) and described[c].key == "gm_naam" or re.search(r"gemeentenaam|gm_naam", c.lower().replace(".", "")))
        ),
        None,
    )
    if gem_col is not None:
        for code, nm in zip(frame["_code"], frame[gem_col]):
            if nm.strip():
                gem_names[gemeente_of(code)] = " ".join(nm.split())
    skip = {code_col, name_col, year_col, gem_col, "_code", "_jaar"}
    source = _source_label(name, table.columns, year, described)
    candidates = [
        col
        for col in table.columns
        if col not in skip and col.strip() and described[col].kind == FIGURE
        and not (_TEXT_HEADER.search(col) or _CODE_HEADER.search(col) and "code" in col.lower())
        # region names, flags (ind_wbi), codes (gwb_code_8, postcode) and years are never figures
        and described[col].key not in {"jaar", "cr_jaar", "zk_jaar", "bbg_peiljaar"}
        and not _is_row_index(col, frame[col])
    ]
    numbers, present = _parse_numbers(frame, candidates)
    found = ~np.isnan(numbers)
    with np.errstate(invalid="ignore", divide="ignore"):
        unreadable = (present & ~found).sum(axis=0) / present.sum(axis=0)  # NaN where nothing is present
    usable = np.flatnonzero(found.any(axis=0) & ~(unreadable > 0.2))  # a figure column: at most 20% unreadable
    if not len(usable):
        indicators = _empty_indicators()
    else:
        infos = [described[candidates[j]] for j in usable]
        rows = len(frame)
        indicators = pd.DataFrame(
            {
                "area_code": np.tile(frame["_code"].to_numpy(dtype=object), len(usable)),
                "indicator": np.repeat([i.key for i in infos], rows),
                "label": np.repeat([i.label for i in infos], rows),
                "unit": np.repeat([i.unit for i in infos], rows),
                "year": np.tile(frame["_jaar"].to_numpy(dtype=float), len(usable)),
                "value": numbers[:, usable].ravel(order="F"),
                "source": source,
            }
        )
        indicators["level"] = indicators["area_code"].map(code_level)
        indicators = indicators.drop_duplicates(["area_code", "indicator", "year"], keep="first")
        indicators = add_derived_shares(indicators)
    return AreaTable(name, indicators, names, gem_names)


KWB_TABLES = {
    "86165NED": 2025, "85984NED": 2024, "85618NED": 2023, "85318NED": 2022, "85039NED": 2021, "84799NED": 2020,
    "84583NED": 2019, "84286NED": 2018, "83765NED": 2017, "83487NED": 2016,
}
"""StatLine table ids of the Kerncijfers wijken en buurten and their year."""
KWB_TITLE = "Kerncijfers wijken en buurten"


def _file_year(name: str, columns: list[str]) -> int | None:
    table_id = re.search(r"\d{5}NED", name.upper())
    if table_id and table_id.group(0) in KWB_TABLES:
        return KWB_TABLES[table_id.group(0)]
    found = _YEAR.findall(name)
    return int(found[-1]) if found else None


def _is_kwb(name: str, described: dict[str, IndicatorInfo]) -> bool:
    """A Kerncijfers wijken en buurten file: its name says so, or its headers are KWB short names or OData keys."""
    low = name.lower()
    table_id = re.search(r"\d{5}NED", name.upper())
    if table_id:
        return table_id.group(0) in KWB_TABLES
    if "kwb" in low or "kerncijfers" in low:
        return True
    kwb_like = [c for c in described if re.fullmatch(r"(a|p|g|m)_[a-z0-9_]+|[A-Za-z]+_\d+", c.strip()) and lookup(c)]
    return len(kwb_like) >= 3


def _source_label(name: str, columns: list[str], year: int | None, described: dict[str, IndicatorInfo]) -> str:
    """``"Bron: CBS, Kerncijfers wijken en buurten 2024 (kwb-2024.xlsx)"``; other CBS files: ``"name (Bron: CBS)"``."""
    if _is_kwb(name, described):
        return f"{CBS_CREDIT}, {KWB_TITLE}{f' {year}' if year else ''} ({name})"
    return f"{name} ({CBS_CREDIT})" if _looks_cbs(columns, name) else name


def _name_column(columns: list[str], code_col: str, frame: pd.DataFrame, described: dict[str, IndicatorInfo]) -> str | None:
    """The column with the region's own name (``WijkenEnBuurten``, ``regio``, ``Wijken en buurten``, ``wijknaam``), never the gemeente's."""
    def holds_names(col: str) -> bool:
        values = frame[col].str.strip()
        values = values[values != ""].head(50)
        if values.empty:
            return False
        codes = values.map(lambda v: normalise_code(v) if not v.isdigit() else None)
        return bool(codes.isna().mean() > 0.5)

    regio = [c for c in columns if c != code_col and c in described and described[c].key == "regio"]
    fallback = [c for c in columns if c != code_col and c not in regio and _NAME_HEADER.search(c.strip())]
    return next((c for c in regio + fallback if holds_names(c)), None)


def add_derived_shares(indicators: pd.DataFrame) -> pd.DataFrame:
    """Shares computed from counts where a table has the counts but not the share (``DERIVED_SHARES``).

    E.g. ``pct_eenpersoonshhd = eenpersoonshuishoudens / huishoudens x 100``
    for the KWB download, which gives ``a_1p_hh`` and ``a_hh`` as counts.
    """
    present = set(indicators["indicator"])
    infos = variables()
    parts = []
    for share, count, total in DERIVED_SHARES:
        if share in present or count not in present or total not in present:
            continue
        num = indicators[indicators["indicator"] == count].set_index(["area_code", "year"])
        den = indicators[indicators["indicator"] == total].set_index(["area_code", "year"])["value"]
        den = den[~den.index.duplicated()]
        joined = num.join(den.rename("_den"), how="inner")
        value = (joined["value"] / joined["_den"].where(joined["_den"] > 0)) * 100
        out = joined.reset_index()[["area_code", "year", "level", "source"]]
        out["value"] = value.to_numpy()
        out["indicator"] = share
        out["label"] = infos[share].label
        out["unit"] = "%"
        parts.append(out[indicators.columns])
    if not parts:
        return indicators
    return pd.concat([indicators, *parts], ignore_index=True)


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
