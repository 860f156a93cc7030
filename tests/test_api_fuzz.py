"""Schemathesis against the API's own OpenAPI schema, over HTTP: generated requests must
never make the server fail (5xx), valid ones must be accepted, answers must match the
documented schemas and status codes.  Bounded (a few examples per operation) for CI.
(Query strings are always strings, so the check that "non-string" list items are refused
is left out.)"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.api.app import create_app

from .conftest import serving

pytest.importorskip("schemathesis", reason="schemathesis is not installed")


@pytest.mark.slow
def test_the_api_keeps_its_contract(examples_db: Path) -> None:
    cli = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    assert cli, "the schemathesis command is missing from the virtualenv"
    with serving(create_app(examples_db)) as url:
        run = subprocess.run(
            [cli, "run", f"{url}/openapi.json", "--max-examples", "8",
             "--request-timeout", "10", "--exclude-checks", "negative_data_rejection",
             "--seed", "1"],
            capture_output=True, text=True, timeout=600,
        )  # fmt: skip
    assert run.returncode == 0, run.stdout[-4000:]
