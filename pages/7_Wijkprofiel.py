"""Wijkprofiel: one wijk on one screen: figures against the gemeente, what residents raised, who was heard."""

import altair as alt
import pandas as pd
import streamlit as st

import ui
from lib.areas.figures import SMALL_AREA_INHABITANTS, format_number
from lib.core.privacy import small
from lib.wijken.profile import age_comparison, key_figures, percent, reach, representative_quotes, restrict, theme_shares

ctx = ui.page("Wijkprofiel")
store, project = ctx.store, ctx.project
data = ctx.data
threshold = ctx.threshold
if data.areas is None:
    st.info("Laad eerst de wijken van uw gemeente op de pagina Gebieden en cijfers.")
    st.stop()
flt = ui.filters(data, project, store)
answers, records = flt.apply(data.answers, data.records)
long = restrict(ui.long_themes(data), answers)
names = data.areas.wijk_names()
codes = sorted(names, key=lambda c: names[c])
current = ui.selected_wijk(data)
wijk = st.selectbox("Wijk", codes, index=codes.index(current) if current in codes else 0,
                    format_func=lambda c: f"{names[c]} ({c})", key="profile_wijk")
if wijk != current:
    ui.select_wijk(wijk)

row = data.areas.wijken.set_index("wijkcode").loc[wijk]
inhabitants = row["inhabitants"]
tiny = inhabitants == inhabitants and inhabitants < SMALL_AREA_INHABITANTS
n_answers = int((answers["wijkcode"] == wijk).sum())
n_resp = int((records["wijkcode"] == wijk).sum()) if records is not None else 0
c1, c2, c3, c4 = st.columns(4)
c1.metric("Inwoners", format_number(inhabitants) if inhabitants == inhabitants else "onbekend")
c2.metric("Respondenten", small(n_resp, threshold))
c3.metric("Antwoorden op open vragen", small(n_answers, threshold))
c4.metric("Respondenten per 1.000 inwoners",
          format_number(n_resp / inhabitants * 1000, 1) if inhabitants == inhabitants and inhabitants and n_resp >= threshold else "–")
if tiny:
    st.warning(f"Klein gebied ({format_number(inhabitants)} inwoners): percentages zijn hier weinig zeggend en worden "
               "niet gerangschikt.", icon=":material/info:")

tab_cijfers, tab_themas, tab_bereik = st.tabs(["Cijfers", "Wat bewoners inbrachten", "Bereik: wie is gehoord"])

with tab_cijfers:
    figures = key_figures(data.areas, wijk)
    own = figures[figures["Wijk"].notna()]
    fmt = lambda v, u: "–" if v is None or v != v else format_number(v) + ("%" if u == "%" else "")  # noqa: E731
    if own.empty:
        st.info("Voor deze wijk zijn geen cijfers geladen.")
    else:
        st.dataframe(
            pd.DataFrame({
                "Indicator": own["Indicator"],
                "Eenheid": own["Eenheid"],
                "Wijk": [fmt(v, u) for v, u in zip(own["Wijk"], own["Eenheid"])],
                "Gemeente": [fmt(v, u) for v, u in zip(own["Gemeente"], own["Eenheid"])],
                "Rang (1 = hoogste)": own["Rang"],
                "Opmerking": own["Opmerking"],
                "Spreiding wijken": [f"{fmt(a, u)} – {fmt(b, u)}" for a, b, u in zip(own["Min"], own["Max"], own["Eenheid"])],
                "Jaar": own["Jaar"].astype("Int64").astype(str),
                "Bron": own["Bron"],
            }),
            hide_index=True, width="stretch",
        )
        st.caption("Per cijfer het laatste jaar waarin het beschikbaar is. Kleine gebieden (< 500 inwoners) tellen niet "
                   "mee in rang en spreiding van percentages. Bron: CBS, Kerncijfers wijken en buurten.")
    only_gm = figures[figures["Wijk"].isna() & figures["Gemeente"].notna()]
    if not only_gm.empty:
        with st.expander(f"{len(only_gm)} cijfers zijn alleen voor de hele gemeente beschikbaar"):
            st.dataframe(
                pd.DataFrame({
                    "Indicator": only_gm["Indicator"],
                    "Gemeente": [fmt(v, u) for v, u in zip(only_gm["Gemeente"], only_gm["Eenheid"])],
                    "Eenheid": only_gm["Eenheid"], "Jaar": only_gm["Jaar"].astype("Int64").astype(str), "Bron": only_gm["Bron"],
                }),
                hide_index=True, width="stretch",
            )

with tab_themas:
    themes = data.codebook.names
    shares = theme_shares(answers, long, wijk, themes, threshold)
    if n_answers < threshold:
        st.info(f"Uit deze wijk zijn minder dan {threshold} antwoorden binnen de filters; aandelen worden niet getoond "
                "om herleidbaarheid te voorkomen.")
    else:
        over = shares[(shares["Verhouding"].fillna(0) >= 1.3) & shares["Aandeel wijk"].notna()
                      & (shares["Antwoorden"] != f"<{threshold}")]
        if not over.empty:
            st.markdown("**Vaker genoemd dan in de hele gemeente:** " + ", ".join(
                f"{ui.plain(t)} ({percent(a)} tegen {percent(g)})" for t, a, g in
                zip(over["Thema"], over["Aandeel wijk"], over["Aandeel gemeente"])))
        chart_data = pd.concat([
            pd.DataFrame({"Thema": shares["Thema"], "Gebied": "Deze wijk", "Aandeel": shares["Aandeel wijk"]}),
            pd.DataFrame({"Thema": shares["Thema"], "Gebied": "Hele gemeente", "Aandeel": shares["Aandeel gemeente"]}),
        ]).dropna()
        order = list(shares["Thema"])
        chart = alt.Chart(chart_data).mark_bar().encode(
            y=alt.Y("Thema:N", sort=order, title=None),
            x=alt.X("Aandeel:Q", axis=alt.Axis(format="%", title="Aandeel van de antwoorden")),
            yOffset="Gebied:N",
            color=alt.Color("Gebied:N", scale=alt.Scale(range=["#0b5394", "#bdbdbd"]), legend=alt.Legend(orient="top", title=None)),
            tooltip=[alt.Tooltip("Thema:N"), alt.Tooltip("Gebied:N"), alt.Tooltip("Aandeel:Q", format=".1%")],
        ).properties(height=max(260, 34 * len(order)))
        ui.altair(chart, width="stretch")
        st.dataframe(
            pd.DataFrame({
                "Thema": shares["Thema"], "Antwoorden": shares["Antwoorden"],
                "Aandeel wijk": [percent(v) for v in shares["Aandeel wijk"]],
                "Aandeel gemeente": [percent(v) for v in shares["Aandeel gemeente"]],
                "Waarvan negatief": [percent(v, 0) for v in shares["Negatief"]],
                "Waarvan positief": [percent(v, 0) for v in shares["Positief"]],
            }),
            hide_index=True, width="stretch",
        )
        st.markdown("**Wat bewoners zeggen** (voorbeelden; e-mail, telefoon, postcode en IBAN gemaskeerd)")
        top = [t for t, n in zip(shares["Thema"], shares["Aandeel wijk"]) if n][:3]
        for theme in top:
            quotes = representative_quotes(answers, wijk, theme)
            if len(quotes):
                with st.container(border=True):
                    st.caption(ui.plain(theme))
                    for quote in quotes:
                        st.text(f"“{quote}”")

with tab_bereik:
    table = reach(records, data.areas, wijk, threshold)
    if table.empty:
        st.info("Uit deze wijk zijn (binnen de filters) geen respondenten gekoppeld.")
    else:
        table["Per 1.000 inwoners"] = [format_number(v, 1) if v is not None and v == v else "–" for v in table["Per 1.000 inwoners"]]
        st.dataframe(table, hide_index=True, width="stretch")
    ages = age_comparison(records, data.areas, wijk, threshold)
    if ages is None:
        st.caption("Leeftijden vergelijken kan niet: de bronnen bevatten geen leeftijd of de wijk heeft geen "
                   "leeftijdscijfers.")
    elif ages["Aandeel respondenten"].isna().all():
        st.caption(ui.plain(f"Leeftijden niet vergeleken: {ages['Toelichting'].iloc[0]} in deze wijk."))
    else:
        missing = ages[ages["Verschil"].fillna(0) <= -0.05]
        if not missing.empty:
            st.markdown("**Minder gehoord dan hun aandeel in de wijk:** " + ", ".join(
                f"{b} jaar ({percent(r, 0)} van de respondenten, {percent(p, 0)} van de inwoners)"
                for b, r, p in zip(missing["Leeftijd"], missing["Aandeel respondenten"], missing["Aandeel inwoners"])))
        plot = pd.concat([
            pd.DataFrame({"Leeftijd": ages["Leeftijd"], "Groep": "Respondenten", "Aandeel": ages["Aandeel respondenten"]}),
            pd.DataFrame({"Leeftijd": ages["Leeftijd"], "Groep": "Inwoners (CBS)", "Aandeel": ages["Aandeel inwoners"]}),
        ]).dropna()
        ui.altair(
            alt.Chart(plot).mark_bar().encode(
                x=alt.X("Leeftijd:N", sort=[b for b, _ in [("0-15", 0), ("15-25", 0), ("25-45", 0), ("45-65", 0), ("65+", 0)]],
                        title="Leeftijd (jaar)"),
                xOffset="Groep:N",
                y=alt.Y("Aandeel:Q", axis=alt.Axis(format="%", title="Aandeel")),
                color=alt.Color("Groep:N", scale=alt.Scale(range=["#0b5394", "#bdbdbd"]), legend=alt.Legend(orient="top", title=None)),
                tooltip=[alt.Tooltip("Leeftijd:N"), alt.Tooltip("Groep:N"), alt.Tooltip("Aandeel:Q", format=".0%")],
            ).properties(height=260),
            width="stretch",
        )
