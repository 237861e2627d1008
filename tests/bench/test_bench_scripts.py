"""The benchmarks run as their make targets run them and print their tables.

Each script is run once with short settings, as a separate process from the repository root.
The figures themselves depend on the machine and are not asserted; what is asserted is what a
reader of the table relies on: a row for everything measured, every request answered, the
throwaway database gone afterwards.
"""

import re
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest

from app.checks.rulebook import load_rulebook
from app.examples import example_paths, load_example

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [path.stem for path in example_paths()]
SERVER = "postgresql://postgres@127.0.0.1:5432"


def bench(script: str, *options: str, timeout: float = 300) -> str:
    """Run ``bench/<script>`` with ``options``; its output, once it has exited cleanly."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def rows(output: str, first: str) -> list[list[str]]:
    """Each table row starting with ``first``: its name (up to the first two spaces), then
    its figures."""
    found = []
    for line in output.splitlines():
        if line.startswith(first):
            name, _, figures = line.partition("  ")
            found.append([name.strip(), *figures.split()])
    return found


def test_check_benchmark_prints_a_row_per_example_with_its_ratio():
    rulebook = load_rulebook(ROOT / "rules", ROOT / "curriculum" / "model.yaml")
    output = bench("check.py", "--iterations", "5")
    header = output.splitlines()[1].split()
    assert header[:2] == ["document", "findings"] and header[-2:] == ["ratio", "<=2ms"]
    for example in EXAMPLES:
        [row] = rows(output, example + " ")
        assert int(row[1]) == len(rulebook.check(load_example(example))["findings"])
        assert re.fullmatch(r"[0-9]+\.[0-9]x", row[-2]) and row[-1] in ("yes", "no")
        # the whole check takes longer than its validation alone
        median, validate = float(row[3]), float(row[5])
        assert median > validate > 0


def test_check_benchmark_stages_add_up_to_the_whole_check():
    output = bench("check.py", "--stages", "--iterations", "5")
    assert output.splitlines()[1].split() == [
        "document",
        *("read", "account", "facts", "engine", "findings", "report", "whole"),
    ]
    for example in EXAMPLES:
        [row] = rows(output, example + " ")
        stages, whole = [float(cell) for cell in row[1:-1]], float(row[-1])
        assert all(stage > 0 for stage in stages)
        assert sum(stages) == pytest.approx(whole, rel=0.5)


def test_api_benchmark_answers_every_request_under_both_servers():
    output = bench("api.py", "--seconds", "0.5", "--rounds", "1", "--clients", "2")
    for server in ("2 sync workers", "2 gthread workers x 4"):
        measured = {}
        for line in output.splitlines():
            if line.startswith(server + " "):
                method, path, requests, failed, *_ = line[len(server) :].split()
                measured[f"{method} {path}"] = (int(requests), int(failed))
        assert set(measured) == {"GET /api/v1/ping", "POST /api/v1/check"}, output
        for requests, failed in measured.values():
            assert requests > 0 and failed == 0
        assert re.search(rf"{re.escape(server)}: check throughput is [0-9]+% of the ping's", output)


def test_pdf_benchmark_renders_every_example_and_serves_pdfs_under_load():
    output = bench("pdf.py", "--runs", "1", "--seconds", "1")
    for example in EXAMPLES:
        [row] = rows(output, example + " ")
        _, median, _, kilobytes = row[1:5]
        assert float(median) > 0 and int(kilobytes) > 0
    for server in ("2 sync workers", "2 gthread workers x 4"):
        [row] = [line.split() for line in output.splitlines() if line.startswith(server + " ")]
        assert int(row[-2]) > 0, "no PDF was downloaded during the load"


def test_queue_benchmark_times_every_page_explains_it_and_drops_its_database():
    name = f"valuecase_bench_{uuid.uuid4().hex[:8]}"
    output = bench("triage_queue.py", "--submissions", "300", "--runs", "2", "--database", name)
    assert output.startswith("300 submissions (")
    for page in (
        "queue, first page",
        "queue, full tier failing VfM, by ratio",
        "queue, in review, by deadline",
        "queue, challenges by readiness, page 200",
        "register, first page",
        "register, page 200",
    ):
        [row] = rows(output, page + " ")
        assert row[1].endswith("ms") and int(row[3]) > 0
        assert f"\n-- {page}\nSELECT" in output
    assert "Execution Time:" in output
    with psycopg.connect(f"{SERVER}/postgres") as admin:
        left = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchall()
    assert left == []


def test_pages_benchmark_times_every_page_and_pdf_of_every_case_beside_the_ping():
    output = bench("pages.py", "--runs", "1", "--pdf-runs", "1", timeout=900)
    [ping] = rows(output, "-  ")
    assert ping[1] == "ping" and ping[2].endswith("ms")
    for case in [*EXAMPLES, "size limit (200 x 200)"]:
        found = {" ".join(row[1:-3]) for row in rows(output, case + " ")}
        assert "review" in found, output
        for page in ("version page", "value page", "check report page", "register"):
            assert page in found, (case, page)
        assert {"assessment PDF, kept", "assessment PDF, fresh", "decision letter PDF"} <= found
