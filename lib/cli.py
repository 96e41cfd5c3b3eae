"""Command line for batch use: ``python -m lib analyse FILE ... --out OUT``.

Reads files with the same automatic choices as the app, links every answer to
its wijk and writes one row per non-empty open answer.
"""

from __future__ import annotations

import argparse
import os
import json
import sys
from pathlib import Path


from lib.areas.figures import cached_by_content, load_areas_cached
from lib.themes.codebook import default_codebook, read_codebook
from lib.core.errors import WijkbeeldError
from lib.present.export import write_table
from lib.areas.postcodes import read_postcode_table
from lib.core.privacy import mask_series
from lib.core.store import default_data_dir
from lib.project import SAMPLE_DIR, build_gazetteer
from lib.reading.roles import Role
from lib.report.command import add_report_command, run_report
from lib.reading.surveys import collect, read_survey
from lib.themes.tagger import TaggerPool

OUTPUT_COLUMNS = ["source", "sheet", "row", "question", "answer", "wijkcode", "wijknaam", "themes", "sentiment"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one Dutch line, no usage dump
        for english, dutch in _ARGPARSE_NL.items():
            message = message.replace(english, dutch)
        self.exit(2, f"Fout in de opdracht: {message}. Zie 'python -m lib analyse --help'.\n")


_ARGPARSE_NL = {
    "the following arguments are required": "deze opties zijn verplicht",
    "unrecognized arguments": "onbekende opties",
    "expected one argument": "hier hoort één waarde bij",
    "expected at least one argument": "hier hoort minstens één waarde bij",
    "invalid choice": "ongeldige keuze",
    "choose from": "kies uit",
    "argument ": "optie ",
}


def _default_area_files() -> list[Path]:
    folder = SAMPLE_DIR / "gebieden"
    return sorted(p for p in folder.iterdir() if p.suffix in {".csv", ".geojson"} and "pc4" not in p.name)


def _default_postcode_files() -> list[Path]:
    return sorted((SAMPLE_DIR / "gebieden").glob("*pc4*.csv"))


def build_parser() -> argparse.ArgumentParser:
    """Argument parser of the command line."""
    parser = _Parser(prog="python -m lib", description="Wijkbeeld: lees, koppel en analyseer inwonersinbreng per wijk.")
    sub = parser.add_subparsers(dest="command", required=True)
    analyse = sub.add_parser("analyse", help="lees enquêtebestanden en koppel elk antwoord aan een wijk")
    analyse.add_argument("files", nargs="+", metavar="FILE", help="enquêtebestanden (.xlsx .xlsm .xls .ods .csv .tsv .txt)")
    analyse.add_argument("--areas", nargs="+", metavar="AREAS", help="gebiedsbestanden (KWB-CSV/XLSX, GeoJSON); standaard Gorinchem")
    analyse.add_argument("--postcodes", nargs="+", metavar="TABLE", help="postcodetabel(len) PC4/PC6 -> wijk")
    analyse.add_argument("--text-column", action="append", default=[], metavar="NAME", help="behandel deze kolom als open vraag")
    analyse.add_argument("--codebook", metavar="FILE", help="codeboek (CSV/XLSX: thema, beschrijving, trefwoord); standaard de 16 thema's")
    analyse.add_argument("--out", required=True, metavar="OUT", help="uitvoer: .csv (UTF-8) of .xlsx")
    add_report_command(sub)
    return parser


def run_analyse(args: argparse.Namespace) -> dict:
    """Run ``analyse``; returns the JSON summary. Raises WijkbeeldError on unusable input."""
    out = Path(args.out)
    if out.suffix.lower() not in {".csv", ".xlsx"}:
        raise WijkbeeldError(f"uitvoerbestand {out.name}: kies een naam die eindigt op .csv of .xlsx.")
    codebook = read_codebook(Path(args.codebook).name, _read(Path(args.codebook))) if args.codebook else default_codebook()
    big = sum(Path(f).stat().st_size for f in args.files if Path(f).exists()) > 2_000_000
    with TaggerPool(codebook, workers=min(2, os.cpu_count() or 1) if big else 1) as pool:
        return _analyse(args, out, codebook, pool)


def _analyse(args: argparse.Namespace, out: Path, codebook, pool: TaggerPool) -> dict:
    area_paths = [Path(p) for p in args.areas] if args.areas else _default_area_files()
    pc_paths = [Path(p) for p in args.postcodes] if args.postcodes else ([] if args.areas else _default_postcode_files())
    areas = load_areas_cached([(p.name, _read(p)) for p in area_paths], default_data_dir() / "cache")
    postcode_tables = [
        cached_by_content([(p.name, _read(p))], default_data_dir() / "cache", "postcodes", lambda f: read_postcode_table(*f[0]))
        for p in pc_paths
    ]
    gazetteer = build_gazetteer(areas, postcode_tables, {}, {})
    known = gazetteer.known_tokens()
    surveys = [read_survey(p.name, _read(p), known_wijken=known, text_columns=args.text_column) for p in map(Path, args.files)]
    records, answers = collect(surveys, gazetteer)
    pending = pool.submit(answers["answer"].tolist())  # the workers tag while this process masks
    masked = mask_series(answers["answer"].astype(str))  # exports never carry e-mail, phone, PC6, IBAN
    tagged = pending()
    answers["themes"] = tagged["themes"].to_numpy()
    answers["sentiment"] = tagged["tone"].to_numpy()
    table = answers[OUTPUT_COLUMNS].copy()
    table["answer"] = masked.to_numpy()
    write_table(table, out)
    summary = {"areas": {"gemeente": areas.gemeentecode, "naam": areas.gemeentenaam, "wijken": len(areas.wijken)}, "sources": []}
    for survey in surveys:
        recs = records[records["source"] == survey.name]
        open_cols = sorted({c for s in survey.sheets for c in s.columns_with(Role.OPEN)})
        loc_cols = sorted({c for s in survey.sheets for c in s.columns_with(Role.WIJK) + s.columns_with(Role.POSTCODE)})
        linked = int((recs["wijkcode"] != "").sum())
        summary["sources"].append(
            {
                "source": survey.name,
                "sheets": [s.table.sheet for s in survey.sheets],
                "rows": int(len(recs)),
                "open_text_columns": open_cols,
                "ward_or_postcode_columns": loc_cols,
                "answers": int((answers["source"] == survey.name).sum()),
                "linked": linked,
                "unlinked": int(len(recs) - linked),
            }
        )
    summary["answers"] = int(len(answers))
    summary["codebook"] = {"themes": len(codebook.themes), "answers_with_theme": int((answers["themes"] != "").sum())}
    summary["out"] = str(out)
    return summary


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise WijkbeeldError("bestand niet gevonden. Controleer de naam en de map.", filename=str(path)) from None
    except OSError as exc:
        raise WijkbeeldError(f"bestand kan niet worden geopend ({exc.strerror}).", filename=str(path)) from None


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        summary = run_report(args) if args.command == "report" else run_analyse(args)
    except WijkbeeldError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    except MemoryError:
        print("Fout: te weinig geheugen voor deze bestanden. Verwerk ze in kleinere delen.", file=sys.stderr)
        return 1
    json.dump(summary, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
