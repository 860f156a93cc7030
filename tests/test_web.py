"""The web UI: every page renders the example story, and untrusted article text stays inert
(server-side checks here; tests/test_browser.py drives a real browser)."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.api.app import create_app
from newsgraph.ingest import ingest
from newsgraph.link import update_links
from newsgraph.store import open_store

PAYLOADS = [
    "<script>window.__pwned = 1; alert('xss')</script>",
    '<img src=x onerror="window.__pwned=1">',
    '"><svg onload=alert(1)>',
    "<a href=\"javascript:alert('xss')\">click</a>",
    '<iframe src="javascript:alert(1)"></iframe>',
    "</textarea><body onload=alert(1)>",
    "<style>body{display:none}</style>",
]


class Inspector(HTMLParser):
    """Collects what would be live in the browser: script tags, event handlers, js: links."""

    def __init__(self) -> None:
        super().__init__()
        self.live: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "style"):
            self.live.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.live.append(f"{tag} {name}")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                ("javascript:", "data:text")
            ):
                self.live.append(f"{tag} {name}={value}")


def live_parts(html: str) -> list[str]:
    inspector = Inspector()
    inspector.feed(html)
    return inspector.live


@pytest.fixture(scope="module")
def client(examples_location: str) -> TestClient:
    return TestClient(create_app(examples_location))


@pytest.mark.parametrize(
    ("url", "expect"),
    [
        ("/", "Timeline"),
        ("/?actor=Lavrov&type=CONSULT", "Geneva"),
        ("/?actor=Nobody+Here", "no actor called"),
        ("/commitments", "kept"),
        ("/contradictions", "Mosca non ha alcuna intenzione"),
        ("/graph", "<svg"),
        ("/actors/sergey-lavrov", "Minister of Foreign Affairs"),
        ("/search?q=Ginevra", "Vertice Lavrov-Blinken"),
        ('/search?q="unbalanced', "double quotes"),
    ],
)
def test_pages_render(client: TestClient, url: str, expect: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert expect in r.text
    assert "script-src" not in r.headers["content-security-policy"]  # no scripts at all
    assert live_parts(r.text) == []


def test_a_happening_leads_to_its_articles(client: TestClient) -> None:
    page = client.get("/?actor=sergey-lavrov&type=CONSULT").text
    event = page.split('href="/events/', 1)[1].split('"', 1)[0]
    detail = client.get(f"/events/{event}").text
    link = detail.split('href="/documents/', 1)[1].split('"', 1)[0]
    doc_id, anchor = link.split("#")
    article = client.get(f"/documents/{doc_id}")
    assert article.status_code == 200
    assert f'id="{anchor}"' in article.text and "<mark" in article.text


def test_unknown_pages_say_not_found(client: TestClient) -> None:
    for url in ("/events/hx-000000000000", "/actors/nobody", "/documents/zzzz", "/nowhere"):
        r = client.get(url)
        assert r.status_code == 404 and "Not found" in r.text, url


def test_article_text_is_untrusted_and_rendered_inert(examples_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "hostile.db"
    shutil.copy(examples_db, db)
    body = "Sergei Lavrov met Antony Blinken in Geneva. " + " ".join(PAYLOADS)
    hostile = tmp_path / "hostile.jsonl"
    record = {
        "url": "javascript:alert(document.cookie)",
        "title": "<script>alert(1)</script> <b onmouseover=alert(1)>t</b>",
        "published": "2022-01-21",
        "lang": "en",
        "text": body,
    }
    hostile.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with open_store(db) as store:
        assert ingest(store, [hostile]).stored == 1
        update_links(store)
        (doc,) = [d for d in store.list_documents(limit=500) if "script" in (d["title"] or "")]
    client = TestClient(create_app(db))
    for url in (f"/documents/{doc['id']}", "/search?q=Lavrov", "/", "/actors/sergey-lavrov"):
        page = client.get(url)
        assert page.status_code == 200
        assert live_parts(page.text) == [], url
    article = client.get(f"/documents/{doc['id']}").text
    assert "&lt;script&gt;" in article and "javascript:alert" not in article.split("<div class")[0]
