"""The core model: spans index the text, and facts round-trip through the fact contract."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.model import (
    Actor,
    Commitment,
    DateRange,
    DateRef,
    Document,
    Event,
    Evidence,
    ExtractionResult,
    Place,
    Span,
    SpanError,
    Statement,
    TimeValue,
)

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300)


@st.composite
def text_and_span(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(texts)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return text, start, end


@given(text_and_span())
def test_span_of_indexes_its_text(case: tuple[str, int, int]) -> None:
    text, start, end = case
    span = Span.of(text, start, end)
    assert text[span.start : span.end] == span.text
    span.check(text)


def test_span_outside_text_is_refused() -> None:
    with pytest.raises(SpanError, match=r"span \[3, 9\) is outside a text of 5 characters"):
        Span.of("hello", 3, 9)


@st.composite
def results(draw: st.DrawFn) -> ExtractionResult:
    text = draw(texts)

    def span() -> Span:
        start = draw(st.integers(0, len(text)))
        return Span.of(text, start, draw(st.integers(start, len(text))))

    def evidence() -> Evidence:
        s = span()
        return Evidence(s.start, s.end, s.text)

    date = DateRef("la prossima settimana", DateRange("2022-01-24", "2022-01-30"))
    ids = st.text(alphabet="abcdefghij-", min_size=1, max_size=12)
    doc = Document(
        id="sha256:" + "0" * 64,
        text=text,
        lang="it",
        published="2022-01-21",
        title=draw(st.none() | st.text(max_size=20)),
        url="https://example.org/a",
        source="example.org",
        sentences=tuple((s.start, s.end) for s in [span(), span()]),
    )
    actor_id = draw(ids)
    when = span()
    return ExtractionResult(
        document=doc,
        actors=(Actor(actor_id, "Name", "PER", "USA", ("Role",), ("Alias",), (span(),)),),
        places=(Place("geonames:1", "Geneva", "CHE", 46.2, 6.14, (span(),)),),
        events=(
            Event(
                draw(ids),
                "CONSULT",
                evidence(),
                mode="meet",
                actors=(actor_id,),
                place="geonames:1",
                date=DateRef("oggi", "2022-01-21"),
                negated=draw(st.booleans()),
                confidence=0.75,
                more_evidence=(evidence(),),
            ),
        ),
        times=(TimeValue(when.start, when.end, when.text, "DATE", "2022-01-10"),),
        statements=(
            Statement(draw(ids), actor_id, "indirect", span(), evidence(), span(), span()),
        ),
        commitments=(Commitment(draw(ids), actor_id, span(), evidence(), "RUS", date, "pending"),),
        extractor="newsgraph/test",
    )


@given(results())
def test_results_round_trip_through_json(result: ExtractionResult) -> None:
    result.check_spans()
    data = json.loads(json.dumps(result.to_dict()))
    assert ExtractionResult.from_dict(data) == result


def test_contract_field_names() -> None:
    text = "Lavrov met Blinken in Geneva."
    result = ExtractionResult(
        document=Document(id="sha256:x", text=text, lang="en"),
        events=(Event("e1", "CONSULT", Evidence(0, len(text), text), actors=("a", "b")),),
        commitments=(
            Commitment(
                "c1",
                "a",
                Span.of(text, 0, 6),
                Evidence(0, len(text), text),
                due=DateRef("next week", DateRange("2022-01-24", "2022-01-30")),
            ),
        ),
    )
    d = result.to_dict()
    assert set(d) >= {
        "document",
        "actors",
        "places",
        "events",
        "times",
        "statements",
        "commitments",
    }
    assert set(d["document"]) >= {
        "id",
        "path",
        "url",
        "source",
        "lang",
        "published",
        "title",
        "text",
    }
    assert set(d["events"][0]) >= {
        "id",
        "type",
        "mode",
        "actors",
        "recipients",
        "place",
        "date",
        "negated",
        "evidence",
        "confidence",
    }
    assert d["commitments"][0]["due"] == {
        "text": "next week",
        "value": {"start": "2022-01-24", "end": "2022-01-30"},
    }


def test_check_spans_finds_a_wrong_span() -> None:
    text = "Lavrov met Blinken."
    bad = ExtractionResult(
        document=Document(id="sha256:x", text=text, lang="en"),
        actors=(Actor("lavrov", "Sergey Lavrov", "PER", mentions=(Span(0, 6, "Blinke"),)),),
    )
    with pytest.raises(SpanError, match="says 'Blinke' but the text there is 'Lavrov'"):
        bad.check_spans()
