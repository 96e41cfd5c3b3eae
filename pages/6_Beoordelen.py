"""Thema's beoordelen: review and correct themes and tone, one answer or many at once."""

import pandas as pd
import streamlit as st

import ui
from lib.present.answers import UNLINKED
from lib.core.errors import ConflictError
from lib.core.privacy import mask_text
from lib.present.answers import answers_table
from lib.present.export import download_bytes
from lib.present.text import small
from lib.themes.tagger import TONES, marked_text, split_themes
from lib.themes.review import NO_THEME, bulk_theme_change, filter_tagged, suggest_themes, tone_correction

ctx = ui.page("Thema's beoordelen")
store, project = ctx.store, ctx.project
data = ctx.data
answers = data.answers
codebook = data.codebook
threshold = ctx.threshold

ui.show_flash()

if answers.empty:
    st.info("Nog geen antwoorden om te beoordelen. Upload bronnen op de pagina Bronnen.")
    st.stop()


def why(hit, words: list[str]) -> str:
    """Dutch reason a hit raised its theme: the keyword itself, a form, a compound part, a diminutive, a phrase."""
    keyword = hit.keyword.lstrip("?=")
    word = " ".join(words[hit.start : hit.end + 1]) if hit.start >= 0 else ""
    if hit.via == "age":
        reason = "genoemde leeftijd"
    elif hit.via == "phrase":
        reason = f"woordgroep ‘{keyword}’"
    elif hit.via in ("prefix", "suffix"):
        reason = f"samenstelling met ‘{hit.part}’"
    elif hit.via == "diminutive":
        reason = f"verkleinwoord van ‘{hit.part}’" + (f", trefwoord ‘{keyword}’" if keyword != hit.part else "")
    else:
        reason = "trefwoord" if word == keyword else f"vorm van ‘{keyword}’"
    if hit.keyword.startswith("?"):
        reason += " (zwak: telt alleen als niets anders het antwoord verklaart)"
    return reason


seen_before = st.session_state.get("corrections_seen")  # revisions when the page was drawn that the user edited
seen_now = store.correction_revisions(project.id)
st.session_state["corrections_seen"] = seen_now  # what the next run's edits were made on


def _described(themes, tone) -> str:
    return f"thema's {', '.join(themes) if themes else '(geen)'}, toon {tone or 'automatisch'}"


def save(items: dict, message: str) -> None:
    """Store corrections, unless someone else (another tab, a colleague) corrected one of these answers since the
    page was drawn: then nothing is stored and the page shows both versions."""
    seen = seen_before if seen_before is not None else seen_now
    try:
        store.save_corrections(project.id, items, expected={k: seen.get(k, 0) for k in items})
    except ConflictError as exc:
        text = {k: mask_text(" ".join(str(v).split()))[:60] for k, v in zip(answers["answer_key"], answers["answer"]) if k in exc.current}
        both = "; ".join(
            f"‘{text.get(k, k)}…’: nu opgeslagen {'(geen correctie meer)' if now is None else _described(*now)}, "
            f"uw wijziging {_described(*items[k])}" for k, now in exc.current.items())
        ui.flash("fout", "Iemand anders heeft intussen dezelfde antwoorden gecorrigeerd; er is niets opgeslagen. "
                 f"{both}. De tabel toont nu wat is opgeslagen; breng uw wijziging zo nodig opnieuw aan.")
        st.rerun()
    ui.done(ctx, message)


names = data.gazetteer.names if data.gazetteer else {}
with st.container(border=True):
    c1, c2, c3, c4 = st.columns(4)
    f_sources = c1.multiselect("Bron", sorted(answers["source"].unique()), placeholder="Alle bronnen")
    wijk_options = [UNLINKED] + sorted(names, key=lambda c: names[c])
    f_wijken = c2.multiselect("Wijk", wijk_options, format_func=lambda c: c if c == UNLINKED else names.get(c, c),
                              placeholder="Alle wijken")
    f_themes = c3.multiselect("Thema", [NO_THEME] + codebook.names, placeholder="Alle thema's")
    f_tones = c4.multiselect("Toon", list(TONES), placeholder="Alle tonen")
    f_status = st.radio("Welke antwoorden", ["Alle", "Nog niet gecorrigeerd", "Gecorrigeerd"], horizontal=True)

shown = answers
if f_sources:
    shown = shown[shown["source"].isin(f_sources)]
if f_wijken:
    codes = [w for w in f_wijken if w != UNLINKED]
    shown = shown[shown["wijkcode"].isin(codes) | ((shown["wijkcode"] == "") & (UNLINKED in f_wijken))]
shown = filter_tagged(shown, themes=f_themes, tones=f_tones)
if f_status != "Alle":
    shown = shown[shown["corrected"] == (f_status == "Gecorrigeerd")]

st.caption(f"{small(len(shown), threshold)} van {small(len(answers), threshold)} antwoorden. "
           "Wijzig thema's en toon in de tabel en klik op ‘Wijzigingen opslaan’. Gecorrigeerde antwoorden gaan altijd "
           "voor op de automatische thema's, ook als het codeboek verandert.")

LIMIT = 500
view = shown.head(LIMIT)
editor = pd.DataFrame(
    {
        "Kies": False,
        "Antwoord": view["answer"].astype(str).map(mask_text).to_numpy(),
        "Thema's": pd.Series([split_themes(v) for v in view["themes"]], dtype=object).to_numpy(),
        "Toon": view["tone"].to_numpy(),
        "Gecorrigeerd": view["corrected"].to_numpy(),
        "Wijk": view["wijknaam"].to_numpy(),
        "Bron": view["trajectory"].where(view["trajectory"] != "", view["source"]).to_numpy(),
    },
    index=view.index,
)
edited = st.data_editor(
    editor,
    key=f"review_editor_{len(view)}_{hash(tuple(view.index[:50]))}",
    hide_index=True,
    width="stretch",
    height=480,
    disabled=["Antwoord", "Gecorrigeerd", "Wijk", "Bron"],
    column_config={
        "Antwoord": st.column_config.TextColumn("Antwoord (gemaskeerd)", width="large"),
        "Thema's": st.column_config.MultiselectColumn("Thema's", options=codebook.names, width="large"),
        "Toon": st.column_config.SelectboxColumn("Toon", options=list(TONES), required=True, width="small"),
        "Gecorrigeerd": st.column_config.CheckboxColumn("Gecorrigeerd", width="small"),
        "Kies": st.column_config.CheckboxColumn("Kies", width="small", help="Kies antwoorden voor de actie hieronder"),
    },
)
picked = [idx for idx in view.index if bool(edited.at[idx, "Kies"])]
if len(shown) > LIMIT:
    st.caption(f"De tabel toont de eerste {LIMIT} antwoorden; verfijn de filters om andere te zien.")
changes = {}
for idx in view.index:
    new_themes = list(edited.at[idx, "Thema's"] or [])
    new_tone = edited.at[idx, "Toon"]
    if new_themes != split_themes(view.at[idx, "themes"]) or new_tone != view.at[idx, "tone"]:
        changes[view.at[idx, "answer_key"]] = (new_themes, tone_correction(new_tone, view.at[idx, "tone_auto"]))
if changes and st.button(f"Wijzigingen opslaan ({len(changes)} antwoorden)", type="primary", key="save_edits"):
    save(changes, f"{len(changes)} correctie(s) opgeslagen.")

target = shown.loc[picked] if picked else shown
scope = f"de {len(picked)} gekozen antwoorden" if picked else f"alle {len(shown)} gefilterde antwoorden"
with st.expander(f"Eén thema toevoegen of weghalen bij {scope}", expanded=bool(picked)):
    c1, c2 = st.columns([2, 1])
    bulk_theme = c1.selectbox("Thema", codebook.names, key="bulk_theme")
    action = c2.radio("Actie", ["Toevoegen", "Weghalen"], key="bulk_action", horizontal=True)
    st.caption("Vink in de tabel de kolom ‘Kies’ aan om alleen die antwoorden te wijzigen.")
    if st.button(f"Toepassen op {scope}", key="bulk_apply", disabled=target.empty):
        items = bulk_theme_change(target, bulk_theme, add=action == "Toevoegen")
        if items:
            save(items, f"‘{bulk_theme}’ {'toegevoegd aan' if action == 'Toevoegen' else 'weggehaald bij'} {len(items)} antwoorden.")
        else:
            st.info("Geen antwoorden veranderd.")

st.subheader("Eén antwoord bekijken en corrigeren")
if shown.empty:
    st.caption("Geen antwoorden binnen deze filters.")
else:
    options = list(shown.index[:LIMIT])
    number = {i: n for n, i in enumerate(options, start=1)}  # labels must be unique: the same answer text often recurs
    pick = st.selectbox(
        "Antwoord",
        options,
        format_func=lambda i: (f"{number[i]}. " + mask_text(str(answers.at[i, "answer"]))[:110]
                               + ("…" if len(str(answers.at[i, "answer"])) > 110 else "")),
        key="pick_answer",
    )
    row = answers.loc[pick]
    tagging = ui.tagger_for(codebook).tag(str(row["answer"]))
    st.caption(ui.plain(f"{row['trajectory'] or row['source']} · {row['question']} · rij {row['row']} · "
                        f"{row['wijknaam'] or 'niet gekoppeld'}"))
    st.text(mask_text(marked_text(tagging, str(row["answer"]))))  # plain text, never Markdown/HTML
    if tagging.hits:
        st.caption("Tussen ⟦ ⟧ staan de woorden die een thema opleverden:")
        st.dataframe(
            pd.DataFrame(
                {
                    "Woord": [" ".join(tagging.words[h.start : h.end + 1]) if h.start >= 0 else "(leeftijd)" for h in tagging.hits],
                    "Trefwoord": [h.keyword for h in tagging.hits],
                    "Waarom": [why(h, tagging.words) for h in tagging.hits],
                    "Thema": [h.theme for h in tagging.hits],
                    "Ontkend": ["ja (bijv. ‘geen’, ‘niet’)" if h.negated else "" for h in tagging.hits],
                }
            ),
            hide_index=True, width="stretch",
        )
    else:
        st.caption("Geen trefwoord gevonden in dit antwoord.")
    with st.form("single_correction"):
        c1, c2 = st.columns([3, 1])
        # keyed by the answer: what the user chose survives a rerun in which someone else's correction arrived
        new_themes = c1.multiselect("Thema's", codebook.names, placeholder="Kies thema's",
                                    default=[t for t in split_themes(row["themes"]) if t in codebook.names],
                                    key=f"fix_themes_{row['answer_key']}")
        new_tone = c2.selectbox("Toon", list(TONES), index=list(TONES).index(row["tone"]), key=f"fix_tone_{row['answer_key']}")
        c3, c4 = st.columns([1, 1])
        submitted = c3.form_submit_button("Correctie opslaan", type="primary")
        reset = c4.form_submit_button("Terug naar automatisch", disabled=not row["corrected"])
    if submitted:
        save({row["answer_key"]: (new_themes, tone_correction(new_tone, row["tone_auto"]))}, "Correctie opgeslagen.")
    if reset:
        store.delete_corrections(project.id, [row["answer_key"]])
        ui.done(ctx, "De automatische thema's gelden weer voor dit antwoord.")

st.subheader("Voorgestelde thema's")
n_corrected = int(answers["corrected"].sum())
st.caption(
    "Wijkbeeld leert van uw correcties: een trefwoord waarvoor u het thema steeds weghaalde, levert bij de overige "
    "antwoorden een voorstel om dat thema weg te halen; na meer correcties stelt een Naive Bayes-model per thema ook "
    f"extra thema's voor. Nu {small(n_corrected, threshold)} gecorrigeerde antwoorden."
)
key = ("suggestions", store.version(project.id))
if st.button("Suggesties berekenen", key="compute_suggestions", disabled=n_corrected < 1):
    with st.spinner("Suggesties berekenen…"):
        st.session_state["suggestions"] = (key, suggest_themes(
            answers, codebook.names, store.suggestion_feedback(project.id), tagger=ui.tagger_for(codebook)))
stored = st.session_state.get("suggestions")
if stored and stored[0] == key:
    suggestions = stored[1]
    if suggestions.empty:
        st.caption("Geen suggesties met voldoende zekerheid.")
    else:
        by_key = answers.set_index("answer_key")
        table = suggestions.head(200).assign(
            confidence=lambda d: (d["confidence"] * 100).round(),
            Voorstel=lambda d: d["action"].map({"add": "toevoegen", "remove": "weghalen"}),
            Antwoord=lambda d: d["answer_key"].map(lambda k: mask_text(str(by_key.at[k, "answer"]))),
            Beslissing="—",
        )
        decided = st.data_editor(
            table[["Antwoord", "theme", "Voorstel", "confidence", "Beslissing"]],
            key="suggestion_editor", hide_index=True, width="stretch",
            disabled=["Antwoord", "theme", "Voorstel", "confidence"],
            column_config={
                "theme": "Thema",
                "confidence": st.column_config.ProgressColumn("Zekerheid", format="%d%%", min_value=0, max_value=100),
                "Beslissing": st.column_config.SelectboxColumn(options=["—", "Accepteren", "Afwijzen"], required=True),
            },
        )
        chosen = decided[decided["Beslissing"] != "—"]
        if not chosen.empty and st.button(f"{len(chosen)} beslissing(en) opslaan", key="save_suggestions"):
            feedback, items = {}, {}
            for idx in chosen.index:
                akey, theme = table.at[idx, "answer_key"], table.at[idx, "theme"]
                accepted = chosen.at[idx, "Beslissing"] == "Accepteren"
                feedback[(akey, theme)] = accepted
                if accepted:
                    current = list(items[akey][0]) if akey in items else split_themes(by_key.at[akey, "themes"])
                    if table.at[idx, "action"] == "remove":
                        items[akey] = ([t for t in current if t != theme], "")
                    else:
                        items[akey] = (current + [theme], "")
            store.save_suggestion_feedback(project.id, feedback)
            if items:
                store.save_corrections(project.id, items)
            ui.done(ctx, f"{len(feedback)} beslissing(en) opgeslagen.")

st.subheader("Downloaden")
st.caption("De antwoorden binnen de filters hierboven, met thema's en toon zoals ze nu gelden (correcties toegepast).")
ui.download_buttons(lambda fmt: download_bytes(answers_table(shown), fmt), "wijkbeeld_beoordeelde_antwoorden",
                    st.columns([1, 1, 4]))
