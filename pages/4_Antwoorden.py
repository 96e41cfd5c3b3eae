"""Antwoorden: every open answer with its source, row and wijk; filter and download."""

import streamlit as st

import ui
from lib.present.answers import UNLINKED, AnswerFilter, answers_table, filter_answers
from lib.present.export import table_bytes
from lib.core.privacy import small

ctx = ui.page("Antwoorden")
data = ctx.data
answers = data.answers
threshold = ctx.threshold

if answers.empty:
    st.info("Nog geen antwoorden op open vragen. Upload bronnen op de pagina Bronnen en controleer de kolomrollen.")
    st.stop()

names = data.gazetteer.names if data.gazetteer else {}
with st.container(border=True):
    c1, c2, c3 = st.columns(3)
    sources = c1.multiselect("Bron", sorted(answers["source"].unique()), placeholder="Alle bronnen")
    question_pool = answers if not sources else answers[answers["source"].isin(sources)]
    questions = c2.multiselect("Vraag", sorted(question_pool["question"].unique()), placeholder="Alle vragen")
    wijk_options = [UNLINKED] + sorted(names, key=lambda c: names[c])
    wijken = c3.multiselect(
        "Wijk", wijk_options, format_func=lambda c: c if c == UNLINKED else names.get(c, c), placeholder="Alle wijken"
    )
    text = st.text_input("Zoeken in antwoorden", placeholder="bijv. speeltuin")

shown = filter_answers(answers, AnswerFilter(sources, questions, wijken, text))
table = answers_table(shown)
st.caption(
    f"{small(len(shown), threshold)} van {small(len(answers), threshold)} antwoorden. E-mailadressen, "
    "telefoonnummers, postcodes (PC6) en IBAN's zijn gemaskeerd."
)
event = st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    height=560,
    on_select="rerun",
    selection_mode="single-row",
    key="answers_table",
    column_config={
        "Antwoord": st.column_config.TextColumn("Antwoord", width="large"),
        "Vraag": st.column_config.TextColumn("Vraag", width="medium"),
        "Bron": st.column_config.TextColumn("Bron", width="small"),
        "Rij": st.column_config.NumberColumn("Rij", help="Rijnummer zoals in Excel", format="%d"),
    },
)
selected = event.selection.rows if event else []
if selected:
    row = table.iloc[selected[0]]
    with st.container(border=True):
        st.caption(ui.plain(f"{row['Traject'] or row['Bron']} · {row['Vraag']} · rij {row['Rij']} · {row['Wijk'] or 'niet gekoppeld'}"))
        st.text(row["Antwoord"])  # plain text: respondent text is never rendered as Markdown
else:
    st.caption("Klik op een rij om het hele antwoord te lezen.")
ui.download_buttons(lambda fmt: table_bytes(table, fmt), "wijkbeeld_antwoorden", st.columns([1, 1, 4]))
