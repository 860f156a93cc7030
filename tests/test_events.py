"""Event extraction classes on sentences written for these tests (English and Italian):
aims and preparations that are no acts yet, who acts and who receives, denials that do not
spread, conditional threats, attitudes to an act, performative thanks."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.model import Event, ExtractionResult


def extract(text: str, lang: str) -> ExtractionResult:
    result = newsgraph.extract(text, lang=lang, published="2023-05-10")
    result.check_spans()
    return result


def facts(result: ExtractionResult, typ: str) -> list[Event]:
    return [e for e in result.events if e.type == typ and not e.hypothetical]


def top_event(result: ExtractionResult) -> str | None:
    best = max(enumerate(result.events), key=lambda ke: (ke[1].confidence, -ke[0]), default=None)
    return best[1].type if best else None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The minister said there was no reason for the tanks to be deployed near the "
            "border other than to threaten Georgia.",
            "en",
        ),
        ("Turkey sent warships to the strait in order to intimidate Greece.", "en"),
        ("La Turchia ha inviato navi nello stretto al fine di intimidire la Grecia.", "it"),
        (
            "Il ministro ha detto che non c'era motivo di schierare i carri armati al confine, "
            "se non per minacciare la Georgia.",
            "it",
        ),
    ],
)
def test_an_aim_is_no_act(text: str, lang: str) -> None:
    """ "in order to intimidate", "other than to threaten": the aim of a deed, not a deed."""
    r = extract(text, lang)
    assert not facts(r, "THREATEN"), r.events
    assert not facts(r, "ASSAULT"), r.events
    claims = [c for s in r.statements for c in s.claims]
    assert not any(c.type == "THREATEN" and c.negated for c in claims), claims  # nor a denial


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Pakistan appears to be continuing preparations for a large offensive.", "en"),
        ("The Serbian army was preparing to attack the rebel villages, officials said.", "en"),
        ("L'esercito del Pakistan si prepara a un'offensiva contro i ribelli.", "it"),
    ],
)
def test_a_prepared_attack_is_a_mobilisation(text: str, lang: str) -> None:
    r = extract(text, lang)
    assert not facts(r, "ASSAULT"), r.events
    mobilized = facts(r, "MOBILIZE")
    assert mobilized and mobilized[0].mode == "assault", r.events


def test_a_name_after_the_act_receives_it_unless_brought_in_as_its_agent() -> None:
    r = extract("Chile strongly condemned Bolivia on Monday.", "en")
    (ev,) = facts(r, "ACCUSE")
    assert ev.actors == ("CHL",) and ev.recipients == ("BOL",)
    r = extract("The ministry reported an attack by Azerbaijan on Armenia overnight.", "en")
    (ev,) = facts(r, "ASSAULT")
    assert ev.actors == ("AZE",) and ev.recipients == ("ARM",)
    r = extract("A deal between Serbia and Croatia was signed in Brussels.", "en")
    assert any(set(e.actors) == {"SRB", "HRV"} for e in facts(r, "AGREE")), r.events


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The missiles that threaten Israel were moved closer to the border.", "en"),
        ("Officials say the drills are designed to threaten Japan.", "en"),
    ],
)
def test_an_act_whose_agent_is_not_said_is_no_event(text: str, lang: str) -> None:
    """Only a name after the verb: it receives the act; nobody is said to do it."""
    r = extract(text, lang)
    assert not [e for e in r.events if e.type == "THREATEN"], r.events


def test_a_sourceless_act_of_ours_keeps_its_recipient() -> None:
    r = extract("Today, I have ordered sanctions on Transneft and its managers.", "en")
    (ev,) = facts(r, "SANCTION")
    assert ev.actors == () and ev.recipients


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The spokesman said that Russia has no intention of attacking Finland and never "
            "threatened the Finnish people.",
            "en",
        ),
        (
            "Il portavoce ha detto che Mosca non ha alcuna intenzione di attaccare la Finlandia e "
            "non ha mai minacciato il popolo finlandese.",
            "it",
        ),
    ],
)
def test_a_denied_intention_does_not_spread_to_a_denied_fact(text: str, lang: str) -> None:
    """ "has no intention of attacking X and never threatened Y": the second verb has a
    negation of its own, which denies a past fact, not an intention."""
    r = extract(text, lang)
    claims = {c.type: c for s in r.statements for c in s.claims}
    assert claims["ASSAULT"].negated and claims["ASSAULT"].intention
    assert claims["THREATEN"].negated and not claims["THREATEN"].intention


@pytest.mark.parametrize(
    ("text", "lang", "actor", "recipient"),
    [
        ("Japan will respond decisively if China blockades Taiwan.", "en", "JPN", "CHN"),
        (
            "Britain is ready to impose severe consequences should Iran attack ships in the Gulf.",
            "en",
            "GBR",
            "IRN",
        ),
        (
            "Canada will not hesitate to take further measures if Venezuela keeps arresting "
            "opposition leaders.",
            "en",
            "CAN",
            "VEN",
        ),
        ("Il Giappone risponderà con fermezza se la Cina attaccherà Taiwan.", "it", "JPN", "CHN"),
    ],
)
def test_a_response_promised_under_a_condition_is_a_threat(
    text: str, lang: str, actor: str, recipient: str
) -> None:
    r = extract(text, lang)
    assert top_event(r) == "THREATEN", r.events
    (ev,) = [e for e in r.events if e.type == "THREATEN"]
    assert ev.actors == (actor,) and recipient in ev.recipients
    assert not [e for e in r.events if e.type == "ASSAULT"]  # the condition is no event


def test_a_response_without_a_condition_is_no_event() -> None:
    r = extract("Japan responded to the letter from China on Monday.", "en")
    assert not [e for e in r.events if e.type == "THREATEN"], r.events


@pytest.mark.parametrize(
    ("text", "lang", "typ", "mode"),
    [
        ("Canada accepted a meeting with Mexico's foreign minister.", "en", "AGREE", "consult"),
        ("Norway welcomed the ceasefire in Sudan.", "en", "SUPPORT", "agree"),
        ("Il Canada ha accettato un incontro con il Messico.", "it", "AGREE", "consult"),
    ],
)
def test_an_act_named_as_the_object_of_an_attitude_is_no_event_of_its_own(
    text: str, lang: str, typ: str, mode: str
) -> None:
    """ "accepted a meeting": the meeting is what was accepted, not a meeting held."""
    r = extract(text, lang)
    assert [e.type for e in r.events] == [typ], r.events
    assert r.events[0].mode == mode


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("I want to thank Chancellor Kristersson for his support.", "en"),
        ("Vorrei ringraziare il presidente Macron per il suo sostegno.", "it"),
    ],
)
def test_thanks_said_are_thanks_given(text: str, lang: str) -> None:
    r = extract(text, lang)
    assert facts(r, "SUPPORT"), r.events
    assert not [e for e in r.events if e.hypothetical], r.events


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Olaf Scholz and Emmanuel Macron met in Paris on Thursday. The two leaders agreed "
            "to resume regular visits.",
            "en",
        ),
        (
            "Lavrov e Cavusoglu si sono incontrati ad Antalya. I due ministri hanno concordato "
            "di proseguire il dialogo.",
            "it",
        ),
    ],
)
def test_the_two_leaders_are_the_people_of_the_last_meeting(text: str, lang: str) -> None:
    r = extract(text, lang)
    meeting, agreed = r.events
    assert meeting.type == "CONSULT" and agreed.type == "AGREE"
    assert set(agreed.actors) == set(meeting.actors) and len(agreed.actors) == 2


def test_leaders_of_a_group_are_no_meeting_people() -> None:
    r = extract(
        "Modi met Albanese in Delhi. The leaders of the opposition agreed to protest.", "en"
    )
    assert not [e for e in r.events if e.type == "AGREE" and e.actors], r.events


def test_a_word_inside_a_phrase_trigger() -> None:
    """ "spoke today with": a phrase with ``*`` takes any one word there."""
    r = extract("Prime Minister Mark Rutte spoke yesterday with Chancellor Olaf Scholz.", "en")
    (ev,) = r.events
    assert ev.type == "CONSULT" and set(ev.actors) == {"mark-rutte", "olaf-scholz"}
    assert ev.date is not None and ev.date.value == "2023-05-09"
    assert not extract("The minister spoke to reporters with a smile.", "en").events


SIGNED = (
    "Statement by President Emmanuel Macron on Belarus\n\n"
    "Today, I have ordered sanctions on Transneft and its managers. We will not hesitate to "
    "respond if Belarus continues to escalate. I want to thank Chancellor Olaf Scholz for his "
    "close partnership in holding Russia accountable.\n"
)


def test_the_acts_of_i_and_we_in_a_signed_statement_are_the_signatory_s() -> None:
    """'I' is the signatory; 'we' is the signatory and the state they speak for; a spoken
    act of the day is dated by the statement."""
    r = extract(SIGNED, "en")
    (sanction,) = facts(r, "SANCTION")
    assert sanction.actors == ("emmanuel-macron",)
    (threat,) = facts(r, "THREATEN")
    assert threat.actors == ("emmanuel-macron", "FRA")
    (thanks,) = facts(r, "SUPPORT")
    assert thanks.actors == ("emmanuel-macron",) and thanks.recipients == ("olaf-scholz",)
    assert thanks.date is not None and thanks.date.value == "2023-05-10"


def test_what_is_thanked_for_is_no_act_of_its_own() -> None:
    """'thank X for his partnership': the partnership is the reason, not an agreement."""
    r = extract(SIGNED, "en")
    assert not [e for e in r.events if e.type in ("AGREE", "COOPERATE")], r.events


def test_a_spoken_act_reported_of_the_speaker_s_state_is_the_speaker_s_too() -> None:
    r = extract(
        "Emmanuel Macron spoke to reporters in Paris. He made clear that France will respond "
        "decisively if Russia invades Moldova.",
        "en",
    )
    (threat,) = facts(r, "THREATEN")
    assert threat.actors == ("emmanuel-macron", "FRA") and threat.recipients == ("RUS",)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("President Macron urged Russia to ease tensions with Poland.", "en"),
        (
            "Il presidente Macron ha esortato la Russia ad allentare le tensioni con la Polonia.",
            "it",
        ),
    ],
)
def test_a_name_after_the_urged_one_belongs_to_what_is_urged(text: str, lang: str) -> None:
    """The state right after the verb is urged (not the office of the title before it); the
    one brought in by 'with' later is part of what it is urged to do, not a co-author."""
    r = extract(text, lang)
    (req,) = [e for e in r.events if e.type == "REQUEST"]
    assert req.actors == ("emmanuel-macron",) and "RUS" in req.recipients


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Monday, Armenia and Azerbaijan held talks in Geneva, followed by consultations "
            "at the OSCE in Vienna.",
            "en",
        ),
        (
            "Lunedì Armenia e Azerbaigian hanno tenuto colloqui a Ginevra, seguiti da "
            "consultazioni presso l'OSCE a Vienna.",
            "it",
        ),
    ],
)
def test_a_meeting_that_continues_the_sentence_s_first_one_keeps_its_parties(
    text: str, lang: str
) -> None:
    r = extract(text, lang)
    names = {p.id: p.name for p in r.places}
    at = {names.get(e.place or ""): e for e in facts(r, "CONSULT")}
    assert set(at) == {"Geneva", "Vienna"}, r.events
    assert {"ARM", "AZE"} <= set(at["Vienna"].actors)
    assert set(at["Geneva"].actors) == {"ARM", "AZE"}


@pytest.mark.parametrize(
    ("text", "lang", "typ"),
    [
        ("President Macron accepted in principle a meeting with President Erdogan.", "en", "AGREE"),
        ("Il presidente Macron ha accettato un incontro con il presidente Erdogan.", "it", "AGREE"),
        ("President Macron called for talks with Turkey in Geneva.", "en", "REQUEST"),
    ],
)
def test_the_partner_in_an_attitude_s_object_receives_it(text: str, lang: str, typ: str) -> None:
    """'accepted a meeting with X', 'called for talks with X': X is the other side of what is
    accepted or asked for, not a co-author of the acceptance or the demand."""
    r = extract(text, lang)
    (ev,) = [e for e in r.events if e.type == typ]
    assert ev.actors == ("emmanuel-macron",)
    assert set(ev.recipients) & {"recep-tayyip-erdogan", "TUR"}, ev


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Emmanuel Macron ha ricevuto ieri all'Eliseo il cancelliere tedesco Olaf Scholz.",
            "it",
        ),
        ("Sergey Lavrov met on Friday in Geneva with reporters and Antony Blinken.", "en"),
        ("Emmanuel Macron hosted on Monday at the Elysee German Chancellor Olaf Scholz.", "en"),
    ],
)
def test_a_meeting_verb_s_object_meets_after_a_time_or_a_place(text: str, lang: str) -> None:
    [meeting] = facts(extract(text, lang), "CONSULT")
    assert (
        len(
            set(meeting.actors)
            & {"emmanuel-macron", "olaf-scholz", "sergey-lavrov", "antony-blinken"}
        )
        == 2
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Emmanuel Macron ha ricevuto ieri Olaf Scholz a Parigi. Al termine del colloquio, "
            "durato due ore, Macron ha annunciato che Berlino presenterà entro giugno un piano.",
            "it",
        ),
        (
            "Sergey Lavrov and Antony Blinken met in Geneva on Friday. After the meeting, Lavrov "
            "said that Russia would reply in April.",
            "en",
        ),
    ],
)
def test_the_meeting_named_again_is_the_one_told(text: str, lang: str) -> None:
    [meeting] = facts(extract(text, lang), "CONSULT")
    assert meeting.place is not None and len(meeting.more_evidence) == 1
    assert meeting.date is not None and meeting.date.value not in ("2023-04", "2023-06")


def test_the_ministers_who_agreed_may_meet_as_a_group() -> None:
    r = extract(
        "Sergey Lavrov and Antony Blinken agreed on Friday to resume talks. "
        "The ministers met in Geneva for three hours.",
        "en",
    )
    [meeting] = facts(r, "CONSULT")
    assert set(meeting.actors) == {"sergey-lavrov", "antony-blinken"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Secondo Dmitrij Peskov, le forniture di armi non cambieranno nulla sul campo.", "it"),
        ("According to Sergey Lavrov, the arms deliveries will change nothing.", "en"),
    ],
)
def test_the_source_of_according_to_does_not_act(text: str, lang: str) -> None:
    assert not [e for e in extract(text, lang).events if e.type == "AID"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Olaf Scholz ha ribadito la contrarietà all'invio di truppe in Ucraina.", "it"),
        ("Olaf Scholz reiterated his opposition to sending troops to Ukraine.", "en"),
    ],
)
def test_opposition_to_an_act_rejects_it(text: str, lang: str) -> None:
    assert [(e.type, e.mode) for e in extract(text, lang).events] == [("REJECT", "mobilize")]


def test_a_meeting_takes_the_time_nearest_to_it() -> None:
    r = extract(
        "Sergey Lavrov è arrivato ieri sera a Ginevra, dove oggi incontrerà Antony Blinken.", "it"
    )
    [meeting] = [e for e in r.events if e.type in ("CONSULT", "AGREE")]
    assert meeting.date is not None and meeting.date.value == "2023-05-10"


def test_now_and_soon_date_no_event_and_leave_the_publication_day() -> None:
    r = extract("Russia is currently massing troops on the border with Ukraine.", "en")
    [massing] = r.events
    assert massing.date is not None and massing.date.value == "2023-05-10"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Israel threatened to strike Hezbollah in Lebanon if the attacks continue.", "en"),
        (
            "Il ministro della Difesa Yoav Gallant ha minacciato di colpire Hezbollah in Libano "
            "se gli attacchi al confine continueranno.",
            "it",
        ),
    ],
)
def test_who_is_threatened_with_an_act_receives_the_threat(text: str, lang: str) -> None:
    [threat] = [e for e in extract(text, lang).events if e.type == "THREATEN"]
    assert threat.mode == "assault" and "hezbollah" in threat.recipients


def test_a_threatened_act_written_as_an_attribute_is_the_act() -> None:
    r = extract("Israel today mounted its long-threatened invasion of South Lebanon.", "en")
    assert "ASSAULT" in {e.type for e in r.events}


def test_a_second_act_joined_by_and_shares_the_first_one_s_subject() -> None:
    r = extract("Volodymyr Zelensky thanked the EU and urged Israel to send weapons.", "en")
    [request] = [e for e in r.events if e.type == "REQUEST"]
    assert (request.actors, request.recipients) == (("volodymyr-zelenskyy",), ("ISR",))


def test_with_one_s_counterpart_brings_in_a_meeting_s_participant() -> None:
    r = extract(
        "Il ministro degli Esteri Antonio Tajani ha avuto ieri un colloquio telefonico con il "
        "suo omologo turco Hakan Fidan.",
        "it",
    )
    [call] = [e for e in r.events if e.type == "CONSULT"]
    assert set(call.actors) == {"antonio-tajani", "hakan-fidan"}


def test_a_short_quoted_label_is_no_act() -> None:
    r = extract(
        'Viktor Orbán ha respinto le critiche, definendo la decisione "un attacco politico".', "it"
    )
    assert [e.type for e in r.events] == ["REJECT"]
    r = extract('"We will attack Kyiv," Putin said.', "en")
    assert [e.type for e in r.events] == ["THREATEN"]
