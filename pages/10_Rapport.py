"""Rapport: the summary for the council (one wijk or all wijken) as Word, PDF and Excel."""

import streamlit as st

import ui
from lib.advice.analysis import advise
from lib.advice.state import load_state
from lib.report import FORMATS, MIME, file_name, write_all
from lib.report.build import build_report

ctx = ui.page("Rapport")
store, project = ctx.store, ctx.project
data = ctx.data
threshold = ctx.threshold
answers, records, names, codes, _filters = ui.wijk_view(ctx)
st.write("Een samenvatting om ongewijzigd naar de raad of het wijkteam te sturen: voorblad, samenvatting, per wijk de "
         "cijfers, wat bewoners inbrachten, wie gehoord is, de betrokkenheidsprofielen en de aanbevelingen met de "
         "notities van medewerkers; aan het eind bronnen, werkwijze en privacyregels.")
everything = st.radio("Welke wijken", ["Alle wijken", "Een keuze"], horizontal=True, key="report_scope")
chosen = codes
if everything == "Een keuze":
    current = ui.selected_wijk(data)
    chosen = st.multiselect("Wijken", codes, default=[current] if current in codes else [], format_func=lambda c: names[c],
                            key="report_wijken", placeholder="Kies een of meer wijken")
labels = {"docx": "Word", "pdf": "PDF", "xlsx": "Excel"}
formats = st.multiselect("Formaten", list(FORMATS), default=list(FORMATS), format_func=lambda f: labels[f],
                         key="report_formats")
st.caption(f"Aantallen onder de {threshold} worden niet getoond en citaten zijn gemaskeerd, precies als op het scherm. "
           "De filters uit de zijbalk gelden ook voor het rapport.")
if st.button("Rapport maken", type="primary", disabled=not chosen or not formats, key="report_make"):
    bar = st.progress(0.0, text="Advies berekenen…")
    result = advise(data.areas, data.surveys, records, answers, list(data.codebook.names), load_state(store, project.id),
                    threshold, data.settings.pairs, wijken=list(chosen))
    bar.progress(0.3, text="Grafieken en tekst maken…")
    report = build_report(result, charts="docx" in formats or "pdf" in formats)

    def progress(fraction: float, label: str) -> None:
        bar.progress(0.5 + 0.5 * fraction, text=f"Bezig: {label}")

    files = write_all(report, formats, progress)
    bar.empty()
    st.session_state["report_files"] = {fmt: (file_name(report, fmt), content) for fmt, content in files.items()}
    st.session_state["report_label"] = f"{len(report.sections)} {'wijk' if len(report.sections) == 1 else 'wijken'}"
files = st.session_state.get("report_files")
if files:
    st.success(ui.plain(f"Rapport klaar ({st.session_state.get('report_label', '')})."))
    cols = st.columns(len(files))
    for col, (fmt, (name, content)) in zip(cols, files.items()):
        col.download_button(f"Download {labels[fmt]}", data=content, file_name=name, mime=MIME[fmt], on_click="ignore",
                            key=f"download_{fmt}")
