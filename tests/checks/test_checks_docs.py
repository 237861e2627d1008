"""docs/rules.md stays in step with the vocabulary and the parameters."""

import re

from app.checks.parameters import parameters_table
from app.checks.report import SEVERITY_WEIGHTS
from app.checks.vocabulary import FACTS, vocabulary_table

from .conftest import ROOT

DOC = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


def generated(name: str) -> str:
    match = re.search(
        rf"<!-- {name} table: generated from [^>]+ -->\n(.*?)<!-- end of {name} table -->",
        DOC,
        re.S,
    )
    assert match, f"docs/rules.md has no generated {name} table"
    return match.group(1)


def test_the_documented_vocabulary_is_the_vocabulary_in_the_code() -> None:
    assert generated("vocabulary") == vocabulary_table()
    for name in FACTS:
        assert f"| `{name}` |" in DOC


def test_the_documented_parameters_are_those_in_force(rulebook) -> None:
    assert generated("parameters") == parameters_table(rulebook.parameters)


def test_the_documented_severity_weights_are_those_used() -> None:
    for severity, weight in SEVERITY_WEIGHTS.items():
        assert f"| {severity} | {weight} |" in DOC


def test_the_rules_test_command_is_documented() -> None:
    assert "flask --app app rules test" in DOC
