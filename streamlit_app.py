"""Overzicht: the project at a glance (start page)."""

import pandas as pd
import streamlit as st

import ui
from lib.wijken.overview import sources_overview, wijk_coverage
from lib.core.privacy import small
from lib.wijken.profile import percent

ctx = ui.page("Overzicht")
data = ctx.data
summary = data.summary()
threshold = ctx.threshold

st.caption(
    f"Project **{ui.plain(ctx.project.name)}**"
    + (f" · gemeente {ui.plain(data.areas.gemeentenaam)} ({data.areas.gemeentecode})" if data.areas else "")
)
ui.show_problems(data.problems)

cols = st.columns(4)
cols[0].metric("Bronnen", summary["sources"])
cols[1].metric("Antwoorden op open vragen", small(summary["answers"], threshold))
cols[2].metric(
    "Gekoppeld aan een wijk",
    f"{summary['linked_share']:.0%}".replace(".", ","),
    help="Aandeel van alle respondenten (rijen) dat aan een wijk is gekoppeld.",
)
cols[3].metric("Wijken met inbreng", f"{summary['wijken_with_input']} van {summary['wijken']}")

if not data.surveys:
    st.info("Nog geen enquêtes of verslagen in dit project. Upload ze op de pagina Bronnen.")
    st.page_link("pages/1_Bronnen.py", label="Naar Bronnen", icon=":material/upload_file:")
if data.areas is None:
    st.info("Nog geen gebieden geladen. Laad de wijken van uw gemeente op de pagina Gebieden en cijfers.")
    st.page_link("pages/2_Gebieden.py", label="Naar Gebieden en cijfers", icon=":material/map:")

if data.surveys:
    st.subheader("Bronnen")
    overview = sources_overview(data, threshold)
    overview["Gekoppeld"] = [percent(v, 0) if v is not None and v == v else "–" for v in overview["Gekoppeld"]]
    st.dataframe(
        overview,
        hide_index=True,
        width="stretch",
        column_config={
            "Gekoppeld": st.column_config.TextColumn("Gekoppeld", help="Aandeel respondenten dat aan een wijk is gekoppeld"),
        },
    )

if data.areas is not None and not data.records.empty:
    st.subheader("Inbreng per wijk")
    coverage = wijk_coverage(data, threshold)
    st.caption(
        f"Aantallen onder de {threshold} worden getoond als <{threshold} om herleidbaarheid te voorkomen. "
        "Inwoners: Bron: CBS."
    )
    st.dataframe(coverage, hide_index=True, width="stretch")
    unlinked = data.unlinked()
    if not unlinked.empty:
        n = int(unlinked["count"].sum())
        st.warning(
            f"{small(n, threshold)} respondenten zijn nog niet aan een wijk gekoppeld "
            f"({len(unlinked)} verschillende waarden).",
            icon=":material/link_off:",
        )
        st.page_link("pages/3_Koppelen.py", label="Koppelingen nakijken", icon=":material/link:")

with st.expander("Over Wijkbeeld"):
    st.write(
        "Wijkbeeld brengt inbreng van inwoners uit enquêtes, dialoogweken en gesprekken samen per wijk, "
        "naast de open cijfers van het CBS (Kerncijfers wijken en buurten, Bron: CBS, CC BY 4.0). "
        "Alle gegevens blijven op deze computer."
    )
    st.dataframe(pd.DataFrame({"Stap": ["1. Bronnen", "2. Gebieden en cijfers", "3. Koppelen", "4. Antwoorden"],
                               "Wat doet u daar": ["Enquêtes en verslagen uploaden en kolommen nakijken",
                                                   "Wijken, CBS-cijfers, kaart en postcodetabel laden",
                                                   "Niet-herkende wijknamen en postcodes koppelen",
                                                   "Alle antwoorden doorzoeken en downloaden"]}),
                 hide_index=True, width="stretch")
