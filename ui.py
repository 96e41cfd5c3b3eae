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
from streamlit import net_util as _net_util

# Offline: Streamlit's WebSocket origin check would otherwise ask checkip.amazonaws.com for this machine's
# external IP (and open a UDP socket towards 8.8.8.8) whenever a page of another origin connects.
_net_util.get_external_ip = _net_util.get_internal_ip = lambda: None

from lib.core.access import EVERYONE, User, can_open, describe_member, parse_members
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
        bar.progress(min(1.0, fraction), text=plain(f"Bezig: {label}"))  # file and sheet names

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


def sign_in_configured() -> bool:
    """True when the server has an ``[auth]`` section in ``.streamlit/secrets.toml`` (see README, server profile)."""
    try:
        return "auth" in st.secrets
    except Exception:  # noqa: BLE001 - no secrets file at all: the desktop use
        return False


def _wijkbeeld_secrets() -> dict:
    try:
        return dict(st.secrets.get("wijkbeeld", {}))
    except Exception:  # noqa: BLE001
        return {}


def current_user() -> User | None:
    """The signed-in user, or None when sign-in is not configured. Stops the page with a sign-in screen
    for a visitor who has not signed in."""
    if not sign_in_configured():
        return None
    if not st.user.get("is_logged_in", False):
        st.title("Wijkbeeld")
        st.info("Log in met uw account van de gemeente om Wijkbeeld te gebruiken.", icon=":material/lock:")
        if st.button("Inloggen", type="primary", key="login"):
            st.login()
        st.stop()
    config = _wijkbeeld_secrets()
    email = str(st.user.get("email", "")).strip().lower()
    claim = config.get("team_claim", "groups")
    teams = set(st.user.get(claim, []) or []) if isinstance(st.user.get(claim, []), (list, tuple)) else set()
    for team, emails in dict(config.get("teams", {})).items():
        if email in {str(e).strip().lower() for e in emails}:
            teams.add(str(team))
    admins = {str(e).strip().lower() for e in config.get("admins", [])}
    return User(email, frozenset(str(t) for t in teams), admin=email in admins)


def visible_projects(store: Store, user: User | None) -> list[Project]:
    """The projects this user may open (all of them without sign-in)."""
    projects = store.projects()
    if user is None:
        return projects
    return [p for p in projects if can_open(store.members(p.id), user)]


def _last_project_key(user: User | None) -> str:
    return "last_project" if user is None else f"last_project:{user.email}"


def _current_project(store: Store, user: User | None) -> Project:
    allowed = {p.id: p for p in visible_projects(store, user)}
    pid = st.session_state.get("project_id")
    if pid not in allowed:
        query = st.query_params.get("project")
        last = store.get_meta(_last_project_key(user))
        pid = next((int(c) for c in (query, last) if c and c.isdigit() and int(c) in allowed), None)
    project = allowed.get(pid)
    if project is None:
        project = next(iter(allowed.values()), None) or store.project(ensure_project(store, visible=bool(allowed)))
    st.session_state["project_id"] = project.id
    st.query_params["project"] = str(project.id)
    if user is not None and store.get_meta(_last_project_key(user)) != str(project.id):
        store.set_meta(_last_project_key(user), str(project.id))  # her next fresh session opens it again
    return project


def select_project(store: Store, project_id: int) -> None:
    """Switch to another project and remember it across restarts (per user when signed in)."""
    st.session_state["project_id"] = project_id
    st.query_params["project"] = str(project_id)
    store.set_meta(_last_project_key(current_user()), str(project_id))


def create_project(store: Store, name: str) -> Project:
    """A new project; with sign-in it belongs to its creator (more members can be added under Toegang)."""
    project = store.create_project(name)
    user = current_user()
    if user is not None:
        store.set_members(project.id, [user.key])
    return project


def _access(store: Store, project: Project) -> None:
    """Who may open this project (only with sign-in)."""
    user = current_user()
    if user is None:
        return
    with st.expander("Toegang tot dit project"):
        st.caption(f"Ingelogd als {plain(user.email)}.")
        members = sorted(store.members(project.id))
        st.text("Leden: " + (", ".join(describe_member(m) for m in members) or "alleen beheerders"))
        with st.form("members", border=False):
            text = st.text_area("Leden (e-mailadressen of team:Naam, gescheiden door komma's)",
                                value=", ".join(describe_member(m).replace("team ", "team:") for m in members if m != EVERYONE))
            if st.form_submit_button("Leden opslaan"):
                try:
                    chosen = parse_members(text)
                except ValueError as exc:
                    st.error(plain(str(exc)))
                else:
                    if not can_open(set(chosen), user):
                        chosen.append(user.key)  # nobody locks themselves out
                    store.set_members(project.id, chosen + ([EVERYONE] if EVERYONE in members else []))
                    flash("ok", "Leden opgeslagen.")
                    st.rerun()
        if st.button("Uitloggen", key="logout"):
            st.logout()


def _sidebar(store: Store, project: Project) -> None:
    with st.sidebar:
        st.markdown("### Wijkbeeld")
        for path, label, icon in PAGES:
            st.page_link(path, label=label, icon=icon, query_params={"project": str(project.id)})
        st.divider()
        projects = visible_projects(store, current_user())
        ids = [p.id for p in projects]
        names = {p.id: p.name for p in projects}
        # keyed by the open project and told its index: the browser shows the open project on every page, also
        # after a page link (a widget's state in the browser does not survive the switch, its default index does)
        key = f"project_select_{project.id}"
        st.selectbox(
            "Project",
            ids,
            index=ids.index(project.id) if project.id in ids else 0,
            format_func=lambda i: names[i],
            key=key,
            on_change=lambda: select_project(store, st.session_state[key]),
        )
        with st.expander("Nieuw project of voorbeeld"):
            _new_project_form(store)
            if len(projects) > 1:
                confirm = st.checkbox(plain(f"Project ‘{project.name}’ definitief verwijderen"), key="confirm_delete_project")
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


def gemeente_options() -> tuple[list[str], dict[str, str]]:
    """Codes of the 342 gemeenten sorted by name, and code -> ``"Gorinchem (GM0512)"`` for a selectbox."""
    from lib.areas.national import gemeenten

    frame = gemeenten()
    return list(frame["gemeentecode"]), {c: f"{n} ({c})" for c, n in zip(frame["gemeentecode"], frame["gemeentenaam"])}


def _new_project_form(store: Store) -> None:
    """A new project starts with its gemeente: wijken, CBS figures, map and postcodes come with it."""
    codes, labels = gemeente_options()
    with st.form("new_project", clear_on_submit=True, border=False):
        gm = st.selectbox(
            "Gemeente", codes, index=None, format_func=labels.get, placeholder="Typ een paar letters",
            help="Wijken, CBS-cijfers (Kerncijfers wijken en buurten 2024), wijkkaart en postcodes van deze gemeente "
            "worden meteen geladen. Een eigen KWB-export kunt u later toevoegen op de pagina Gebieden en cijfers.",
        )
        name = st.text_input("Naam nieuw project", placeholder="Wijkbeeld + gemeente",
                             help="Leeg laten geeft bijvoorbeeld 'Wijkbeeld Zwolle'.")
        if st.form_submit_button("Project aanmaken", type="primary"):
            gemeentenaam = labels[gm].rsplit(" (", 1)[0] if gm else ""
            try:
                new = create_project(store, name.strip() or (f"Wijkbeeld {gemeentenaam}" if gm else ""))
            except WijkbeeldError as exc:
                st.error(plain(str(exc)))
                return
            if gm:
                store.update_project_settings(new.id, gemeentecode=gm)
                flash("ok", f"Project ‘{new.name}’ aangemaakt voor {gemeentenaam}.")
            select_project(store, new.id)
            st.rerun()


def page(title: str, icon: str = "") -> Context:
    """Set up a page: config, navigation, project. Stops the page with a Dutch message on a store error."""
    st.set_page_config(page_title=f"{title} · Wijkbeeld", page_icon="🏘️", layout="wide")
    try:
        store = get_store()
        user = current_user()
        project = _current_project(store, user)
    except WijkbeeldError as exc:
        st.error(plain(f"Wijkbeeld kan de projectgegevens niet openen: {exc}"))
        st.stop()
    _sidebar(store, project)
    with st.sidebar:
        _access(store, project)
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


CSV_NOTE = "CSV voor Nederlandse Excel: puntkomma als scheidingsteken, decimale komma, UTF-8."


def download_buttons(make, basename: str, slots, verb: str = "Download als") -> None:
    """Excel and CSV download buttons in two layout slots; ``make(fmt)`` builds the bytes only when clicked
    (use ``lib.present.export.download_bytes``: the CSV is written for Dutch Excel, as the caption says)."""
    slots[0].download_button(f"{verb} Excel", data=lambda: make("xlsx"), file_name=f"{basename}.xlsx", mime=XLSX_MIME,
                             on_click="ignore")
    slots[1].download_button(f"{verb} CSV", data=lambda: make("csv"), file_name=f"{basename}.csv", mime="text/csv",
                             on_click="ignore", help=CSV_NOTE)
    (slots[2] if len(slots) > 2 else st).caption(CSV_NOTE)


def show_problems(problems: list[str]) -> None:
    """List messages about files that could not be used (escaped, never rendered as Markdown)."""
    for message in problems:
        st.warning(plain(message), icon=":material/warning:")


def key_figures(data: AnalysedProject, wijkcode: str):
    """``lib.wijken.profile.key_figures`` of a wijk, computed once per server for this version of the project."""
    from lib.wijken.profile import key_figures as compute

    return derived(data, ("key_figures", wijkcode), lambda d: compute(d.areas, wijkcode))


def wijk_grids(data: AnalysedProject, answers, records, long, flt, threshold: int):
    """The tables every wijk's view is cut from, with the small-number rule and complementary suppression decided
    over all wijken: ``(theme_grid, answers_per_wijk, respondent_grid)`` of the filtered answers and records.
    Computed once per version of the project, filters and threshold: choosing another wijk reuses them."""
    from lib.wijken.reach import respondent_grid
    from lib.wijken.themes import answers_per_wijk, theme_grid

    themes = data.codebook.names
    return derived(data, ("wijk_grids", repr(flt), threshold), lambda _d: (
        theme_grid(answers, long, themes, threshold), answers_per_wijk(answers), respondent_grid(records, threshold)))


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


def wijk_view(ctx: Context):
    """What every wijk page starts with: the areas (or a message saying to load them first), the sidebar filters
    applied, wijk names and codes sorted by name. Returns ``(answers, records, names, codes, filters)``."""
    data = ctx.data
    if data.areas is None:
        st.info("Laad eerst de wijken van uw gemeente op de pagina Gebieden en cijfers.")
        st.stop()
    flt = filters(data, ctx.project, ctx.store)
    answers, records = flt.apply(data.answers, data.records)
    names = data.areas.wijk_names()
    return answers, records, names, sorted(names, key=lambda c: names[c]), flt


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


def altair(chart, **kwargs) -> None:
    """Draw a chart from ``lib.present.charts`` (Dutch locale and labels are inside the spec).

    The spec is not validated again on every rerun (the chart builders are validated by their tests):
    validation is most of the cost of turning a chart into its spec. Returns Streamlit's element or, with
    ``on_select``, its selection event.
    """
    return st.vega_lite_chart(chart.to_dict(validate=False), **kwargs)
