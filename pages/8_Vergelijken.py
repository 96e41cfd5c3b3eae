"""Wijken vergelijken: map, wijk x theme heatmap, wijken side by side, words beside numbers, the full table."""

import pandas as pd
import streamlit as st

import ui
from lib.present import charts, tables
from lib.present.export import download_bytes
from lib.present.maps import SELECTION, choropleth, map_chart, map_deck, picked_wijk
from lib.present.text import reason
from lib.wijken.profile import (
    DEFAULT_PAIRS,
    DIRECTION,
    comparison_table,
    indicator_by_wijk,
    indicator_options,
    restrict,
    theme_matrix,
    theme_shares,
    words_beside_numbers,
)
from lib.wijken.rules import enough_answers

ctx = ui.page("Wijken vergelijken")
store, project = ctx.store, ctx.project
data = ctx.data
threshold = ctx.threshold
answers, records, names, codes, _filters = ui.wijk_view(ctx)
areas = data.areas
long = restrict(ui.long_themes(data), answers)
themes = data.codebook.names
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
        values = {c: v for c, v in zip(matrix["wijkcode"], matrix["share"]) if v == v}
        label, unit, direction = f"Aandeel antwoorden over {theme}", "%", 1
    use_basemap = st.toggle("Achtergrondkaart tonen (haalt kaarttegels van internet)", value=False, key="basemap")
    wijk_map = choropleth(areas, values, label, percent_values=(mode == "Thema"), direction=direction,
                          threshold_note=reason("few_answers", threshold) if mode == "Thema" else "")
    if wijk_map is None:
        st.info("Geen wijkgrenzen geladen: upload een GeoJSON op de pagina Gebieden en cijfers om de kaart te zien.")
    else:
        if use_basemap:
            event = st.pydeck_chart(map_deck(wijk_map, basemap=True), height=560, on_select="rerun",
                                    selection_mode="single-object", key="wijk_map_basemap")
        else:
            event = ui.altair(map_chart(wijk_map, height=560), on_select="rerun", selection_mode=SELECTION,
                              key="wijk_map", width="stretch")
        ui.altair(charts.legend_chart(wijk_map.legend, label))
        hint = {1: "Donkerder = hoger (hier ongunstiger).", -1: "Donkerder = lager (hier ongunstiger).",
                0: "Donkerder = hoger."}[direction]
        st.caption(hint + " Klik op een wijk om die te kiezen. Kaart zonder achtergrond werkt offline. Bron cijfers: CBS.")
        picked = picked_wijk(event.selection if event else None)
        if picked and picked in names:
            ui.select_wijk(picked)
            st.success(ui.plain(f"Gekozen: {names[picked]}."))
            st.page_link("pages/7_Wijkprofiel.py", label=ui.plain(f"Open het wijkprofiel van {names[picked]}"),
                         icon=":material/location_city:", query_params={"project": str(project.id), "wijk": picked})

if view == "Thema's per wijk":
    matrix = theme_matrix(answers, long, areas, themes, threshold)
    per_wijk = answers[answers["wijkcode"] != ""]["wijkcode"].value_counts()
    enough = per_wijk[[enough_answers(n, threshold) for n in per_wijk]]
    limit = 40
    if len(enough) > limit:
        limit = st.slider("Aantal wijken (met de meeste antwoorden)", 5, len(enough), limit, key="heat_limit")
    top = list(enough.index[:limit])
    shown = matrix[matrix["wijkcode"].isin(top)]
    hidden = sorted(set(matrix["wijknaam"]) - set(matrix.loc[matrix["wijkcode"].isin(enough.index), "wijknaam"]))
    if shown.empty:
        st.info(f"Geen wijk heeft {threshold} of meer antwoorden binnen de filters.")
    else:
        ui.altair(charts.heatmap(shown, themes, threshold=threshold), width="stretch")
        st.caption("Aandeel van de antwoorden uit een wijk dat een thema noemt (een antwoord kan meer thema's noemen). "
                   "Beweeg over een vak voor de aantallen.")
    if hidden:
        st.caption(ui.plain(f"Niet getoond (minder dan {threshold} antwoorden): " + ", ".join(hidden)))

if view == "Naast elkaar":
    linked = [c for c in sorted(names, key=lambda c: names[c])]
    default = [c for c in records["wijkcode"].value_counts().index if c][:2] if records is not None and not records.empty else linked[:2]
    chosen = st.multiselect("Kies twee tot vier wijken", linked, default=default, max_selections=4,
                            format_func=lambda c: names[c], placeholder="Kies wijken", key="side_wijken")
    if len(chosen) < 2:
        st.info("Kies minstens twee wijken.")
    else:
        st.markdown("**Cijfers** (laatste jaar per cijfer, Bron: CBS)")
        st.dataframe(tables.figures_side_by_side({names[c]: ui.key_figures(data, c) for c in chosen}), width="stretch")
        st.markdown("**Thema's** (aandeel van de antwoorden uit de wijk)")
        st.dataframe(tables.shares_side_by_side(
            {names[c]: theme_shares(answers, long, c, themes, threshold) for c in chosen}, themes, threshold),
            width="stretch")

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
            ui.altair(charts.words_beside_numbers_chart(points, theme, options[key], threshold), width="stretch")
            st.caption("Rechtsboven: veel inbreng over het thema én een hoog cijfer. Bron cijfers: CBS.")

if view == "Tabel en download":
    chosen_indicators = st.multiselect("Cijfers in de tabel", list(options), format_func=lambda k: options[k],
                                       placeholder="Kies cijfers", default=[k for k in ("aantal_inwoners", "65plus", "0_15") if k in options],
                                       key="table_indicators")
    comparison = comparison_table(answers, records if records is not None else data.records, long, areas, themes,
                                  chosen_indicators, threshold)
    spec = tables.comparison_columns(comparison, indicator_options(areas, 1))
    st.dataframe(tables.screen(comparison.table, spec, threshold), hide_index=True, width="stretch")
    st.caption(tables.numbers_note(threshold))
    ui.download_buttons(lambda fmt: download_bytes(tables.download(comparison.table, spec, threshold), fmt, "Wijken"),
                        "wijkbeeld_wijken", st.columns([1, 1, 4]))
