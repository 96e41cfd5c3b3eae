"""The report as Word document (python-docx): plain runs only (no fields), header rows repeated."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from lib.report.model import Report, TextTable, WijkSection

DARK = RGBColor(0x0B, 0x3D, 0x6E)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean(text: str) -> str:
    """Text as a plain run: control characters removed (XML forbids them)."""
    return _CONTROL.sub("", str(text))


def _keep_with_next(paragraph) -> None:
    paragraph.paragraph_format.keep_with_next = True


def _shade(cell, hex_color: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_color)
    props.append(shd)


def _repeat_header(row) -> None:
    props = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    props.append(el)


def _styled(container, text: str, style_id: str):
    """A paragraph with a built-in style set by id (python-docx's lookup by name is slow)."""
    para = container.add_paragraph()
    p_style = OxmlElement("w:pStyle")
    p_style.set(qn("w:val"), style_id)
    para._p.get_or_add_pPr().insert(0, p_style)
    if text:
        para.add_run(_clean(text))
    return para


def _table(doc, t: TextTable) -> None:
    heading = doc.add_paragraph()
    run = heading.add_run(_clean(t.title))
    run.bold = True
    _keep_with_next(heading)
    table = doc.add_table(rows=1, cols=len(t.header))
    tbl_style = OxmlElement("w:tblStyle")
    tbl_style.set(qn("w:val"), "TableGrid")
    table._tbl.tblPr.insert(0, tbl_style)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    numeric = t.numeric or [False] * len(t.header)
    total = sum(t.widths)
    widths = [Cm(16.5 * x / total) for x in t.widths]
    for i, text in enumerate(t.header):
        cell = table.rows[0].cells[i]
        cell.width = widths[i]
        cell.text = ""
        r = cell.paragraphs[0].add_run(_clean(text))
        r.bold = True
        r.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        _shade(cell, "0B3D6E")
    _repeat_header(table.rows[0])
    keep = len(t.rows) <= 25
    for row in t.rows:
        cells = table.add_row().cells
        for i, value in enumerate(row):
            cells[i].width = widths[i]
            para = cells[i].paragraphs[0]
            para.add_run(_clean(value))
            if numeric[i]:
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if keep:
                _keep_with_next(para)
    for r in table.rows:
        props = r._tr.get_or_add_trPr()
        props.append(OxmlElement("w:cantSplit"))
    if t.caption:
        cap = doc.add_paragraph()
        cap.add_run(_clean(t.caption)).italic = True
    else:
        doc.add_paragraph()


def _image(doc, png: bytes, width_cm: float = 16.0) -> None:
    para = doc.add_paragraph()
    para.paragraph_format.keep_together = True
    para.add_run().add_picture(io.BytesIO(png), width=Cm(width_cm))


def _heading(doc, text: str, level: int) -> None:
    h = _styled(doc, text, "Title" if level == 0 else f"Heading{level}")
    _keep_with_next(h)


def _section(doc, sec: WijkSection, report: Report) -> None:
    _heading(doc, sec.name, 1)
    doc.add_paragraph(_clean(sec.intro))
    if sec.figures:
        _table(doc, sec.figures)
    if sec.chart and sec.chart in report.charts:
        _image(doc, report.charts[sec.chart])
    if sec.themes:
        _table(doc, sec.themes)
    if sec.quotes:
        p = doc.add_paragraph()
        p.add_run("Wat bewoners zeggen (voorbeelden; persoonsgegevens gemaskeerd)").bold = True
        _keep_with_next(p)
        for theme, items in sec.quotes:
            t = doc.add_paragraph()
            t.add_run(_clean(theme)).italic = True
            _keep_with_next(t)
            for q in items:
                _styled(doc, f"“{q}”", "Quote")
    _heading(doc, "Wie is gehoord", 2)
    for line in sec.heard:
        doc.add_paragraph(_clean(line))
    if sec.heard_table:
        _table(doc, sec.heard_table)
    _heading(doc, "Betrokkenheidsprofielen", 2)
    doc.add_paragraph(_clean(sec.mix_text))
    if sec.mix_table:
        _table(doc, sec.mix_table)
    if sec.recommendations:
        _heading(doc, "Aanbevelingen", 2)
        for rec in sec.recommendations:
            p = doc.add_paragraph()
            p.add_run(_clean(rec.title)).bold = True
            if rec.mark:
                p.add_run(_clean(f"  [{rec.mark}]")).italic = True
            _keep_with_next(p)
            body = doc.add_paragraph(_clean(rec.text))
            if rec.reasons:
                _keep_with_next(body)
            for i, reason in enumerate(rec.reasons):
                item = _styled(doc, reason, "ListBullet")
                if i < len(rec.reasons) - 1:
                    _keep_with_next(item)
    if sec.note:
        p = doc.add_paragraph()
        p.add_run("Notitie van de gemeente").bold = True
        _keep_with_next(p)
        doc.add_paragraph(_clean(sec.note))


def write_docx(report: Report) -> bytes:
    """The report as .docx bytes."""
    doc = Document()
    styles = doc.styles
    styles["Normal"].font.name = "Calibri"
    styles["Normal"].font.size = Pt(10)
    for name in ("Heading 1", "Heading 2", "Title"):
        styles[name].font.color.rgb = DARK
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    props = doc.core_properties
    props.title, props.author, props.subject = report.title, f"Gemeente {report.gemeente}", "Wijkbeeld"
    footer = section.footer.paragraphs[0]
    footer.add_run(_clean(f"Wijkbeeld · gemeente {report.gemeente} · {report.made_on}"))

    doc.add_paragraph().add_run().add_break(WD_BREAK.LINE)
    _heading(doc, report.title, 0)
    p = doc.add_paragraph()
    p.add_run(_clean(f"Gemeente {report.gemeente}")).bold = True
    doc.add_paragraph(_clean(f"Gemaakt op {report.made_on}"))
    doc.add_paragraph(_clean(f"Trajecten: {', '.join(report.trajectories) or 'geen'}"))
    doc.add_paragraph(_clean(f"Periode: {report.period}"))
    _heading(doc, "Samenvatting", 1)
    for i, (finding, evidence) in enumerate(report.summary, 1):
        f = doc.add_paragraph()
        f.add_run(_clean(f"{i}. {finding}")).bold = True
        _keep_with_next(f)
        doc.add_paragraph(_clean(evidence))
    doc.add_page_break()
    _table(doc, report.overview)
    for key in report.overview_charts:
        _image(doc, report.charts[key], 15.0)
    for sec in report.sections:
        doc.add_page_break()
        _section(doc, sec, report)
    doc.add_page_break()
    for heading, paragraphs in report.closing:
        _heading(doc, heading, 1)
        for text in paragraphs:
            doc.add_paragraph(_clean(text))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
