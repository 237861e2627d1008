"""Fixtures for the checks: the real rulebook (loaded once) and the example documents."""

from pathlib import Path

import pytest

from app.checks.rulebook import Rulebook, load_rulebook
from app.examples import load_example

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "rules"
MODEL = ROOT / "curriculum" / "model.yaml"
EXAMPLE_NAMES = (
    "challenge-village-library-weak",
    "challenge-young-carers",
    "propose-hospital-discharge",
    "propose-parish-green-spaces",
)


@pytest.fixture(scope="session")
def rulebook() -> Rulebook:
    """The rulebook from rules/ and curriculum/model.yaml."""
    return load_rulebook(RULES, MODEL)


@pytest.fixture(scope="session")
def examples() -> dict[str, dict]:
    """The four example documents by name."""
    return {name: load_example(name) for name in EXAMPLE_NAMES}
