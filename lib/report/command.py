"""``python -m lib report``: the summary as Word, PDF and Excel from the command line.

    python -m lib report [--project NAME | FILE ...] [--areas AREAS ...] [--wijk CODE ...]
                         [--format docx,pdf,xlsx] --out DIR

Without a project or files it writes the summary of the bundled Gorinchem sample.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from lib.core.errors import WijkbeeldError
from lib.report import FORMATS, file_name, write_all


def add_report_command(subparsers) -> argparse.ArgumentParser:
    """Add ``report`` to the command line's subparsers."""
    report = subparsers.add_parser("report", help="maak de samenvatting voor de raad (Word, PDF, Excel)")
    report.add_argument("files", nargs="*", metavar="FILE", help="enquêtebestanden; zonder bestanden: het voorbeeld Gorinchem")
    report.add_argument("--project", metavar="NAME", help="een project uit de app (naam)")
    report.add_argument("--areas", nargs="+", metavar="AREAS",
                        help="gebiedsbestanden (KWB-CSV/XLSX, GeoJSON, postcodetabel); standaard Gorinchem")
    report.add_argument("--wijk", nargs="+", metavar="CODE", help="alleen deze wijk(en): CBS-code of naam")
    report.add_argument("--format", default=",".join(FORMATS), metavar="docx,pdf,xlsx", help="formaten, met komma's")
    report.add_argument("--out", required=True, metavar="DIR", help="map voor de bestanden")
    return report


def _wijken(areas, wanted: list[str] | None) -> list[str] | None:
    if not wanted:
        return None
    from lib.areas.linking import normalise_name
    from lib.core.codes import normalise_code

    names = {normalise_name(n): c for c, n in areas.wijk_names().items()}
    codes = set(areas.wijken["wijkcode"])
    out = []
    for item in wanted:
        code = normalise_code(item)
        code = code if code in codes else names.get(normalise_name(item))
        if code is None:
            raise WijkbeeldError(f"wijk ‘{item}’ bestaat niet in de geladen gebieden. Gebruik een CBS-code zoals "
                                 f"{sorted(codes)[0]} of de naam van de wijk.")
        out.append(code)
    return out


def run_report(args: argparse.Namespace) -> dict:
    """Write the report files; returns a JSON-able summary. Raises WijkbeeldError on unusable input."""
    from lib.advice.analysis import advise_project
    from lib.advice.state import load_state
    from lib.core.store import Store
    from lib.pipeline import analyse_project
    from lib.report.build import build_report
    from lib.sample import SAMPLE_TRAJECTORIES, find_project, restore_sample, sample_area_files

    formats = [f.strip().lower() for f in str(args.format).split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise WijkbeeldError(f"onbekend formaat ‘{(bad or [''])[0]}’. Kies uit docx, pdf en xlsx, met komma's ertussen.")
    out = Path(args.out)
    with tempfile.TemporaryDirectory() as tmp:
        if args.project:
            store = Store()
            pid = find_project(store, args.project)
            if pid is None:
                raise WijkbeeldError(f"project ‘{args.project}’ bestaat niet. Bestaande projecten: "
                                     f"{', '.join(p.name for p in store.projects()) or 'geen'}.")
        else:
            store = Store(Path(tmp) / "rapport.sqlite")
            if not args.files and not args.areas:
                pid = restore_sample(store)
            else:
                pid = store.create_project("Rapport").id
                area_files = [(Path(p).name, _read(Path(p))) for p in args.areas] if args.areas else [
                    (name, data) for _kind, name, data in sample_area_files()]
                for name, data in area_files:
                    low = name.lower()
                    kind = "geo" if low.endswith((".geojson", ".json")) else "postcode" if "pc4" in low or "pc6" in low or "postcode" in low else "gebied"
                    store.add_file(pid, name, kind, data)
                for path in map(Path, args.files):
                    traj = SAMPLE_TRAJECTORIES.get(path.name, (path.stem.replace("_", " "), "", ""))
                    store.add_file(pid, path.name, "enquete", _read(path), trajectory=traj[0], trajectory_type=traj[1],
                                   trajectory_date=traj[2])
        data = analyse_project(store, pid)
        if data.areas is None:
            raise WijkbeeldError("er zijn geen gebieden geladen; geef CBS-cijfers mee met --areas.")
        result = advise_project(data, load_state(store, pid), data.settings, _wijken(data.areas, args.wijk))
        report = build_report(result, charts="pdf" in formats or "docx" in formats)
        files = write_all(report, formats)
    try:
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for fmt, content in files.items():
            path = out / file_name(report, fmt)
            path.write_bytes(content)
            written.append(str(path))
    except OSError as exc:
        raise WijkbeeldError(f"de map {out} kan niet worden beschreven ({exc.strerror}).") from None
    return {"gemeente": report.gemeente, "wijken": len(report.sections), "files": written, "problems": data.problems}


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        raise WijkbeeldError("bestand niet gevonden of niet te openen. Controleer de naam en de map.",
                             filename=str(path)) from None
