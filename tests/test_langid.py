"""Language identification restricted to the supported languages."""

from __future__ import annotations

import pytest

from newsgraph.clean.langid import identify
from newsgraph.lang import supported_languages


def test_supported_languages_have_packs() -> None:
    assert supported_languages() == ("de", "en", "es", "fr", "it", "ru", "uk")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Il ministro degli Esteri ha incontrato il segretario di Stato a Ginevra.", "it"),
        ("The foreign minister met the secretary of state in Geneva on Friday.", "en"),
        ("Le ministre des Affaires étrangères a rencontré son homologue à Genève.", "fr"),
        ("El ministro de Asuntos Exteriores se reunió con su homólogo en Ginebra.", "es"),
        ("Der Außenminister traf seinen amerikanischen Amtskollegen in Genf.", "de"),
        ("Министр иностранных дел встретился с госсекретарём в Женеве.", "ru"),
        ("Міністр закордонних справ зустрівся з держсекретарем у Женеві.", "uk"),
    ],
)
def test_identifies_supported_languages(text: str, lang: str) -> None:
    guess = identify(text)
    assert (guess.lang, guess.supported) == (lang, True)
    assert guess.confidence >= 0.6


def test_too_short_is_undetermined() -> None:
    assert identify("OK 42").lang == "und"


def test_other_languages_are_reported_as_unsupported() -> None:
    guess = identify("这是一个关于国际新闻的中文句子。外交部长今天在日内瓦会见了他的同事。")
    assert guess.supported is False and guess.lang == "zh"
