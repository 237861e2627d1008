"""The durable-rules adapter: rulesets registered once per process, isolated evaluations.

What this module guards against, as measured on durable-rules 2.0.28 (see
docs/rules.md, "The engine"):

* the default ``Host`` starts timer threads that touch freed state and crash a threaded
  server, so :class:`QuietHost` starts none (the checks need no timers);
* rulesets cannot be replaced and reloading leaks, so a module-level registry keyed by the
  ruleset's content hash registers each ruleset once, from a deep copy;
* every evaluation uses a fresh uuid session id and deletes its state in ``finally``, so the
  1,024-session cap is never reached and nothing leaks between checks;
* a catch-all rule per ruleset means no fact is ever unhandled, and facts are asserted one
  at a time;
* actions run in the calling thread during ``assert_fact``; each records its own errors, and
  findings fired twice through an ``$or`` are de-duplicated.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import threading
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from durable import engine as durable

from app.checks.errors import EngineError

CATCH_ALL = "$catch-all"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Partition:
    """One durable-rules ruleset: the rules of one entity that fit one partition."""

    name: str
    entity: str
    definition: Mapping[str, dict]
    fields: tuple[str, ...]


@dataclass
class _Session:
    fired: list[tuple[str, int]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


_SESSIONS: dict[str, _Session] = {}


def _record(rule_id: str):
    """The generic action of one rule: note (rule id, item index) in the session."""

    def action(closure) -> None:
        session = None
        try:
            session = _SESSIONS.get(closure.s["sid"])
            fact = closure.m
            session.fired.append((rule_id, int(fact["index"])))
        except Exception as error:  # noqa: BLE001 - the engine would swallow it silently
            if session is not None:
                session.errors.append(f"{rule_id}: {error!r}")
            else:
                log.error("rule %s fired outside a session: %r", rule_id, error)

    return action


def _ignore(closure) -> None:
    """The catch-all rule's action: nothing to do."""


class QuietHost(durable.Host):
    """A durable-rules host that starts no timer threads and knows every action by name."""

    def _run(self) -> None:
        """Start nothing: the default timers crash a threaded server after delete_state."""

    def get_action(self, action_name: str):
        """The generic recording action of a rule (a no-op for the catch-all)."""
        return _ignore if action_name == CATCH_ALL else _record(action_name)


_LOCK = threading.Lock()
_HOST: QuietHost | None = None
_REGISTERED: set[str] = set()


def ruleset_name(entity: str, definition: Mapping[str, dict]) -> str:
    """A ruleset's name from its entity and a hash of its content."""
    canonical = json.dumps(definition, sort_keys=True, separators=(",", ":"))
    return f"valuecase_{entity}_{hashlib.sha256(canonical.encode()).hexdigest()[:20]}"


def register(partitions: Sequence[Partition]) -> QuietHost:
    """Register each partition with the process's host unless it already is."""
    global _HOST
    with _LOCK:
        if _HOST is None:
            _HOST = QuietHost()
        for partition in partitions:
            if partition.name not in _REGISTERED:
                _HOST.register_rulesets({partition.name: copy.deepcopy(dict(partition.definition))})
                _REGISTERED.add(partition.name)
        return _HOST


def registered_count() -> int:
    """How many rulesets this process has registered (for tests of reuse)."""
    return len(_REGISTERED)


def evaluate(
    host: QuietHost, partitions: Sequence[Partition], facts: Mapping[str, Sequence[dict]]
) -> list[tuple[str, int]]:
    """Assert every fact into its entity's partitions in a fresh session; return what fired.

    Each partition is sent only the fields its rules name, which keeps the JSON the engine
    parses, and hands back with every action, small.

    The result lists (rule id, item index) once each, in firing order.
    """
    sid = uuid.uuid4().hex
    session = _Session()
    _SESSIONS[sid] = session
    used: list[str] = []
    try:
        for partition in partitions:
            entity_facts = facts.get(partition.entity, ())
            if entity_facts:
                used.append(partition.name)
            for fact in entity_facts:
                projected = {name: fact[name] for name in partition.fields}
                projected["sid"] = sid
                host.assert_fact(partition.name, projected)
    finally:
        for name in used:
            try:
                host.delete_state(name, sid)
            except Exception as error:  # noqa: BLE001 - report it, keep deleting the rest
                session.errors.append(f"delete_state {name}: {error!r}")
        del _SESSIONS[sid]
    if session.errors:
        raise EngineError("the rules engine failed: " + "; ".join(session.errors))
    return list(dict.fromkeys(session.fired))
