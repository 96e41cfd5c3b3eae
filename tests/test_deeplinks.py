"""Every page's URL opened as the first request to a freshly started server, in Debian's Chromium."""

from __future__ import annotations

import pytest

from browser import launch_many, seed_project_with_areas, shot, wait_healthy, wait_idle

pytestmark = pytest.mark.browser

NAV_LABELS = [
    "Overzicht", "Bronnen", "Gebieden en cijfers", "Koppelen aan wijken", "Antwoorden", "Thema's en codeboek",
    "Thema's beoordelen", "Wijkprofiel", "Wijken vergelijken", "Advies", "Rapport",
]
PAGES = [
    ("", "Overzicht"),
    ("Bronnen", "Bronnen"),
    ("Gebieden", "Gebieden en cijfers"),
    ("Koppelen", "Koppelen aan wijken"),
    ("Antwoorden", "Antwoorden"),
    ("Themas", "Thema's en codeboek"),
    ("Beoordelen", "Thema's beoordelen"),
    ("Wijkprofiel", "Wijkprofiel"),
    ("Vergelijken", "Wijken vergelijken"),
    ("Advies", "Advies"),
    ("Rapport", "Rapport"),
]


SIDEBAR_LINKS = "[data-testid='stSidebar'] [data-testid='stPageLink'] a"


def _sidebar_labels(page) -> list[str]:
    """The navigation's labels, once all of them are drawn.

    Under load the browser can show the page's title a moment before it has drawn the sidebar's links (the links
    come first in the script; one CI run read none of them), so wait for them as the title is waited for.
    """
    links = page.locator(SIDEBAR_LINKS)
    try:
        links.nth(len(NAV_LABELS) - 1).wait_for(timeout=30_000)
    except Exception:  # noqa: BLE001 - the assertion below says what is missing
        shot(page, "deeplink_missing_navigation")
    return [t.strip().splitlines()[-1].strip() for t in links.all_inner_texts()]  # last line: label after the icon


@pytest.fixture(scope="module")
def deep_links(browser, tmp_path_factory):
    """One fresh server per page (forked from one process that imported the app once); the first request each
    one sees is its page's URL.

    All servers start at once and all pages load at once (a page load is mostly waiting on the other processes),
    so each test below only waits for its own page and looks at it.
    """
    data_dirs = []
    for _path, _title in PAGES:
        data_dirs.append(tmp_path_factory.mktemp("fresh"))
        seed_project_with_areas(data_dirs[-1])  # pages with answers are covered by AppTest and the other browser tests
    pages = {}
    with launch_many(data_dirs) as servers:
        try:
            for (path, _title), data_dir, (_server, url) in zip(PAGES, data_dirs, servers):
                wait_healthy(url, data_dir, 90)
                pages[path] = browser.new_page(viewport={"width": 1400, "height": 900})
                pages[path].goto(f"{url}/{path}", wait_until="commit")
            yield pages
        finally:
            for page in pages.values():
                page.close()


@pytest.mark.parametrize("path,title", PAGES, ids=[t for _, t in PAGES])
def test_deep_link_on_fresh_server_shows_page_and_same_navigation(deep_links, path, title):
    page = deep_links[path]
    wait_idle(page, 90_000)
    page.wait_for_selector("h1")
    assert page.locator("h1").first.inner_text().strip() == title
    assert _sidebar_labels(page) == NAV_LABELS, page.locator("[data-testid='stSidebar']").all_inner_texts()
    # the legacy auto-navigation of the pages/ folder must not appear
    assert page.locator("[data-testid='stSidebarNav']").count() == 0
    assert page.locator("[data-testid='stException']").count() == 0
    shot(page, f"deeplink_{path or 'overzicht'}")
