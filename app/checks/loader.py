"""Reading rule files (rules/*.yaml other than parameters.yaml) into validated rules.

Every problem raises :class:`RulesError` naming the file, the rule and the reason, and all
files are read and checked before anything reaches the engine.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from app.checks.catalogue import AREAS, DECOMMISSIONING_KIND, KINDS, SEVERITIES, TIERS
from app.checks.conditions import ConditionError, check_literal, parse_condition
from app.checks.errors import RulesError
from app.checks.network import MAX_EXPRESSIONS, MAX_STACK, expressions, stack_peak
from app.checks.parameters import Parameter, read_yaml
from app.checks.rule import Applies, Rule, RuleCase
from app.checks.translate import size, to_durable
from app.checks.vocabulary import CASE_ITEMS, EACH_SECTIONS, FACTS, PROFILES

PARAMETERS_FILE = "parameters.yaml"
FIELDS = ("id", "area", "severity", "applies", "each", "when", "message", "why", "modules",
          "path", "tests")  # fmt: skip
OPTIONAL = {"each"}
MAX_BRANCHES = 8
_ID = re.compile(r"(?P<area>[a-z]+)\.[a-z0-9]+(-[a-z0-9]+)*")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_SOURCE = re.compile(
    r"consultation response|Valuecase guidance|SROI|Green Book|National Audit Office|"
    r"Localism Act|Social Value|SI 2012|PPN|Equality Act",
    re.IGNORECASE,
)


def rule_files(rules_dir: Path) -> list[Path]:
    """The rule files in a rules folder, in name order."""
    return sorted(p for p in rules_dir.glob("*.yaml") if p.name != PARAMETERS_FILE)


def load_rules(
    rules_dir: Path, parameters: Mapping[str, Parameter], module_ids: frozenset[str]
) -> tuple[Rule, ...]:
    """Read and validate every rule file; ids must be unique across files."""
    clash = set(FACTS) & set(parameters)
    if clash:
        raise RulesError(PARAMETERS_FILE, None, f"parameters named like facts: {sorted(clash)}")
    files = rule_files(rules_dir)
    if not files:
        raise RulesError(str(rules_dir), None, "no rule files (*.yaml) found")
    rules: dict[str, Rule] = {}
    for path in files:
        raw = read_yaml(path)
        if not isinstance(raw, list) or not raw:
            raise RulesError(str(path), None, "a rules file must be a non-empty list of rules")
        for entry in raw:
            rule = _read_rule(str(path), entry, parameters, module_ids)
            if rule.id in rules:
                raise RulesError(
                    str(path), rule.id, f"duplicate rule id (also in {rules[rule.id].file})"
                )
            rules[rule.id] = rule
    return tuple(rules.values())


def _read_rule(
    file: str, entry: object, parameters: Mapping[str, Parameter], module_ids: frozenset[str]
) -> Rule:
    rule_id = entry.get("id") if isinstance(entry, dict) else None

    def fail(reason: str) -> RulesError:
        return RulesError(file, rule_id if isinstance(rule_id, str) else None, reason)

    _check_fields(entry, fail)
    each = entry.get("each")
    applies = _applies(entry["applies"], fail)
    if each is not None and each not in CASE_ITEMS[applies.profile]:
        raise fail(f"'each' must be one of {', '.join(CASE_ITEMS[applies.profile])} here")
    entity = each or applies.profile
    try:
        when = parse_condition(entry["when"], entity, parameters)
    except ConditionError as error:
        raise fail(f"when: {error}") from None
    rule = Rule(
        id=rule_id,
        area=entry["area"],
        severities=_severities(entry["severity"], applies, fail),
        applies=applies,
        each=each,
        when=when,
        message=_text(entry, "message", fail),
        why=_text(entry, "why", fail),
        modules=_modules(entry["modules"], module_ids, fail),
        path=_path(entry["path"], each, entity, fail),
        tests=_cases(entry["tests"], entity, fail),
        file=file,
    )
    _check_message(rule, parameters, fail)
    if size(rule.condition)[0] > MAX_BRANCHES:
        raise fail(f"the condition has more than {MAX_BRANCHES} alternatives; split the rule")
    condition = to_durable(rule.condition, entity)
    if stack_peak([condition]) > MAX_STACK:
        raise fail(
            f"the condition could need more than {MAX_STACK} places on the engine's stack "
            "(too many comparisons across its alternatives); split the rule"
        )
    if expressions(condition) > MAX_EXPRESSIONS:
        raise fail(
            f"the condition takes more than the engine's {MAX_EXPRESSIONS} expressions for a "
            "rule (two for each all and each any, once nested ones of a kind are merged); "
            "nest fewer alternatives or split the rule"
        )
    if not _SOURCE.search(rule.why):
        raise fail(
            "'why' must say where the rule comes from: the consultation response, "
            "Valuecase guidance or a named source (SROI guide, Green Book, NAO, an Act)"
        )
    return rule


def _check_fields(entry: object, fail) -> None:
    """The rule is a mapping with the known fields, a good id, area, severity and ``each``."""
    if not isinstance(entry, dict):
        raise fail("each rule must be a mapping of fields")
    unknown = sorted(set(entry) - set(FIELDS))
    if unknown:
        raise fail(f"unknown field(s): {', '.join(map(str, unknown))}")
    missing = [field for field in FIELDS if field not in entry and field not in OPTIONAL]
    if missing:
        raise fail(f"missing field(s): {', '.join(missing)}")
    match = _ID.fullmatch(entry["id"]) if isinstance(entry["id"], str) else None
    if not match:
        raise fail("the id must be area.slug, e.g. vfm.pbr-no-safeguards")
    if entry["area"] not in AREAS or entry["area"] != match.group("area"):
        raise fail(f"area must be one of {', '.join(AREAS)} and match the id's prefix")
    if entry.get("each") is not None and entry["each"] not in EACH_SECTIONS:
        raise fail(f"'each' must be one of {', '.join(EACH_SECTIONS)}")


def _severities(raw: object, applies: Applies, fail) -> dict[str, str]:
    """One severity for every tier, or a mapping giving one for each tier the rule applies to."""
    if isinstance(raw, str):
        raw = dict.fromkeys(applies.tiers, raw)
    if not isinstance(raw, dict) or set(raw) != set(applies.tiers):
        raise fail(
            "severity must be one of "
            f"{', '.join(SEVERITIES)}, or map each tier in applies.tiers to one"
        )
    for severity in raw.values():
        if severity not in SEVERITIES:
            raise fail(f"severity must be one of {', '.join(SEVERITIES)}")
    return {tier: raw[tier] for tier in TIERS if tier in raw}


def _text(entry: dict, field: str, fail) -> str:
    value = entry[field]
    if not isinstance(value, str) or not value.strip():
        raise fail(f"'{field}' must be non-empty text")
    return " ".join(value.split())


def _applies(raw: object, fail) -> Applies:
    if not isinstance(raw, dict) or set(raw) != {"kinds", "tiers"}:
        raise fail("'applies' must give exactly 'kinds' and 'tiers'")
    for key, allowed in (("kinds", (*KINDS, DECOMMISSIONING_KIND)), ("tiers", TIERS)):
        values = raw[key]
        if not isinstance(values, list) or not values or not set(values) <= set(allowed):
            raise fail(f"applies.{key} must be a non-empty list of: {', '.join(allowed)}")
    if len({PROFILES[kind] for kind in raw["kinds"]}) > 1:
        raise fail(
            f"applies.kinds gives kinds of submission or {DECOMMISSIONING_KIND}, not both: "
            "the two are different kinds of case with facts of their own"
        )
    return Applies(tuple(dict.fromkeys(raw["kinds"])), tuple(dict.fromkeys(raw["tiers"])))


def _modules(raw: object, module_ids: frozenset[str], fail) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw:
        raise fail("'modules' must be a non-empty list of module ids")
    for module in raw:
        if module not in module_ids:
            raise fail(f"unknown module id {module!r} (not in curriculum/model.yaml)")
    return tuple(raw)


def _path(raw: object, each: str | None, entity: str, fail) -> str:
    named = _PLACEHOLDER.fullmatch(raw) if isinstance(raw, str) else None
    if named and named.group(1) != "index":
        spec = FACTS.get(named.group(1))
        if spec is None or not spec.pointer or entity not in spec.entities:
            raise fail(f"'path' {raw} must name a text fact that holds a JSON Pointer")
        return raw
    if not isinstance(raw, str) or not raw.startswith("/") or any(c.isspace() for c in raw):
        raise fail("'path' must be a JSON Pointer such as /contract/payment_by_results")
    if each:
        prefix = f"/{EACH_SECTIONS[each]}/{{index}}"
        if not raw.startswith(prefix) or raw.count("{") != 1:
            raise fail(f"a per-{each} rule's path must start with {prefix}")
    elif "{" in raw:
        raise fail("only per-item rules may use {index} in 'path'")
    return raw


def _cases(raw: object, entity: str, fail) -> tuple[RuleCase, ...]:
    if not isinstance(raw, list) or len(raw) < 2:
        raise fail("'tests' must list at least one case that fires and one that does not")
    cases = tuple(_case(item, entity, fail) for item in raw)
    if {case.fires for case in cases} != {True, False}:
        raise fail("'tests' must list at least one case that fires and one that does not")
    return cases


def _case(raw: object, entity: str, fail) -> RuleCase:
    if not isinstance(raw, dict) or set(raw) != {"name", "facts", "fires"}:
        raise fail("a test case needs exactly name, facts and fires")
    name, facts = raw["name"], raw["facts"] or {}
    if (
        not isinstance(name, str)
        or not isinstance(facts, dict)
        or not isinstance(raw["fires"], bool)
    ):
        raise fail(f"test case {name!r}: name is text, facts a mapping, fires true or false")
    for fact, value in facts.items():
        spec = FACTS.get(fact)
        if spec is None or entity not in spec.entities or spec.type == "text":
            raise fail(f"test case {name!r} names unknown fact {fact!r} for a {entity} rule")
        try:
            check_literal(spec, value)
        except ConditionError as error:
            raise fail(f"test case {name!r}: {error}") from None
    return RuleCase(name, dict(facts), raw["fires"])


def _check_message(rule: Rule, parameters: Mapping[str, Parameter], fail) -> None:
    for placeholder in _PLACEHOLDER.findall(rule.message):
        spec = FACTS.get(placeholder)
        usable = spec is not None and (
            rule.applies.profile in spec.entities or rule.entity in spec.entities
        )
        if not usable and placeholder not in parameters:
            raise fail(f"message placeholder {{{placeholder}}} is not a fact or parameter")
