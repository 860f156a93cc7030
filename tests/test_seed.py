"""The seed article and the real texts of ../shared/ (skipped when absent)."""

from __future__ import annotations

import json

from newsgraph.model import ExtractionResult
from newsgraph.pipeline import process_document
from newsgraph.sources import read_inputs

from .conftest import shared_path


def test_gold_documents_have_the_gold_language_and_date() -> None:
    gold_dir = shared_path("eval", "gold")
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text())
        [record] = list(read_inputs([shared_path(gold["doc"])]))
        result = process_document(record)  # type: ignore[arg-type]
        assert isinstance(result, ExtractionResult)
        assert result.document.lang == gold["lang"], gold_file.name
        published = result.document.published or ""
        # the day when the record carries it, else its month - never another day
        assert gold["published"].startswith(published) and len(published) >= 7, gold_file.name


def test_real_corpus_is_cleaned_without_loss() -> None:
    corpus = shared_path("examples", "corpus")
    for item in read_inputs([corpus]):
        if not hasattr(item, "text"):
            continue
        result = process_document(item)  # type: ignore[arg-type]
        assert isinstance(result, ExtractionResult), getattr(result, "reason", "")
        doc = result.document
        assert doc.lang == "en" and doc.title and doc.sentences
        result.check_spans()
        assert doc.text.count(doc.title) >= 1
