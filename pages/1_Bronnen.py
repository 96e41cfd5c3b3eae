"""Bronnen: upload survey files and check what Wijkbeeld understood of them."""

from datetime import date

import streamlit as st

import ui
from lib.core.errors import WijkbeeldError
from lib.core.store import TRAJECTORY_TYPES
from lib.present.text import format_number, listing
from lib.reading.readers import MAX_FILE_BYTES, MAX_ROWS, SUPPORTED_EXTENSIONS
from lib.reading.roles import ROLE_LABELS
from lib.reading.surveys import default_trajectory_name, read_survey, role_overrides, role_table

ctx = ui.page("Bronnen")
store, project = ctx.store, ctx.project

st.write(
    "Upload enquêtes, evaluaties en verslagen zoals ze uit Microsoft Forms, LimeSurvey of Excel komen. "
    "Wijkbeeld zoekt per blad de kopregel en bepaalt per kolom wat erin staat; u kunt alles aanpassen."
)
st.caption(
    f"Bestandstypen: {', '.join(sorted(e.lstrip('.') for e in SUPPORTED_EXTENSIONS))}. "
    f"Maximaal {MAX_FILE_BYTES // 1024 // 1024} MB en {format_number(MAX_ROWS)} rijen per blad."
)

ui.show_flash()

uploader_key = f"survey_upload_{st.session_state.get('survey_upload_n', 0)}"
uploads = st.file_uploader(
    "Enquêtebestanden kiezen",
    type=[e.lstrip(".") for e in SUPPORTED_EXTENSIONS],
    accept_multiple_files=True,
    key=uploader_key,
)
if uploads:
    known = ctx.data.gazetteer.known_tokens() if ctx.data.gazetteer else None
    bar = st.progress(0.0, text="Bestanden lezen…")
    for i, upload in enumerate(uploads):
        bar.progress(i / len(uploads), text=ui.plain(f"{upload.name} lezen ({i + 1} van {len(uploads)})"))
        data = upload.getvalue()
        try:
            survey = read_survey(upload.name, data, known_wijken=known)
            if not survey.sheets:
                raise WijkbeeldError(
                    "geen tabel met gegevens gevonden (alleen tekst of lege bladen). "
                    "Controleer of de kopregel en de antwoorden in het bestand staan.",
                    filename=upload.name,
                )
        except WijkbeeldError as exc:
            ui.flash("fout", f"Niet geladen — {exc}")
            continue
        except Exception:  # noqa: BLE001 - any parser failure must not crash the page
            ui.flash("fout", f"Niet geladen — {upload.name}: het bestand kon niet worden gelezen. "
                             "Open het in Excel en sla het opnieuw op als .xlsx of .csv.")
            continue
        store.add_file(project.id, upload.name, "enquete", data, trajectory=default_trajectory_name(upload.name))
        sheets = [s.table.sheet for s in survey.sheets if s.table.sheet]
        ui.flash("ok", f"{upload.name}: {format_number(survey.n_records)} rijen gelezen"
                 + (f" uit de bladen {listing(sheets)}" if len(sheets) > 1 else "") + ".")
    bar.empty()
    st.session_state["survey_upload_n"] = st.session_state.get("survey_upload_n", 0) + 1
    st.rerun()

data = ctx.data
files = {f.id: f for f in store.files(project.id, "enquete")}
surveys = {s.source_id: s for s in data.surveys}
ui.show_problems([p for p in data.problems if any(f.name in p for f in files.values())])

if not files:
    st.info("Nog geen bronnen. Kies hierboven één of meer bestanden.")

label_options = list(ROLE_LABELS.values())
for file_id, stored in files.items():
    survey = surveys.get(file_id)
    title = f"{stored.trajectory or stored.name} — {stored.name}"
    with st.expander(ui.plain(title), expanded=len(files) == 1):  # a file name is no Markdown
        with st.form(f"traject_{file_id}", border=False):
            c1, c2, c3 = st.columns([3, 2, 1.3])
            name = c1.text_input("Naam van het traject", value=stored.trajectory, placeholder="bijv. Dialoogweek 2023")
            types = TRAJECTORY_TYPES
            ttype = c2.selectbox(
                "Soort traject", types, index=types.index(stored.trajectory_type) if stored.trajectory_type in types else len(types) - 1
            )
            try:
                current_date = date.fromisoformat(stored.trajectory_date) if stored.trajectory_date else None
            except ValueError:
                current_date = None
            when = c3.date_input("Datum", value=current_date, format="DD-MM-YYYY")
            if st.form_submit_button("Traject opslaan"):
                store.update_file(file_id, trajectory=name.strip(), trajectory_type=ttype, trajectory_date=when.isoformat() if when else "")
                st.rerun()
        if survey is None:
            st.error("Dit bestand kan op dit moment niet worden gelezen; zie de melding bovenaan.")
        else:
            if survey.encoding:
                sep = {";": "puntkomma", ",": "komma", "\t": "tab", "|": "verticale streep"}.get(survey.separator or "", survey.separator)
                st.caption(f"Tekstbestand · tekenset {survey.encoding} · scheidingsteken {sep}")
            if survey.without_table:
                st.caption("Bladen zonder tabel (overgeslagen): " + ", ".join(ui.plain(s) for s in survey.without_table))
            for sheet in survey.sheets:
                table = sheet.table
                sheet_key = table.sheet
                st.markdown(f"**Blad {ui.plain(sheet_key)}**" if sheet_key else "**Tabel**")
                c1, c2 = st.columns([1, 3])
                header = c1.number_input(
                    "Kopregel (rijnummer in Excel)",
                    min_value=1,
                    max_value=max(1, table.header_row + 200),
                    value=int(table.header_row),
                    key=f"header_{file_id}_{sheet_key}",
                    help="De rij met de kolomnamen. Rijen erboven (titel, toelichting) worden overgeslagen.",
                )
                c2.caption(f"{table.n_records} rijen met gegevens onder de kopregel (rij {table.header_row}).")
                if header != table.header_row:
                    header_rows = {**stored.settings.header_rows, sheet_key: int(header)}
                    roles = {k: v for k, v in stored.settings.roles.items() if k != sheet_key}
                    store.update_file(file_id, settings={"header_rows": header_rows, "roles": roles})
                    st.rerun()
                edited = st.data_editor(
                    role_table(sheet),
                    key=f"roles_{file_id}_{sheet_key}_{table.header_row}",
                    hide_index=True,
                    width="stretch",
                    disabled=["Kolom", "Automatisch", "Voorbeelden"],
                    column_config={
                        "Rol": st.column_config.SelectboxColumn("Rol", options=label_options, required=True, width="medium"),
                        "Automatisch": st.column_config.TextColumn("Automatisch herkend", width="small"),
                        "Voorbeelden": st.column_config.TextColumn("Voorbeelden (gemaskeerd)", width="large"),
                    },
                )
                chosen = dict(zip(edited["Kolom"], edited["Rol"]))
                if chosen != {c: r.label for c, r in sheet.roles.items()}:
                    roles = {**stored.settings.roles, sheet_key: role_overrides(sheet, chosen)}
                    store.update_file(file_id, settings={"roles": roles})
                    st.rerun()
        confirm = st.checkbox("Ik wil dit bestand uit het project verwijderen", key=f"confirm_del_{file_id}")
        if st.button("Bestand verwijderen", key=f"del_{file_id}", disabled=not confirm, type="secondary"):
            store.delete_file(file_id)
            st.rerun()
