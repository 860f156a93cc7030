"""The document pipeline: raw record → cleaned document → facts.

:func:`process_document` is pure (no I/O) and is what every runner calls:
the CLI, the process pool and the Spark job.  It returns an
:class:`~newsgraph.model.ExtractionResult` or a
:class:`~newsgraph.model.Rejection` saying why the record cannot be used.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from newsgraph import __version__
from newsgraph.clean import CleaningRejected, clean_record
from newsgraph.errors import ConfigError, InputError
from newsgraph.extract import extract_facts
from newsgraph.lang import supported_languages
from newsgraph.metadata import infer_published, parse_date_option, source_of
from newsgraph.model import Document, ExtractionResult, RawRecord, Rejection
from newsgraph.offsets import compose

#: Versions of the stages that shape stored data; bump one when its output changes.
COMPONENT_VERSIONS: dict[str, str] = {
    "sources": "2",
    "clean": "2",
    "metadata": "1",
    "kb": "1",
    "extract": "1",
}
EXTRACTOR_VERSION = f"newsgraph/{__version__}"
DEFAULT_MAX_TEXT_CHARS = 2_000_000


@dataclass(frozen=True, slots=True, kw_only=True)
class PipelineOptions:
    """What a caller may force: the language, the publication date, the size limit."""

    lang: str | None = None
    published: str | None = None
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS

    def __post_init__(self) -> None:
        if self.lang is not None and self.lang not in supported_languages():
            raise ConfigError(
                f"--lang {self.lang!r} is not supported; use one of "
                f"{', '.join(supported_languages())}"
            )
        if self.published is not None:
            parse_date_option(self.published)  # raises a ConfigError that says how to write it


def document_id(text: str) -> str:
    """Documents are identified by the SHA-256 of their cleaned text."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def process_document(
    record: RawRecord, *, options: PipelineOptions | None = None
) -> ExtractionResult | Rejection:
    """Clean ``record``, infer its metadata and extract its facts."""
    opts = options or PipelineOptions()
    if len(record.text) > opts.max_text_chars:
        return Rejection(
            record.input_ref,
            "clean",
            "too_large",
            f"the article has {len(record.text):,} characters, over the limit of "
            f"{opts.max_text_chars:,}; raise it with --max-text-chars if it really is one article",
            record.raw_sha256,
        )
    try:
        clean = clean_record(record, lang=opts.lang)
    except CleaningRejected as exc:
        return Rejection(
            record.input_ref,
            "clean",
            exc.code,
            exc.reason,
            record.raw_sha256,
            record.text.encode("utf-8"),
        )
    published = infer_published(
        explicit=opts.published or record.published,
        url=record.url,
        body=clean.text[clean.body_start :],
        lang=clean.lang,
        header_date=record.header_date,
    )
    document = Document(
        id=document_id(clean.text),
        text=clean.text,
        lang=clean.lang,
        published=published.value,
        title=clean.title,
        url=record.url,
        path=record.path,
        source=source_of(record.url),
        lang_confidence=clean.lang_confidence,
        published_precision=published.precision,
        published_from=published.source,
        sentences=clean.sentences,
        input_ref=record.input_ref,
        offsets=(
            compose(clean.offsets, record.markup_offsets)
            if record.markup_offsets is not None
            else clean.offsets
        ),
        author=record.author,
    )
    return extract_facts(document, extractor=EXTRACTOR_VERSION)


def process_safely(
    record: RawRecord, *, options: PipelineOptions | None = None
) -> ExtractionResult | Rejection:
    """:func:`process_document`, with a failure on one record turned into a rejection."""
    try:
        return process_document(record, options=options)
    except Exception as exc:  # noqa: BLE001 - a bug on one record must not stop a run
        return Rejection(
            record.input_ref,
            "extract",
            "internal_error",
            f"newsgraph failed on this record ({type(exc).__name__}: {exc}); "
            "this is a bug - please report it with the input",
            record.raw_sha256,
            record.text.encode("utf-8"),
        )


def extract(
    text: str,
    *,
    lang: str | None = None,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> ExtractionResult:
    """Extract the facts of one article given as a string.

    Raises :class:`~newsgraph.errors.InputError` when the text cannot be used
    (empty, unsupported language, ...), with the reason.
    """
    record = RawRecord(
        input_ref="<string>",
        text=text,
        format="jsonl",
        raw_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        url=url,
        title=title,
    )
    if not text.strip():
        raise InputError("the text is empty: there is nothing to extract")
    result = process_document(record, options=PipelineOptions(lang=lang, published=published))
    if isinstance(result, Rejection):
        raise InputError(result.reason)
    return result
