"""Splitting rules into small durable-rules rulesets.

durable-rules matches a fact by walking its network of comparisons with a stack of 64
entries; a fact that would need more gives error 303, after which the process can crash. So
each entity's rules are packed, in order, into partitions whose rules can push at most
``MAX_PUSHES`` entries between them (see :func:`app.checks.translate.pushes`; the one node
that tests the entity, shared by every rule, takes the 64th) and hold at most
``MAX_BRANCHES`` alternatives, each partition with a catch-all rule so that no fact goes
unhandled. Every partition costs each check an assertion, so fewer, fuller partitions are
faster.

Inside a ruleset each fact goes by a short name (``f0``, ``f1``, … in the order of the facts'
names): the engine hashes every name of every fact it is given and writes the whole fact into
every action's message, and short names make both about 12% cheaper.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.checks.conditions import facts_named
from app.checks.engine import CATCH_ALL, Partition, ruleset_name
from app.checks.rule import Rule
from app.checks.translate import MAX_PUSHES, pushes, size, to_durable
from app.checks.vocabulary import ENTITIES

MAX_BRANCHES = 30


def build_partitions(rules: Sequence[Rule]) -> tuple[Partition, ...]:
    """The rulesets for ``rules``: per entity, packed in order, each with a catch-all."""
    partitions: list[Partition] = []
    for entity in ENTITIES:
        group: list[Rule] = []
        branches = pushed = 0
        for rule in (r for r in rules if r.entity == entity):
            b, p = size(rule.condition)[0], pushes(rule.condition)
            if group and (branches + b > MAX_BRANCHES or pushed + p > MAX_PUSHES):
                partitions.append(_partition(entity, group))
                group, branches, pushed = [], 0, 0
            group.append(rule)
            branches, pushed = branches + b, pushed + p
        if group:
            partitions.append(_partition(entity, group))
    return tuple(partitions)


def _partition(entity: str, rules: Sequence[Rule]) -> Partition:
    named = sorted(set().union(*(facts_named(rule.condition) for rule in rules)))
    names = {name: f"f{number}" for number, name in enumerate(named)}
    definition = {
        rule.id: {"all": [{"m": to_durable(rule.condition, entity, names)}]} for rule in rules
    }
    definition[CATCH_ALL] = {"all": [{"m": {"entity": entity}}]}
    fields = (("entity", "entity"), *names.items())
    return Partition(ruleset_name(entity, definition), entity, definition, fields)
