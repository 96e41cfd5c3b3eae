"""The summary read back: Word (python-docx), PDF (pypdf), Excel (openpyxl)."""

from __future__ import annotations

import io
import re
import subprocess
import sys

import pandas as pd
import pytest
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from lib.advice.analysis import advise
from lib.advice.state import AdviceState
from lib.advice import recommend
from lib.report import file_name, write_all
from lib.report.build import build_report
from tests.conftest import ROOT
from tests.test_advice import THEMES, base_areas, elderly_fixture, records_frame

PHONE = "06-12345678"


@pytest.fixture(scope="module")
def report_files():
    records, answers = elderly_fixture()
    # a formula-looking answer and a tiny source in wijk 03 (2 respondents: must stay hidden)
    answers.loc[answers.index[0], "answer"] = "=HYPERLINK(\"http://x\") eenzaam, mail jan@example.nl of bel 06-12345678"
    small = records_frame([("WK999903", 40)] * 2, source="klein.csv")
    records = pd.concat([records, small], ignore_index=True)
    edits = recommend.set_note({}, "WK999901", "=SOM(A1) notitie van de wijkregisseur")
    result = advise(base_areas(), [], records, answers, THEMES, AdviceState(edits=edits), 5,
                    pairs=[("Eenzaamheid", "pct_eenpersoonshhd"), ("Ouderen", "65plus")])
    report = build_report(result)
    return result, report, write_all(report)


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(c.text for c in row.cells)
    return "\n".join(parts)


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_every_wijk_has_its_section_in_word_and_pdf(report_files):
    result, report, files = report_files
    word, pdf = _docx_text(files["docx"]), _pdf_text(files["pdf"])
    for wijk in result.wijken.values():
        assert wijk.wijknaam in word and wijk.wijknaam in pdf
    for text in (word, pdf):
        assert "Samenvatting" in text and "Aanbevelingen" in text and "Privacy" in text and "Bron: CBS" in text
        assert "Prioriteit: Eenzaamheid" in text
        assert "schatting uit CBS-cijfers" in text.replace("\n", " ")
        assert "notitie van de wijkregisseur" in text


def test_quotes_are_masked_in_every_format(report_files):
    _result, _report, files = report_files
    word, pdf = _docx_text(files["docx"]), _pdf_text(files["pdf"])
    assert "[telefoon]" in word
    for text in (word, pdf):
        assert PHONE not in text and "jan@example.nl" not in text
    wb = load_workbook(io.BytesIO(files["xlsx"]))
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                assert PHONE not in str(v) and "jan@example.nl" not in str(v)


def test_no_formulas_and_real_numbers_in_excel(report_files):
    _result, _report, files = report_files
    wb = load_workbook(io.BytesIO(files["xlsx"]))
    assert {"Wijken", "Kerncijfers", "Thema's", "Leeftijd", "Profielen", "Aanbevelingen", "Notities"} <= set(wb.sheetnames)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
                assert not (isinstance(cell.value, str) and cell.value.startswith(("=", "+", "@")))
    figures = wb["Kerncijfers"]
    header = [c.value for c in figures[1]]
    values = [r[header.index("Wijk (waarde)")] for r in figures.iter_rows(min_row=2, values_only=True)]
    assert all(isinstance(v, (int, float)) for v in values)
    shares = wb["Thema's"]
    col = [c.value for c in shares[1]].index("Aandeel wijk")
    assert all(isinstance(r[col], (int, float)) and 0 <= r[col] <= 1 for r in shares.iter_rows(min_row=2, values_only=True))
    notes = [r for r in wb["Notities"].iter_rows(min_row=2, values_only=True)]
    assert notes[0][1].startswith("'=SOM")


def test_no_count_below_the_threshold_anywhere(report_files):
    _result, _report, files = report_files
    wb = load_workbook(io.BytesIO(files["xlsx"]))
    for ws in wb.worksheets:
        header = [c.value for c in ws[1]]
        for name in ("Respondenten", "Antwoorden", "Inwoners"):
            if name in header:
                i = header.index(name)
                for row in ws.iter_rows(min_row=2, values_only=True):
                    assert row[i] is None or not 0 < row[i] < 5, (ws.title, row)
    doc = Document(io.BytesIO(files["docx"]))
    for table in doc.tables:
        header = [c.text for c in table.rows[0].cells]
        for name in ("Respondenten", "Respon\xaddenten", "Antwoorden"):
            if name in header:
                i = header.index(name)
                for row in table.rows[1:]:
                    text = row.cells[i].text
                    assert not re.fullmatch(r"[1-4]", text), (header, text)


def test_pdf_embeds_a_font_with_dutch_characters(report_files):
    _result, _report, files = report_files
    reader = PdfReader(io.BytesIO(files["pdf"]))
    embedded = set()
    for page in reader.pages[:3]:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = font.get("/FontDescriptor")
            if desc is not None and "/FontFile2" in desc.get_object():
                embedded.add(str(font["/BaseFont"]))
    assert any("BitstreamVeraSans" in f for f in embedded)
    text = _pdf_text(files["pdf"])
    assert "“" in text and "‘" in text  # curly quotes survive
    assert re.search(r"\d+ (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) 20\d\d", text)


def test_word_tables_repeat_their_header(report_files):
    _result, _report, files = report_files
    doc = Document(io.BytesIO(files["docx"]))
    assert doc.tables
    for table in doc.tables:
        assert table.rows[0]._tr.xpath("./w:trPr/w:tblHeader")
    assert len(doc.inline_shapes) >= 1  # charts


def test_one_wijk_report_and_file_names(report_files):
    result, _report, _files = report_files
    one = advise(base_areas(), [], *elderly_fixture(), THEMES, None, 5, wijken=["WK999901"])
    report = build_report(one, charts=False)
    assert [s.name for s in report.sections] == [one.wijken["WK999901"].wijknaam]
    assert file_name(report, "pdf") == "wijkbeeld-testgemeente-wijk-01-naam01.pdf"
    files = write_all(report, ["pdf"])
    assert files["pdf"].startswith(b"%PDF")


def test_command_line_writes_the_sample_report(tmp_path):
    out = tmp_path / "uit"
    proc = subprocess.run([sys.executable, "-m", "lib", "report", "--wijk", "WK051204", "--format", "xlsx,docx",
                           "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=240,
                          env={"WIJKBEELD_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["wijkbeeld-gorinchem-wijk-04-haarwijk.docx", "wijkbeeld-gorinchem-wijk-04-haarwijk.xlsx"]
    assert "haarwijk" in _docx_text((out / names[0]).read_bytes()).lower()
    bad = subprocess.run([sys.executable, "-m", "lib", "report", "--format", "odt", "--out", str(out)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120, env={"WIJKBEELD_DATA_DIR": str(tmp_path / "d2"),
                                                                           "PATH": "/usr/bin:/bin"})
    assert bad.returncode == 1 and "formaat" in bad.stderr and "Traceback" not in bad.stderr
