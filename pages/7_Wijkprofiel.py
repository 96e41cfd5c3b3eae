"""Wijkprofiel: one wijk on one screen: figures against the gemeente, what residents raised, who was heard."""

import pandas as pd
import streamlit as st

import ui
from lib.present import charts, tables
from lib.present.text import format_number, reason
from lib.wijken.profile import (
    age_comparison,
    answer_counts,
    reach,
    representative_quotes,
    respondent_counts,
    restrict,
    theme_shares,
)
from lib.wijken.rules import SMALL_AREA_INHABITANTS, enough_answers, is_tiny, rate_per_1000

ctx = ui.page("Wijkprofiel")
store, project = ctx.store, ctx.project
data = ctx.data
threshold = ctx.threshold
answers, records, names, codes, filters = ui.wijk_view(ctx)
long = restrict(ui.long_themes(data), answers)
theme_cells, per_wijk, respondent_cells = ui.wijk_grids(data, answers, records, long, filters, threshold)
current = ui.selected_wijk(data)
wijk = st.selectbox("Wijk", codes, index=codes.index(current) if current in codes else 0,
                    format_func=lambda c: f"{names[c]} ({c})", key="profile_wijk")
if wijk != current:
    ui.select_wijk(wijk)

row = data.areas.wijken.set_index("wijkcode").loc[wijk]
inhabitants = row["inhabitants"]
# the wijk's totals as the rest of the app shows them: small-number rule and complementary suppression decided in lib
answers_row = answer_counts(answers, threshold, [wijk], per=per_wijk)
resp_row = respondent_counts(records, threshold, [wijk], grid=respondent_cells)
n_answers = int(answers_row["n"].iloc[0])
shown_resp = resp_row["respondents"].iloc[0]
c1, c2, c3, c4 = st.columns(4)
c1.metric("Inwoners", format_number(inhabitants) if inhabitants == inhabitants else "onbekend")
c2.metric("Respondenten", tables.screen(resp_row, [tables.Column("respondents", "n", "count", note="reason")],
                                        threshold).iloc[0, 0])
c3.metric("Antwoorden op open vragen", tables.screen(answers_row, [tables.Column("answers", "n", "count", note="reason")],
                                                     threshold).iloc[0, 0])
c4.metric("Respondenten per 1.000 inwoners",
          format_number(None if shown_resp is pd.NA else rate_per_1000(int(shown_resp), inhabitants, threshold), 1))
if is_tiny(inhabitants):
    st.warning(f"Klein gebied ({format_number(inhabitants)} inwoners): percentages zijn hier weinig zeggend en worden "
               "niet gerangschikt.", icon=":material/info:")

tab_cijfers, tab_themas, tab_bereik = st.tabs(["Cijfers", "Wat bewoners inbrachten", "Bereik: wie is gehoord"])

with tab_cijfers:
    figures = ui.key_figures(data, wijk)
    own = figures[figures["wijk_value"].notna()]
    if own.empty:
        st.info("Voor deze wijk zijn geen cijfers geladen.")
    else:
        st.dataframe(tables.key_figures_table(own), hide_index=True, width="stretch")
        st.caption(f"Per cijfer het laatste jaar waarin het beschikbaar is. Kleine gebieden (< {SMALL_AREA_INHABITANTS} "
                   "inwoners) tellen niet mee in rang en spreiding van percentages. Bron: CBS, Kerncijfers wijken en "
                   "buurten.")
    only_gm = figures[figures["reason"] == "gemeente_only"]
    if not only_gm.empty:
        with st.expander(f"{len(only_gm)} cijfers zijn alleen voor de hele gemeente beschikbaar"):
            st.dataframe(tables.gemeente_figures_table(only_gm), hide_index=True, width="stretch")

with tab_themas:
    themes = data.codebook.names
    shares = theme_shares(answers, long, wijk, themes, threshold, grid=theme_cells, per=per_wijk)
    if not enough_answers(n_answers, threshold):
        st.info(f"Uit deze wijk zijn minder dan {threshold} antwoorden binnen de filters; aandelen worden niet getoond "
                "om herleidbaarheid te voorkomen.")
    else:
        over = tables.over_represented_text(shares)
        if over:
            st.markdown("**Vaker genoemd dan in de hele gemeente:** " + ui.plain(over))
        ui.altair(charts.theme_share_chart(shares), width="stretch")
        st.dataframe(tables.screen(shares, tables.THEME_SHARES, threshold), hide_index=True, width="stretch")
        st.caption(tables.numbers_note(threshold) if (shares["reason"] == "complementary").any()
                   else f"Aantallen onder de {threshold} staan als <{threshold}; aandelen die zo'n aantal zouden "
                        "verraden zijn leeg.")
        st.markdown("**Wat bewoners zeggen** (voorbeelden; e-mail, telefoon, postcode en IBAN gemaskeerd)")
        top = [t for t, v in zip(shares["theme"], shares["wijk_share"]) if v == v and v > 0][:3]
        for theme in top:
            quotes = representative_quotes(answers, wijk, theme)
            if len(quotes):
                with st.container(border=True):
                    st.caption(ui.plain(theme))
                    for quote in quotes:
                        st.text(f"“{quote}”")

with tab_bereik:
    table = reach(records, data.areas, wijk, threshold, grid=respondent_cells)
    if table.empty:
        st.info("Uit deze wijk zijn (binnen de filters) geen respondenten gekoppeld.")
    else:
        st.dataframe(tables.screen(table, tables.REACH, threshold), hide_index=True, width="stretch")
        if (table["reason"] != "").any():
            st.caption(tables.secondary_note(threshold))
    ages = age_comparison(records, data.areas, wijk, threshold)
    if ages is None:
        st.caption("Leeftijden vergelijken kan niet: de bronnen bevatten geen leeftijd of de wijk heeft geen "
                   "leeftijdscijfers.")
    elif ages["respondent_share"].isna().all():
        st.caption(ui.plain(f"Leeftijden niet vergeleken: {reason(ages['reason'].iloc[0], threshold)} in deze wijk."))
    else:
        missing = tables.not_heard_text(ages, threshold)
        if missing:
            st.markdown("**Minder gehoord dan hun aandeel in de wijk:** " + ui.plain(missing))
        ui.altair(charts.age_chart(ages), width="stretch")
        hidden_bands = [b for b, v in zip(ages["age_band"], ages["respondent_share"]) if v != v]
        if hidden_bands:
            st.caption(ui.plain(f"Geen balk voor respondenten bij {', '.join(hidden_bands)} jaar: dat aandeel zou een aantal "
                                f"onder de {threshold} verraden (niet: nul respondenten)."))
