"""JSON Lines: the fact contract, one document per line (as ``newsgraph extract`` prints
it), or the linked layer: happenings, commitments with their status history, contradictions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Literal

from newsgraph.export.happenings import load_happenings
from newsgraph.export.output import Progress, Target, no_progress, text_output
from newsgraph.store import SQLStore

JsonlWhat = Literal["documents", "happenings", "commitments", "contradictions"]
JSONL_WHAT: tuple[JsonlWhat, ...] = ("documents", "happenings", "commitments", "contradictions")


def write_jsonl(
    store: SQLStore,
    out: Target,
    *,
    what: JsonlWhat = "documents",
    progress: Progress = no_progress,
) -> int:
    """Write ``what`` to ``out`` as JSON Lines; the number of lines."""
    count = 0
    with text_output(out, newline="\n") as stream:
        for obj in _records(store, what):
            stream.write(json.dumps(obj, ensure_ascii=False, sort_keys=False) + "\n")
            count += 1
            progress(what)
    return count


def _records(store: SQLStore, what: JsonlWhat) -> Iterator[dict[str, Any]]:
    if what == "documents":
        statuses = store.commitment_statuses()
        for doc_id in store.document_ids():
            obj = store.load_result(doc_id).to_dict()
            for commitment in obj["commitments"]:
                if commitment["id"] in statuses:  # tracked since extraction
                    commitment["status"] = statuses[commitment["id"]]
            yield obj
    elif what == "happenings":
        yield from (h.to_dict() for h in load_happenings(store))
    elif what == "commitments":
        for r in store.commitment_export_rows():
            yield {
                **r["data"],
                "doc_id": r["doc_id"],
                "status": r["status"],
                "history": r["history"],
            }
    else:
        yield from store.contradiction_rows()
