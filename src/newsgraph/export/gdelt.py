"""A GDELT-like event table: tab-separated, one row per happening (not the hypothetical
ones), with the 61 columns of the GDELT 2.0 event table in their order and a header line.

Filled columns, and how:

- ``GLOBALEVENTID``: the happening id ``hx-<12 hex digits>`` as an integer
  (``f"hx-{id:012x}"`` gives the id back).
- ``SQLDATE`` (YYYYMMDD), ``MonthYear``, ``Year``, ``FractionDate``: the date the reports
  state (a range's first day), else the day it was first reported.
- ``Actor1*``: the participant most reports name (a person before an organisation
  before a state on ties); ``Actor2*``: a recipient if there is one, else the next
  participant from another country. ``Code`` is the ISO alpha-3 country followed by
  ``GOV`` for a state or an office-holder (the knowledge base knows their roles);
  ``Name`` is the name in capitals, as GDELT writes it; ``CountryCode`` the ISO
  alpha-3 country; ``Type1Code`` ``GOV`` as above.
- ``EventCode``, ``EventBaseCode``, ``EventRootCode``: the CAMEO code of the PLOVER
  type and mode (``data/cameo.yaml``, chosen from PLOVER's CAMEO crosswalk);
  ``QuadClass`` from the root code.
- ``NumMentions`` (evidence sentences), ``NumSources`` (outlets), ``NumArticles``.
- ``ActionGeo_*``: the happening's place: ``Type`` (1 a country, 3 a US city, 4 a
  city elsewhere), ``FullName``, ``CountryCode`` (ISO alpha-3, where GDELT has FIPS
  10-4), ``Lat``, ``Long``, ``FeatureID`` (the GeoNames id, else newsgraph's place id).
- ``DATEADDED``: the day it was first reported, YYYYMMDD000000.
- ``SOURCEURL``: the URL of its first report (its document id when it has no URL).

Left empty: the known-group, ethnic, religion and second/third type codes,
``IsRootEvent``, ``GoldsteinScale``, ``AvgTone``, the actors' own geography and the
ADM1/ADM2 codes.
"""

from __future__ import annotations

import csv
from datetime import date
from typing import Any

from newsgraph.export.happenings import Happening, Participant, load_happenings
from newsgraph.export.output import Progress, Target, no_progress, text_output
from newsgraph.store import SQLStore

_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_FIELDS = (
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    "ADM2Code",
    "Lat",
    "Long",
    "FeatureID",
)


def _actor_columns(n: int) -> list[str]:
    return [f"Actor{n}{c}" for c in _ACTOR_FIELDS]


def _geo_columns(prefix: str) -> list[str]:
    return [f"{prefix}_{c}" for c in _GEO_FIELDS]


GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *_actor_columns(1),
    *_actor_columns(2),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *_geo_columns("Actor1Geo"),
    *_geo_columns("Actor2Geo"),
    *_geo_columns("ActionGeo"),
    "DATEADDED",
    "SOURCEURL",
)


def pick_actors(h: Happening) -> tuple[Participant | None, Participant | None]:
    """Actor1 and Actor2 of a happening (see the module's account)."""
    if not h.actors:
        return None, h.recipients[0] if h.recipients else None
    first = h.actors[0]
    if h.recipients:
        second = next((r for r in h.recipients if r.id != first.id), None)
        return first, second
    others = [a for a in h.actors[1:] if a.id != first.id]
    foreign = [a for a in others if a.country and a.country != first.country]
    rest = foreign or others
    return first, rest[0] if rest else None


def _actor(n: int, p: Participant | None) -> dict[str, Any]:
    if p is None:
        return {}
    gov = p.type == "GPE" or (p.type == "PER" and bool(p.roles))
    code = (p.country or "") + ("GOV" if gov and p.type != "GPE" else "")
    return {
        f"Actor{n}Code": code,
        f"Actor{n}Name": p.name.upper(),
        f"Actor{n}CountryCode": p.country,
        f"Actor{n}Type1Code": "GOV" if gov else None,
    }


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def gdelt_row(h: Happening) -> dict[str, Any]:
    """The GDELT-like row of one happening, by column name (missing = empty)."""
    row: dict[str, Any] = {"GLOBALEVENTID": int(h.id.removeprefix("hx-"), 16)}
    day = _day(h.day) if h.day else None
    if day is not None:
        days_in_year = 366 if date(day.year, 12, 31).timetuple().tm_yday == 366 else 365
        row |= {
            "SQLDATE": day.strftime("%Y%m%d"),
            "MonthYear": day.strftime("%Y%m"),
            "Year": day.year,
            "FractionDate": f"{day.year + day.timetuple().tm_yday / days_in_year:.4f}",
        }
    actor1, actor2 = pick_actors(h)
    row |= _actor(1, actor1) | _actor(2, actor2)
    if h.cameo is not None:
        row |= {
            "EventCode": h.cameo.code,
            "EventBaseCode": h.cameo.base,
            "EventRootCode": h.cameo.root,
            "QuadClass": h.cameo.quad_class,
        }
    row |= {
        "NumMentions": h.n_mentions,
        "NumSources": h.n_sources,
        "NumArticles": h.n_documents,
    }
    if h.place is not None:
        place = h.place
        geo_type = 1 if place.type == "GPE" else (3 if place.country == "USA" else 4)
        row |= {
            "ActionGeo_Type": geo_type,
            "ActionGeo_FullName": place.name,
            "ActionGeo_CountryCode": place.country,
            "ActionGeo_Lat": place.lat,
            "ActionGeo_Long": place.lon,
            "ActionGeo_FeatureID": place.geonames_id or place.id,
        }
    if h.first_reported:
        row["DATEADDED"] = h.first_reported.replace("-", "") + "000000"
    if h.reports:
        row["SOURCEURL"] = h.reports[0].url or h.reports[0].doc_id
    return row


def write_gdelt(
    store: SQLStore, out: Target, *, header: bool = True, progress: Progress = no_progress
) -> int:
    """Write the GDELT-like table of every happening to ``out``; the number of rows."""
    count = 0
    with text_output(out, newline="") as stream:
        writer = csv.writer(
            stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, quotechar=None
        )
        if header:
            writer.writerow(GDELT_COLUMNS)
        for h in load_happenings(store, hypothetical=False):
            row = gdelt_row(h)
            writer.writerow(["" if row.get(c) is None else _clean(row[c]) for c in GDELT_COLUMNS])
            count += 1
            progress("happenings")
    return count


def _clean(value: Any) -> Any:
    """Tabs and line breaks would break the row: GDELT's files have none in a field."""
    if isinstance(value, str):
        return " ".join(value.split())
    return value
