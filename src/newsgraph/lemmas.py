"""Lemmas and known words from simplemma, with its dictionaries read from the cache.

On first use simplemma decodes a language's whole dictionary (lzma, front-coded): half a
second for Italian, two for Russian, where one article needs a few hundred words.  Here
the decoded pairs are kept in :mod:`newsgraph.diskcache` as a
:class:`~newsgraph.sorted_table.SortedTable`, which loads in milliseconds.  The
lemmatiser and the lookup are simplemma's own, so lemmas are exactly those of
``simplemma.lemmatize`` and ``simplemma.is_known``.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from newsgraph.diskcache import cached, fingerprint
from newsgraph.sorted_table import SortedTable, Strings

CACHE_VERSION = 2


@cache
def dictionary(lang: str) -> Mapping[str, str]:
    """simplemma's dictionary of ``lang`` (inflected form -> lemma), from the cache."""
    import simplemma
    from simplemma.strategies.dictionaries.dictionary_factory import (
        DATA_FOLDER,
        DefaultDictionaryFactory,
    )

    source = DATA_FOLDER / f"{lang}.plzma"
    if not source.is_file():  # simplemma's own error (a ValueError) for a language it lacks
        return DefaultDictionaryFactory().get_dictionary(lang)
    stat = source.stat()
    key = fingerprint(CACHE_VERSION, simplemma.__version__, lang, stat.st_size, stat.st_mtime_ns)

    def build() -> SortedTable[str]:
        decoded = DefaultDictionaryFactory().get_dictionary(lang)
        return SortedTable.of(dict(decoded.items()), Strings.of)

    return cached(f"lemmas-{lang}", key, build, SortedTable)


class _CachedDictionaries:
    """A simplemma ``DictionaryFactory`` that serves :func:`dictionary`."""

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        return dictionary(lang)


@cache
def _lemmatizer() -> Any:
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    return Lemmatizer(
        lemmatization_strategy=DefaultStrategy(dictionary_factory=_CachedDictionaries())
    )


@cache
def _lookup() -> Any:
    from simplemma.strategies import DictionaryLookupStrategy

    return DictionaryLookupStrategy(_CachedDictionaries())


def lemmatize(word: str, lang: str) -> str:
    """``simplemma.lemmatize(word, lang=lang)``; ValueError for a language it does not know."""
    return str(_lemmatizer().lemmatize(word, lang))


def is_known(word: str, lang: str) -> bool:
    """``simplemma.is_known(word, lang=lang)``: is ``word`` in the language's dictionary?"""
    from simplemma.utils import normalize_token

    if not word:
        raise ValueError("Wrong input value: empty string")
    return _lookup().get_lemma(normalize_token(word), lang) is not None
