"""Advies: per wijk what residents need and how to involve them next, with the reasons in numbers; editable."""

import json

import pandas as pd
import streamlit as st

import ui
from lib.advice import recommend
from lib.advice.analysis import advise
from lib.advice.profiles import import_mix, postcode_addresses
from lib.advice.state import load_state, save_edits, save_mix, save_table
from lib.advice.tables import SPECS, AdviceTableError, for_download, read_table
from lib.core.errors import WijkbeeldError
from lib.present import charts_advice
from lib.present.export import table_bytes
from lib.present.text import format_number, percent
from lib.report import wording as w

ctx = ui.page("Advies")
ui.show_flash()
store, project = ctx.store, ctx.project
data = ctx.data
threshold = ctx.threshold
answers, records, names, codes, flt = ui.wijk_view(ctx)
state = load_state(store, project.id)


@st.cache_resource
def _advice_cache() -> dict:
    return {}


def advice_result():
    """The advice for all wijken, cached by the project's analysis, the filters and the advice state."""
    key = json.dumps([str(store.path), project.id, data.version, threshold, len(answers), len(records),
                      flt.sources, str(flt.start), str(flt.end), flt.themes, flt.tones,
                      {k: v.to_json() for k, v in state.tables.items()},
                      None if state.mix is None else state.mix.to_json(), state.edits], default=str)
    cache = _advice_cache()
    if key not in cache:
        if len(cache) > 8:
            cache.pop(next(iter(cache)))
        with st.spinner("Advies berekenen…"):
            cache[key] = advise(data.areas, data.surveys, records, answers, list(data.codebook.names), state, threshold,
                                data.settings.pairs)
    return cache[key]


result = advice_result()
profile_names = dict(zip(result.profiles["profile"], result.profiles["name"]))
current = ui.selected_wijk(data)
wijk_code = st.selectbox("Wijk", codes, index=codes.index(current) if current in codes else 0,
                         format_func=lambda c: names[c], key="advice_wijk")
if wijk_code != current:
    ui.select_wijk(wijk_code)
wijk = result.wijken[wijk_code]


def save(edits: dict, message: str) -> None:
    save_edits(store, project.id, edits)
    ui.flash("ok", message)
    st.rerun()


tab_wijk, tab_all, tab_profiles, tab_tables = st.tabs(
    ["Aanbevelingen voor deze wijk", "Alle wijken", "Betrokkenheidsprofielen", "Regels en tabellen"])

with tab_wijk:
    ov = result.overview.set_index("wijkcode").loc[wijk_code]
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("Inwoners", format_number(wijk.inhabitants, 0))
    c2.metric("Respondenten", w.count(wijk.respondents, threshold) if wijk.respondents != 0 else "0")
    c3.metric("Per 1.000 inwoners", format_number(ov["per_1000"], 1))
    c4.metric("Representativiteit (leeftijd)", format_number(wijk.score, 2) if wijk.score is not None else "–",
              help="Laagste deelname per 1.000 inwoners van een leeftijdsgroep gedeeld door de hoogste; 1 = alle "
                   "groepen even goed gehoord.")
    if wijk.tiny:
        st.warning("Klein gebied (minder dan 500 inwoners): percentages zeggen hier weinig.", icon=":material/info:")
    st.caption("Elke aanbeveling met de cijfers waarop ze rust. Bewerken, volgorde en notities worden in het project "
               "bewaard en blijven staan na een nieuwe analyse.")
    ids = [r.id for r in wijk.recommendations]
    for i, rec in enumerate(wijk.recommendations):
        with st.container(border=True):
            head, buttons = st.columns([6, 2])
            mark = w.marks(rec)
            head.markdown(f"**{ui.plain(w.title(rec, result.forms, result.ladder))}**"
                          + (f"  \n:orange[{ui.plain(mark)}]" if mark else ""))
            st.text(w.sentence(rec, result.forms, result.ladder))
            for reason in rec.reasons:
                text = w.reason(reason, threshold, profile_names)
                if text:
                    st.caption(ui.plain("• " + text))
            b1, b2, b3 = buttons.columns(3)
            if b1.button("↑", key=f"up_{rec.id}", disabled=i == 0, help="Hoger zetten"):
                save(recommend.move(state.edits, wijk_code, ids, rec.id, -1), "Volgorde aangepast.")
            if b2.button("↓", key=f"down_{rec.id}", disabled=i == len(ids) - 1, help="Lager zetten"):
                save(recommend.move(state.edits, wijk_code, ids, rec.id, 1), "Volgorde aangepast.")
            if b3.button("✕", key=f"drop_{rec.id}", help="Aanbeveling weglaten"):
                save(recommend.drop(state.edits, wijk_code, rec.id), "Aanbeveling weggelaten (terug te zetten hieronder).")
            with st.expander("Tekst aanpassen"):
                new = st.text_area("Eigen tekst (leeg = de automatische tekst)", value=rec.text, key=f"text_{rec.id}")
                if st.button("Tekst bewaren", key=f"save_{rec.id}"):
                    save(recommend.edit_text(state.edits, wijk_code, rec, new), "Tekst bewaard.")
    if wijk.dropped:
        with st.expander(f"Weggelaten aanbevelingen ({len(wijk.dropped)})"):
            for rec in wijk.dropped:
                cols = st.columns([6, 2])
                cols[0].text(w.title(rec, result.forms, result.ladder))
                if cols[1].button("Terugzetten", key=f"restore_{rec.id}"):
                    save(recommend.drop(state.edits, wijk_code, rec.id, dropped=False), "Aanbeveling teruggezet.")
    with st.form("add_rec", clear_on_submit=True):
        text = st.text_area("Eigen aanbeveling toevoegen")
        if st.form_submit_button("Toevoegen") and text.strip():
            edits, _rid = recommend.add(state.edits, wijk_code, text)
            save(edits, "Aanbeveling toegevoegd.")
    with st.form("note"):
        note = st.text_area("Notitie bij deze wijk (komt in het rapport)", value=wijk.note)
        if st.form_submit_button("Notitie bewaren"):
            save(recommend.set_note(state.edits, wijk_code, note), "Notitie bewaard.")
    chart = charts_advice.side_by_side(charts_advice.theme_chart(wijk.themes), charts_advice.age_chart(wijk.ages))
    if chart is not None and not wijk.tiny and (wijk.answers or 0) >= threshold:
        ui.altair(chart)

with tab_all:
    rows = []
    for code in codes:
        wk = result.wijken[code]
        o = result.overview.set_index("wijkcode").loc[code]
        involve = next((r for r in wk.recommendations if r.kind == "involve"), None)
        rows.append({
            "Wijk": wk.wijknaam, "Inwoners": format_number(wk.inhabitants, 0),
            "Respondenten": w.count(wk.respondents, threshold) if wk.respondents != 0 else "0",
            "Per 1.000 inwoners": format_number(o["per_1000"], 1),
            "Representativiteit": format_number(wk.score, 2) if wk.score is not None else "–",
            "Prioriteiten": ", ".join(r.subject for r in wk.recommendations if r.kind == "priority") or "–",
            "Signalen": ", ".join(r.subject for r in wk.recommendations if r.kind == "signal") or "–",
            "Minder gehoord": ", ".join(w.band(r.subject) for r in wk.recommendations
                                        if r.kind == "not_heard" and r.subject in {"15-25", "25-45", "45-65", "65+"}) or "–",
            "Volgende keer": "–" if involve is None else f"{involve.rung}: "
            + ", ".join(w.form_names(involve.forms, result.forms)).lower(),
        })
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    reach = charts_advice.reach_chart(result.overview, names, result.gemeente_rate)
    if reach is not None:
        ui.altair(reach)
    st.caption(f"Aantallen onder de {threshold} worden niet getoond. Inwoners: Bron: CBS.")

with tab_profiles:
    st.markdown(f"**{ui.plain(wijk.wijknaam)}**: " + ui.plain(
        "verdeling " + w.MIX_KINDS.get(wijk.mix_kind, "onbekend") + " gebruikt voor het advies."))
    if not wijk.mix.empty:
        table = wijk.mix.pivot_table(index="profile", columns="kind", values="share", aggfunc="first")
        table = table.reindex([p for p in result.profiles["profile"] if p in table.index]
                              + [p for p in table.index if p not in profile_names])
        if wijk.mix_kind in table.columns:
            table = table.sort_values(wijk.mix_kind, ascending=False)
        shown = pd.DataFrame({"Profiel": [profile_names.get(p, p) for p in table.index]})
        for kind in ("measured", "imported", "estimate"):
            if kind in table.columns:
                shown[w.MIX_KINDS[kind][0].upper() + w.MIX_KINDS[kind][1:]] = [percent(v, 0) for v in table[kind]]
        st.dataframe(shown, hide_index=True, width="stretch")
        mix_chart = charts_advice.mix_chart(wijk.mix, profile_names)
        if mix_chart is not None:
            ui.altair(mix_chart)
    if len(wijk.basis):
        st.markdown("**Waarop de schatting rust** (Bron: CBS; z = afwijking van de gemeente in standaardafwijkingen)")
        st.dataframe(pd.DataFrame({
            "Cijfer": wijk.basis["label"], "Wijk": [w.with_unit(v, u) for v, u in zip(wijk.basis["value"], wijk.basis["unit"])],
            "Gemeente": [w.with_unit(v, u) for v, u in zip(wijk.basis["gemeente"], wijk.basis["unit"])],
            "z": [format_number(z, 2) for z in wijk.basis["z"]], "Jaar": wijk.basis["year"].astype("Int64").astype(str),
        }), hide_index=True, width="stretch")
    st.markdown("**De profielen** (Wijkbeeld's eigen open indeling; geen model van Citisens)")
    st.dataframe(result.profiles[["name", "description"]].rename(columns={"name": "Profiel", "description": "Omschrijving"}),
                 hide_index=True, width="stretch")
    n_profiled = len(result.respondent_profiles)
    st.caption(ui.plain(f"{w.count(n_profiled if n_profiled >= threshold or n_profiled == 0 else None, threshold)} "
                        "respondenten kregen een profiel uit hun antwoorden op gesloten vragen over betrokkenheid."))
    st.markdown("**Een bestaande profielverdeling importeren** (aandelen per wijk, PC4 of PC6; elke profielnaam)")
    upload = st.file_uploader("Profielverdeling (CSV of Excel)", type=["csv", "xlsx", "txt"], key="mix_upload")
    if upload is not None and st.button("Importeren", key="mix_import"):
        addresses = None
        for f in store.files(project.id, "postcode"):
            try:
                part = postcode_addresses(f.name, store.file_data(f.id))
            except WijkbeeldError:
                continue
            addresses = part if addresses is None else pd.concat([addresses, part], ignore_index=True)
        try:
            mix = import_mix(upload.name, upload.getvalue(), data.areas, addresses)
        except WijkbeeldError as exc:
            st.error(ui.plain(str(exc)))
        else:
            save_mix(store, project.id, mix, upload.name)
            ui.flash("ok", f"Profielverdeling geïmporteerd voor {mix['wijkcode'].nunique()} wijken.")
            st.rerun()
    if state.mix is not None and st.button("Geïmporteerde verdeling verwijderen", key="mix_remove"):
        save_mix(store, project.id, None)
        ui.flash("ok", "Geïmporteerde verdeling verwijderd.")
        st.rerun()

with tab_tables:
    st.caption("Het advies volgt deze tabellen. Download een tabel, pas hem aan in Excel en upload hem weer; een "
               "bestand dat niet klopt krijgt een melding en de huidige tabel blijft in gebruik.")
    labels = {"rules": "Adviesregels", "weights": "Gewichten voor de schatting per wijk",
              "options": "Antwoordopties en de assen", "profile_forms": "Werkvormen per profiel"}
    for kind, label in labels.items():
        with st.expander(label + (" (aangepast)" if state.is_edited(kind) else ""), expanded=kind == "rules"):
            table = for_download(kind, state.table(kind))
            shown_table = table.copy()
            for col in shown_table.columns:  # Dutch numbers on screen, empty where a rule has no value
                if pd.api.types.is_float_dtype(shown_table[col]):
                    shown_table[col] = ["" if v != v else f"{v:g}".replace(".", ",") for v in shown_table[col]]
            st.dataframe(shown_table, hide_index=True, width="stretch")
            slots = st.columns(4)
            ui.download_buttons(lambda fmt, t=table, k=kind: table_bytes(t, fmt, labels[k][:31]),
                                SPECS[kind][0].rsplit(".", 1)[0], slots[:2])
            up = st.file_uploader(f"{label} uploaden", type=["csv", "xlsx"], key=f"upload_{kind}")
            if up is not None and st.button("Tabel gebruiken", key=f"use_{kind}"):
                try:
                    checked = read_table(kind, up.name, up.getvalue())
                except AdviceTableError as exc:
                    st.error(ui.plain(str(exc)))
                else:
                    save_table(store, project.id, kind, checked)
                    ui.flash("ok", f"{label}: de nieuwe tabel is in gebruik.")
                    st.rerun()
            if state.is_edited(kind) and slots[2].button("Standaard terugzetten", key=f"reset_{kind}"):
                save_table(store, project.id, kind, None)
                ui.flash("ok", f"{label}: de standaardtabel is weer in gebruik.")
                st.rerun()
    with st.expander("Werkvormen en participatieladder (bronnen)"):
        st.dataframe(for_download("forms", result.forms), hide_index=True, width="stretch")
        st.dataframe(for_download("ladder", result.ladder), hide_index=True, width="stretch")
