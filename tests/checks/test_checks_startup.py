"""A broken rules file stops start-up, naming the file, the rule and the reason."""

import shutil
from pathlib import Path

import pytest

from app import create_app
from app.checks.errors import RulesError

RULES = Path(__file__).resolve().parents[2] / "rules"


def test_a_broken_rules_file_stops_the_app_starting(tmp_path):
    broken = tmp_path / "rules"
    shutil.copytree(RULES, broken)
    text = (broken / "vfm.yaml").read_text().replace("modules: [M1.2]", "modules: [M9.9]", 1)
    (broken / "vfm.yaml").write_text(text)
    with pytest.raises(RulesError) as raised:
        create_app(
            {"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://", "RULES_DIR": str(broken)}
        )
    message = str(raised.value)
    assert "vfm.yaml" in message and "rule vfm." in message and "M9.9" in message


def test_a_deployment_overrides_parameters_from_instance(tmp_path):
    override = tmp_path / "parameters.yaml"
    override.write_text("plausible_max_ratio:\n  values:\n    2024-01-01: 3\n")
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": "sqlite://",
            "PARAMETERS_OVERRIDE": str(override),
        }
    )
    assert app.extensions["rulebook"].parameters["plausible_max_ratio"].value == 3
