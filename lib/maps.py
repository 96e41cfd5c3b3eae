"""Maps of wijken with pydeck: polygons from GeoJSON, no basemap (works offline)."""

from __future__ import annotations

import math

import pydeck as pdk

from .areas import Areas

# ColorBrewer "Blues" (colour-blind safe), light -> dark
BLUES = [(239, 243, 255), (198, 219, 239), (158, 202, 225), (107, 174, 214), (49, 130, 189), (8, 81, 156)]


def _bounds(geojson: dict) -> tuple[float, float, float, float]:
    xs, ys = [], []

    def walk(coords):
        if coords and isinstance(coords[0], (int, float)):
            xs.append(coords[0])
            ys.append(coords[1])
        else:
            for c in coords:
                walk(c)

    for feat in geojson["features"]:
        walk(feat["geometry"]["coordinates"])
    return min(xs), min(ys), max(xs), max(ys)


def view_for(geojson: dict) -> pdk.ViewState:
    """A view that fits all features."""
    x0, y0, x1, y1 = _bounds(geojson)
    # fit ~700 x 450 px: at zoom z the world is 256 * 2**z px wide (Web Mercator; latitude stretch ~1.6 here)
    span = max((x1 - x0) / 700, (y1 - y0) * 1.6 / 450, 1e-7)
    zoom = max(6.0, min(17.0, math.log2(360 / (256 * span))))
    return pdk.ViewState(longitude=(x0 + x1) / 2, latitude=(y0 + y1) / 2, zoom=zoom)


def wijk_map(areas: Areas, values: dict[str, float] | None = None, labels: dict[str, str] | None = None) -> pdk.Deck | None:
    """Polygons of the wijken, coloured by ``values`` (quantiles of Blues), tooltips from ``labels``."""
    if not areas.geojson:
        return None
    features = []
    present = sorted(v for v in (values or {}).values() if v == v)
    for feat in areas.geojson["features"]:
        code = feat["properties"]["wijkcode"]
        value = (values or {}).get(code)
        if value is None or value != value or not present:
            color = [220, 220, 220, 160]
        else:
            rank = sum(1 for p in present if p <= value) / len(present)
            color = [*BLUES[min(len(BLUES) - 1, int(rank * (len(BLUES) - 1) + 0.5))], 200]
        props = dict(feat["properties"])
        props["fill"] = color
        props["tooltip"] = (labels or {}).get(code, props.get("wijknaam", code))
        features.append({"type": "Feature", "properties": props, "geometry": feat["geometry"]})
    layer = pdk.Layer(
        "GeoJsonLayer",
        {"type": "FeatureCollection", "features": features},
        id="wijken",
        pickable=True,
        stroked=True,
        filled=True,
        get_fill_color="properties.fill",
        get_line_color=[60, 60, 60, 255],
        line_width_min_pixels=1,
    )
    return pdk.Deck(
        layers=[layer],
        initial_view_state=view_for(areas.geojson),
        map_provider=None,
        map_style=None,
        tooltip={"text": "{tooltip}"},
    )
