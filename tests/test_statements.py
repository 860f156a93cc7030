"""Statements on sentences written for these tests: quotations the attribution interrupts or
that run over sentences, unnamed speakers, the nearest speaker, headlines and transcripts."""

from __future__ import annotations

import newsgraph
from newsgraph.model import ExtractionResult, Statement


def extract(text: str, lang: str = "en") -> ExtractionResult:
    result = newsgraph.extract(text, lang=lang, published="2022-01-21")
    result.check_spans()
    return result


def only(result: ExtractionResult) -> Statement:
    assert len(result.statements) == 1, [s.content.text for s in result.statements]
    return result.statements[0]


def test_a_quotation_the_attribution_interrupts_is_one_statement() -> None:
    st = only(
        extract(
            '"What we owe the miners is to be honest with them," Barack Obama said, '
            '"and to say that the economy is shifting. How we use energy is shifting too."'
        )
    )
    assert st.mode == "direct" and st.speaker == "barack-obama"
    assert st.content.text.startswith("What we owe") and st.content.text.endswith("shifting too")


def test_an_interrupted_quotation_in_italian() -> None:
    st = only(
        extract(
            '"Non ci sono garanzie per il futuro", ha detto Sergey Lavrov, '
            '"e non ne daremo nessuna a nessuno."',
            "it",
        )
    )
    assert st.mode == "direct" and st.speaker == "sergey-lavrov"
    assert st.content.text.startswith("Non ci sono") and st.content.text.endswith("a nessuno")


def test_quoted_sentences_without_a_cue_go_on_from_the_quotation_before() -> None:
    r = extract(
        'The senator spoke at the plant. "Coal is not the villain," he said. '
        '"The villain is excess carbon dioxide, and we have to find ways to deal with it."'
    )
    st = only(r)
    assert st.speaker_span is not None and st.speaker_span.text == "he"
    assert "deal with it" in st.content.text


def test_typewriter_quotation_marks_and_a_speaker_after_the_cue() -> None:
    st = only(extract("''The lack of reciprocity is deplorable,'' said Elez Biberaj, a director."))
    assert st.mode == "direct" and st.content.text == "The lack of reciprocity is deplorable"
    assert st.speaker_span is not None and st.speaker_span.text == "Elez Biberaj"


def test_unnamed_speakers_after_the_content() -> None:
    st = only(extract("Six million American jobs depend on exports to Mexico, one slide says."))
    assert st.speaker is None and st.speaker_span is not None
    assert st.speaker_span.text == "one slide"
    assert st.content.text == "Six million American jobs depend on exports to Mexico"
    st = only(extract("The first television ad could start this week, said a senior adviser."))
    assert st.speaker_span is not None and st.speaker_span.text == "a senior adviser"


def test_the_content_around_a_parenthetical_cue() -> None:
    st = only(extract("The museum, Barack Obama said, would make visitors face hard truths."))
    assert st.speaker == "barack-obama"
    assert st.content.text.startswith("The museum") and st.content.text.endswith("hard truths")


def test_according_to_any_source() -> None:
    st = only(extract("Clinton leads Trump by four points in Ohio, according to the new poll."))
    assert st.speaker_span is not None and st.speaker_span.text == "the new poll"
    assert st.content.text == "Clinton leads Trump by four points in Ohio"
    # "citing" names what is cited, not a speaker, unless it is a name
    r = extract("The party changed its rules last year, citing the cost of the primaries.")
    assert not any(s.cue and s.cue.text == "citing" for s in r.statements)


def test_verbs_that_report_only_with_a_complementiser() -> None:
    st = only(
        extract("A new study found that thousands of voters had been removed from the rolls.")
    )
    assert st.speaker_span is not None and st.speaker_span.text == "A new study"
    assert not extract("Police found the body of a man near the river on Sunday.").statements


def test_the_speaker_nearest_the_cue() -> None:
    r = extract(
        "Kerr Putney said that the footage was unclear, "
        "but he said that the evidence supports the account of the officers."
    )
    contents = {
        s.content.text: s.speaker_span.text if s.speaker_span else None for s in r.statements
    }
    assert contents == {
        "the footage was unclear": "Kerr Putney",
        "the evidence supports the account of the officers": "he",
    }
    st = only(extract("John Smith, a senior analyst at the bank, said the plan would fail."))
    assert st.speaker_span is not None and st.speaker_span.text.endswith("Smith")
    assert st.content.text == "the plan would fail"


def test_that_some_words_after_the_cue() -> None:
    st = only(extract('Bernie Sanders told MSNBC\'s "Morning Joe" that nobody would doubt her.'))
    assert st.content.text == "nobody would doubt her"
    st = only(extract("A lawyer said no decision had been made about whether to appeal."))
    assert st.content.text == "no decision had been made about whether to appeal"


def test_an_attribution_that_is_a_sentence_of_its_own() -> None:
    st = only(extract('"How many times do we have to see this in our country?" Barack Obama said.'))
    assert st.speaker == "barack-obama"
    assert st.content.text == "How many times do we have to see this in our country"


def test_a_colon_before_a_quotation_of_several_sentences_or_a_paragraph() -> None:
    st = only(
        extract('Barack Obama said: "We fought the battle. I look forward to working with him."')
    )
    assert st.content.text == "We fought the battle. I look forward to working with him"
    st = only(extract("The governor added:\n\nShe knows nothing about what happened there."))
    assert st.content.text == "She knows nothing about what happened there"


def test_transcripts_and_quotations_signed_with_a_dash() -> None:
    r = extract(
        "WALLACE: Governor, I do not want to interrupt you. Will she be there?\n\n"
        "“He is ignorant of our culture and our lives.” ― Pamela Padilla\n"
        "“The most unqualified man to ever run for president.” ― Francisco Herrero"
    )
    spans = [
        (s.speaker_span.text if s.speaker_span else None, s.content.text) for s in r.statements
    ]
    assert spans == [
        ("WALLACE", "Governor, I do not want to interrupt you. Will she be there"),
        ("Pamela Padilla", "He is ignorant of our culture and our lives"),
        ("Francisco Herrero", "The most unqualified man to ever run for president"),
    ]


def test_a_pronoun_refers_to_the_subject_of_the_sentence_before() -> None:
    r = extract(
        "Joseph Biden said that Russia and the US shared a special responsibility for peace. "
        "Vladimir Putin gave a long response to the remarks by Joseph Biden. "
        "He suggested that this would be a grave error for both countries."
    )
    st = next(s for s in r.statements if s.content.text.startswith("this would be"))
    assert st.speaker == "vladimir-putin"


def test_a_signed_statement_in_the_first_person_is_its_signatory_s_words() -> None:
    r = extract(
        "Statement by President Biden on the pipeline\n\n"
        "We have worked closely with our allies to deliver a strong response. "
        "Germany announced that it would halt certification of the pipeline. "
        "We will not hesitate to take further steps."
    )
    by_biden = [s for s in r.statements if s.speaker == "joe-biden"]
    assert [s.mode for s in by_biden] == ["direct", "direct", "direct"]
    assert any(s.speaker == "DEU" and s.mode == "indirect" for s in r.statements)


def test_a_readout_in_the_third_person_is_not_its_signatory_s_words() -> None:
    r = extract(
        "Statement by Press Secretary Jen Psaki on the call\n\n"
        "President Biden spoke today with President Putin of Russia. "
        "President Biden reiterated that progress can occur only with de-escalation."
    )
    assert [s.speaker for s in r.statements] == ["joe-biden"]


def test_urging_making_clear_and_calling_for_report_speech() -> None:
    r = extract(
        "President Biden urged Russia to de-escalate tensions with Ukraine. "
        "He made clear that the United States will respond decisively to an invasion. "
        "The senator called for an inquiry into the sale of the weapons."
    )
    assert [s.cue.text for s in r.statements if s.cue] == ["urged", "made clear", "called for"]


def test_a_short_quotation_with_its_cue_and_the_pronoun_right_after_it() -> None:
    r = extract('"You winning?" she said, but Kevin was drifting off.')
    st = only(r)
    assert st.mode == "direct" and st.content.text == "You winning?".rstrip("?")
    assert st.speaker_span is not None and st.speaker_span.text == "she"


PRESS_CONFERENCE = """Press conference of President Macron and Chancellor Scholz

Emmanuel Macron and Olaf Scholz met the press in Paris on Monday.

PRESIDENT MACRON: Good afternoon. We discussed energy prices at length this morning.

Our ministers will present a joint plan to the European Council in March.

CHANCELLOR SCHOLZ: Thank you, Emmanuel. Germany will support the plan with its own funds.

Q Mr President, will France send more troops to Romania this winter?

PRESIDENT MACRON: We will decide that with our allies next week.
"""


def test_a_transcript_gives_each_paragraph_to_whoever_has_the_floor() -> None:
    """Labels ('PRESIDENT MACRON:') give the floor until the next label, over paragraphs; a
    journalist's question ('Q ...') is nobody's statement; 'We will' is the speaker's."""
    result = extract(PRESS_CONFERENCE)
    said = {
        st.content.text: (st.speaker, st.speaker_span and st.speaker_span.text)
        for st in result.statements
    }

    def by(fragment: str) -> str | None:
        hits = [who for text, (who, _) in said.items() if fragment in text]
        assert hits, (fragment, list(said))
        return hits[0]

    assert by("We discussed energy prices") == "emmanuel-macron"
    assert by("Our ministers will present a joint plan") == "emmanuel-macron"  # next paragraph
    assert by("Germany will support the plan") == "olaf-scholz"
    assert by("We will decide that with our allies") == "emmanuel-macron"
    assert not any("send more troops" in text for text in said)  # the question
    assert not any(text.startswith(("PRESIDENT", "CHANCELLOR", "Q ")) for text in said)
    promised = {c.content.text: c.actor for c in result.commitments}
    assert any("decide that" in text and who == "emmanuel-macron" for text, who in promised.items())


def test_a_note_and_a_colon_do_not_make_a_transcript() -> None:
    result = extract(
        "Note: this article was updated on Tuesday.\n\n"
        "Update: the talks resumed in Vienna.\n\n"
        "Background: the ministers of Iran and Oman met in Muscat, the agency said.\n"
    )
    assert all(
        st.speaker_span is None or ":" not in st.speaker_span.text for st in result.statements
    )
    assert not any(st.content.text.startswith("this article") for st in result.statements)


def test_a_quotation_before_its_speaker_and_cue_is_what_was_said() -> None:
    for text in (
        '"We have decided to open a new page," Lavrov told reporters after the meeting.',
        '"It is over," Lavrov told the BBC on Monday.',
    ):
        st = only(extract(text))
        assert (st.mode, st.speaker, st.content.text) == (
            "direct",
            "sergey-lavrov",
            text.split('"')[1].rstrip(","),
        )
    r = extract('"It is over," Lavrov said, adding that the talks had failed.')
    assert [s.content.text for s in r.statements] == ["It is over", "the talks had failed"]


def test_an_auxiliary_before_the_cue_is_no_speaker() -> None:
    st = only(
        extract(
            "\"Abbiamo bisogno di un'Europa più forte\", ha dichiarato il capo dell'Eliseo.", "it"
        )
    )
    assert (st.speaker, st.speaker_span.text) == ("emmanuel-macron", "capo dell'Eliseo")
    st = only(extract('"We are ready for talks," the Kremlin leader said.'))
    assert (st.speaker, st.speaker_span.text) == ("vladimir-putin", "Kremlin leader")


def test_a_gerund_cue_after_a_comma_reports_only_what_follows() -> None:
    rejected = extract("Tehran rejected the accusation on Friday, calling it baseless.")
    assert rejected.statements == ()
    st = only(extract("Lavrov left the room, saying that the talks had failed completely."))
    assert (st.speaker, st.content.text) == ("sergey-lavrov", "the talks had failed completely")


def test_a_gerund_cue_shares_the_subject_of_its_sentence() -> None:
    st = only(
        extract(
            "Russia rejected the proposal of the United States and NATO, calling it a "
            "provocation aimed at Moscow."
        )
    )
    assert (st.speaker, st.cue.text if st.cue else None) == ("RUS", "calling")


def test_a_long_subject_ending_in_a_name_and_a_hyphenated_name_speak() -> None:
    st = only(
        extract(
            "European Union foreign ministers on Thursday imposed sanctions on three Iranian "
            "generals, the bloc's foreign policy chief Josep Borrell said."
        )
    )
    assert st.speaker == "josep-borrell"
    st = only(
        extract(
            "Foreign Minister Hossein Amir-Abdollahian said Tehran had not supplied weapons "
            "to either side.",
        )
    )
    assert st.speaker == "hossein-amir-abdollahian"


def test_sostenere_reports_only_with_a_complementizer() -> None:
    assert (
        extract("Roma continuerà a sostenere Kiev per tutto il tempo necessario.", "it").statements
        == ()
    )
    st = only(extract("Lavrov ha sostenuto che la NATO minaccia la Russia.", "it"))
    assert st.content.text == "la NATO minaccia la Russia"
