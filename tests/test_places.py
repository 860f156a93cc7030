"""Place resolution: which namesake an article means, and where it lies."""

from __future__ import annotations

from collections import Counter

import newsgraph
from newsgraph.extract.toponyms import Toponym, resolve
from newsgraph.model import ExtractionResult, Place
from newsgraph.places import PlaceEntry, gazetteer


def extract(text: str, lang: str = "en") -> ExtractionResult:
    result = newsgraph.extract(text, lang=lang, published="2022-01-21")
    result.check_spans()
    return result


def place_of(result: ExtractionResult, mention: str) -> Place:
    return next(p for p in result.places if any(m.text == mention for m in p.mentions))


def test_a_town_written_with_its_state_lies_in_that_state() -> None:
    r = extract("The mayor of Springfield, Illinois, met the governor.")
    springfield = place_of(r, "Springfield")
    assert springfield.country == "USA"
    assert abs(springfield.lat - 39.8) < 0.3 and abs(springfield.lon + 89.6) < 0.3  # type: ignore[operator]


def test_a_state_abbreviation_after_a_town_is_a_place_and_fixes_the_town() -> None:
    r = extract("He grew up in Athens, Ga., and moved to Charleston, W.Va., in 1990.")
    athens, georgia = place_of(r, "Athens"), place_of(r, "Ga.")
    assert athens.country == "USA" and georgia.name == "Georgia"
    assert abs(athens.lat - 33.96) < 0.3  # type: ignore[operator]
    assert place_of(r, "W.Va.").name == "West Virginia"
    assert abs(place_of(r, "Charleston").lat - 38.35) < 0.3  # type: ignore[operator]


def test_an_article_about_texas_towns_reads_an_ambiguous_name_in_texas() -> None:
    r = extract(
        "Storms swept across Texas on Monday. Roads were flooded in Tyler and Longview, "
        "and schools in Paris stayed closed."
    )
    paris = place_of(r, "Paris")
    assert paris.country == "USA"
    assert abs(paris.lat - 33.66) < 0.3  # type: ignore[operator]


def test_without_context_the_most_populous_namesake_wins() -> None:
    r = extract("The exhibition will travel to Paris next spring.")
    assert place_of(r, "Paris").country == "FRA"


def test_a_country_namesake_is_read_by_the_article() -> None:
    us = extract("Flights from Atlanta to Savannah were cancelled as snow fell across Georgia.")
    assert place_of(us, "Georgia").country == "USA"
    caucasus = extract("Protesters gathered in Tbilisi as Georgia prepared for the vote.")
    assert place_of(caucasus, "Georgia").country == "GEO"


def test_a_country_stands_at_its_centre_not_at_its_capital() -> None:
    russia = place_of(extract("Exports to Russia fell sharply."), "Russia")
    assert abs(russia.lat - 60) < 1 and abs(russia.lon - 100) < 1  # type: ignore[operator]


def test_a_county_lies_at_its_own_centre() -> None:
    r = extract("Deputies from Laurel County arrested a man in London, Ky., on Friday.")
    county = place_of(r, "Laurel County")
    assert county.id == "fips:21125" and county.country == "USA"
    # a county no town is named after, nor named with any town, is not where its state is
    cherry = place_of(extract("Cherry County commissioners met on Monday."), "Cherry County")
    assert cherry.id == "fips:31031"  # Nebraska, whose towns lie mostly far to the east
    assert abs(cherry.lat - 42.7) < 0.3 and abs(cherry.lon + 100.9) < 0.5  # type: ignore[operator]


def test_a_town_we_do_not_list_lies_in_the_state_written_after_it() -> None:
    r = extract("PALERMO, Minn. -- A fire destroyed a house in Palermo on Saturday.")
    palermo = place_of(r, "Palermo")  # not the Sicilian city (nor the Palermos we list)
    assert palermo.id == "loc:palermo" and palermo.country == "USA"
    minnesota = place_of(r, "Minn.")
    assert (palermo.lat, palermo.lon) == (minnesota.lat, minnesota.lon)
    assert place_of(extract("A man from Lanexa, Va., was hurt."), "Lanexa").country == "USA"


def test_a_place_we_do_not_list_named_after_a_town_lies_there() -> None:
    r = extract(
        "Paris and Roxton collected more taxes in Lamar County, Texas. "
        "Police informed the Paris Walmart store."
    )
    store, paris = place_of(r, "Paris Walmart"), place_of(r, "Paris")
    assert store.id == "loc:paris-walmart" and (store.lat, store.lon) == (paris.lat, paris.lon)
    assert paris.country == "USA"


def test_nationality_adjectives_mention_their_country_in_english() -> None:
    r = extract("Russian officials met American diplomats.")
    assert {m.text for m in place_of(r, "Russian").mentions} == {"Russian"}
    assert place_of(r, "American").country == "USA"
    pronoun = extract("They told us that the talks would go on.")
    assert not any(m.text == "us" for p in pronoun.places for m in p.mentions)


def test_provinces_of_other_countries_are_places() -> None:
    r = extract(
        "Snow fell across Ontario, while Alberta stayed dry. In Kingston, Ont., roads closed."
    )
    ontario = place_of(r, "Ontario")
    assert ontario.country == "CAN" and "Ont." in {m.text for m in ontario.mentions}
    assert place_of(r, "Alberta").country == "CAN"
    assert place_of(r, "Kingston").country == "CAN"


def test_a_town_at_the_head_of_an_organisation_name_is_a_place_too() -> None:
    r = extract("The Gainesville Police Department and the sheriff of Alachua County met.")
    assert "gainesville-police-department" in {a.id for a in r.actors}
    assert place_of(r, "Gainesville").country == "USA"


# -- the resolver alone, on made-up places ---------------------------------------------


def town(gid: int, country: str, admin1: str, lat: float, lon: float, people: int) -> PlaceEntry:
    return PlaceEntry(gid, f"town{gid}", country, lat, lon, people, admin1)


def test_one_sense_per_name_and_region_written_once_serves_every_mention() -> None:
    big, small = (
        town(1, "FRA", "11", 48.9, 2.3, 2_000_000),
        town(2, "USA", "TX", 33.7, -95.6, 25_000),
    )
    plain = Toponym(("paris",), (big, small))
    written = Toponym(("paris",), (big, small), within=("USA", "TX"))
    assert resolve([plain, written, plain], Counter()) == [small, small, small]


def test_a_nearby_clear_town_outweighs_a_larger_namesake_far_away() -> None:
    far = town(1, "USA", "OH", 40.0, -83.0, 900_000)
    near = town(2, "USA", "GA", 32.5, -84.9, 200_000)
    neighbour = town(3, "USA", "GA", 32.6, -85.0, 5_000)
    out = resolve(
        [Toponym(("columbus",), (far, near)), Toponym(("phenix",), (neighbour,))], Counter()
    )
    assert out[0] is near


def test_ambiguous_names_whose_namesakes_lie_close_together_read_each_other() -> None:
    # two names, each with a larger namesake far away: their small namesakes 20 km apart
    # place the article (spatial minimality), though neither name is clear on its own
    big_a, small_a = (
        town(1, "USA", "WA", 47.4, -122.2, 30_000),
        town(2, "USA", "CT", 41.7, -73.5, 9_000),
    )
    big_b, small_b = (
        town(3, "USA", "ME", 44.8, -69.6, 30_000),
        town(4, "USA", "NY", 41.9, -73.6, 9_000),
    )
    out = resolve(
        [Toponym(("kent",), (big_a, small_a)), Toponym(("canaan",), (big_b, small_b))], Counter()
    )
    assert out == [small_a, small_b]


def test_a_small_word_like_town_needs_support() -> None:
    hamlet = town(1, "USA", "TX", 31.0, -98.0, 800)
    assert resolve([Toponym(("early",), (hamlet,), one_word=True, weak=True)], Counter()) == [None]
    assert resolve(
        [Toponym(("early",), (hamlet,), one_word=True, weak=True, locative=True)], Counter()
    ) == [hamlet]


def test_small_towns_are_not_indexed_under_their_old_names() -> None:
    found = gazetteer().lookup(["Arlington"])
    assert any(p.name == "Arlington" and p.admin1 == "TX" for p in found)
    small = [p for p in found if p.population < 15_000]
    assert small and all("arlington" in p.name.casefold() for p in small)


def test_a_county_is_read_in_the_light_of_the_towns_read_with_it() -> None:
    # a county's namesakes differ only by their state: it goes where the towns went
    r = extract(
        "Henry County commissioners met on Tuesday. The county jail in Paris is full, "
        "the sheriff said."
    )
    paris, henry = place_of(r, "Paris"), place_of(r, "Henry County")
    assert abs(paris.lat - 36.3) < 0.3 and abs(paris.lon + 88.3) < 0.3  # type: ignore[operator]
    assert henry.id == "fips:47079"  # Henry County, Tennessee
    r = extract(
        "A Greene County jury convicted a Rogersville man. "
        "Webster County deputies arrested him last year."
    )
    assert place_of(r, "Greene County").id == "fips:29077"  # Missouri, as Webster County


def test_a_state_name_that_is_another_name_of_a_town_in_it_is_the_state() -> None:
    # GeoNames' "New York" is the state; the city is "New York City" and lies in it: a
    # town close to the city does not make "New York" the city
    new_york = tuple(gazetteer().lookup(["New", "York"]))
    yonkers = tuple(gazetteer().lookup(["Yonkers"]))
    out = resolve([Toponym(("new", "york"), new_york), Toponym(("yonkers",), yonkers)], Counter())
    assert out[0] is not None and out[0].level == "admin1" and out[0].name == "New York"


def test_a_large_town_whose_name_is_also_a_word_is_a_place_and_says_where_we_are() -> None:
    # "Shreveport" is in the English dictionary (as many town names are): a city of its
    # size is a place all the same, and its state places the article's other names
    city = town(1, "USA", "LA", 32.5, -93.75, 190_000)
    far = town(2, "USA", "TX", 32.56, -97.14, 64_000)
    near = town(3, "USA", "LA", 32.04, -93.7, 5_000)
    lone = Toponym(("shreveport",), (city,), one_word=True, weak=True)
    assert resolve([lone], Counter()) == [city]
    out = resolve([lone, Toponym(("mansfield",), (far, near), one_word=True)], Counter())
    assert out == [city, near]


def test_a_county_named_alone_lies_at_its_own_centre() -> None:
    county = next(p for p in gazetteer().lookup(["Leavenworth", "County"]) if p.admin1 == "KS")
    assert abs(county.lat - 39.2) < 0.2 and abs(county.lon + 95.0) < 0.2
    r = extract("Leavenworth County commissioners approved the budget on Monday.")
    assert place_of(r, "Leavenworth County").id == county.id


def test_a_state_named_again_and_again_outweighs_a_town_named_once() -> None:
    state = PlaceEntry(1, "Statia", "USA", 40.0, -83.0, 5_000_000, "OH", "admin1")
    elsewhere = town(2, "USA", "MO", 39.3, -90.9, 5_000)
    small = town(3, "USA", "OH", 39.5, -84.5, 12_000)
    big = town(4, "USA", "MO", 40.1, -93.6, 20_000)
    named = [Toponym(("statia",), (state,)) for _ in range(3)]
    out = resolve(
        [*named, Toponym(("clair",), (elsewhere,)), Toponym(("trent",), (big, small))], Counter()
    )
    assert out[-1] is small


def test_names_listed_before_counties_are_counties() -> None:
    r = extract("Storms hit Douglas, Sarpy and Lancaster counties in Nebraska on Monday.")
    for name, fips in (("Douglas", 31055), ("Sarpy", 31153), ("Lancaster", 31109)):
        place = place_of(r, name)
        assert place.id == f"fips:{fips}" and place.name == f"{name} County"
    r = extract("Officials in Walton and Oglethorpe counties met in Athens. Walton County won.")
    walton = place_of(r, "Walton")
    assert walton.id == "fips:13297" and "Walton County" in {m.text for m in walton.mentions}


def test_a_hamlet_is_a_further_namesake_of_a_name_we_list() -> None:
    # Belgrade, Minnesota (some 700 people) is listed as a namesake of Belgrade
    r = extract("BELGRADE, Minn. -- A fire destroyed a house in Belgrade on Saturday.")
    belgrade = place_of(r, "Belgrade")
    assert belgrade.id.startswith("geonames:") and belgrade.country == "USA"
    assert abs(belgrade.lat - 45.45) < 0.2  # type: ignore[operator]
    assert not gazetteer().lookup(["Matlacha"])  # a hamlet (Florida) of a name we do not list


def test_a_town_before_an_office_is_the_place_of_that_office() -> None:
    # a name that is also a word, before a capitalised word, is read as part of a longer name,
    # but not before a title: "Toledo Mayor" is the mayor of Toledo
    r = extract("On Monday, Toledo Mayor John Smith said the budget was tight.")
    toledo = place_of(r, "Toledo")
    assert toledo.id.startswith("geonames:") and toledo.country == "USA"
    assert abs(toledo.lat - 41.66) < 0.3  # type: ignore[operator]


def test_the_city_of_a_town_lies_at_that_town() -> None:
    r = extract("Residents of the City of Huntsville, Alabama, complained to the council.")
    city = place_of(r, "City of Huntsville")
    assert city.lat is not None and abs(city.lat - 34.73) < 0.3


def test_a_town_named_with_and_without_city_is_one_place() -> None:
    # "Dublin City" is only another name of the Irish capital; with "Dublin" in the same
    # article it is read as that name, here the Dublin near Columbus
    r = extract(
        "Dublin City Council met on Monday. The mayor of Dublin, a suburb of Columbus, "
        "said the new bridge over the Scioto River would open in May."
    )
    assert place_of(r, "Dublin").country == "USA"
    assert place_of(r, "Dublin City").country == "USA"


def test_a_part_of_a_place_lies_where_that_place_is() -> None:
    r = extract("Tolls for cars in Western Massachusetts were debated in Boston on Monday.")
    west = place_of(r, "Western Massachusetts")
    assert west.lat is not None and abs(west.lat - 42.3) < 0.5
    # a name that is also a word, after a word for a part of it, is still the place
    r = extract("A road sign in East Oxford was damaged, the Oxfordshire police said.")
    assert place_of(r, "Oxford").id.startswith("geonames:")


def test_a_politicians_home_town_after_the_party_letter_is_a_place() -> None:
    r = extract("Rep. Torrey Westrom, R-Elbow Lake, said the rules were too strict.")
    home = place_of(r, "R-Elbow Lake")
    assert home.lat is not None and abs(home.lat - 46.0) < 0.3  # Elbow Lake, Minnesota
