"""The REST API over the example corpus: endpoints, paging, clear 4xx, the ingest token."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsgraph.api.app import create_app
from newsgraph.errors import NotFoundError
from newsgraph.ingest import ingest
from newsgraph.link import update_links
from newsgraph.store import open_store

from .conftest import SEED


@pytest.fixture(scope="module")
def client(examples_location: str) -> TestClient:
    return TestClient(create_app(examples_location))


def test_events_are_happenings_with_their_sources(client: TestClient) -> None:
    r = client.get("/api/events", params={"type": "CONSULT", "actor": "sergey-lavrov"})
    assert r.status_code == 200
    body = r.json()
    assert body["items"] and body["limit"] == 100
    geneva = [e for e in body["items"] if e["place"] == "Geneva" and e["documents"] >= 2]
    assert geneva, body["items"]
    detail = client.get(f"/api/events/{geneva[0]['id']}").json()
    assert len(detail["reports"]) == detail["n_events"] >= 2
    evidence = client.get(f"/api/facts/{geneva[0]['id']}/evidence").json()["evidence"]
    assert all(e["text"] and e["end"] > e["start"] for e in evidence)


def test_paging_walks_the_whole_list(client: TestClient) -> None:
    everything = client.get("/api/events", params={"limit": 500}).json()["items"]
    seen, offset = [], 0
    while offset is not None:
        page = client.get("/api/events", params={"limit": 7, "offset": offset}).json()
        seen += [e["id"] for e in page["items"]]
        offset = page["next_offset"]
    assert seen == [e["id"] for e in everything]


def test_actors_statements_commitments_contradictions(client: TestClient) -> None:
    actors = client.get("/api/actors", params={"q": "lavrov"}).json()["items"]
    assert (
        actors[0]["id"] == "sergey-lavrov" and "Minister of Foreign Affairs" in actors[0]["roles"]
    )
    assert client.get("/api/actors/sergey-lavrov/timeline").json()["items"]
    said = client.get("/api/statements", params={"speaker": "sergey-lavrov"}).json()["items"]
    assert said and all(s["speaker"] == "sergey-lavrov" for s in said)
    kept = client.get("/api/commitments", params={"status": "kept"}).json()["items"]
    assert any(c["actor_id"] == "antony-blinken" and c["since"] == "2022-01-26" for c in kept)
    contra = client.get("/api/contradictions", params={"speaker": "sergey-lavrov"}).json()
    assert any(c["then"] == "2022-02-24" for c in contra["items"])


def test_documents_search_and_the_fact_contract(client: TestClient) -> None:
    hits = client.get("/api/documents", params={"q": "Ginevra OR Geneva"}).json()["items"]
    assert hits
    unparsable = client.get("/api/documents", params={"q": '"Ginevra'})  # read as its words
    assert unparsable.status_code == 200 and unparsable.json()["items"]
    doc = client.get(f"/api/documents/{hits[0]['id']}").json()
    assert {"document", "actors", "events", "statements", "commitments", "highlights"} <= set(doc)
    text = doc["document"]["text"]
    assert all(text[h["start"] : h["end"]] for h in doc["highlights"])


@pytest.mark.parametrize(
    ("url", "status", "says"),
    [
        ("/api/events?type=BOGUS", 422, "CONSULT"),
        ("/api/events?from=2022-02-30", 422, "day value is outside"),
        ("/api/events?from=yesterday", 422, "YYYY-MM-DD"),
        ("/api/events?limit=0", 422, "greater than or equal"),
        ("/api/events?limit=100000", 422, "less than or equal"),
        ("/api/commitments?status=forgotten", 422, "kept"),
        ("/api/events/zzz", 422, "(hx|ev)-"),
        ("/api/events/hx-000000000000", 404, "no event"),
        ("/api/actors/nobody-at-all", 404, "/api/actors?q="),
        ("/api/documents/sha256:0000", 404, "no document"),
        ("/api/events?to=0", 422, "YYYY-MM-DD"),
        ("/api/nothing-here", 404, "Not Found"),
    ],
)
def test_malformed_requests_get_a_clear_4xx(
    client: TestClient, url: str, status: int, says: str
) -> None:
    r = client.get(url)
    assert r.status_code == status, r.text
    assert says in r.text


def test_read_only_without_a_token(client: TestClient) -> None:
    assert client.post("/api/ingest", json={"documents": [{"text": "x"}]}).status_code in (404, 405)
    assert "/api/ingest" not in client.get("/openapi.json").json()["paths"]


def test_ingest_needs_the_token_and_then_links(examples_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    shutil.copy(examples_db, db)
    ingest_with_a_token(TestClient(create_app(db, token="s3cret-token")))


def test_ingest_into_postgresql(pg_location: str) -> None:
    with open_store(pg_location) as store:
        ingest(store, [SEED])
        update_links(store)
    ingest_with_a_token(TestClient(create_app(pg_location, token="s3cret-token")))


def ingest_with_a_token(client: TestClient) -> None:
    doc = {
        "text": "Sergei Lavrov met Antony Blinken in Geneva on Friday, January 21, 2022.",
        "url": "https://example.org/2022/01/21/more-geneva",
        "lang": "en",
    }
    wrong = [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": "s3cret-tokenX"},
        {"Authorization": "Bearer "},
        {"Authorization": "Basic s3cret-token"},
    ]
    for headers in wrong:
        r = client.post("/api/ingest", json={"documents": [doc]}, headers=headers)
        assert r.status_code == 401 and "Bearer" in r.text, headers
    ok = client.post(
        "/api/ingest", json={"documents": [doc]}, headers={"Authorization": "Bearer s3cret-token"}
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["stored"] == 1 and ok.json()["links"]["merged"] >= 1
    again = client.post(
        "/api/ingest", json={"documents": [doc]}, headers={"Authorization": "Bearer s3cret-token"}
    )
    assert again.json()["duplicate"] == 1
    bad = client.post(
        "/api/ingest", json={"documents": []}, headers={"Authorization": "Bearer s3cret-token"}
    )
    assert bad.status_code == 422


def test_more_concurrent_requests_than_threads_all_get_answers(examples_location: str) -> None:
    """100 requests at once (more than the 40 worker threads and the 4 pooled connections):
    waiting for a connection must not hold a thread the connection holders need."""
    import asyncio

    import httpx

    app = create_app(examples_location)

    async def all_at_once() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            urls = [f"/api/actors/sergey-lavrov/timeline?limit={1 + k % 7}" for k in range(100)]
            answers = await asyncio.wait_for(asyncio.gather(*(c.get(u) for u in urls)), 60)
            return [a.status_code for a in answers]

    assert asyncio.run(all_at_once()) == [200] * 100


def test_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="newsgraph ingest"):
        create_app(tmp_path / "nothing.db")


@pytest.mark.slow
def test_serve_with_several_workers_answers_like_one(examples_db: Path, tmp_path: Path) -> None:
    """'newsgraph serve --workers 2' starts server processes that serve the same database."""
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db = tmp_path / "served.db"
    shutil.copy(examples_db, db)
    server = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "serve", str(db), "--port", str(port),
         "--workers", "2"],
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}/api/actors/sergey-lavrov/timeline"
        deadline = time.time() + 120
        while True:
            try:
                answer = httpx.get(url, timeout=10)
                break
            except httpx.HTTPError:
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                assert time.time() < deadline, "the server did not start in 120 s"
                time.sleep(0.5)
        assert answer.status_code == 200
        one = TestClient(create_app(db)).get("/api/actors/sergey-lavrov/timeline")
        assert answer.json()["items"] and answer.json() == one.json()
    finally:
        server.terminate()
        server.wait(timeout=60)
    assert "2 processes" in (server.stderr.read() if server.stderr else "")


def test_serve_on_a_busy_port_is_a_clear_error(examples_db: Path) -> None:
    """Several processes share the port only among themselves: a port another server
    listens on is refused before any process starts."""
    import socket

    from click.testing import CliRunner

    from newsgraph.cli.main import cli

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = str(busy.getsockname()[1])
        result = CliRunner().invoke(
            cli, ["serve", str(examples_db), "--port", port, "--workers", "2"]
        )
    assert result.exit_code != 0
    assert f"cannot listen on 127.0.0.1:{port}" in result.output and "--port" in result.output


def test_a_renamed_actor_shows_its_new_name_at_once(examples_db: Path, tmp_path: Path) -> None:
    """Timelines remember actor names per connection, until the database changes: by
    another connection (another process) or by this one."""
    db = tmp_path / "renamed.db"
    shutil.copy(examples_db, db)
    with open_store(db, shared=True) as reader, open_store(db) as writer:

        def names() -> set[str]:
            return {n for row in reader.timeline(actors=["sergey-lavrov"]) for n in row["actors"]}

        assert "Sergey Lavrov" in names()
        with writer.transaction() as tx:
            tx.execute("UPDATE actors SET name = 'S. V. Lavrov' WHERE id = 'sergey-lavrov'")
        assert "S. V. Lavrov" in names() and "Sergey Lavrov" not in names()
        with reader.transaction() as tx:
            tx.execute("UPDATE actors SET name = 'Sergei Lavrov' WHERE id = 'sergey-lavrov'")
        assert "Sergei Lavrov" in names()


def test_a_timeline_from_a_day_keeps_what_lasts_until_then(examples_location: str) -> None:
    """From a day: the happenings on or after it, and those that began before it and last
    until it ("throughout January"), in the same order as the whole timeline."""
    with open_store(examples_location) as store:
        everything = store.timeline(limit=10_000)

        def last_day(row: dict[str, Any]) -> str:
            return str(row["date"] or row["first_reported"]).split("..")[-1]

        spanning = [r for r in everything if ".." in (r["date"] or "")]
        assert spanning, "the example corpus has happenings that last several days"
        for day in sorted({last_day(r) for r in spanning} | {"2022-01-15", "2022-02-20"}):
            expected = [r["id"] for r in everything if last_day(r) >= day]
            assert [r["id"] for r in store.timeline(date_from=day, limit=10_000)] == expected
            lavrov = {
                r["id"]
                for r in everything
                if "sergey-lavrov" in r["actor_ids"] + r["recipient_ids"]
            }
            assert [r["id"] for r in store.timeline(actors=["sergey-lavrov"], date_from=day)] == [
                i for i in expected if i in lavrov
            ]
