"""Tables that load quickly from the cache answer exactly as the dicts they replace."""

from __future__ import annotations

import pickle
import random

import pytest
import simplemma

from newsgraph import lemmas, sorted_table
from newsgraph.sorted_table import SortedTable, Strings


def _words(n: int) -> dict[str, int]:
    rng = random.Random(7)
    letters = "abcdeéжщ'- "
    return {"".join(rng.choices(letters, k=rng.randint(1, 9))): i for i in range(n)}


@pytest.mark.parametrize("switch", [10**9, 50])  # bisection only; a dict after 50 bisections
def test_a_sorted_table_answers_as_its_dict(monkeypatch: pytest.MonkeyPatch, switch: int) -> None:
    monkeypatch.setattr(sorted_table, "LOOKUPS_BEFORE_TABLE", switch)
    pairs = _words(500)
    table = pickle.loads(pickle.dumps(SortedTable.of(pairs)))
    probes = [*pairs, "", "zzz", "a\u0301", *(k + "x" for k in list(pairs)[:100])]
    for key in probes * 2:  # the second time from what the table remembers
        assert table.get(key) == pairs.get(key)
        assert table.get(key, -1) == pairs.get(key, -1)
        assert (key in table) == (key in pairs)
    assert len(table) == len(pairs) and sorted(table) == sorted(pairs)
    with pytest.raises(KeyError):
        table["not a key"]


def test_strings_and_small_counts_are_stored_as_columns() -> None:
    table = SortedTable.of({"b": "второй", "a": "first", "c": ""}, Strings.of)
    assert [table.get(k) for k in "abcd"] == ["first", "второй", "", None]
    counts = pickle.loads(pickle.dumps(SortedTable.of({"x": 3, "y": 1}, bytes)))
    assert counts.get("x", 0) == 3 and counts.get("z", 0) == 0
    with pytest.raises(ValueError, match="NUL"):
        Strings.of(["a\x00b"])


@pytest.mark.parametrize("lang", ["it", "en"])
def test_lemmas_are_simplemma_s(lang: str) -> None:
    words = {
        "it": ["ha", "incontrato", "ministri", "Ginevra", "dell'Ucraina", "xqzw", "123"],
        "en": ["met", "ministers", "said", "Geneva", "children's", "xqzw", "U.S."],
    }[lang]
    for word in words:
        assert lemmas.lemmatize(word, lang) == simplemma.lemmatize(word, lang=lang)
        assert lemmas.is_known(word.casefold(), lang) == simplemma.is_known(word.casefold(), lang)
