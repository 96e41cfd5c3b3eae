"""Maps of wijken: a choropleth model (``choropleth``), drawn as a Vega-Lite chart that works offline and without a
graphics card (``map_chart``), or with pydeck over a basemap when the user asks for one (``map_deck``)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import altair as alt
import pydeck as pdk

from lib.areas.figures import Areas
from lib.present.charts import finish
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


@dataclass(frozen=True)
class WijkMap:
    """A choropleth of the wijken, drawn by ``map_chart`` (offline, no WebGL) or ``map_deck`` (over a basemap).

    ``features`` are GeoJSON features whose properties hold ``wijkcode``, ``wijknaam``, ``fill`` (RGBA), ``kleur``
    (hex), ``shown`` (the value as Dutch text, or why there is none) and ``tooltip``; ``legend`` as
    ``charts.legend_chart`` takes it.
    """

    features: list[dict]
    legend: list[dict]
    label: str
    view: pdk.ViewState


def choropleth(
    areas: Areas,
    values: dict[str, float],
    label: str,
    *,
    percent_values: bool = False,
    direction: int = 0,
    threshold_note: str = "",
) -> WijkMap | None:
    """The wijken coloured by ``values`` in quantile classes, with the text of each wijk's value and a legend.

    ``direction`` +1: higher is worse (orange-red, darker = worse); -1: higher is better (darker = lower);
    0: neutral (blue). None without wijk boundaries. A wijk without a value is grey, with ``threshold_note`` as the
    reason (or "geen gegevens").
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
        rgb = colour(value)
        props["fill"] = [*rgb, 210]
        props["kleur"] = _hex(rgb)
        props["shown"] = fmt(value) if value is not None and value == value else (threshold_note or "geen gegevens")
        props["tooltip"] = f"{props.get('wijknaam', code)}\n{label}: {props['shown']}"
        features.append({"type": "Feature", "properties": props, "geometry": feat["geometry"]})
    legend = []
    for i in range(len(breaks) - 1):
        legend.append({"kleur": _hex(colour(breaks[i + 1])), "van": fmt(breaks[i]), "tot": fmt(breaks[i + 1])})
    if len(breaks) == 1:
        legend.append({"kleur": _hex(colour(breaks[0])), "van": fmt(breaks[0]), "tot": fmt(breaks[0])})
    legend.append({"kleur": _hex(NO_DATA), "van": "geen gegevens", "tot": ""})
    return WijkMap(features, legend, label, view_for(areas.geojson))


def _hex(rgb) -> str:
    return "#%02x%02x%02x" % tuple(rgb)


SELECTION = "wijk"
"""The name of the map's click selection: ``picked_wijk`` reads it from the chart's selection event."""


def map_chart(wijk_map: WijkMap, *, height: int = 520) -> alt.TopLevelMixin:
    """The map as a Vega-Lite chart: wijk shapes drawn as SVG, a tooltip with the name and value, a click
    selects a wijk (``SELECTION``). Needs no WebGL and fetches nothing, so it draws as fast on a laptop without a
    graphics card or in a remote desktop as anywhere, and the report can render the same spec."""
    rows = [{"type": "Feature", "geometry": f["geometry"], "wijkcode": f["properties"]["wijkcode"],
             "wijknaam": f["properties"].get("wijknaam", f["properties"]["wijkcode"]),
             "kleur": f["properties"]["kleur"], "waarde": f["properties"]["shown"]} for f in wijk_map.features]
    pick = alt.selection_point(name=SELECTION, fields=["wijkcode"], on="click")
    chart = alt.Chart(alt.Data(values=rows)).mark_geoshape(stroke="#464646", cursor="pointer").encode(
        color=alt.Color("kleur:N", scale=None),
        strokeWidth=alt.when(pick, empty=False).then(alt.value(3)).otherwise(alt.value(0.8)),
        tooltip=[alt.Tooltip("wijknaam:N", title="Wijk"), alt.Tooltip("waarde:N", title=wijk_map.label)],
    ).add_params(pick).project(type="mercator").properties(height=height, width="container")
    return finish(chart).configure_view(stroke=None)


def picked_wijk(selection: dict | None) -> str | None:
    """The wijkcode clicked on ``map_chart`` (its point selection) or ``map_deck`` (pydeck's picked objects), from
    Streamlit's selection event (a dict), or None."""
    try:
        selection = selection or {}
        points = selection.get(SELECTION) or [o["properties"] for o in selection.get("objects", {}).get("wijken", [])]
        return str(points[0]["wijkcode"]) if points else None
    except (AttributeError, KeyError, IndexError, TypeError):
        return None


def map_deck(wijk_map: WijkMap, *, basemap: bool = False) -> pdk.Deck:
    """The map as a pydeck (deck.gl) chart, for use over a basemap. Without ``basemap`` nothing is fetched from
    the internet."""
    layer = pdk.Layer(
        "GeoJsonLayer",
        {"type": "FeatureCollection", "features": wijk_map.features},
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
    return pdk.Deck(layers=[layer], initial_view_state=wijk_map.view, tooltip={"text": "{tooltip}"}, **basemap_args)
