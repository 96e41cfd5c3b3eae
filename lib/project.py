"""A project as the app sees it: stored files read, areas built, answers linked.

``analyse`` is the one function the pages (and the command line) call to get
everything; it never raises for a bad file: the problem is collected as a
Dutch message and the other files are still used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lib.areas.figures import AreaTable, Areas, build_areas, read_area_table
from lib.areas.geo import read_geojson
from lib.areas.national import NATIONAL_AREAS_NOTE, NATIONAL_PC4_NOTE, with_national_data, with_national_postcodes
from lib.themes.codebook import Codebook
from lib.core.errors import WijkbeeldError
from lib.areas.linking import Gazetteer, normalise_name
from lib.areas.postcodes import read_postcode_table
from lib.core.store import Store, StoredFile
from lib.reading.surveys import Survey, collect, read_survey, unlinked_values

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample_data"
SAMPLE_PROJECT = "Voorbeeld Gorinchem"

TRAJECTORY_TYPES = [
    "Enquête / peiling",
    "Dialoogweek / bewonersavond",
    "Evaluatie",
    "Ophaalgesprekken",
    "Tafelgesprek / wijkgesprek",
    "Jongerenpanel",
    "Anders",
]


@dataclass
class ProjectData:
    """Everything the pages show about a project."""

    areas: Areas | None
    gazetteer: Gazetteer | None
    surveys: list[Survey]
    records: pd.DataFrame
    answers: pd.DataFrame
    problems: list[str] = field(default_factory=list)
    """Dutch messages about files that could not be used (the rest still works)."""
    codebook: Codebook | None = None
    """The codebook the answers were tagged with (None before tagging)."""

    def unlinked(self) -> pd.DataFrame:
        """Unlinked raw values with counts and reasons."""
        return unlinked_values(self.records)

    def summary(self) -> dict:
        """Key figures: sources, records, answers, share linked, wijken covered."""
        recs = self.records
        linked = int((recs["wijkcode"] != "").sum()) if not recs.empty else 0
        return {
            "bronnen": len(self.surveys),
            "respondenten": len(recs),
            "antwoorden": len(self.answers),
            "gekoppeld": linked,
            "aandeel_gekoppeld": linked / len(recs) if len(recs) else 0.0,
            "wijken_met_input": int(recs.loc[recs["wijkcode"] != "", "wijkcode"].nunique()) if not recs.empty else 0,
            "wijken": 0 if self.areas is None else len(self.areas.wijken),
        }


def build_gazetteer(areas: Areas, postcode_tables: list[tuple[dict, dict]], aliases: dict, pc_aliases: dict) -> Gazetteer:
    """Gazetteer of the areas with the postcode tables and the user's aliases."""
    pc4: dict = {}
    pc6: dict = {}
    for t4, t6 in postcode_tables:
        pc4.update(t4)
        pc6.update(t6)
    return Gazetteer(
        names=areas.wijk_names(),
        gemeentenaam=areas.gemeentenaam,
        aliases={norm: code for norm, (_raw, code) in aliases.items()},
        pc4=pc4,
        pc6=pc6,
        postcode_overrides={norm: code for norm, (_raw, code) in pc_aliases.items()},
    )


def load_project_areas(store: Store, project_id: int) -> tuple[Areas | None, list[tuple[dict, dict]], list[str]]:
    """Areas and postcode tables of a project, plus messages about files that failed."""
    problems: list[str] = []
    tables: list[AreaTable] = []
    geo = None
    postcode_tables = []
    for f in store.files(project_id):
        if f.kind == "enquete":
            continue
        try:
            data = store.file_data(f.id)
            if f.kind == "gebied":
                tables.append(read_area_table(f.name, data))
            elif f.kind == "geo":
                geo = read_geojson(f.name, data)
            elif f.kind == "postcode":
                postcode_tables.append(read_postcode_table(f.name, data))
        except WijkbeeldError as exc:
            problems.append(str(exc))
        except Exception:  # noqa: BLE001
            problems.append(f"{f.name}: het gebiedsbestand kon niet worden verwerkt. Verwijder het en upload een CBS-export.")
    areas = None
    settings = (store.project(project_id) or None)
    gm = settings.settings.get("gemeentecode") if settings else None
    tables, geo, postcode_tables, problems, notes = national_project_data(tables, geo, postcode_tables, problems, gm)
    if tables or geo:
        try:
            areas = build_areas(tables, geo, gemeentecode=gm)
            problems.extend(areas.warnings)
        except WijkbeeldError as exc:
            problems.append(str(exc))
    postcode_tables, bundled_pc4 = with_national_postcodes(areas, postcode_tables)
    if areas is not None:
        areas.notes.extend(notes + ([NATIONAL_PC4_NOTE] if bundled_pc4 else []))
    return areas, postcode_tables, problems


def national_project_data(tables, geo, postcode_tables, problems, gemeentecode):
    """The project's uploads completed with the bundled CBS data of its gemeente (``settings['gemeentecode']``).

    Uploaded files add or override bundled figures; files of another gemeente are reported, never mixed in.
    Returns ``(tables, geo, postcode_tables, problems, notes)``.
    """
    if not gemeentecode:
        return tables, geo, postcode_tables, problems, []
    uploaded = bool(tables)
    tables, geo, more = with_national_data(tables, geo, gemeentecode)
    notes = [] if uploaded else [NATIONAL_AREAS_NOTE]
    return tables, geo, postcode_tables, problems + more, notes


def survey_from_store(store: Store, f: StoredFile, known: set[str] | None) -> Survey:
    """Read one stored survey file with its saved settings."""
    survey = read_survey(f.name, store.file_data(f.id), settings=f.settings, known_wijken=known)
    survey.source_id = f.id
    survey.source_key = f.sha256[:16]
    survey.trajectory = f.trajectory
    survey.trajectory_type = f.trajectory_type
    survey.trajectory_date = f.trajectory_date
    return survey


def analyse(store: Store, project_id: int, progress: Callable[[float, str], None] | None = None) -> ProjectData:
    """Read every file of a project, build areas, link every answer."""
    areas, postcode_tables, problems = load_project_areas(store, project_id)
    gazetteer = None
    if areas is not None:
        gazetteer = build_gazetteer(
            areas, postcode_tables, store.aliases(project_id, "naam"), store.aliases(project_id, "postcode")
        )
    known = gazetteer.known_tokens() if gazetteer else None
    surveys: list[Survey] = []
    files = store.files(project_id, "enquete")
    for i, f in enumerate(files):
        if progress:
            progress(i / max(1, len(files)) * 0.8, f"{f.name} lezen")
        try:
            surveys.append(survey_from_store(store, f, known))
        except WijkbeeldError as exc:
            problems.append(str(exc))
        except Exception:  # noqa: BLE001 - one odd file must not take the project down
            problems.append(
                f"{f.name}: het bestand kon niet worden verwerkt. Verwijder het op de pagina Bronnen, "
                "sla het in Excel opnieuw op als .xlsx en upload het opnieuw."
            )
    if progress:
        progress(0.85, "antwoorden koppelen aan wijken")
    records, answers = collect(surveys, gazetteer)
    if progress:
        progress(1.0, "klaar")
    return ProjectData(areas, gazetteer, surveys, records, answers, problems)


def alias_key(kind: str, raw: str) -> str:
    """Normalised key under which an alias or postcode override is stored."""
    if kind == "postcode":
        from lib.core.codes import parse_postcode

        pc4, pc6 = parse_postcode(raw)
        return pc6 or pc4 or raw.strip()
    return normalise_name(raw)


# ---------------------------------------------------------------------------- sample

SAMPLE_TRAJECTORIES = {
    "buurtenquete_2024_microsoft_forms.xlsx": ("Buurtenquête 2024", "Enquête / peiling", "2024-03-15"),
    "evaluatie_wmo_2023_puntkomma.csv": ("Evaluatie Wmo-ondersteuning 2023", "Evaluatie", "2023-11-30"),
    "jongerenpeiling_2024_limesurvey.csv": ("Jongerenpeiling 2024", "Jongerenpanel", "2024-05-20"),
    "dialoogweek_2023_notities.xlsx": ("Dialoogweek sociaal domein 2023", "Dialoogweek / bewonersavond", "2023-10-09"),
    "ophaalgesprekken_wijkteam_2024.txt": ("Ophaalgesprekken wijkteam 2024", "Ophaalgesprekken", "2024-09-01"),
    "mantelzorg_evaluatie_2023.ods": ("Evaluatie mantelzorgondersteuning 2023", "Evaluatie", "2023-06-30"),
}
SAMPLE_ALIASES = {"centrum": "WK051201"}


def sample_area_files() -> list[tuple[str, str, bytes]]:
    """``(kind, name, bytes)`` of the bundled Gorinchem areas."""
    folder = SAMPLE_DIR / "gebieden"
    out = []
    for path in sorted(folder.iterdir()):
        if path.suffix == ".geojson":
            out.append(("geo", path.name, path.read_bytes()))
        elif "pc4" in path.name:
            out.append(("postcode", path.name, path.read_bytes()))
        elif path.suffix == ".csv":
            out.append(("gebied", path.name, path.read_bytes()))
    return out


def sample_survey_files() -> list[Path]:
    """Paths of the bundled survey files."""
    folder = SAMPLE_DIR / "surveys"
    return sorted(p for p in folder.iterdir() if p.name in SAMPLE_TRAJECTORIES)


def restore_sample(store: Store) -> int:
    """(Re)create the Gorinchem sample project; returns its id. Other projects are untouched."""
    for p in store.projects():
        if p.name == SAMPLE_PROJECT:
            store.delete_project(p.id)
    project = store.create_project(SAMPLE_PROJECT)
    for kind, name, data in sample_area_files():
        store.add_file(project.id, name, kind, data)
    for path in sample_survey_files():
        traj, ttype, tdate = SAMPLE_TRAJECTORIES[path.name]
        store.add_file(
            project.id, path.name, "enquete", path.read_bytes(), trajectory=traj, trajectory_type=ttype, trajectory_date=tdate
        )
    for raw, code in SAMPLE_ALIASES.items():
        store.set_alias(project.id, "naam", alias_key("naam", raw), raw, code)
    return project.id


def ensure_project(store: Store) -> int:
    """Id of a project to open: the first existing one, or a fresh sample."""
    projects = store.projects()
    if projects:
        return projects[0].id
    return restore_sample(store)
