"""Reading survey files: header rows, Excel row numbers, column roles, hostile files."""

from __future__ import annotations

import functools
import io
import time
import zipfile
from collections import Counter

import openpyxl
import pandas as pd
import pytest

from conftest import (
    BAD_CORPUS,
    BAD_FILES,
    BASE,
    ROOT,
    EXPECTED,
    GOOD_FILES,
    RESPONDENTS,
    TEXT_FILES,
    fixture_bytes,
    is_dutch,
    respondent_ids,
    sheet_specs,
)
from lib.reading import readers
from lib.core.errors import EmptyFileError, EncryptedFileError, FileTooLargeError, UnreadableFileError
from lib.reading.readers import read_file
from lib.reading.roles import Role
from lib.reading.surveys import read_survey

SHEETS = sheet_specs()


@functools.lru_cache(maxsize=None)
def _read_once(name: str, known: frozenset | None = None):
    return read_survey(name, fixture_bytes(name), known_wijken=set(known) if known else None)


def _survey(name: str, known_wijken: set | None = None):
    """A good fixture read with the app's automatic choices (read once per test session; do not mutate)."""
    return _read_once(name, frozenset(known_wijken) if known_wijken else None)


def _sheet(survey, sheet: str):
    return next(s for s in survey.sheets if s.table.sheet == sheet)


def _base_text(value) -> str:
    return "" if value is None else str(value)


# --------------------------------------------------------------------------- good files


@pytest.mark.parametrize("name,sheet,spec", SHEETS, ids=[f"{n}:{s}" if s else n for n, s, _ in SHEETS])
def test_header_row_and_excel_row_numbers(name, sheet, spec):
    """The header is found on the right Excel row and every record keeps its Excel row number."""
    table = _sheet(_survey(name), sheet).table
    assert table.header_row == spec["header_row"]
    assert table.n_records == spec["n_data_rows"]
    assert [int(r) for r in table.rows] == spec["data_rows"]


@pytest.mark.parametrize("name", GOOD_FILES)
def test_every_file_holds_the_twelve_respondents(name):
    survey = _survey(name)
    assert survey.n_records == BASE["n_respondents"] == 12
    assert [s.table.sheet for s in survey.sheets] == (EXPECTED["files"][name]["table_sheets"] or [""])


def test_notes_workbook_skips_the_prose_sheet_and_keeps_sheet_order():
    survey = _survey("notes_workbook.xlsx")
    assert survey.without_table == ["Toelichting"]
    assert [s.table.sheet for s in survey.sheets] == ["Buurthuis Dalem", "Markt binnenstad"]
    # the title block and 'Locatie:' lines are not taken as data or header
    for s in survey.sheets:
        assert s.table.columns[:3] == ["Nr.", "Wijk", "Postcode"]


def test_notes_workbook_merged_wijk_cell_is_filled_down():
    """B5:B7 is merged and holds 'Laag Dalem' for respondents 1, 11 and 12 (rows 5, 6, 7)."""
    table = _sheet(_survey("notes_workbook.xlsx"), "Buurthuis Dalem").table
    by_row = dict(zip((int(r) for r in table.rows), table.data["Wijk"]))
    assert [by_row[r] for r in (5, 6, 7)] == ["Laag Dalem"] * 3
    # the fill stops at the end of the merged range
    assert by_row[9] == "Dalem"


def test_title_merge_does_not_leak_into_data():
    """The title merged over A1:G1 is above the header: no data cell repeats the title."""
    survey = _survey("notes_workbook.xlsx")
    for s in survey.sheets:
        flat = set(s.table.data.to_numpy().ravel())
        assert not any(str(v).startswith(("Ophaalgesprekken", "Locatie:", "Genoteerd door")) for v in flat)


@pytest.mark.parametrize("name", TEXT_FILES)
def test_text_file_encoding_and_separator(name):
    spec = EXPECTED["files"][name]
    survey = _survey(name)
    assert survey.encoding == spec["encoding"]
    assert survey.separator == spec["sep"]


@pytest.mark.parametrize("name", GOOD_FILES)
def test_detects_open_ward_and_postcode_columns(name, gazetteer):
    spec = EXPECTED["files"][name]
    for known in (None, gazetteer.known_tokens()):
        survey = _survey(name, known_wijken=known)
        for sheet in survey.sheets:
            assert sheet.columns_with(Role.OPEN) == [spec["open_header"]]
            assert sheet.columns_with(Role.WIJK) == [spec["ward_header"]]
            assert sheet.columns_with(Role.POSTCODE) == [spec["postcode_header"]]
            assert sheet.columns_with(Role.AGE) == [spec["age_header"]]
            assert sheet.roles[spec["closed_header"]] == Role.CLOSED
            if spec["date_header"]:
                assert sheet.roles[spec["date_header"]] == Role.IGNORE


@pytest.mark.parametrize(
    "name",
    GOOD_FILES,
)
def test_detects_respondent_id_column(name):
    spec = EXPECTED["files"][name]
    for sheet in _survey(name).sheets:
        assert sheet.columns_with(Role.RESPONDENT) == [spec["id_header"]]


@pytest.mark.parametrize("name,sheet,spec", SHEETS, ids=[f"{n}:{s}" if s else n for n, s, _ in SHEETS])
def test_cell_values_match_the_base_respondents(name, sheet, spec):
    """Open answers (line breaks, €, quotes, accents), wards, postcodes and closed answers arrive intact."""
    fspec = EXPECTED["files"][name]
    table = _sheet(_survey(name), sheet).table
    ids = respondent_ids(name, sheet, table)
    assert len(ids) == table.n_records
    for i, rid in enumerate(ids):
        base = RESPONDENTS[rid]
        row = table.data.iloc[i]
        assert row[fspec["open_header"]] == _base_text(base["open_answer"])
        assert row[fspec["postcode_header"]] == _base_text(base["postcode"])
        assert row[fspec["closed_header"]] == base["tevredenheid"]
        assert int(row[fspec["age_header"]]) == base["leeftijd"]
        expected_wijk = _base_text(base["wijk"])
        if name == "notes_workbook.xlsx" and rid in (11, 12):
            expected_wijk = "Laag Dalem"  # the note-taker's spelling in the merged cell
        assert row[fspec["ward_header"]] == expected_wijk


@pytest.mark.parametrize("name", GOOD_FILES)
def test_closed_counts_grades_and_open_answers(name):
    fspec = EXPECTED["files"][name]
    survey = _survey(name)
    closed = Counter(v for s in survey.sheets for v in s.table.data[fspec["closed_header"]])
    assert dict(closed) == BASE["closed_counts"]
    grades = [float(v.replace(",", ".")) for s in survey.sheets for v in s.table.data[fspec["grade_header"]]]
    assert sum(grades) / len(grades) == pytest.approx(BASE["grade_mean"])
    nonempty = sum(int((s.table.data[fspec["open_header"]] != "").sum()) for s in survey.sheets)
    assert nonempty == BASE["n_open_nonempty"]


def test_numbers_and_dates_read_as_the_user_sees_them():
    table = _survey("forms.xlsx").sheets[0].table
    first = table.data.iloc[0]
    assert first["ID"] == "1"  # not "1.0"
    assert first["Tijd van voltooien"] == "2024-10-01 09:12:04"
    assert first["Wat is uw leeftijd?"] == "34"


def test_user_chosen_header_row_wins():
    """A header row chosen by the user (1-based Excel row) overrides the detection."""
    survey = read_survey("forms.xlsx", fixture_bytes("forms.xlsx"), settings={"header_rows": {"Sheet1": 2}})
    table = survey.sheets[0].table
    assert table.header_row == 2
    assert table.columns[0] == "1"
    assert [int(r) for r in table.rows] == list(range(3, 14))


def test_user_role_choices_override_detection_and_keep_the_detected_role():
    header = "Hoe tevreden bent u over uw wijk?"
    settings = {"roles": {"": {header: "open", "Wijk": "negeren", "Onbekende kolom": "open"}}}
    sheet = read_survey("tabs.tsv", fixture_bytes("tabs.tsv"), settings=settings).sheets[0]
    assert sheet.roles[header] == Role.OPEN
    assert sheet.detected[header] == Role.CLOSED
    # 'Wijk' does not exist in tabs.tsv (it is 'wijk'); unknown columns are ignored, nothing crashes
    assert sheet.roles["wijk"] == Role.WIJK


def test_text_columns_force_open_text_case_insensitively():
    survey = read_survey(
        "excel_puntkomma.csv", fixture_bytes("excel_puntkomma.csv"), text_columns=["hoe tevreden bent u over uw wijk? "]
    )
    assert survey.sheets[0].roles["Hoe tevreden bent u over uw wijk?"] == Role.OPEN


# --------------------------------------------------------------------------- generated files


def test_csv_with_title_block_and_blank_lines_keeps_excel_rows(tmp_path):
    text = (
        "Ophaalgesprekken wijkteam 2024;;\n"
        "Genoteerd door: de wijkregisseur;;\n"
        ";;\n"
        "Nr.;Wijk;Wat kan er beter?\n"
        "1;Lingewijk;Meer bankjes langs de Linge graag\n"
        ";;\n"
        "2;Stalkaarsen;De stoep is slecht onderhouden hier\n"
        "3;Dalem;Er wordt te hard gereden bij de school\n"
    )
    survey = read_survey("notities.csv", text.encode("cp1252"))
    table = survey.sheets[0].table
    assert table.header_row == 4
    assert [int(r) for r in table.rows] == [5, 7, 8]
    assert table.data["Wijk"].tolist() == ["Lingewijk", "Stalkaarsen", "Dalem"]


def test_generated_csv_of_some_thousand_rows_reads_every_row(tmp_path):
    lines = ["id;wijk;antwoord"] + [f"{i};Lingewijk;Antwoord nummer {i} over de wijk" for i in range(1, 3001)]
    path = tmp_path / "groot.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    started = time.perf_counter()
    table = read_survey(path.name, path.read_bytes()).sheets[0].table
    assert time.perf_counter() - started < 5
    assert table.n_records == 3000
    assert int(table.rows[0]) == 2 and int(table.rows[-1]) == 3001


def test_csv_over_the_row_cap_is_refused(tmp_path):
    data = ("id;wijk\n" + "".join(f"{i};Dalem\n" for i in range(300))).encode()
    with pytest.raises(FileTooLargeError) as info:
        read_file("veel_rijen.csv", data, max_rows=50)
    assert str(info.value).startswith("veel_rijen.csv: ")
    assert is_dutch(info.value.message)


def test_workbook_over_the_row_cap_is_refused(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["id", "wijk"])
    for i in range(300):
        ws.append([i, "Dalem"])
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(FileTooLargeError) as info:
        read_file("veel_rijen.xlsx", buf.getvalue(), max_rows=50)
    assert "rijen" in info.value.message and is_dutch(info.value.message)


def test_file_over_the_size_cap_is_refused_before_reading(monkeypatch):
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)
    with pytest.raises(FileTooLargeError) as info:
        read_file("groot.csv", b"a;b\n" * 1000)
    assert "MB" in info.value.message and info.value.filename == "groot.csv"


@pytest.mark.parametrize("name", ["verslag.pdf", "zonder_extensie", "foto.png"])
def test_unsupported_extension_is_refused_in_dutch(name):
    with pytest.raises(UnreadableFileError) as info:
        read_survey(name, b"a;b\n1;2\n")
    assert "niet ondersteund" in info.value.message
    assert str(info.value).startswith(f"{name}: ")


def test_workbook_with_text_extension_is_refused():
    with pytest.raises(UnreadableFileError) as info:
        read_survey("forms.csv", fixture_bytes("forms.xlsx"))
    assert "Excel-werkmap" in info.value.message


def test_utf16_without_bom_is_read(tmp_path):
    data = "Wijk\tWat kan er beter?\nLingewijk\tMeer groen in de straten\nDalem\tMinder hard rijden hier\n".encode(
        "utf-16-le"
    )
    survey = read_survey("unicode.txt", data)
    assert survey.encoding == "utf-16-le"
    assert survey.sheets[0].table.data["Wijk"].tolist() == ["Lingewijk", "Dalem"]


# --------------------------------------------------------------------------- hostile files

REFUSED = [f for f in BAD_FILES if BAD_CORPUS[f]["outcome"] == "refused" and BAD_CORPUS[f].get("kind") != "areas_other_gemeente"]


@pytest.mark.parametrize(
    "name", REFUSED
)
def test_hostile_file_is_refused_with_a_dutch_message_naming_it(name):
    with pytest.raises(UnreadableFileError) as info:
        read_survey(name, fixture_bytes(f"bad/{name}"))
    err = info.value
    assert err.filename == name
    assert str(err).startswith(f"{name}: ")
    assert is_dutch(err.message), err.message
    assert "\n" not in str(err)


HOSTILE = {
    "empty.csv": (EmptyFileError, ["leeg"]),
    "only_header.csv": (EmptyFileError, ["geen"]),
    "not_a_table.xlsx": (EmptyFileError, ["geen"]),
    "corrupt.xlsx": (UnreadableFileError, ["geen geldige"]),
    "truncated.xlsx": (UnreadableFileError, ["beschadigd", "onvolledig"]),
    "encrypted.xlsx": (EncryptedFileError, ["wachtwoord"]),
    "zipbomb.xlsx": (FileTooLargeError, ["zip-bom"]),
    "image.xlsx": (UnreadableFileError, ["geen geldige"]),
    "binary.csv": (UnreadableFileError, ["binair"]),
    "html_as_xls.xls": (UnreadableFileError, ["webpagina", "HTML"]),
}


def test_hostile_table_covers_the_original_bad_fixtures():
    assert set(HOSTILE) <= set(REFUSED)


@pytest.mark.parametrize(
    "name",
    sorted(HOSTILE),
)
def test_hostile_file_gets_the_right_kind_of_message(name):
    cls, words = HOSTILE[name]
    with pytest.raises(cls) as info:
        read_survey(name, fixture_bytes(f"bad/{name}"))
    assert all(w in info.value.message for w in words), info.value.message


def test_encrypted_workbook_asks_to_remove_the_password():
    with pytest.raises(EncryptedFileError) as info:
        read_survey("encrypted.xlsx", fixture_bytes("bad/encrypted.xlsx"))
    assert "wachtwoord" in str(info.value)


def test_zip_bomb_is_refused_quickly_without_unpacking(monkeypatch):
    from python_calamine import CalamineWorkbook

    def no_unpacking(*args, **kwargs):
        raise AssertionError("the zip bomb was unpacked or parsed")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_unpacking)
    monkeypatch.setattr(zipfile.ZipFile, "read", no_unpacking)
    monkeypatch.setattr(CalamineWorkbook, "from_filelike", no_unpacking)
    data = fixture_bytes("bad/zipbomb.xlsx")
    assert len(data) == EXPECTED["bad"]["zipbomb.xlsx"]["compressed_file_bytes"]
    started = time.perf_counter()
    with pytest.raises(FileTooLargeError) as info:
        read_survey("zipbomb.xlsx", data)
    assert time.perf_counter() - started < 1.0
    assert "zip-bom" in info.value.message


def test_utf32_csv_is_decoded_not_read_as_nul_riddled_utf16():
    """UTF-32 starts with the UTF-16 BOM; it must either be decoded properly or refused, never garbled."""
    survey = read_survey("utf32.csv", fixture_bytes("bad/utf32.csv"))
    assert survey.encoding == "utf-32"
    table = survey.sheets[0].table
    assert table.columns == ["Respondent", "Wijk", "Wat kan er beter in uw wijk?"]
    assert table.n_records == 4
    assert not any("\x00" in str(v) for v in table.data.to_numpy().ravel())
    assert table.data["Wat kan er beter in uw wijk?"].iloc[1] == RESPONDENTS[2]["open_answer"]


TEXT_TABLES = sorted(
    p for p in [*(ROOT / "tests" / "fixtures").rglob("*"), *(ROOT / "sample_data").rglob("*")]
    if p.suffix.lower() in {".csv", ".txt", ".tsv"}
)


@pytest.mark.parametrize("path", TEXT_TABLES, ids=[p.name for p in TEXT_TABLES])
def test_the_fast_text_path_reads_every_table_as_pandas_does(path):
    """pyarrow parses rectangular text tables; where it gives a grid at all, it is pandas' grid, cell for cell
    and of the same column type. Blank lines, ragged rows and one-column files go to pandas."""
    try:
        text, _ = readers.decode_text(path.name, path.read_bytes())
    except UnreadableFileError:
        return  # binary renamed, OLE as text: refused before parsing
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return
    sep = readers.sniff_separator(text, path.name)
    width = max(len(r) for r in readers._first_records(text, sep, readers.WIDTH_SCAN_RECORDS))
    fast = readers._arrow_grid(text, sep, width)
    if fast is None:
        return
    slow = readers._pandas_grid(path.name, text, sep, width, False, 1_000_000)
    if (slow.dtypes == object).all():  # pandas refused it (a quote left open), the csv module read it
        pd.testing.assert_frame_equal(fast.astype(object), slow)
    else:
        pd.testing.assert_frame_equal(fast, slow)


def test_the_width_comes_from_whole_records_also_past_quoted_line_breaks():
    record = '1;"een\nantwoord\nover\nvier regels"\n'
    text = "a;b\n" + record * 1500 + "1;2;3;4\n"
    assert len(readers._first_records(text, ";", 1000)) == 1000
    assert max(map(len, readers._first_records(text, ";", 1502))) == 4
