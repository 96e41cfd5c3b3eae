"""Altair charts for the advice page and the report, and their PNG rendering (vl-convert, offline).

The same chart definitions feed the screen (``st.altair_chart``) and the documents (PNG rendered once and
reused in Word and PDF). Bars carry their value as a label and use dark versus light grey-blue, so they
read in greyscale too. Hidden values (below the small-number threshold) are simply absent.
"""

from __future__ import annotations

import hashlib

import altair as alt
import pandas as pd

DARK, LIGHT = "#0b3d6e", "#b7c4d1"
FONT = "DejaVu Sans"
DUTCH_FORMAT = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]}
_PNG_CACHE: dict[str, bytes] = {}


def _pct_label(value: float) -> str:
    return f"{value * 100:.0f}%"


def theme_chart(themes: pd.DataFrame, top: int = 6, width: int = 300) -> alt.Chart | None:
    """The wijk's most raised themes: share of the wijk's answers against the gemeente. Needs shares."""
    data = themes.dropna(subset=["share"])
    data = data[data["share"] > 0].sort_values("share", ascending=False).head(top)
    if data.empty:
        return None
    order = list(data["theme"])
    long = pd.concat([
        pd.DataFrame({"Thema": data["theme"], "Gebied": "Deze wijk", "Aandeel": data["share"]}),
        pd.DataFrame({"Thema": data["theme"], "Gebied": "Hele gemeente", "Aandeel": data["gemeente_share"]}),
    ], ignore_index=True)
    long["Label"] = long["Aandeel"].map(_pct_label)
    base = alt.Chart(long).encode(
        y=alt.Y("Thema:N", sort=order, title=None, axis=alt.Axis(labelLimit=170, labelOverlap=False)),
        yOffset=alt.YOffset("Gebied:N", sort=["Deze wijk", "Hele gemeente"]),
    )
    bars = base.mark_bar().encode(
        x=alt.X("Aandeel:Q", axis=alt.Axis(format="%", title="Aandeel van de antwoorden", tickCount=4)),
        color=alt.Color("Gebied:N", scale=alt.Scale(domain=["Deze wijk", "Hele gemeente"], range=[DARK, LIGHT]),
                        legend=alt.Legend(orient="top", title=None)),
    )
    labels = base.mark_text(align="left", dx=3, fontSize=10, color="#222").encode(x="Aandeel:Q", text="Label:N")
    return (bars + labels).properties(width=width, height=alt.Step(11), title="Wat bewoners het vaakst noemden")


def age_chart(ages: pd.DataFrame, width: int = 200) -> alt.Chart | None:
    """Share of respondents (15+) against share of inhabitants (15+) per age band. Needs respondent shares."""
    if ages is None or ages.empty or ages["respondent_share"].isna().all():
        return None
    bands = list(ages["band"])
    long = pd.concat([
        pd.DataFrame({"Leeftijd": ages["band"], "Groep": "Respondenten", "Aandeel": ages["respondent_share"]}),
        pd.DataFrame({"Leeftijd": ages["band"], "Groep": "Inwoners (CBS)", "Aandeel": ages["population_share"]}),
    ], ignore_index=True).dropna()
    long["Label"] = long["Aandeel"].map(_pct_label)
    base = alt.Chart(long).encode(
        x=alt.X("Leeftijd:N", sort=bands, title="Leeftijd (jaar)", axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("Groep:N", sort=["Respondenten", "Inwoners (CBS)"]),
    )
    bars = base.mark_bar().encode(
        y=alt.Y("Aandeel:Q", axis=alt.Axis(format="%", title="Aandeel (15 jaar en ouder)", tickCount=4)),
        color=alt.Color("Groep:N", scale=alt.Scale(domain=["Respondenten", "Inwoners (CBS)"], range=[DARK, LIGHT]),
                        legend=alt.Legend(orient="top", title=None)),
    )
    labels = base.mark_text(dy=-5, fontSize=9, color="#222").encode(y="Aandeel:Q", text="Label:N")
    return (bars + labels).properties(width=width, height=170, title="Wie is gehoord")


def mix_chart(mix: pd.DataFrame, names: dict[str, str], width: int = 300) -> alt.Chart | None:
    """Profile shares per kind (measured among respondents, imported, estimated from CBS)."""
    if mix is None or mix.empty:
        return None
    kinds = {"measured": "Respondenten (gemeten)", "imported": "Aangeleverd", "estimate": "Schatting uit CBS-cijfers"}
    data = pd.DataFrame({"Profiel": mix["profile"].map(lambda p: names.get(p, p)), "Bron": mix["kind"].map(kinds),
                         "Aandeel": mix["share"]})
    data["Label"] = data["Aandeel"].map(_pct_label)
    order = [names.get(p, p) for p in dict.fromkeys(mix["profile"])]
    domain = [kinds[k] for k in kinds if k in set(mix["kind"])]
    base = alt.Chart(data).encode(y=alt.Y("Profiel:N", sort=order, title=None,
                                          axis=alt.Axis(labelLimit=200, labelOverlap=False)),
                                  yOffset=alt.YOffset("Bron:N", sort=domain))
    bars = base.mark_bar().encode(
        x=alt.X("Aandeel:Q", axis=alt.Axis(format="%", title="Aandeel", tickCount=4)),
        color=alt.Color("Bron:N", scale=alt.Scale(domain=domain, range=[DARK, LIGHT, "#6b8fb3"][: len(domain)]),
                        legend=alt.Legend(orient="top", title=None)),
    )
    labels = base.mark_text(align="left", dx=3, fontSize=10, color="#222").encode(x="Aandeel:Q", text="Label:N")
    return (bars + labels).properties(width=width, height=alt.Step(11), title="Betrokkenheidsprofielen")


def reach_chart(overview: pd.DataFrame, names: dict[str, str], gemeente_rate: float | None, width: int = 420) -> alt.Chart | None:
    """Respondents per 1,000 inhabitants per wijk (wijken with a rate), with the gemeente's rate as a rule."""
    data = overview[overview["per_1000"].notna() & ~overview["tiny"]]
    if data.empty:
        return None
    frame = pd.DataFrame({"Wijk": data["wijkcode"].map(lambda c: names.get(c, c)), "Per1000": data["per_1000"].astype(float)})
    frame["Label"] = frame["Per1000"].map(lambda v: f"{v:.1f}".replace(".", ","))
    frame = frame.sort_values("Per1000", ascending=False)
    base = alt.Chart(frame).encode(y=alt.Y("Wijk:N", sort=list(frame["Wijk"]), title=None,
                                           axis=alt.Axis(labelLimit=220, labelOverlap=False)))
    bars = base.mark_bar(color=DARK).encode(x=alt.X("Per1000:Q", title="Respondenten per 1.000 inwoners"))
    labels = base.mark_text(align="left", dx=3, fontSize=10, color="#222").encode(x="Per1000:Q", text="Label:N")
    chart = bars + labels
    if gemeente_rate:
        rule = alt.Chart(pd.DataFrame({"g": [gemeente_rate]})).mark_rule(color="#d95f02", strokeDash=[4, 3]).encode(x="g:Q")
        chart = chart + rule
    return chart.properties(width=width, height=alt.Step(20), title="Bereik per wijk (stippellijn: hele gemeente)")


def theme_heatmap(shares: pd.DataFrame, width: int = 440) -> alt.Chart | None:
    """Wijk x theme: share of the wijk's answers (columns Wijk, Thema, Aandeel), the share written in each cell."""
    data = shares.dropna(subset=["Aandeel"])
    if data.empty:
        return None
    data = data.assign(Label=data["Aandeel"].map(_pct_label))
    themes = list(dict.fromkeys(data["Thema"]))
    wijken = list(dict.fromkeys(data["Wijk"]))
    base = alt.Chart(data).encode(
        x=alt.X("Thema:N", sort=themes, title=None, axis=alt.Axis(labelAngle=-35, labelLimit=140, orient="top")),
        y=alt.Y("Wijk:N", sort=wijken, title=None, axis=alt.Axis(labelLimit=200)),
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("Aandeel:Q", scale=alt.Scale(scheme="blues"), legend=None))
    top = float(data["Aandeel"].max())
    labels = base.mark_text(fontSize=9).encode(
        text="Label:N", color=alt.condition(alt.datum.Aandeel > top * 0.55, alt.value("white"), alt.value("#111")))
    return (cells + labels).properties(width=width, height=alt.Step(18),
                                       title="Aandeel van de antwoorden per thema en wijk")


def side_by_side(*charts) -> alt.HConcatChart | alt.Chart | None:
    """Charts next to each other (None ones left out)."""
    present = [c for c in charts if c is not None]
    if not present:
        return None
    return present[0] if len(present) == 1 else alt.hconcat(*present, spacing=30).resolve_scale(color="independent")


def configured(chart):
    """The chart with the report's font and Dutch number format."""
    return chart.configure(font=FONT, locale={"number": DUTCH_FORMAT}).configure_view(stroke=None).configure_title(
        fontSize=12, anchor="start")


def png(chart, scale: float = 1.5) -> bytes:
    """PNG bytes of a chart (rendered offline; each distinct chart once per process)."""
    import vl_convert as vlc

    spec = chart.to_json(validate=False)
    key = hashlib.sha256(f"{scale}|{spec}".encode()).hexdigest()
    if key not in _PNG_CACHE:
        if len(_PNG_CACHE) > 256:
            _PNG_CACHE.clear()
        _PNG_CACHE[key] = vlc.vegalite_to_png(spec, scale=scale)  # the locale is in the spec's config (format_locale= costs 2x)
    return _PNG_CACHE[key]


def render_all(charts: dict[str, object], scale: float = 1.5) -> dict[str, bytes]:
    """PNG per key for the charts that exist (one after the other: vl-convert runs one JavaScript engine)."""
    return {k: png(configured(c), scale) for k, c in charts.items() if c is not None}
