"""Splitting rules into durable-rules rulesets so that matching a fact never overflows.

durable-rules matches a fact by walking its network of comparisons with a stack of 64
entries; a fact that would need more gives error 303, after which deleting the session's state
can crash the process. So each entity's rules are packed, in order, into partitions whose
network can never need more than ``MAX_STACK`` entries (see
:func:`app.checks.network.stack_peak`), each with a catch-all rule so that no fact goes
unhandled. A fact is sent to a partition with only the facts its rules name, which keeps it
well under the engine's limit of about 252 properties a fact.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.checks.conditions import facts_named
from app.checks.engine import CATCH_ALL, Partition, ruleset_name
from app.checks.network import MAX_STACK, stack_peak
from app.checks.rule import Rule
from app.checks.translate import to_durable
from app.checks.vocabulary import ENTITIES


def build_partitions(rules: Sequence[Rule]) -> tuple[Partition, ...]:
    """The rulesets for ``rules``: per entity, packed in order, each with a catch-all."""
    partitions: list[Partition] = []
    for entity in ENTITIES:
        catch_all = {"entity": entity}
        group: list[Rule] = []
        conditions: list[dict] = [catch_all]  # the group's, as the engine will be given them
        for rule in (r for r in rules if r.entity == entity):
            condition = to_durable(rule.condition, entity)
            if group and stack_peak([*conditions, condition]) > MAX_STACK:
                partitions.append(_partition(entity, group))
                group, conditions = [], [catch_all]
            group.append(rule)
            conditions.append(condition)
        if group:
            partitions.append(_partition(entity, group))
    return tuple(partitions)


def peak(partition: Partition) -> int:
    """The most entries the engine's stack can hold while it matches a fact of this
    partition's entity."""
    return stack_peak(rule["all"][0]["m"] for rule in partition.definition.values())


def _partition(entity: str, rules: Sequence[Rule]) -> Partition:
    named = sorted(set().union(*(facts_named(rule.condition) for rule in rules)))
    definition = {rule.id: {"all": [{"m": to_durable(rule.condition, entity)}]} for rule in rules}
    definition[CATCH_ALL] = {"all": [{"m": {"entity": entity}}]}
    return Partition(ruleset_name(entity, definition), entity, definition, tuple(named))
