"""Language identification with py3langid, restricted to the languages newsgraph supports.

The model scores all of its languages; the best supported language wins,
with a confidence renormalised over the supported set.  Text that the full
model confidently assigns to an unsupported language is reported as that
language (``supported=False``); text too short or too ambiguous is ``und``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsgraph.lang import supported_languages

UNDETERMINED = "und"
SAMPLE_CHARS = 2500
MIN_LETTERS = 12
MIN_CONFIDENCE = 0.6
FOREIGN_CONFIDENCE = 0.9
_NOT_LANGUAGES = frozenset({"zxx", "und"})


@dataclass(frozen=True, slots=True)
class LangGuess:
    lang: str
    confidence: float
    supported: bool


@cache
def _identifier() -> Any:
    """py3langid's model, unpacked once and kept in the disk cache (unpacking takes ~1 s)."""
    import py3langid
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from newsgraph.diskcache import cached, fingerprint

    def build() -> LanguageIdentifier:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)

    key = fingerprint(py3langid.__file__, getattr(py3langid, "__version__", ""), MODEL_FILE)
    return cached("langid", key, build, LanguageIdentifier)


def _softmax(scores: list[tuple[str, float]], temperature: float) -> dict[str, float]:
    top = max(s for _, s in scores)
    weights = {lang: math.exp((s - top) / temperature) for lang, s in scores}
    total = sum(weights.values())
    return {lang: w / total for lang, w in weights.items()}


def identify(text: str) -> LangGuess:
    """The language of ``text`` among the supported ones, or why not."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return LangGuess(UNDETERMINED, 0.0, True)
    ranked: list[tuple[str, float]] = _identifier().rank(sample)
    # py3langid calibrates its raw scores with a temperature of sqrt(bytes).
    temperature = math.sqrt(len(sample.encode("utf-8")) or 1)
    everything = _softmax(ranked, temperature)
    best_any = max(everything, key=lambda k: everything[k])
    supported = set(supported_languages())
    if (
        best_any not in supported
        and best_any not in _NOT_LANGUAGES
        and everything[best_any] >= FOREIGN_CONFIDENCE
    ):
        return LangGuess(best_any, round(everything[best_any], 4), False)
    restricted = _softmax([(k, s) for k, s in ranked if k in supported], temperature)
    best = max(restricted, key=lambda k: restricted[k])
    confidence = round(restricted[best], 4)
    if confidence < MIN_CONFIDENCE:
        return LangGuess(UNDETERMINED, confidence, True)
    return LangGuess(best, confidence, True)
