"""Altair charts from lib's numbers, with Dutch labels and Dutch number format.

The screens (``ui.altair``) and the report (PNG/SVG via ``vl-convert-python``: ``chart.to_dict()``)
draw the same chart. Every function takes the numeric frame an aggregate in ``lib.wijken`` returns
and gives a finished (configured) chart: the Dutch locale is inside the spec, labels are never cut
off, and the colours stay apart in greyscale (dark blue against light grey, a sequential scale for
the heatmap). ``values=True`` writes the value on each bar, for print.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from lib.wijken.reach import AGE_BANDS

DUTCH_LOCALE = {
    "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]},
    "time": {
        "dateTime": "%a %e %B %Y %X", "date": "%d-%m-%Y", "time": "%H:%M:%S", "periods": ["AM", "PM"],
        "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
        "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
        "months": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                   "oktober", "november", "december"],
        "shortMonths": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    },
}
"""d3 locale for Vega: ``12,5%``, ``1.234``, Dutch month names."""

DARK = "#0b5394"
"""The wijk / respondents (dark in greyscale)."""
LIGHT = "#bdbdbd"
"""The gemeente / inhabitants (light in greyscale)."""
LABEL_LIMIT = 0
"""0 = no limit: theme and wijk names are never shortened to 'Ontmoeting & ver…'."""


def finish(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Put the Dutch locale and uncut labels into the chart's config (call once, last)."""
    return chart.configure(locale=DUTCH_LOCALE).configure_axis(labelLimit=LABEL_LIMIT).configure_legend(
        labelLimit=LABEL_LIMIT, titleLimit=LABEL_LIMIT
    )


def _two_groups(domain: list[str]) -> alt.Color:
    return alt.Color("group:N", scale=alt.Scale(domain=domain, range=[DARK, LIGHT]),
                     legend=alt.Legend(orient="top", title=None))


def theme_share_chart(shares: pd.DataFrame, *, values: bool = False, wijk_label: str = "Deze wijk",
                      gemeente_label: str = "Hele gemeente") -> alt.TopLevelMixin:
    """Horizontal bars per theme: the wijk's share of answers next to the gemeente's.

    ``shares`` as ``theme_shares`` returns it (``theme``, ``wijk_share``, ``gemeente_share``); hidden
    shares (NaN) are not drawn. Themes in the frame's order.
    """
    order = list(shares["theme"])
    data = pd.concat([
        pd.DataFrame({"theme": shares["theme"], "group": wijk_label, "share": shares["wijk_share"]}),
        pd.DataFrame({"theme": shares["theme"], "group": gemeente_label, "share": shares["gemeente_share"]}),
    ]).dropna(subset=["share"])
    base = alt.Chart(data).encode(
        y=alt.Y("theme:N", sort=order, title=None),
        x=alt.X("share:Q", axis=alt.Axis(format="%", title="Aandeel van de antwoorden")),
        yOffset=alt.YOffset("group:N", sort=[wijk_label, gemeente_label]),
        tooltip=[alt.Tooltip("theme:N", title="Thema"), alt.Tooltip("group:N", title="Gebied"),
                 alt.Tooltip("share:Q", title="Aandeel", format=".1%")],
    )
    chart = base.mark_bar(stroke="#333333", strokeWidth=0.5).encode(color=_two_groups([wijk_label, gemeente_label]))
    if values:
        chart = chart + base.mark_text(align="left", dx=3, fontSize=10).encode(text=alt.Text("share:Q", format=".1~%"))
    return finish(chart.properties(height=max(260, 34 * len(order))))


def age_chart(ages: pd.DataFrame, *, values: bool = False) -> alt.TopLevelMixin:
    """Bars per age band: share among respondents next to share among inhabitants (CBS).

    ``ages`` as ``age_comparison`` returns it (``age_band``, ``respondent_share``, ``population_share``).
    """
    resp, pop = "Respondenten", "Inwoners (CBS)"
    data = pd.concat([
        pd.DataFrame({"age_band": ages["age_band"], "group": resp, "share": ages["respondent_share"]}),
        pd.DataFrame({"age_band": ages["age_band"], "group": pop, "share": ages["population_share"]}),
    ]).dropna(subset=["share"])
    base = alt.Chart(data).encode(
        x=alt.X("age_band:N", sort=[band for band, _ in AGE_BANDS], title="Leeftijd (jaar)", axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("group:N", sort=[resp, pop]),
        y=alt.Y("share:Q", axis=alt.Axis(format="%", title="Aandeel")),
        tooltip=[alt.Tooltip("age_band:N", title="Leeftijd"), alt.Tooltip("group:N", title="Groep"),
                 alt.Tooltip("share:Q", title="Aandeel", format=".0%")],
    )
    chart = base.mark_bar(stroke="#333333", strokeWidth=0.5).encode(color=_two_groups([resp, pop]))
    if values:
        chart = chart + base.mark_text(baseline="bottom", dy=-2, fontSize=10).encode(text=alt.Text("share:Q", format=".0%"))
    return finish(chart.properties(height=260, width=alt.Step(32)))


def _counts_text(frame: pd.DataFrame, key: str, note: str, threshold: int) -> list[str]:
    """Tooltip text of a count column: ``<5``, or ``verborgen`` where complementary suppression hid it."""
    from lib.core.suppression import SECONDARY
    from lib.present.text import SECONDARY_TEXT, count

    notes = frame[note] if note in frame.columns else [""] * len(frame)
    return [SECONDARY_TEXT if v is pd.NA and r == SECONDARY else count(v, threshold) for v, r in zip(frame[key], notes)]


def heatmap(matrix: pd.DataFrame, themes: list[str] | None = None, *, values: bool = False,
            threshold: int = 5) -> alt.TopLevelMixin:
    """Wijk x theme: the share of a wijk's answers that raise the theme (darker = more).

    ``matrix`` as ``theme_matrix`` returns it (``wijknaam``, ``theme``, ``share``, ``answers``,
    ``wijk_answers``); hidden cells (NaN share) stay empty. Counts in the tooltip are written with
    the small-number rule (``<5``).
    """
    from lib.present.text import percent

    data = matrix.assign(
        share_text=[percent(v) for v in matrix["share"]],
        answers_text=_counts_text(matrix, "answers", "answers_reason", threshold),
        wijk_answers_text=_counts_text(matrix, "wijk_answers", "wijk_answers_reason", threshold),
    )
    base = alt.Chart(data).encode(
        x=alt.X("theme:N", sort=themes or list(dict.fromkeys(matrix["theme"])), title=None,
                axis=alt.Axis(labelAngle=-40, labelOverlap=False, orient="top")),
        y=alt.Y("wijknaam:N", title=None, sort="ascending", axis=alt.Axis(labelOverlap=False)),
    )
    rect = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color("share:Q", scale=alt.Scale(scheme="blues", domainMin=0),
                        legend=alt.Legend(format="%", title="Aandeel")),
        tooltip=[alt.Tooltip("wijknaam:N", title="Wijk"), alt.Tooltip("theme:N", title="Thema"),
                 alt.Tooltip("share_text:N", title="Aandeel"), alt.Tooltip("answers_text:N", title="Antwoorden"),
                 alt.Tooltip("wijk_answers_text:N", title="Antwoorden uit de wijk")],
    )
    chart = rect
    if values:
        chart = rect + base.mark_text(fontSize=9).transform_filter("isValid(datum.share)").encode(
            text=alt.Text("share:Q", format=".0%"),
            color=alt.condition("datum.share > 0.3", alt.value("white"), alt.value("black")),
        )
    return finish(chart.properties(height=alt.Step(28)))


def words_beside_numbers_chart(points: pd.DataFrame, theme: str, indicator_label: str,
                               threshold: int = 5) -> alt.TopLevelMixin:
    """Scatter per wijk: share of answers on ``theme`` (y) against the indicator's value (x), named dots.

    ``points`` as ``words_beside_numbers`` returns it (``wijknaam``, ``share``, ``value``, ``wijk_answers``).
    """
    from lib.present.text import format_number, percent

    data = points.assign(
        share_text=[percent(v) for v in points["share"]],
        value_text=[format_number(v) for v in points["value"]],
        wijk_answers_text=_counts_text(points, "wijk_answers", "wijk_answers_reason", threshold),
    )
    base = alt.Chart(data).encode(
        x=alt.X("value:Q", title=indicator_label, scale=alt.Scale(zero=False)),
        y=alt.Y("share:Q", title=f"Aandeel antwoorden over {theme}", axis=alt.Axis(format="%")),
        tooltip=[alt.Tooltip("wijknaam:N", title="Wijk"), alt.Tooltip("share_text:N", title="Aandeel antwoorden"),
                 alt.Tooltip("value_text:N", title=indicator_label),
                 alt.Tooltip("wijk_answers_text:N", title="Antwoorden uit de wijk")],
    )
    chart = base.mark_circle(size=120, color=DARK, opacity=0.9) + base.mark_text(align="left", dx=8, fontSize=11).encode(
        text="wijknaam:N")
    return finish(chart.properties(height=420))


def legend_chart(legend: list[dict], title: str) -> alt.TopLevelMixin:
    """The map legend: one row per class, colour square and its range as text (never cut off).

    ``legend`` as ``maps.choropleth`` returns it: dicts with ``kleur`` (hex), ``van`` and ``tot`` (text).
    """
    rows = pd.DataFrame(legend)
    rows["text"] = [f"{v} – {t}" if t else v for v, t in zip(rows["van"], rows["tot"])]
    rows["position"] = range(len(rows))
    base = alt.Chart(rows).encode(y=alt.Y("position:O", axis=None))
    swatch = base.mark_square(size=200, stroke="#555555", strokeWidth=0.5).encode(
        x=alt.value(8), color=alt.Color("kleur:N", scale=None))
    text = base.mark_text(align="left", dx=0, fontSize=12).encode(x=alt.value(22), text="text:N")
    width = 30 + 7 * max(len(title), max(len(t) for t in rows["text"]))
    return finish((swatch + text).properties(height=alt.Step(20), width=width, title=alt.Title(title, anchor="start")))
