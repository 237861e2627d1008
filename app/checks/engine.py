"""The durable-rules adapter: rulesets created once per process, each evaluation in an empty
session.

durable-rules is pinned (``durable-rules==2.0.28`` in pyproject.toml) because this adapter
relies on the following of it, each for the reason given, each measured on that version (see
docs/rules.md, "The engine"):

* its Rete core, ``durable_rules_engine``, without the Python ``Host``: the ``Host`` starts
  timer threads that touch freed state, and a threaded server crashed; the checks need no
  timers;
* ``create_ruleset`` once per ruleset and process, in a registry keyed by a hash of the
  ruleset's content: a ruleset cannot be replaced, and a reloaded one leaks;
* ``assert_fact`` answering ``(code, state)``, with 0 for a fact taken, 1 for one that matched
  no rule and 2 for one asserted twice (the codes its own Python layer reads in
  ``Ruleset._handle_result``): only a taken fact leaves a state that is safe to delete, and
  deleting the state of an unmatched fact aborted the process. A catch-all rule per ruleset,
  and facts checked in Python first, keep 1 from happening;
* ``start_action_for_state`` and ``complete_and_start_action``, whose message is a JSON object
  whose first key is the rule's name (as its own ``Ruleset._flush_actions`` reads it): the
  way to learn which rules fired without a ``Host``;
* ``retract_facts`` once a session's actions are drained, the emptied session kept for the
  next evaluation, and ``delete_state`` for a session whose evaluation failed: creating a
  state allocates for every rule (more than the rest of a check), a state lives until it is
  deleted, and 1,024 live sessions per ruleset is the cap.

Facts are checked in Python before the engine sees them, because its C parser refuses what
Python's JSON can hold (exponents such as ``1e-05``, infinities, NaN, lone surrogates) and a
refused fact may leave a state that is unsafe to delete: every value must be a boolean, a
string, a whole number within 10^15 or a float written without an exponent. How rules are
split between rulesets so that the engine's matching stack never overflows is for
:mod:`app.checks.partition` and :mod:`app.checks.network`.
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

from app.checks.errors import EngineError
from app.checks.numbers import LIMIT, SMALLEST

CATCH_ALL = "$catch-all"
_TAKEN = 0
_UNMATCHED = 1
_KEY = json.JSONDecoder()
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_REFUSALS = {
    _UNMATCHED: "it matched no rule, not even the catch-all",
    2: "it was already asserted (two items share an index)",
}


@dataclass(frozen=True)
class Partition:
    """One durable-rules ruleset: the rules of one entity that fit one partition."""

    name: str
    entity: str
    definition: Mapping[str, dict]
    fields: tuple[str, ...]  # the facts its rules name: the only ones each fact is sent with


_LOCK = threading.Lock()
_HANDLES: dict[str, int] = {}
_SESSIONS = itertools.count(1)  # next() is atomic: no two evaluations share a session


def ruleset_name(entity: str, definition: Mapping[str, dict]) -> str:
    """A ruleset's name from its entity and a hash of its content."""
    canonical = json.dumps(definition, sort_keys=True, separators=(",", ":"))
    return f"valuecase_{entity}_{hashlib.sha256(canonical.encode()).hexdigest()[:20]}"


def register(partitions: Sequence[Partition]) -> Rulesets:
    """The partitions' rulesets, each created in the engine unless it already is."""
    with _LOCK:
        for partition in partitions:
            if partition.name not in _HANDLES:
                definition = json.dumps(partition.definition, ensure_ascii=False)
                _HANDLES[partition.name] = core.create_ruleset(partition.name, definition)
        return Rulesets(tuple((partition, _HANDLES[partition.name]) for partition in partitions))


def registered_count() -> int:
    """How many rulesets this process has created (for tests of reuse)."""
    return len(_HANDLES)


class Rulesets:
    """Registered rulesets, each with the partition it was made from."""

    def __init__(self, registered: tuple[tuple[Partition, int], ...]) -> None:
        self._registered = registered

    def evaluate(self, facts: Mapping[str, Sequence[dict]]) -> list[tuple[str, int]]:
        """Assert every fact into its entity's rulesets in an empty session; return what fired.

        The result lists (rule id, item index) once each, in firing order. Every fact is
        retracted again before the session goes back to the pool; a session whose evaluation
        failed is deleted instead.
        """
        session = _POOL.take()
        fired: list[tuple[str, int]] = []
        emptied = False
        try:
            for partition, handle in self._registered:
                items = facts.get(partition.entity)
                if items:
                    _assert_all(partition, handle, session, items, fired)
            emptied = True
        finally:
            if emptied:
                _POOL.give_back(session)
            else:
                for handle in session.holding:
                    _delete_state(handle, session.sid)
        return list(dict.fromkeys(fired))


class _Session:
    """A session id, and the rulesets holding a state for it."""

    __slots__ = ("holding", "sid")

    def __init__(self, sid: str) -> None:
        self.sid = sid
        self.holding: set[int] = set()


class _SessionPool:
    """Sessions whose states hold no facts, ready for the next evaluation.

    Creating a state costs the engine an allocation for every rule of its ruleset, more than
    the rest of an evaluation, so emptied states are kept. A session serves one evaluation at
    a time (``list.pop`` and ``list.append`` are atomic), so there are never more sessions
    than evaluations running at once, far below the cap of 1,024.
    """

    def __init__(self) -> None:
        self._free: list[_Session] = []

    def take(self) -> _Session:
        """An empty session: a free one, or a new one (a number not used before)."""
        try:
            return self._free.pop()
        except IndexError:
            return _Session(f"{os.getpid()}-{next(_SESSIONS)}")

    def give_back(self, session: _Session) -> None:
        """Return a session whose every fact has been retracted."""
        self._free.append(session)

    def __len__(self) -> int:
        return len(self._free)


_POOL = _SessionPool()


def free_sessions() -> int:
    """How many emptied sessions wait in the pool (for tests of reuse)."""
    return len(_POOL)


def _assert_all(
    partition: Partition,
    handle: int,
    session: _Session,
    items: Sequence[dict],
    fired: list[tuple[str, int]],
) -> None:
    """Assert ``items`` one at a time into one ruleset, note the rules each fires, then
    retract them all."""
    asserted = []
    for fact in items:
        text = encode(partition, fact, session.sid)
        try:
            code, state = core.assert_fact(handle, text)
        except core.error as error:
            raise EngineError(f"the rules engine failed on {partition.name}: {error!r}") from None
        if code == _UNMATCHED:  # deleting this state could abort the process: it is left
            session.holding.discard(handle)
        if code != _TAKEN:
            why = _REFUSALS.get(code, f"code {code}")
            raise EngineError(f"the rules engine did not take a {partition.entity} fact: {why}")
        session.holding.add(handle)
        asserted.append(fact["index"])
        action = core.start_action_for_state(handle, state)
        message = action[1] if action else None
        while message:
            rule = _KEY.raw_decode(message, 1)[0]  # the message's first key, JSON-decoded
            if rule != CATCH_ALL:
                fired.append((rule, fact["index"]))
            message = core.complete_and_start_action(handle, state)
    retracted = ",".join(f'{{"sid":"{session.sid}","id":{index}}}' for index in asserted)
    try:
        core.retract_facts(handle, f"[{retracted}]")
    except core.error as error:
        raise EngineError(f"the rules engine could not retract facts: {error!r}") from None


def encode(partition: Partition, fact: Mapping[str, object], sid: str) -> str:
    """The JSON text of one fact for a partition, refused unless the engine can read it."""
    entity, index = fact.get("entity"), fact.get("index")
    if entity != partition.entity:
        raise EngineError(
            f"a {entity!r} fact was given to the {partition.entity} rules: it would match no rule"
        )
    if type(index) is not int or index < 0:
        raise EngineError(f"the rules engine was given a fact whose index is {index!r}")
    try:
        sent = {name: fact[name] for name in partition.fields}
    except KeyError as missing:
        raise EngineError(f"a {entity} fact lacks {missing}, which its rules name") from None
    for value in sent.values():
        kind = type(value)
        if kind is float:
            readable = value == 0 or SMALLEST <= abs(value) <= LIMIT  # no exponent, finite
        elif kind is int:
            readable = -LIMIT <= value <= LIMIT
        else:
            readable = kind is bool or kind is str
        if not readable:
            name = next(name for name, found in sent.items() if found is value)
            raise EngineError(
                f"the {entity} fact {name} is {value!r}, which the rules engine cannot read"
            )
    sent["entity"], sent["sid"], sent["id"] = entity, sid, index
    text = _ENCODER.encode(sent)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise EngineError(f"a {entity} fact holds a lone surrogate") from None
    return text


def _delete_state(handle: int, sid: str) -> None:
    try:
        core.delete_state(handle, sid)
    except core.error as error:
        raise EngineError(f"the rules engine could not delete a session: {error!r}") from None
