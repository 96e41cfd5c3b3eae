"""Overzicht: the project at a glance (start page)."""

import streamlit as st

import ui
from lib.present import tables
from lib.present.text import format_number, percent, small
from lib.wijken.overview import sources_overview, wijk_coverage

ctx = ui.page("Overzicht")
data = ctx.data
summary = data.summary()
threshold = ctx.threshold

st.caption(
    f"Project **{ui.plain(ctx.project.name)}**"
    + (f" · gemeente {ui.plain(data.areas.gemeentenaam)} ({data.areas.gemeentecode})" if data.areas else "")
)
ui.show_flash()
ui.show_problems(data.problems)

if data.areas is None:
    st.subheader("Eerst: kies de gemeente van dit project")
    st.write(
        "Wijkbeeld heeft de wijken, CBS-cijfers (Kerncijfers wijken en buurten 2024), wijkkaart en postcodes van alle "
        "342 gemeenten bij zich. Kies uw gemeente; daarna kunt u meteen enquêtes uploaden."
    )
    codes, labels = ui.gemeente_options()
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    chosen = c1.selectbox("Gemeente", codes, index=None, format_func=labels.get, placeholder="Typ een paar letters van uw gemeente",
                          key="start_gemeente")
    if c2.button("Gemeente instellen", type="primary", disabled=chosen is None):
        ctx.store.update_project_settings(ctx.project.id, gemeentecode=chosen)
        ui.flash("ok", f"Gemeente {labels[chosen]} ingesteld: wijken, cijfers, kaart en postcodes zijn geladen.")
        st.rerun()

cols = st.columns(4)
cols[0].metric("Bronnen", format_number(summary["sources"]))
cols[1].metric("Antwoorden op open vragen", small(summary["answers"], threshold))
cols[2].metric(
    "Gekoppeld aan een wijk",
    percent(summary["linked_share"], 0),
    help="Aandeel van alle respondenten (rijen) dat aan een wijk is gekoppeld.",
)
cols[3].metric("Wijken met inbreng", f"{format_number(summary['wijken_with_input'])} van {format_number(summary['wijken'])}")

if not data.surveys:
    ready = (
        f"De wijken van {ui.plain(data.areas.gemeentenaam)} staan klaar ({len(data.areas.wijken)} wijken, met CBS-cijfers"
        f"{' en kaart' if data.areas.geojson else ''}). " if data.areas is not None else ""
    )
    st.info(ready + "Volgende stap: upload uw enquêtes, verslagen of notities op de pagina Bronnen.")
    st.page_link("pages/1_Bronnen.py", label="Naar Bronnen", icon=":material/upload_file:")

if data.surveys:
    st.subheader("Bronnen")
    sources = sources_overview(data, threshold)
    st.dataframe(
        tables.sources_table(sources, threshold),
        hide_index=True,
        width="stretch",
        column_config={
            "Gekoppeld": st.column_config.TextColumn("Gekoppeld", help="Aandeel respondenten dat aan een wijk is gekoppeld"),
        },
    )
    if (sources[["respondents_reason", "answers_reason"]] == "complementary").any(axis=None):
        st.caption(tables.secondary_note(threshold))

if data.areas is not None and not data.records.empty:
    st.subheader("Inbreng per wijk")
    coverage = wijk_coverage(data, threshold)
    secondary = (coverage[["respondents_reason", "answers_reason"]] == "complementary").any(axis=None)
    st.caption(
        f"Aantallen onder de {threshold} worden getoond als <{threshold} om herleidbaarheid te voorkomen. "
        + (tables.secondary_note(threshold) + " " if secondary else "")
        + "Inwoners: Bron: CBS."
    )
    st.dataframe(tables.screen(coverage, tables.COVERAGE, threshold), hide_index=True, width="stretch")
    unlinked = data.unlinked()
    if not unlinked.empty:
        n = int(unlinked["count"].sum())
        st.warning(
            f"{small(n, threshold)} respondenten zijn nog niet aan een wijk gekoppeld "
            f"({len(unlinked)} verschillende waarden).",
            icon=":material/link_off:",
        )
        st.page_link("pages/3_Koppelen.py", label="Koppelingen nakijken", icon=":material/link:")

st.subheader("Zo werkt Wijkbeeld")
st.write(
    "Wijkbeeld brengt inbreng van inwoners uit enquêtes, dialoogweken en gesprekken samen per wijk, naast de open "
    "cijfers van het CBS (Kerncijfers wijken en buurten, Bron: CBS, CC BY 4.0). Alle gegevens blijven op deze computer. "
    "Begin met de gemeente (zijbalk: Nieuw project), upload dan uw bronnen; de andere pagina's volgen daaruit."
)
STEPS = {
    "streamlit_app.py": "Het project in één oogopslag: bronnen, antwoorden, koppeling en inbreng per wijk.",
    "pages/1_Bronnen.py": "Enquêtes en verslagen uploaden; kopregel en rol van elke kolom nakijken; traject benoemen.",
    "pages/2_Gebieden.py": "Wijken, CBS-cijfers en kaart van uw gemeente; eigen KWB-export, wijkgrenzen of postcodetabel toevoegen.",
    "pages/3_Koppelen.py": "Niet-herkende wijknamen en postcodes koppelen; koppelingen bij benadering nakijken.",
    "pages/4_Antwoorden.py": "Alle open antwoorden met bron, wijk en thema's doorzoeken, filteren en downloaden.",
    "pages/5_Themas.py": "Het codeboek: thema's en trefwoorden bekijken en aanpassen, importeren en exporteren.",
    "pages/6_Beoordelen.py": "Thema's en toon van antwoorden corrigeren; voorstellen van de computer accepteren of afwijzen.",
    "pages/7_Wijkprofiel.py": "Eén wijk: CBS-cijfers naast de gemeente, thema's van inwoners en wie er (niet) gehoord is.",
    "pages/8_Vergelijken.py": "Wijken op de kaart en naast elkaar: cijfers en thema's, woorden naast getallen.",
    "pages/9_Advies.py": "Per wijk: prioriteiten, wie niet gehoord is en hoe u bewoners de volgende keer betrekt, met de cijfers erbij.",
    "pages/10_Rapport.py": "De samenvatting voor de raad als Word, PDF en Excel, voor één wijk of alle wijken.",
}
for path, label, icon in ui.PAGES:
    c1, c2 = st.columns([1, 3])
    with c1:
        st.page_link(path, label=label, icon=icon, query_params={"project": str(ctx.project.id)})
    c2.write(STEPS.get(path, ""))
