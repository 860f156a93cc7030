"""Running the app: one server process, or several on the same port.

With several processes each one listens on its own socket bound to the port with
``SO_REUSEPORT``, so the kernel spreads new connections evenly over them.  (With one socket
shared by all, the first process to wake accepts a whole burst of connections — kept alive,
they stay there: one process does most of the work while the other idles.)  A process that
dies is restarted; one that dies before it listens stops the server with its exit code.

Each of several processes answers one request at a time, in order of arrival: the cores
work in parallel through the processes, while threads of one process would only take
turns at Python's interpreter lock.  Every Python object a process holds once started is
frozen out of garbage collection.  (Both measured with bench/api_bench.py: an actor's
timeline on 2 cores, 50 clients, 332 → 404–434 answers a second, p99 326 → 185 ms.)
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import signal
import socket
import threading
from multiprocessing.process import BaseProcess
from multiprocessing.synchronize import Event
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from newsgraph.errors import ConfigError

if TYPE_CHECKING:
    from fastapi import FastAPI

log = logging.getLogger(__name__)

#: A stuck request cannot keep a stopping server up longer than this (seconds).
GRACE = 10


def serve(
    db: str | Path, *, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
    workers: int = 1, app: FastAPI | None = None,
) -> None:  # fmt: skip
    """Serve the API and web UI over ``db`` until interrupted (SIGINT/SIGTERM); ``app``
    is the one already made for ``db`` and ``token``, if any (one process only)."""
    if workers == 1:
        import uvicorn

        from newsgraph.api.app import create_app

        app = app or create_app(db, token=token)
        gc.freeze()  # what the app holds for good is never scanned again by the collector
        uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=GRACE)
        return
    if not hasattr(socket, "SO_REUSEPORT"):
        raise ConfigError("several server processes need SO_REUSEPORT (Linux); use --workers 1")
    _socket(host, port, shared=False).close()  # nobody listens there: a clear error, now
    _Supervisor(str(db), host=host, port=port, token=token, workers=workers).run()


def _socket(host: str, port: int, *, shared: bool = True) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if shared:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ConfigError(
            f"cannot listen on {host}:{port} ({exc.strerror}); choose another --port "
            "or stop what uses it"
        ) from None
    return sock


def _worker(db: str, host: str, port: int, token: str | None, listening: Event) -> None:
    """One server process: its own listening socket on the shared port."""
    import uvicorn

    from newsgraph.api.app import create_app

    sock = _socket(host, port)
    sock.listen(2048)
    app = create_app(db, token=token, connections=1)  # processes, not threads, in parallel
    config = uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=GRACE)
    gc.freeze()
    listening.set()
    uvicorn.Server(config).run(sockets=[sock])


class _Supervisor:
    def __init__(self, db: str, *, host: str, port: int, token: str | None, workers: int) -> None:
        self._args = (db, host, port, token)
        self._workers = workers
        self._stop = threading.Event()
        self._context = multiprocessing.get_context("spawn")

    def _start(self) -> tuple[BaseProcess, Event]:
        listening = self._context.Event()
        process = self._context.Process(target=_worker, args=(*self._args, listening))
        process.start()
        return process, listening

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self._stop.set()

    def run(self) -> None:
        previous = {s: signal.signal(s, self._on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
        running = [self._start() for _ in range(self._workers)]
        failed: str | None = None
        try:
            while not self._stop.wait(0.5):
                for k, (process, listening) in enumerate(running):
                    if process.is_alive():
                        continue
                    code = process.exitcode
                    if not listening.is_set():
                        failed = f"a server process exited as it started (exit code {code})"
                        self._stop.set()
                        break
                    log.warning("server process %s exited (code %s); restarting", k, code)
                    running[k] = self._start()
        finally:
            for process, _ in running:
                if process.is_alive():
                    process.terminate()  # uvicorn finishes its requests, then exits
            for process, _ in running:
                process.join(GRACE + 5)
                if process.is_alive():
                    process.kill()
                    process.join()
            for s, handler in previous.items():
                signal.signal(s, handler)
        if failed:
            raise ConfigError(f"{failed}; run with --workers 1 to see why")
