"""End-to-end tests in Debian's Chromium: upload and link, correct a theme, choose a wijk."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import app_server, seed_project_with_areas, shot, wait_idle

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).parent / "fixtures"


def _metrics(page) -> dict[str, str]:
    """The metrics on the page: label -> value as shown (after the first one has rendered)."""
    page.get_by_test_id("stMetricValue").first.wait_for()
    return dict(zip(page.get_by_test_id("stMetricLabel").all_inner_texts(), page.get_by_test_id("stMetricValue").all_inner_texts()))


HOSTILE_NAME = "**vet** [klik](https:evil.example) $x^2$.csv"
"""Issue 11, item 6: this file name rendered a link, bold text and KaTeX in the Bronnen expander title."""


def test_upload_survey_and_see_it_linked(browser, tmp_path):
    """Upload a survey (its file name holds Markdown, shown as plain text), see it linked; a bad file next gets a
    Dutch message and the upload stays, also after a reload and a server restart."""
    seed_project_with_areas(tmp_path)
    with app_server(tmp_path) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{url}/Bronnen")
        wait_idle(page, 60_000)
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
            files=[{"name": HOSTILE_NAME, "mimeType": "text/csv", "buffer": (FIXTURES / "excel_puntkomma.csv").read_bytes()}]
        )
        page.get_by_text("12 rijen gelezen").wait_for(timeout=30_000)
        wait_idle(page)
        assert page.locator("[data-testid='stException']").count() == 0
        main = page.get_by_test_id("stMain")
        summary = main.locator("[data-testid='stExpander'] summary").first
        assert "**vet** [klik](https:evil.example) $x^2$" in summary.inner_text()
        assert main.locator("a[href*='evil']").count() == 0
        assert main.locator("strong", has_text="vet").count() == 0
        assert main.locator(".katex").count() == 0
        shot(page, "upload_bronnen")
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(FIXTURES / "bad" / "corrupt.xlsx"))
        page.get_by_text("Niet geladen").wait_for(timeout=30_000)
        wait_idle(page)
        text = page.get_by_test_id("stAlert").all_inner_texts()
        assert any("corrupt.xlsx" in t and "Excel" in t for t in text), text
        assert page.locator("[data-testid='stException']").count() == 0
        assert page.get_by_text("**vet**", exact=False).count() >= 1  # the earlier upload is still there
        shot(page, "bad_upload")
        page.get_by_text("Overzicht", exact=True).first.click()
        wait_idle(page)
        page.locator("h1", has_text="Overzicht").wait_for()
        page.get_by_test_id("stMetricLabel").filter(has_text="Wijken met inbreng").wait_for()
        metrics = _metrics(page)
        assert metrics["Bronnen"] == "1"
        # 11 respondents by ward name, one by PC4 4206 (92% Lingewijk); 9 distinct wijken
        assert metrics["Gekoppeld aan een wijk"] == "100%", metrics
        assert metrics["Wijken met inbreng"] == "9 van 21", metrics
        shot(page, "upload_overzicht")
        # a CBS table of another gemeente is refused on Gebieden, in one Dutch line, and not stored
        page.get_by_text("Gebieden en cijfers", exact=True).first.click()
        wait_idle(page)
        page.locator("h1", has_text="Gebieden en cijfers").wait_for()
        page.get_by_test_id("stFileUploaderDropzoneInput").first.set_input_files(
            str(FIXTURES / "bad" / "kwb_other_gemeente.csv"))
        page.get_by_text("Niet geladen").wait_for(timeout=30_000)
        wait_idle(page)
        alerts = " ".join(page.get_by_test_id("stAlert").all_inner_texts())
        assert "kwb_other_gemeente.csv: dit bestand bevat cijfers van Gouda, niet van Gorinchem" in alerts, alerts
        assert page.locator("[data-testid='stException']").count() == 0
        shot(page, "gebieden_andere_gemeente")
        page.get_by_text("Overzicht", exact=True).first.click()
        wait_idle(page)

        # survives a reload and a server restart: the upload is in the project database
        page.reload()
        wait_idle(page)
        assert _metrics(page)["Bronnen"] == "1"
        page.close()
    with app_server(tmp_path) as url:
        page = browser.new_page()
        page.goto(url)
        wait_idle(page, 60_000)
        metrics = _metrics(page)
        assert metrics["Bronnen"] == "1"
        page.close()


def test_correct_a_theme_and_see_it_after_reload(browser, tmp_path):
    seed_project_with_areas(tmp_path)
    from lib.core.store import Store

    store = Store(tmp_path / "wijkbeeld.sqlite")
    project = store.projects()[0]
    store.add_file(project.id, "excel_puntkomma.csv", "enquete", (FIXTURES / "excel_puntkomma.csv").read_bytes())
    with app_server(tmp_path) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1400})
        page.goto(f"{url}/Beoordelen")
        wait_idle(page, 60_000)
        form = page.get_by_test_id("stForm").filter(has_text="Correctie opslaan")
        themes = form.get_by_test_id("stMultiSelect")
        themes.locator("input").click()
        page.keyboard.type("Participatie")
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
        form.get_by_role("button", name="Correctie opslaan").click()
        page.get_by_text("Correctie opgeslagen.").wait_for(timeout=30_000)
        wait_idle(page)
        assert len(store.corrections(project.id)) == 1
        page.reload()
        wait_idle(page, 60_000)
        form = page.get_by_test_id("stForm").filter(has_text="Correctie opslaan")
        assert "Participatie & inspraak" in form.get_by_test_id("stMultiSelect").inner_text()
        assert page.locator("[data-testid='stException']").count() == 0
        shot(page, "beoordelen_na_reload")
        page.close()


def test_choose_another_wijk_and_see_the_profile_change(browser, tmp_path):
    # the Gorinchem areas and one small survey (a fresh data folder on the full sample: AppTest in test_pages.py)
    seed_project_with_areas(tmp_path)
    from lib.core.store import Store

    store = Store(tmp_path / "wijkbeeld.sqlite")
    store.add_file(store.projects()[0].id, "excel_puntkomma.csv", "enquete", (FIXTURES / "excel_puntkomma.csv").read_bytes())
    with app_server(tmp_path) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.goto(f"{url}/Wijkprofiel")
        wait_idle(page, 90_000)
        first = page.get_by_test_id("stMetricValue").first.inner_text()
        box = page.get_by_test_id("stSelectbox").filter(has_text="Wijk").first
        box.locator("input").click()
        page.keyboard.type("Stalkaarsen")
        page.keyboard.press("Enter")
        wait_idle(page)
        page.get_by_test_id("stMetricValue").first.wait_for()
        assert page.get_by_test_id("stMetricValue").first.inner_text() == "3.235"  # inhabitants of Stalkaarsen
        assert first != "3.235"
        assert page.locator("[data-testid='stException']").count() == 0
        shot(page, "wijkprofiel_stalkaarsen")
        # the choice is remembered on the comparison page's link and across a reload
        page.reload()
        wait_idle(page, 60_000)
        assert page.get_by_test_id("stMetricValue").first.inner_text() == "3.235"
        # a click on a wijk of the comparison map (an SVG path per wijk, in the order of the boundaries) chooses it
        page.goto(f"{url}/Vergelijken")
        wait_idle(page, 60_000)
        shapes = page.locator("[data-testid='stVegaLiteChart'] svg.marks g.mark-shape path")
        shapes.first.wait_for(timeout=30_000)
        assert shapes.count() == 21
        assert page.locator("canvas").count() == 0  # no WebGL map unless the basemap is switched on
        names = _boundary_names(tmp_path)
        target = names.index("Wijk 04 haarwijk")
        shapes.nth(target).dispatch_event("click")
        page.get_by_text("Gekozen: Wijk 04 haarwijk.").wait_for(timeout=30_000)
        shot(page, "vergelijken_kaart_gekozen")
        page.get_by_role("link", name="Open het wijkprofiel van Wijk 04 haarwijk").click()
        page.get_by_role("heading", name="Wijkprofiel").first.wait_for(timeout=30_000)
        wait_idle(page)
        page.get_by_test_id("stMetricValue").first.wait_for()
        assert page.get_by_test_id("stMetricValue").first.inner_text() == "6.190"  # inhabitants of haarwijk
        assert page.locator("[data-testid='stException']").count() == 0
        page.close()


def _boundary_names(data_dir: Path) -> list[str]:
    """The wijk names in the order of the project's boundaries (the map draws them in this order)."""
    from lib.core.store import Store
    from lib.pipeline import analyse_project

    store = Store(data_dir / "wijkbeeld.sqlite")
    areas = analyse_project(store, store.projects()[0].id).areas
    return [f["properties"].get("wijknaam") for f in areas.geojson["features"]]

