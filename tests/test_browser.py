"""The web UI in a real browser (Debian's chromium driven by Playwright) on the example
corpus: the main flows, a phone-sized screen, and hostile article text that must not run.
Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.ingest import ingest
from newsgraph.link import update_links
from newsgraph.store import open_store

from .conftest import ROOT, serving

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = ROOT / "test-artifacts" / "screenshots"

REQUIRED = os.environ.get("NEWSGRAPH_REQUIRE_BROWSER") == "1"  # set by .ci/run
if REQUIRED:
    import playwright.sync_api as playwright_api
else:
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is absent")
if not Path(CHROMIUM).exists():
    message = "Debian's chromium is not installed (apt-get install chromium)"
    if REQUIRED:
        raise RuntimeError(message)
    pytest.skip(message, allow_module_level=True)


@pytest.fixture(scope="module")
def site(examples_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from newsgraph.api.app import create_app

    db = tmp_path_factory.mktemp("browser") / "site.db"
    shutil.copy(examples_db, db)
    hostile = db.parent / "hostile.jsonl"
    hostile.write_text(
        json.dumps(
            {
                "url": "javascript:window.__pwned=1",
                "title": "Hostile <img src=x onerror=window.__pwned=1>",
                "published": "2022-01-22",
                "lang": "en",
                "text": "Sergei Lavrov spoke in Geneva. "
                "<script>window.__pwned=1;alert(1)</script> "
                '<img src=x onerror="window.__pwned=1"> '
                '<a href="javascript:window.__pwned=1">x</a> "><svg onload="window.__pwned=1">',
            }
        )
        + "\n",
        encoding="utf-8",
    )
    with open_store(db) as store:
        ingest(store, [hostile])
        update_links(store)
    with serving(create_app(db)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


def shot(page: object, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def test_timeline_event_evidence_article_and_board(browser: object, site: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page.goto(site + "/")
    assert page.title().startswith("Timeline")
    shot(page, "1-timeline")
    page.fill("input[name=actor]", "Lavrov")
    page.select_option("select[name=type]", "CONSULT")
    page.click("button[type=submit]")
    page.wait_for_url("**/?actor=Lavrov*")
    geneva = page.locator("li.happening", has_text="Geneva").filter(has_text="2022-01-21").first
    assert geneva.count() == 1
    shot(page, "2-timeline-lavrov")
    geneva.locator("a.type").click()
    page.wait_for_url("**/events/hx-*")
    assert page.locator("ol.reports li").count() >= 2
    shot(page, "3-happening")
    page.locator("ol.reports blockquote a").first.click()
    page.wait_for_url("**/documents/**#f-ev-*")
    target = page.locator(":target")
    assert target.count() == 1 and target.first.is_visible()
    assert page.locator("mark.k-actor").count() > 3 and page.locator("mark.k-event").count() > 0
    shot(page, "4-article")
    page.click("text=Commitments")
    page.wait_for_url("**/commitments")
    kept = page.locator("section.column.s-kept li.card")
    assert kept.count() >= 1 and "Blinken" in kept.first.inner_text()
    shot(page, "5-commitments")
    page.click("text=Contradictions")
    assert "2022-02-24" in page.locator("ul.contradictions").inner_text()
    page.click("text=Network")
    assert page.locator("svg.network circle").count() > 5
    shot(page, "6-network")
    page.close()


def test_usable_on_a_phone(browser: object, site: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)  # type: ignore[attr-defined]
    page.goto(site + "/?actor=Lavrov")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, f"the timeline scrolls sideways on a phone ({width}px)"
    shot(page, "7-phone-timeline")
    page.close()


def test_hostile_article_text_does_not_run(browser: object, site: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(site + "/search?q=Hostile")
    page.locator("a[href^='/documents/']", has_text="Hostile").first.click()
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert page.evaluate("window.__pwned === undefined")
    assert dialogs == []
    assert "<script>" in page.locator("div.text").inner_text()  # shown as text
    shot(page, "8-hostile-article")
    page.close()
