"""Search queries in FTS5 syntax, translated to a PostgreSQL ``tsquery``.

Both backends take the same queries: plain words (all must occur), ``"a phrase"``, ``OR``,
``NOT`` (``a NOT b``: a without b), ``AND``, parentheses and ``prefix*``.  Words are the
runs of letters and digits, as FTS5's tokenizer sees them; a word with punctuation inside
(``e-mail``, ``title:x``) is searched for as a phrase.  ``NEAR`` and FTS5's column filters
are not translated: ``NEAR(...)`` is refused and ``title:x`` is the phrase "title x".
"""

from __future__ import annotations

import re

from newsgraph.errors import StoreError

_TOKEN = re.compile(
    r'\s*(?:(?P<phrase>"(?:[^"]|"")*")(?P<star>\*)?|(?P<paren>[()])|(?P<word>[^\s()"]+))'
)
_WORD = re.compile(r"\w+")


def _fail(query: str, why: str) -> StoreError:
    return StoreError(f"cannot search for {query!r} ({why}); put phrases in double quotes")


def _tokens(query: str) -> list[str]:
    out: list[str] = []
    pos = 0
    while query[pos:].strip():
        m = _TOKEN.match(query, pos)
        if m is None:
            raise _fail(query, "unterminated string")
        pos = m.end()
        if m["phrase"]:
            out.append(m["phrase"][1:-1].replace('""', '"') + "\0" + ("*" if m["star"] else ""))
        else:
            out.append(m["paren"] or m["word"])
    return out


def _operand(text: str, *, prefix: bool) -> str | None:
    """Words as a tsquery phrase (``'a' <-> 'b'``); ``prefix`` marks the last as a prefix."""
    words = _WORD.findall(text)
    if not words:
        return None
    quoted = [f"'{w}'" for w in words]
    if prefix:
        quoted[-1] += ":*"
    return quoted[0] if len(quoted) == 1 else "(" + " <-> ".join(quoted) + ")"


def to_tsquery(query: str) -> str | None:
    """The ``to_tsquery`` text for an FTS5 query, or None when it holds no word at all.

    Raises :class:`StoreError` (saying how to fix it) for queries FTS5 would refuse too.
    """
    tokens = _tokens(query)
    pos = 0

    def peek() -> str | None:
        return tokens[pos] if pos < len(tokens) else None

    def take() -> str:
        nonlocal pos
        pos += 1
        return tokens[pos - 1]

    def primary() -> str | None:
        token = peek()
        if token is None or token in {")", "AND", "OR", "NOT"}:
            raise _fail(query, f"a word is missing before {token or 'the end'!r}")
        take()
        if token == "(":
            inner = disjunction()
            if take_if(")") is None:
                raise _fail(query, "a parenthesis is not closed")
            return inner
        if token == "NEAR" and peek() == "(":
            raise _fail(query, "NEAR is not supported on PostgreSQL")
        if "\0" in token:
            text, star = token.split("\0")
            return _operand(text, prefix=bool(star))
        return _operand(token.rstrip("*"), prefix=token.endswith("*"))

    def take_if(token: str) -> str | None:
        return take() if peek() == token else None

    def negation() -> str | None:
        left = primary()
        while take_if("NOT"):
            right = primary()
            if right is not None:
                left = f"({left} & !{right})" if left is not None else None
        return left

    def conjunction() -> str | None:
        parts = [negation()]
        while peek() not in {None, ")", "OR"}:
            take_if("AND")
            parts.append(negation())
        kept = [p for p in parts if p is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else "(" + " & ".join(kept) + ")"

    def disjunction() -> str | None:
        parts = [conjunction()]
        while take_if("OR"):
            parts.append(conjunction())
        kept = [p for p in parts if p is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else "(" + " | ".join(kept) + ")"

    if not tokens:
        return None
    result = disjunction()
    if pos < len(tokens):
        raise _fail(query, f"unexpected {tokens[pos]!r}")
    return result
