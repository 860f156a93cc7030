"""The source of a document: the host of its URL, without ``www.``."""

from __future__ import annotations

from urllib.parse import urlsplit


def source_of(url: str | None) -> str | None:
    """``https://www.example.com/a`` → ``example.com``; ``None`` without a host."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host
