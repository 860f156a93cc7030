"""Commitment tracking: each promise's status as the coverage goes on.

``pending`` from the day it is reported; ``due`` when its range starts; ``kept`` when a later
sentence names the committed actor (or its state) with a fulfilment cue of its language
("delivered", "consegnata", "передали") about the same thing; ``broken`` with a breach cue
("called off", "annullato"); ``overdue`` when the range has passed with neither.  "The same
thing" is measured between the content words of the promise and those around the cue, with a
cross-lingual embedding, so an Italian promise of "una risposta scritta" is kept by an
English "delivered its written response".  Every change keeps its evidence and its reasons.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any, Literal, Protocol

from newsgraph.extract.context import Sentence, make_sentence
from newsgraph.extract.lexicon import Hit, Lexicon
from newsgraph.lang import pack_data, word_set
from newsgraph.link.embed import Embedder
from newsgraph.link.records import day_range, iso

MODAL_WINDOW = 4  # "will deliver", "could send", "if they hand over": not done yet
SAME_THING = 0.75  # cosine between content-word pairs of the promise and of the report
CUE_WINDOW = 8  # tokens either side of the cue that say what was delivered or cancelled

Outcome = Literal["kept", "broken"]


class CommitmentSource(Protocol):
    def commitment_rows(self) -> list[dict[str, Any]]: ...

    def sentences_with_actors(
        self, actor_ids: Sequence[str], countries: Sequence[str], *, since: str
    ) -> list[dict[str, Any]]: ...


@cache
def _cues(lang: str) -> Lexicon:
    data = pack_data(lang, "commitments")
    lex = Lexicon()
    lex.add_words(data.get("breach_cues") or (), "broken")  # "failed to deliver" first
    lex.add_words(data.get("fulfilment_cues") or (), "kept")
    return lex


@cache
def _modal(lang: str) -> Lexicon:
    """Words that make what follows a hypothesis, a future or a condition."""
    data = pack_data(lang, "modality")
    lex = Lexicon()
    lex.add_words([*(data.get("hypothetical") or ()), *(data.get("conditional") or ())], "modal")
    return lex


@cache
def _stop_words(lang: str) -> frozenset[str]:
    return word_set(pack_data(lang, "stopwords"), "stop_words")


def _content_pairs(sent: Sentence, lo: int, hi: int, lang: str) -> list[str]:
    """Pairs of neighbouring content words in tokens [lo, hi): lower-case, not names."""
    stop = _stop_words(lang)
    words = [
        t.text.casefold()
        for t in sent.tokens[max(0, lo) : hi]
        if t.is_word and len(t.text) > 2 and not t.text[0].isupper() and t.text.isalpha()
        if t.text.casefold() not in stop
    ]
    return [f"{a} {b}" for a, b in pairwise(words)]


@dataclass(frozen=True, slots=True)
class Change:
    status: str
    date: str | None
    fact_kind: str | None = None
    doc_id: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    reason: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


class Tracker:
    """Works out the status history of every commitment in a store."""

    def __init__(self, store: CommitmentSource, *, embedder: Embedder, as_of: str) -> None:
        self.store = store
        self.embedder = embedder
        self.as_of = as_of
        self._as_of_day = (day_range(as_of) or (0, 0))[0]
        self._sentences: dict[tuple[str, int], Sentence] = {}

    def history(
        self,
        row: dict[str, Any],
        promised: list[str],
        candidates: list[tuple[dict[str, Any], Hit, list[str]]],
    ) -> list[Change]:
        data = json.loads(row["data"])
        evidence = data["evidence"]
        made = row["published"]
        changes = [
            Change(
                "pending",
                made,
                "commitment",
                row["doc_id"],
                evidence["start"],
                evidence["end"],
                evidence["text"],
                {"actor": row["actor_id"], "recipient": row["recipient_id"]},
            )
        ]
        due = day_range(row["due_start"], row["due_end"])
        outcome = self._outcome(row, promised, candidates) if made else None
        due_start = iso(due[0]) if due else None
        if (
            due
            and due[0] <= self._as_of_day
            and (outcome is None or (outcome.date or "") > (due_start or ""))
        ):
            changes.append(Change("due", due_start, reason={"due": [due_start, iso(due[1])]}))
        if outcome is not None:
            changes.append(outcome)
        elif due and due[1] < self._as_of_day:
            changes.append(
                Change(
                    "overdue",
                    iso(due[1] + 1),
                    reason={"due": [iso(due[0]), iso(due[1])], "as_of": self.as_of},
                )
            )
        return changes

    def _sentence(self, cand: dict[str, Any]) -> Sentence:
        key = (cand["doc_id"], cand["start"])
        if key not in self._sentences:
            self._sentences[key] = make_sentence(
                cand["text"], start=cand["start"], lang=cand["lang"]
            )
        return self._sentences[key]

    def _reports(self, cand: dict[str, Any]) -> list[tuple[Hit, list[str]]]:
        """The cues of a candidate sentence that report a done deed (not a question, a
        hypothesis or a condition), each with the content-word pairs around it."""
        if cand["text"].rstrip().endswith("?"):
            return []
        sent = self._sentence(cand)
        hits = _cues(cand["lang"]).find(sent)
        if not hits:
            return []
        modal = [h.last for h in _modal(cand["lang"]).find(sent)]
        return [
            (hit, _content_pairs(sent, hit.first - CUE_WINDOW, hit.last + CUE_WINDOW, cand["lang"]))
            for hit in hits
            if not any(0 <= hit.first - end <= MODAL_WINDOW for end in modal)
        ]

    def _candidates(self, row: dict[str, Any]) -> list[tuple[dict[str, Any], Hit, list[str]]]:
        actors = [row["actor_id"]] if row["actor_id"] else []
        countries = [row["actor_country"]] if row["actor_country"] else []
        found = []
        for cand in self.store.sentences_with_actors(actors, countries, since=row["published"]):
            if cand["doc_id"] == row["doc_id"] or cand["published"] > self.as_of:
                continue
            found += [(cand, hit, pairs) for hit, pairs in self._reports(cand) if pairs]
        return found

    def _outcome(
        self,
        row: dict[str, Any],
        promised: list[str],
        candidates: list[tuple[dict[str, Any], Hit, list[str]]],
    ) -> Change | None:
        """The first later sentence that keeps or breaks the commitment."""
        for cand, hit, found in candidates:
            sim, a, b = self.embedder.best_pair(promised, found)
            if sim < SAME_THING:
                continue
            sent = self._sentence(cand)
            lo, hi = sent.tokens[hit.first].start, sent.tokens[hit.last - 1].end
            return Change(
                str(hit.entry),
                cand["published"],
                "sentence",
                cand["doc_id"],
                cand["start"],
                cand["end"],
                cand["text"],
                {
                    "actor": row["actor_id"],
                    "state": row["actor_country"],
                    "cue": cand["text"][lo - sent.start : hi - sent.start],
                    "promised": a,
                    "found": b,
                    "similarity": round(sim, 3),
                },
            )
        return None

    def _promised(self, row: dict[str, Any]) -> list[str]:
        content = json.loads(row["data"])["content"]
        promise = make_sentence(content["text"], start=content["start"], lang=row["lang"])
        return _content_pairs(promise, 0, len(promise.tokens), row["lang"])

    def run(self) -> dict[str, list[dict[str, Any]]]:
        rows = self.store.commitment_rows()
        promised = {r["id"]: self._promised(r) for r in rows}
        candidates = {r["id"]: self._candidates(r) if promised[r["id"]] else [] for r in rows}
        # one batch for every phrase to compare: the encoder's cost is mostly per call
        self.embedder.vectors(
            [p for ps in promised.values() for p in ps]
            + [p for cs in candidates.values() for _, _, ps in cs for p in ps]
        )
        return {
            r["id"]: [c.to_dict() for c in self.history(r, promised[r["id"]], candidates[r["id"]])]
            for r in rows
        }
