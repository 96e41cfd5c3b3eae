"""Inputs that misbehaved (issue 11, items 1, 5, 6): wide CSVs, odd line endings, NUL bytes, row counts, sizes,
formula-like header cells in exports."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from lib.cli import main
from lib.core.errors import FileTooLargeError
from lib.present.export import neutralise_formulas, table_bytes
from lib.reading import readers
from lib.reading.readers import read_file
from lib.reading.surveys import read_survey
from lib.reading.tables import detect_header_row

ROOT = Path(__file__).resolve().parent.parent
SMALL_AREAS = str(ROOT / "tests" / "fixtures" / "cbs" / "kwb_clean_unprefixed.csv")  # fast: 22 rows, Gorinchem

ANSWERS = [
    ("R1", "Lingewijk", "Het is hier 's avonds erg donker op straat"),
    ("R2", "Dalem", "Meer groen en bankjes in het park graag"),
    ("R3", "Binnenstad", "Te weinig parkeerplekken voor bewoners"),
]


def _csv(line_end: str | list[str], sep: str = ";") -> bytes:
    lines = [sep.join(["Respondent", "Wijk", "Wat kan er beter in uw wijk?"])] + [sep.join(r) for r in ANSWERS]
    ends = line_end if isinstance(line_end, list) else [line_end] * len(lines)
    return "".join(line + end for line, end in zip(lines, ends)).encode("utf-8")


def _answers(survey) -> list[list[str]]:
    return survey.sheets[0].table.data.to_numpy().tolist()


def wide_csv(columns: int = 5000, rows: int = 200) -> bytes:
    """The issue's wide file: a header of ``columns`` names (longer than 50,000 characters) and short answers."""
    header = ";".join(f"Vraag {i}" for i in range(columns))
    body = "\n".join(";".join("ja" if (i + r) % 3 else "nee" for i in range(columns)) for r in range(rows))
    return (header + "\n" + body + "\n").encode("utf-8")


# --------------------------------------------------------------------------- wide CSV


def test_wide_csv_keeps_every_column_and_no_row_index():
    """5,000 columns: pandas turned the first 353 columns into a row index (the width came from 50,000 characters)."""
    data = wide_csv()
    raw = read_file("breed.csv", data)
    grid = raw.sheets[0].grid
    assert grid.shape == (201, 5000)
    assert isinstance(grid.index, pd.RangeIndex)
    assert grid.iat[0, 0] == "Vraag 0" and grid.iat[0, 4999] == "Vraag 4999"
    assert detect_header_row(raw.sheets[0]) == 0
    survey = read_survey("breed.csv", data, raw=raw)
    table = survey.sheets[0].table
    assert table.columns[:2] == ["Vraag 0", "Vraag 1"] and len(table.columns) == 5000
    assert table.n_records == 200 and table.rows[0] == 2


def test_wider_than_the_limit_is_refused_in_dutch_before_parsing(monkeypatch):
    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed a file that is too wide")

    monkeypatch.setattr(pd, "read_csv", no_parsing)
    with pytest.raises(FileTooLargeError) as info:
        read_file("te_breed.csv", wide_csv(columns=readers.MAX_COLUMNS + 1, rows=2))
    assert "5.001 kolommen" in info.value.message and "grens is 5.000" in info.value.message


def test_too_many_cells_is_refused_in_dutch(monkeypatch):
    monkeypatch.setattr(readers, "MAX_CELLS", 1000)
    with pytest.raises(FileTooLargeError) as info:
        read_file("veel_cellen.csv", wide_csv(columns=100, rows=20))
    assert "cellen" in info.value.message and "21 rijen x 100 kolommen" in info.value.message


def test_ragged_rows_wider_later_are_read_whole():
    data = b"Wijk;Toelichting\nDalem;Te druk\nLingewijk;Meer groen;extra;nog een\n"
    grid = read_file("rafelig.csv", data).sheets[0].grid
    assert grid.shape == (3, 4)
    assert grid.iloc[2].tolist() == ["Lingewijk", "Meer groen", "extra", "nog een"]


# --------------------------------------------------------------------------- line endings, NUL bytes


@pytest.mark.parametrize(
    "ends",
    ["\r", ["\r\n", "\r", "\n", "\r\n"], ["\n", "\r", "\r", "\n"]],
    ids=["cr-only", "mixed-crlf-cr-lf", "mixed-lf-cr"],
)
def test_cr_only_and_mixed_line_endings_are_read(ends):
    survey = read_survey("regeleinden.csv", _csv(ends))
    assert _answers(survey) == [list(r) for r in ANSWERS]


def test_cr_inside_a_quoted_answer_stays_one_answer():
    data = b'Wijk;Toelichting\r"Dalem";"Eerste regel\rtweede regel"\rLingewijk;Kort\r'
    table = read_survey("quote.csv", data).sheets[0].table
    assert table.data["Toelichting"].tolist() == ["Eerste regel\ntweede regel", "Kort"]
    assert table.rows.tolist() == [2, 3]  # one Excel row per record, line break inside the cell


def test_cli_reads_cr_only_csv(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("WIJKBEELD_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "mac.csv"
    path.write_bytes(_csv("\r"))
    out = tmp_path / "uit.csv"
    rc = main(["analyse", str(path), "--areas", SMALL_AREAS, "--out", str(out)])
    assert rc == 0, capsys.readouterr().err
    assert pd.read_csv(out)["answer"].tolist() == [r[2] for r in ANSWERS]


def test_a_few_nul_bytes_are_dropped_and_the_file_is_read():
    data = _csv("\n").replace(b"donker", b"don\x00ker").replace(b"graag", b"graag\x00\x00")
    survey = read_survey("nul.csv", data)
    assert _answers(survey) == [list(r) for r in ANSWERS]


def test_binary_with_many_nul_bytes_stays_refused():
    data = bytes(range(256)) * 8
    with pytest.raises(readers.UnreadableFileError) as info:
        read_file("binair.csv", data)
    assert "binaire" in info.value.message


def test_tiny_utf16_without_bom_is_not_mistaken_for_nul_bytes():
    survey = read_survey("u.txt", "Wijk\tToelichting\nDalem\tTe druk hier\n".encode("utf-16-le"))
    assert _answers(survey) == [["Dalem", "Te druk hier"]]


# --------------------------------------------------------------------------- sizes and counts


def test_full_sheet_of_1048576_rows_is_reported_with_its_true_count():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Blad1"
    ws["A1"], ws["B1"], ws["A2"], ws["B2"] = "Wijk", "Toelichting", "Dalem", "Te druk"
    ws["A1048576"] = "laatste rij"
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(FileTooLargeError) as info:
        read_file("vol.xlsx", buf.getvalue())
    assert "1.048.576 rijen" in info.value.message


def test_cli_checks_the_size_before_reading_the_file(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("WIJKBEELD_DATA_DIR", str(tmp_path / "data"))
    big = tmp_path / "groot.csv"
    with open(big, "wb") as fh:  # sparse: 315 MB on paper, nothing on disk
        fh.truncate(315 * 1024 * 1024)
    real_read_bytes = Path.read_bytes

    def read_bytes(self):
        assert self != big, "the 315 MB file was read before its size was checked"
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    rc = main(["analyse", str(big), "--areas", SMALL_AREAS, "--out", str(tmp_path / "uit.csv")])
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 1 and len(err) == 1
    assert err[0] == "Fout: groot.csv: het bestand is 315 MB; de grens is 50 MB. Splits het bestand of laat overbodige kolommen weg."


# --------------------------------------------------------------------------- export header cells


def test_header_cells_are_neutralised_like_data_cells():
    df = pd.DataFrame({"Thema": ["groen"], '=HYPERLINK("https://evil.example","klik")': [3], "@SUM(A1)": [1]})
    safe = neutralise_formulas(df)
    assert list(safe.columns) == ["Thema", '\'=HYPERLINK("https://evil.example","klik")', "'@SUM(A1)"]
    book = openpyxl.load_workbook(io.BytesIO(table_bytes(df, "xlsx", "Vergelijking")))
    header = [c for c in next(book.active.iter_rows(min_row=1, max_row=1))]
    assert all(c.data_type == "s" for c in header)
    assert header[1].value.startswith("'=")
    text = table_bytes(df, "csv").decode("utf-8-sig").splitlines()[0]
    assert not any(cell.startswith(("=", "@", '"=')) for cell in text.split(","))


# --------------------------------------------------------------------------- the app reads them too


def test_bronnen_reads_the_wide_csv_and_a_cr_only_file(tmp_path, monkeypatch):
    """The app's upload path (Bronnen): the 5,000-column file and a CR-only file are read, not refused."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from lib.core.store import Store
    from lib.sample import sample_area_files

    monkeypatch.setenv("WIJKBEELD_DATA_DIR", str(tmp_path))
    store = Store(tmp_path / "wijkbeeld.sqlite")
    project = store.create_project("Test")
    for kind, name, data in sample_area_files():
        store.add_file(project.id, name, kind, data)
    store.set_meta("last_project", str(project.id))
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    at.run()
    at.switch_page("pages/1_Bronnen.py")
    at.run()
    at.file_uploader[0].set_value(
        [("breed.csv", wide_csv(rows=5), "text/csv"), ("mac.csv", _csv("\r"), "text/csv")]
    )
    at.run()
    st.cache_data.clear()
    st.cache_resource.clear()
    assert not at.exception, [e.value for e in at.exception]
    messages = [s.value.replace("\\", "") for s in at.success]
    assert any("breed.csv: 5 rijen gelezen" in m for m in messages), messages
    assert any("mac.csv: 3 rijen gelezen" in m for m in messages), messages
    assert not at.error
    assert sorted(f.name for f in store.files(project.id, "enquete")) == ["breed.csv", "mac.csv"]
