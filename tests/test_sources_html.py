"""HTML pages: main text and metadata via trafilatura, offsets into the markup, bad pages."""

from __future__ import annotations

import io
import itertools
import resource
from pathlib import Path

import pytest

from newsgraph.model import ExtractionResult, RawRecord, Rejection
from newsgraph.pipeline import process_document
from newsgraph.sources import ReadOptions, read_inputs
from newsgraph.sources.align import align_to_markup
from newsgraph.sources.sniff import format_for_name, sniff

from .web_inputs import PARAGRAPHS_EN, PARAGRAPHS_IT, article_html


def read_one(path: Path, **opts: object) -> RawRecord | Rejection:
    [item] = list(read_inputs([path], options=ReadOptions(**opts)))  # type: ignore[arg-type]
    assert isinstance(item, RawRecord | Rejection)
    return item


def test_page_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(article_html("Lavrov and Blinken meet in Geneva"), encoding="utf-8")
    record = read_one(path)
    assert isinstance(record, RawRecord)
    assert (record.format, record.title, record.published, record.author, record.lang) == (
        "html",
        "Lavrov and Blinken meet in Geneva",
        "2022-01-21",
        "Jane Reporter",
        "en",
    )
    for paragraph in PARAGRAPHS_EN:
        assert paragraph in record.text
    assert "Section 3" not in record.text and "Copyright" not in record.text
    assert record.markup is not None and record.markup.startswith("<!DOCTYPE html>")


def test_offsets_lead_from_the_document_into_the_markup(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(article_html("Geneva talks"), encoding="utf-8")
    record = read_one(path)
    assert isinstance(record, RawRecord) and record.markup is not None
    result = process_document(record)
    assert isinstance(result, ExtractionResult)
    doc = result.document
    assert doc.offsets is not None
    word = "breakthrough"
    start = doc.text.index(word)
    raw_start, raw_end = doc.offsets.to_raw_span(start, start + len(word))
    assert record.markup[raw_start:raw_end] == word
    assert raw_start > record.markup.index("<article>")


def test_alignment_copies_verbatim_words_and_bridges_tags() -> None:
    markup = "<p>Talks in <b>Geneva</b> &amp; Vienna ended.</p>"
    text = "Talks in Geneva & Vienna ended."
    offsets = align_to_markup(text, markup)
    for word in ("Talks", "Geneva", "Vienna", "ended."):
        i = text.index(word)
        a, b = offsets.to_raw_span(i, i + len(word))
        assert markup[a:b] == word
    assert sum(s.clean_end - s.clean_start for s in offsets.segments) == len(text)


def test_malformed_html_still_gives_the_text(tmp_path: Path) -> None:
    page = article_html("Unclosed tags", PARAGRAPHS_IT, lang="it")
    broken = page.replace("</p>", "").replace("</article>", "<div><span>").replace("</html>", "")
    path = tmp_path / "broken.html"
    path.write_text(broken[: len(broken) - 40], encoding="utf-8")
    record = read_one(path)
    assert isinstance(record, RawRecord)
    assert PARAGRAPHS_IT[1] in record.text
    assert record.lang == "it"


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Nothing</title></head><body></body></html>",
        "<html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav></body></html>",
        "<html><body><script>var x = 1;</script></body></html>",
    ],
)
def test_page_without_main_text_is_no_body(tmp_path: Path, page: str) -> None:
    path = tmp_path / "empty.html"
    path.write_text(page)
    rejection = read_one(path)
    assert isinstance(rejection, Rejection) and rejection.code == "no_body"
    assert "no main text" in rejection.reason


@pytest.mark.parametrize(
    ("declared", "encoding"),
    [
        ("utf-8", "cp1252"),
        ("iso-8859-1", "utf-8"),
        ("windows-1251", "koi8-r"),
        ("cp1252", "cp1252"),
    ],
)
def test_wrong_or_legacy_charset(tmp_path: Path, declared: str, encoding: str) -> None:
    if encoding == "koi8-r":
        paragraphs = (
            "Министр иностранных дел России Сергей Лавров заявил журналистам в Женеве, что "
            "переговоры с американской стороной прошли в конструктивной атмосфере.",
            "По его словам, Россия не собирается нападать на Украину, а ответ на "
            "предложения по гарантиям безопасности ожидается на следующей неделе.",
        )
        title, lang = "Лавров в Женеве", "ru"
    else:
        paragraphs, title, lang = PARAGRAPHS_IT, "Città più sicura? Perché", "it"
    page = article_html(title, paragraphs, lang=lang, charset=declared)
    path = tmp_path / "page.html"
    path.write_bytes(page.encode(encoding))
    record = read_one(path)
    assert isinstance(record, RawRecord)
    assert paragraphs[0] in record.text  # decoded right whatever the page claimed


def test_huge_page_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    path.write_text("<html><body>" + "<p>parola</p>" * 1000 + "</body></html>")
    rejection = read_one(path, max_record_bytes=5000)
    assert isinstance(rejection, Rejection) and rejection.code == "too_large"
    assert "--max-record-bytes" in rejection.reason


@pytest.mark.slow
def test_100_mb_page_is_quarantined_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    chunk = b"<p>" + b"parola " * 140 + b"</p>\n"
    with path.open("wb") as out:
        out.write(b"<html><body>")
        for _ in range(100 * 2**20 // len(chunk) + 1):
            out.write(chunk)
    assert path.stat().st_size > 100 * 2**20
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    rejection = read_one(path)  # the default limit, 10 MB
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert isinstance(rejection, Rejection) and rejection.code == "too_large"
    assert (after - before) * 1024 < 20 * 2**20  # peak memory grew by less than 20 MB


def test_html_is_sniffed_without_its_ending(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_text(article_html("Sniffed page"))
    record = read_one(path)
    assert isinstance(record, RawRecord) and record.format == "html"
    forced = read_one(path, input_format="text")
    assert isinstance(forced, RawRecord) and forced.format == "text"


def test_format_names_and_sniffing() -> None:
    assert [format_for_name(n) for n in ("a.HTML", "b.htm", "c.warc.gz", "d.warc", "e.atom")] == [
        "html",
        "html",
        "warc",
        "warc",
        "rss",
    ]
    assert format_for_name("notes.txt") is None
    assert sniff(b"WARC/1.1\r\n") == "warc"
    assert sniff(b'<?xml version="1.0"?>\n<rss version="2.0">') == "rss"
    assert sniff(b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">') == "rss"
    assert sniff(b"\xef\xbb\xbf<!DOCTYPE html>\n<html>") == "html"
    assert sniff(b" date 2022-01 https://e.it/x\n") is None


def test_page_from_standard_input() -> None:
    page = article_html("From a pipe").encode()
    [record] = list(read_inputs(["-"], stdin=io.BytesIO(page)))
    assert isinstance(record, RawRecord) and record.format == "html"
    assert record.input_ref == "-" and PARAGRAPHS_EN[0] in record.text


@pytest.mark.parametrize("lang", ["en", "it"])
def test_every_copied_character_of_the_document_is_the_markup_character(
    tmp_path: Path, lang: str
) -> None:
    paragraphs = PARAGRAPHS_EN if lang == "en" else PARAGRAPHS_IT
    page = article_html("Talks &amp; <i>promises</i>", paragraphs, lang=lang)
    path = tmp_path / "page.html"
    path.write_text(page.replace("Geneva", "Gen<b></b>eva").replace(" di ", " di&nbsp;"))
    record = read_one(path)
    assert isinstance(record, RawRecord) and record.markup is not None
    result = process_document(record)
    assert isinstance(result, ExtractionResult) and result.document.offsets is not None
    doc, segments = result.document, result.document.offsets.segments
    assert segments[0].clean_start == 0 and segments[-1].clean_end == len(doc.text)
    copied = 0
    for a, b in itertools.pairwise(segments):
        assert a.clean_end == b.clean_start  # no gaps, no overlaps
    for seg in segments:
        if seg.kind == "copy":
            assert (
                doc.text[seg.clean_start : seg.clean_end]
                == record.markup[seg.raw_start : seg.raw_end]
            )
            copied += seg.clean_end - seg.clean_start
    assert copied > 0.8 * len(doc.text)  # most of the text maps exactly
