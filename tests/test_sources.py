"""Readers: formats detected or forced, encodings, directories, stdin, bad records."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.model import RawRecord, Rejection
from newsgraph.sources import ReadOptions, Skipped, read_inputs

from .conftest import record


def read(*paths: object, **opts: object) -> list[RawRecord | Rejection | Skipped]:
    return list(read_inputs([str(p) for p in paths], options=ReadOptions(**opts)))  # type: ignore[arg-type]


def test_crawled_record(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(record("https://example.org/2022/01/21/x", "Title", "Body text here."))
    [item] = read(path)
    assert isinstance(item, RawRecord)
    assert (item.format, item.url, item.header_date) == (
        "record",
        "https://example.org/2022/01/21/x",
        "2022-01",
    )
    assert item.text[item.body_start :].lstrip().startswith("Title")


def test_plain_text_and_forced_format(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Just some text about a meeting in Geneva.")
    [item] = read(path)
    assert isinstance(item, RawRecord) and item.format == "text"
    [forced] = read(path, input_format="record")
    assert isinstance(forced, Rejection) and forced.code == "bad_header"


def test_jsonl_good_truncated_and_bodyless_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    good = {
        "url": "https://e.org/1",
        "title": "T",
        "text": "Body.",
        "published": "2022-01-21",
        "lang": "en",
    }
    path.write_bytes(
        (
            json.dumps(good)
            + "\n"
            + json.dumps({"url": "u", "title": "no text"})
            + "\n"
            + "\xff\xfe".encode("latin-1").decode("latin-1")
            + "\n"
            + '{"url": "x", "te'
        ).encode()
    )
    items = read(path)
    assert isinstance(items[0], RawRecord)
    assert (items[0].url, items[0].published, items[0].lang) == (
        "https://e.org/1",
        "2022-01-21",
        "en",
    )
    assert [i.code for i in items[1:] if isinstance(i, Rejection)] == [
        "no_body",
        "invalid_json",
        "invalid_json",
    ]
    assert items[-1].input_ref.endswith("a.jsonl#L4")


def test_jsonl_invalid_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n{"text": "fine"}\n')
    items = read(path)
    assert isinstance(items[0], Rejection) and items[0].code == "invalid_utf8"
    assert isinstance(items[1], RawRecord)


@pytest.mark.parametrize("encoding", ["cp1252", "koi8-r", "utf-16"])
def test_legacy_encodings_are_decoded(tmp_path: Path, encoding: str) -> None:
    text = {
        "cp1252": "Il ministro degli Esteri ha affermato che la città è più sicura. Perché?",
        "koi8-r": "Министр иностранных дел России заявил, что переговоры в Женеве прошли.",
        "utf-16": "Il ministro degli Esteri ha affermato che la città è più sicura. Perché?",
    }[encoding]
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    [item] = read(path)
    if encoding == "utf-16":  # NUL bytes: refused as binary rather than guessed
        assert isinstance(item, Rejection) and item.code == "binary"
        return
    assert isinstance(item, RawRecord) and item.text == text


def test_empty_binary_and_too_large(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "garbage.txt").write_bytes(bytes(range(256)) * 2)
    (tmp_path / "big.txt").write_bytes(b"word " * 300)
    items = read(tmp_path, max_record_bytes=1000)
    codes = {Path(i.input_ref).name: i.code for i in items if isinstance(i, Rejection)}
    assert codes == {"empty.txt": "empty", "garbage.txt": "binary", "big.txt": "too_large"}


def test_directory_walk_is_sorted_and_reports_skipped(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Text b about the summit.")
    (tmp_path / "a.txt").write_text("Text a about the summit.")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    items = read(tmp_path)
    names = [(type(i).__name__, Path(i.input_ref).name) for i in items]
    assert names == [
        ("RawRecord", "a.txt"),
        ("Rejection", "dangling.txt"),
        ("Skipped", "photo.png"),
        ("RawRecord", "b.txt"),
    ]
    assert isinstance(items[1], Rejection) and items[1].code == "unreadable"


def test_stdin_text_and_jsonl() -> None:
    text_items = list(read_inputs(["-"], stdin=io.BytesIO(b"Some text from a pipe.")))
    assert isinstance(text_items[0], RawRecord) and text_items[0].input_ref == "-"
    lines = b'{"text": "one"}\n{"text": "two"}\n'
    jsonl_items = list(read_inputs(["-"], stdin=io.BytesIO(lines)))
    assert [i.text for i in jsonl_items if isinstance(i, RawRecord)] == ["one", "two"]


def test_unknown_input_format_is_a_config_error() -> None:
    with pytest.raises(
        ConfigError,
        match=r"unknown input format 'pdf'; use one of auto, record, text, jsonl, html, warc, rss",
    ):
        ReadOptions(input_format="pdf")  # type: ignore[arg-type]
