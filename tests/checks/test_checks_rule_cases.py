"""Every rule's YAML test cases, through the real engine and through the reference."""

import pytest

from app.checks import reference
from app.checks.catalogue import AREAS
from app.checks.loader import _SOURCE as loader_source
from app.checks.rulebook import load_rulebook
from app.checks.vocabulary import FACTS

from .conftest import MODEL, RULES

RULEBOOK = load_rulebook(RULES, MODEL)
RULE_IDS = [rule.id for rule in RULEBOOK.rules]


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_cases_pass_through_the_engine(rule_id: str) -> None:
    result = RULEBOOK.run_rule_test(RULEBOOK.rule(rule_id))
    assert result.passed, "\n".join(result.failures)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_cases_agree_with_the_reference_interpreter(rule_id: str) -> None:
    rule = RULEBOOK.rule(rule_id)
    for case in rule.tests:
        fact = RULEBOOK.case_fact(rule, case.facts)
        assert reference.holds(rule.condition, fact) is case.fires, case.name


def test_run_rule_tests_reports_one_result_per_rule(rulebook) -> None:
    results = rulebook.run_rule_tests()
    assert [result.rule_id for result in results] == [rule.id for rule in rulebook.rules]
    assert all(result.passed and result.failures == [] for result in results)


def test_every_area_of_the_catalogue_has_at_least_12_rules(rulebook) -> None:
    assert len(rulebook.rules) >= 90
    for area in AREAS:
        assert sum(rule.area == area for rule in rulebook.rules) >= 12, area


def test_every_curriculum_module_is_named_by_a_rule(rulebook) -> None:
    named = {module for rule in rulebook.rules for module in rule.modules}
    assert named == rulebook.curriculum.module_ids
    assert len(named) == 20


def test_every_rule_says_where_it_comes_from(rulebook) -> None:
    for rule in rulebook.rules:
        assert loader_source.search(rule.why), rule.id


def test_every_fact_in_the_vocabulary_is_derived_for_a_document(rulebook, examples) -> None:
    facts = rulebook.facts(examples["challenge-young-carers"])
    for entity in ("proposal", "stakeholder", "outcome"):
        derived = set(facts.facts[entity][0]) | set(facts.labels[entity][0])
        expected = {name for name, spec in FACTS.items() if entity in spec.entities}
        assert derived - {"entity", "index"} == expected, entity


def test_a_failing_case_is_reported_with_its_name(rulebook) -> None:
    from dataclasses import replace

    from app.checks.rule import RuleCase

    rule = rulebook.rule("vfm.no-costs")
    wrong = replace(rule, tests=(RuleCase("costs given", {"investment": 500}, True),))
    result = rulebook.run_rule_test(wrong)
    assert not result.passed
    assert result.failures == ["case 'costs given': expected to fire but it did not"]
