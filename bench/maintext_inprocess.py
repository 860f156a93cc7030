"""The harness's ``maintext`` outputs, computed in one process (no start-up per page).

    python bench/maintext_inprocess.py SAVE_DIR [--limit N]
    python3 ../shared/eval/harness.py maintext --load SAVE_DIR [--limit N]

``harness.py maintext`` calls ``newsgraph extract PAGE.html --format jsonl`` once
per page (990 pages): with the command's start-up that takes hours on a
shared machine.  This script runs the same command line in-process (click's
test runner, the same code path and output) on every page of
``trafilatura_eval`` in the harness's order and writes the harness's
``--save`` file, which ``--load`` then scores exactly as a live run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

from click.testing import CliRunner

from newsgraph.cli.main import cli

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "data" / "trafilatura-eval"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("save", type=Path)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    evaldata = json.loads((args.data / "evaldata.json").read_text(encoding="utf-8"))
    keys = list(evaldata)[: args.limit or None]
    args.save.mkdir(parents=True, exist_ok=True)
    runner = CliRunner()
    started = time.perf_counter()
    with (
        tempfile.TemporaryDirectory() as tmp,
        (args.save / "maintext.trafilatura_eval.jsonl").open("w", encoding="utf-8") as out,
    ):
        for i, key in enumerate(keys):
            item = evaldata[key]
            source = args.data / (item.get("html_path") or item["file"])
            raw = source.read_bytes()
            page = Path(tmp, "page.html")
            page.write_bytes(gzip.decompress(raw) if source.suffix == ".gz" else raw)
            result = runner.invoke(cli, ["extract", str(page), "--format", "jsonl"])
            lines = [line for line in result.output.splitlines() if line.startswith("{")]
            output = json.loads(lines[0]) if lines else None
            error = None if output is not None else f"exit {result.exit_code}"
            row = {"i": i, "id": key, "output": output, "error": error}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            if (i + 1) % 50 == 0:
                print(
                    f"{i + 1}/{len(keys)} pages, {time.perf_counter() - started:.0f}s",
                    file=sys.stderr,
                )


if __name__ == "__main__":
    main()
