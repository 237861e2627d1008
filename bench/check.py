"""Benchmark the checks: each example document checked repeatedly, one thread.

Run from the repository root: ``python bench/check.py [--iterations N]``. For each example it
prints checks per second and the median and p95 latency of the whole check as the API and
``flask check`` make it, from the document's text (parsing, validation, value account, facts,
engine, report), and in the same run: parsing and validation alone, the check
of an already valid document (``Rulebook.check``), the engine alone on the document's facts,
and the reference interpreter on the same facts (the test oracle, for comparison). The last
columns give the ratio of the whole check's median to the median of parsing and validation
alone, and whether the whole check's median is within the aim of 2 ms. The whole check and
validation alone are timed in turns of 50 calls each, so that both see the machine as it is
at the time.

``--stages`` prints instead where the time of a whole check goes: each stage timed in place,
inside whole checks run one after another (every stage is slower there than run alone in a
loop, when its code and data stay in the processor's caches).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script: the repository root goes first so the helpers import as bench.*
sys.path.insert(0, str(ROOT))

from app.checks import reference  # noqa: E402
from app.checks.report import build_report  # noqa: E402
from app.checks.rulebook import load_rulebook  # noqa: E402
from app.examples import example_paths  # noqa: E402
from app.proposals.document import load_document  # noqa: E402
from app.value.account import compute_account  # noqa: E402

AIM_MS = 2.0
BLOCK = 50


def timings(action: Callable[[], object], iterations: int) -> list[float]:
    """Seconds per call of ``action``, after a short warm-up."""
    for _ in range(min(50, iterations)):
        action()
    found = []
    for _ in range(iterations):
        start = time.perf_counter()
        action()
        found.append(time.perf_counter() - start)
    return found


def paired_timings(
    first: Callable[[], object], second: Callable[[], object], iterations: int
) -> tuple[list[float], list[float]]:
    """Seconds per call of two actions, timed in turns of ``BLOCK`` calls of each, so that the
    machine running faster or slower during the run (other work on it, its clock) weighs on
    both alike; each turn is still a loop of the same call."""
    for action in (first, second):
        for _ in range(min(50, iterations)):
            action()
    found: tuple[list[float], list[float]] = ([], [])
    clock = time.perf_counter
    while len(found[0]) < iterations:
        for action, into in zip((first, second), found, strict=True):
            for _ in range(min(BLOCK, iterations - len(into))):
                start = clock()
                action()
                into.append(clock() - start)
    return found


def ms(values: list[float], share: float = 0.5) -> str:
    """The ``share`` quantile of ``values`` in milliseconds."""
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000:.3f}"


STAGES = ("read", "account", "facts", "engine", "findings", "report")


def stage_timings(rulebook, raw: bytes, iterations: int) -> dict[str, list[float]]:
    """Seconds spent in each stage of whole checks of ``raw``, timed in place."""
    clock = time.perf_counter
    found: dict[str, list[float]] = {stage: [] for stage in (*STAGES, "whole")}
    for run in range(iterations + 50):
        marks = [clock()]
        document = load_document(raw)
        marks.append(clock())
        account = compute_account(document)
        marks.append(clock())
        facts = rulebook.facts(document, account)
        marks.append(clock())
        fired = rulebook.fire(facts.facts)
        marks.append(clock())
        findings = rulebook.findings(fired, facts)
        marks.append(clock())
        build_report(facts.profile["tier"], findings, account.report())
        marks.append(clock())
        if run >= 50:  # after a warm-up
            for stage, start, end in zip(STAGES, marks, marks[1:], strict=False):
                found[stage].append(end - start)
            found["whole"].append(marks[-1] - marks[0])
    return found


def print_stages(rulebook, iterations: int) -> None:
    """One row per example: the median of each stage inside whole checks, in ms."""
    header = f"{'document':<32}" + "".join(f" {stage:>9}" for stage in (*STAGES, "whole"))
    print(f"stages timed in place; {iterations} whole checks per document; medians in ms")
    print(header)
    print("-" * len(header))
    for path in example_paths():
        found = stage_timings(rulebook, path.read_bytes(), iterations)
        print(f"{path.stem:<32}" + "".join(f" {ms(found[s]):>9}" for s in (*STAGES, "whole")))


def main() -> None:
    """Print one row per example document."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=1000)
    parser.add_argument("--stages", action="store_true", help="time each stage in place")
    options = parser.parse_args()
    iterations = options.iterations
    rulebook = load_rulebook(ROOT / "rules", ROOT / "curriculum" / "model.yaml")
    if options.stages:
        print_stages(rulebook, iterations)
        return
    header = (
        f"{'document':<32} {'findings':>8} {'checks/s':>9} {'median':>8} {'p95':>8} "
        f"{'validate':>9} {'check':>8} {'engine':>8} {'reference':>9} {'ratio':>6} {'<=2ms':>6}"
    )
    print(
        f"{len(rulebook.rules)} rules in {len(rulebook.partitions)} rulesets; "
        f"{iterations} runs per document; times in ms (medians unless p95)"
    )
    print(header)
    print("-" * len(header))
    for path in example_paths():
        raw = path.read_bytes()
        document = json.loads(raw)
        facts = rulebook.facts(document).facts
        whole, validate = paired_timings(
            lambda: rulebook.check(load_document(raw)),  # noqa: B023
            lambda: load_document(raw),  # noqa: B023
            iterations,
        )
        row = {
            "validate": validate,
            "check": timings(lambda: rulebook.check(document), iterations),  # noqa: B023
            "engine": timings(lambda: rulebook.fire(facts), iterations),  # noqa: B023
            "reference": timings(
                lambda: reference.fired(rulebook.rules, facts),  # noqa: B023
                iterations,
            ),
        }
        findings = len(rulebook.check(document)["findings"])
        ratio = statistics.median(whole) / statistics.median(row["validate"])
        print(
            f"{path.stem:<32} {findings:>8} {1 / statistics.mean(whole):>9.0f} {ms(whole):>8} "
            f"{ms(whole, 0.95):>8} {ms(row['validate']):>9} {ms(row['check']):>8} "
            f"{ms(row['engine']):>8} {ms(row['reference']):>9} {ratio:>5.1f}x "
            f"{'yes' if statistics.median(whole) * 1000 <= AIM_MS else 'no':>6}"
        )


if __name__ == "__main__":
    main()
