"""The Spark job on local[2]: its part files, loaded, give the database 'newsgraph ingest'
gives on the same inputs; loading again adds nothing."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.batch import load_parts, read_manifest
from newsgraph.cli.main import cli
from newsgraph.errors import ConfigError
from newsgraph.ingest import ingest
from newsgraph.store import open_store

from .conftest import ROOT, mixed_corpus, record, snapshot

SPARK_JOB = ROOT / "src" / "newsgraph" / "batch" / "spark.py"


def spark_submit() -> Path:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java (17): install a JDK or set JAVA_HOME to run this test")
    if importlib.util.find_spec("pyspark") is None:
        pytest.skip("pyspark is not installed: pip install -e '.[test]'")
    return Path(sys.executable).parent / "spark-submit"


def write_manifest(tmp_path: Path) -> Path:
    root = mixed_corpus(tmp_path / "in")
    (root / "08-notes.md").unlink()
    sub = root / "sub"
    sub.mkdir()
    (sub / "x.txt").write_text(
        record("https://e.it/x", "Gas", "Il ministro ha incontrato il collega a Vienna.")
    )
    (sub / "notes.md").write_text("a skipped file")
    manifest = tmp_path / "manifest.txt"
    entries = [f"in/{p.name}" for p in sorted(root.iterdir())] + ["", "# a comment"]
    manifest.write_text("\n".join(entries) + "\n")
    return manifest


def run_job(manifest: Path, out: Path, fmt: str) -> None:
    env = {
        **os.environ,
        "PYSPARK_PYTHON": sys.executable,
        "PYSPARK_DRIVER_PYTHON": sys.executable,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [
            str(spark_submit()),
            "--master",
            "local[2]",
            "--conf",
            "spark.ui.enabled=false",
            str(SPARK_JOB),
            "--manifest",
            str(manifest),
            "--out",
            str(out),
            "--format",
            fmt,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert (out / "_SUCCESS").exists()


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_spark_parts_load_to_the_database_ingest_makes(tmp_path: Path, fmt: str) -> None:
    manifest = write_manifest(tmp_path)
    run_job(manifest, tmp_path / "parts", fmt)

    with open_store(tmp_path / "ingested.db") as store:
        ingested = ingest(store, read_manifest(manifest))
    with open_store(tmp_path / "loaded.db") as store:
        loaded = load_parts(store, tmp_path / "parts")
    counts = ("stored", "duplicate", "near_duplicate", "quarantined", "skipped")
    assert [getattr(loaded, c) for c in counts] == [getattr(ingested, c) for c in counts]
    assert (loaded.stored, loaded.near_duplicate, loaded.skipped) == (6, 1, 1)
    assert snapshot(tmp_path / "loaded.db") == snapshot(tmp_path / "ingested.db")

    result = CliRunner().invoke(
        cli, ["load", str(tmp_path / "loaded.db"), str(tmp_path / "parts"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert '"stored": 0' in result.output  # loading again adds nothing, then links
    assert '"links"' in result.output
    after = snapshot(tmp_path / "loaded.db")
    before = snapshot(tmp_path / "ingested.db")
    for table in ("documents", "document_sources", "statements", "quarantine"):
        assert after[table] == before[table]


def test_a_manifest_of_urls_says_what_to_do(tmp_path: Path) -> None:
    manifest = tmp_path / "m.txt"
    manifest.write_text("s3://bucket/a.warc.gz\n")
    with pytest.raises(ConfigError, match="list paths on a filesystem every executor mounts"):
        read_manifest(manifest)


def test_load_says_when_there_are_no_parts(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["load", str(tmp_path / "x.db"), str(tmp_path)])
    assert result.exit_code == 1
    assert "holds no part files" in result.output
