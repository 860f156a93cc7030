-- The linking layer: happenings (clusters of events from many reports), commitment status
-- history and contradictions.  All of it can be rebuilt from the extracted facts
-- ('newsgraph link DB --rebuild').

CREATE TABLE event_clusters (
    id              TEXT PRIMARY KEY,               -- hx-<hash of its first event>
    type            TEXT NOT NULL,
    hypothetical    INTEGER NOT NULL DEFAULT 0,
    date_start      TEXT,                            -- the date the reports state, if any
    date_end        TEXT,
    first_reported  TEXT,
    last_reported   TEXT,
    place_id        TEXT,
    n_events        INTEGER NOT NULL,
    n_documents     INTEGER NOT NULL,
    n_sources       INTEGER NOT NULL,
    data            TEXT NOT NULL                    -- JSON: participants, countries, langs, ...
);
CREATE INDEX event_clusters_date ON event_clusters(date_start, first_reported);
CREATE INDEX event_clusters_type ON event_clusters(type);

CREATE TABLE cluster_participants (
    cluster_id  TEXT NOT NULL REFERENCES event_clusters(id) ON DELETE CASCADE,
    actor_id    TEXT NOT NULL,
    role        TEXT NOT NULL,                       -- actor, recipient
    PRIMARY KEY (cluster_id, actor_id, role)
);
CREATE INDEX cluster_participants_actor ON cluster_participants(actor_id);

ALTER TABLE events ADD COLUMN cluster_id TEXT;
ALTER TABLE events ADD COLUMN link TEXT;             -- JSON: why the event joined its cluster
CREATE INDEX events_cluster ON events(cluster_id);

CREATE TABLE commitment_status (
    commitment_id  TEXT NOT NULL REFERENCES commitments(id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    status         TEXT NOT NULL,                    -- pending, due, overdue, kept, broken, cancelled
    date           TEXT,
    fact_kind      TEXT,                             -- commitment, sentence (evidence of the change)
    doc_id         TEXT,
    start          INTEGER,
    "end"          INTEGER,
    text           TEXT,
    reason         TEXT NOT NULL DEFAULT '{}',        -- JSON: why (matched actor, cue, similarity)
    PRIMARY KEY (commitment_id, seq)
);

CREATE TABLE contradictions (
    id             TEXT PRIMARY KEY,
    kind           TEXT NOT NULL,                    -- denial_then_event, claim_then_denial
    statement_id   TEXT NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
    statement_date TEXT,
    other_kind     TEXT NOT NULL,                    -- cluster, statement
    other_id       TEXT NOT NULL,
    other_date     TEXT,
    days           INTEGER,
    data           TEXT NOT NULL                     -- JSON: the claim, both evidences, why
);
CREATE INDEX contradictions_statement ON contradictions(statement_id);

CREATE INDEX commitments_status ON commitments(status);
