"""Read-only views over a newsgraph database for the API and the web UI: actors, an actor's
page, statements, the evidence of a fact with its spans, the graph of who met or confronted
whom.  Every query is parameterised; names come back with ids."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import orjson

from newsgraph.store.dialect import marks
from newsgraph.store.links import LinkTables

MEETING_TYPES = ("CONSULT", "AGREE", "COOPERATE")
CONFLICT_TYPES = ("ACCUSE", "REJECT", "THREATEN", "SANCTION", "COERCE", "ASSAULT", "PROTEST")


class ReadViews(LinkTables):
    """Mixed into the stores: ``self._db`` is the connection, ``self._sql`` its dialect."""

    def count(self, table: str) -> int:
        assert table in {"documents", "actors", "statements", "commitments", "event_clusters"}
        return int(self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def list_actors(
        self, *, query: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Actors by how often they are mentioned; ``query`` matches a name or alias."""
        sql = (
            "SELECT a.id, a.name, a.type, a.country, a.roles, a.aliases,"
            " (SELECT COUNT(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions"
            " FROM actors a"
        )
        params: list[Any] = []
        if query:
            key = f"%{query.strip().casefold()}%"
            sql += (
                " WHERE lower(a.name) LIKE ? OR lower(a.id) LIKE ? OR EXISTS"
                f" (SELECT 1 FROM {self._sql.json_values('a.aliases')} WHERE lower(value) LIKE ?)"
            )
            params += [key, key, key]
        sql += " ORDER BY mentions DESC, a.name LIMIT ? OFFSET ?"
        params += [limit, offset]
        return [_actor(r) for r in self._db.execute(sql, params)]

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        row = self._db.execute(
            "SELECT a.id, a.name, a.type, a.country, a.roles, a.aliases,"
            " (SELECT COUNT(*) FROM mentions m WHERE m.actor_id = a.id) AS mentions"
            " FROM actors a WHERE a.id = ?",
            (actor_id,),
        ).fetchone()
        return _actor(row) if row else None

    def list_statements(
        self,
        *,
        speaker: str | None = None,
        about: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Statements, newest first; ``about`` is an actor named in the content (or in what
        it claims)."""
        sql = (
            "SELECT s.id, s.doc_id, s.speaker_id, s.mode, s.data, d.published, d.title"
            " FROM statements s JOIN documents d ON d.id = s.doc_id WHERE 1 = 1"
        )
        params: list[Any] = []
        if speaker:
            sql += " AND s.speaker_id = ?"
            params.append(speaker)
        if about:

            def content(end: str) -> str:
                return self._sql.json_int("s.data", "content", end)

            sql += (
                " AND EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = s.doc_id"
                f" AND m.actor_id = ? AND m.start >= {content('start')}"
                f' AND m."end" <= {content("end")})'
            )
            params.append(about)
        sql += " ORDER BY d.published DESC, s.id LIMIT ? OFFSET ?"
        params += [limit, offset]
        rows = [dict(r) for r in self._db.execute(sql, params)]
        names = self.actor_names(r["speaker_id"] for r in rows if r["speaker_id"])
        out = []
        for r in rows:
            data = orjson.loads(r["data"])
            out.append(
                {
                    "id": r["id"],
                    "document": r["doc_id"],
                    "published": r["published"],
                    "title": r["title"],
                    "speaker": r["speaker_id"],
                    "speaker_name": names.get(r["speaker_id"], r["speaker_id"]),
                    "mode": r["mode"],
                    "cue": (data.get("cue") or {}).get("text"),
                    "content": data["content"]["text"],
                    "evidence": data["evidence"],
                    "claims": data.get("claims") or [],
                }
            )
        return out

    def evidence(self, fact_id: str) -> list[dict[str, Any]]:
        """The evidence spans of a fact (a happening's: those of all its reports), each with
        its document's title and date."""
        ids = [fact_id]
        if fact_id.startswith("hx-"):
            ids = [
                r[0]
                for r in self._db.execute("SELECT id FROM events WHERE cluster_id = ?", (fact_id,))
            ]
        if not ids:
            return []
        rows = self._db.execute(
            'SELECT e.fact_id, e.fact_kind, e.doc_id, e.start, e."end", e.text,'
            " d.title, d.published, d.source, d.lang"
            " FROM evidence e JOIN documents d ON d.id = e.doc_id"
            f" WHERE e.fact_id IN ({marks(ids)}) ORDER BY d.published, e.doc_id, e.start",
            ids,
        )
        return [dict(r) for r in rows]

    def document_facts(self, doc_id: str) -> list[dict[str, Any]]:
        """Every span of a document that a fact points to, for highlighting: mentions,
        times, and the evidence and content of events, statements and commitments."""
        spans: list[dict[str, Any]] = []
        for r in self._db.execute(
            'SELECT m.start, m."end", a.id, a.name, a.type FROM mentions m'
            " JOIN actors a ON a.id = m.actor_id WHERE m.doc_id = ?",
            (doc_id,),
        ):
            spans.append(
                {
                    "start": r[0],
                    "end": r[1],
                    "kind": "actor",
                    "ref": r[2],
                    "label": f"{r[3]} ({r[4]})",
                }
            )
        for r in self._db.execute(
            'SELECT m.start, m."end", p.id, p.name FROM place_mentions m'
            " JOIN places p ON p.id = m.place_id WHERE m.doc_id = ?",
            (doc_id,),
        ):
            spans.append({"start": r[0], "end": r[1], "kind": "place", "ref": r[2], "label": r[3]})
        for r in self._db.execute(
            'SELECT start, "end", type, value FROM times WHERE doc_id = ?', (doc_id,)
        ):
            spans.append(
                {"start": r[0], "end": r[1], "kind": "time", "ref": None, "label": f"{r[2]} {r[3]}"}
            )
        for r in self._db.execute(
            'SELECT e.fact_id, e.fact_kind, e.start, e."end", ev.cluster_id, ev.type'
            " FROM evidence e LEFT JOIN events ev ON ev.id = e.fact_id WHERE e.doc_id = ?",
            (doc_id,),
        ):
            label = f"{r[5]} event" if r[1] == "event" else r[1]
            spans.append(
                {
                    "start": r[2],
                    "end": r[3],
                    "kind": r[1],
                    "ref": r[4] or r[0],
                    "fact": r[0],
                    "label": label,
                }
            )
        return sorted(spans, key=lambda s: (s["start"], -s["end"]))

    def network(
        self,
        *,
        date_from: str | None = None,
        date_to: str | None = None,
        kinds: Sequence[str] = ("meet", "confront"),
        limit: int | None = 200,
    ) -> dict[str, Any]:
        """Who met (CONSULT, AGREE, COOPERATE) or confronted (ACCUSE … ASSAULT) whom: nodes
        with their weight, edges with the number of happenings of each kind; the ``limit``
        strongest edges, or all of them when ``limit`` is None."""
        types = [
            *(MEETING_TYPES if "meet" in kinds else ()),
            *(CONFLICT_TYPES if "confront" in kinds else ()),
        ]
        if not types:
            return {"nodes": [], "edges": []}
        sql = (
            "SELECT c.id, c.type, c.data FROM event_clusters c WHERE c.hypothetical = 0"
            f" AND c.type IN ({', '.join('?' * len(types))})"
        )
        params: list[Any] = list(types)
        if date_from:
            sql += " AND COALESCE(c.date_end, c.first_reported) >= ?"
            params.append(date_from)
        if date_to:
            sql += " AND COALESCE(c.date_start, c.first_reported) <= ?"
            params.append(date_to)
        edges: Counter[tuple[str, str, str]] = Counter()
        for r in self._db.execute(sql + " ORDER BY c.id", params):
            data = orjson.loads(r["data"])
            kind = "meet" if r["type"] in MEETING_TYPES else "confront"
            people = sorted(set(data["actors"]) | set(data["recipients"]))
            if kind == "confront" and data["recipients"]:
                pairs = [(a, b) for a in data["actors"] for b in data["recipients"] if a != b]
            else:
                pairs = [(a, b) for i, a in enumerate(people) for b in people[i + 1 :]]
            for a, b in pairs:
                edges[(*sorted((a, b)), kind)] += 1
        top = edges.most_common(limit)
        weight: Counter[str] = Counter()
        for (a, b, _), n in top:
            weight[a] += n
            weight[b] += n
        names = self.actor_names(weight)
        types_of = (
            dict(
                self._db.execute(
                    f"SELECT id, type FROM actors WHERE id IN ({', '.join('?' * len(weight))})",
                    list(weight),
                ).fetchall()
            )
            if weight
            else {}
        )
        return {
            "nodes": [
                {"id": a, "name": names.get(a, a), "type": types_of.get(a), "weight": n}
                for a, n in weight.most_common()
            ],
            "edges": [
                {"source": a, "target": b, "kind": kind, "count": n} for (a, b, kind), n in top
            ],
        }


def _actor(row: Any) -> dict[str, Any]:
    d = dict(row)
    d["roles"], d["aliases"] = orjson.loads(d["roles"]), orjson.loads(d["aliases"])
    return d
