"""RSS and Atom feeds: one record per item, broken XML, empty feeds."""

from __future__ import annotations

from pathlib import Path

from newsgraph.model import RawRecord, Rejection
from newsgraph.sources import ReadOptions, read_inputs

from .web_inputs import PARAGRAPHS_EN, atom_feed, rss_feed

ITEMS = [
    (
        f"Story {i}",
        f"https://example.org/2022/01/21/story-{i}",
        f"<p>{p}</p><p>More &amp; more.</p>",
    )
    for i, p in enumerate(PARAGRAPHS_EN)
]


def read(path: Path) -> list[object]:
    return list(read_inputs([path], options=ReadOptions()))


def test_rss_items(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    path.write_bytes(rss_feed(ITEMS))
    records = read(path)
    assert all(isinstance(r, RawRecord) for r in records) and len(records) == 3
    first = records[0]
    assert isinstance(first, RawRecord)
    assert (first.format, first.title, first.url, first.published) == (
        "rss",
        "Story 0",
        "https://example.org/2022/01/21/story-0",
        "2022-01-21",
    )
    assert first.text == f"{PARAGRAPHS_EN[0]}\nMore & more."
    assert first.input_ref.endswith("news.rss#item1")
    assert first.markup is not None and first.markup_offsets is not None
    i = first.text.index("More")
    a, b = first.markup_offsets.to_raw_span(i, i + 4)
    assert first.markup[a:b] == "More"


def test_atom_entries_use_content(tmp_path: Path) -> None:
    path = tmp_path / "news.xml"
    path.write_bytes(atom_feed(ITEMS[:2]))
    records = read(path)
    assert [r.title for r in records if isinstance(r, RawRecord)] == ["Story 0", "Story 1"]
    assert isinstance(records[1], RawRecord) and PARAGRAPHS_EN[1] in records[1].text


def test_broken_feed_yields_what_is_recovered(tmp_path: Path) -> None:
    path = tmp_path / "cut.rss"
    path.write_bytes(rss_feed(ITEMS, broken=True))
    records = read(path)
    good = [r for r in records if isinstance(r, RawRecord)]
    assert len(good) == 2 and good[1].title == "Story 1"


def test_unreadable_feed_and_feed_without_items(tmp_path: Path) -> None:
    (tmp_path / "a.rss").write_bytes(b"<?xml version='1.0'?><rss><chan")
    (tmp_path / "b.atom").write_bytes(atom_feed([]))
    items = list(read_inputs([tmp_path]))
    codes = [(Path(i.input_ref).name, i.code) for i in items if isinstance(i, Rejection)]
    assert codes == [("a.rss", "bad_feed"), ("b.atom", "no_items")]
    assert isinstance(items[0], Rejection) and "no item could be recovered" in items[0].reason
