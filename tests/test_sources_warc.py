"""WARC archives written with warcio: responses, requests, metadata, damage, gzip bombs."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest

from newsgraph.model import RawRecord, Rejection
from newsgraph.sources import ReadItem, ReadOptions, Skipped, read_inputs

from .web_inputs import PARAGRAPHS_IT, article_html, gzip_bomb_member, write_warc

PAGES = [
    ("https://example.org/2022/01/21/geneva", article_html("Geneva talks").encode()),
    ("https://example.it/esteri/ginevra", article_html("Ginevra", PARAGRAPHS_IT, lang="it",
                                                       date="").encode()),
]  # fmt: skip


def read(path: Path, **opts: object) -> list[ReadItem]:
    return list(read_inputs([path], options=ReadOptions(**opts)))  # type: ignore[arg-type]


def kinds(items: list[ReadItem]) -> list[str]:
    return [
        type(i).__name__ + ("" if not isinstance(i, Rejection) else f":{i.code}") for i in items
    ]


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_responses_become_records_and_the_rest_is_skipped(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(path, PAGES, gzip=gz)
    items = read(path)
    assert kinds(items) == [
        "Skipped", "RawRecord", "Skipped", "RawRecord", "Skipped", "Skipped", "Skipped",
    ]  # fmt: skip
    reasons = [i.reason for i in items if isinstance(i, Skipped)]
    assert reasons[0] == "WARC request record (only responses are articles)"
    assert reasons[2] == "WARC metadata record (only responses are articles)"
    assert reasons[3] == "HTTP status 404 (no page)"
    assert reasons[4] == "not HTML or text (image/png)"
    records = [i for i in items if isinstance(i, RawRecord)]
    assert [r.url for r in records] == [url for url, _ in PAGES]
    assert [r.format for r in records] == ["warc", "warc"]
    assert records[0].published == "2022-01-21" and records[0].header_date == "2022-01-22"
    assert PARAGRAPHS_IT[0] in records[1].text
    # the reference is the record's offset, which reads the same record again
    offsets = [int(r.input_ref.rsplit("#", 1)[1]) for r in records]
    assert offsets[0] > 0 and offsets[1] > offsets[0]
    assert all(r.input_ref.startswith(str(path.absolute()) + "#") for r in records)
    assert [r.input_ref for r in read(path) if isinstance(r, RawRecord)] == [
        r.input_ref for r in records
    ]


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_truncated_archive_gives_every_record_before_the_damage(tmp_path: Path, gz: bool) -> None:
    whole = tmp_path / "whole.warc"
    write_warc(whole, PAGES, gzip=gz, extras=False)
    data = whole.read_bytes()
    items = read(whole)
    last = [i for i in items if isinstance(i, RawRecord)][-1]
    cut_at = int(last.input_ref.rsplit("#", 1)[1]) + 600  # inside the last response
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data[:cut_at])
    items = read(path)
    assert kinds(items) == ["Skipped", "RawRecord", "Skipped", "Rejection:damaged_archive"]
    damage = items[-1]
    assert isinstance(damage, Rejection)
    assert damage.input_ref == last.input_ref.replace("whole.warc", path.name)
    assert "damaged at byte" in damage.reason and "the records before it were read" in damage.reason


def test_corrupt_gzip_member_stops_with_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.warc.gz"
    write_warc(path, PAGES, gzip=True, extras=False)
    data = bytearray(path.read_bytes())
    good = [i for i in read(path) if isinstance(i, RawRecord)]
    second = int(good[1].input_ref.rsplit("#", 1)[1])
    data[second + 30 : second + 60] = b"\xff" * 30  # garbage inside the second response
    path.write_bytes(bytes(data))
    items = read(path)
    assert kinds(items) == ["Skipped", "RawRecord", "Skipped", "Rejection:damaged_archive"]


def test_not_a_warc_at_all(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not an archive\n" * 10)
    [item] = read(path)
    assert isinstance(item, Rejection) and item.code == "damaged_archive"
    assert item.input_ref.endswith("fake.warc#0")


def test_gzip_bomb_is_stopped_and_the_archive_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "bomb.warc.gz"
    write_warc(path, PAGES[:1], gzip=True, extras=False)
    bomb = gzip_bomb_member(48 * 2**20)  # 48 MiB of zeros in a few dozen KiB
    assert len(bomb) < 100 * 1024
    with path.open("ab") as out:
        out.write(bomb)
    write_warc(tmp_path / "tail.warc.gz", PAGES[1:], gzip=True, extras=False)
    with path.open("ab") as out:
        out.write((tmp_path / "tail.warc.gz").read_bytes())
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    items = read(path, max_record_bytes=2**20)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert kinds(items) == [
        "Skipped", "RawRecord", "Rejection:too_large", "Skipped", "RawRecord",
    ]  # fmt: skip
    bomb_item = items[2]
    assert isinstance(bomb_item, Rejection) and "gzip bomb" in bomb_item.reason
    assert (after - before) * 1024 < 16 * 2**20  # never held the expanded member


def test_sniffed_warc_and_forced_format(tmp_path: Path) -> None:
    path = tmp_path / "crawl.bin"
    write_warc(path, PAGES[:1], gzip=True, extras=False)
    assert "RawRecord" in kinds(read(path))  # found by its first bytes
    assert kinds(read(path, input_format="warc")) == kinds(read(path))
