"""Maps of wijken with pydeck: polygons from GeoJSON, no basemap (works offline)."""

from __future__ import annotations

import math

import pydeck as pdk

from lib.areas.figures import Areas
from lib.present.text import format_number, percent



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
    # fit ~700 x 450 px with a margin: in deck.gl the world is 512 * 2**z px wide (Web Mercator; latitude ~1.6x here)
    span = max((x1 - x0) / 700, (y1 - y0) * 1.6 / 450, 1e-7)
    zoom = max(6.0, min(17.0, math.log2(360 / (512 * span)) - 0.2))
    return pdk.ViewState(longitude=(x0 + x1) / 2, latitude=(y0 + y1) / 2, zoom=zoom)


# ColorBrewer sequential schemes (colour-blind safe), light -> dark
ORANGE_RED = [(254, 240, 217), (253, 204, 138), (252, 141, 89), (227, 74, 51), (179, 0, 0)]
BLUE = [(239, 243, 255), (189, 215, 231), (107, 174, 214), (49, 130, 189), (8, 81, 156)]
NO_DATA = (210, 210, 210)


def classes(values: list[float], n: int = 5) -> list[float]:
    """Class breaks (quantiles, unique) for a choropleth."""
    data = sorted(v for v in values if v == v)
    if not data:
        return []
    breaks = sorted({data[min(len(data) - 1, int(round(q * (len(data) - 1))))] for q in [i / n for i in range(n + 1)]})
    return breaks


def choropleth(
    areas: Areas,
    values: dict[str, float],
    label: str,
    *,
    percent_values: bool = False,
    direction: int = 0,
    basemap: bool = False,
    threshold_note: str = "",
):
    """A map of the wijken coloured by ``values`` with tooltips, plus a legend table.

    ``direction`` +1: higher is worse (orange-red, darker = worse); -1: higher is better (darker = lower);
    0: neutral (blue). Returns ``(deck, legend)`` or None without wijk boundaries. Without ``basemap`` nothing
    is fetched from the internet.
    """
    if not areas.geojson:
        return None
    scheme = ORANGE_RED if direction else BLUE
    breaks = classes(list(values.values()))
    reverse = direction < 0

    def fmt(v: float) -> str:
        return percent(v) if percent_values else format_number(v)

    def colour(v):
        if v is None or v != v or not breaks:
            return NO_DATA
        idx = 0
        for i in range(1, len(breaks)):
            if v > breaks[i - 1]:
                idx = i - 1
        k = min(len(scheme) - 1, round(idx * (len(scheme) - 1) / max(1, len(breaks) - 2)))
        return scheme[len(scheme) - 1 - k] if reverse else scheme[k]

    features = []
    for feat in areas.geojson["features"]:
        code = feat["properties"]["wijkcode"]
        value = values.get(code)
        props = dict(feat["properties"])
        props["fill"] = [*colour(value), 210]
        shown = fmt(value) if value is not None and value == value else (threshold_note or "geen gegevens")
        props["tooltip"] = f"{props.get('wijknaam', code)}\n{label}: {shown}"
        features.append({"type": "Feature", "properties": props, "geometry": feat["geometry"]})
    layer = pdk.Layer(
        "GeoJsonLayer",
        {"type": "FeatureCollection", "features": features},
        id="wijken",
        pickable=True,
        stroked=True,
        filled=True,
        get_fill_color="properties.fill",
        get_line_color=[70, 70, 70, 255],
        line_width_min_pixels=1,
        auto_highlight=True,
    )
    # Without a basemap pass no map_style at all: pydeck then sends its "__MAP_STYLE__" sentinel, which
    # Streamlit's frontend drops without loading a style. An explicit map_style=None omits the key, and then
    # Streamlit falls back to CARTO's positron style from basemaps.cartocdn.com (a third-party request).
    basemap_args = {"map_provider": "carto", "map_style": "light"} if basemap else {"map_provider": None}
    deck = pdk.Deck(
        layers=[layer],
        initial_view_state=view_for(areas.geojson),
        tooltip={"text": "{tooltip}"},
        **basemap_args,
    )
    legend = []
    for i in range(len(breaks) - 1):
        rgb = colour(breaks[i + 1])
        legend.append({"kleur": "#%02x%02x%02x" % rgb, "van": fmt(breaks[i]), "tot": fmt(breaks[i + 1])})
    if len(breaks) == 1:
        legend.append({"kleur": "#%02x%02x%02x" % colour(breaks[0]), "van": fmt(breaks[0]), "tot": fmt(breaks[0])})
    legend.append({"kleur": "#%02x%02x%02x" % NO_DATA, "van": "geen gegevens", "tot": ""})
    return deck, legend
