"""Koppelen aan wijken: what stayed unlinked, what was linked by approximation, and aliases."""

import pandas as pd
import streamlit as st

import ui
from lib.core.codes import parse_postcode
from lib.areas.linking import suggestions_for
from lib.core.privacy import mask_text, small
from lib.pipeline import alias_key
from lib.reading.surveys import link_methods, link_review

ctx = ui.page("Koppelen aan wijken")
store, project = ctx.store, ctx.project
data = ctx.data
threshold = ctx.threshold

ui.show_flash()

if data.areas is None or data.gazetteer is None:
    st.info("Laad eerst de wijken van uw gemeente op de pagina Gebieden en cijfers.")
    st.stop()
if data.records.empty:
    st.info("Nog geen bronnen om te koppelen. Upload enquêtes op de pagina Bronnen.")
    st.stop()

st.write(
    "Elk antwoord wordt gekoppeld aan een wijk via de CBS-code, de wijknaam (ook bij benadering) of de postcode. "
    "Een verkeerde koppeling is erger dan geen koppeling: twijfelgevallen blijven open tot u ze hier vastlegt."
)
summary = data.summary()
c1, c2, c3 = st.columns([1, 1, 2])
c1.metric("Gekoppeld", f"{summary['linked_share']:.0%}")
c2.metric("Niet gekoppeld", small(summary["respondents"] - summary["linked"], threshold))
with c3:
    st.dataframe(link_methods(data.records), hide_index=True, width="stretch", height=180)

names = data.gazetteer.names
CHOOSE = "— kies een wijk —"
options = [CHOOSE, "— geen wijk —"] + [f"{names[c]} ({c})" for c in sorted(names)]
label_to_code = {"— geen wijk —": ""} | {f"{names[c]} ({c})": c for c in names}


def save_links(rows: pd.DataFrame) -> int:
    """Store the chosen wijk of every row that has one as an alias (name) or postcode override."""
    saved = 0
    for row in rows.itertuples():
        choice = getattr(row, "koppelen")
        if not choice or choice not in label_to_code:
            continue
        store.set_alias(project.id, row.soort, row.sleutel, row.raw, label_to_code[choice])
        saved += 1
    return saved


st.subheader("Niet gekoppeld")
unlinked = data.unlinked()
unusable = unlinked[unlinked["key"] == ""]
unlinked = unlinked[unlinked["key"] != ""].reset_index(drop=True)
if not unusable.empty:
    st.caption(
        f"{small(int(unusable['count'].sum()), threshold)} respondenten vulden bij wijk iets in zonder bruikbare naam "
        "(bijvoorbeeld ‘?’); die blijven ongekoppeld."
    )
if unlinked.empty:
    st.success("Alle respondenten met een wijknaam of postcode zijn gekoppeld.")
else:
    st.caption(
        "Kies per waarde de juiste wijk (of ‘geen wijk’, bijvoorbeeld voor ‘buiten de gemeente’) en klik op "
        "Opslaan. Een gekozen koppeling geldt voor alle bronnen in dit project."
    )
    suggestions = [
        ", ".join(f"{names.get(c, c)} ({s:.0%})" for c, s in suggestions_for(data.gazetteer, v, k)[:2])
        for v, k in zip(unlinked["key"], unlinked["kind"])
    ]
    editor = pd.DataFrame(
        {
            "value": unlinked["value"].map(mask_text),
            "count": unlinked["count"].map(lambda n: small(n, threshold)),
            "koppelen": [CHOOSE] * len(unlinked),
            "suggestie": suggestions,
            "reason": unlinked["reason"],
            "kind": unlinked["kind"],
        }
    )
    edited = st.data_editor(
        editor,
        key="unlinked_editor",
        hide_index=True,
        width="stretch",
        disabled=["kind", "value", "count", "reason", "suggestie"],
        column_config={
            "kind": st.column_config.TextColumn("Soort", width="small"),
            "value": st.column_config.TextColumn("Waarde in de bron", width="medium"),
            "count": st.column_config.TextColumn("Respondenten", width="small"),
            "reason": st.column_config.TextColumn("Waarom niet gekoppeld", width="large"),
            "suggestie": st.column_config.TextColumn("Beste suggesties"),
            "koppelen": st.column_config.SelectboxColumn("Koppelen aan", options=options, width="medium"),
        },
    )
    if st.button("Koppelingen opslaan", type="primary", key="save_unlinked"):
        rows = edited.assign(raw=unlinked["value"].to_numpy(), key=unlinked["key"].to_numpy())
        n = save_links(rows)
        ui.done(ctx, f"{n} koppeling(en) opgeslagen.")

st.subheader("Bij benadering gekoppeld: graag nakijken")
review = link_review(data.records, names)
if review.empty:
    st.caption("Geen koppelingen bij benadering.")
else:
    st.caption(
        "Deze waarden zijn gekoppeld op een naam die erg lijkt op een wijknaam, of op een postcode (PC4) die voor "
        "het grootste deel in één wijk ligt. Klopt een koppeling niet, kies dan de juiste wijk en sla op."
    )
    review_editor = pd.DataFrame(
        {
            "value": review["value"].map(mask_text),
            "wijk": review["wijk"],
            "confidence": (review["confidence"] * 100).round(),
            "count": review["count"].map(lambda n: small(n, threshold)),
            "koppelen": [CHOOSE] * len(review),
            "kind": review["kind"],
        }
    )
    edited_review = st.data_editor(
        review_editor,
        key="review_editor",
        hide_index=True,
        width="stretch",
        disabled=["kind", "value", "wijk", "confidence", "count"],
        column_config={
            "kind": st.column_config.TextColumn("Soort", width="small"),
            "value": st.column_config.TextColumn("Waarde in de bron"),
            "wijk": st.column_config.TextColumn("Gekoppeld aan"),
            "confidence": st.column_config.ProgressColumn("Zekerheid", format="%d%%", min_value=0, max_value=100),
            "count": st.column_config.TextColumn("Respondenten", width="small"),
            "koppelen": st.column_config.SelectboxColumn("Wijzigen in", options=options, width="medium"),
        },
    )
    if st.button("Wijzigingen opslaan", key="save_review"):
        keys = [alias_key(k, v) for k, v in zip(review["kind"], review["value"])]
        n = save_links(edited_review.assign(raw=review["value"].to_numpy(), key=keys))
        ui.done(ctx, f"{n} koppeling(en) aangepast.")

st.subheader("Aliassen en vaste koppelingen")
st.caption("Een alias koppelt een schrijfwijze aan een wijk, bijvoorbeeld ‘Centrum’ aan de Binnenstad.")
with st.form("add_alias", clear_on_submit=True):
    c1, c2, c3 = st.columns([2, 3, 1])
    raw = c1.text_input("Schrijfwijze of postcode", placeholder="bijv. Centrum")
    target = c2.selectbox("Wijk", options[2:] + options[1:2])
    if c3.form_submit_button("Toevoegen"):
        kind = "postcode" if parse_postcode(raw)[0] else "naam"
        if raw.strip():
            store.set_alias(project.id, kind, alias_key(kind, raw), raw.strip(), label_to_code[target])
            ui.done(ctx, f"Alias ‘{raw.strip()}’ toegevoegd.")
aliases = [
    {"kind": kind, "key": key, "Schrijfwijze": raw, "Wijk": names.get(code, "— geen wijk —") if code else "— geen wijk —"}
    for kind in ("naam", "postcode")
    for key, (raw, code) in store.aliases(project.id, kind).items()
]
if aliases:
    table = pd.DataFrame(aliases)
    table["Verwijderen"] = False
    edited_aliases = st.data_editor(
        table[["Schrijfwijze", "Wijk", "Verwijderen"]],
        key="alias_editor",
        hide_index=True,
        width="stretch",
        disabled=["Schrijfwijze", "Wijk"],
    )
    to_delete = table[edited_aliases["Verwijderen"].to_numpy()]
    if not to_delete.empty and st.button(f"{len(to_delete)} alias(sen) verwijderen", key="delete_aliases"):
        for row in to_delete.itertuples():
            store.delete_alias(project.id, row.soort, row.key)
        st.rerun()
else:
    st.caption("Nog geen aliassen.")
