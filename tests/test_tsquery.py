"""Search queries in FTS5 syntax translated for PostgreSQL (no server needed)."""

from __future__ import annotations

import pytest

from newsgraph.errors import StoreError
from newsgraph.store.tsquery import to_tsquery


@pytest.mark.parametrize(
    ("query", "tsquery"),
    [
        ("Ginevra", "'Ginevra'"),
        ("Lavrov Blinken", "('Lavrov' & 'Blinken')"),
        ("Lavrov AND Blinken", "('Lavrov' & 'Blinken')"),
        ('"Sergey Lavrov"', "('Sergey' <-> 'Lavrov')"),
        ('"say ""no"""', "('say' <-> 'no')"),
        ("Tokyo OR Ginevra", "('Tokyo' | 'Ginevra')"),
        ("Ginevra NOT Tokyo", "('Ginevra' & !'Tokyo')"),
        ("Ginev*", "'Ginev':*"),
        ('"Sergey Lav"*', "('Sergey' <-> 'Lav':*)"),
        ("(a OR b) c", "(('a' | 'b') & 'c')"),
        ("e-mail", "('e' <-> 'mail')"),
        ("città", "'città'"),
        ("'; DROP TABLE documents", "('DROP' & 'TABLE' & 'documents')"),
        ("", None),
        ("...", None),
    ],
)
def test_fts5_queries_become_tsqueries(query: str, tsquery: str | None) -> None:
    assert to_tsquery(query) == tsquery


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ('"unbalanced', "unterminated string"),
        ("(a OR b", "a parenthesis is not closed"),
        ("a OR", "a word is missing before 'the end'"),
        ("NOT a", "a word is missing before 'NOT'"),
        ("a)", "unexpected ')'"),
        ("NEAR(a b)", "NEAR is not supported on PostgreSQL"),
    ],
)
def test_queries_fts5_would_refuse_are_refused_with_a_hint(query: str, says: str) -> None:
    with pytest.raises(StoreError, match="put phrases in double quotes") as caught:
        to_tsquery(query)
    assert says in str(caught.value)
