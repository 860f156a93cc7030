"""What every request of the API and the web UI gets: a connection borrowed from a pool."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

from fastapi import Depends, Request

from newsgraph.store import SQLStore, open_store


class Stores:
    """A pool of connections: each request borrows one and gives it back, whatever thread
    FastAPI runs it in."""

    def __init__(self, location: str) -> None:
        self.location = location
        self._idle: queue.SimpleQueue[SQLStore] = queue.SimpleQueue()
        self.write_lock = threading.Lock()

    @contextmanager
    def borrow(self) -> Iterator[SQLStore]:
        try:
            store = self._idle.get_nowait()
        except queue.Empty:
            store = open_store(self.location, shared=True)
        try:
            yield store
        finally:
            self._idle.put(store)


def request_store(request: Request) -> Iterator[SQLStore]:
    stores: Stores = request.app.state.stores
    with stores.borrow() as store:
        yield store


Store = Annotated[SQLStore, Depends(request_store)]
