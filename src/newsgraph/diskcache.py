"""A small on-disk cache for data structures that take seconds to build (gazetteer, KB).

Entries live in ``$XDG_CACHE_HOME/newsgraph`` (``~/.cache/newsgraph``), named by
what they hold and a key that changes when their sources change.  A cache
that cannot be read or written is rebuilt silently: it only saves time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsgraph"


def fingerprint(*parts: object) -> str:
    return hashlib.sha256("\x00".join(map(str, parts)).encode()).hexdigest()[:16]


def cached(name: str, key: str, build: Callable[[], T], kind: type[T]) -> T:
    """The cached value of ``build()`` for ``key``, built and stored when missing."""
    path = cache_dir() / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as f:
            value = pickle.load(f)
        if isinstance(value, kind):
            return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        for stale in path.parent.glob(f"{name}-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: build again next time
    return value
