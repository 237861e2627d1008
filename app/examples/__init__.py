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


WHAT_EACH_SHOWS = {
    "challenge-young-carers": (
        "A strong right-to-challenge case at the standard tier: young carers involved at every "
        "stage, outcomes valued with sourced proxies, options appraised against today's "
        "service and payment partly on results."
    ),
    "challenge-village-library-weak": (
        "What a weak case looks like: the people affected never involved, the four Es "
        "declared rather than shown, no evidence of need and no options. Read its check report "
        "to see the gaps a commissioner would find."
    ),
    "propose-hospital-discharge": (
        "A right-to-propose case at the full tier for a service split between public bodies, "
        "with savings to the NHS and the council, and the gaps that remain at that depth."
    ),
    "propose-parish-green-spaces": (
        "A small, proportionate case at the light tier: a parish council's few outcomes and "
        "costs, and a line on each of the four Es."
    ),
}
"""What a new proposer can learn from each example, by file stem."""


def example_names() -> list[str]:
    """The file stems of the examples, in order."""
    return [path.stem for path in example_paths()]
