"""PLOVER-style event records: one JSON object per happening, in a JSON array like the
PLOVER gold-standard records (``PLOVER_GSR_CAMEO.json``).

PLOVER's field names are used where PLOVER has one: ``id``, ``date``, ``event``,
``mode``, ``source`` and ``target`` (lists of ``{actorText, code, sector}``, ``code``
the ISO 3166 alpha-3 country), ``eventText`` (the trigger words), ``text`` (the
evidence sentence), ``language``, ``eventLoc`` (``name`` and the alpha-2 ``country
code``), ``publication``, ``coder`` and ``version``. newsgraph adds ``event_type`` (the
same as ``event``, as later PLOVER data names it), ``cameo``, the actors' ids and types,
``eventLoc``'s GeoNames id, coordinates and alpha-3 ``country``, ``dateRange`` and
``dateStated``, and ``sources`` and ``reports``: every report of the happening with its
URL, document id, outlet, language, day and sentence. Scheduled or intended
happenings are left out: these records are things that happened.
"""

from __future__ import annotations

import json
from typing import Any

import pycountry

from newsgraph import __version__
from newsgraph.export.happenings import Happening, Location, Participant, load_happenings
from newsgraph.export.output import Progress, Target, no_progress, text_output
from newsgraph.store import SQLStore


def _alpha2(alpha3: str | None) -> str | None:
    if not alpha3:
        return None
    country = pycountry.countries.get(alpha_3=alpha3)
    return str(country.alpha_2) if country is not None else None


def _actor(p: Participant) -> dict[str, Any]:
    return {
        "actorText": p.name,
        "code": p.country,
        "sector": "GOV" if p.type == "GPE" or (p.type == "PER" and p.roles) else None,
        "id": p.id,
        "type": p.type,
    }


def _location(place: Location) -> dict[str, Any]:
    return {
        "name": place.name,
        "country code": _alpha2(place.country),
        "country": place.country,
        "geonamesID": place.geonames_id,
        "lat": place.lat,
        "lon": place.lon,
        "id": place.id,
    }


def plover_record(h: Happening) -> dict[str, Any]:
    """The PLOVER-style record of one happening."""
    first = h.reports[0] if h.reports else None
    record: dict[str, Any] = {
        "id": h.id,
        "date": h.day,
        "dateStated": h.date_start is not None,
        "event": h.type,
        "event_type": h.type,
        "mode": h.mode or "",
        "cameo": h.cameo.code if h.cameo else None,
        "source": [_actor(a) for a in h.actors],
        "target": [_actor(a) for a in h.recipients],
        "eventText": first.trigger if first else None,
        "text": first.evidence if first else None,
        "language": first.lang if first else None,
        "publication": first.source if first else None,
        "sources": [r.url or r.doc_id for r in h.reports],
        "reports": [
            {
                "id": r.event,
                "doc_id": r.doc_id,
                "url": r.url,
                "publication": r.source,
                "language": r.lang,
                "date": r.published,
                "text": r.evidence,
            }
            for r in h.reports
        ],
        "coder": "newsgraph",
        "version": __version__,
    }
    if h.date_start and h.date_end and h.date_end != h.date_start:
        record["dateRange"] = {"start": h.date_start, "end": h.date_end}
    if h.place is not None:
        record["eventLoc"] = _location(h.place)
    return record


def write_plover(store: SQLStore, out: Target, *, progress: Progress = no_progress) -> int:
    """Write the PLOVER records of every happening (not the hypothetical ones) to ``out``
    as a JSON array; the number of records."""
    count = 0
    with text_output(out, newline="\n") as stream:
        stream.write("[")
        for h in load_happenings(store, hypothetical=False):
            stream.write(",\n" if count else "\n")
            stream.write(json.dumps(plover_record(h), ensure_ascii=False))
            count += 1
            progress("happenings")
        stream.write("\n]\n" if count else "]\n")
    return count
