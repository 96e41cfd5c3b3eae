"""The advice and the summary hide exactly what the wijk pages hide (one decision in lib.wijken / lib.core).

Fixture: Wijk 01 has 17 answers; its themes have 10 (Eenzaamheid), 4 (Ouderen), 2 (Wonen) and 1 (Verkeer)
answers. Wonen is raised 8 times in Wijk 03, so the gemeente's count of Wonen (10) would give Wijk 01's 2
back from Wijk 03's 8: the 8 is hidden too. Verkeer: 1 + 6 (Wijk 02) + 30 (Wijk 03): the 6 is hidden.
Ouderen is raised only in Wijk 01, so its gemeente share (4 of 57) is hidden. Wijk 02's 10 respondents
come from two sources, 7 + 3: both hidden.
"""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest
from docx import Document
from openpyxl import load_workbook

from lib.advice.analysis import advise
from lib.report import write_all
from lib.report.build import build_report
from lib.wijken.selection import theme_long
from lib.wijken.themes import theme_shares
from tests.test_advice import THEMES, answers_frame, base_areas, records_frame

W1, W2, W3 = "WK999901", "WK999902", "WK999903"
N_ALL = 57


def _fixture():
    spec = [(W1, 70)] * 17 + [(W2, 30 + i) for i in range(10)] + [(W3, 30 + i) for i in range(30)]
    records = records_frame(spec)
    records.loc[20:22, "source"] = "klein.csv"  # Wijk 02: 7 from the survey + 3 from a small source
    themes = (["Eenzaamheid"] * 10 + ["Ouderen"] * 4 + ["Wonen"] * 2 + ["Verkeer & bereikbaarheid"]
              + ["Eenzaamheid; Verkeer & bereikbaarheid"] * 6 + ["Eenzaamheid"] * 4
              + ["Verkeer & bereikbaarheid; Wonen"] * 8 + ["Verkeer & bereikbaarheid"] * 22)
    return records, answers_frame(records, themes)


@pytest.fixture(scope="module")
def suppressed():
    records, answers = _fixture()
    result = advise(base_areas(), [], records, answers, THEMES, None, 5,
                    pairs=[("Ouderen", "65plus"), ("Wonen", "huurwoningen"), ("Verkeer & bereikbaarheid", "65plus")])
    report = build_report(result, charts=False)
    return records, answers, result, report, write_all(report)


def _revealing() -> dict[str, list[float]]:
    """Wijk -> shares that would give a hidden count back."""
    return {W1: [4 / 17, 2 / 17, 1 / 17, 4 / N_ALL], W2: [6 / 10, 7 / 10, 3 / 10], W3: [8 / 30]}


def _written(share: float) -> list[str]:
    """The ways the report writes a share: 23,5% and 24%."""
    one = f"{share * 100:.1f}".replace(".", ",")
    return [f"{one}%", f"{round(share * 100):.0f}%"]


def _has_share(text: str, share: float) -> bool:
    return any(re.search(rf"(?<![\d,]){re.escape(s)}", text) for s in _written(share))


def test_advice_themes_are_the_wijk_pages_theme_shares(suppressed):
    _records, answers, result, _report, _files = suppressed
    long = theme_long(answers)
    for code in (W1, W2, W3):
        page = theme_shares(answers, long, code, THEMES, 5).set_index("theme")
        advice = result.wijken[code].themes.set_index("theme").reindex(page.index)
        assert advice["answers"].astype("Int64").isna().tolist() == page["answers"].isna().tolist()
        assert advice["share"].isna().tolist() == page["wijk_share"].isna().tolist()
        assert advice["gemeente_share"].isna().tolist() == page["gemeente_share"].isna().tolist()
    one = result.wijken[W1].themes.set_index("theme")
    assert one.at["Eenzaamheid", "answers"] == 10
    assert one.loc[["Ouderen", "Wonen", "Verkeer & bereikbaarheid"], "answers"].isna().all()
    assert pd.isna(one.at["Ouderen", "gemeente_share"])  # 4 of 57: only Wijk 01 raised it
    three = result.wijken[W3].themes.set_index("theme")
    assert three.at["Wonen", "answers"] is pd.NA and pd.isna(three.at["Wonen", "share"])  # 10 - 8 = 2
    two = result.wijken[W2].themes.set_index("theme")
    assert two.at["Verkeer & bereikbaarheid", "answers"] is pd.NA  # 37 - 30 - 6 = 1


def test_no_reason_gives_a_hidden_count_back(suppressed):
    _records, _answers, result, report, _files = suppressed
    texts = {section.name: [r for item in section.recommendations for r in item.reasons] for section in report.sections}
    names = {c: result.wijken[c].wijknaam for c in (W1, W2, W3)}
    assert any(r.startswith("Ouderen:") for r in texts[names[W1]])  # the signal is there, its numbers are not
    for code, shares in _revealing().items():
        for line in texts[names[code]]:
            for share in shares:
                assert not _has_share(line, share), (code, line)
    summary = " ".join(a + " " + b for a, b in report.summary)
    for share in [s for shares in _revealing().values() for s in shares]:
        assert not _has_share(summary, share), summary


def _theme_rows(doc: Document) -> list[list[str]]:
    rows = []
    for table in doc.tables:
        if [c.text for c in table.rows[0].cells][:2] == ["Thema", "Antwoorden"]:
            rows.extend([c.text for c in row.cells] for row in table.rows[1:])
    return rows


def test_word_pdf_and_excel_hold_no_revealing_number(suppressed):
    _records, _answers, result, _report, files = suppressed
    doc = Document(io.BytesIO(files["docx"]))
    for row in _theme_rows(doc):
        assert row[0] == "Eenzaamheid" or row[0] not in {"Ouderen", "Wonen"} or row[1] not in {"4", "2", "8"}, row
        assert not any(_has_share(" ".join(row), s) for s in (4 / 17, 2 / 17, 1 / 17, 8 / 30, 6 / 10, 4 / N_ALL)), row
    from pypdf import PdfReader

    pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(files["pdf"])).pages)
    for line in pdf.splitlines():
        if line.startswith(("Ouderen:", "Wonen:", "Verkeer & bereikbaarheid:")):
            assert not any(_has_share(line, s) for s in (4 / 17, 2 / 17, 1 / 17, 8 / 30, 6 / 10, 4 / N_ALL)), line
    wb = load_workbook(io.BytesIO(files["xlsx"]))
    names = {result.wijken[c].wijknaam: c for c in (W1, W2, W3)}
    themes = wb["Thema's"]
    header = [c.value for c in themes[1]]
    for row in themes.iter_rows(min_row=2, values_only=True):
        item = dict(zip(header, row))
        code = names[item["Wijk"]]
        assert (code, item["Thema"]) not in {(W1, "Ouderen"), (W1, "Wonen"), (W1, "Verkeer & bereikbaarheid"),
                                              (W3, "Wonen"), (W2, "Verkeer & bereikbaarheid")}, item
        assert item["Aandeel gemeente"] is None or item["Aandeel gemeente"] != pytest.approx(4 / N_ALL)
    reach = wb["Bereik per traject"]
    header = [c.value for c in reach[1]]
    for row in reach.iter_rows(min_row=2, values_only=True):
        item = dict(zip(header, row))
        if names[item["Wijk"]] == W2:
            assert item["Respondenten"] is None and item["Per 1.000 inwoners"] is None, item


def test_a_number_hidden_to_protect_another_is_called_hidden_not_small():
    from lib.advice.recommend import Reason
    from lib.report import wording

    theme = wording.reason(Reason("theme_share", "Wonen", None, None, "share", note="complementary"), 5)
    assert "verborgen" in theme and "minder dan" not in theme
    age = wording.reason(Reason("age_share", "25-45", None, 0.3, "share", note="complementary"), 5)
    assert "verborgen" in age and "minder dan 5" not in age and "30%" in age
    source = wording.reason(Reason("source_share", "Enquête", None, 0.4, "share", note="complementary"), 5)
    assert "verborgen" in source and "minder dan" not in source
    small = wording.reason(Reason("age_share", "25-45", None, 0.3, "share", note=""), 5)
    assert "minder dan 5 respondenten" in small


def test_ages_say_which_band_is_hidden_only_to_protect_another(suppressed):
    _records, _answers, result, _report, _files = suppressed
    from lib.advice.heard import age_rates

    records = records_frame([(W1, 30)] * 7 + [(W1, 70)] * 3)  # 10 = 7 + 3: the 7 is hidden too
    ages = age_rates(records, result.areas, W1, 5).set_index("band")
    assert ages.at["25-45", "respondents"] is pd.NA and ages.at["25-45", "reason"] == "complementary"
    assert ages.at["65+", "respondents"] is pd.NA and ages.at["65+", "reason"] == ""
