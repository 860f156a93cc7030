"""The time tagger on general English phrasings: TIMEX3 types and values."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.extract.times import find_times, narrowed
from newsgraph.model import DateRange

WEEK_49 = DateRange("2021-12-06", "2021-12-12")  # six weeks before 2022-01-19


def values(text: str, published: str = "2022-01-19") -> dict[str, tuple[str, object]]:
    return {t.text: (t.type, t.value) for t in find_times(text, lang="en", published=published)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 2022-01-19 is a Wednesday: a weekday is the last one, unless the clause is future
        ("The minister resigned on Monday.", {"Monday": ("DATE", "2022-01-17")}),
        ("The minister will resign on Monday.", {"Monday": ("DATE", "2022-01-24")}),
        ("Officials said Friday that talks will resume.", {"Friday": ("DATE", "2022-01-14")}),
        ("The vote is expected to take place on Friday.", {"Friday": ("DATE", "2022-01-21")}),
        ("Protesters gathered Sunday night.", {"Sunday night": ("TIME", "2022-01-16TNI")}),
        ("The deadline is 5 p.m. EST Friday.", {"5 p.m. EST Friday": ("TIME", "2022-01-14T17:00")}),
        ("Trading closed at 16:08 UTC.", {"16:08 UTC": ("TIME", "2022-01-19T16:08Z")}),
        ("The index fell by 3.41% on the day.", {}),
        ("A 52-year-old man was arrested.", {}),
        ("It costs $2 million a year.", {}),
        ("Prices rose in recent years.", {"recent years": ("DURATION", "PXY")}),
        ("Over the past few weeks it grew.", {"past few weeks": ("DURATION", "PXW")}),
        ("They have waited for months.", {"months": ("DURATION", "PXM")}),
        ("It lasted two decades.", {"two decades": ("DURATION", "P20Y")}),
        ("It lasted twenty-four hours.", {"twenty-four hours": ("DURATION", "PT24H")}),
        ("Cars of the 1970s and the '80s.", {"1970s": ("DATE", "197"), "'80s": ("DATE", "198")}),
        ("A relic of the 19th century.", {"19th century": ("DATE", "18")}),
        ("He left last May.", {"last May": ("DATE", "2021-05")}),
        ("It happened in June last year.", {"June last year": ("DATE", "2021-06")}),
        ("It opens this summer.", {"this summer": ("DATE", "2022-SU")}),
        ("It opened last fall.", {"last fall": ("DATE", "2021-FA")}),
        ("Talks went on over the weekend.", {"the weekend": ("DATE", "2022-W02-WE")}),
        ("It was founded in nineteen ninety-six.", {"nineteen ninety-six": ("DATE", "1996")}),
        ("Jan Novak spoke.", {}),
        ("They stayed for 2 1/2 years.", {"2 1/2 years": ("DURATION", "P2Y6M")}),
        ("It took an hour and a half.", {"an hour and a half": ("DURATION", "PT1H30M")}),
        ("Flights leave each Thursday.", {"each Thursday": ("SET", "XXXX-WXX-4")}),
        ("They march every July.", {"every July": ("SET", "XXXX-07")}),
        ("Flights leave on Tuesday nights.", {"Tuesday nights": ("SET", "XXXX-WXX-2TNI")}),
        ("It was built in nineteen seventy-nine.", {"nineteen seventy-nine": ("DATE", "1979")}),
        ("Protesters planned a rally on Saturday.", {"Saturday": ("DATE", "2022-01-22")}),
        ("He died soon after the attack.", {}),
        ("He left yesterday afternoon.", {"yesterday afternoon": ("TIME", "2022-01-18TAF")}),
        ("They stay for two more weeks.", {"two more weeks": ("DURATION", "P2W")}),
        ("It may be extended for an additional year.", {"an additional year": ("DURATION", "P1Y")}),
        ("After a day-long meeting, talks ended.", {"day-long": ("DURATION", "P1D")}),
        ("It ends a decades-long feud.", {"decades-long": ("DURATION", "PXY")}),
        ("Sales grew for the first time in years.", {"years": ("DURATION", "PXY")}),
        ("She hopes to go home someday.", {}),
        ("The island won independence in 1898.", {"1898": ("DATE", "1898")}),
        ("In 1500 cases the police came.", {}),
        ("The index rose to 1678.5 in 1200 trades.", {}),
        ("It will matter until Election Day.", {"Election Day": ("DATE", "2022-11-08")}),
        # markets "end the day": the day the text speaks of
        ("The index rose 2%, to end the day at 9,505.", {"the day": ("DATE", "2022-01-19")}),
        ("It was the day the war began.", {}),
        # "soon" in a story of the past is soon after its events, not from now
        ("He was soon released.", {}),
        ("The trickle soon became a flood.", {}),
        ("He will be released soon.", {"soon": ("DATE", "FUTURE_REF")}),
        # a week or two back is that day; from three weeks on, the ISO week
        ("They met two weeks ago.", {"two weeks ago": ("DATE", "2022-01-05")}),
        ("Six weeks ago, they met.", {"Six weeks ago": ("DATE", WEEK_49)}),
    ],
)
def test_english_time_expressions(text: str, expected: dict[str, tuple[str, object]]) -> None:
    assert values(text) == expected


def test_a_year_earlier_compares_with_the_quarter_the_text_speaks_of() -> None:
    text = (
        "Profit rose to $5 million in the third quarter from $3 million a year earlier. "
        "In the year-ago quarter sales fell. For the first nine months, profit fell from "
        "a year ago."
    )
    found = values(text, "2021-10-28")
    assert found["the third quarter"] == ("DATE", "2021-Q3")
    assert found["a year earlier"] == ("DATE", "2020-Q3")
    assert found["the year-ago quarter"] == ("DATE", "2020-Q3")
    assert found["a year ago"] == ("DATE", "2020")  # after "nine months": the year
    found = values("Profit rose in the third quarter. In the 2020 period it fell.", "2021-10-28")
    assert found["the 2020 period"] == ("DATE", "2020-Q3")


def test_the_future_clause_spans_the_sentence_past_initials_and_abbreviations() -> None:
    found = values("Mr. Smith will succeed John P. Jones Feb. 1 as chairman.", "2021-10-26")
    assert found == {"Feb. 1": ("DATE", "2022-02-01")}  # "succeed" is not a past "-ed"
    found = values("The U.S. mission will fly in December.", "2021-03-04")
    assert found == {"December": ("DATE", "2021-12")}
    found = values("A bomb went off next to the U.S. embassy on Friday.")
    assert found == {"Friday": ("DATE", "2022-01-14")}  # "next to" is not the future


def test_a_clock_time_takes_the_day_written_after_it() -> None:
    found = values("The offer was extended until 5 p.m. EST Nov. 6.", "2021-10-30")
    assert found == {"5 p.m. EST Nov. 6": ("TIME", "2021-11-06T17:00")}
    found = values("They spoke at 16:15 UTC, June 1st, in New York.", "2021-06-04")
    assert found == {"16:15 UTC": ("TIME", "2021-06-01T16:15Z"), "June 1st": ("DATE", "2021-06-01")}


def test_a_clock_time_takes_the_day_after_a_parenthesis() -> None:
    found = values("The blast occurred at 10:35 a.m. (0735 GMT) Friday, officials said.")
    assert found["10:35 a.m"] == ("TIME", "2022-01-14T10:35")
    assert found["Friday"] == ("DATE", "2022-01-14")


def test_a_clause_without_a_tense_marker_before_the_day_takes_the_one_after() -> None:
    # 2022-01-19 is a Wednesday
    found = values("On Friday, the league plans to hold a news conference.")
    assert found == {"Friday": ("DATE", "2022-01-21")}
    found = values("On Friday, the league held a news conference.")
    assert found == {"Friday": ("DATE", "2022-01-14")}
    found = values("On Friday, the government planned to pay the first claims.")
    assert found == {"Friday": ("DATE", "2022-01-14")}  # "planned": a past form after it
    found = values("Until Monday, they had not called him a suspect.")
    assert found == {"Monday": ("DATE", "2022-01-17")}
    found = values("The offer was extended until Monday.")
    assert found == {"Monday": ("DATE", "2022-01-24")}


def test_a_phrase_before_a_day_names_a_period_around_it() -> None:
    found = values("The case will be heard the week of March 6.", "2000-02-24")
    assert found == {"the week of March 6": ("DATE", DateRange("2000-03-06", "2000-03-12"))}
    found = values("They met the day before last Tuesday's hearing.", "2000-02-24")
    assert found == {"the day before last Tuesday": ("DATE", "2000-02-21")}


def test_units_before_an_event_are_a_duration_not_a_date() -> None:
    found = values("A jogger saw the car ten days before the shooting.")
    assert found == {"ten days": ("DURATION", "P10D")}
    found = values("The car was seen ten days before.")
    assert found == {"ten days before": ("DATE", "2022-01-09")}


def test_a_plan_of_the_past_looks_back() -> None:
    # 2022-01-19 is a Wednesday
    found = values("The offer had been due to expire Friday evening.")
    assert found == {"Friday evening": ("TIME", "2022-01-14TEV")}
    found = values("The offer is due to expire Friday evening.")
    assert found == {"Friday evening": ("TIME", "2022-01-21TEV")}


def test_a_participle_plan_takes_the_tense_of_its_clause() -> None:
    # 2022-01-19 is a Wednesday
    found = values("A service planned for Saturday was canceled after a leak.")
    assert found == {"Saturday": ("DATE", "2022-01-15")}
    found = values("A service planned for Saturday will go ahead.")
    assert found == {"Saturday": ("DATE", "2022-01-22")}
    found = values("Protesters planned a rally on Saturday and were planning to march.")
    assert found == {"Saturday": ("DATE", "2022-01-22")}


def test_previous_weekday_and_past_deadlines() -> None:
    found = values("Stocks closed on Friday, down 4.5% from the previous Friday.", "1989-10-30")
    assert found == {"Friday": ("DATE", "1989-10-27"), "previous Friday": ("DATE", "1989-10-20")}
    found = values("All members had filed reports by Wednesday.", "1990-08-16")
    assert found == {"Wednesday": ("DATE", "1990-08-15")}
    found = values("Members must file reports by Wednesday.", "1990-08-16")
    assert found == {"Wednesday": ("DATE", "1990-08-22")}


def test_a_date_lists_a_second_bare_day() -> None:
    found = values("The summit will be held on April 24 and 25.", "1999-02-10")
    assert found == {"April 24": ("DATE", "1999-04-24"), "25": ("DATE", "1999-04-25")}
    assert values("On April 24 and 25 people died.", "1999-05-10") == {
        "April 24": ("DATE", "1999-04-24")
    }
    found = find_times("Il vertice del 24 e 25 aprile.", lang="it", published="1999-05-10")
    assert [(t.text, t.value) for t in found] == [("24", "1999-04-24"), ("25 aprile", "1999-04-25")]


def test_a_holiday_week_is_the_week_it_falls_in() -> None:
    found = values("Protesters prayed as Easter week began.", "2000-04-17")
    assert found == {"Easter week": ("DATE", DateRange("2000-04-17", "2000-04-23"))}


def test_the_past_before_a_unit_is_a_duration() -> None:
    assert values("It grew in the past decade, he said.") == {"past decade": ("DURATION", "P10Y")}
    found = values("Over the past five trading days stocks fell.")
    assert found == {"past five trading days": ("DURATION", "P5D")}
    assert values("In the past many people came.") == {"In the past": ("DATE", "PAST_REF")}
    found = values("Profit fell in the final quarter of 2009.")
    assert found == {"the final quarter of 2009": ("DATE", "2009-Q4")}


def test_high_noon_is_no_clock_time() -> None:
    assert values("For the people of Poland, high noon comes today.") == {
        "today": ("DATE", "2022-01-19")
    }


def test_that_year_and_the_next_day_follow_the_last_date_spoken_of() -> None:
    text = (
        "He fled in June 1998 and returned later that year. He was shot on Oct. 23; earlier "
        "that day a fax came. He appeared in court the next morning."
    )
    found = values(text, "2000-01-28")
    assert found["later that year"] == ("DATE", "1998")
    assert found["earlier that day"] == ("DATE", "1999-10-23")
    assert found["the next morning"] == ("TIME", "1999-10-24TMO")


def test_holidays_fall_on_their_day() -> None:
    found = values("He was found on Thanksgiving Day; last Christmas; Easter 2019.", "2000-01-06")
    assert found == {
        "Thanksgiving Day": ("DATE", "1999-11-25"),
        "last Christmas": ("DATE", "1999-12-25"),
        "Easter 2019": ("DATE", "2019-04-21"),
    }
    assert values("They will meet at Christmas.", "2021-03-01") == {
        "Christmas": ("DATE", "2021-12-25")
    }
    assert values("A flight to Easter Island.") == {}
    assert italian("Si vedranno dopo Pasquetta.", "2022-03-01") == {
        "Pasquetta": ("DATE", "2022-04-18")
    }


def test_the_year_ended_on_a_day_is_a_duration() -> None:
    found = values("For the year ended Sept. 30, it earned $5 million.", "2021-10-30")
    assert found == {"the year": ("DURATION", "P1Y"), "Sept. 30": ("DATE", "2021-09-30")}


def test_quarters_with_a_year() -> None:
    found = values("In the 2019 second quarter and the third quarter of 2018.", "2021-10-28")
    assert found == {
        "the 2019 second quarter": ("DATE", "2019-Q2"),
        "the third quarter of 2018": ("DATE", "2018-Q3"),
    }


def test_a_day_and_month_in_a_future_clause_is_the_coming_one() -> None:
    assert values("The dividend is payable Jan. 2.", "2021-11-02") == {
        "Jan. 2": ("DATE", "2022-01-02")
    }
    assert values("The dividend was paid Jan. 2.", "2021-11-02") == {
        "Jan. 2": ("DATE", "2021-01-02")
    }


def test_spanish_pack() -> None:
    found = {
        t.text: (t.type, t.value)
        for t in find_times(
            "El 4 de octubre de 2005 se anunció; hace dos años, durante tres meses, el próximo "
            "lunes y el tercer trimestre.",
            lang="es",
            published="2005-10-04",
        )
    }
    assert found == {
        "El 4 de octubre de 2005": ("DATE", "2005-10-04"),
        "hace dos años": ("DATE", "2003"),
        "tres meses": ("DURATION", "P3M"),
        "próximo lunes": ("DATE", "2005-10-10"),
        "tercer trimestre": ("DATE", "2005-Q3"),
    }


def test_spanish_market_day_and_terms() -> None:
    found = {
        t.text: (t.type, t.value)
        for t in find_times(
            "El índice subió el viernes y terminó la jornada en 8.017; un colapso a corto plazo.",
            lang="es",
            published="2009-04-04",
        )
    }
    assert found == {
        "viernes": ("DATE", "2009-04-03"),
        "la jornada": ("DATE", "2009-04-03"),
        "corto plazo": ("DATE", "FUTURE_REF"),
    }


def italian(text: str, published: str = "2022-01-19") -> dict[str, tuple[str, object]]:
    return {t.text: (t.type, t.value) for t in find_times(text, lang="it", published=published)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 2022-01-19 is a Wednesday
        ("Se ne parlerà nei prossimi giorni.", {"prossimi giorni": ("DURATION", "PXD")}),
        ("Negli ultimi anni è cresciuto.", {"ultimi anni": ("DURATION", "PXY")}),
        ("Lo aspettano da mesi.", {"mesi": ("DURATION", "PXM")}),
        ("Negli ultimi tre anni.", {"ultimi tre anni": ("DURATION", "P3Y")}),
        ("Nell'ultimo decennio.", {"Nell'ultimo decennio": ("DURATION", "P1DE")}),
        (
            "Si sono visti lo scorso fine settimana.",
            {"lo scorso fine settimana": ("DATE", "2022-W02-WE")},
        ),
        ("Si vedranno il prossimo weekend.", {"il prossimo weekend": ("DATE", "2022-W03-WE")}),
        ("Era di moda negli anni Novanta.", {"anni Novanta": ("DATE", "199")}),
        ("Le auto degli anni '80.", {"anni '80": ("DATE", "198")}),
        ("Ieri sera il presidente ha parlato.", {"Ieri sera": ("TIME", "2022-01-18TEV")}),
        ("Domani mattina partirà.", {"Domani mattina": ("TIME", "2022-01-20TMO")}),
        ("Lunedì sera si è dimesso.", {"Lunedì sera": ("TIME", "2022-01-17TEV")}),
        ("Il museo riapre questa estate.", {"questa estate": ("DATE", "2022-SU")}),
        ("Quest'inverno è stato mite.", {"Quest'inverno": ("DATE", "2022-WI")}),
        ("Se n'è andato la scorsa estate.", {"scorsa estate": ("DATE", "2021-SU")}),
        ("Durante la primavera araba.", {}),
        ("Fu eletto per un secondo mandato.", {}),
        ("Si incontreranno martedì.", {"martedì": ("DATE", "2022-01-25")}),
        ("Si sono incontrati martedì.", {"martedì": ("DATE", "2022-01-18")}),
        ("Il vertice si terrà a giugno.", {"giugno": ("DATE", "2022-06")}),
        ("Il vertice si è tenuto a giugno.", {"giugno": ("DATE", "2021-06")}),
        ("Il terzo trimestre del 2021.", {"terzo trimestre del 2021": ("DATE", "2021-Q3")}),
        ("Si decide a mezzogiorno.", {"mezzogiorno": ("TIME", "2022-01-19T12:00")}),
    ],
)
def test_italian_time_expressions(text: str, expected: dict[str, tuple[str, object]]) -> None:
    assert italian(text) == expected


def test_the_coming_weekend_on_a_saturday_is_the_next_one() -> None:
    assert italian("Si vedranno il prossimo weekend.", "2022-01-22") == {
        "il prossimo weekend": ("DATE", "2022-W04-WE")
    }


def test_italian_seed_phrasings_still_hold() -> None:
    found = italian("Il 10 gennaio; la prossima settimana; alla fine del 2021.", "2022-01-21")
    assert found["Il 10 gennaio"] == ("DATE", "2022-01-10")
    assert found["la prossima settimana"] == ("DATE", DateRange("2022-01-24", "2022-01-30"))
    assert found["fine del 2021"] == ("DATE", "2021")


def test_a_part_of_a_period_is_the_period_with_a_mod_and_narrows_to_its_days() -> None:
    found = {
        t.text: t
        for t in find_times("Late November and early 2021.", lang="en", published="2022-01-19")
    }
    assert (found["Late November"].value, found["Late November"].mod) == ("2021-11", "END")
    assert narrowed(found["Late November"]) == DateRange("2021-11-21", "2021-11-30")
    assert (found["early 2021"].value, found["early 2021"].mod) == ("2021", "START")
    assert narrowed(found["early 2021"]) == DateRange("2021-01-01", "2021-03-31")
    seed = find_times("Alla fine del 2021.", lang="it", published="2022-01-21")
    assert [(t.value, t.mod, narrowed(t)) for t in seed] == [
        ("2021", "END", DateRange("2021-10-01", "2021-12-31"))
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Il processo si terrà la settimana del 6 marzo.", "it"),
        ("Será la semana del 6 de marzo.", "es"),
    ],
)
def test_the_week_of_a_day_in_the_packs(text: str, lang: str) -> None:
    found = find_times(text, lang=lang, published="2000-02-24")
    assert [t.value for t in found] == [DateRange("2000-03-06", "2000-03-12")]


def test_the_end_of_the_current_period_after_a_part() -> None:
    for lang, text, value in [
        ("en", "Aid will arrive by the end of the year.", "2024"),
        ("en", "Talks resume at the end of the month.", "2024-03"),
        ("it", "Gli aiuti arriveranno entro la fine dell'anno.", "2024"),
        ("it", "I colloqui riprenderanno a fine mese.", "2024-03"),
    ]:
        r = newsgraph.extract(text, lang=lang, published="2024-03-14")
        assert [(t.value, t.mod) for t in r.times] == [(value, "END")], text
    assert newsgraph.extract("The year was hard.", lang="en", published="2024-03-14").times == ()


def test_a_season_after_an_elided_article() -> None:
    r = newsgraph.extract("Fidan visiterà Roma entro l'estate.", lang="it", published="2024-05-08")
    assert [(t.text, t.value) for t in r.times] == [("l'estate", "2024-SU")]
