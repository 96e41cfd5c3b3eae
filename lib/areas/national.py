"""Every gemeente out of the box: the bundled CBS data for all 342 gemeenten and 3,393 wijken (2024).

``lib/data/nl/`` holds, gzipped: KWB 2024 per wijk, KWB 2024 (and some 2023)
figures per gemeente, generalized wijk boundaries per gemeente and PC4 x wijk
address counts (see ``lib/data/nl/README.md`` for sources and licences). Only
the chosen gemeente is turned into ``Areas``; the files are read once per
process and kept in memory (under 1 s for any gemeente, see
``benchmarks/bench_national.py``).
"""

from __future__ import annotations

import gzip
import io
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pandas as pd

from lib.areas.dictionary import variables
from lib.areas.figures import CBS_CREDIT, KWB_TITLE, AreaTable, Areas, build_areas
from lib.core.errors import AreasError

NL_DIR = Path(__file__).resolve().parent.parent / "data" / "nl"
SAMPLE_AREAS = Path(__file__).resolve().parents[2] / "sample_data" / "gebieden"
"""The Gorinchem sample's area files (the command line's default)."""
YEAR = 2024
BUNDLED = "meegeleverd met Wijkbeeld"
NATIONAL_AREAS_NOTE = (
    "Wijken, cijfers en kaart komen uit de meegeleverde CBS-gegevens (Kerncijfers wijken en buurten 2024). "
    "Upload hierboven uw eigen KWB-export om cijfers toe te voegen of te vervangen."
)
NATIONAL_PC4_NOTE = (
    "Postcodes worden gekoppeld met de meegeleverde landelijke PC4-tabel (CBS-adressen 2024 per wijk); "
    "laad een eigen PC6- of PC4-tabel voor nauwkeuriger koppelen."
)


def source_label(year: int) -> str:
    """``"Bron: CBS, Kerncijfers wijken en buurten 2024 (meegeleverd met Wijkbeeld)"``."""
    return f"{CBS_CREDIT}, {KWB_TITLE} {year} ({BUNDLED})"


def _read_gz(name: str, **kwargs) -> pd.DataFrame:
    data = gzip.decompress((NL_DIR / name).read_bytes())
    return pd.read_csv(io.BytesIO(data), **kwargs)


@lru_cache(maxsize=1)
def _wijken_all() -> pd.DataFrame:
    return _read_gz("kwb2024_wijken.csv.gz", dtype={"wijkcode": str, "wijknaam": str, "gemeentecode": str})


@lru_cache(maxsize=1)
def _gemeente_figures_all() -> pd.DataFrame:
    return _read_gz("kwb_gemeenten_2023_2024.csv.gz", dtype={"gemeentecode": str, "indicator": str})


@lru_cache(maxsize=1)
def _pc4_all() -> pd.DataFrame:
    return _read_gz("pc4_wijk_2024.csv.gz", dtype={"gemeentecode": str, "pc4": str, "wijkcode": str})


@lru_cache(maxsize=1)
def _boundaries_all() -> dict[str, list]:
    return json.loads(gzip.decompress((NL_DIR / "wijken_2024_generalized.json.gz").read_bytes()))


@lru_cache(maxsize=1)
def gemeenten() -> pd.DataFrame:
    """All 342 gemeenten (indeling 1 januari 2024): columns ``gemeentecode``, ``gemeentenaam``, sorted by name."""
    frame = _read_gz("gemeenten_2024.csv.gz", dtype=str)
    order = frame["gemeentenaam"].map(lambda n: _plain(re.sub(r"^'s-", "", n)))
    return frame.assign(_o=order).sort_values("_o").drop(columns="_o").reset_index(drop=True)


def gemeente_name(gemeentecode: str) -> str | None:
    """Name of a gemeente code (``GM0512`` -> ``Gorinchem``), None when unknown."""
    frame = gemeenten()
    hit = frame.loc[frame["gemeentecode"] == gemeentecode, "gemeentenaam"]
    return None if hit.empty else str(hit.iloc[0])


def _plain(text: str) -> str:
    """Lower case, no accents, no spaces or punctuation, word order kept: ``"Alphen aan den Rijn"`` -> ``"alphenaandenrijn"``."""
    if not text:
        return ""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "", ascii_text)


COMMON_NAMES = {"denhaag": "'s-Gravenhage", "denbosch": "'s-Hertogenbosch", "hertogenbosch": "'s-Hertogenbosch"}
"""Everyday names of gemeenten whose official name differs."""


def find_gemeente(text: str, limit: int = 10) -> list[tuple[str, str]]:
    """Gemeenten matching ``text`` best first: a code (``GM0512``, ``512``), a name, its beginning or a near spelling.

    ``"gor"`` -> Gorinchem, ``"Den Haag"`` -> 's-Gravenhage (``COMMON_NAMES``),
    ``"Amsterdm"`` -> Amsterdam (rapidfuzz, similarity >= 80).
    """
    from rapidfuzz import fuzz, process

    query = str(text or "").strip()
    if not query:
        return []
    frame = gemeenten()
    pairs = list(zip(frame["gemeentecode"], frame["gemeentenaam"]))
    code = re.fullmatch(r"(?:gm)?\s*0*(\d{1,4})", query, re.I)
    if code:
        wanted = f"GM{int(code.group(1)):04d}"
        return [(c, n) for c, n in pairs if c == wanted]
    q = _plain(COMMON_NAMES.get(_plain(query), query))
    plain = [_plain(n) for _, n in pairs]
    exact = [p for p, k in zip(pairs, plain) if k == q]
    starts = [p for p, k in zip(pairs, plain) if k.startswith(q) and p not in exact]
    contains = [p for p, k in zip(pairs, plain) if q in k and p not in exact and p not in starts] if len(q) >= 3 else []
    found = exact + starts + contains
    if len(q) >= 4 and len(found) < limit:
        for _match, score, idx in process.extract(q, plain, scorer=fuzz.ratio, limit=limit, score_cutoff=80):
            if pairs[idx] not in found:
                found.append(pairs[idx])
    return found[:limit]


def resolve_gemeente(text: str) -> str:
    """The one gemeente code meant by ``text``; ``AreasError`` (Dutch) when none or several fit."""
    hits = find_gemeente(text)
    q = _plain(text)
    exact = [c for c, n in hits if _plain(n) == q or c == str(text).strip().upper()]
    if len(exact) == 1:
        return exact[0]
    if len(hits) == 1:
        return hits[0][0]
    if not hits:
        raise AreasError(f"gemeente '{text}' is niet gevonden. Geef de naam of de code (zoals GM0512) van een gemeente.")
    options = ", ".join(f"{n} ({c})" for c, n in hits[:5])
    raise AreasError(f"'{text}' past bij meerdere gemeenten: {options}. Geef de volledige naam of de code.")


def _check(gemeentecode: str) -> str:
    code = str(gemeentecode or "").strip().upper()
    if gemeente_name(code) is None:
        raise AreasError(f"gemeente {gemeentecode} staat niet in de meegeleverde CBS-gegevens (indeling 2024).")
    return code


def national_tables(gemeentecode: str) -> list[AreaTable]:
    """The bundled figures of one gemeente as area tables (wijken 2024; gemeente 2024 and 2023)."""
    code = _check(gemeentecode)
    infos = variables()
    wijken = _wijken_all()
    part = wijken[wijken["gemeentecode"] == code]
    long = part.drop(columns=["wijknaam", "gemeentecode"]).melt("wijkcode", var_name="indicator").rename(columns={"wijkcode": "area_code"})
    long = long.assign(year=float(YEAR), level="wijk", source=source_label(YEAR))
    gem = _gemeente_figures_all()
    gpart = gem[gem["gemeentecode"] == code].rename(columns={"gemeentecode": "area_code"})
    gpart = gpart.assign(level="gemeente", source=gpart["year"].map(source_label), year=gpart["year"].astype(float))
    indicators = pd.concat([long, gpart], ignore_index=True)
    indicators["label"] = indicators["indicator"].map(lambda k: infos[k].label)
    indicators["unit"] = indicators["indicator"].map(lambda k: infos[k].unit)
    indicators = indicators[["area_code", "level", "indicator", "label", "unit", "year", "value", "source"]]
    names = dict(zip(part["wijkcode"], part["wijknaam"]))
    names[code] = gemeente_name(code)
    return [AreaTable(source_label(YEAR), indicators, names, {code: gemeente_name(code)})]


def national_geojson(gemeentecode: str) -> dict | None:
    """Generalized wijk boundaries of one gemeente (WGS84), None when the pack has none."""
    features = _boundaries_all().get(_check(gemeentecode))
    return {"type": "FeatureCollection", "features": features} if features else None


def national_areas(gemeentecode: str) -> Areas:
    """One gemeente's wijken with names, codes, figures, the gemeente's own figures and the wijk map."""
    code = _check(gemeentecode)
    return build_areas(national_tables(code), national_geojson(code), gemeentecode=code)


def national_pc4(gemeentecode: str) -> tuple[dict[str, list[tuple[str, float]]], dict[str, str]]:
    """PC4 -> [(wijkcode, share of all the PC4's addresses)] for the PC4s with addresses in the gemeente.

    Shares are of the PC4's addresses in the whole country, so a PC4 that
    crosses the gemeente border keeps its true (smaller) share and links only
    above the clear-majority rule. Same shape as ``read_postcode_table``: ``(pc4, pc6 = {})``.
    """
    code = _check(gemeentecode)
    pc4 = _pc4_all()
    part = pc4[pc4["gemeentecode"] == code]
    out: dict[str, list[tuple[str, float]]] = {}
    for key, rows in part.groupby("pc4", sort=False):
        shares = sorted(
            ((w, float(n) / float(t)) for w, n, t in zip(rows["wijkcode"], rows["n_adressen"], rows["pc4_totaal"]) if t > 0),
            key=lambda x: -x[1],
        )
        if shares:
            out[str(key)] = shares
    return out, {}


def area_codes_of(result) -> set[str]:
    """The CBS area codes a read area file holds: an ``AreaTable`` (figures and names) or a GeoJSON dict."""
    if isinstance(result, AreaTable):
        return set(result.indicators["area_code"]) | set(result.names)
    if isinstance(result, dict):
        return {str(f.get("properties", {}).get("wijkcode", "")) for f in result.get("features", [])} - {""}
    return set()


def foreign_gemeente(source: str, codes: set[str], gemeentecode: str | None) -> AreasError | None:
    """The error for an area file none of whose areas lies in the project's gemeente; None when it has one (or
    the project has no gemeente yet, or the file no codes)."""
    code = str(gemeentecode or "").strip().upper()
    if not code or not codes or any(c[2:6] == code[2:6] for c in codes):
        return None
    others = sorted({c[2:6] for c in codes})
    names = ", ".join(gemeente_name(f"GM{o}") or f"GM{o}" for o in others[:3]) + (", …" if len(others) > 3 else "")
    own = gemeente_name(code) or code
    return AreasError(
        f"dit bestand bevat cijfers van {names}, niet van {own} (de gemeente van dit project). "
        f"Gebruik een bestand met de wijken van {own}, of kies eerst een andere gemeente voor dit project.",
        filename=source,
    )


def with_national_data(
    tables: list[AreaTable], geo: dict | None, gemeentecode: str | None
) -> tuple[list[AreaTable], dict | None, list[str]]:
    """A project's uploaded area tables and boundaries, completed with the bundled data of its gemeente.

    The upload wins: a bundled figure is dropped where an uploaded file has the
    same area, indicator and year, uploaded names come first and uploaded
    boundaries replace the bundled map. An upload without any area of the
    project's gemeente is reported (Dutch) instead of mixed in. Returns
    ``(tables, geo, problems)``; unchanged when ``gemeentecode`` is not a bundled gemeente.
    """
    code = str(gemeentecode or "").strip().upper()
    if gemeente_name(code) is None:
        return tables, geo, []
    problems = [str(e) for t in tables if (e := foreign_gemeente(t.source, area_codes_of(t), code)) is not None]
    uploaded = pd.concat([t.indicators for t in tables], ignore_index=True) if tables else None
    national = []
    for t in national_tables(code):
        ind = t.indicators
        if uploaded is not None and not uploaded.empty:
            have = pd.MultiIndex.from_frame(uploaded[["area_code", "indicator", "year"]])
            ind = ind[~pd.MultiIndex.from_frame(ind[["area_code", "indicator", "year"]]).isin(have)]
        national.append(AreaTable(t.source, ind.reset_index(drop=True), t.names, t.gemeente_names))
    if geo is not None and not any(f["properties"]["wijkcode"][2:6] == code[2:6] for f in geo.get("features", [])):
        problems.append(f"de geladen wijkgrenzen horen niet bij {gemeente_name(code)}; de meegeleverde wijkgrenzen worden gebruikt.")
        geo = None
    if geo is None:
        geo = national_geojson(code)
    return [*tables, *national], geo, problems


def with_national_postcodes(areas: Areas | None, postcode_tables: list) -> tuple[list, bool]:
    """``postcode_tables``, or the bundled PC4 table of the loaded gemeente when none is loaded; True when bundled."""
    if postcode_tables or areas is None or gemeente_name(areas.gemeentecode) is None:
        return postcode_tables, False
    return [national_pc4(areas.gemeentecode)], True
