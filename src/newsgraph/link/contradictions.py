"""Contradictions: what was said against what happened (or was said) next.

- ``denial_then_event``: a statement denies an event ("Russia has no intention of attacking
  Ukraine": ASSAULT RUS → UKR, negated) and later coverage reports that event (a happening of
  the same type that involves everyone the denial names) after the statement.
- ``claim_then_denial``: a statement asserts an event ("X attacked Y") and a later statement
  denies it ("X did not attack Y").  Questions neither claim nor deny.

States and people are compared through their state, so a denial by "Mosca" meets an
invasion reported with "Russian forces" or "Putin".
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any, Protocol

from newsgraph.link.records import day_of


class ClaimSource(Protocol):
    def claim_rows(self) -> list[dict[str, Any]]: ...

    def clusters_of(self, typ: str, participants: Sequence[str]) -> list[dict[str, Any]]: ...

    def actor_countries(self) -> dict[str, str]: ...


MEETING_TYPES = frozenset({"CONSULT"})  # all sides are actors: a denial must name two


def _id(a: str, b: str) -> str:
    return "cx-" + hashlib.sha1(f"{a}:{b}".encode()).hexdigest()[:12]


def _side(ids: Sequence[str], countries: dict[str, str]) -> set[str]:
    return set(ids) | {countries[i] for i in ids if i in countries}


def _covered(
    named: str, cluster: dict[str, Any], states: set[str], countries: dict[str, str]
) -> bool:
    """Does the happening involve ``named``?  A person or organisation must take part
    itself; a state takes part through any of its people ("Russia" through "Putin")."""
    if named in cluster["actors"] or named in cluster["recipients"]:
        return True
    return countries.get(named) == named and named in states


def find_contradictions(store: ClaimSource) -> list[dict[str, Any]]:
    countries = store.actor_countries()
    rows = store.claim_rows()
    found: list[dict[str, Any]] = []
    denials: list[tuple[dict[str, Any], dict[str, Any]]] = []
    said = [(row, json.loads(row["data"])) for row in rows]
    said = [(row, data) for row, data in said if not _question(data)]
    for row, data in said:
        for claim in data.get("claims") or ():
            if claim.get("negated") and claim.get("intention"):
                found += _against_events(store, row, data, claim, countries)
            elif claim.get("negated"):
                denials.append((row, claim))
    for row, data in said:
        for claim in data.get("claims") or ():
            if not claim.get("negated"):
                found += _against_denials(row, data, claim, denials, countries)
    return found


def _question(data: dict[str, Any]) -> bool:
    """A question asks; it neither claims nor denies."""
    return str(data["evidence"]["text"]).rstrip().endswith("?")


def _against_events(
    store: ClaimSource,
    row: dict[str, Any],
    data: dict[str, Any],
    claim: dict[str, Any],
    countries: dict[str, str],
) -> list[dict[str, Any]]:
    said = day_of(row["published"])
    agents = _side(claim.get("actors") or (), countries)
    targets = _side(claim.get("recipients") or (), countries)
    named = [*(claim.get("actors") or ()), *(claim.get("recipients") or ())]
    if said is None or not agents:
        return []
    if claim["type"] in MEETING_TYPES and len(set(named)) < 2:
        return []  # "he would not meet Lavrov": who would not is not said
    out = []
    for c in store.clusters_of(claim["type"], sorted(agents)):
        cdata = json.loads(c["data"])
        c_agents = _side(cdata["actors"], countries)
        c_all = c_agents | _side(cdata["recipients"], countries)
        if not agents & c_agents:
            continue
        if not all(_covered(p, cdata, c_all, countries) for p in named):
            continue
        when = day_of(c["date_start"]) or day_of(c["first_reported"])
        if when is None:
            continue
        if when <= said:
            continue  # an intention is denied for the future
        out.append(
            {
                "id": _id(row["id"], c["id"]),
                "kind": "denial_then_event",
                "statement_id": row["id"],
                "statement_date": row["published"],
                "speaker": row["speaker_id"],
                "claim": claim,
                "statement": {"content": data["content"], "evidence": data["evidence"]},
                "other_kind": "cluster",
                "other_id": c["id"],
                "other_date": c["date_start"] or c["first_reported"],
                "other": {
                    "type": c["type"],
                    "actors": cdata["actors"],
                    "recipients": cdata["recipients"],
                    "evidence": cdata["texts"][:1],
                    "sources": cdata["sources"],
                },
                "days": when - said,
                "why": {
                    "type": claim["type"],
                    "shared_agents": sorted(agents & c_agents),
                    "shared_targets": sorted(targets & c_all),
                },
            }
        )
    return out


def _against_denials(
    row: dict[str, Any],
    data: dict[str, Any],
    claim: dict[str, Any],
    denials: list[tuple[dict[str, Any], dict[str, Any]]],
    countries: dict[str, str],
) -> list[dict[str, Any]]:
    said = day_of(row["published"])
    agents = _side(claim.get("actors") or (), countries)
    if said is None or not agents:
        return []
    out = []
    for drow, denial in denials:
        when = day_of(drow["published"])
        if when is None or when < said or drow["id"] == row["id"]:
            continue
        if denial["type"] != claim["type"] or denial.get("intention"):
            continue
        if not agents & _side(denial.get("actors") or (), countries):
            continue
        targets = _side(claim.get("recipients") or (), countries)
        denied = _side(denial.get("recipients") or (), countries)
        if not targets or not denied or not targets & denied:
            continue  # "X attacked Y" is denied only by "X did not attack Y"
        ddata = json.loads(drow["data"])
        out.append(
            {
                "id": _id(row["id"], drow["id"]),
                "kind": "claim_then_denial",
                "statement_id": row["id"],
                "statement_date": row["published"],
                "speaker": row["speaker_id"],
                "claim": claim,
                "statement": {"content": data["content"], "evidence": data["evidence"]},
                "other_kind": "statement",
                "other_id": drow["id"],
                "other_date": drow["published"],
                "other": {
                    "speaker": drow["speaker_id"],
                    "claim": denial,
                    "evidence": ddata["evidence"],
                },
                "days": when - said,
                "why": {"type": claim["type"], "shared_agents": sorted(agents)},
            }
        )
    return out
