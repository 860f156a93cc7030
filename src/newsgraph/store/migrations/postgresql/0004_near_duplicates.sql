-- Near-duplicates: every stored document's MinHash signature (NULL when too short to compare)
-- and its LSH band keys, so the index survives across runs; a near-duplicate input is kept in
-- document_sources, pointing to the original, with the estimated Jaccard similarity.

CREATE TABLE near_duplicate_signatures (
    doc_id     TEXT COLLATE "C" PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    signature  BYTEA                                 -- NUM_PERM uint32 MinHash values
);

CREATE TABLE near_duplicate_bands (
    band_key  BIGINT NOT NULL,                       -- hash of (band number, band values)
    doc_id    TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, doc_id)
);
CREATE INDEX near_duplicate_bands_doc ON near_duplicate_bands(doc_id);

ALTER TABLE document_sources ADD COLUMN similarity DOUBLE PRECISION;   -- set for near-duplicates
