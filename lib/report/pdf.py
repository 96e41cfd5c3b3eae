"""The report as PDF (reportlab), with the Bitstream Vera TrueType font shipped in reportlab embedded."""

from __future__ import annotations

import io
import os
from functools import lru_cache
from xml.sax.saxutils import escape

import reportlab
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (CondPageBreak, Image, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer,
                                Table, TableStyle)

from lib.report.model import Report, TextTable, WijkSection

DARK = colors.HexColor("#0b3d6e")
GREY = colors.HexColor("#e8edf2")
FONT, BOLD, ITALIC = "WijkbeeldSans", "WijkbeeldSans-Bold", "WijkbeeldSans-Italic"
WIDTH = A4[0] - 4 * cm
rl_config.useA85 = 0  # images as binary streams: the pure-Python ASCII85 encoder is slow


@lru_cache(maxsize=1)
def _fonts() -> None:
    folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    pdfmetrics.registerFont(TTFont(FONT, os.path.join(folder, "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, os.path.join(folder, "VeraBd.ttf")))
    pdfmetrics.registerFont(TTFont(ITALIC, os.path.join(folder, "VeraIt.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD)


@lru_cache(maxsize=1)
def _styles() -> dict[str, ParagraphStyle]:
    _fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13, alignment=TA_LEFT, spaceAfter=4)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5, textColor=colors.HexColor("#444444")),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5, spaceAfter=0),
        "cellr": ParagraphStyle("cellr", parent=base, fontSize=8.5, leading=10.5, spaceAfter=0, alignment=2),
        "head": ParagraphStyle("head", parent=base, fontName=BOLD, fontSize=8.5, leading=10.5, spaceAfter=0,
                               textColor=colors.white),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=22, leading=28, textColor=DARK, spaceAfter=14),
        "h1": ParagraphStyle("h1", parent=base, fontName=BOLD, fontSize=15, leading=19, textColor=DARK, spaceBefore=6,
                             spaceAfter=8),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=11, leading=14, textColor=DARK, spaceBefore=8,
                             spaceAfter=4),
        "h3": ParagraphStyle("h3", parent=base, fontName=BOLD, fontSize=9.5, leading=12.5, spaceBefore=4, spaceAfter=2),
        "quote": ParagraphStyle("quote", parent=base, fontName=ITALIC, leftIndent=12, textColor=colors.HexColor("#333333")),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=12, bulletIndent=2, fontSize=8.5, leading=11,
                                 spaceAfter=1),
    }


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(escape(str(text)).replace("\n", "<br/>"), _styles()[style])


def _table(t: TextTable) -> list:
    s = _styles()
    numeric = t.numeric or [False] * len(t.header)
    data = [[Paragraph(escape(h), s["head"]) for h in t.header]]
    for row in t.rows:
        data.append([Paragraph(escape(str(v)), s["cellr" if numeric[i] else "cell"]) for i, v in enumerate(row)])
    total = sum(t.widths)
    table = Table(data, colWidths=[WIDTH * x / total for x in t.widths], repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), DARK),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, GREY]),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#c8d0d8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    parts = [_p(t.title, "h3"), table]
    if t.caption:
        parts.append(_p(t.caption, "small"))
    # short tables stay on one page; long ones split with the header repeated
    return [KeepTogether(parts)] if len(t.rows) <= 25 else parts


def _image(png: bytes, max_width: float = WIDTH, max_height: float = 10 * cm) -> Image:
    from reportlab.lib.utils import ImageReader

    reader = ImageReader(io.BytesIO(png))
    w, h = reader.getSize()
    scale = min(max_width / w, max_height / h)
    return Image(io.BytesIO(png), width=w * scale, height=h * scale, hAlign="LEFT")


def _section(sec: WijkSection, report: Report) -> list:
    out = [CondPageBreak(8 * cm), _p(sec.name, "h1"), _p(sec.intro)]
    if sec.figures:
        out += _table(sec.figures)
    if sec.chart and sec.chart in report.charts:
        out.append(KeepTogether([Spacer(1, 4), _image(report.charts[sec.chart])]))
    if sec.themes:
        out += _table(sec.themes)
    if sec.quotes:
        quotes = [_p("Wat bewoners zeggen (voorbeelden; persoonsgegevens gemaskeerd)", "h3")]
        for theme, items in sec.quotes:
            quotes.append(_p(theme, "small"))
            quotes += [_p(f"“{q}”", "quote") for q in items]
        out.append(KeepTogether(quotes))
    out.append(KeepTogether([_p("Wie is gehoord", "h2")] + [_p(line) for line in sec.heard]))
    if sec.heard_table:
        out += _table(sec.heard_table)
    out.append(KeepTogether([_p("Betrokkenheidsprofielen", "h2"), _p(sec.mix_text)]))
    if sec.mix_table:
        out += _table(sec.mix_table)
    if sec.recommendations:
        out.append(CondPageBreak(4 * cm))
        out.append(_p("Aanbevelingen", "h2"))
        for rec in sec.recommendations:
            block = [_p(rec.title + (f"  [{rec.mark}]" if rec.mark else ""), "h3"), _p(rec.text)]
            block += [Paragraph(escape(r), _styles()["bullet"], bulletText="•") for r in rec.reasons]
            out.append(KeepTogether(block))
    if sec.note:
        out.append(KeepTogether([_p("Notitie van de gemeente", "h3"), _p(sec.note)]))
    return out


def write_pdf(report: Report) -> bytes:
    """The report as PDF bytes."""
    _fonts()
    buffer = io.BytesIO()

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(2 * cm, 1.2 * cm, f"Wijkbeeld · gemeente {report.gemeente} · {report.made_on}")
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"pagina {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                            bottomMargin=2 * cm, title=report.title, author=f"Gemeente {report.gemeente}",
                            subject="Wijkbeeld", creator="Wijkbeeld")
    story = [Spacer(1, 3 * cm), _p(report.title, "title"), _p(f"Gemeente {report.gemeente}", "h2"),
             _p(f"Gemaakt op {report.made_on}"),
             _p(f"Trajecten: {', '.join(report.trajectories) or 'geen'}"), _p(f"Periode: {report.period}"),
             Spacer(1, 1 * cm), _p("Samenvatting", "h1")]
    for i, (finding, evidence) in enumerate(report.summary, 1):
        story.append(KeepTogether([_p(f"{i}. {finding}", "h3"), _p(evidence)]))
    story.append(PageBreak())
    story += _table(report.overview)
    for key in report.overview_charts:
        story.append(KeepTogether([Spacer(1, 8), _image(report.charts[key], max_height=16 * cm)]))
    for sec in report.sections:
        story += _section(sec, report)
    story.append(PageBreak())
    for heading, paragraphs in report.closing:
        story.append(_p(heading, "h1"))
        story += [_p(text) for text in paragraphs]
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
