"""Wijken vergelijken: map, wijk x theme heatmap, wijken side by side, words beside numbers, the full table."""

import altair as alt
import pandas as pd
import streamlit as st

import ui
from lib.areas.figures import format_number
from lib.present.export import table_bytes
from lib.present.maps import choropleth
from lib.wijken.profile import (
    DEFAULT_PAIRS,
    DIRECTION,
    comparison_table,
    indicator_by_wijk,
    indicator_options,
    key_figures,
    percent,
    restrict,
    theme_matrix,
    theme_shares,
    words_beside_numbers,
)

ctx = ui.page("Wijken vergelijken")
store, project = ctx.store, ctx.project
data = ctx.data
threshold = ctx.threshold
areas = data.areas
if areas is None:
    st.info("Laad eerst de wijken van uw gemeente op de pagina Gebieden en cijfers.")
    st.stop()
flt = ui.filters(data, project, store)
answers, records = flt.apply(data.answers, data.records)
long = restrict(ui.long_themes(data), answers)
themes = data.codebook.names
names = areas.wijk_names()
options = indicator_options(areas)

VIEWS = ["Kaart", "Thema's per wijk", "Naast elkaar", "Woorden naast cijfers", "Tabel en download"]
view = st.radio("Weergave", VIEWS, horizontal=True, key="compare_view", label_visibility="collapsed")

if view == "Kaart":
    c1, c2 = st.columns([1, 2])
    mode = c1.radio("Kleur de wijken op", ["Cijfer", "Thema"], horizontal=True, key="map_mode")
    if mode == "Cijfer":
        if not options:
            st.info("Er zijn geen cijfers per wijk geladen.")
            values, label, unit, direction = {}, "", "", 1
        else:
            keys = list(options)
            default = "aantal_inwoners" if "aantal_inwoners" in keys else keys[0]
            key = c2.selectbox("Cijfer", keys, index=keys.index(default), format_func=lambda k: options[k], key="map_indicator")
            values = indicator_by_wijk(areas, key).to_dict()
            label, unit, direction = options[key], "", DIRECTION.get(key, 0)
    else:
        theme = c2.selectbox("Thema", themes, key="map_theme")
        matrix = theme_matrix(answers, long, areas, [theme], threshold)
        values = {c: v for c, v in zip(matrix["wijkcode"], matrix["Aandeel"]) if v is not None}
        label, unit, direction = f"Aandeel antwoorden over {theme}", "%", 1
    use_basemap = st.toggle("Achtergrondkaart tonen (haalt kaarttegels van internet)", value=False, key="basemap")
    result = choropleth(areas, values, label, percent_values=(mode == "Thema"), direction=direction,
                        basemap=use_basemap, threshold_note=f"minder dan {threshold} antwoorden" if mode == "Thema" else "")
    if result is None:
        st.info("Geen wijkgrenzen geladen: upload een GeoJSON op de pagina Gebieden en cijfers om de kaart te zien.")
    else:
        deck, legend = result
        event = st.pydeck_chart(deck, height=560, on_select="rerun", selection_mode="single-object", key="wijk_map")
        legend_df = pd.DataFrame(legend)
        legend_df["tekst"] = [f"{v} – {t}" if t else v for v, t in zip(legend_df["van"], legend_df["tot"])]
        legend_df["positie"] = range(len(legend_df))
        swatch = alt.Chart(legend_df).mark_square(size=260).encode(
            x=alt.X("positie:O", axis=None), color=alt.Color("kleur:N", scale=None)
        )
        text = alt.Chart(legend_df).mark_text(dy=20, fontSize=11).encode(x=alt.X("positie:O", axis=None), text="tekst:N")
        ui.altair((swatch + text).properties(height=60, title=label), width="stretch")
        hint = {1: "Donkerder = hoger (hier ongunstiger).", -1: "Donkerder = lager (hier ongunstiger).",
                0: "Donkerder = hoger."}[direction]
        st.caption(hint + " Klik op een wijk om die te kiezen. Kaart zonder achtergrond werkt offline. Bron cijfers: CBS.")
        picked = None
        try:
            objects = event.selection.objects.get("wijken", []) if event and event.selection else []
            picked = objects[0]["properties"]["wijkcode"] if objects else None
        except (AttributeError, KeyError, IndexError, TypeError):
            picked = None
        if picked and picked in names:
            ui.select_wijk(picked)
            st.success(ui.plain(f"Gekozen: {names[picked]}."))
            st.page_link("pages/7_Wijkprofiel.py", label=f"Open het wijkprofiel van {names[picked]}",
                         icon=":material/location_city:", query_params={"project": str(project.id), "wijk": picked})

if view == "Thema's per wijk":
    matrix = theme_matrix(answers, long, areas, themes, threshold)
    per_wijk = answers[answers["wijkcode"] != ""]["wijkcode"].value_counts()
    enough = per_wijk[per_wijk >= threshold]
    limit = 40
    if len(enough) > limit:
        limit = st.slider("Aantal wijken (met de meeste antwoorden)", 5, len(enough), limit, key="heat_limit")
    top = list(enough.index[:limit])
    shown = matrix[matrix["wijkcode"].isin(top)]
    hidden = sorted(set(matrix["Wijk"]) - set(matrix.loc[matrix["wijkcode"].isin(enough.index), "Wijk"]))
    if shown.empty:
        st.info(f"Geen wijk heeft {threshold} of meer antwoorden binnen de filters.")
    else:
        heat = alt.Chart(shown).mark_rect().encode(
            x=alt.X("Thema:N", sort=themes, title=None, axis=alt.Axis(labelAngle=-40, labelLimit=200, labelOverlap=False)),
            y=alt.Y("Wijk:N", title=None, sort="ascending", axis=alt.Axis(labelLimit=260, labelOverlap=False)),
            color=alt.Color("Aandeel:Q", scale=alt.Scale(scheme="blues"), legend=alt.Legend(format="%", title="Aandeel")),
            tooltip=[alt.Tooltip("Wijk:N"), alt.Tooltip("Thema:N"), alt.Tooltip("Aandeel tekst:N", title="Aandeel"),
                     alt.Tooltip("Antwoorden:N"), alt.Tooltip("Antwoorden wijk:N", title="Antwoorden uit de wijk")],
        ).properties(height=alt.Step(28))
        ui.altair(heat, width="stretch")
        st.caption("Aandeel van de antwoorden uit een wijk dat een thema noemt (een antwoord kan meer thema's noemen). "
                   "Beweeg over een vak voor de aantallen.")
    if hidden:
        st.caption(ui.plain(f"Niet getoond (minder dan {threshold} antwoorden): " + ", ".join(hidden)))

if view == "Naast elkaar":
    linked = [c for c in sorted(names, key=lambda c: names[c])]
    default = [c for c in records["wijkcode"].value_counts().index if c][:2] if records is not None and not records.empty else linked[:2]
    chosen = st.multiselect("Kies twee tot vier wijken", linked, default=default, max_selections=4,
                            format_func=lambda c: names[c], key="side_wijken")
    if len(chosen) < 2:
        st.info("Kies minstens twee wijken.")
    else:
        rows = {}
        for code in chosen:
            figures = key_figures(areas, code)
            figures = figures[figures["Wijk"].notna()]
            for ind, value, unit in zip(figures["Indicator"], figures["Wijk"], figures["Eenheid"]):
                rows.setdefault(f"{ind} ({unit})" if unit else ind, {})[names[code]] = format_number(value)
        st.markdown("**Cijfers** (laatste jaar per cijfer, Bron: CBS)")
        st.dataframe(pd.DataFrame(rows).T.fillna("–"), width="stretch")
        st.markdown("**Thema's** (aandeel van de antwoorden uit de wijk)")
        theme_cols = {}
        for code in chosen:
            shares = theme_shares(answers, long, code, themes, threshold).set_index("Thema")
            theme_cols[names[code]] = [percent(shares.at[t, "Aandeel wijk"]) if shares.at[t, "Aandeel wijk"] is not None
                                       else f"verborgen (<{threshold})" for t in themes]
        st.dataframe(pd.DataFrame(theme_cols, index=themes), width="stretch")

if view == "Woorden naast cijfers":
    st.write("Staat wat bewoners zeggen naast wat de cijfers zeggen? Elke stip is een wijk: hoe vaak bewoners een thema "
             "noemen tegenover het bijbehorende cijfer. Kleine wijken en wijken met weinig antwoorden doen niet mee.")
    saved_pairs = [list(p) for p in (project.settings.pairs or DEFAULT_PAIRS)]
    pairs = pd.DataFrame(saved_pairs, columns=["Thema", "Cijfer"])
    with st.expander("Koppelingen thema – cijfer aanpassen"):
        edited = st.data_editor(
            pairs, key="pairs_editor", num_rows="dynamic", hide_index=True, width="stretch",
            column_config={
                "Thema": st.column_config.SelectboxColumn("Thema", options=themes, required=True),
                "Cijfer": st.column_config.SelectboxColumn("Cijfer", options=sorted(set(options) | set(pairs["Cijfer"])),
                                                           required=True),
            },
        )
        if st.button("Koppelingen opslaan", key="save_pairs"):
            store.update_project_settings(project.id, pairs=[tuple(p) for p in edited.dropna().values.tolist()])
            st.rerun()
    usable = [(t, k) for t, k in saved_pairs if k in options and t in themes]
    if not usable:
        st.info("Geen van de koppelingen heeft een cijfer per wijk in de geladen bestanden. Voeg een koppeling toe met "
                "een cijfer dat wel per wijk beschikbaar is.")
    else:
        pick = st.selectbox("Koppeling", range(len(usable)), format_func=lambda i: f"{usable[i][0]} ↔ {options[usable[i][1]]}",
                            key="pair_pick")
        theme, key = usable[pick]
        points = words_beside_numbers(answers, long, areas, theme, key, threshold)
        if len(points) < 2:
            st.info(f"Te weinig wijken met {threshold} of meer antwoorden en een cijfer om te vergelijken.")
        else:
            points["Waarde tekst"] = points["Waarde"].map(format_number)
            base = alt.Chart(points).encode(
                x=alt.X("Waarde:Q", title=options[key], scale=alt.Scale(zero=False)),
                y=alt.Y("Aandeel:Q", title=f"Aandeel antwoorden over {theme}", axis=alt.Axis(format="%")),
                tooltip=[alt.Tooltip("Wijk:N"), alt.Tooltip("Aandeel tekst:N", title="Aandeel antwoorden"),
                         alt.Tooltip("Waarde tekst:N", title=options[key]), alt.Tooltip("Antwoorden wijk:N")],
            )
            chart = base.mark_circle(size=120, color="#0b5394") + base.mark_text(align="left", dx=8, fontSize=11).encode(text="Wijk:N")
            ui.altair(chart.properties(height=420), width="stretch")
            st.caption("Rechtsboven: veel inbreng over het thema én een hoog cijfer. Bron cijfers: CBS.")

if view == "Tabel en download":
    chosen_indicators = st.multiselect("Cijfers in de tabel", list(options), format_func=lambda k: options[k],
                                       default=[k for k in ("aantal_inwoners", "65plus", "0_15") if k in options],
                                       key="table_indicators")
    table = comparison_table(answers, records if records is not None else data.records, long, areas, themes,
                             chosen_indicators, threshold)
    st.dataframe(table, hide_index=True, width="stretch",
                 column_config={c: st.column_config.NumberColumn(format="%.1f") for c in table.columns if c.endswith("(%)")})
    st.caption(f"Aantallen onder de {threshold} staan als <{threshold}; aandelen op basis van minder antwoorden zijn leeg. "
               "Dat geldt ook voor de downloads.")
    ui.download_buttons(lambda fmt: table_bytes(table, fmt, "Wijken"), "wijkbeeld_wijken", st.columns([1, 1, 4]))
