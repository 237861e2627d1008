"""Splitting rules into small durable-rules rulesets.

More than 64 rules matching one fact at once gives durable-rules error 303, after which the
process can crash, so each entity's rules are packed, in order, into partitions of at most
``MAX_NODES`` comparisons and ``MAX_BRANCHES`` alternatives (the most matches one fact can
make there), each with a catch-all rule so that no fact goes unhandled.

Inside a ruleset each fact goes by a short name (``f0``, ``f1``, … in the order of the facts'
names): the engine hashes every name of every fact it is given and writes the whole fact into
every action's message, and short names make both about 12% cheaper.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.checks.conditions import facts_named
from app.checks.engine import CATCH_ALL, Partition, ruleset_name
from app.checks.rule import Rule
from app.checks.translate import size, to_durable
from app.checks.vocabulary import ENTITIES

MAX_NODES = 40
MAX_BRANCHES = 30


def build_partitions(rules: Sequence[Rule]) -> tuple[Partition, ...]:
    """The rulesets for ``rules``: per entity, packed in order, each with a catch-all."""
    partitions: list[Partition] = []
    for entity in ENTITIES:
        group: list[Rule] = []
        branches = nodes = 0
        for rule in (r for r in rules if r.entity == entity):
            b, n = size(rule.condition)
            if group and (branches + b > MAX_BRANCHES or nodes + n > MAX_NODES):
                partitions.append(_partition(entity, group))
                group, branches, nodes = [], 0, 0
            group.append(rule)
            branches, nodes = branches + b, nodes + n
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
