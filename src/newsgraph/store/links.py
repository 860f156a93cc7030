"""The linking layer's tables: what linking reads, what it writes, and the views
(timeline, commitments, contradictions, explanations) the CLI and API show."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import orjson

from newsgraph.link.records import Cluster, EventRecord, day_of, day_range, iso
from newsgraph.store.dialect import Connection, Dialect, marks

STATUSES = ("pending", "due", "overdue", "kept", "broken", "cancelled")


def _replace(*columns: str) -> str:
    """The upsert clause that replaces a row with the same ``id`` (SQLite and PostgreSQL)."""
    return " ON CONFLICT (id) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in columns)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


#: Actor names one connection remembers at most (a few MB).
NAMES_KEPT = 200_000


class LinkTables:
    """Mixed into the stores: ``self._db`` is the connection, ``self._sql`` its dialect."""

    _db: Connection
    _sql: Dialect
    _known_names: dict[str, str | None]  # what actor_names remembers, for _names_version
    _names_version: object | None = None

    # -- linking events ------------------------------------------------------

    def actor_countries(self) -> dict[str, str]:
        return {
            r[0]: r[1]
            for r in self._db.execute("SELECT id, country FROM actors WHERE country IS NOT NULL")
        }

    def unlinked_events(self) -> Iterator[EventRecord]:
        """Events not yet in a cluster, oldest first (stated date, else report date)."""
        countries = self.actor_countries()
        rows = self._db.execute(
            "SELECT e.id, e.doc_id, e.type, e.place_id, e.date_start, e.date_end, e.data,"
            " d.published, d.source, d.lang, p.country AS place_country, p.type AS place_type"
            " FROM events e JOIN documents d ON d.id = e.doc_id"
            " LEFT JOIN places p ON p.id = e.place_id"
            " WHERE e.cluster_id IS NULL"
            " ORDER BY COALESCE(e.date_start, d.published), d.published, e.id"
        )
        for r in rows:
            data = orjson.loads(r["data"])
            date = data.get("date") or {}
            stated = bool(date.get("text"))
            actors = frozenset(data.get("actors") or ())
            recipients = frozenset(data.get("recipients") or ()) - actors
            parts = actors | recipients
            yield EventRecord(
                id=r["id"],
                doc_id=r["doc_id"],
                type=r["type"],
                actors=actors,
                recipients=recipients,
                countries=frozenset(countries[a] for a in parts if a in countries),
                days=day_range(r["date_start"], r["date_end"]) if stated else None,
                reported=day_of(r["published"]),
                place=r["place_id"],
                place_country=r["place_id"] if r["place_type"] == "GPE" else r["place_country"],
                hypothetical=bool(data.get("hypothetical")),
                source=r["source"],
                lang=r["lang"],
                text=(data.get("evidence") or {}).get("text", ""),
            )

    def load_clusters(self) -> list[Cluster]:
        clusters = []
        for r in self._db.execute("SELECT * FROM event_clusters"):
            data = orjson.loads(r["data"])
            clusters.append(
                Cluster(
                    id=r["id"],
                    type=r["type"],
                    hypothetical=bool(r["hypothetical"]),
                    actors=set(data["actors"]),
                    recipients=set(data["recipients"]),
                    countries=set(data["countries"]),
                    days=day_range(r["date_start"], r["date_end"]),
                    first_reported=day_of(r["first_reported"]),
                    last_reported=day_of(r["last_reported"]),
                    place=r["place_id"],
                    place_country=data.get("place_country"),
                    events=list(data["events"]),
                    documents=set(data["documents"]),
                    sources=set(data["sources"]),
                    langs=set(data["langs"]),
                    texts=list(data["texts"]),
                )
            )
        return clusters

    def save_clusters(
        self, clusters: Iterable[Cluster], assignments: dict[str, tuple[str, dict[str, Any]]]
    ) -> None:
        """Write changed clusters and the events' cluster ids (with why they joined)."""
        db = self._db
        for c in clusters:
            first = iso(c.first_reported)
            start, end = (iso(c.days[0]), iso(c.days[1])) if c.days else (None, None)
            day, day_end = start or first, end or first
            db.execute(
                "INSERT INTO event_clusters (id, type, hypothetical, date_start,"
                " date_end, day, day_end, first_reported, last_reported, place_id, n_events,"
                " n_documents, n_sources, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + _replace(
                    "type",
                    "hypothetical",
                    "date_start",
                    "date_end",
                    "day",
                    "day_end",
                    "first_reported",
                    "last_reported",
                    "place_id",
                    "n_events",
                    "n_documents",
                    "n_sources",
                    "data",
                ),
                (
                    c.id,
                    c.type,
                    int(c.hypothetical),
                    start,
                    end,
                    day,
                    day_end,
                    first,
                    iso(c.last_reported),
                    c.place,
                    len(c.events),
                    len(c.documents),
                    len(c.sources),
                    _dump(
                        {
                            "actors": sorted(c.actors),
                            "recipients": sorted(c.recipients),
                            "countries": sorted(c.countries),
                            "place_country": c.place_country,
                            "events": c.events,
                            "documents": sorted(c.documents),
                            "sources": sorted(c.sources),
                            "langs": sorted(c.langs),
                            "texts": c.texts,
                        }
                    ),
                ),
            )
            db.execute("DELETE FROM cluster_participants WHERE cluster_id = ?", (c.id,))
            db.executemany(
                "INSERT INTO cluster_participants (cluster_id, actor_id, role, hypothetical,"
                " day, day_end, first_reported) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (c.id, a, role, int(c.hypothetical), day, day_end, first)
                    for role, who in (("actor", c.actors), ("recipient", c.recipients - c.actors))
                    for a in who
                ],
            )
        db.executemany(
            "UPDATE events SET cluster_id = ?, link = ? WHERE id = ?",
            [(cid, _dump(why), ev) for ev, (cid, why) in assignments.items()],
        )

    def reset_links(self) -> None:
        """Forget every cluster, status and contradiction (they are rebuilt from the facts)."""
        for sql in (
            "DELETE FROM cluster_participants",
            "DELETE FROM event_clusters",
            "UPDATE events SET cluster_id = NULL, link = NULL",
            "DELETE FROM commitment_status",
            "DELETE FROM contradictions",
        ):
            self._db.execute(sql)

    # -- what commitment tracking and contradictions read -------------------------

    def commitment_rows(self) -> list[dict[str, Any]]:
        return [
            dict(r)
            for r in self._db.execute(
                "SELECT c.id, c.doc_id, c.actor_id, c.recipient_id, c.due_start, c.due_end,"
                " c.data, d.published, d.lang, a.country AS actor_country"
                " FROM commitments c JOIN documents d ON d.id = c.doc_id"
                " LEFT JOIN actors a ON a.id = c.actor_id ORDER BY d.published, c.id"
            )
        ]

    def sentences_with_actors(
        self, actor_ids: Sequence[str], countries: Sequence[str], *, since: str
    ) -> list[dict[str, Any]]:
        """Sentences of documents published on or after ``since`` that name one of the actors
        or an actor of one of the states, with the document's language and day."""
        if not actor_ids and not countries:
            return []
        rows = self._db.execute(
            'SELECT DISTINCT d.id AS doc_id, d.published, d.lang, s.idx, s.start, s."end",'
            ' substr(d.text, s.start + 1, s."end" - s.start) AS text'
            " FROM mentions m JOIN actors a ON a.id = m.actor_id"
            " JOIN documents d ON d.id = m.doc_id"
            ' JOIN sentences s ON s.doc_id = m.doc_id AND s.start <= m.start AND m.start < s."end"'
            f" WHERE (a.id IN ({marks(actor_ids)}) OR a.country IN ({marks(countries)}))"
            " AND d.published >= ?"
            " ORDER BY d.published, d.id, s.idx",
            (*actor_ids, *countries, since),
        )
        return [dict(r) for r in rows]

    def save_statuses(self, history: dict[str, list[dict[str, Any]]]) -> None:
        db = self._db
        db.execute("DELETE FROM commitment_status")
        for cid, changes in history.items():
            db.executemany(
                "INSERT INTO commitment_status (commitment_id, seq, status, date, fact_kind,"
                ' doc_id, start, "end", text, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
                [
                    (
                        cid,
                        k,
                        ch["status"],
                        ch.get("date"),
                        ch.get("fact_kind"),
                        ch.get("doc_id"),
                        ch.get("start"),
                        ch.get("end"),
                        ch.get("text"),
                        _dump(ch.get("reason") or {}),
                    )
                    for k, ch in enumerate(changes)
                ],
            )
            if changes:
                db.execute(
                    "UPDATE commitments SET status = ? WHERE id = ?", (changes[-1]["status"], cid)
                )

    def claim_rows(self) -> list[dict[str, Any]]:
        """Statements whose content asserts or denies an event, oldest first."""
        return [
            dict(r)
            for r in self._db.execute(
                "SELECT s.id, s.doc_id, s.speaker_id, s.data, d.published"
                " FROM statements s JOIN documents d ON d.id = s.doc_id"
                " WHERE s.data LIKE '%\"claims\"%' ORDER BY d.published, s.id"
            )
        ]

    def clusters_of(self, typ: str, participants: Sequence[str]) -> list[dict[str, Any]]:
        """Real (not hypothetical) clusters of a type with any of the participants or states."""
        if not participants:
            return []
        rows = self._db.execute(
            "SELECT c.* FROM event_clusters c WHERE c.type = ? AND c.hypothetical = 0"
            " AND c.id IN (SELECT p.cluster_id FROM cluster_participants p"
            " LEFT JOIN actors a ON a.id = p.actor_id"
            f" WHERE p.actor_id IN ({marks(participants)}) OR a.country IN ({marks(participants)}))"
            " ORDER BY COALESCE(c.date_start, c.first_reported)",
            (typ, *participants, *participants),
        )
        return [dict(r) for r in rows]

    def save_contradictions(self, found: list[dict[str, Any]]) -> None:
        self._db.execute("DELETE FROM contradictions")
        self._db.executemany(
            "INSERT INTO contradictions (id, kind, statement_id, statement_date,"
            " other_kind, other_id, other_date, days, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + _replace(
                "kind",
                "statement_id",
                "statement_date",
                "other_kind",
                "other_id",
                "other_date",
                "days",
                "data",
            ),
            [
                (
                    c["id"],
                    c["kind"],
                    c["statement_id"],
                    c["statement_date"],
                    c["other_kind"],
                    c["other_id"],
                    c["other_date"],
                    c["days"],
                    _dump(c),
                )
                for c in found
            ],
        )

    # -- views -------------------------------------------------------------------

    def latest_day(self) -> str | None:
        """The latest publication day in the database: the default 'now' of statuses."""
        row = self._db.execute(
            "SELECT MAX(published) FROM documents WHERE length(published) = 10"
        ).fetchone()
        return str(row[0]) if row and row[0] else None

    def data_version(self) -> object | None:
        """A value that changes whenever the database may have changed (by anyone), or None
        when this store cannot tell cheaply: what this connection may cache is keyed on it."""
        return None

    def actor_names(self, ids: Iterable[str]) -> dict[str, str]:
        """The names of the actors ``ids`` (unknown ids are left out); remembered by the
        connection until the database changes, when the store can tell."""
        wanted = set(ids)
        version = self.data_version()
        fresh = version is None or version != self._names_version
        known: dict[str, str | None] = {} if fresh else self._known_names
        missing = sorted(wanted.difference(known))
        if missing:
            found = {
                r[0]: r[1]
                for r in self._db.execute(
                    f"SELECT id, name FROM actors WHERE id IN ({marks(missing)})", missing
                )
            }
            known.update({a: found.get(a) for a in missing})
        if version is not None and len(known) <= NAMES_KEPT:
            self._known_names, self._names_version = known, version
        return {a: n for a in wanted if (n := known[a]) is not None}

    def find_actors(self, name: str) -> list[str]:
        """Actor ids whose id, name or alias is ``name`` (case-insensitive)."""
        key = name.strip().casefold()
        return [
            r[0]
            for r in self._db.execute(
                "SELECT id FROM actors WHERE lower(id) = ? OR lower(name) = ?"
                f" OR EXISTS (SELECT 1 FROM {self._sql.json_values('actors.aliases')}"
                " WHERE lower(value) = ?)",
                (key, key, key),
            )
        ]

    def timeline(
        self,
        *,
        actors: Sequence[str] = (),
        recipients: Sequence[str] = (),
        place: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        types: Sequence[str] = (),
        limit: int = 1000,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Happenings (not hypothetical) in date order, one row each; ``actors`` took part
        in any role, ``recipients`` were the target.

        With one actor the rows come in order from that actor's participant index (one row
        per happening an actor takes part in), otherwise from the happenings' day index."""
        one = len(actors) == 1
        o = "p" if one else "c"  # the table whose index gives the order
        sql = (
            "SELECT c.id, c.date_start, c.date_end, c.first_reported, c.type, pl.name,"
            " c.place_id, c.n_events, c.n_documents, c.data"
            + (
                " FROM cluster_participants p JOIN event_clusters c ON c.id = p.cluster_id"
                if one
                else " FROM event_clusters c"
            )
            + f" LEFT JOIN places pl ON pl.id = c.place_id WHERE {o}.hypothetical = 0"
        )
        params: list[Any] = []
        if one:
            sql += " AND p.actor_id = ?"
            params.append(actors[0])
        elif actors:
            sql += (
                " AND c.id IN (SELECT cluster_id FROM cluster_participants"
                f" WHERE actor_id IN ({marks(actors)}))"
            )
            params += list(actors)
        if recipients:
            sql += (
                " AND c.id IN (SELECT cluster_id FROM cluster_participants"
                f" WHERE role = 'recipient' AND actor_id IN ({marks(recipients)}))"
            )
            params += list(recipients)
        if place:
            sql += " AND c.place_id = ?"
            params.append(place)
        if date_from:  # from the earliest day a happening lasting until date_from began
            sql += f" AND {o}.day >= ? AND {o}.day_end >= ?"
            params += [self._earliest_reaching(date_from), date_from]
        if date_to:
            sql += f" AND {o}.day <= ?"
            params.append(date_to)
        if types:
            sql += f" AND c.type IN ({', '.join('?' * len(types))})"
            params += [t.upper() for t in types]
        sql += f" ORDER BY {o}.day, {o}.first_reported, {'p.cluster_id' if one else 'c.id'}"
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
        rows = [(*r[:9], orjson.loads(r[9])) for r in self._db.execute(sql, params)]
        names = self.actor_names(
            a for r in rows for key in ("actors", "recipients") for a in r[9][key]
        )
        out = []
        for hx, start, end, first, typ, place, place_id, n_events, n_docs, data in rows:
            out.append(
                {
                    "id": hx,
                    "date": start if start == end else (f"{start}..{end}" if start else None),
                    "first_reported": first,
                    "type": typ,
                    "actors": [names.get(a, a) for a in data["actors"]],
                    "recipients": [names.get(a, a) for a in data["recipients"]],
                    "actor_ids": data["actors"],
                    "recipient_ids": data["recipients"],
                    "place": place,
                    "place_id": place_id,
                    "reports": n_events,
                    "documents": n_docs,
                    "sources": data["sources"],
                    "langs": data["langs"],
                    "evidence": data["texts"][0] if data["texts"] else "",
                }
            )
        return out

    def _earliest_reaching(self, day: str) -> str:
        """The first day of the happenings that last until ``day`` or later: the few that
        span several days come from their own index, the others begin on ``day`` or later."""
        row = self._db.execute(
            "SELECT MIN(day) FROM event_clusters WHERE day_end > day AND day_end >= ?", (day,)
        ).fetchone()
        return min(day, row[0]) if row and row[0] else day

    def list_commitments(
        self,
        *,
        statuses: Sequence[str] = (),
        actor: str | None = None,
        due_from: str | None = None,
        due_to: str | None = None,
        limit: int = 1000,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        sql = (
            "SELECT c.id, c.actor_id, c.recipient_id, c.due_start, c.due_end, c.status, c.data,"
            " c.made AS published FROM commitments c WHERE 1 = 1"
        )
        params: list[Any] = []
        if statuses:
            sql += f" AND c.status IN ({', '.join('?' * len(statuses))})"
            params += list(statuses)
        if actor:
            sql += " AND (c.actor_id = ? OR c.recipient_id = ?)"
            params += [actor, actor]
        if due_from:
            sql += " AND c.due_end >= ?"
            params.append(due_from)
        if due_to:
            sql += " AND c.due_start <= ?"
            params.append(due_to)
        sql += " ORDER BY c.made, c.id LIMIT ? OFFSET ?"
        params += [limit, offset]
        rows = [dict(r) for r in self._db.execute(sql, params)]
        latest = self._latest_statuses([r["id"] for r in rows])
        names = self.actor_names(
            a for r in rows for a in (r["actor_id"], r["recipient_id"]) if a is not None
        )
        return [
            {
                "id": r["id"],
                "made": r["published"],
                "actor_id": r["actor_id"],
                "actor": names.get(r["actor_id"], r["actor_id"]),
                "recipient": names.get(r["recipient_id"], r["recipient_id"]),
                "content": orjson.loads(r["data"])["content"]["text"],
                "due": f"{r['due_start']}..{r['due_end']}" if r["due_start"] else None,
                "status": r["status"],
                "since": latest.get(r["id"], (None, None))[0],
                "evidence": latest.get(r["id"], (None, None))[1],
            }
            for r in rows
        ]

    def _latest_statuses(self, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """The date and evidence of each commitment's latest status change."""
        if not ids:
            return {}
        rows = self._db.execute(
            "SELECT commitment_id, date, text FROM commitment_status"
            f" WHERE commitment_id IN ({marks(ids)}) ORDER BY commitment_id, seq",
            list(ids),
        )
        return {r[0]: (r[1], r[2]) for r in rows}  # the last row of each id wins

    def list_contradictions(
        self, *, speaker: str | None = None, limit: int = 1000, offset: int = 0
    ) -> list[dict[str, Any]]:
        sql = "SELECT data FROM contradictions"
        params: list[Any] = []
        if speaker:
            sql += f" WHERE {self._sql.json_text('data', 'speaker')} = ?"
            params.append(speaker)
        sql += " ORDER BY statement_date, other_date, id LIMIT ? OFFSET ?"
        params += [limit, offset]
        rows = [orjson.loads(r["data"]) for r in self._db.execute(sql, params)]
        names = self.actor_names(r["speaker"] for r in rows if r.get("speaker"))
        return [
            {
                "id": r["id"],
                "kind": r["kind"],
                "said": r["statement_date"],
                "speaker_id": r["speaker"],
                "speaker": names.get(r["speaker"], r["speaker"]),
                "statement_id": r["statement_id"],
                "other_id": r["other_id"],
                "statement": r["statement"]["content"]["text"],
                "then": r["other_date"],
                "days": r["days"],
                "against": (r["other"].get("evidence") or [""])[0]
                if r["other_kind"] == "cluster"
                else r["other"]["evidence"]["text"],
            }
            for r in rows
        ]

    def explain(self, fact_id: str) -> dict[str, Any] | None:
        """The evidence chain behind a happening, an event, a commitment's status, a
        contradiction or a statement; ``None`` when no fact has that id."""
        db = self._db
        if fact_id.startswith("ev-"):
            row = db.execute("SELECT cluster_id FROM events WHERE id = ?", (fact_id,)).fetchone()
            if row is None:
                return None
            return self.explain(row[0]) if row[0] else {"event": fact_id, "cluster": None}
        if fact_id.startswith("hx-"):
            c = db.execute("SELECT * FROM event_clusters WHERE id = ?", (fact_id,)).fetchone()
            if c is None:
                return None
            reports = [
                {
                    "event": r["id"],
                    "document": r["doc_id"],
                    "published": r["published"],
                    "source": r["source"],
                    "lang": r["lang"],
                    "evidence": orjson.loads(r["data"])["evidence"],
                    "joined_because": orjson.loads(r["link"]) if r["link"] else None,
                }
                for r in db.execute(
                    "SELECT e.id, e.doc_id, e.data, e.link, d.published, d.source, d.lang"
                    " FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.cluster_id = ?"
                    " ORDER BY d.published, e.id",
                    (fact_id,),
                )
            ]
            return {
                "kind": "happening",
                **dict(c),
                "data": orjson.loads(c["data"]),
                "reports": reports,
            }
        if fact_id.startswith("cm-"):
            c = db.execute(
                "SELECT data, status FROM commitments WHERE id = ?", (fact_id,)
            ).fetchone()
            if c is None:
                return None
            history = [
                {**dict(r), "reason": orjson.loads(r["reason"])}
                for r in db.execute(
                    'SELECT status, date, fact_kind, doc_id, start, "end", text, reason'
                    " FROM commitment_status WHERE commitment_id = ? ORDER BY seq",
                    (fact_id,),
                )
            ]
            return {
                "kind": "commitment",
                "commitment": orjson.loads(c["data"]),
                "status": c["status"],
                "history": history,
            }
        if fact_id.startswith("cx-"):
            c = db.execute("SELECT data FROM contradictions WHERE id = ?", (fact_id,)).fetchone()
            return {"kind": "contradiction", **orjson.loads(c["data"])} if c else None
        if fact_id.startswith("st-"):
            s = db.execute("SELECT data FROM statements WHERE id = ?", (fact_id,)).fetchone()
            if s is None:
                return None
            against = [
                orjson.loads(r[0])
                for r in db.execute(
                    "SELECT data FROM contradictions WHERE statement_id = ? OR other_id = ?",
                    (fact_id, fact_id),
                )
            ]
            return {"kind": "statement", "statement": orjson.loads(s[0]), "contradictions": against}
        return None
