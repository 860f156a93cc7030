"""Word tokens with character offsets, the same for names in the knowledge base and for text."""

from __future__ import annotations

import re
import unicodedata
from functools import partial
from itertools import accumulate
from operator import itemgetter
from typing import NamedTuple

_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # abbreviations: U.S., U.K.
    r"|(?:[lLdD]|[Dd]ell|[Aa]ll|[Dd]all|[Nn]ell|[Ss]ull|[Uu]n|[Qq]uest|[Qq]uell|[Cc]|[Tt]utt"
    r"|[Gg]l)['’](?=[^\W\d_])"  # Italian/French elisions: l', dell', d'
    r"|\w+(?=['’]s(?!\w))|['’]s(?!\w)"  # an English possessive is a token of its own
    r"|\w+(?:['’]\w+)*"  # words, with inner apostrophes (O'Brien)
    r"|\S"  # anything else, one character at a time
)


# the same matches as _TOKEN.finditer, as the odd items of split()
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")


class Token(NamedTuple):
    """A token (a tuple, so that a text's tokens are made without a Python call each)."""

    start: int
    end: int
    text: str
    is_word: bool  # starts with a letter or a digit

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


_make_token = partial(tuple.__new__, Token)
_first = itemgetter(0)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The tokens of ``text``; offsets are shifted by ``offset``."""
    pieces = _TOKEN_SPLIT.split(text)  # gap, token, gap, token, ..., gap
    at = list(accumulate(map(len, pieces), initial=offset))  # where each piece starts
    words = pieces[1::2]
    flags = map(str.isalnum, map(_first, words))
    return list(map(_make_token, zip(at[1:-1:2], at[2::2], words, flags, strict=True)))


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """``"Sergej Lavrov"`` → ``"sergej-lavrov"``: ASCII, lower case; empty for no Latin letters."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_name.lower()).strip("-")
