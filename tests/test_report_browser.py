"""Chromium: make the summary on the Rapport page and download it; the Advies page shows its recommendations."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from browser import app_server, seed_project_with_areas, shot, wait_idle
from conftest import add_forms_survey

pytestmark = pytest.mark.browser


def _seed(data_dir: Path) -> None:
    """The Gorinchem areas with the sample's Microsoft Forms survey."""
    store, project = seed_project_with_areas(data_dir)
    add_forms_survey(store, project.id)


def test_download_the_summary_from_the_rapport_page(browser, tmp_path):
    _seed(tmp_path)
    with app_server(tmp_path) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1100}, accept_downloads=True)
        page.goto(f"{url}/Advies?wijk=WK051204")
        wait_idle(page, 90_000)
        page.locator("h1", has_text="Advies").wait_for()
        assert page.locator("[data-testid='stException']").count() == 0
        page.get_by_text("Volgende keer:").first.wait_for(timeout=30_000)
        shot(page, "advies")

        page.goto(f"{url}/Rapport?wijk=WK051204")
        wait_idle(page, 90_000)
        page.get_by_text("Een keuze").click()
        wait_idle(page)
        page.get_by_role("button", name="Rapport maken").click()
        page.get_by_text("Rapport klaar").wait_for(timeout=120_000)
        wait_idle(page)
        shot(page, "rapport")
        with page.expect_download(timeout=60_000) as info:
            page.get_by_role("button", name="Download PDF").click()
        download = info.value
        assert download.suggested_filename == "wijkbeeld-gorinchem-wijk-04-haarwijk.pdf"
        content = Path(download.path()).read_bytes()
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
        assert "Wijk 04 haarwijk" in text and "Aanbevelingen" in text and "Samenvatting" in text
        assert page.locator("[data-testid='stException']").count() == 0
        page.close()
