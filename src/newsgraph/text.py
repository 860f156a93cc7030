"""Word tokens with character offsets, the same for names in the knowledge base and for text."""

from __future__ import annotations

import re
import unicodedata
from itertools import accumulate, repeat
from operator import itemgetter
from typing import NamedTuple

_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # abbreviations: U.S., U.K.
    r"|(?:[lLdD]|[Dd]ell|[Aa]ll|[Dd]all|[Nn]ell|[Ss]ull|[Uu]n|[Qq]uest|[Qq]uell|[Cc]|[Tt]utt"
    r"|[Gg]l)['’](?=[^\W\d_])"  # Italian/French elisions: l', dell', d'
    # words, with inner apostrophes (O'Brien), but an English possessive is a token of its
    # own; possessive quantifiers: a word is read once, with no backtracking
    r"|\w++(?:(?=['’]s(?!\w))|(?:['’]\w++)*+)|['’]s(?!\w)"
    r"|\S"  # anything else, one character at a time
)
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
_FIRST = itemgetter(0)


class Token(NamedTuple):
    """A token: a named tuple rather than a frozen dataclass, as a document makes thousands
    and a tuple is made several times faster."""

    start: int
    end: int
    text: str
    is_word: bool  # starts with a letter or a digit

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The tokens of ``text``; offsets are shifted by ``offset``."""
    # split() gives gap, token, gap, token, ..., gap; the offsets are the running sum of
    # their lengths: no Python code runs per token
    pieces = _TOKEN_SPLIT.split(text)
    words = pieces[1::2]
    at = list(accumulate(map(len, pieces), initial=offset))
    is_word = map(str.isalnum, map(_FIRST, words))  # tokens are never empty
    return list(
        map(tuple.__new__, repeat(Token), zip(at[1:-1:2], at[2::2], words, is_word, strict=True))
    )


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """``"Sergej Lavrov"`` → ``"sergej-lavrov"``: ASCII, lower case; empty for no Latin letters."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_name.lower()).strip("-")
