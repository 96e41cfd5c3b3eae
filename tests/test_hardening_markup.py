"""Markup from a file name is inert (issue 11, item 6): the issue's file name rendered a link, bold text and KaTeX
in the Bronnen expander title."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import app_server, seed_project_with_areas, shot, wait_idle

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).parent / "fixtures"
HOSTILE_NAME = "**vet** [klik](https:evil.example) $x^2$.csv"


def test_a_file_name_with_markdown_shows_as_plain_text(browser, tmp_path):
    seed_project_with_areas(tmp_path)
    with app_server(tmp_path) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{url}/Bronnen")
        wait_idle(page, 60_000)
        data = (FIXTURES / "excel_puntkomma.csv").read_bytes()
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
            files=[{"name": HOSTILE_NAME, "mimeType": "text/csv", "buffer": data}]
        )
        page.get_by_text("12 rijen gelezen").wait_for(timeout=60_000)
        wait_idle(page, 60_000)
        shot(page, "markup_bronnen")
        main = page.get_by_test_id("stMain")
        summary = main.locator("[data-testid='stExpander'] summary").first
        assert "**vet** [klik](https:evil.example) $x^2$" in summary.inner_text()
        assert main.locator("a[href*='evil']").count() == 0
        assert main.locator("strong", has_text="vet").count() == 0
        assert main.locator(".katex").count() == 0
        assert page.locator("[data-testid='stException']").count() == 0
        page.close()
