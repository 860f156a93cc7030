"""Commitments on sentences written for these tests: agreeing, readiness and schedules, a
speaker's own future acts, pronoun subjects, dated steps and noun forms of cue verbs."""

from __future__ import annotations

import newsgraph
from newsgraph.model import DateRange, ExtractionResult


def extract(text: str, published: str = "2021-12-31", lang: str = "en") -> ExtractionResult:
    result = newsgraph.extract(text, lang=lang, published=published)
    result.check_spans()
    return result


def test_a_speaker_s_own_future_act_is_a_commitment() -> None:
    r = extract(
        "Germany announced that it would halt certification of the pipeline. "
        "Experts said it would take years to build another one."
    )
    [c] = r.commitments
    assert c.actor == "DEU" and c.content.text == "halt certification of the pipeline"


def test_we_in_a_signed_statement_is_its_signatory() -> None:
    r = extract(
        "Statement by President Biden on the pipeline\n\n"
        "We have worked closely with our allies on a strong response. "
        "We are also ready to impose severe consequences should Russia choose war. "
        "They will pay a steep price."
    )
    assert [(c.actor, c.content.text) for c in r.commitments] == [
        ("joe-biden", "impose severe consequences should Russia choose war")
    ]


def test_scheduled_steps_each_with_their_own_date() -> None:
    r = extract(
        "Vladimir Putin spoke with Joseph Biden. It was confirmed that the negotiations "
        "would take place first in Geneva on January 9 and then in Brussels on January 12."
    )
    assert [c.due.value if c.due else None for c in r.commitments] == ["2022-01-09", "2022-01-12"]


def test_an_agreement_of_unnamed_leaders_binds_those_named_before() -> None:
    r = extract(
        "Vladimir Putin spoke with Joseph Biden on Thursday. "
        "The leaders agreed to continue regular contacts at the highest level."
    )
    [c] = r.commitments
    assert c.actor in ("vladimir-putin", "joe-biden")


def test_nouns_and_questions_are_no_commitments() -> None:
    r = extract(
        "Russia wants legally binding security guarantees, reached during the December 7 call. "
        "Why would the United States agree to submit written answers to Russia?"
    )
    assert r.commitments == ()


def test_a_past_date_is_no_due_date() -> None:
    r = extract("On December 7, Russia pledged to withdraw its troops.")
    [c] = r.commitments
    assert c.due is None


def test_the_seed_promise_keeps_its_week() -> None:
    r = extract(
        "Blinken ha promesso una risposta scritta per la prossima settimana.", "2022-01-21", "it"
    )
    [c] = r.commitments
    assert c.due is not None and c.due.value == DateRange("2022-01-24", "2022-01-30")


def test_a_date_before_the_cue_is_due_only_ahead_and_in_its_clause() -> None:
    r = extract(
        "Blinken said Washington would answer next week, and that the two ministers had agreed "
        "to hold further talks. Blinken and Lavrov met on Friday and agreed to keep their "
        "channel open. Next week, Russia will withdraw its troops.",
        "2022-01-21",
    )
    dues = [(c.content.text.split()[0], c.due.text if c.due else None) for c in r.commitments]
    assert ("hold", None) in dues and ("keep", None) in dues and ("its", "Next week") in dues


def test_a_name_after_a_preposition_does_not_make_the_promise() -> None:
    r = extract(
        "Olaf Scholz ha ribadito la contrarietà della Germania all'invio di truppe in Polonia, "
        "ma ha promesso nuovi aiuti all'Ucraina entro la fine dell'anno.",
        published="2024-03-14",
        lang="it",
    )
    [c] = r.commitments
    assert (c.actor, c.recipient) == ("olaf-scholz", "UKR")
    assert c.due is not None and c.due.value == DateRange("2024-10-01", "2024-12-31")


def test_a_promise_ends_where_another_clause_begins() -> None:
    r = extract("Angela Merkel remained committed to dialogue but warned Moscow of sanctions.")
    [c] = r.commitments
    assert (c.actor, c.content.text) == ("angela-merkel", "dialogue")


def test_that_after_a_verb_of_saying_opens_what_is_said_not_a_relative() -> None:
    r = extract(
        "Angela Merkel spoke to reporters after the meeting, adding that the next round "
        "would be held in Berlin in April.",
        published="2022-03-01",
    )
    assert [c.content.text for c in r.commitments] == ["in Berlin in April"]
