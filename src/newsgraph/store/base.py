"""What every store offers, whatever the database behind it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from newsgraph.model import ExtractionResult, Rejection
from newsgraph.near_duplicates import Signature

Outcome = Literal["stored", "duplicate", "near_duplicate", "quarantined"]


@dataclass(frozen=True, slots=True)
class StoreItem:
    """One processed input record on its way to the database.

    ``signature`` is the document's near-duplicate signature when the caller computed it
    (in a worker); the store computes it otherwise.
    """

    result: ExtractionResult | Rejection
    raw_text: str | None = None
    raw_sha256: str | None = None
    signature: Signature | None = None


class Store(Protocol):
    """The interface the ingest service, CLI and API use (SQLite or PostgreSQL)."""

    dialect: str

    def close(self) -> None: ...

    def start_run(
        self, *, command: str, options: dict[str, Any], versions: dict[str, str]
    ) -> int: ...

    def finish_run(self, run_id: int, *, counts: dict[str, int], status: str) -> None: ...

    def write_batch(self, items: Sequence[StoreItem], *, run_id: int | None) -> list[Outcome]: ...

    def index_near_duplicates(self) -> int: ...

    def find_document(self, ref: str) -> str: ...

    def load_result(self, doc_id: str) -> ExtractionResult: ...

    def list_documents(
        self, *, limit: int = 100, offset: int = 0, lang: str | None = None
    ) -> list[dict[str, Any]]: ...

    def search_documents(
        self, query: str, *, limit: int = 20, offset: int = 0
    ) -> list[dict[str, Any]]: ...

    def list_quarantine(self, *, limit: int = 100) -> list[dict[str, Any]]: ...

    def stats(self) -> dict[str, Any]: ...
