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
    """A pool of at most ``size`` connections: each request borrows one and gives it back,
    whatever thread FastAPI runs it in; when all are busy a request waits for one.

    More connections than cores only make requests compete (and each connection has its
    own cache to warm), so the pool stays small even when many requests arrive at once."""

    def __init__(self, location: str, *, size: int = 4) -> None:
        self.location = location
        self._idle: queue.LifoQueue[SQLStore] = queue.LifoQueue()  # the warmest one first
        self._free = threading.BoundedSemaphore(size)
        self.write_lock = threading.Lock()

    @contextmanager
    def borrow(self) -> Iterator[SQLStore]:
        with self._free:
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
