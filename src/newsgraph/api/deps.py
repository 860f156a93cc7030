"""What every request of the API and the web UI gets: a connection borrowed from a pool."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

import anyio
from fastapi import Depends, Request

from newsgraph.store import SQLStore, open_store


class Stores:
    """A pool of at most ``size`` connections: each request borrows one and gives it back.

    A request waits for a free connection in the event loop, in arrival order, before it
    takes a worker thread: waiting never holds a thread, so the requests holding the
    connections always find a thread to finish on, however many arrive at once.  More
    connections than cores only make requests compete (and each connection has its own
    cache to warm), so the pool stays small."""

    def __init__(self, location: str, *, size: int = 4) -> None:
        self.location = location
        self._idle: list[SQLStore] = []  # the warmest one last
        self._turns = anyio.Semaphore(size)  # first come, first served
        self._lock = threading.Lock()
        self.write_lock = threading.Lock()

    def _take(self) -> SQLStore:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return open_store(self.location, shared=True)

    def _give(self, store: SQLStore) -> None:
        with self._lock:
            self._idle.append(store)

    @asynccontextmanager
    async def borrow(self) -> AsyncIterator[SQLStore]:
        async with self._turns:
            store = self._take()
            try:
                yield store
            finally:
                self._give(store)


async def request_store(request: Request) -> AsyncIterator[SQLStore]:
    stores: Stores = request.app.state.stores
    async with stores.borrow() as store:
        yield store


Store = Annotated[SQLStore, Depends(request_store)]
