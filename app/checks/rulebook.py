"""The rulebook: rules, parameters and curriculum loaded once, and the check itself.

``load_rulebook`` reads and validates every file, builds the durable-rules rulesets and
registers them (once per process); ``Rulebook.check`` turns a valid document into a check
report; ``check_document`` validates first and returns ``{"errors": [...]}`` when it must.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.checks import describe
from app.checks.conditions import Condition, ConditionError, parse_condition
from app.checks.curriculum import CurriculumModel, load_curriculum_model
from app.checks.engine import Partition, Rulesets, register
from app.checks.errors import RulesError
from app.checks.facts import FactSet, derive_facts
from app.checks.loader import PARAMETERS_FILE, load_rules
from app.checks.parameters import Parameter, load_parameters, parameter_values
from app.checks.partition import build_partitions
from app.checks.report import build_report, finding_templates, make_findings
from app.checks.rule import Rule
from app.checks.vocabulary import ENTITIES, baseline
from app.proposals.convert import to_current
from app.proposals.document import convert_and_validate
from app.value.account import ValueAccount, compute_account

DERIVATION_PARAMETERS = (
    "tier_standard_from",
    "tier_full_from",
    "plausible_max_ratio",
    "pbr_high_share",
    "max_repetition_share",
)
"""Parameters the facts are derived with (the others are used by rules)."""


@dataclass(frozen=True)
class RuleTestResult:
    """The outcome of one rule's YAML test cases run through the engine."""

    rule_id: str
    passed: bool
    failures: list[str] = field(default_factory=list)


class Rulebook:
    """Loaded rules, parameters and curriculum, with their rulesets registered."""

    def __init__(
        self,
        rules: tuple[Rule, ...],
        parameters: Mapping[str, Parameter],
        curriculum: CurriculumModel,
        partitions: tuple[Partition, ...],
        rulesets: Rulesets,
    ) -> None:
        self.rules = rules
        self.parameters = parameters
        self.curriculum = curriculum
        self.partitions = partitions
        self._rulesets = rulesets
        self._by_id = {rule.id: rule for rule in rules}
        self._templates = finding_templates(rules, parameters)
        self._values = parameter_values(parameters)

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id (KeyError if there is none)."""
        return self._by_id[rule_id]

    def facts(self, document: Mapping[str, Any], account: ValueAccount | None = None) -> FactSet:
        """The facts of a valid document (give its value account if it is already computed)."""
        account = account or compute_account(document)
        return derive_facts(document, account, self._values)

    def fire(self, facts: Mapping[str, list[dict]]) -> list[tuple[str, int]]:
        """(rule id, item index) of every rule durable-rules fires for these facts."""
        return self._rulesets.evaluate(facts)

    def findings(self, fired: list[tuple[str, int]], facts: FactSet) -> list[dict]:
        """The findings of the rules that fired, in the report's order."""
        return make_findings(self._templates, fired, facts)

    def check(self, document: Mapping[str, Any]) -> dict:
        """The check report of a schema-valid document (a proposal/1 one is read as
        proposal/2 first: the facts read proposal/2 only)."""
        document = to_current(document)
        account = compute_account(document)
        facts = self.facts(document, account)
        findings = self.findings(self.fire(facts.facts), facts)
        return build_report(facts.profile["tier"], findings, account.report(), facts.extras())

    def case_fact(self, rule: Rule, facts: Mapping[str, object]) -> dict:
        """A complete fact for a rule test case: the vocabulary's examples, then the case."""
        return {"entity": rule.entity, "index": 0, **baseline(rule.entity), **facts}

    def run_rule_test(self, rule: Rule) -> RuleTestResult:
        """One rule's YAML cases through the real engine."""
        failures = []
        for case in rule.tests:
            fact = self.case_fact(rule, case.facts)
            fired = (rule.id, 0) in self.fire({rule.entity: [fact]})
            if fired != case.fires:
                outcome = "to fire but it did not" if case.fires else "not to fire but it fired"
                failures.append(f"case {case.name!r}: expected {outcome}")
        return RuleTestResult(rule.id, not failures, failures)

    def run_rule_tests(self) -> list[RuleTestResult]:
        """Every rule's YAML cases through the real engine, one result per rule."""
        return [self.run_rule_test(rule) for rule in self.rules]


def load_rulebook(
    rules_dir: Path,
    curriculum_model: Path,
    override: Path | None = None,
    on: dt.date | None = None,
) -> Rulebook:
    """Load and validate rules, parameters (with an optional override) and curriculum.

    ``override`` is a deployment's parameters file (a missing file is no override); ``on``
    is the day whose parameter values apply (today by default). Raises RulesError before
    anything is registered with the engine.
    """
    rules_dir = Path(rules_dir)
    curriculum = load_curriculum_model(Path(curriculum_model))
    parameters = load_parameters(rules_dir / PARAMETERS_FILE, override, on)
    for name in DERIVATION_PARAMETERS:
        if name not in parameters:
            raise RulesError(str(rules_dir / PARAMETERS_FILE), None, f"missing parameter {name}")
    if parameters["tier_standard_from"].value >= parameters["tier_full_from"].value:
        raise RulesError(
            str(rules_dir / PARAMETERS_FILE),
            None,
            "tier_standard_from must be below tier_full_from",
        )
    rules = load_rules(rules_dir, parameters, curriculum.module_ids)
    partitions = build_partitions(rules)
    return Rulebook(rules, parameters, curriculum, partitions, register(partitions))


def check_document(rulebook: Rulebook, document: Any) -> dict:
    """Validate a document (a proposal/1 one is converted to proposal/2 first), then check it:
    the report, or ``{"errors": [...]}``."""
    document, errors = convert_and_validate(document)
    if errors:
        return {"errors": [error.as_dict() for error in errors]}
    return rulebook.check(document)


def describe_condition(
    when: Condition | Mapping[str, Any], parameters: Mapping[str, Parameter] | None = None
) -> str:
    """Plain English of a condition, e.g. 'the SROI ratio is more than 10 (the plausible
    maximum)'. A raw ``when`` mapping is parsed first (with ``parameters`` for {param: ...})."""
    if isinstance(when, Mapping):
        when = _parse_any_entity(when, parameters or {})
    return describe.describe_condition(when)


def _parse_any_entity(raw: Mapping[str, Any], parameters: Mapping[str, Parameter]) -> Condition:
    reasons = []
    for entity in ENTITIES:
        try:
            return parse_condition(dict(raw), entity, parameters)
        except ConditionError as error:
            reasons.append(str(error))
    raise ConditionError(reasons[0])
