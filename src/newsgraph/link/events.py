"""One event per happening: reports of the same event, from any outlet and language, merged.

Two reports describe the same happening when they come from different articles (within one
article the extractor has already merged what is one), have the same PLOVER type (and both
are real, or both hypothetical), share resolved participants (two actor ids, or the only one
a report names, or at least two of their states: "the heads of diplomacy of Moscow and
Washington" and "Lavrov and Blinken"), have compatible dates (stated dates that overlap; an
undated report published on or a few days after the stated date) and compatible places.
Among several compatible clusters the
best score wins; near ties are broken by the cross-lingual similarity of the evidence
sentences, never decided by it alone.

Candidates come from an index keyed by (type, participant or state, week), so each new
report is compared with a handful of clusters whatever the size of the corpus: adding
reports is incremental and costs about O(log n) each.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from newsgraph.link.embed import Embedder
from newsgraph.link.records import Cluster, EventRecord, cluster_id

REPORT_LAG_DAYS = 3  # an undated report can come this long after the happening
SAME_REPORT_WINDOW = 2  # two undated reports this close describe one happening
PRECISE_DAYS = 2  # a stated date spanning more days does not place undated reports
MAX_INDEXED_WEEKS = 10  # clusters with a wider date are indexed as "wide"
TIE_MARGIN = 0.05
WIDE = -1


@dataclass(frozen=True, slots=True)
class Match:
    """Why an event joined a cluster (for ``newsgraph explain``)."""

    cluster: str
    score: float
    shared: tuple[str, ...]  # participants (ids or states) in common
    date: str  # how the dates agree
    place: str  # how the places agree
    similarity: float | None = None  # set when it broke a tie


def linking_order(events: Iterable[EventRecord]) -> list[EventRecord]:
    """Reports with a precise stated date first, then vaguer ones, then undated ones, each by
    date: a vague report ("they last met in January") then finds the precise happening."""

    def key(ev: EventRecord) -> tuple[int, int, int, str]:
        if ev.days is not None:
            return (0 if ev.days[0] == ev.days[1] else 1, ev.days[0], ev.reported or 0, ev.id)
        return (2, ev.reported or 0, 0, ev.id)

    return sorted(events, key=key)


def _precise(days: tuple[int, int]) -> bool:
    """A stated date precise enough for an undated report to be placed by its report day
    (a day or two; "in January" is not)."""
    return days[1] - days[0] <= PRECISE_DAYS


def _overlap(a: str, b: str) -> float:
    """Jaccard similarity of the words of two texts in one language."""
    wa, wb = set(a.casefold().split()), set(b.casefold().split())
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def _unresolved(place: str) -> bool:
    """A place the gazetteer did not know ("loc:…"): it cannot tell two reports apart."""
    return place.startswith("loc:")


def _weeks(lo: int, hi: int) -> list[int]:
    if hi - lo > 7 * MAX_INDEXED_WEEKS:
        return [WIDE]
    return list(range(lo // 7, hi // 7 + 1))


class EventLinker:
    """Clusters events incrementally; ``add`` returns the cluster an event joined."""

    def __init__(self, *, embedder: Embedder | None = None) -> None:
        self.clusters: dict[str, Cluster] = {}
        self._index: dict[tuple[str, bool, str, int], set[str]] = defaultdict(set)
        self._embedder = embedder
        self.matches: dict[str, Match] = {}  # event id -> why it joined (merged events only)

    # -- index -----------------------------------------------------------------

    def _keys(
        self, typ: str, hyp: bool, names: Iterable[str], weeks: list[int]
    ) -> list[tuple[str, bool, str, int]]:
        return [(typ, hyp, name, w) for name in names for w in weeks]

    def _index_cluster(self, c: Cluster) -> None:
        span = c.anchor
        if span is None:
            return
        lo, hi = span
        if c.days is None and c.last_reported is not None:
            hi = max(hi, c.last_reported)
        for key in self._keys(c.type, c.hypothetical, c.participants | c.countries, _weeks(lo, hi)):
            self._index[key].add(c.id)

    def load(self, clusters: Iterable[Cluster]) -> None:
        """Start from clusters made earlier (stored in the database)."""
        for c in clusters:
            c.dirty = False
            self.clusters[c.id] = c
            self._index_cluster(c)

    def _candidates(self, ev: EventRecord) -> set[str]:
        if ev.days is not None:
            lo, hi = ev.days[0] - REPORT_LAG_DAYS - 1, ev.days[1] + REPORT_LAG_DAYS
        elif ev.reported is not None:
            lo, hi = ev.reported - REPORT_LAG_DAYS - 1, ev.reported + SAME_REPORT_WINDOW
        else:
            return set()
        weeks = [*_weeks(lo, hi), WIDE]
        found: set[str] = set()
        for key in self._keys(ev.type, ev.hypothetical, ev.participants | ev.countries, weeks):
            found |= self._index.get(key, set())
        return found

    # -- matching --------------------------------------------------------------

    @staticmethod
    def _dates(c: Cluster, ev: EventRecord) -> tuple[float, str] | None:
        if ev.days is not None and c.days is not None:
            if ev.days[0] <= c.days[1] + 1 and c.days[0] <= ev.days[1] + 1:
                same_day = ev.days == c.days and ev.days[0] == ev.days[1]
                return (1.0, "same day") if same_day else (0.6, "dates overlap")
            return None
        if ev.days is not None:  # the cluster's reports give no date: they come after it
            first = c.first_reported
            if (
                first is not None
                and _precise(ev.days)
                and ev.days[0] <= first <= ev.days[1] + REPORT_LAG_DAYS
            ):
                return 0.5, "undated reports follow the stated date"
            return None
        if ev.reported is None:
            return None
        if c.days is not None:
            if _precise(c.days) and c.days[0] <= ev.reported <= c.days[1] + REPORT_LAG_DAYS:
                return 0.5, "undated report follows the stated date"
            return None
        first = c.first_reported
        if first is not None and abs(ev.reported - first) <= SAME_REPORT_WINDOW:
            return 0.3, "undated reports on close days"
        return None

    @staticmethod
    def _places(c: Cluster, ev: EventRecord) -> tuple[float, str] | None:
        if not ev.place or not c.place or _unresolved(ev.place) or _unresolved(c.place):
            return 0.0, "no resolved place on one side"
        if ev.place == c.place:
            return 0.5, "same place"
        if ev.place == c.place_country or c.place == ev.place_country:
            return 0.2, "a place in the named state"
        return None

    @staticmethod
    def _shared(c: Cluster, ev: EventRecord) -> tuple[float, tuple[str, ...]] | None:
        ids = c.participants & ev.participants
        # two in common, or the only one a side names ("Russia attacked" / "Russia and Ukraine")
        if ids and len(ids) >= min(2, len(c.participants), len(ev.participants)):
            return len(ids) / len(c.participants | ev.participants), tuple(sorted(ids))
        states = c.countries & ev.countries
        if len(states) >= 2:
            return 0.5 * len(states) / len(c.countries | ev.countries), tuple(sorted(states))
        return None

    def _score(self, c: Cluster, ev: EventRecord) -> Match | None:
        if ev.doc_id in c.documents:
            return None  # the extractor already told one article's happenings apart
        shared = self._shared(c, ev)
        if shared is None:
            return None
        dates = self._dates(c, ev)
        if dates is None:
            return None
        places = self._places(c, ev)
        if places is None:
            return None
        score = shared[0] + dates[0] + places[0]
        return Match(c.id, round(score, 4), shared[1], dates[1], places[1])

    def _gap(self, ev: EventRecord, m: Match) -> int:
        """Days between the report and the happening (their middles)."""
        mine = ev.days or ((ev.reported, ev.reported) if ev.reported is not None else None)
        theirs = self.clusters[m.cluster].anchor
        if mine is None or theirs is None:
            return 0
        return abs((mine[0] + mine[1]) - (theirs[0] + theirs[1])) // 2

    def _tie_break(self, ev: EventRecord, tied: list[Match]) -> Match:
        """Closer in time first, then more in common; a true tie goes to the most similar
        evidence: shared words within a language, the cross-lingual embedding across
        languages (it costs milliseconds a sentence, so it is the last resort)."""
        ranked = sorted(tied, key=lambda m: (self._gap(ev, m), -len(m.shared), m.cluster))
        key = [(self._gap(ev, m), len(m.shared)) for m in ranked[:2]]
        if key[0] != key[1] or not ev.text:
            return ranked[0]
        tied = [m for m in ranked if (self._gap(ev, m), len(m.shared)) == key[0]]
        same_lang = all(ev.lang in self.clusters[m.cluster].langs for m in tied)
        best, best_sim = tied[0], -2.0
        for m in tied:
            texts = self.clusters[m.cluster].texts
            if not texts:
                continue
            if same_lang or self._embedder is None:
                sim = max(_overlap(ev.text, t) for t in texts)
            else:
                sim, _, _ = self._embedder.best_pair([ev.text], texts)
            if sim > best_sim:
                best, best_sim = m, sim
        return Match(
            best.cluster, best.score, best.shared, best.date, best.place, round(best_sim, 4)
        )

    def best_match(self, ev: EventRecord) -> Match | None:
        matches = [
            m
            for cid in self._candidates(ev)
            if (m := self._score(self.clusters[cid], ev)) is not None
        ]
        if not matches:
            return None
        matches.sort(key=lambda m: (-m.score, m.cluster))
        tied = [m for m in matches if matches[0].score - m.score <= TIE_MARGIN]
        return self._tie_break(ev, tied) if len(tied) > 1 else matches[0]

    def add(self, ev: EventRecord) -> str:
        """Put ``ev`` in the cluster of its happening (a new one if none fits); its id."""
        match = self.best_match(ev)
        if match is None:
            cluster = Cluster(cluster_id(ev.id), ev.type, ev.hypothetical)
            self.clusters[cluster.id] = cluster
        else:
            cluster = self.clusters[match.cluster]
            self.matches[ev.id] = match
        cluster.add(ev)
        self._index_cluster(cluster)
        return cluster.id
