"""Gebieden en cijfers: the gemeente's wijken, CBS figures, wijk boundaries and postcode table."""

import streamlit as st

import ui
from lib.areas.figures import read_area_table
from lib.areas.geo import read_geojson
from lib.areas.national import area_codes_of, foreign_gemeente
from lib.core.errors import WijkbeeldError
from lib.present import charts, tables
from lib.present.maps import choropleth, map_chart
from lib.present.text import format_number
from lib.wijken.profile import indicator_catalogue, wijk_table
from lib.areas.postcodes import read_postcode_table

ctx = ui.page("Gebieden en cijfers")
store, project = ctx.store, ctx.project

st.write(
    "De wijken van uw gemeente met hun CBS-cijfers, kaart en postcodes. Wijkbeeld heeft die voor alle 342 gemeenten "
    "bij zich (Kerncijfers wijken en buurten 2024). Voeg hier desgewenst uw eigen bestanden toe: een KWB-download "
    "(kwb-2024.xlsx of .csv), een StatLine- of OData-export of een eigen tabel met een kolom wijkcode, wijkgrenzen "
    "(GeoJSON) of een postcodetabel. Wat u zelf laadt, gaat voor de meegeleverde gegevens."
)

ui.show_flash()

READERS = {
    "gebied": (read_area_table, ["csv", "txt", "xlsx", "xls", "ods"], "CBS-cijfers of andere open data per wijk (CSV, XLSX)"),
    "geo": (read_geojson, ["geojson", "json"], "Wijkgrenzen (GeoJSON)"),
    "postcode": (read_postcode_table, ["csv", "xlsx"], "Postcodetabel: PC4 of PC6 naar wijk (CSV, XLSX)"),
}
n = st.session_state.get("area_upload_n", 0)
cols = st.columns(3)
for col, (kind, (reader, types, label)) in zip(cols, READERS.items()):
    uploads = col.file_uploader(label, type=types, accept_multiple_files=True, key=f"area_{kind}_{n}")
    if uploads:
        for upload in uploads:
            data = upload.getvalue()
            try:
                result = reader(upload.name, data)
            except WijkbeeldError as exc:
                ui.flash("fout", f"Niet geladen — {exc}")
                continue
            except Exception:  # noqa: BLE001
                ui.flash("fout", f"Niet geladen — {upload.name}: het bestand kon niet worden gelezen.")
                continue
            own = project.settings.gemeentecode or (ctx.data.areas.gemeentecode if ctx.data.areas is not None else None)
            foreign = foreign_gemeente(upload.name, area_codes_of(result), own)
            if foreign is not None:  # a file of another gemeente is refused; the project stays as it was
                ui.flash("fout", f"Niet geladen — {foreign}")
                continue
            store.add_file(project.id, upload.name, kind, data)
            ui.flash("ok", f"{upload.name} geladen.")
        st.session_state["area_upload_n"] = n + 1
        st.rerun()

data = ctx.data
area_files = [f for f in store.files(project.id) if f.kind != "enquete"]
ui.show_problems([p for p in data.problems if any(f.name in p for f in area_files) or "wijk" in p])
areas = data.areas

def _choose_gemeente(label: str, current: str | None = None, key: str = "gebieden_gemeente") -> None:
    """Set the project's gemeente (``settings['gemeentecode']``): its bundled CBS data is used from then on."""
    codes, labels = ui.gemeente_options()
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    chosen = c1.selectbox(label, codes, index=codes.index(current) if current in codes else None, format_func=labels.get,
                          placeholder="Typ een paar letters van uw gemeente", key=key)
    if c2.button("Gemeente instellen", key=f"{key}_ok", disabled=chosen is None or chosen == current):
        store.update_project_settings(project.id, gemeentecode=chosen)
        ui.flash("ok", f"Gemeente {labels[chosen]} ingesteld.")
        st.rerun()


if areas is None:
    st.info("Dit project heeft nog geen gemeente. Kies de gemeente: wijken, CBS-cijfers, kaart en postcodes worden "
            "meteen geladen. U kunt ook hierboven zelf een CBS-export uploaden.")
    _choose_gemeente("Gemeente van dit project")
else:
    if areas.notes:
        st.info(" ".join(areas.notes), icon=":material/info:")
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("Gemeente", ui.plain(areas.gemeentenaam))  # a metric value is Markdown too
    c2.metric("Wijken", len(areas.wijken))
    c3.metric("Indicatoren", areas.indicators["indicator"].nunique())
    gm_pop = areas.latest().query("area_code == @areas.gemeentecode and indicator == 'aantal_inwoners'")
    c4.metric("Inwoners", format_number(gm_pop["value"].iloc[0]) if not gm_pop.empty else "onbekend")
    if len(areas.gemeenten) > 1:
        codes = list(areas.gemeenten)
        chosen = st.selectbox(
            "De bestanden bevatten meerdere gemeenten; welke is de uwe?",
            codes,
            index=codes.index(areas.gemeentecode),
            format_func=lambda c: f"{areas.gemeenten[c]} ({c})",
        )
        if chosen != areas.gemeentecode:
            store.update_project_settings(project.id, gemeentecode=chosen)
            st.rerun()

    tab_wijken, tab_cijfers, tab_kaart, tab_bestanden = st.tabs(["Wijken", "Cijfers", "Kaart", "Bestanden"])
    with tab_wijken:
        st.caption(
            "Wijken met minder dan 500 inwoners zijn als klein gebied gemarkeerd: percentages en cijfers per "
            "1.000 inwoners zijn daar weinig zeggend. Inwoners: laatste beschikbare jaar, Bron: CBS."
        )
        st.dataframe(
            tables.wijken_table(wijk_table(areas)),
            hide_index=True,
            width="stretch",
        )
    with tab_cijfers:
        st.caption(
            "Alle indicatoren uit de geladen bestanden. Per indicator wordt steeds het laatste jaar gebruikt dat "
            "een waarde heeft. Een indicator zonder wijkwaarden is alleen voor de hele gemeente beschikbaar."
        )
        st.dataframe(tables.catalogue_table(indicator_catalogue(areas)), hide_index=True, width="stretch")
    with tab_kaart:
        pop = dict(zip(areas.wijken["wijkcode"], areas.wijken["inhabitants"]))
        wijk_map = choropleth(areas, pop, "Inwoners")
        if wijk_map is None:
            st.info("Geen wijkgrenzen geladen. Upload een GeoJSON met de wijken om de kaart te zien.")
        else:
            st.caption("Kleur: aantal inwoners (donkerder = meer). Kaart zonder achtergrondkaart; werkt offline. "
                       "Op de pagina Wijken vergelijken kleurt u de kaart op elk cijfer of thema.")
            ui.altair(map_chart(wijk_map), width="stretch")
            ui.altair(charts.legend_chart(wijk_map.legend, "Inwoners"))
    with tab_bestanden:
        labels = {"gebied": "Cijfers", "geo": "Wijkgrenzen", "postcode": "Postcodetabel"}
        for f in area_files:
            c1, c2 = st.columns([5, 1])
            c1.text(f"{labels[f.kind]}: {f.name} (geladen {f.uploaded.replace('T', ' ')})")
            if c2.button("Verwijderen", key=f"del_area_{f.id}"):
                store.delete_file(f.id)
                st.rerun()
        if data.gazetteer is not None:
            n_pc4 = len(data.gazetteer.pc4)
            bundled = any("PC4-tabel" in n for n in areas.notes)
            st.caption(
                f"Postcodetabel: {n_pc4} postcodes (PC4){', meegeleverd (CBS-adressen 2024)' if bundled else ''}."
                if n_pc4
                else "Geen postcodetabel geladen: antwoorden met alleen een postcode blijven ongekoppeld."
            )
        if not area_files:
            st.caption("Geen eigen gebiedsbestanden: de meegeleverde CBS-gegevens worden gebruikt.")
        st.divider()
        _choose_gemeente("Gemeente van dit project wijzigen", project.settings.gemeentecode or areas.gemeentecode,
                         key="gebieden_gemeente_wijzigen")
