"""The durable-rules adapter: rulesets created once per process, isolated evaluations.

The checks use durable-rules' Rete core (the ``durable_rules_engine`` extension) directly.
Its Python ``Host`` adds, for every rule that fires, a closure, a JSON round trip of the
session state, a state update and a timer check, which cost most of a check; it also starts
timer threads that touch freed state and crash a threaded server. Measured on durable-rules
2.0.28 (see docs/rules.md, "The engine"), this adapter therefore:

* creates each ruleset once per process, in a module-level registry keyed by the ruleset's
  content hash (rulesets cannot be replaced, and reloading leaks);
* evaluates in a session that holds no facts: one taken from a pool of emptied sessions, or a
  new one. Facts are asserted one at a time with an ``id`` (their index) and retracted again
  once their actions are drained, and the session goes back to the pool. Creating a state
  costs the engine a large allocation for every rule, which made up a third of a check.
  A session serves one evaluation at a time, so the sessions never outnumber the evaluations
  running at once, far below the cap of 1,024. An evaluation that fails deletes its states
  and retires its session;
* drains the actions each assertion makes ready with ``start_action_for_state`` and
  ``complete_and_start_action``: the rule that fired is the first key of the action's message
  and the item is the fact just asserted, so no Python runs inside the engine and no error can
  be swallowed there;
* gives every ruleset a catch-all rule so no fact is ever unhandled (deleting the state of a
  session whose fact matched no rule aborts the process), and de-duplicates rules fired twice
  through an ``$or``;
* writes facts as JSON with orjson, which writes every number the facts hold exactly as the
  standard library does (see :mod:`app.checks.numbers`) about ten times faster; it writes
  ``null`` for None, infinity and NaN, and a fact holding ``null`` is refused.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import durable_rules_engine as core
import orjson

from app.checks.errors import EngineError

CATCH_ALL = "$catch-all"
_HANDLED = 0  # durable-rules' RULES_OK: the fact was stored and matched at least one rule
_SID_NOT_FOUND = 309
_UNMATCHED = 1  # ERR_EVENT_NOT_HANDLED: stored, but matched no rule (not even the catch-all)
_REFUSALS = {2: "it was already asserted (two items share an index)", 3: "it was deferred"}


@dataclass(frozen=True)
class Partition:
    """One durable-rules ruleset: the rules of one entity that fit one partition."""

    name: str
    entity: str
    definition: Mapping[str, dict]
    fields: tuple[tuple[str, str], ...]  # (fact, its name in the ruleset) for each fact sent


_LOCK = threading.Lock()
_HANDLES: dict[str, int] = {}
_SESSIONS = itertools.count(1)  # next() is atomic: no two new sessions share a number
_ENCODE = orjson.dumps


def ruleset_name(entity: str, definition: Mapping[str, dict]) -> str:
    """A ruleset's name from its entity and a hash of its content."""
    canonical = json.dumps(definition, sort_keys=True, separators=(",", ":"))
    return f"valuecase_{entity}_{hashlib.sha256(canonical.encode()).hexdigest()[:20]}"


def _create(partition: Partition) -> int:
    """Create the partition's ruleset in the engine and return its handle."""
    return core.create_ruleset(partition.name, json.dumps(partition.definition, ensure_ascii=False))


def register(partitions: Sequence[Partition]) -> Rulesets:
    """The partitions' rulesets, each created in the engine unless it already is."""
    with _LOCK:
        for partition in partitions:
            if partition.name not in _HANDLES:
                _HANDLES[partition.name] = _create(partition)
        return Rulesets(tuple((partition, _HANDLES[partition.name]) for partition in partitions))


def registered_count() -> int:
    """How many rulesets this process has created (for tests of reuse)."""
    return len(_HANDLES)


class Rulesets:
    """Registered rulesets, each with the partition it was made from."""

    def __init__(self, registered: tuple[tuple[Partition, int], ...]) -> None:
        self._registered = registered

    def evaluate(self, facts: Mapping[str, Sequence[dict]]) -> list[tuple[str, int]]:
        """Assert every fact into its entity's partitions in an empty session; return what fired.

        Each partition is sent only the fields its rules name, which keeps the JSON the engine
        parses small. The result lists (rule id, item index) once each, in firing order.
        """
        sid = _POOL.take()
        fired: list[tuple[str, int]] = []
        touched: list[int] = []
        emptied = False
        try:
            for partition, handle in self._registered:
                items = facts.get(partition.entity)
                if items:
                    touched.append(handle)
                    _assert_all(partition, handle, sid, items, fired)
            emptied = True
        except _Unmatched:
            touched.pop()  # deleting that state would abort the process: it is left alone
            raise
        finally:
            if emptied:
                _POOL.give_back(sid)
            else:
                for handle in touched:
                    _delete_state(handle, sid)
        return list(dict.fromkeys(fired))


class _Unmatched(EngineError):
    """A fact matched no rule, not even the catch-all."""


class _SessionPool:
    """Sessions whose states hold no facts, ready for the next evaluation.

    ``list.pop`` and ``list.append`` are atomic, so two threads never take the same session.
    """

    def __init__(self) -> None:
        self._free: list[str] = []

    def take(self) -> str:
        """An empty session: a free one, or a new one (a number not used before)."""
        try:
            return self._free.pop()
        except IndexError:
            return f"{os.getpid()}-{next(_SESSIONS)}"

    def give_back(self, sid: str) -> None:
        """Return a session whose every fact has been retracted."""
        self._free.append(sid)

    def __len__(self) -> int:
        return len(self._free)


_POOL = _SessionPool()


def free_sessions() -> int:
    """How many emptied sessions wait in the pool (for tests of reuse)."""
    return len(_POOL)


def _assert_all(
    partition: Partition,
    handle: int,
    sid: str,
    items: Sequence[dict],
    fired: list[tuple[str, int]],
) -> None:
    """Assert ``items`` into one ruleset, note what fires, then retract them all.

    Each fact is written with only the facts the partition's rules name, by their names in
    the ruleset, then the session and the fact's ``id`` (its index) are added to the end of
    its JSON text.
    """
    fields = partition.fields
    session = f',"sid":"{sid}","id":'
    assert_fact, start, complete = (
        core.assert_fact,
        core.start_action_for_state,
        core.complete_and_start_action,
    )
    indexes = []
    try:
        for fact in items:
            index = fact.get("index")
            if type(index) is not int:
                raise EngineError(f"the rules engine was given a fact whose index is {index!r}")
            encoded = _ENCODE({short: fact[name] for name, short in fields})
            if b":null" in encoded:
                raise EngineError(
                    f"the rules engine was given a {partition.entity} fact holding null "
                    f"(a missing value, or a number that is not finite)"
                )
            code, state = assert_fact(handle, f"{encoded[:-1].decode()}{session}{index}}}")
            if code != _HANDLED:
                raise _refusal(partition, fact, code)
            indexes.append(index)
            action = start(handle, state)
            message = action[1] if action else None
            while message:
                rule = message[2 : message.index('"', 2)]  # the first key: rule ids need no escapes
                if rule != CATCH_ALL:
                    fired.append((rule, index))
                message = complete(handle, state)
        core.retract_facts(
            handle, "[" + ",".join(f'{{"sid":"{sid}","id":{i}}}' for i in indexes) + "]"
        )
    except (core.error, orjson.JSONEncodeError, UnicodeError, KeyError) as error:
        raise EngineError(f"the rules engine failed on {partition.name}: {error!r}") from error


def _refusal(partition: Partition, fact: Mapping[str, object], code: int) -> EngineError:
    """The error for a fact the engine did not take as handled."""
    if code == _UNMATCHED:
        return _Unmatched(
            f"the rules engine matched no rule, not even the catch-all, for a "
            f"{partition.entity} fact whose entity is {fact.get('entity')!r}"
        )
    return EngineError(
        f"the rules engine refused a {partition.entity} fact: {_REFUSALS.get(code, f'code {code}')}"
    )


def _delete_state(handle: int, sid: str) -> None:
    """Delete a session's state; a session whose first assertion failed has none."""
    try:
        core.delete_state(handle, sid)
    except core.error as error:
        if f"code: {_SID_NOT_FOUND}" not in str(error):
            raise EngineError(f"the rules engine could not delete a session: {error!r}") from error
