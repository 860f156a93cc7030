"""Where an export writes (a path or an open stream) and how it reports progress."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

#: Called once per record written, with the name of what it belongs to ("events", …).
Progress = Callable[[str], None]
Target = str | Path | TextIO


def no_progress(kind: str) -> None:
    """The default: report nothing."""


@contextmanager
def text_output(out: Target, *, newline: str | None = None) -> Iterator[TextIO]:
    """``out`` itself when it is a stream, else the file at that path (UTF-8, parents made)."""
    if isinstance(out, str | Path):
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline=newline) as stream:
            yield stream
    else:
        yield out
