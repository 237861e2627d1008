"""The commands: flask rules test|list|vocabulary and flask check FILE [--json]."""

import json
import shutil

import pytest
from flask import Flask

from app.checks.cli import check_command, rules_cli
from app.checks.rulebook import load_rulebook
from app.checks.vocabulary import vocabulary_table

from .conftest import MODEL, RULES

WRONG_RULE = """
- id: vfm.sample
  area: vfm
  severity: major
  applies: {kinds: [challenge, propose], tiers: [light, standard, full]}
  when: {fact: investment, eq: 0}
  message: Record the inputs.
  why: Valuecase guidance, light tier needs costs.
  modules: [M1.2]
  path: /inputs
  tests:
    - {name: no inputs, facts: {investment: 0}, fires: true}
    - {name: wrongly expected, facts: {investment: 10}, fires: true}
    - {name: inputs, facts: {investment: 10}, fires: false}
"""


def make_app(rulebook) -> Flask:
    app = Flask(__name__)
    app.extensions["rulebook"] = rulebook
    app.cli.add_command(rules_cli)
    app.cli.add_command(check_command)
    return app


@pytest.fixture
def runner(rulebook):
    return make_app(rulebook).test_cli_runner()


def test_rules_test_passes_every_rule(runner, rulebook) -> None:
    result = runner.invoke(args=["rules", "test"])
    assert result.exit_code == 0, result.output
    assert f"PASS {rulebook.rules[0].id}" in result.output
    assert f"{len(rulebook.rules)} passed, 0 failed" in result.output


def test_rules_test_exits_1_naming_the_failing_rule_and_case(tmp_path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    shutil.copy(RULES / "parameters.yaml", folder)
    (folder / "sample.yaml").write_text(WRONG_RULE)
    runner = make_app(load_rulebook(folder, MODEL)).test_cli_runner()
    result = runner.invoke(args=["rules", "test"])
    assert result.exit_code == 1
    assert "FAIL vfm.sample" in result.output
    assert "case 'wrongly expected': expected to fire but it did not" in result.output


def test_rules_list_gives_a_line_per_rule(runner, rulebook) -> None:
    result = runner.invoke(args=["rules", "list"])
    lines = result.output.splitlines()
    assert len(lines) == len(rulebook.rules)
    assert lines[0].split()[0] == rulebook.rules[0].id


def test_rules_vocabulary_prints_the_documented_table(runner) -> None:
    assert runner.invoke(args=["rules", "vocabulary"]).output == vocabulary_table()


def test_check_json_prints_the_report(runner, rulebook, examples, tmp_path) -> None:
    path = tmp_path / "carers.json"
    path.write_text(json.dumps(examples["challenge-young-carers"]))
    result = runner.invoke(args=["check", str(path), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output) == rulebook.check(examples["challenge-young-carers"])


def test_check_prints_a_readable_report(runner, examples, tmp_path) -> None:
    path = tmp_path / "library.json"
    path.write_text(json.dumps(examples["challenge-village-library-weak"]))
    result = runner.invoke(args=["check", str(path)])
    assert result.exit_code == 0
    assert result.output.startswith("Tier: standard")
    assert "  Value-for-money completeness   fail  score 0" in result.output
    assert "  Claims and over-claiming       fail  score " in result.output
    assert "Risk: stated low, shown by the document low" in result.output
    assert "Self-declared, not evidenced: /vfm/economy" in result.output
    blocker = result.output.index("[blocker] vfm.four-es-not-argued")
    assert blocker < result.output.index("[major] vfm.current-cost-unknown")


def test_check_exits_2_listing_every_error_of_an_invalid_document(
    runner, examples, tmp_path
) -> None:
    document = dict(examples["challenge-young-carers"], kind="complaint")
    del document["title"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document))
    result = runner.invoke(args=["check", str(path), "--json"])
    assert result.exit_code == 2
    errors = json.loads(result.output)["errors"]
    assert {"/kind", "/title"} <= {error["path"] for error in errors}


def test_check_exits_2_for_a_file_that_is_not_json(runner, tmp_path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json")
    result = runner.invoke(args=["check", str(path)])
    assert result.exit_code == 2
    assert "not valid JSON" in result.output
