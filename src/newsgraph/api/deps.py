"""What every request of the API and the web UI gets: a connection borrowed from a pool."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request

from newsgraph.store import SQLiteStore


class Stores:
    """A pool of connections: each request borrows one and gives it back, whatever thread
    FastAPI runs it in."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._idle: queue.SimpleQueue[SQLiteStore] = queue.SimpleQueue()
        self.write_lock = threading.Lock()

    @contextmanager
    def borrow(self) -> Iterator[SQLiteStore]:
        try:
            store = self._idle.get_nowait()
        except queue.Empty:
            store = SQLiteStore(self.path, shared=True)
        try:
            yield store
        finally:
            self._idle.put(store)


def request_store(request: Request) -> Iterator[SQLiteStore]:
    stores: Stores = request.app.state.stores
    with stores.borrow() as store:
        yield store


Store = Annotated[SQLiteStore, Depends(request_store)]
