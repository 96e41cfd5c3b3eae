"""The bundled Gorinchem sample project and the project a fresh app opens.

The sample exists as soon as the app (or ``python -m lib ... --project "Voorbeeld Gorinchem"``) first starts
on a data folder; restoring it rebuilds only the sample, other projects are untouched.
"""

from __future__ import annotations

from pathlib import Path

from lib.core.store import Store
from lib.pipeline import alias_key

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample_data"
SAMPLE_PROJECT = "Voorbeeld Gorinchem"

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


def find_project(store: Store, name: str) -> int | None:
    """Id of the project with this name (case and spaces ignored); the sample is created when asked for."""
    wanted = " ".join(name.split()).casefold()
    for p in store.projects():
        if " ".join(p.name.split()).casefold() == wanted:
            return p.id
    if wanted == SAMPLE_PROJECT.casefold():
        return restore_sample(store)
    return None
