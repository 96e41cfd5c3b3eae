"""Command line for batch use: ``python -m lib analyse (FILE ... | --project NAME) --out OUT``.

Calls the same pipeline as the app (``lib.pipeline``): files named here get the app's automatic choices;
``--project`` uses a stored project with every decision made in the app. Writes one row per open answer.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import pandas as pd

from lib.core.errors import WijkbeeldError
from lib.core.store import Store, default_data_dir
from lib.pipeline import AnalysedProject, analyse, analyse_project, check_size, inputs_from_files, read_path
from lib.present.export import dutch_csv_bytes, write_table
from lib.reading.roles import Role
from lib.report_command import add_report_command, run_report
from lib.themes.codebook import default_codebook, read_codebook
from lib.themes.tagger import TaggerPool

OUTPUT_COLUMNS = ["source", "sheet", "row", "question", "answer", "wijkcode", "wijknaam", "themes", "tone"]
"""One row per open answer; ``answer`` masked, ``themes`` joined with ``"; "``, corrections applied."""


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


def build_parser() -> argparse.ArgumentParser:
    """Argument parser of the command line."""
    parser = _Parser(prog="python -m lib", description="Wijkbeeld: lees, koppel en analyseer inwonersinbreng per wijk.")
    sub = parser.add_subparsers(dest="command", required=True)
    analyse = sub.add_parser("analyse", help="lees enquêtebestanden en koppel elk antwoord aan een wijk")
    analyse.add_argument("files", nargs="*", metavar="FILE", help="enquêtebestanden (.xlsx .xlsm .xls .ods .csv .tsv .txt)")
    analyse.add_argument("--project", metavar="NAAM", help="een opgeslagen project, precies zoals de app het toont "
                         "(bestanden, kolomkeuzes, aliassen, codeboek en correcties); 'Voorbeeld Gorinchem' bestaat altijd")
    analyse.add_argument("--areas", nargs="+", metavar="AREAS", help="gebiedsbestanden (KWB-CSV/XLSX, GeoJSON); standaard Gorinchem")
    analyse.add_argument("--gemeente", metavar="NAAM|GMxxxx", help="gemeente: meegeleverde CBS-gegevens als --areas ontbreekt, anders de gemeente in de bestanden")
    analyse.add_argument("--postcodes", nargs="+", metavar="TABLE", help="postcodetabel(len) PC4/PC6 -> wijk; standaard de meegeleverde PC4-tabel van de gemeente")
    analyse.add_argument("--text-column", action="append", default=[], metavar="NAME", help="behandel deze kolom als open vraag")
    analyse.add_argument("--codebook", metavar="FILE", help="codeboek (CSV/XLSX: thema, beschrijving, trefwoord); standaard de 16 thema's")
    analyse.add_argument("--out", required=True, metavar="OUT", help="uitvoer: .csv (UTF-8, komma's) of .xlsx")
    analyse.add_argument("--excel-nl", action="store_true",
                         help="schrijf de .csv voor Nederlandse Excel (puntkomma's, decimale komma, UTF-8 met BOM)")
    add_report_command(sub)
    return parser


def run_analyse(args: argparse.Namespace) -> dict:
    """Run ``analyse``; returns the JSON summary. Raises WijkbeeldError on unusable input."""
    out = Path(args.out)
    if out.suffix.lower() not in {".csv", ".xlsx"}:
        raise WijkbeeldError(f"uitvoerbestand {out.name}: kies een naam die eindigt op .csv of .xlsx.")
    if args.project and (args.files or args.areas or args.postcodes or args.codebook or args.text_column or args.gemeente):
        raise WijkbeeldError("kies óf --project óf bestanden (met --areas, --gemeente, --postcodes, --codebook, --text-column), "
                             "niet beide.")
    if args.project:
        project = _stored_project(args.project)
    else:
        if not args.files:
            raise WijkbeeldError("noem een of meer enquêtebestanden, of kies een opgeslagen project met --project NAAM.")
        project = _files_project(args)
    if args.excel_nl and out.suffix.lower() == ".csv":
        out.write_bytes(dutch_csv_bytes(answers_export(project)))
    else:
        write_table(answers_export(project), out)
    return summary(project, out)


def _stored_project(name: str) -> AnalysedProject:
    from lib.sample import find_project

    store = Store()
    project_id = find_project(store, name)
    if project_id is None:
        known = ", ".join(f"'{p.name}'" for p in store.projects()) or "geen"
        raise WijkbeeldError(f"er is geen project '{name}' in {store.path.parent}. Bestaande projecten: {known}.")
    project = analyse_project(store, project_id)
    for problem in project.problems:
        print(f"Let op: {problem}", file=sys.stderr)
    return project


def _files_project(args: argparse.Namespace) -> AnalysedProject:
    codebook = read_codebook(Path(args.codebook).name, read_path(Path(args.codebook))) if args.codebook else default_codebook()
    for f in args.files:  # from the size, before starting the tagger workers or reading hundreds of MB
        check_size(Path(f))
    big = sum(Path(f).stat().st_size for f in args.files if Path(f).exists()) > 2_000_000
    # worker processes load nltk and compile the codebook while this one reads and links the files
    with TaggerPool(codebook, workers=min(2, os.cpu_count() or 1) if big else 1) as pool:
        inputs = inputs_from_files([Path(f) for f in args.files], [Path(p) for p in args.areas] if args.areas else None,
                                   [Path(p) for p in args.postcodes] if args.postcodes else None, None, args.text_column,
                                   gemeente=args.gemeente)
        inputs.codebook = codebook
        return analyse(inputs, tagger=pool, strict=True, cache_dir=default_data_dir() / "cache")


def answers_export(project: AnalysedProject) -> pd.DataFrame:
    """The answers as the command line writes them: ``OUTPUT_COLUMNS``, personal data masked."""
    table = project.answers.reindex(columns=OUTPUT_COLUMNS + ["answer_masked"])
    table["answer"] = table["answer_masked"]
    return table[OUTPUT_COLUMNS].reset_index(drop=True)


def summary(project: AnalysedProject, out: Path) -> dict:
    """The JSON summary per source printed on stdout."""
    areas, records, answers = project.areas, project.records, project.answers
    result = {
        "areas": {"gemeente": areas.gemeentecode, "naam": areas.gemeentenaam, "wijken": len(areas.wijken)} if areas else None,
        "sources": [],
    }
    for survey in project.surveys:
        recs = records[records["source"] == survey.name]
        open_cols = sorted({c for s in survey.sheets for c in s.columns_with(Role.OPEN)})
        loc_cols = sorted({c for s in survey.sheets for c in s.columns_with(Role.WIJK) + s.columns_with(Role.POSTCODE)})
        linked = int((recs["wijkcode"] != "").sum())
        result["sources"].append(
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
    result["answers"] = int(len(answers))
    result["codebook"] = {"themes": len(project.codebook.themes), "answers_with_theme": int((answers["themes"] != "").sum())}
    result["problems"] = list(project.problems)
    result["out"] = str(out)
    return result


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
