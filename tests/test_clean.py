"""Cleaning: title once, furniture dropped, glued headings split, offsets kept."""

from __future__ import annotations

import hashlib
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph.clean import CleaningRejected, clean_record
from newsgraph.clean.seams import find_seams
from newsgraph.clean.sentences import split_sentences
from newsgraph.lang import get_pack
from newsgraph.model import RawRecord
from newsgraph.sources.crawl_record import parse_header

from .conftest import record


def raw(text: str, *, fmt: str = "record", title: str | None = None) -> RawRecord:
    header = parse_header(text) if fmt == "record" else None
    return RawRecord(
        input_ref="test",
        text=text,
        format=fmt,  # type: ignore[arg-type]
        raw_sha256=hashlib.sha256(text.encode()).hexdigest(),
        body_start=header.end if header else 0,
        url=header.url if header else None,
        header_date=header.date if header else None,
        title=title,
    )


def sentences(text: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[s:e] for s, e in spans]


IT = get_pack("it").cleaning.sentence_starters
EN = get_pack("en").cleaning.sentence_starters


@pytest.mark.parametrize(
    ("word", "starters", "pieces"),
    [
        ("UcrainaIl", IT, ["Ucraina", "Il"]),
        ("sicurezzaAlla", IT, ["sicurezza", "Alla"]),
        ("discussi:La", IT, ["discussi:", "La"]),
        ('positivo".In', IT, ['positivo".', "In"]),
        ('Russia"In', IT, ['Russia"', "In"]),
        ("dell'OSCE.L'obiettivo", IT, ["dell'OSCE.", "L'obiettivo"]),
        ("l'Ucraina", IT, ["l'Ucraina"]),
        ("U.S.Army", EN, ["U.S.Army"]),
        ("McDonald", EN, ["McDonald"]),
        ("MacArthur", EN, ["MacArthur"]),
        ("iPhone", EN, ["iPhone"]),
        ("3.5", EN, ["3.5"]),
    ],
)
def test_seams(word: str, starters: frozenset[str], pieces: list[str]) -> None:
    cuts = [0, *find_seams(word, starters), len(word)]
    assert [word[a:b] for a, b in itertools.pairwise(cuts)] == pieces


def test_title_once_glued_headings_and_furniture() -> None:
    body = (
        "Il ministro ha parlato a lungo con i giornalisti della situazione:La Russia non ha "
        "intenzione di attaccare l'UcrainaIl ministro ha poi risposto alle domande sulla crisi."
    )
    text = record(
        "https://example.it/20220121/x.html",
        "Titolo della notizia",
        f"Titolo della notizia\n\n{body}\n\nCondividi\n\nNotiziario",
    )
    clean = clean_record(raw(text))
    assert clean.title == "Titolo della notizia"
    assert clean.text.count("Titolo della notizia") == 1
    assert "Condividi" not in clean.text and "Notiziario" not in clean.text
    found = sentences(clean.text, clean.sentences)
    assert "La Russia non ha intenzione di attaccare l'Ucraina" in found
    assert any(s.startswith("Il ministro ha poi risposto") for s in found)
    assert clean.lang == "it"


def test_title_and_body_only_is_rejected() -> None:
    text = record("https://example.it/a", "Solo un titolo", "Solo un titolo")
    with pytest.raises(CleaningRejected, match="no article body") as info:
        clean_record(raw(text))
    assert info.value.code == "no_body"


def test_hard_wrapped_text_is_joined() -> None:
    text = (
        "The foreign ministers met in Geneva on Friday and discussed the situation\n"
        "around Ukraine for about ninety minutes, according to officials who spoke\n"
        "to reporters after the meeting had ended.\n\nA second paragraph follows here."
    )
    clean = clean_record(raw(text, fmt="text"))
    found = sentences(clean.text, clean.sentences)
    assert found[0].startswith("The foreign ministers met") and found[0].endswith("ended.")


def test_unicode_is_repaired_and_quotes_kept() -> None:
    text = "Il presidente ha detto: “la cittÃ\xa0 è sicura” e ha lasciato la sala stampa."
    clean = clean_record(raw(text, fmt="text"))
    assert "città" in clean.text and "“" in clean.text


def test_chinese_text_is_an_unsupported_language() -> None:
    text = "这是一个关于国际新闻的中文句子。外交部长今天在日内瓦会见了他的同事。"
    with pytest.raises(CleaningRejected) as info:
        clean_record(raw(text, fmt="text"))
    assert info.value.code == "unsupported_language"
    assert "pass --lang to force one" in info.value.reason


words = st.sampled_from(
    [
        "Il",
        "ministro",
        "UcrainaIl",
        "discussi:La",
        "città",
        "“citazione”",
        "Mosca.",
        "e",
        "l'OSCE",
        "cafÃ©",
        "\u00a0",
        "\t",
        "Washington,",
        "risposta",
        "2022.",
        "NATO",
    ]
)
lines = st.lists(words, min_size=1, max_size=25).map(" ".join)
bodies = st.lists(lines, min_size=1, max_size=8).map(lambda ls: "\n\n".join(ls))


@settings(max_examples=60, deadline=None)
@given(bodies)
def test_offsets_lead_back_to_the_raw_input(body: str) -> None:
    text = record("https://example.it/a", "Un titolo qualsiasi", body)
    try:
        clean = clean_record(raw(text), lang="it")
    except CleaningRejected:
        return
    for seg in clean.offsets.segments:
        piece = clean.text[seg.clean_start : seg.clean_end]
        if seg.kind == "copy":
            assert text[seg.raw_start : seg.raw_end] == piece
        assert 0 <= seg.raw_start <= seg.raw_end <= len(text)
    covered = sum(s.clean_end - s.clean_start for s in clean.offsets.segments)
    assert covered == len(clean.text)
    for start, end in clean.sentences:
        assert clean.text[start:end].strip() == clean.text[start:end] != ""


@pytest.mark.parametrize(
    ("text", "lang", "dateline"),
    [
        ("ANKARA, March 14 (Reuters) - Turkey agreed.", "en", "ANKARA, March 14 (Reuters) -"),
        ("GENEVA (AP) — The talks ended.", "en", "GENEVA (AP) —"),
        ("ROMA, 21 gennaio (ANSA) - Il governo ha deciso.", "it", "ROMA, 21 gennaio (ANSA) -"),
        ("Ukraine - Russia talks end in Geneva", "en", None),
        ("He said - and I quote - nothing.", "en", None),
    ],
)
def test_a_wire_dateline_is_a_sentence_of_its_own(
    text: str, lang: str, dateline: str | None
) -> None:
    first = next(text[a:b] for a, b in split_sentences(text, lang=lang))
    assert first == (dateline or text)


def test_the_agency_of_a_dateline_takes_no_part_in_the_events() -> None:
    text = "GENEVA, Jan. 10 (Reuters) - Sergey Lavrov and Antony Blinken agreed to meet again."
    [agreed] = [e for e in newsgraph.extract(text, lang="en").events if e.type == "AGREE"]
    assert set(agreed.actors) == {"sergey-lavrov", "antony-blinken"}
