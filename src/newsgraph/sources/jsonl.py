"""JSON Lines: one article a line, with url, title, text and optional published, lang."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from functools import partial

from newsgraph.model import RawRecord, Rejection

_STRING_FIELDS = ("url", "title", "published", "lang", "path")


def _reject(
    ref: str, sha: str, line: bytes, code: str, reason: str, *, keep: bool = True
) -> Rejection:
    return Rejection(ref, "parse", code, reason, sha, line if keep else None)


def read_jsonl(
    lines: Iterable[bytes], *, ref: str, path: str | None, max_record_bytes: int
) -> Iterator[RawRecord | Rejection]:
    """Yield one record (or rejection) per non-blank line of ``lines``."""
    for number, line in enumerate(lines, start=1):
        line_ref = f"{ref}#L{number}"
        if not line.strip():
            continue
        sha = hashlib.sha256(line).hexdigest()
        reject = partial(_reject, line_ref, sha, line)
        if len(line) > max_record_bytes:
            yield reject(
                "too_large",
                f"line {number} is {len(line):,} bytes, over the limit of "
                f"{max_record_bytes:,}; raise it with --max-record-bytes",
                keep=False,
            )
            continue
        try:
            obj = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError:
            yield reject("invalid_utf8", f"line {number} is not UTF-8; JSON Lines must be UTF-8")
            continue
        except json.JSONDecodeError as exc:
            yield reject(
                "invalid_json",
                f"line {number} is not valid JSON ({exc.msg} at column {exc.colno}); "
                "fix or remove the line (a truncated last line is the usual cause)",
            )
            continue
        if not isinstance(obj, dict):
            yield reject("invalid_json", f"line {number} is JSON but not an object")
            continue
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            yield reject(
                "no_body",
                f'line {number} has no article text: give each object a non-empty "text" field',
            )
            continue
        fields = {k: obj[k] for k in _STRING_FIELDS if isinstance(obj.get(k), str) and obj[k]}
        yield RawRecord(
            input_ref=line_ref,
            text=text,
            format="jsonl",
            raw_sha256=sha,
            path=fields.get("path", path),
            url=fields.get("url"),
            title=fields.get("title"),
            published=fields.get("published"),
            lang=fields.get("lang"),
        )
