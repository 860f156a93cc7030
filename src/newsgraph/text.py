"""Word tokens with character offsets, the same for names in the knowledge base and for text."""

from __future__ import annotations

import re
import unicodedata
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
    new = tuple.__new__
    return [
        new(Token, (m.start() + offset, m.end() + offset, (w := m.group()), w[:1].isalnum()))
        for m in _TOKEN.finditer(text)
    ]


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """``"Sergej Lavrov"`` → ``"sergej-lavrov"``: ASCII, lower case; empty for no Latin letters."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_name.lower()).strip("-")
