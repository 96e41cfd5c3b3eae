"""The command line ``python -m lib analyse``: outputs, summary and error messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest

from conftest import BAD_CORPUS, CBS, EXPECTED, FIXTURES, GOOD_FILES, RESPONDENTS, ROOT, is_dutch
from lib.cli import main

REQUIRED = ["source", "sheet", "row", "question", "answer", "wijkcode", "wijknaam"]
SMALL_AREAS = str(CBS / "kwb_clean_unprefixed.csv")  # fast: 22 rows, Gorinchem
XLSX_RUN = ["forms.xlsx", "notes_workbook.xlsx", "excel_puntkomma.csv"]


def start_cli(*args: str, data_dir=None) -> subprocess.Popen:
    """Start ``python -m lib ARGS`` in the repository; the runs of this module go in parallel."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    if data_dir is not None:
        env["WIJKBEELD_DATA_DIR"] = str(data_dir)
    return subprocess.Popen(
        [sys.executable, "-m", "lib", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, encoding="utf-8",
    )


def finish(proc: subprocess.Popen) -> subprocess.CompletedProcess:
    out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory):
    """Three real command-line runs, started together: all good files to CSV, some to XLSX, an encrypted file."""
    tmp = tmp_path_factory.mktemp("cli")
    outs = {"csv": tmp / "antwoorden.csv", "xlsx": tmp / "antwoorden.xlsx", "bad": tmp / "fout.csv"}
    procs = {
        "csv": start_cli("analyse", *[str(FIXTURES / n) for n in GOOD_FILES], "--out", str(outs["csv"]), data_dir=tmp),
        "xlsx": start_cli("analyse", *[str(FIXTURES / n) for n in XLSX_RUN], "--out", str(outs["xlsx"]), data_dir=tmp),
        "bad": start_cli("analyse", str(FIXTURES / "bad" / "encrypted.xlsx"), "--out", str(outs["bad"]), data_dir=tmp),
    }
    return {key: (finish(proc), outs[key]) for key, proc in procs.items()}


def expected_rows(name: str) -> dict[tuple[str, int], int]:
    """(sheet, Excel row) -> respondent id of every record with a non-empty open answer."""
    spec = EXPECTED["files"][name]
    out = {}
    if name == "notes_workbook.xlsx":
        for sheet in spec["table_sheets"]:
            s = spec["sheets"][sheet]
            out.update({(sheet, row): rid for row, rid in zip(s["data_rows"], s["respondent_ids"])})
    else:
        sheet = spec["table_sheets"][0] if spec.get("table_sheets") else ""
        out.update({(sheet, rid + 1): rid for rid in RESPONDENTS})
    return {key: rid for key, rid in out.items() if RESPONDENTS[rid]["open_answer"]}


@pytest.fixture(scope="module")
def csv_run(cli_runs):
    proc, out = cli_runs["csv"]
    frame = pd.read_csv(out, dtype=str, keep_default_na=False, encoding="utf-8") if out.exists() else None
    return proc, out, frame


@pytest.fixture(scope="module")
def xlsx_run(cli_runs):
    return cli_runs["xlsx"]


# --------------------------------------------------------------------------- CSV output


def test_csv_run_succeeds_with_a_json_summary(csv_run):
    proc, out, _ = csv_run
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    summary = json.loads(proc.stdout)
    assert summary["areas"] == {"gemeente": "GM0512", "naam": "Gorinchem", "wijken": 21}
    assert summary["answers"] == 11 * len(GOOD_FILES)
    assert summary["out"] == str(out)
    assert [s["source"] for s in summary["sources"]] == GOOD_FILES


@pytest.mark.parametrize("name", GOOD_FILES)
def test_summary_per_source(csv_run, name):
    spec = EXPECTED["files"][name]
    source = next(s for s in json.loads(csv_run[0].stdout)["sources"] if s["source"] == name)
    assert source["rows"] == 12
    assert source["answers"] == 11
    assert source["open_text_columns"] == [spec["open_header"]]
    assert sorted(source["ward_or_postcode_columns"]) == sorted([spec["ward_header"], spec["postcode_header"]])
    assert source["sheets"] == (spec["table_sheets"] or [""])
    assert source["linked"] + source["unlinked"] == 12
    assert source["linked"] >= 11


def test_csv_has_the_required_columns(csv_run):
    _, out, frame = csv_run
    assert set(REQUIRED) <= set(frame.columns)
    text = out.read_bytes().decode("utf-8")  # UTF-8, so € and ë survive
    assert "€ 60!" in text and "ideeën" in text
    assert len(frame) == 11 * len(GOOD_FILES)


@pytest.mark.parametrize("name", GOOD_FILES)
def test_csv_rows_are_excel_row_numbers_and_answers_are_intact(csv_run, name):
    frame = csv_run[2]
    part = frame[frame["source"] == name]
    spec = EXPECTED["files"][name]
    if not spec.get("sheets"):
        assert set(part["sheet"]) == {""}  # a CSV has no sheet
    rows = expected_rows(name)
    got = {(sheet, int(row)): answer for sheet, row, answer in zip(part["sheet"], part["row"], part["answer"])}
    assert set(got) == set(rows)
    for key, rid in rows.items():
        assert got[key] == RESPONDENTS[rid]["open_answer"], key
    assert set(part["question"]) == {spec["open_header"]}


@pytest.mark.parametrize("name", GOOD_FILES)
def test_csv_wijk_is_never_wrong(csv_run, name):
    frame = csv_run[2]
    part = frame[frame["source"] == name]
    rows = expected_rows(name)
    for sheet, row, code, wijknaam in zip(part["sheet"], part["row"], part["wijkcode"], part["wijknaam"]):
        intended = RESPONDENTS[rows[(sheet, int(row))]]["intended_wijkcode"]
        if code and intended:
            assert code == intended, (sheet, row)
        assert bool(code) == bool(wijknaam)
        if code:
            assert wijknaam.startswith("Wijk ")


# --------------------------------------------------------------------------- XLSX output


def test_xlsx_output(xlsx_run):
    proc, out = xlsx_run
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["answers"] == 33
    ws = openpyxl.load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    header = list(rows[0])
    assert set(REQUIRED) <= set(header)
    records = [dict(zip(header, r)) for r in rows[1:]]
    assert len(records) == 33
    notes = [r for r in records if r["source"] == "notes_workbook.xlsx"]
    assert {r["sheet"] for r in notes} == {"Buurthuis Dalem", "Markt binnenstad"}
    dalem = sorted(int(r["row"]) for r in notes if r["sheet"] == "Buurthuis Dalem")
    assert dalem == [5, 6, 7, 9, 11, 12, 14]
    # the merged wijk cell reaches rows 6 and 7
    assert {r["wijkcode"] for r in notes if r["sheet"] == "Buurthuis Dalem" and int(r["row"]) in (5, 6, 7)} == {"WK051211"}
    csv_rows = [r for r in records if r["source"] == "excel_puntkomma.csv"]
    assert {r["sheet"] or "" for r in csv_rows} == {""}
    assert sorted(int(r["row"]) for r in csv_rows) == [2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13]
    line_break = next(r for r in records if r["source"] == "forms.xlsx" and int(r["row"]) == 4)
    assert line_break["answer"] == RESPONDENTS[3]["open_answer"]
    assert all(cell.data_type != "f" for row in ws.iter_rows() for cell in row)


# --------------------------------------------------------------------------- errors


def test_unreadable_file_exits_non_zero_with_one_dutch_line(cli_runs):
    proc, out = cli_runs["bad"]
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "encrypted.xlsx" in lines[0] and "wachtwoord" in lines[0]
    assert is_dutch(lines[0])
    assert proc.stdout == ""
    assert not out.exists()




@pytest.mark.parametrize(
    "name",
    [
        n
        for n in sorted(p.name for p in (FIXTURES / "bad").iterdir())
        if BAD_CORPUS[n]["outcome"] == "refused" and BAD_CORPUS[n].get("kind") != "areas_other_gemeente"
    ],  # a CBS table of another gemeente is a fine survey file; tests/test_hardening_corpus.py has it as areas
)
def test_every_hostile_file_fails_the_cli_cleanly(tmp_path, capsys, name):
    out = tmp_path / "uit.csv"
    rc = main(["analyse", str(FIXTURES / "bad" / name), "--areas", SMALL_AREAS, "--out", str(out)])
    captured = capsys.readouterr()
    assert rc != 0
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and name in lines[0]
    assert lines[0].startswith("Fout: ") and is_dutch(lines[0].replace(name, ""))
    assert captured.out == ""


def test_missing_input_file(tmp_path, capsys):
    rc = main(["analyse", str(tmp_path / "bestaat_niet.csv"), "--areas", SMALL_AREAS, "--out", str(tmp_path / "u.csv")])
    err = capsys.readouterr().err
    assert rc == 1 and "bestaat_niet.csv" in err and "niet gevonden" in err


def test_wrong_output_suffix(tmp_path, capsys):
    rc = main(["analyse", str(FIXTURES / "tabs.tsv"), "--areas", SMALL_AREAS, "--out", str(tmp_path / "uit.pdf")])
    err = capsys.readouterr().err
    assert rc == 1 and ".csv of .xlsx" in err
    assert not (tmp_path / "uit.pdf").exists()


def test_usage_error_is_one_line_without_usage_dump(capsys):
    with pytest.raises(SystemExit) as info:
        main(["analyse", str(FIXTURES / "tabs.tsv")])  # --out missing
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout in de opdracht: ")
    assert len(err.strip().splitlines()) == 1
    assert "usage:" not in err


# --------------------------------------------------------------------------- --text-column


def test_text_column_forces_open_text(tmp_path, capsys):
    out = tmp_path / "uit.csv"
    closed = "Hoe tevreden bent u over uw wijk?"
    rc = main(["analyse", str(FIXTURES / "excel_puntkomma.csv"), "--areas", SMALL_AREAS, "--text-column", closed, "--out", str(out)])
    summary = json.loads(capsys.readouterr().out)
    assert rc == 0
    source = summary["sources"][0]
    assert source["open_text_columns"] == sorted([closed, "Wat kan er beter in uw wijk?"])
    assert source["answers"] == 11 + 12
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    forced = frame[frame["question"] == closed]
    assert sorted(forced["answer"].unique()) == ["Neutraal", "Ontevreden", "Tevreden"]
    assert sorted(forced["row"].astype(int)) == list(range(2, 14))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_cli_output_neutralises_formulas(tmp_path, capsys, suffix):
    survey = tmp_path / "formules.csv"
    survey.write_text(
        'id;wijk;Reactie\n1;Lingewijk;"=HYPERLINK(""http://x.nl"",""klik"")"\n2;Dalem;@SUM(A1:A2)\n3;Stalkaarsen;-1+2\n',
        encoding="utf-8",
    )
    out = tmp_path / f"uit{suffix}"
    rc = main(["analyse", str(survey), "--areas", SMALL_AREAS, "--text-column", "Reactie", "--out", str(out)])
    capsys.readouterr()
    assert rc == 0
    if suffix == ".csv":
        answers = pd.read_csv(out, dtype=str, keep_default_na=False)["answer"].tolist()
    else:
        ws = openpyxl.load_workbook(out).active
        header = [c.value for c in ws[1]]
        col = header.index("answer")
        cells = [row[col] for row in ws.iter_rows(min_row=2)]
        assert all(c.data_type == "s" for c in cells)
        answers = [c.value for c in cells]
    assert answers == ["'=HYPERLINK(\"http://x.nl\",\"klik\")", "'@SUM(A1:A2)", "'-1+2"]


def test_cli_adds_themes_and_tone_and_takes_a_codebook(tmp_path, capsys):
    book = tmp_path / "codeboek.csv"
    book.write_text("thema,beschrijving,trefwoord\nJeugd,jongeren,jongeren\nGroen,,bankjes\n", encoding="utf-8")
    out = tmp_path / "uit.csv"
    rc = main(["analyse", str(FIXTURES / "limesurvey.csv"), "--codebook", str(book), "--out", str(out)])
    assert rc == 0
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(table.columns)[-2:] == ["themes", "tone"]
    assert set(table["tone"]) <= {"negatief", "neutraal", "positief"}
    themes = {t for v in table["themes"] for t in v.split("; ") if t}
    assert themes <= {"Jeugd", "Groen"} and "Jeugd" in themes
    assert json.loads(capsys.readouterr().out)["codebook"]["themes"] == 2


def test_cli_bad_codebook_is_a_dutch_one_liner(tmp_path, capsys):
    book = tmp_path / "kapot.csv"
    book.write_text("naam;waarde\nx;1\n", encoding="utf-8")
    rc = main(["analyse", str(FIXTURES / "limesurvey.csv"), "--codebook", str(book), "--out", str(tmp_path / "o.csv")])
    err = capsys.readouterr().err.strip()
    assert rc == 1 and "kapot.csv" in err and "trefwoord" in err and "\n" not in err


# --------------------------------------------------------------------------- a stored project


def test_cli_project_gives_the_answers_the_app_shows_after_an_alias_and_a_correction(tmp_path, monkeypatch):
    """``--project`` runs the app's pipeline: the Antwoorden table and the CLI output agree row for row."""
    from streamlit.testing.v1 import AppTest

    from lib.core.store import Store
    from lib.pipeline import alias_key, analyse_project
    from lib.sample import restore_sample

    monkeypatch.setenv("WIJKBEELD_DATA_DIR", str(tmp_path))
    store = Store(tmp_path / "wijkbeeld.sqlite")
    pid = restore_sample(store)
    before = analyse_project(store, pid)
    # an alias for a name that stayed unlinked, and a correction of one answer's themes and tone
    unlinked = before.unlinked()
    name = unlinked[(unlinked["kind"] == "naam") & (unlinked["key"] != "")].iloc[0]
    store.set_alias(pid, "naam", name["key"], str(name["value"]).split(",")[0], "WK051203")
    first = before.answers.iloc[0]
    store.save_corrections(pid, {first["answer_key"]: (["Wonen", "Ouderen"], "positief")})
    store.set_meta("last_project", str(pid))

    out = tmp_path / "uit.csv"
    assert main(["analyse", "--project", "Voorbeeld Gorinchem", "--out", str(out)]) == 0
    cli = pd.read_csv(out, dtype=str, keep_default_na=False)

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=90)
    at.run()
    at.switch_page("pages/4_Antwoorden.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    app = at.dataframe[0].value
    assert len(app) == len(cli) == len(before.answers)
    app_rows = list(zip(app["Bron"], app["Blad"].astype(str), app["Rij"].astype(str), app["Vraag"], app["Antwoord"],
                        app["Wijkcode"], app["Thema's"], app["Toon"]))
    cli_rows = list(zip(cli["source"], cli["sheet"], cli["row"], cli["question"], cli["answer"], cli["wijkcode"],
                        cli["themes"], cli["tone"]))
    assert app_rows == cli_rows
    corrected = cli[(cli["source"] == first["source"]) & (cli["row"] == str(first["row"])) & (cli["question"] == first["question"])]
    assert corrected["themes"].iloc[0] == "Wonen; Ouderen" or set(corrected["themes"].iloc[0].split("; ")) == {"Wonen", "Ouderen"}
    assert corrected["tone"].iloc[0] == "positief"
    assert (cli["wijkcode"] == "WK051203").sum() > (before.answers["wijkcode"] == "WK051203").sum()  # the alias links more


def test_cli_project_sample_exists_on_a_fresh_data_folder(tmp_path):
    out = tmp_path / "uit.xlsx"
    done = finish(start_cli("analyse", "--project", "voorbeeld gorinchem", "--out", str(out), data_dir=tmp_path))
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["answers"] > 900 and len(summary["sources"]) == 6
    table = pd.read_excel(out, dtype=str)
    assert {"themes", "tone"} <= set(table.columns) and (table["themes"].fillna("") != "").mean() > 0.5

def test_cli_project_unknown_names_say_what_exists_and_project_excludes_files(tmp_path, monkeypatch, capsys):
    from lib.core.store import Store

    monkeypatch.setenv("WIJKBEELD_DATA_DIR", str(tmp_path))
    Store(tmp_path / "wijkbeeld.sqlite").create_project("Wijkbeeld 2025")
    out = tmp_path / "uit.xlsx"
    assert main(["analyse", "--project", "Bestaat niet", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "'Wijkbeeld 2025'" in err and is_dutch(err)
    assert main(["analyse", "x.csv", "--project", "Voorbeeld Gorinchem", "--out", str(out)]) == 1
    assert "niet beide" in capsys.readouterr().err


def test_cli_writes_csv_for_dutch_excel_on_request(tmp_path):
    out = tmp_path / "uit.csv"
    args = ["analyse", str(FIXTURES / "excel_puntkomma.csv"), "--areas", SMALL_AREAS, "--out", str(out)]
    assert main(args) == 0
    plain = out.read_bytes()
    assert not plain.startswith(b"\xef\xbb\xbf") and plain.split(b"\n")[0].count(b",") >= 8
    assert main(args + ["--excel-nl"]) == 0
    dutch = out.read_bytes()
    assert dutch.startswith(b"\xef\xbb\xbf") and dutch.split(b"\n")[0].count(b";") >= 8
    frame = pd.read_csv(out, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame.columns) == ["source", "sheet", "row", "question", "answer", "wijkcode", "wijknaam", "themes", "tone"]
