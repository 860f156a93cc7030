"""Publication date and source inference."""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.errors import ConfigError
from newsgraph.metadata import Published, infer_published, parse_date_option, source_of

TODAY = date(2026, 11, 29)


def infer(**kw: object) -> Published:
    args: dict[str, object] = {
        "explicit": None,
        "url": None,
        "body": "",
        "lang": "it",
        "header_date": None,
        "today": TODAY,
    }
    args.update(kw)
    return infer_published(**args)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "url",
    [
        "https://it.example.com/20220121/vertice-123.html",
        "https://example.com/2022/01/21/story/",
        "https://example.com/news/2022-01-21-story",
        "https://example.com/a/story_20220121.html",
    ],
)
def test_date_in_url(url: str) -> None:
    assert infer(url=url) == Published("2022-01-21", "day", "url")


def test_explicit_wins_and_accepts_iso_datetimes() -> None:
    got = infer(explicit="2022-01-20T23:10:00+00:00", url="https://e.com/20220121/x")
    assert got == Published("2022-01-20", "day", "explicit")


def test_date_line_in_body_must_fit_the_header_month() -> None:
    body = "Un sommario della notizia che si interrompe... 21.01.2022\n\nIl testo."
    assert infer(body=body, header_date="2022-01") == Published("2022-01-21", "day", "body")
    assert infer(body=body, header_date="2022-03") == Published("2022-03", "month", "header")


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("21 gennaio 2022\nIl testo dell'articolo.", "it"),
        ("January 21, 2022\nThe text of the article.", "en"),
        ("21 января 2022\nТекст статьи.", "ru"),
        ("Publié le 21 janvier 2022", "fr"),
    ],
)
def test_month_name_date_lines(body: str, lang: str) -> None:
    assert infer(body=body, lang=lang) == Published("2022-01-21", "day", "body")


def test_a_date_inside_a_sentence_is_not_a_date_line_without_header() -> None:
    body = (
        "Secondo il rapporto, il 10 gennaio 2022 a Ginevra si è svolto un lungo incontro "
        "tra le delegazioni."
    )
    assert infer(body=body) == Published.unknown()


def test_header_month_never_invents_a_day() -> None:
    got = infer(
        url="http://en.kremlin.ru/events/president/news/67487",
        header_date="2021-12",
        body="On December 30, Vladimir Putin had a telephone conversation.",
        lang="en",
    )
    assert got == Published("2021-12", "month", "header")


def test_future_dates_are_ignored() -> None:
    assert infer(url="https://e.com/20990101/x") == Published.unknown()


def test_parse_date_option_message() -> None:
    with pytest.raises(ConfigError) as info:
        parse_date_option("next tuesday")
    assert str(info.value) == (
        "cannot read the date 'next tuesday'; write it as YYYY-MM-DD (or YYYY-MM, YYYY, "
        "an ISO date-time, or an RFC 2822 date)"
    )
    assert parse_date_option("Fri, 21 Jan 2022 10:00:00 +0100").value == "2022-01-21"


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("https://it.sputniknews.com/20220121/x.html", "it.sputniknews.com"),
        ("https://www.reuters.com/world/x", "reuters.com"),
        ("eval://kind/12", "kind"),
        (None, None),
        ("not a url", None),
    ],
)
def test_source_of(url: str | None, source: str | None) -> None:
    assert source_of(url) == source
