"""The one UI module: page setup, navigation, session state and caching.

Pages call ``page()`` first; it sets the layout, draws the same navigation on
every page (so a deep link on a fresh server looks like any other visit),
opens the store and the current project, and returns a ``Context``.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, replace

import streamlit as st

from lib.core.errors import WijkbeeldError
from lib.core.settings import THRESHOLD_RANGE, ProjectSettings, WijkFilters
from lib.core.store import Project, Store
from lib.pipeline import AnalysedProject, analyse_project
from lib.pipeline import tagger_for as pipeline_tagger
from lib.sample import ensure_project, restore_sample

PAGES = [
    ("streamlit_app.py", "Overzicht", ":material/dashboard:"),
    ("pages/1_Bronnen.py", "Bronnen", ":material/upload_file:"),
    ("pages/2_Gebieden.py", "Gebieden en cijfers", ":material/map:"),
    ("pages/3_Koppelen.py", "Koppelen aan wijken", ":material/link:"),
    ("pages/4_Antwoorden.py", "Antwoorden", ":material/table_rows:"),
    ("pages/5_Themas.py", "Thema's en codeboek", ":material/label:"),
    ("pages/6_Beoordelen.py", "Thema's beoordelen", ":material/fact_check:"),
    ("pages/7_Wijkprofiel.py", "Wijkprofiel", ":material/location_city:"),
    ("pages/8_Vergelijken.py", "Wijken vergelijken", ":material/compare:"),
    ("pages/9_Advies.py", "Advies", ":material/recommend:"),
    ("pages/10_Rapport.py", "Rapport", ":material/description:"),
]
_CACHE_ENTRIES = 4


@dataclass
class Context:
    """What a page needs: the store, the current project and its analysed data."""

    store: Store
    project: Project

    @property
    def data(self) -> AnalysedProject:
        """The project through the pipeline (files read and linked, answers tagged, corrections applied), cached."""
        return analysed(self.store, self.project.id)

    @property
    def settings(self) -> ProjectSettings:
        return self.project.settings

    @property
    def threshold(self) -> int:
        """Small-number threshold of the project."""
        return self.project.settings.threshold


@st.cache_resource
def get_store() -> Store:
    """One Store per server process."""
    return Store()


@st.cache_resource
def _results() -> dict:
    """The pipeline's stage cache and the UI's derived tables, shared by the sessions of this server."""
    return {}


def analysed(store: Store, project_id: int) -> AnalysedProject:
    """``lib.pipeline.analyse_project`` with this server's cache; progress shown while a stage runs."""
    bar = None

    def progress(fraction: float, label: str) -> None:
        nonlocal bar
        bar = bar or st.progress(0.0, text="Bestanden lezen en koppelen…")
        bar.progress(min(1.0, fraction), text=f"Bezig: {label}")

    data = analyse_project(store, project_id, progress, cache=_results())
    if bar is not None:
        bar.empty()
    return data


def tagger_for(codebook):
    """The compiled tagger of a codebook, shared with the pipeline's cache."""
    return pipeline_tagger(codebook, _results())


def derived(data: AnalysedProject, name: str, build):
    """A table derived from the analysed project, cached under its version (never under an object id)."""
    key = ("derived", name, data.version)
    cache = _results()
    if key not in cache:
        while len(cache) >= 24:
            cache.pop(next(iter(cache)))
        cache[key] = build(data)
    return cache[key]


def _current_project(store: Store) -> Project:
    pid = st.session_state.get("project_id")
    if pid is None:
        query = st.query_params.get("project")
        if query and query.isdigit():
            pid = int(query)
        else:
            last = store.get_meta("last_project")
            pid = int(last) if last.isdigit() else None
    project = store.project(pid) if pid is not None else None
    if project is None:
        project = store.project(ensure_project(store))
    st.session_state["project_id"] = project.id
    st.query_params["project"] = str(project.id)
    return project


def select_project(store: Store, project_id: int) -> None:
    """Switch to another project and remember it across restarts."""
    st.session_state["project_id"] = project_id
    st.session_state.pop("project_select", None)
    st.query_params["project"] = str(project_id)
    store.set_meta("last_project", str(project_id))


def _sidebar(store: Store, project: Project) -> None:
    with st.sidebar:
        st.markdown("### Wijkbeeld")
        for path, label, icon in PAGES:
            st.page_link(path, label=label, icon=icon, query_params={"project": str(project.id)})
        st.divider()
        projects = store.projects()
        ids = [p.id for p in projects]
        names = {p.id: p.name for p in projects}
        st.session_state.setdefault("project_select", project.id)
        if st.session_state["project_select"] not in ids:
            st.session_state["project_select"] = project.id
        st.selectbox(
            "Project",
            ids,
            format_func=lambda i: names[i],
            key="project_select",
            on_change=lambda: select_project(store, st.session_state["project_select"]),
        )
        with st.expander("Nieuw project of voorbeeld"):
            with st.form("new_project", clear_on_submit=True, border=False):
                name = st.text_input("Naam nieuw project", placeholder="bijv. Wijkbeeld 2025")
                if st.form_submit_button("Project aanmaken"):
                    try:
                        new = store.create_project(name)
                    except WijkbeeldError as exc:
                        st.error(str(exc))
                    else:
                        select_project(store, new.id)
                        st.rerun()
            if len(projects) > 1:
                confirm = st.checkbox(f"Project ‘{project.name}’ definitief verwijderen", key="confirm_delete_project")
                if st.button("Project verwijderen", key="delete_project", disabled=not confirm):
                    store.delete_project(project.id)
                    select_project(store, next(p.id for p in projects if p.id != project.id))
                    st.rerun()
            st.caption("Het voorbeeld Gorinchem wordt opnieuw opgebouwd; andere projecten blijven staan.")
            if st.button("Voorbeeld Gorinchem herstellen", key="restore_sample"):
                select_project(store, restore_sample(store))
                st.rerun()
        with st.expander("Instellingen"):
            current = project.settings.threshold
            low, high = THRESHOLD_RANGE
            drempel = st.number_input(
                "Kleine aantallen verbergen onder", min_value=low, max_value=high, value=current, key="drempel_input",
                help="Aantallen respondenten of antwoorden onder deze drempel worden getoond als <drempel>; "
                "aandelen op basis van zo weinig antwoorden worden verborgen. Geldt ook voor downloads.",
            )
            if drempel != current:
                store.update_project_settings(project.id, threshold=int(drempel))
                st.rerun()
        st.caption("Alle gegevens blijven op deze computer. Cijfers: Bron: CBS.")


def page(title: str, icon: str = "") -> Context:
    """Set up a page: config, navigation, project. Stops the page with a Dutch message on a store error."""
    st.set_page_config(page_title=f"{title} · Wijkbeeld", page_icon="🏘️", layout="wide")
    try:
        store = get_store()
        project = _current_project(store)
    except WijkbeeldError as exc:
        st.error(plain(f"Wijkbeeld kan de projectgegevens niet openen: {exc}"))
        st.stop()
    _sidebar(store, project)
    st.title(title)
    return Context(store, project)


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|<>$~:"})


def plain(text: str) -> str:
    """Escape Markdown so file names and values are shown literally inside st.* messages."""
    return str(text).translate(_MD_SPECIAL)


def flash(kind: str, message: str) -> None:
    """Keep a message (kind "ok" or "fout") to show on the next run of the current page, after a rerun."""
    st.session_state.setdefault("_flash", []).append((kind, message))


def show_flash() -> None:
    """Show and forget the kept messages (escaped: they may hold file names and values)."""
    for kind, message in st.session_state.pop("_flash", []):
        (st.success if kind == "ok" else st.error)(plain(message))


def done(ctx: Context, message: str) -> None:
    """After a change to the store: remember a confirmation and rerun (caches key on the store's version tokens)."""
    flash("ok", message)
    st.rerun()


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_buttons(make, basename: str, slots, verb: str = "Download als") -> None:
    """Excel and CSV download buttons in two layout slots; ``make(fmt)`` builds the bytes only when clicked."""
    slots[0].download_button(f"{verb} Excel", data=lambda: make("xlsx"), file_name=f"{basename}.xlsx", mime=XLSX_MIME,
                             on_click="ignore")
    slots[1].download_button(f"{verb} CSV", data=lambda: make("csv"), file_name=f"{basename}.csv", mime="text/csv",
                             on_click="ignore")


def show_problems(problems: list[str]) -> None:
    """List messages about files that could not be used (escaped, never rendered as Markdown)."""
    for message in problems:
        st.warning(plain(message), icon=":material/warning:")


def long_themes(data: AnalysedProject):
    """One row per (answer, theme), cached with the analysed project."""
    from lib.wijken.profile import theme_long

    return derived(data, "long_themes", lambda d: theme_long(d.answers))


def filters(data: AnalysedProject, project: Project, store: Store):
    """The filters set once for the wijk pages (sources, period, themes, tone), drawn in the sidebar.

    Kept in the project settings, so they survive a reload and a restart.
    """
    from datetime import date

    import pandas as pd

    from lib.wijken.profile import Filters

    saved = project.settings.filters
    sources = sorted(data.answers["source"].unique()) if not data.answers.empty else []
    labels = {s.name: (s.trajectory or s.name) for s in data.surveys}
    themes = data.codebook.names if data.codebook else []
    with st.sidebar.expander("Filters voor wijkpagina's", expanded=saved != WijkFilters()):
        chosen_sources = st.multiselect(
            "Bronnen", sources, default=[s for s in saved.sources if s in sources],
            format_func=lambda s: labels.get(s, s), placeholder="Alle bronnen", key="flt_sources",
        )
        dates = [d for d in pd.unique(data.answers["trajectory_date"]) if d] if not data.answers.empty else []
        period = None
        if dates:
            low, high = date.fromisoformat(min(dates)), date.fromisoformat(max(dates))
            start = _iso_date(saved.start, low, high) or low
            end = _iso_date(saved.end, low, high) or high
            period = st.date_input("Periode (datum van het traject)", value=(start, end), min_value=low, max_value=high,
                                   format="DD-MM-YYYY", key="flt_period")
        chosen_themes = st.multiselect("Thema's", themes, default=[t for t in saved.themes if t in themes],
                                       placeholder="Alle thema's", key="flt_themes")
        chosen_tones = st.multiselect("Toon", ["negatief", "neutraal", "positief"], default=[t for t in saved.tones if t in ("negatief", "neutraal", "positief")],
                                      placeholder="Alle tonen", key="flt_tones")
    start = end = None
    if isinstance(period, (tuple, list)) and len(period) == 2 and (period[0], period[1]) != (low, high):
        start, end = period  # the full range means "all", so later sources are not left out
    new = WijkFilters(chosen_sources, chosen_themes, chosen_tones, start.isoformat() if start else "",
                      end.isoformat() if end else "")
    if new != saved:
        project.settings = store.update_project_settings(project.id, filters=new)
    return Filters(chosen_sources, start, end, chosen_themes, chosen_tones)


def _iso_date(text: str, low, high):
    """A stored ISO date within ``low``..``high``, or None (a filter saved for other sources)."""
    from datetime import date

    try:
        value = date.fromisoformat(text) if text else None
    except ValueError:
        return None
    return value if value is not None and low <= value <= high else None


def selected_wijk(data: AnalysedProject) -> str | None:
    """The wijk chosen on any wijk page (also from the map), remembered in the URL."""
    codes = list(data.areas.wijken["wijkcode"]) if data.areas is not None else []
    chosen = st.session_state.get("wijk") or st.query_params.get("wijk")
    if chosen not in codes:
        linked = data.records[data.records["wijkcode"] != ""]["wijkcode"].value_counts() if not data.records.empty else None
        chosen = linked.index[0] if linked is not None and len(linked) else (codes[0] if codes else None)
    return chosen


def select_wijk(code: str) -> None:
    """Remember the selected wijk for all wijk pages."""
    st.session_state["wijk"] = code
    st.query_params["wijk"] = code


DUTCH_LOCALE = {
    "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]},
    "time": {
        "dateTime": "%a %e %B %Y %X", "date": "%d-%m-%Y", "time": "%H:%M:%S", "periods": ["AM", "PM"],
        "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
        "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
        "months": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                   "oktober", "november", "december"],
        "shortMonths": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    },
}


def altair(chart, **kwargs) -> None:
    """Draw an Altair chart with Dutch number and date formats (``12,5%``, ``1.234``)."""
    st.altair_chart(chart.configure(locale=DUTCH_LOCALE), **kwargs)
