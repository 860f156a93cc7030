"""The near-duplicate index in the database: signatures and LSH band keys of stored documents."""

from __future__ import annotations

from newsgraph.near_duplicates import (
    THRESHOLD,
    Signature,
    normalized_words,
    shingles,
    signature_of,
)
from newsgraph.store.dialect import Connection, marks

#: Candidates whose MinHash estimate is this close to the threshold are checked exactly.
ESTIMATE_MARGIN = 0.15


def find_original(db: Connection, signature: Signature, text: str) -> tuple[str, float] | None:
    """The stored document ``text`` most resembles (Jaccard similarity of the shingles at
    least ``THRESHOLD``), with that similarity; the earliest stored one on a tie.

    LSH bands find the candidates, the MinHash estimate screens them and the similarity
    is computed exactly on the few left (estimates of short texts are rough)."""
    keys = signature.band_keys()
    rows = db.execute(
        "SELECT s.doc_id, s.signature, d.text FROM near_duplicate_signatures s"
        " JOIN documents d ON d.id = s.doc_id"
        " WHERE s.doc_id IN (SELECT doc_id FROM near_duplicate_bands"
        f" WHERE band_key IN ({marks(keys)}))"
        " ORDER BY d.rowid",
        keys,
    ).fetchall()
    best: tuple[str, float] | None = None
    mine: set[bytes] | None = None
    for doc_id, blob, stored_text in rows:
        if signature.jaccard(Signature(bytes(blob))) < THRESHOLD - ESTIMATE_MARGIN:
            continue
        mine = mine if mine is not None else shingles(normalized_words(text))
        theirs = shingles(normalized_words(stored_text))
        score = round(len(mine & theirs) / len(mine | theirs), 4)
        if score >= THRESHOLD and (best is None or score > best[1]):
            best = (str(doc_id), score)
    return best


def index_document(db: Connection, doc_id: str, signature: Signature | None) -> None:
    """Record a stored document's signature (or that it has none) and its band keys."""
    db.execute(
        "INSERT INTO near_duplicate_signatures (doc_id, signature) VALUES (?, ?)"
        " ON CONFLICT DO NOTHING",
        (doc_id, signature.values if signature else None),
    )
    if signature is not None:
        db.executemany(
            "INSERT INTO near_duplicate_bands (band_key, doc_id) VALUES (?, ?)"
            " ON CONFLICT DO NOTHING",
            [(key, doc_id) for key in signature.band_keys()],
        )


def backfill(db: Connection) -> int:
    """Index documents stored before the index existed; how many were indexed."""
    rows = db.execute(
        "SELECT id, text FROM documents WHERE id NOT IN"
        " (SELECT doc_id FROM near_duplicate_signatures) ORDER BY rowid"
    ).fetchall()
    for doc_id, text in rows:
        index_document(db, doc_id, signature_of(text))
    return len(rows)
