"""Thema's en codeboek: the themes, their keywords and hit counts; edit, import, export, learn."""

import pandas as pd
import streamlit as st

import ui
from lib.themes.agreement import per_theme, summary
from lib.themes.codebook import CodebookError, codebook_bytes, default_codebook, read_codebook
from lib.present.text import small
from lib.present.text import format_number, percent
from lib.themes.review import keyword_counts, keyword_proposals, save_codebook, theme_long, untagged_terms

ctx = ui.page("Thema's en codeboek")
store, project = ctx.store, ctx.project
data = ctx.data
codebook = data.codebook
answers = data.answers
threshold = ctx.threshold
tagger = ui.tagger_for(codebook)

ui.show_flash()


def store_codebook(new, renamed=None, message: str = "Codeboek opgeslagen.") -> None:
    save_codebook(store, project.id, new, renamed)
    ui.done(ctx, message)


st.write(
    "Elk open antwoord krijgt automatisch nul, één of meer thema's op basis van trefwoorden (ook in samenstellingen "
    "zoals ‘jongerenwerk’ en vervoegingen) en een toon. Pas het codeboek aan; correcties op de pagina "
    "Thema's beoordelen gaan altijd voor."
)

long = theme_long(answers)
counts = long["thema"].value_counts() if not long.empty else pd.Series(dtype=int)
n_answers = len(answers)
overview = pd.DataFrame(
    {
        "Thema": codebook.names,
        "Beschrijving": [t.description for t in codebook.themes],
        "Trefwoorden": [len(t.keywords) for t in codebook.themes],
        "Antwoorden": [small(int(counts.get(n, 0)), threshold) for n in codebook.names],
        "Aandeel": [
            percent(int(counts.get(n, 0)) / n_answers) if n_answers and counts.get(n, 0) >= threshold else "–"
            for n in codebook.names
        ],
    }
)
no_theme = int((answers["themes"] == "").sum()) if n_answers else 0
c1, c2, c3 = st.columns(3)
c1.metric("Thema's", len(codebook.themes))
c2.metric("Antwoorden met een thema", percent((n_answers - no_theme) / n_answers, 0) if n_answers else "–")
c3.metric("Antwoorden zonder thema", small(no_theme, threshold))
st.dataframe(
    overview,
    hide_index=True,
    width="stretch",
    column_config={
        "Beschrijving": st.column_config.TextColumn(width="large"),
        "Aandeel": st.column_config.TextColumn("Aandeel van de antwoorden"),
    },
)

tab_edit, tab_files, tab_learn, tab_none = st.tabs(
    ["Thema bewerken", "Importeren en exporteren", "Leren van correcties", "Antwoorden zonder thema"]
)

with tab_edit:
    if not codebook.names:
        st.info("Het codeboek is leeg. Voeg een thema toe of zet het standaardcodeboek terug.")
    else:
        name = st.selectbox("Thema", codebook.names, key="edit_theme")
        theme = codebook.theme(name)
        kw_counts = keyword_counts(answers, tagger)
        kw_counts = kw_counts[kw_counts["thema"] == name][["trefwoord", "antwoorden"]]
        c1, c2 = st.columns([3, 2])
        with c1:
            with st.form("describe_theme", border=False):
                new_name = st.text_input("Naam", value=theme.name)
                description = st.text_area("Beschrijving", value=theme.description, height=80)
                if st.form_submit_button("Naam en beschrijving opslaan"):
                    try:
                        updated = codebook.set_description(name, description)
                        renamed = None
                        if new_name.strip() != name:
                            updated = updated.rename_theme(name, new_name)
                            renamed = {name: new_name.strip()}
                    except CodebookError as exc:
                        st.error(ui.plain(str(exc)))
                    else:
                        store_codebook(updated, renamed, f"Thema ‘{new_name.strip()}’ opgeslagen.")
            with st.form("add_keywords", clear_on_submit=True, border=False):
                new_keywords = st.text_input(
                    "Trefwoorden toevoegen (gescheiden door komma's)",
                    placeholder="bijv. buurtkamer, koffieochtend, samen eten",
                    help="Een woord raakt ook vervoegingen en samenstellingen (‘buurthuis’ raakt ‘buurthuisactiviteiten’). "
                    "Meerdere woorden samen (‘te hard rijden’) raken die woorden achter elkaar. "
                    "Begin met = voor alleen precies dit woord (‘=ouderen’ raakt niet ‘ouders’), met ? voor een zwak "
                    "trefwoord dat alleen telt als niets anders het antwoord verklaart (‘?school’), met ! voor een "
                    "woordgroep waarin het thema juist niet telt (‘!kinderen wonen’: volwassen kinderen), met ~ voor een "
                    "woord dat ook als laatste deel telt (‘~park’ raakt ‘stadspark’, niet ‘parkeren’).",
                )
                if st.form_submit_button("Toevoegen"):
                    words = [w for w in new_keywords.split(",") if w.strip()]
                    if words:
                        store_codebook(codebook.add_keywords(name, words), message=f"{len(words)} trefwoord(en) toegevoegd.")
        with c2:
            st.caption("Trefwoorden en het aantal antwoorden dat ze raken")
            kw_table = kw_counts.assign(antwoorden=kw_counts["antwoorden"].map(lambda n: small(n, threshold)), weg=False)
            edited = st.data_editor(
                kw_table,
                key=f"kw_editor_{name}",
                hide_index=True,
                width="stretch",
                height=320,
                disabled=["trefwoord", "antwoorden"],
                column_config={
                    "trefwoord": "Trefwoord",
                    "antwoorden": st.column_config.TextColumn("Antwoorden", width="small"),
                    "weg": st.column_config.CheckboxColumn("Verwijderen", width="small"),
                },
            )
            remove = edited.loc[edited["weg"], "trefwoord"].tolist()
            if remove and st.button(f"{len(remove)} trefwoord(en) verwijderen", key="remove_keywords"):
                store_codebook(codebook.remove_keywords(name, remove), message=f"{len(remove)} trefwoord(en) verwijderd.")
        st.divider()
        c1, c2, c3 = st.columns(3)
        with c1.form("add_theme", clear_on_submit=True):
            st.markdown("**Nieuw thema**")
            added = st.text_input("Naam van het nieuwe thema")
            added_desc = st.text_input("Beschrijving (optioneel)")
            if st.form_submit_button("Thema toevoegen"):
                try:
                    store_codebook(codebook.add_theme(added, added_desc), message=f"Thema ‘{added.strip()}’ toegevoegd.")
                except CodebookError as exc:
                    st.error(ui.plain(str(exc)))
        with c2.form("merge_themes"):
            st.markdown("**Thema's samenvoegen**")
            sources = st.multiselect("Voeg deze thema's…", codebook.names, placeholder="Kies thema's")
            target = st.selectbox("…samen in", codebook.names)
            if st.form_submit_button("Samenvoegen") and sources:
                mapping = {s: target for s in sources if s != target}
                store_codebook(codebook.merge_themes(sources, target), mapping, f"Samengevoegd in ‘{target}’.")
        with c3.form("remove_theme"):
            st.markdown("**Thema verwijderen**")
            doomed = st.selectbox("Thema", codebook.names, key="remove_theme_name")
            sure = st.checkbox("Ja, verwijder dit thema (ook uit correcties)")
            if st.form_submit_button("Verwijderen") and sure:
                store_codebook(codebook.remove_theme(doomed), {doomed: None}, f"Thema ‘{doomed}’ verwijderd.")

with tab_files:
    st.write(
        "Het codeboek als tabel met één rij per thema en trefwoord (kolommen thema, beschrijving, trefwoord), "
        "om in Excel te bewerken of met andere gemeenten te delen."
    )
    c1, c2, c3 = st.columns(3)
    ui.download_buttons(lambda fmt: codebook_bytes(codebook, fmt), "wijkbeeld_codeboek", (c1, c2), verb="Exporteren als")
    if c3.button("Standaardcodeboek terugzetten", key="reset_codebook"):
        default = default_codebook()
        store_codebook(default, {n: None for n in codebook.names if n not in default.names}, "Standaardcodeboek teruggezet.")
    upload = st.file_uploader(
        "Codeboek importeren (vervangt het huidige codeboek)", type=["csv", "xlsx", "txt"],
        key=f"codebook_upload_{st.session_state.get('codebook_upload_n', 0)}",
    )
    if upload is not None:
        st.session_state["codebook_upload_n"] = st.session_state.get("codebook_upload_n", 0) + 1
        try:
            imported = read_codebook(upload.name, upload.getvalue())
        except CodebookError as exc:
            ui.flash("fout", f"Niet geïmporteerd — {exc} Het huidige codeboek blijft staan.")
            st.rerun()
        except Exception:  # noqa: BLE001
            ui.flash("fout", f"Niet geïmporteerd — {upload.name} kon niet worden gelezen. Het huidige codeboek blijft staan.")
            st.rerun()
        else:
            dropped = {n: None for n in codebook.names if n not in imported.names}
            store_codebook(imported, dropped, f"Codeboek geïmporteerd: {len(imported.themes)} thema's.")

with tab_learn:
    corrected = answers[answers["corrected"]] if n_answers else answers
    if corrected.empty:
        st.info("Nog geen correcties. Corrigeer thema's op de pagina Thema's beoordelen; dan ziet u hier hoe goed "
                "de automatische thema's overeenkomen en welke trefwoorden Wijkbeeld voorstelt.")
    else:
        st.markdown("**Overeenstemming tussen automatische thema's en correcties**")
        overall = summary(corrected["themes_auto"], corrected["themes"], codebook.names)
        c1, c2, c3, c4 = st.columns(4)
        c1.metric("Gecorrigeerde antwoorden", small(len(corrected), threshold))
        fmt = lambda v: format_number(v, 2)  # noqa: E731
        c2.metric("Precisie", fmt(overall["micro_precision"]))
        c3.metric("Recall", fmt(overall["micro_recall"]))
        c4.metric("Cohen's kappa", fmt(overall["kappa"]))
        table = per_theme(corrected["themes_auto"], corrected["themes"], codebook.names)
        table = table[(table["tp"] + table["fp"] + table["fn"]) > 0]
        st.dataframe(
            table[["thema", "precision", "recall", "f1", "kappa", "support"]].rename(
                columns={"thema": "Thema", "precision": "Precisie", "recall": "Recall", "f1": "F1",
                         "kappa": "Kappa", "support": "Volgens correcties"}
            ),
            hide_index=True, width="stretch",
            column_config={c: st.column_config.NumberColumn(format="%.2f") for c in ("Precisie", "Recall", "F1", "Kappa")},
        )
        st.markdown("**Voorgestelde trefwoorden**")
        st.caption("Woorden die vaak voorkomen in antwoorden waaraan u een thema met de hand toevoegde, en zelden elders.")
        proposals = keyword_proposals(answers, tagger)
        if proposals.empty:
            st.caption("Nog geen voorstellen: er zijn meer handmatig toegevoegde thema's nodig.")
        else:
            proposals = proposals.assign(toevoegen=False)
            chosen = st.data_editor(
                proposals, key="proposal_editor", hide_index=True, width="stretch",
                disabled=["theme", "keyword", "added_by_hand", "elsewhere", "lift"],
                column_config={"theme": "Thema", "keyword": "Trefwoord",
                               "added_by_hand": "In handmatig getagde antwoorden", "elsewhere": "In overige antwoorden",
                               "lift": "Oververtegenwoordiging", "toevoegen": "Toevoegen"},
            )
            picked = chosen[chosen["toevoegen"]]
            if not picked.empty and st.button(f"{len(picked)} trefwoord(en) toevoegen aan het codeboek", key="add_proposals"):
                updated = codebook
                for row in picked.itertuples():
                    updated = updated.add_keywords(row.theme, [row.keyword])
                store_codebook(updated, message=f"{len(picked)} voorgestelde trefwoord(en) toegevoegd.")

with tab_none:
    words, pairs = untagged_terms(answers)
    st.caption(
        f"{small(no_theme, threshold)} antwoorden hebben geen thema. De meest voorkomende betekenisvolle woorden en "
        "woordparen daarin (gestemd, zonder stopwoorden) zijn kandidaten voor trefwoorden of een nieuw thema."
    )
    c1, c2 = st.columns(2)
    words["antwoorden"] = words["antwoorden"].map(lambda n: small(n, threshold))
    pairs["keer"] = pairs["keer"].map(lambda n: small(n, threshold))
    c1.dataframe(words.rename(columns={"woord": "Woord", "antwoorden": "Antwoorden"}), hide_index=True, width="stretch")
    c2.dataframe(pairs.rename(columns={"woordpaar": "Woordpaar", "keer": "Keer"}), hide_index=True, width="stretch")
