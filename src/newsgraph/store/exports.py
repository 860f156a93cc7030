"""What the exports read: every fact kind as plain rows in a stable order (the same database
always gives the same rows in the same order), and happenings with all their reports."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from newsgraph.store.dialect import Connection


def _load(value: str | None) -> Any:
    return json.loads(value) if value else None


class ExportRows:
    """Mixed into the stores: ``self._db`` is the connection."""

    _db: Connection

    def document_ids(self) -> list[str]:
        """Every document id, by publication date then id."""
        return [r[0] for r in self._db.execute("SELECT id FROM documents ORDER BY published, id")]

    def document_rows(self) -> Iterator[dict[str, Any]]:
        yield from (
            dict(r)
            for r in self._db.execute(
                "SELECT d.id, d.url, d.path, d.source, d.lang, d.published,"
                " d.published_precision, d.title, d.text, d.extractor_version,"
                " (SELECT COUNT(*) FROM sentences s WHERE s.doc_id = d.id) AS n_sentences"
                " FROM documents d ORDER BY d.published, d.id"
            )
        )

    def actor_rows(self) -> Iterator[dict[str, Any]]:
        """Actors mentioned at least once, with their mention and document counts."""
        for r in self._db.execute(
            "SELECT a.id, a.name, a.type, a.country, a.roles, a.aliases,"
            " COUNT(*) AS n_mentions, COUNT(DISTINCT m.doc_id) AS n_documents"
            " FROM actors a JOIN mentions m ON m.actor_id = a.id GROUP BY a.id ORDER BY a.id"
        ):
            yield {**dict(r), "roles": _load(r["roles"]), "aliases": _load(r["aliases"])}

    def place_rows(self) -> Iterator[dict[str, Any]]:
        yield from (
            dict(r)
            for r in self._db.execute(
                "SELECT p.id, p.name, p.type, p.country, p.lat, p.lon,"
                " COUNT(*) AS n_mentions, COUNT(DISTINCT m.doc_id) AS n_documents"
                " FROM places p JOIN place_mentions m ON m.place_id = p.id"
                " GROUP BY p.id ORDER BY p.id"
            )
        )

    def event_rows(self) -> Iterator[dict[str, Any]]:
        """Events (one per report) with their document, happening and stored fact."""
        for r in self._db.execute(
            "SELECT e.id, e.doc_id, e.cluster_id, e.date_start, e.date_end, e.data"
            " FROM events e JOIN documents d ON d.id = e.doc_id"
            " ORDER BY d.published, e.doc_id, e.id"
        ):
            yield {**dict(r), "data": _load(r["data"])}

    def statement_rows(self) -> Iterator[dict[str, Any]]:
        for r in self._db.execute(
            "SELECT s.id, s.doc_id, s.data FROM statements s JOIN documents d ON d.id = s.doc_id"
            " ORDER BY d.published, s.doc_id, s.id"
        ):
            yield {**dict(r), "data": _load(r["data"])}

    def commitment_statuses(self) -> dict[str, str]:
        """The current status of every commitment the linking layer has tracked."""
        return {
            r[0]: r[1]
            for r in self._db.execute("SELECT id, status FROM commitments WHERE status IS NOT NULL")
        }

    def commitment_export_rows(self) -> Iterator[dict[str, Any]]:
        """Commitments with their status, the day it was set and every status change."""
        history: dict[str, list[dict[str, Any]]] = {}
        for r in self._db.execute(
            'SELECT commitment_id, status, date, fact_kind, doc_id, start, "end", text, reason'
            " FROM commitment_status ORDER BY commitment_id, seq"
        ):
            change = dict(r)
            del change["commitment_id"]
            change["reason"] = _load(r["reason"]) or {}
            history.setdefault(r["commitment_id"], []).append(change)
        for r in self._db.execute(
            "SELECT c.id, c.doc_id, c.due_start, c.due_end, c.status, c.data, d.published"
            " FROM commitments c JOIN documents d ON d.id = c.doc_id"
            " ORDER BY d.published, c.doc_id, c.id"
        ):
            yield {**dict(r), "data": _load(r["data"]), "history": history.get(r["id"], [])}

    def contradiction_rows(self) -> Iterator[dict[str, Any]]:
        """Contradictions as linking stored them (both sides, the claim, why)."""
        for r in self._db.execute(
            "SELECT data FROM contradictions ORDER BY statement_date, other_date, id"
        ):
            yield json.loads(r[0])

    def happening_rows(self, *, hypothetical: bool = True) -> Iterator[dict[str, Any]]:
        """Happenings in date order, each with its place and its reports (every event that
        joined it, with the document's URL, source, language and day)."""
        reports: dict[str, list[dict[str, Any]]] = {}
        for r in self._db.execute(
            "SELECT e.cluster_id, e.id, e.doc_id, e.mode, e.data, d.url, d.source, d.lang,"
            " d.published, d.title FROM events e JOIN documents d ON d.id = e.doc_id"
            " WHERE e.cluster_id IS NOT NULL ORDER BY e.cluster_id, d.published, e.doc_id, e.id"
        ):
            report = dict(r)
            del report["cluster_id"]
            report["event"] = report.pop("id")
            report["data"] = _load(r["data"])
            reports.setdefault(r["cluster_id"], []).append(report)
        sql = (
            "SELECT c.*, p.name AS place_name, p.country AS place_country_code, p.lat, p.lon,"
            " p.type AS place_type FROM event_clusters c LEFT JOIN places p ON p.id = c.place_id"
        )
        if not hypothetical:
            sql += " WHERE c.hypothetical = 0"
        sql += " ORDER BY COALESCE(c.date_start, c.first_reported), c.first_reported, c.id"
        for r in self._db.execute(sql):
            yield {**dict(r), "data": _load(r["data"]), "reports": reports.get(r["id"], [])}
