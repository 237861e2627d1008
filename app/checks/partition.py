"""Splitting rules into durable-rules rulesets, as few as the engine's stack allows.

durable-rules matches a fact by walking its network of comparisons with a stack of 64
entries; a fact that would need more gives error 303, after which the process can crash. So
each entity's rules are packed, in order, into partitions whose network can never need more
than ``MAX_STACK`` entries (see :func:`app.checks.network.stack_peak`), each partition with a
catch-all rule so that no fact goes unhandled. Every partition costs each check an
assertion, a retraction and a catch-all action, so fewer, fuller partitions are faster.

Facts are packed by their own names: renaming them one to one changes no comparison the
network shares, so the peak is the same under the short names the ruleset is given.

Inside a ruleset each fact goes by a short name (``f0``, ``f1``, … in the order of the facts'
names): the engine hashes every name of every fact it is given and writes the whole fact into
every action's message, and short names make both about 12% cheaper.
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
    names = {name: f"f{number}" for number, name in enumerate(named)}
    definition = {
        rule.id: {"all": [{"m": to_durable(rule.condition, entity, names)}]} for rule in rules
    }
    definition[CATCH_ALL] = {"all": [{"m": {"entity": entity}}]}
    fields = (("entity", "entity"), *names.items())
    return Partition(ruleset_name(entity, definition), entity, definition, fields)
