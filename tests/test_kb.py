"""The actor knowledge base: names in many languages, offices in time, user files."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsgraph
from newsgraph.errors import ConfigError
from newsgraph.kb import KnowledgeBase, default_kb


@pytest.mark.parametrize(
    ("words", "actor"),
    [
        (["Sergei", "Lavrov"], "sergey-lavrov"),
        (["Anthony", "Blinken"], "antony-blinken"),
        (["Stati", "Uniti"], "USA"),
        (["Россия"], "RUS"),
        (["Allemagne"], "DEU"),
        (["OTAN"], "nato"),
        (["Consiglio", "Russia", "-", "NATO"], "nato-russia-council"),
    ],
)
def test_names_in_many_languages(words: list[str], actor: str) -> None:
    assert actor in default_kb().lookup(words)


@pytest.mark.parametrize(
    ("role", "scope", "day", "holder"),
    [
        ("foreign_minister", "RUS", "2022-01-21", "sergey-lavrov"),
        ("foreign_minister", "USA", "2019-06-01", "mike-pompeo"),
        ("foreign_minister", "USA", "2022-01-21", "antony-blinken"),
        ("head_of_government", "ITA", "2021-06-01", "mario-draghi"),
        ("head_of_state", "FRA", "2022-02-07", "emmanuel-macron"),
    ],
)
def test_who_held_an_office_on_a_day(role: str, scope: str, day: str, holder: str) -> None:
    assert default_kb().holders(role, scope=scope, on=day) == [holder]


def test_kb_size() -> None:
    kb = default_kb()
    kinds = [e.kind for e in kb.entries.values()]
    assert kinds.count("GPE") >= 190
    assert kinds.count("ORG") >= 80
    assert kinds.count("PER") >= 500


def test_user_file_adds_people_and_merges(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- id: nasser-bourita\n  name: Nasser Bourita\n  country: MAR\n"
        "  aliases: [Nasser Burita]\n"
        "  roles:\n    - {role: foreign_minister, country: MAR, start: 2017-04-05, end: null}\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase()
    assert kb.load_file(path) == 1
    assert kb.lookup(["Nasser", "Burita"]) == {"nasser-bourita"}
    assert kb.holders("foreign_minister", scope="MAR", on="2022-01-01") == ["nasser-bourita"]


def test_user_file_with_a_bad_role_says_which(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("- id: x\n  name: X\n  roles: [{role: king_of_the_world}]\n")
    with pytest.raises(ConfigError, match="unknown role 'king_of_the_world'; use one of"):
        KnowledgeBase().load_file(path)


def test_kb_add_then_extract_finds_the_new_person(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from newsgraph.cli.main import cli

    monkeypatch.setenv("NEWSGRAPH_KB_DIR", str(tmp_path / "kb"))
    default_kb.cache_clear()
    path = tmp_path / "people.yaml"
    path.write_text(
        "- id: jan-novak-envoy\n  name: Jan Novak\n  country: CZE\n"
        "  roles: [{role: foreign_minister, country: CZE, start: 2031-01-01, end: null}]\n"
    )
    try:
        result = CliRunner().invoke(cli, ["kb", "add", str(path)])
        assert result.exit_code == 0, result.output
        assert "added 1 entries" in result.stdout
        looked = CliRunner().invoke(cli, ["kb", "lookup", "Jan Novak", "--format", "json"])
        assert '"jan-novak-envoy"' in looked.stdout
        r = newsgraph.extract("Jan Novak ha incontrato il ministro a Praga.", lang="it")
        assert any(a.id == "jan-novak-envoy" for a in r.actors)
    finally:
        monkeypatch.undo()
        default_kb.cache_clear()


def _claim(prop_value: str, **qualifiers: str) -> dict[str, object]:
    claim: dict[str, object] = {
        "mainsnak": {"datavalue": {"value": {"id": prop_value}}},
    }
    if qualifiers:
        claim["qualifiers"] = {
            prop: [{"datavalue": {"value": {"time": f"+{day}T00:00:00Z", "precision": 11}}}]
            for prop, day in qualifiers.items()
        }
    return claim


def test_wikidata_extract_becomes_kb_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A small extract in Wikidata's entity JSON: a country, an office, a person, an IGO."""
    import json

    from click.testing import CliRunner

    from newsgraph.cli.main import cli

    entities = [
        {"id": "Q1028", "labels": {"en": {"value": "Morocco"}},
         "claims": {"P298": [{"mainsnak": {"datavalue": {"value": "MAR"}}}]}},
        {"id": "Q999001", "labels": {"en": {"value": "Minister of Foreign Affairs of Morocco"}},
         "claims": {"P279": [_claim("Q7330070")], "P1001": [_claim("Q1028")]}},
        {"id": "Q999002", "labels": {"en": {"value": "Nasser Bourita"},
                                    "fr": {"value": "Nasser Bourita"}},
         "aliases": {"it": [{"value": "Nasser Burita"}]},
         "claims": {"P31": [_claim("Q5")], "P27": [_claim("Q1028")],
                    "P39": [_claim("Q999001", P580="2017-04-05")]}},
        {"id": "Q999003", "labels": {"en": {"value": "Arab Maghreb Union"},
                                    "it": {"value": "Unione del Maghreb arabo"}},
         "claims": {"P31": [_claim("Q484652")]}},
    ]  # fmt: skip
    extract = tmp_path / "extract.json"
    extract.write_text(json.dumps(entities))
    monkeypatch.setenv("NEWSGRAPH_KB_DIR", str(tmp_path / "kb"))
    default_kb.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["kb", "import-wikidata", str(extract)])
        assert result.exit_code == 0, result.output
        assert "imported 2 entries" in result.stdout
        kb = default_kb()
        assert kb.lookup(["Nasser", "Burita"]) == {"nasser-bourita"}
        assert kb.holders("foreign_minister", scope="MAR", on="2022-01-01") == ["nasser-bourita"]
        assert kb.lookup(["Unione", "del", "Maghreb", "arabo"]) == {"arab-maghreb-union"}
        assert kb.entries["arab-maghreb-union"].kind == "ORG"
    finally:
        monkeypatch.undo()
        default_kb.cache_clear()


def test_a_capital_that_is_a_seat_stands_for_its_body_as_an_agent() -> None:
    r = newsgraph.extract(
        "Brussels has threatened Ankara with sanctions.",
        lang="en",
        published="2024-03-14",
    )
    [threat] = [e for e in r.events if e.type == "THREATEN"]
    assert (threat.actors, threat.recipients) == (("eu",), ("TUR",))
    it = newsgraph.extract("Bruxelles chiede a Roma di ridurre il debito.", lang="it")
    assert [a.id for a in it.actors if a.mentions] == ["eu"]
    assert newsgraph.extract("Il vertice si è tenuto a Bruxelles.", lang="it").actors == ()


def test_states_have_iso_3166_names_in_the_packs_languages_but_no_given_names() -> None:
    kb = default_kb()
    assert kb.lookup(["Birmania"]) == {"MMR"}  # Italian ISO 3166 name, CLDR has another
    assert not kb.lookup(["Maurizio"])  # Italian for Mauritius, and a given name
