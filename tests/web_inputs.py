"""Real web inputs written by the tests: HTML pages, WARC archives (warcio's writer), feeds."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PARAGRAPHS_EN = (
    "The foreign ministers of Russia and the United States met in Geneva on Friday to "
    "discuss the crisis around Ukraine and the security guarantees Moscow has demanded.",
    "Sergey Lavrov said after the talks that Russia had no intention of attacking Ukraine, "
    "and that the meeting had been useful even though no breakthrough was reached.",
    "Antony Blinken promised a written answer to the Russian proposals next week, and said "
    "that the United States remained ready to continue the dialogue with its allies.",
)
PARAGRAPHS_IT = (
    "Il ministro degli Esteri russo Sergej Lavrov ha incontrato a Ginevra il segretario di "
    "Stato americano Antony Blinken per discutere della crisi ucraina e delle garanzie.",
    "Lavrov ha affermato che la Russia non ha alcuna intenzione di attaccare l'Ucraina e "
    "che il colloquio è stato utile, anche se non si è arrivati a una svolta decisiva.",
    "Blinken ha promesso una risposta scritta alle proposte russe la prossima settimana, "
    "dopo le consultazioni con gli alleati della NATO e con i partner europei.",
)


def article_html(
    title: str,
    paragraphs: tuple[str, ...] = PARAGRAPHS_EN,
    *,
    lang: str = "en",
    date: str = "2022-01-21",
    author: str = "Jane Reporter",
    charset: str = "utf-8",
) -> str:
    """A news page with navigation, the article and a footer."""
    body = "\n".join(f"      <p>{p}</p>" for p in paragraphs)
    links = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(8))
    return f"""<!DOCTYPE html>
<html lang="{lang}">
  <head>
    <meta charset="{charset}">
    <title>{title} | Example News</title>
    <meta property="article:published_time" content="{date}T10:00:00Z">
    <meta name="author" content="{author}">
  </head>
  <body>
    <nav><ul>{links}</ul></nav>
    <article>
      <h1>{title}</h1>
{body}
    </article>
    <footer><p>Copyright Example News. All rights reserved. Contact us.</p></footer>
  </body>
</html>
"""


def http_response(
    html: bytes, *, content_type: str = "text/html; charset=utf-8"
) -> StatusAndHeaders:
    return StatusAndHeaders(
        "200 OK", [("Content-Type", content_type), ("Content-Length", str(len(html)))], "HTTP/1.1"
    )


def write_warc(
    path: Path, pages: list[tuple[str, bytes]], *, gzip: bool, extras: bool = True
) -> None:
    """A crawl: per page a request and its response, plus a metadata and a 404 record."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for url, html in pages:
            request = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True
            )
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(html),
                    http_headers=http_response(html),
                    warc_headers_dict={"WARC-Date": "2022-01-22T08:00:00Z"},
                )
            )
        if extras:
            writer.write_record(
                writer.create_warc_record(
                    "metadata://crawl", "metadata", payload=io.BytesIO(b"via: test"),
                    warc_content_type="application/warc-fields",
                )
            )  # fmt: skip
            missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], "HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    "https://example.org/missing", "response", payload=io.BytesIO(b"gone"),
                    http_headers=missing,
                )
            )  # fmt: skip
            image = b"\x89PNG\r\n\x1a\n" + bytes(100)
            writer.write_record(
                writer.create_warc_record(
                    "https://example.org/logo.png", "response", payload=io.BytesIO(image),
                    http_headers=http_response(image, content_type="image/png"),
                )
            )  # fmt: skip


class Zeros(io.RawIOBase):
    """``size`` zero bytes, produced on demand (never held in memory)."""

    def __init__(self, size: int) -> None:
        self.left = size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        n = min(len(buffer), self.left)
        buffer[:n] = bytes(n)
        self.left -= n
        return n


def gzip_bomb_member(size: int) -> bytes:
    """One gzip member: a WARC response whose page is ``size`` zero bytes (a few KiB packed)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html"), ("Content-Length", str(size))], "HTTP/1.1"
    )
    record = writer.create_warc_record(
        "https://example.org/bomb", "response", payload=Zeros(size), length=None,
        http_headers=headers,
    )  # fmt: skip
    writer.write_record(record)
    return out.getvalue()


def rss_feed(items: list[tuple[str, str, str]], *, broken: bool = False) -> bytes:
    """An RSS 2.0 feed of (title, link, HTML content) items; ``broken`` cuts it mid-item."""
    entries = "".join(
        f"""<item><title>{title}</title><link>{link}</link>
<pubDate>Fri, 21 Jan 2022 10:00:00 GMT</pubDate><author>desk@example.org (News Desk)</author>
<description><![CDATA[{html}]]></description></item>
"""
        for title, link, html in items
    )
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example News</title><link>https://example.org/</link>
<description>World news</description>
{entries}</channel></rss>
"""
    if broken:
        xml = xml[: xml.rindex("<item>") + 40]
    return xml.encode()


def atom_feed(items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"""<entry><title>{title}</title><link href="{link}"/><id>{link}</id>
<updated>2022-01-21T10:00:00Z</updated><published>2022-01-21T09:00:00Z</published>
<content type="html">{_escape(html)}</content></entry>
"""
        for title, link, html in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title><id>urn:x</id>
<updated>2022-01-21T10:00:00Z</updated>
{entries}</feed>
""".encode()


def _escape(html: str) -> str:
    return html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def truncate(data: bytes, fraction: float) -> bytes:
    return data[: int(len(data) * fraction)]


def deflate_check(member: bytes) -> int:
    """How many bytes a gzip member expands to (for the tests' own sanity checks)."""
    inflater = zlib.decompressobj(wbits=31)
    size = 0
    chunk = member
    while chunk:
        size += len(inflater.decompress(chunk, 1 << 20))
        chunk = inflater.unconsumed_tail
    return size
