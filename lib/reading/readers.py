"""Read uploaded spreadsheets into raw grids of cells, one per sheet.

A grid keeps every row where Excel shows it (row 1 is grid row 0), so the
header can be found later and every record keeps its Excel row number.
Hostile input (zip bombs, encrypted or corrupt workbooks, unknown encodings,
absurd sizes) is refused with a typed error carrying a Dutch message.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

import pandas as pd

from lib.core.errors import (
    EmptyFileError,
    EncryptedFileError,
    FileTooLargeError,
    UnreadableFileError,
)

MAX_FILE_BYTES = 50 * 1024 * 1024
"""Largest upload accepted (also set as ``server.maxUploadSize``)."""
MAX_UNZIPPED_BYTES = 400 * 1024 * 1024
"""Largest total size the members of an xlsx/ods may unpack to."""
MAX_ZIP_RATIO = 150
"""Largest ratio unpacked/packed size of a workbook; real workbooks stay far below."""
MAX_ROWS = 250_000
"""Largest number of rows per sheet."""
MAX_COLUMNS = 5_000
"""Widest sheet accepted; wider is no survey export (LimeSurvey's widest stay far below) and costs seconds per step."""
MAX_CELLS = 5_000_000
"""Largest number of cells (rows x columns) per sheet: keeps a wide file's reading under ~10 s and memory bounded."""

EXCEL_EXTENSIONS = {".xlsx", ".xlsm", ".xls", ".ods"}
TEXT_EXTENSIONS = {".csv", ".tsv", ".txt"}
SUPPORTED_EXTENSIONS = EXCEL_EXTENSIONS | TEXT_EXTENSIONS

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass
class RawSheet:
    """All cells of one sheet as a frame without header; row i is Excel row i+1."""

    name: str
    grid: pd.DataFrame
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    """Merged ranges as 0-based inclusive (first_row, first_col, last_row, last_col)."""
    text_table: bool = False
    """True for a text file (CSV/TSV/TXT): a table by nature, also with a single column."""


@dataclass
class RawFile:
    """What was read from one file: its sheets, encoding and separator when text."""

    name: str
    sheets: list[RawSheet]
    encoding: str | None = None
    separator: str | None = None
    skipped_sheets: list[str] = field(default_factory=list)


def extension(name: str) -> str:
    """Lower-case extension of a file name, with dot."""
    return PurePath(name).suffix.lower()


def read_file(name: str, data: bytes, *, max_rows: int = MAX_ROWS) -> RawFile:
    """Read a spreadsheet or text table from bytes into raw sheets.

    Raises an ``UnreadableFileError`` subclass with a Dutch message when the file
    cannot be used.
    """
    ext = extension(name)
    if ext not in SUPPORTED_EXTENSIONS:
        raise UnreadableFileError(
            f"het bestandstype '{ext or 'zonder extensie'}' wordt niet ondersteund voor enquêtes. "
            "Gebruik .xlsx, .xlsm, .xls, .ods, .csv, .tsv of .txt.",
            filename=name,
        )
    if len(data) == 0:
        raise EmptyFileError("het bestand is leeg (0 bytes). Exporteer het opnieuw.", filename=name)
    if len(data) > MAX_FILE_BYTES:
        raise FileTooLargeError(
            f"het bestand is {len(data) / 1024 / 1024:.0f} MB; de grens is "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB. Splits het bestand of laat overbodige kolommen weg.",
            filename=name,
        )
    if ext in EXCEL_EXTENSIONS or data[:4] == _ZIP_MAGIC or data[:8] == _CFB_MAGIC:
        if ext in TEXT_EXTENSIONS and (data[:4] == _ZIP_MAGIC or data[:8] == _CFB_MAGIC):
            proper = ".xls" if data[:8] == _CFB_MAGIC else ".xlsx"
            raise UnreadableFileError(
                f"dit is een Excel-werkmap met een tekst-extensie. Geef het bestand de extensie {proper}.",
                filename=name,
            )
        return _read_workbook(name, data, max_rows)
    return _read_text(name, data, max_rows)


# --------------------------------------------------------------------------- workbooks


def _check_workbook_bytes(name: str, data: bytes) -> None:
    head = data[:512].lstrip().lower()
    if head.startswith((b"<html", b"<!doctype", b"<table", b"<?xml")) or b"<table" in head:
        raise UnreadableFileError(
            "dit is een webpagina (HTML/XML) met een Excel-extensie. Open het in Excel en "
            "kies 'Opslaan als' > Excel-werkmap (.xlsx).",
            filename=name,
        )
    if data[:8] == _CFB_MAGIC:
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in data:
            raise EncryptedFileError(
                "de werkmap is met een wachtwoord beveiligd. Open hem in Excel, verwijder het "
                "wachtwoord (Bestand > Info > Werkmap beveiligen) en upload opnieuw.",
                filename=name,
            )
        return
    if data[:4] != _ZIP_MAGIC:
        raise UnreadableFileError(
            "dit is geen geldige Excel- of ODS-werkmap (de inhoud klopt niet met de extensie). "
            "Open het bestand in Excel en sla het opnieuw op als .xlsx.",
            filename=name,
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise UnreadableFileError(
            "de werkmap is beschadigd of onvolledig (misschien afgebroken tijdens het downloaden). "
            "Download of exporteer hem opnieuw.",
            filename=name,
        ) from exc
    total = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if total > MAX_UNZIPPED_BYTES or total / packed > MAX_ZIP_RATIO:
        raise FileTooLargeError(
            f"de werkmap pakt uit tot {total / 1024 / 1024:.0f} MB; dat is te groot of verdacht "
            "(mogelijk een 'zip-bom'). Sla alleen de benodigde bladen op als .csv en upload die.",
            filename=name,
        )


def _read_workbook(name: str, data: bytes, max_rows: int) -> RawFile:
    from python_calamine import CalamineWorkbook

    _check_workbook_bytes(name, data)
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises several unrelated types
        text = str(exc).lower()
        if "password" in text or "encrypt" in text:
            raise EncryptedFileError(
                "de werkmap is met een wachtwoord beveiligd. Verwijder het wachtwoord in Excel en upload opnieuw.",
                filename=name,
            ) from exc
        raise UnreadableFileError(
            "de werkmap kan niet worden gelezen (beschadigd of geen echte werkmap). "
            "Open het bestand in Excel en sla het opnieuw op als .xlsx.",
            filename=name,
        ) from exc
    sheets: list[RawSheet] = []
    skipped: list[str] = []
    broken: list[str] = []
    for sheet_name in workbook.sheet_names:
        try:
            sheet = workbook.get_sheet_by_name(sheet_name)
        except Exception:  # corrupt XML, or forbidden parts such as entity definitions (an 'XML bomb')
            skipped.append(sheet_name)
            broken.append(sheet_name)
            continue
        height, width = _sheet_size(sheet)
        if height > max_rows + 100:
            raise FileTooLargeError(
                f"blad '{sheet_name}' heeft {height:,} rijen; de grens is {max_rows:,}. ".replace(",", ".")
                + "Splits het bestand.",
                filename=name,
            )
        _check_width(name, width, height, sheet_name)
        try:
            rows = sheet.to_python(skip_empty_area=False)
        except Exception:
            skipped.append(sheet_name)
            broken.append(sheet_name)
            continue
        if not rows:
            skipped.append(sheet_name)
            continue
        grid = pd.DataFrame(rows, dtype=object)
        merged = []
        try:
            for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []:
                merged.append((r0, c0, r1, c1))
        except Exception:
            merged = []
        sheets.append(RawSheet(sheet_name, grid, merged))
    if not sheets and broken:
        raise UnreadableFileError(
            f"blad '{broken[0]}' kan niet worden gelezen (beschadigd, of met verboden onderdelen zoals een 'XML-bom'). "
            "Open de werkmap in Excel en sla hem opnieuw op als .xlsx.",
            filename=name,
        )
    if not sheets:
        raise EmptyFileError("de werkmap bevat geen bladen met gegevens.", filename=name)
    return RawFile(name, sheets, skipped_sheets=skipped)


def _sheet_size(sheet) -> tuple[int, int]:
    """Excel rows and columns of a calamine sheet counted from A1 (``end`` is the 0-based last cell)."""
    end = getattr(sheet, "end", None)
    if end:
        return int(end[0]) + 1, int(end[1]) + 1
    return int(sheet.height), int(sheet.width)


def _check_width(name: str, width: int, height: int, sheet_name: str = "") -> None:
    """Refuse sheets wider than Excel allows or with more cells than fit in memory."""
    where = f"blad '{sheet_name}' heeft" if sheet_name else "het bestand heeft"
    if width > MAX_COLUMNS:
        raise FileTooLargeError(
            f"{where} {width:,} kolommen; de grens is {MAX_COLUMNS:,}. ".replace(",", ".")
            + "Laat overbodige kolommen weg (bewaar alleen de vragen die u wilt analyseren) en upload opnieuw.",
            filename=name,
        )
    if width * height > MAX_CELLS:
        raise FileTooLargeError(
            f"{where} {width * height:,} cellen ({height:,} rijen x {width:,} kolommen); de grens is ".replace(",", ".")
            + f"{MAX_CELLS:,} cellen. Laat overbodige kolommen weg of splits het bestand.".replace(",", "."),
            filename=name,
        )


# --------------------------------------------------------------------------- text files


def decode_text(name: str, data: bytes) -> tuple[str, str]:
    """Decode bytes of a text table; return ``(text, encoding)``.

    Tries BOMs, UTF-16 without BOM, UTF-8 and cp1252 (Dutch Excel), and refuses
    binary content.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(name, data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return _decode(name, data, "utf-32"), "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(name, data, "utf-16"), "utf-16"
    sample = data[:4000]
    nul = sample.count(b"\x00")
    if nul * 8 < len(sample) and nul <= max(8, len(sample) // 200) and data.count(b"\x00") <= max(8, len(data) // 1000):
        # a few NUL bytes in a text file (a faulty export): drop them, as Excel does, and read the rest
        data = data.replace(b"\x00", b"")
        sample = data[:4000]
    if sample.count(b"\x00") > len(sample) // 4:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if odd > len(sample) // 3 and even < len(sample) // 20:
            return _decode(name, data, "utf-16-le"), "utf-16-le"
        if even > len(sample) // 3 and odd < len(sample) // 20:
            return _decode(name, data, "utf-16-be"), "utf-16-be"
        raise _binary_error(name)
    control_bytes = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    if b"\x00" in sample or control_bytes > max(3, len(sample) // 100):
        raise _binary_error(name)
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
            encoding = "cp1252"
        except UnicodeDecodeError as exc:
            raise UnreadableFileError(
                "de tekenset van het bestand is onbekend. Sla het in Excel op als "
                "'CSV UTF-8 (door komma's gescheiden)' en upload opnieuw.",
                filename=name,
            ) from exc
    control = sum(1 for ch in text[:4000] if ord(ch) < 32 and ch not in "\r\n\t")
    if control > max(3, len(text[:4000]) // 100):
        raise _binary_error(name)
    return text, encoding


def _decode(name: str, data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableFileError(
            f"het bestand lijkt {encoding} te zijn maar bevat ongeldige tekens. Exporteer het opnieuw als CSV UTF-8.",
            filename=name,
        ) from exc
    return text.lstrip("\ufeff")


def _binary_error(name: str) -> UnreadableFileError:
    return UnreadableFileError(
        "dit is geen tekstbestand met een tabel (het bevat binaire gegevens). "
        "Upload een .csv, .txt of een Excel-werkmap.",
        filename=name,
    )


def sniff_separator(text: str, name: str = "") -> str:
    """Guess the field separator (``;``, ``,``, tab or ``|``) from the first 20 KB."""
    sample = text[:20000]
    if name.lower().endswith(".tsv"):
        return "\t"
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
    except csv.Error:
        pass
    lines = [ln for ln in sample.splitlines()[:50] if ln.strip()]
    best, best_score = ",", -1.0
    for sep in (";", "\t", ",", "|"):
        counts = [ln.count(sep) for ln in lines]
        if not counts or max(counts) == 0:
            continue
        mode = max(set(counts), key=counts.count)
        score = counts.count(mode) / len(counts) * (mode > 0) + mode / 1000
        if score > best_score:
            best, best_score = sep, score
    return best


WIDE_COLUMNS = 64
"""From this many columns a text table is parsed in one pass into objects (see ``lib.reading.tables``)."""
WIDTH_SCAN_RECORDS = 1000
"""Records read with the csv module to learn a text table's width before pandas parses it."""


def _read_text(name: str, data: bytes, max_rows: int) -> RawFile:
    text, encoding = decode_text(name, data)
    if not text or text.isspace():  # isspace, not strip: no copy of a large file
        raise EmptyFileError("het bestand bevat alleen lege regels.", filename=name)
    if "\r" in text:  # CR-only (old Mac) or mixed line endings: read them as Excel does
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    sep = sniff_separator(text, name)
    # The width comes from whole records (a wide header can be longer than any character sample);
    # pandas must get every column a name, or it silently turns the first columns into a row index.
    width = max((len(r) for r in _first_records(text, sep, WIDTH_SCAN_RECORDS)), default=1)
    records = min(text.count("\n") + (not text.endswith("\n")), max_rows + 101)  # at most; quoted line breaks count too
    _check_width(name, width, records)
    wide = width >= WIDE_COLUMNS
    grid = None if wide else _arrow_grid(text, sep, width)
    if grid is None:
        grid = _pandas_grid(name, text, sep, width, wide, max_rows)
    if len(grid) > max_rows + 100:
        raise _too_many_rows(name, len(grid), max_rows)
    return RawFile(name, [RawSheet("", grid, text_table=True)], encoding=encoding, separator=sep)


def _first_records(text: str, sep: str, n: int) -> list[list[str]]:
    """The first ``n`` records of a text table, parsed from a prefix of it (no copy of a large file)."""
    lines = n
    while True:
        end = 0
        for _ in range(lines):
            end = text.find("\n", end) + 1
            if not end:
                end = len(text)
                break
        records = list(itertools.islice(csv.reader(io.StringIO(text[:end]), delimiter=sep), n + 1))
        if len(records) > n or end >= len(text):  # a record after the n-th: the first n are whole
            return records[:n]
        lines *= 2  # quoted line breaks: the prefix held fewer than n records


def _arrow_grid(text: str, sep: str, width: int) -> pd.DataFrame | None:
    """A rectangular text table parsed by pyarrow into ``str`` columns, as ``_pandas_grid`` would give it,
    in a quarter of the time; None where pyarrow reads it otherwise or not at all (blank lines, ragged rows,
    one column, an empty file): those go to pandas."""
    if width < 2 or text.startswith("\n") or "\n\n" in text:
        return None
    import numpy as np
    import pyarrow as pa
    import pyarrow.csv as pacsv

    names = [str(i) for i in range(width)]
    try:
        table = pacsv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pacsv.ReadOptions(column_names=names, block_size=1 << 22),
            parse_options=pacsv.ParseOptions(delimiter=sep, newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except pa.ArrowInvalid:
        return None
    grid = table.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow", na_value=np.nan)}.get)
    grid.columns = list(range(width))
    return grid


def _pandas_grid(name: str, text: str, sep: str, width: int, wide: bool, max_rows: int) -> pd.DataFrame:
    try:
        return pd.read_csv(
            io.StringIO(text),
            sep=sep,
            header=None,
            names=list(range(width)),
            index_col=False,
            # wide tables: one pass without chunks into plain objects (chunked str columns cost ~1 ms each)
            dtype=object if wide else str,
            low_memory=not wide,
            keep_default_na=False,
            skip_blank_lines=False,
            engine="c",
            nrows=max_rows + 101,
        )
    except (pd.errors.ParserError, ValueError):
        # a later record is wider than the first ones (ragged rows): the csv module takes any width
        rows = []
        cells = 0
        for row in csv.reader(io.StringIO(text), delimiter=sep):
            rows.append(row)
            cells += len(row)
            if len(rows) > max_rows + 100:
                raise _too_many_rows(name, len(rows), max_rows) from None
            if cells > MAX_CELLS or len(row) > MAX_COLUMNS:
                _check_width(name, max(map(len, rows)), len(rows) * 2)  # refuses before memory runs out
        _check_width(name, max(map(len, rows), default=1), len(rows))
        return pd.DataFrame(rows, dtype=object).fillna("")


def _too_many_rows(name: str, n: int, max_rows: int) -> FileTooLargeError:
    return FileTooLargeError(
        f"het bestand heeft meer dan {max_rows:,} rijen; dat is de grens. ".replace(",", ".")
        + "Splits het bestand in delen.",
        filename=name,
    )


def cell_text(value: object) -> str:
    """Text of a cell as the user sees it (numbers without a trailing ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer():
            return str(int(value))
        return str(value)
    if isinstance(value, str):
        return value
    if hasattr(value, "isoformat"):
        text = value.isoformat(sep=" ") if hasattr(value, "hour") else value.isoformat()
        return re.sub(r" 00:00:00$", "", text)
    return str(value)
