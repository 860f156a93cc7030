"""Russian: the language pack and the case-ending mechanism, on short texts written for
these tests."""

from __future__ import annotations

import newsgraph
from newsgraph.extract.entities import _lang_data
from newsgraph.extract.times import narrowed
from newsgraph.model import DateRange, ExtractionResult

PUBLISHED = "2022-01-21"  # a Friday

ARTICLE = (
    "Министр иностранных дел России Сергей Лавров и госсекретарь США Энтони Блинкен "
    "провели переговоры в Женеве в пятницу. "
    "Лавров заявил, что Россия не собирается нападать на Украину. "
    "«Мы внимательно изучим все предложения американской стороны», — сказал он журналистам. "
    "Блинкен пообещал, что Вашингтон передаст письменный ответ на следующей неделе."
)


def extract(text: str, published: str = PUBLISHED) -> ExtractionResult:
    result = newsgraph.extract(text, lang="ru", published=published)
    result.check_spans()
    return result


def mentions(result: ExtractionResult) -> dict[str, list[str]]:
    return {a.id: [m.text for m in a.mentions] for a in result.actors}


def test_the_article_names_its_actors() -> None:
    actors = mentions(extract(ARTICLE))
    assert actors["sergey-lavrov"] == ["Сергей Лавров", "Лавров"]
    assert actors["antony-blinken"] == ["Энтони Блинкен", "Блинкен"]
    assert "Россия" in actors["RUS"]
    assert actors["UKR"] == ["Украину"]


def test_the_meeting_is_a_consult_with_both_ministers_in_geneva() -> None:
    r = extract(ARTICLE)
    consult = [e for e in r.events if e.type == "CONSULT"]
    assert len(consult) == 1
    ev = consult[0]
    assert {"sergey-lavrov", "antony-blinken"} <= set(ev.actors)
    place = next(p for p in r.places if p.id == ev.place)
    assert place.name == "Geneva" and [m.text for m in place.mentions] == ["Женеве"]
    assert ev.date is not None and ev.date.value == PUBLISHED


def test_reported_and_quoted_statements_have_their_speaker() -> None:
    r = extract(ARTICLE)
    said = {s.content.text: s for s in r.statements}
    indirect = said["Россия не собирается нападать на Украину"]
    assert indirect.speaker == "sergey-lavrov" and indirect.mode == "indirect"
    direct = said["Мы внимательно изучим все предложения американской стороны"]
    assert direct.mode == "direct"
    assert direct.speaker == "sergey-lavrov"  # "— сказал он": the previous speaker
    assert direct.speaker_span is not None and direct.speaker_span.text == "он"


def test_a_denied_intention_is_not_an_assault() -> None:
    r = extract(ARTICLE)
    assert not [e for e in r.events if e.type == "ASSAULT"]
    r2 = extract("Кремль не намерен вводить войска на Украину, заявил Дмитрий Песков.")
    assert not [e for e in r2.events if e.type in ("ASSAULT", "MOBILIZE")]


def test_a_promise_is_due_relative_to_publication() -> None:
    r = extract(ARTICLE)
    assert len(r.commitments) == 1
    c = r.commitments[0]
    assert c.actor == "antony-blinken"
    assert c.content.text.startswith("Вашингтон передаст письменный ответ")
    assert c.due is not None and c.due.value == DateRange("2022-01-24", "2022-01-30")


def test_names_are_found_in_every_case() -> None:
    r = extract(
        "Вчера Сергея Лаврова встретили в Москве. С Блинкеном говорил Лавров. "
        "Путину позвонил канцлер. Представители Южной Кореи и Соединенных Штатов "
        "обсудили ситуацию в Женеве."
    )
    actors = mentions(r)
    assert "Сергея Лаврова" in actors["sergey-lavrov"]
    assert actors["antony-blinken"] == ["Блинкеном"]
    assert actors["vladimir-putin"] == ["Путину"]
    assert actors["KOR"] == ["Южной Кореи"]
    assert actors["USA"] == ["Соединенных Штатов"]
    places = {p.name: [m.text for m in p.mentions] for p in r.places}
    assert places["Moscow"] == ["Москве"]  # "в Москве": the city, not the state
    assert places["Geneva"] == ["Женеве"]


def test_a_capital_as_agent_stands_for_its_state() -> None:
    actors = mentions(extract("Москва потребовала от Вашингтона письменных гарантий."))
    assert actors["RUS"] == ["Москва"]
    assert actors["USA"] == ["Вашингтона"]


def test_an_inflected_title_resolves_to_the_office_holder() -> None:
    r = extract("По словам главы МИД России, переговоры прошли в деловой атмосфере.")
    assert r.statements and r.statements[0].speaker == "sergey-lavrov"


def test_demonyms_in_every_form_refer_to_their_state() -> None:
    data = _lang_data("ru")
    for form in ("российский", "российского", "российской", "российские", "американскую"):
        assert form in data.demonyms
    assert data.demonyms["россияне"] == "RUS" and data.demonyms["американцев"] == "USA"


def test_case_endings_are_undone_only_for_languages_that_declare_them() -> None:
    ru = _lang_data("ru")
    assert "лавров" in ru.variants("лаврова")
    assert "украина" in ru.variants("украину")
    assert "женева" in ru.variants("женеве")
    assert ru.variants("сша") == ("сша",)  # too short a stem to strip
    assert _lang_data("it").variants("mosca") == ("mosca",)
    assert _lang_data("en").variants("washington") == ("washington",)


def test_unknown_names_are_typed_by_the_pack() -> None:
    r = extract(
        "Датская компания Vestas и депутат Иван Сидоренков выступили "
        "у здания Конституционного суда."
    )
    kinds = {a.name: a.type for a in r.actors}
    assert kinds.get("Vestas") == "ORG"
    assert kinds.get("Иван Сидоренков") == "PER"
    assert kinds.get("Конституционного суда") == "ORG"


def test_russian_times() -> None:
    r = extract(
        "В январе 2022 года стороны встретились. В конце 2021 года напряженность выросла. "
        "Ответ придет через две недели. Две недели назад прошла встреча. В среду был саммит."
    )
    values = {t.text: t.value for t in r.times}
    assert values["январе 2022"] == "2022-01"
    end_2021 = next(t for t in r.times if t.text == "В конце 2021")
    assert (end_2021.value, end_2021.mod) == ("2021", "END")
    assert narrowed(end_2021) == DateRange("2021-10-01", "2021-12-31")
    assert values["через две недели"] == "2022-02-04"
    assert values["Две недели назад"] == "2022-01-07"
    assert values["среду"] == "2022-01-19"


def test_events_of_other_types() -> None:
    r = extract(
        "Евросоюз ввел санкции против России. Москва обвинила Киев в провокациях. "
        "Турция и Россия договорились о прекращении огня."
    )
    types = {e.type for e in r.events}
    assert {"SANCTION", "ACCUSE", "AGREE"} <= types
