"""The summary for the council: one wijk or all wijken, as Word, PDF and Excel from one report model."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from lib.report.model import Report

FORMATS = ("docx", "pdf", "xlsx")
MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def write(report: Report, fmt: str) -> bytes:
    """The report in one format."""
    if fmt == "docx":
        from lib.report.docx import write_docx

        return write_docx(report)
    if fmt == "pdf":
        from lib.report.pdf import write_pdf

        return write_pdf(report)
    if fmt == "xlsx":
        from lib.report.xlsx import write_xlsx

        return write_xlsx(report)
    raise ValueError(fmt)


def write_all(report: Report, formats=FORMATS, progress: Callable[[float, str], None] | None = None) -> dict[str, bytes]:
    """The report in every format asked for (charts were rendered once, in the model)."""
    labels = {"docx": "Word", "pdf": "PDF", "xlsx": "Excel"}
    out = {}
    for i, fmt in enumerate(formats):
        if progress:
            progress(i / max(1, len(formats)), f"{labels[fmt]} maken")
        out[fmt] = write(report, fmt)
    if progress:
        progress(1.0, "klaar")
    return out


def slug(text: str) -> str:
    """A file-name part: ``Wijk 11 laag Dalem`` -> ``wijk-11-laag-dalem``."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "rapport"


def file_name(report: Report, fmt: str) -> str:
    """``wijkbeeld-gorinchem-alle-wijken.pdf`` or ``wijkbeeld-gorinchem-wijk-04-haarwijk.pdf``."""
    part = slug(report.sections[0].name) if len(report.sections) == 1 else "alle-wijken" if len(report.sections) > 1 else "leeg"
    return f"wijkbeeld-{slug(report.gemeente)}-{part}.{fmt}"
