"""Near-duplicates: the same story republished with small edits (another intro line, header
or footer, a changed sentence), found by MinHash over word shingles.

A document's *signature* is the MinHash (datasketch) of its 5-word shingles after
normalisation (Unicode NFKC, case folded, words only).  Signatures are cut into bands as
:class:`datasketch.MinHashLSH` would (its parameters for the threshold); the store keeps the
band keys in a table, so the LSH index lives in the database (flat memory, survives across
runs); a candidate whose MinHash estimate comes near the threshold is confirmed by the exact
Jaccard similarity of the two shingle sets.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
SHINGLE_WORDS = 5
THRESHOLD = 0.8
#: Shorter documents are never near-duplicates: in a few lines, one changed word is news.
MIN_WORDS = 50
#: LSH weights (false positives, false negatives): favour recall, candidates are verified.
LSH_WEIGHTS = (0.1, 0.9)
_WORD = re.compile(r"\w+")
_DTYPE = np.uint32


@dataclass(frozen=True, slots=True)
class Signature:
    """The MinHash of one document's shingles (``NUM_PERM`` 32-bit values)."""

    values: bytes

    def array(self) -> np.ndarray[tuple[int], np.dtype[np.uint32]]:
        return np.frombuffer(self.values, dtype=_DTYPE)

    def jaccard(self, other: Signature) -> float:
        """The estimated Jaccard similarity of the two documents' shingle sets."""
        return float(np.count_nonzero(self.array() == other.array()) / NUM_PERM)

    def band_keys(self) -> list[int]:
        """One signed 64-bit key per LSH band (band number included)."""
        bands, rows = lsh_params()
        values = self.array()
        keys = []
        for band in range(bands):
            chunk = values[band * rows : (band + 1) * rows].tobytes()
            digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
            keys.append(int.from_bytes(digest, "little", signed=True))
        return keys

    def hex(self) -> str:
        return self.values.hex()

    @classmethod
    def from_hex(cls, text: str) -> Signature:
        return cls(bytes.fromhex(text))


@cache
def lsh_params() -> tuple[int, int]:
    """(bands, rows per band) that datasketch's MinHashLSH picks for ``THRESHOLD``."""
    from datasketch import MinHashLSH  # imported when needed: it loads SciPy (a second)

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM, weights=LSH_WEIGHTS)
    return int(lsh.b), int(lsh.r)


@cache
def _empty_minhash() -> MinHash:
    from datasketch import MinHash  # imported when needed: it loads SciPy (a second)

    return MinHash(num_perm=NUM_PERM)  # building the permutations costs ms: do it once


def normalized_words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(words: list[str], *, size: int = SHINGLE_WORDS) -> set[bytes]:
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature_of(text: str) -> Signature | None:
    """The signature of a cleaned text, or None when it is too short to compare."""
    words = normalized_words(text)
    if len(words) < MIN_WORDS:
        return None
    minhash = _empty_minhash().copy()
    minhash.update_batch(shingles(words))
    return Signature(np.asarray(minhash.hashvalues, dtype=_DTYPE).tobytes())
