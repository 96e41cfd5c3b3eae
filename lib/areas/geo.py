"""Wijk boundaries: read a GeoJSON of wijken, convert RD New (EPSG:28992) to WGS84."""

from __future__ import annotations

import json
import re

from lib.areas.areacodes import normalise_area_code as normalise_code
from lib.core.errors import AreasError


def read_geojson(name: str, data: bytes) -> dict:
    """Parse a GeoJSON of wijken; every feature gets a ``wijkcode`` property (WGS84 lon/lat).

    RD New (EPSG:28992) coordinates are converted to WGS84.
    """
    try:
        geo = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AreasError("dit is geen geldig GeoJSON-bestand. Exporteer de wijkgrenzen opnieuw als GeoJSON.", filename=name) from exc
    features = geo.get("features") if isinstance(geo, dict) else None
    if not isinstance(features, list) or not features:
        raise AreasError("het GeoJSON-bestand bevat geen gebieden (features).", filename=name)
    out = []
    for feat in features:
        props = feat.get("properties") or {}
        geom = feat.get("geometry") or {}
        if geom.get("type") not in {"Polygon", "MultiPolygon"}:
            continue
        code = None
        for key, value in props.items():
            if re.search(r"code", str(key), re.I):
                c = normalise_code(value)
                if c and c.startswith("WK"):
                    code = c
                    break
        if code is None:
            continue
        name_value = next((v for k, v in props.items() if re.search(r"naam|name", str(k), re.I) and "gemeente" not in str(k).lower()), code)
        coords = geom["coordinates"]
        if _first_xy(coords)[0] > 1000:
            coords = _map_coords(coords, rd_to_wgs84)
        out.append(
            {
                "type": "Feature",
                "properties": {"wijkcode": code, "wijknaam": str(name_value).strip()},
                "geometry": {"type": geom["type"], "coordinates": coords},
            }
        )
    if not out:
        raise AreasError("het GeoJSON-bestand bevat geen wijkvlakken met een wijkcode (WK…).", filename=name)
    return {"type": "FeatureCollection", "features": out}


def _first_xy(coords):
    while isinstance(coords, list) and coords and isinstance(coords[0], list):
        coords = coords[0]
    return coords


def _map_coords(coords, fn):
    if coords and isinstance(coords[0], (int, float)):
        return list(fn(coords[0], coords[1]))
    return [_map_coords(c, fn) for c in coords]


def rd_to_wgs84(x: float, y: float) -> tuple[float, float]:
    """Approximate RD New (EPSG:28992) -> WGS84 lon/lat (Schreutelkamp & Strang van Hees, ~1 m)."""
    dx, dy = (x - 155000) * 1e-5, (y - 463000) * 1e-5
    lat = 52.15517440 + (
        3235.65389 * dy - 32.58297 * dx**2 - 0.24750 * dy**2 - 0.84978 * dx**2 * dy - 0.06550 * dy**3
        - 0.01709 * dx**2 * dy**2 - 0.00738 * dx + 0.00530 * dx**4 - 0.00039 * dx**2 * dy**3 + 0.00033 * dx**4 * dy
        - 0.00012 * dx * dy
    ) / 3600
    lon = 5.38720621 + (
        5260.52916 * dx + 105.94684 * dx * dy + 2.45656 * dx * dy**2 - 0.81885 * dx**3 + 0.05594 * dx * dy**3
        - 0.05607 * dx**3 * dy + 0.01199 * dy - 0.00256 * dx**3 * dy**2 + 0.00128 * dx * dy**4 + 0.00022 * dy**2
        - 0.00022 * dx**2 + 0.00026 * dx**5
    ) / 3600
    return round(lon, 6), round(lat, 6)
