"""``twins site`` in a real browser: headless Chromium opens the built folder from disk (``file://``).

axe-core checks every kind of page against WCAG 2.2 AA; the search box finds a
proposal by a word of its title; the keyboard's focus shows; at 200% zoom no
page scrolls sideways. With ``TWINS_UPDATE_SCREENSHOT=1`` the home page is
saved as docs/site.png, the README's picture of the site.

Skipped where Playwright or a Chromium is not installed (``pip install -e .[test]``
installs Playwright; the browser is the system's, found on the PATH).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import SAMPLE
from twins_cli.catalog.load import load_catalog
from twins_cli.files.locate import RoadmapsLocation
from twins_cli.formats.site.pages import site_files
from twins_cli.query.publication import publish
from twins_cli.write.site import write_site

sync_api = pytest.importorskip("playwright.sync_api")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

CHROMIUM = next(filter(None, (shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome"))), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on the PATH")

SCREENSHOT = Path(__file__).parents[2] / "docs" / "site.png"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = [  # one of each kind
    "index.html",
    "pairs/kingsport-hanbit.html",
    "proposals/kingsport-hanbit--P5.html",
    "organisations/kingsport-hanbit--hanbit-city.html",
    "themes/cybersecurity.html",
    "milestones.html",
    "themes.html",
    "organisations.html",
    "contacts.html",
    "search.html?q=cyber",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "site"
    catalog = load_catalog(RoadmapsLocation(SAMPLE, "test"))
    write_site(out, site_files(publish(catalog), date(2024, 6, 1)))
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    opened = browser.new_page(viewport={"width": 1200, "height": 900})
    yield opened
    opened.close()


def url(site: Path, name: str) -> str:
    path, _, query = name.partition("?")
    return (site / path).as_uri() + (f"?{query}" if query else "")


@pytest.mark.parametrize("name", PAGES)
def test_no_serious_or_critical_accessibility_violation(site: Path, page: Any, name: str) -> None:
    page.goto(url(site, name))
    results = axe_module.Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    grave = [
        (violation["id"], [node["target"] for node in violation["nodes"]])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert grave == []
    assert page.evaluate("document.documentElement.lang") == "en"


def test_the_search_box_finds_a_proposal_by_a_word_of_its_title(site: Path, page: Any) -> None:
    page.goto(url(site, "index.html"))
    page.fill("#site-q", "testbeds")
    page.press("#site-q", "Enter")
    page.wait_for_selector("#results a")
    found = page.eval_on_selector_all("#results a", "links => links.map(link => link.href)")
    assert found == [(site / "proposals" / "kingsport-hanbit--P3.html").as_uri()]
    page.fill("#q", "no-such-word-anywhere")
    page.press("#q", "Enter")
    page.wait_for_function("document.querySelectorAll('#results a').length === 0")
    assert page.text_content("#status") == "0 pages found"


def test_without_script_the_search_page_lists_every_page(site: Path, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url(site, "search.html?q=testbeds"))
    listed = page.eval_on_selector_all("#every-page a", "links => links.map(link => link.getAttribute('href'))")
    context.close()
    assert "proposals/kingsport-hanbit--P3.html" in listed
    assert "pairs/kingsport-hanbit.html" in listed


def test_keyboard_focus_is_visible_and_the_skip_link_comes_first(site: Path, page: Any) -> None:
    page.goto(url(site, "pairs/kingsport-hanbit.html"))
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "(() => { const e = document.activeElement; const s = getComputedStyle(e);"
        " return [e.className, s.outlineStyle, s.outlineWidth, e.getBoundingClientRect().top]; })()"
    )
    assert focused[0] == "skip"
    assert focused[1] != "none" and focused[2] != "0px"
    assert focused[3] >= 0  # shown on the page, not parked off screen
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


@pytest.mark.parametrize("name", ["index.html", "pairs/kingsport-hanbit.html", "contacts.html"])
def test_at_200_percent_zoom_the_page_never_scrolls_sideways(site: Path, browser: Any, name: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=2)
    page.set_viewport_size({"width": 640, "height": 450})  # 1280 CSS pixels at 200%: what the reader sees
    page.goto(url(site, name))
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    page.close()
    assert widths[0] <= widths[1]


def test_screenshot_of_the_home_page(site: Path, page: Any, tmp_path: Path) -> None:
    """Always taken (so it cannot rot); saved to docs/ only when asked, to refresh the README's picture."""
    page.goto(url(site, "index.html"))
    target = SCREENSHOT if os.environ.get("TWINS_UPDATE_SCREENSHOT") == "1" else tmp_path / "site.png"
    page.screenshot(path=str(target), full_page=False)
    assert target.read_bytes().startswith(b"\x89PNG")
