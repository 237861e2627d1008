"""Example proposal documents (format proposal/2), used for the demo data, tests and benchmarks.

The proposal/1 originals they were written from are kept, for the tests that prove that
format is still read, in tests/proposals/fixtures/proposal-1.
"""

import json
from pathlib import Path

EXAMPLES_DIR = Path(__file__).resolve().parent


def example_paths() -> list[Path]:
    """Every example document, by file name."""
    return sorted(EXAMPLES_DIR.glob("*.json"))


def load_example(name: str) -> dict:
    """One example document by file stem, e.g. 'challenge-young-carers'."""
    return json.loads((EXAMPLES_DIR / f"{name}.json").read_text(encoding="utf-8"))
