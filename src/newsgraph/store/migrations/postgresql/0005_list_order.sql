-- Lists read in date order from an index instead of sorting every row that matches.
-- Timelines: the day a happening is placed on (its stated date, else its first report) is a
-- column of event_clusters and, with what a timeline filters on, of each participant row.
-- The commitments board: the day a commitment was made (its article's date) is a column.

ALTER TABLE event_clusters ADD COLUMN day TEXT;        -- COALESCE(date_start, first_reported)
ALTER TABLE event_clusters ADD COLUMN day_end TEXT;    -- COALESCE(date_end, first_reported)
UPDATE event_clusters SET day = COALESCE(date_start, first_reported),
                          day_end = COALESCE(date_end, first_reported);
CREATE INDEX event_clusters_day ON event_clusters(hypothetical, day, first_reported, id);

ALTER TABLE cluster_participants ADD COLUMN hypothetical INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cluster_participants ADD COLUMN day TEXT;
ALTER TABLE cluster_participants ADD COLUMN day_end TEXT;
ALTER TABLE cluster_participants ADD COLUMN first_reported TEXT;
UPDATE cluster_participants SET (hypothetical, day, day_end, first_reported) =
    (SELECT c.hypothetical, c.day, c.day_end, c.first_reported
     FROM event_clusters c WHERE c.id = cluster_participants.cluster_id);
DROP INDEX cluster_participants_actor;
CREATE INDEX cluster_participants_timeline
    ON cluster_participants(actor_id, hypothetical, day, first_reported, cluster_id);

ALTER TABLE commitments ADD COLUMN made TEXT;           -- the document's published date
UPDATE commitments SET made = (SELECT d.published FROM documents d WHERE d.id = commitments.doc_id);
DROP INDEX commitments_status;
CREATE INDEX commitments_board ON commitments(status, made, id);
CREATE INDEX commitments_made ON commitments(made, id);
