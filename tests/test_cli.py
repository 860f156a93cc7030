"""The command line: help for newcomers, output formats, errors that say how to fix them."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli.main import cli

from .conftest import ROOT, SEED

COMMANDS = sorted(cli.commands)


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_help_lists_every_command() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for name in COMMANDS:
        assert name in out


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_useful_help(name: str) -> None:
    code, _, _ = run(name, "--help")
    assert code == 0
    summary = (cli.commands[name].help or "").strip()
    assert len(summary.split()) >= 6, f"'{name}' needs a fuller description"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"newsgraph {name}\b", readme), f"document 'newsgraph {name}' in README.md"


def test_extract_seed_prints_the_fact_contract() -> None:
    code, out, _ = run("extract", str(SEED), "--format", "json")
    assert code == 0
    doc = json.loads(out)["document"]
    assert (doc["published"], doc["lang"], doc["source"]) == (
        "2022-01-21",
        "it",
        "it.sputniknews.com",
    )
    assert doc["text"].count(doc["title"]) == 1
    sentences = [doc["text"][s:e] for s, e in doc["sentences"]]
    heading = next(i for i, s in enumerate(sentences) if "attaccare l'Ucraina" in s)
    assert sentences[heading].endswith("attaccare l'Ucraina")
    assert sentences[heading + 1].startswith("Il ministro degli Esteri")


def test_extract_several_inputs_gives_json_lines_and_errors_inline(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    code, out, err = run("extract", str(SEED), str(tmp_path / "empty.txt"), "--format", "jsonl")
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["document"]["lang"] == "it"
    assert second["rejection"]["code"] == "empty" and "empty" in second["error"]
    assert "the input is empty" in err


def test_extract_only_bad_inputs_fails(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    code, _, _ = run("extract", str(tmp_path / "empty.txt"))
    assert code == 1


def test_extract_from_stdin_with_overrides() -> None:
    code, out, _ = run(
        "extract",
        "-",
        "--lang",
        "en",
        "--published",
        "2022-02-24",
        input="Russia attacked Ukraine this morning, officials said.",
    )
    assert code == 0
    doc = json.loads(out)["document"]
    assert (doc["lang"], doc["published"], doc["published_from"]) == (
        "en",
        "2022-02-24",
        "explicit",
    )


def test_bad_published_option_says_how_to_write_it() -> None:
    code, _, err = run("extract", str(SEED), "--published", "yesterday")
    assert code == 1
    assert "Error: cannot read the date 'yesterday'; write it as YYYY-MM-DD" in err


def test_ingest_show_documents_stats_quarantine(tmp_path: Path) -> None:
    db = str(tmp_path / "n.db")
    (tmp_path / "empty.txt").write_text("")
    code, out, _ = run("ingest", db, str(SEED), str(tmp_path / "empty.txt"), "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert (report["stored"], report["quarantined"], report["records"]) == (1, 1, 2)

    code, out, _ = run("documents", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows[0]["published"] == "2022-01-21" and rows[0]["lang"] == "it"

    code, out, _ = run("show", db, rows[0]["id"][:16], "--format", "json")
    assert code == 0 and json.loads(out)["document"]["id"] == rows[0]["id"]
    code, out, _ = run("show", db, rows[0]["id"][:16])
    assert code == 0 and "La Russia non ha intenzione di attaccare l'Ucraina" in out
    for heading in ("actors", "events", "statements", "commitments"):
        assert heading in out
    assert "Sergey Lavrov" in out and "2022-01-24..2022-01-30" in out

    code, out, _ = run("stats", db, "--format", "json")
    stats = json.loads(out)
    assert stats["documents"] == 1 and stats["quarantined_by_reason"] == {"empty": 1}
    code, out, _ = run("stats", db, "--format", "csv")
    metrics = {r["metric"]: r["value"] for r in csv.DictReader(io.StringIO(out))}
    code, shown, _ = run("show", db, rows[0]["id"], "--format", "json")
    facts = json.loads(shown)
    for kind in ("events", "statements", "commitments", "times"):
        assert int(metrics[f"facts.{kind}"]) == len(facts[kind]) > 0

    code, out, _ = run("quarantine", db, "--format", "json")
    assert json.loads(out)[0]["code"] == "empty"

    code, out, _ = run("search", db, "Ginevra", "--format", "json")
    assert code == 0 and len(json.loads(out)) == 1


def test_commands_on_a_missing_database_say_how_to_create_one(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    code, _, err = run("stats", str(db))
    assert code == 1
    assert (
        f"Error: there is no database at {db}; create one with 'newsgraph ingest {db} INPUT...'"
        in err
    )
    assert not db.exists()


def test_a_failure_on_one_record_does_not_stop_extract(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsgraph.pipeline as pipeline

    real = pipeline.extract_facts

    def flaky(document, **kw):  # type: ignore[no-untyped-def]
        if "BOOM" in document.text:
            raise RuntimeError("simulated bug")
        return real(document, **kw)

    monkeypatch.setattr(pipeline, "extract_facts", flaky)
    lines = [{"text": "Il ministro ha incontrato il collega a Ginevra. BOOM."},
             {"text": "Il ministro ha incontrato il collega a Vienna."}]  # fmt: skip
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines))
    code, out, _ = run("extract", str(path), "--format", "jsonl")
    first, second = (json.loads(x) for x in out.splitlines())
    assert code == 0
    assert first["rejection"]["code"] == "internal_error" and "simulated bug" in first["error"]
    assert second["document"]["lang"] == "it"
