-- newsgraph schema, version 1: documents, their sources and sentences, facts
-- with evidence, the quarantine and the log of runs.

CREATE TABLE runs (
    id            INTEGER PRIMARY KEY,
    command       TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    finished_at   TEXT,
    status        TEXT NOT NULL DEFAULT 'running',   -- running, completed, failed
    options       TEXT NOT NULL DEFAULT '{}',        -- JSON
    versions      TEXT NOT NULL DEFAULT '{}',        -- JSON: extractor and component versions
    counts        TEXT NOT NULL DEFAULT '{}'         -- JSON: stored, duplicate, quarantined, ...
);

CREATE TABLE documents (
    rowid               INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,        -- sha256:<hex of the cleaned text>
    url                 TEXT,
    path                TEXT,
    source              TEXT,
    lang                TEXT NOT NULL,
    lang_confidence     REAL,
    published           TEXT,                        -- YYYY-MM-DD, YYYY-MM or YYYY
    published_precision TEXT,
    published_from      TEXT,
    title               TEXT,
    text                TEXT NOT NULL,
    offset_map          TEXT,                        -- JSON, cleaned text -> raw input
    raw                 BLOB,                        -- zlib-compressed raw input text
    raw_sha256          TEXT,
    input_ref           TEXT,
    extractor_version   TEXT NOT NULL,
    run_id              INTEGER REFERENCES runs(id),
    ingested_at         TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_url ON documents(url);
CREATE INDEX documents_lang ON documents(lang);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

-- every input record that produced (or duplicated) a document
CREATE TABLE document_sources (
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    input_ref   TEXT NOT NULL,
    url         TEXT,
    raw_sha256  TEXT,
    first_seen  TEXT NOT NULL,
    run_id      INTEGER REFERENCES runs(id),
    PRIMARY KEY (doc_id, input_ref)
) WITHOUT ROWID;
CREATE INDEX document_sources_ref ON document_sources(input_ref);

CREATE TABLE sentences (
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;

CREATE TABLE actors (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    type     TEXT NOT NULL,                          -- PER, ORG, GPE
    country  TEXT,
    roles    TEXT NOT NULL DEFAULT '[]',             -- JSON
    aliases  TEXT NOT NULL DEFAULT '[]'              -- JSON
);

CREATE TABLE mentions (
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    actor_id  TEXT NOT NULL REFERENCES actors(id),
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (doc_id, start, "end", actor_id)
) WITHOUT ROWID;
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE TABLE places (
    id       TEXT PRIMARY KEY,                       -- geonames:<id> or a local id
    name     TEXT NOT NULL,
    country  TEXT,
    lat      REAL,
    lon      REAL
);

CREATE TABLE place_mentions (
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    place_id  TEXT NOT NULL REFERENCES places(id),
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (doc_id, start, "end", place_id)
) WITHOUT ROWID;
CREATE INDEX place_mentions_place ON place_mentions(place_id);

CREATE TABLE times (
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text    TEXT NOT NULL,
    type    TEXT NOT NULL,                           -- TIMEX3: DATE, TIME, DURATION, SET
    value   TEXT,                                    -- JSON: a string or {start, end}
    PRIMARY KEY (doc_id, start, "end")
) WITHOUT ROWID;

-- facts: the indexed columns for queries plus the whole fact as JSON
CREATE TABLE events (
    id                 TEXT PRIMARY KEY,
    doc_id             TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    type               TEXT NOT NULL,
    mode               TEXT,
    place_id           TEXT,
    date_start         TEXT,
    date_end           TEXT,
    negated            INTEGER NOT NULL DEFAULT 0,
    confidence         REAL,
    data               TEXT NOT NULL,
    extractor_version  TEXT NOT NULL,
    run_id             INTEGER REFERENCES runs(id)
);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_type_date ON events(type, date_start);

CREATE TABLE event_participants (
    event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor_id  TEXT NOT NULL,
    role      TEXT NOT NULL,                         -- actor, recipient
    PRIMARY KEY (event_id, actor_id, role)
) WITHOUT ROWID;
CREATE INDEX event_participants_actor ON event_participants(actor_id);

CREATE TABLE statements (
    id                 TEXT PRIMARY KEY,
    doc_id             TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    speaker_id         TEXT,
    mode               TEXT NOT NULL,
    data               TEXT NOT NULL,
    extractor_version  TEXT NOT NULL,
    run_id             INTEGER REFERENCES runs(id)
);
CREATE INDEX statements_doc ON statements(doc_id);
CREATE INDEX statements_speaker ON statements(speaker_id);

CREATE TABLE commitments (
    id                 TEXT PRIMARY KEY,
    doc_id             TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    actor_id           TEXT,
    recipient_id       TEXT,
    due_start          TEXT,
    due_end            TEXT,
    status             TEXT,
    data               TEXT NOT NULL,
    extractor_version  TEXT NOT NULL,
    run_id             INTEGER REFERENCES runs(id)
);
CREATE INDEX commitments_doc ON commitments(doc_id);
CREATE INDEX commitments_actor ON commitments(actor_id);
CREATE INDEX commitments_due ON commitments(due_start);

-- every evidence span of every fact (an event may have several)
CREATE TABLE evidence (
    fact_id    TEXT NOT NULL,
    fact_kind  TEXT NOT NULL,                        -- event, statement, commitment
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (fact_id, doc_id, start, "end")
) WITHOUT ROWID;
CREATE INDEX evidence_doc ON evidence(doc_id);

CREATE TABLE quarantine (
    id          INTEGER PRIMARY KEY,
    input_ref   TEXT NOT NULL,
    raw_sha256  TEXT NOT NULL DEFAULT '',
    stage       TEXT NOT NULL,                       -- read, decode, parse, clean, extract
    code        TEXT NOT NULL,                       -- empty, binary, too_large, ...
    reason      TEXT NOT NULL,
    raw         BLOB,                                -- the raw bytes when small enough
    first_seen  TEXT NOT NULL,
    last_seen   TEXT NOT NULL,
    run_id      INTEGER REFERENCES runs(id),
    UNIQUE (input_ref, raw_sha256, stage, code)
);
CREATE INDEX quarantine_code ON quarantine(code);
