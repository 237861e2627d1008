"""A broken rules, parameters or curriculum file raises RulesError naming file, rule and reason,
before anything reaches the engine."""

import shutil
from pathlib import Path

import pytest

from app.checks import engine
from app.checks.errors import RulesError
from app.checks.rulebook import load_rulebook

from .conftest import MODEL, RULES

GOOD_RULE = """
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
    - {name: inputs, facts: {investment: 10}, fires: false}
"""


def rules_folder(tmp_path: Path, text: str, name: str = "broken.yaml") -> Path:
    """A rules folder with the real parameters and one rules file holding ``text``."""
    folder = tmp_path / "rules"
    folder.mkdir()
    shutil.copy(RULES / "parameters.yaml", folder / "parameters.yaml")
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def broken(replace: str, by: str) -> str:
    assert replace in GOOD_RULE
    return GOOD_RULE.replace(replace, by)


def load_error(folder: Path) -> RulesError:
    before = engine.registered_count()
    with pytest.raises(RulesError) as caught:
        load_rulebook(folder, MODEL)
    assert engine.registered_count() == before, "nothing may be registered"
    return caught.value


def test_the_sample_rule_loads(tmp_path) -> None:
    rulebook = load_rulebook(rules_folder(tmp_path, GOOD_RULE), MODEL)
    assert [rule.id for rule in rulebook.rules] == ["vfm.sample"]
    assert rulebook.run_rule_tests()[0].passed


CASES = {
    "bad yaml": ("  area: vfm", "  area: [vfm", "not valid YAML"),
    "unknown field": (
        "  path: /inputs",
        "  path: /inputs\n  colour: red",
        "unknown field(s): colour",
    ),
    "unknown module id": ("[M1.2]", "[M1.2, M9.9]", "unknown module id 'M9.9'"),
    "unknown fact": ("{fact: investment, eq: 0}", "{fact: invest, eq: 0}", "unknown fact 'invest'"),
    "unknown parameter": (
        "{fact: investment, eq: 0}",
        "{fact: investment, lt: {param: smallest_budget}}",
        "unknown parameter 'smallest_budget'",
    ),
    "case with an unknown fact": (
        "facts: {investment: 10}",
        "facts: {investment: 10, colour: 1}",
        "names unknown fact 'colour'",
    ),
    "fact from another entity": (
        "{fact: investment, eq: 0}",
        "{fact: stakeholder_size, eq: 0}",
        "not available on a proposal fact",
    ),
    "text fact in a condition": (
        "{fact: investment, eq: 0}",
        "{fact: vfm_es_missing, eq: 0}",
        "text for messages",
    ),
    "wrong literal type": (
        "{fact: investment, eq: 0}",
        "{fact: investment, eq: yes}",
        "is a number",
    ),
    "unreadable number": (
        "{fact: investment, eq: 0}",
        "{fact: investment, gt: 0.00001}",
        "4 decimal",
    ),
    "ordering a boolean": ("{fact: investment, eq: 0}", "{fact: has_pbr, gt: 0}", "needs a number"),
    "unknown enum value": ("{fact: investment, eq: 0}", "{fact: tier, is: huge}", "not 'huge'"),
    "two operators": (
        "{fact: investment, eq: 0}",
        "{fact: investment, eq: 0, gt: 1}",
        "exactly one",
    ),
    "unknown severity": ("severity: major", "severity: serious", "severity must be one of"),
    "a severity for only some tiers": (
        "severity: major",
        "severity: {light: minor, standard: major}",
        "map each tier in applies.tiers to one",
    ),
    "a severity by tier that is unknown": (
        "severity: major",
        "severity: {light: minor, standard: major, full: fatal}",
        "severity must be one of",
    ),
    "a path naming a fact that holds no pointer": (
        "path: /inputs",
        'path: "{investment}"',
        "must name a text fact that holds a JSON Pointer",
    ),
    "id without area": ("id: vfm.sample", "id: sample", "area.slug"),
    "area not matching id": ("area: vfm", "area: stakeholders", "match the id"),
    "unknown tier": ("tiers: [light, standard, full]", "tiers: [tiny]", "applies.tiers"),
    "missing why": (
        "  why: Valuecase guidance, light tier needs costs.\n",
        "",
        "missing field(s): why",
    ),
    "why without a source": (
        "Valuecase guidance, light tier",
        "costs matter",
        "the consultation response",
    ),
    "bad placeholder": ("Record the inputs.", "Record {inputs}.", "placeholder {inputs}"),
    "item path on a proposal rule": ("path: /inputs", "path: /inputs/{index}", "per-item rules"),
    "no firing case": ("fires: true", "fires: false", "at least one case that fires"),
    "case without fires": (
        "{name: inputs, facts: {investment: 10}, fires: false}",
        "{name: inputs, facts: {investment: 10}}",
        "name, facts and fires",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_rule_files_raise_rules_error_naming_file_rule_and_reason(tmp_path, name) -> None:
    replace, by, reason = CASES[name]
    error = load_error(rules_folder(tmp_path, broken(replace, by)))
    message = str(error)
    assert "broken.yaml" in message
    assert reason in message, message
    if name != "bad yaml" and name != "id without area":
        assert "vfm.sample" in message
        assert error.rule == "vfm.sample"


def test_duplicate_ids_across_files_name_both_files(tmp_path) -> None:
    folder = rules_folder(tmp_path, GOOD_RULE, "a.yaml")
    (folder / "b.yaml").write_text(GOOD_RULE, encoding="utf-8")
    error = load_error(folder)
    assert "b.yaml: rule vfm.sample: duplicate rule id (also in" in str(error)
    assert "a.yaml" in str(error)


def test_per_item_rule_needs_an_item_path(tmp_path) -> None:
    text = broken("{fact: investment, eq: 0}", "{fact: outcome_valued, is: true}")
    text = (
        text.replace("  when:", "  each: outcome\n  when:")
        .replace("facts: {investment: 0}", "facts: {outcome_valued: true}")
        .replace("facts: {investment: 10}", "facts: {outcome_valued: false}")
    )
    error = load_error(rules_folder(tmp_path, text))
    assert "must start with /outcomes/{index}" in str(error)


def test_a_rules_file_must_be_a_list(tmp_path) -> None:
    error = load_error(rules_folder(tmp_path, "id: vfm.sample\n"))
    assert "broken.yaml: rule -: a rules file must be a non-empty list" in str(error)


def test_a_broken_parameter_names_the_parameter(tmp_path) -> None:
    folder = rules_folder(tmp_path, GOOD_RULE)
    text = (folder / "parameters.yaml").read_text().replace("2012-01-01: 10\n", "2012-01-01: ten\n")
    (folder / "parameters.yaml").write_text(text)
    error = load_error(folder)
    assert "parameters.yaml: rule parameter plausible_max_ratio:" in str(error)
    assert "must be a number" in str(error)


def test_an_unknown_parameter_in_an_override_is_refused(tmp_path) -> None:
    override = tmp_path / "parameters.yaml"
    override.write_text("biggest_ratio:\n  values:\n    2020-01-01: 4\n")
    with pytest.raises(RulesError, match="parameter biggest_ratio: unknown parameter"):
        load_rulebook(RULES, MODEL, override=override)


def test_a_broken_curriculum_model_is_refused(tmp_path) -> None:
    model = tmp_path / "model.yaml"
    model.write_text(MODEL.read_text().replace("id: M2.4", "id: M2.4x"))
    with pytest.raises(RulesError, match="model.yaml: rule -: module 'M2.4x'"):
        load_rulebook(RULES, model)


def test_a_rule_the_engine_stack_cannot_hold_is_refused(tmp_path, monkeypatch) -> None:
    """Eight alternatives keep a rule far inside the stack; were more allowed, a rule needing
    more than its 64 places would still be refused."""
    from app.checks import loader

    monkeypatch.setattr(loader, "MAX_BRANCHES", 100)
    alternatives = ", ".join(f"{{fact: investment, eq: {n}}}" for n in range(70))
    text = broken("{fact: investment, eq: 0}", "{any: [" + alternatives + "]}")
    error = load_error(rules_folder(tmp_path, text))
    assert "could need more than 64 places on the engine's stack" in str(error)
    assert error.rule == "vfm.sample"


def nested_alternatives(levels: int) -> str:
    """A condition of ``levels + 1`` alternatives, each level an any of two alls."""
    condition = "{fact: investment, eq: 0}"
    for level in range(levels):
        condition = (
            f"{{any: [{{all: [{{fact: investment, eq: {level + 1}}}, "
            f"{{fact: present_value, gt: {level}}}]}}, "
            f"{{all: [{{fact: annual_value, gt: {level}}}, {condition}]}}]}}"
        )
    return condition


def test_a_rule_with_more_expressions_than_the_engine_keeps_is_refused(tmp_path) -> None:
    """durable-rules keeps 31 expressions for a rule, two for each all and each any, and fails
    to create the ruleset past them. Four levels of an any of two alls take 26 (with the rule's
    own all); five take 32, within the 8 alternatives, and are refused when the rules load."""
    (tmp_path / "four").mkdir()
    text = broken("{fact: investment, eq: 0}", nested_alternatives(4))
    assert load_rulebook(rules_folder(tmp_path / "four", text), MODEL).rule("vfm.sample")
    text = broken("{fact: investment, eq: 0}", nested_alternatives(5))
    error = load_error(rules_folder(tmp_path, text))
    assert "takes more than the engine's 31 expressions" in str(error)
    assert error.rule == "vfm.sample"


def test_a_severity_by_tier_loads_and_fits_each_tier(tmp_path) -> None:
    text = GOOD_RULE.replace(
        "severity: major", "severity: {light: minor, standard: major, full: blocker}"
    )
    rule = load_rulebook(rules_folder(tmp_path, text), MODEL).rule("vfm.sample")
    assert [rule.severity_at(tier) for tier in ("light", "standard", "full")] == [
        "minor",
        "major",
        "blocker",
    ]
    assert rule.describe_severity() == (
        "Minor at the light tier, major at the standard tier, blocker at the full tier"
    )
