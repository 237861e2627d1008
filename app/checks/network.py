"""durable-rules' network of comparisons, rebuilt to bound the stack that matches a fact;
and the expressions the engine keeps for each rule, counted.

durable-rules 2.0.28 compiles the condition of every rule in a ruleset into one network
(``createAlpha`` and ``findAlpha`` in its ``src/rules/rete.c``), and matches a fact by walking
that network depth first with a stack of 64 entries (``handleAlpha`` in ``events.c``; error
303 when a 65th is pushed, after which deleting the session's state can crash the process).

The network, as built there:

* every rule hangs from one root; an ``$and`` is a chain, each term a child of the one before;
* a comparison is a node under its parent, shared with an equal comparison already there
  (same fact, operator and value of the same JSON type: ``1`` and ``1.0`` are not equal), but
  never when it compares with another fact (``{"$m": ...}``: each is stored anew);
* an ``$or`` adds a join node of its own (never shared); each alternative starts from the
  ``$or``'s parent and its last node gains the join as a child; what follows the ``$or`` hangs
  from the join.

The walk pops a node and pushes every child that holds (a join always holds), so a node with
``c`` children whose busiest child needs ``p`` more places needs ``c - 1 + p`` places. With
every comparison taken to hold, :func:`stack_peak` is the most the walk can ever need, for
any fact and in whatever order it pushes.

Apart from the network, the engine keeps at most ``MAX_EXPRESSIONS`` expressions for a rule
(:func:`expressions`): a rule with more cannot be created at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from app.checks.translate import DURABLE_OP

MAX_STACK = 64
"""Entries on durable-rules' alpha stack (``MAX_STACK_SIZE`` in its ``events.c``)."""
MAX_EXPRESSIONS = 31
"""Expressions durable-rules keeps for one rule: its ``MAX_SEQUENCE_EXPRESSIONS`` is 32, and
creating a ruleset fails (error 113) when a rule's 32nd is added (``rete.c``)."""
COMPARISONS = frozenset(DURABLE_OP.values())
"""The operators :mod:`app.checks.translate` writes, besides equality and ``$and``/``$or``."""


class NetworkError(ValueError):
    """A condition uses something the model does not rebuild."""


class _Node:
    __slots__ = ("children", "shared")

    def __init__(self) -> None:
        self.children: list[_Node] = []
        self.shared: dict[tuple, _Node] = {}  # comparisons under this node, by what they test


def stack_peak(conditions: Iterable[Mapping[str, object]]) -> int:
    """The most stack entries durable-rules can need to match one fact against a ruleset
    whose rules have these conditions (each a rule's ``m``)."""
    root = _Node()
    for condition in conditions:
        _add(condition, root)
    return _peak(root, {})


def expressions(condition: Mapping[str, object]) -> int:
    """The expressions durable-rules keeps for a rule's condition: two for each ``$and`` and
    ``$or`` (its start and its end); a comparison, even with another fact, takes none."""
    [(key, value)] = condition.items()
    if key in ("$and", "$or"):
        return 2 + sum(expressions(term) for term in _terms(value))
    return 0


def _add(condition: Mapping[str, object], parent: _Node) -> _Node:
    """Add a condition under ``parent`` as ``createAlpha`` does; return its last node."""
    if len(condition) != 1:
        raise NetworkError(f"a condition must have one key, not {sorted(condition)}")
    [(key, value)] = condition.items()
    if key == "$and":
        node = parent
        for term in _terms(value):
            node = _add(term, node)
        return node
    if key == "$or":
        join = _Node()
        for term in _terms(value):
            _add(term, parent).children.append(join)
        return join
    if key in COMPARISONS:
        if not isinstance(value, Mapping) or len(value) != 1:
            raise NetworkError(f"{key} must compare one fact, not {value!r}")
        [(fact, operand)] = value.items()
        return _comparison(parent, fact, key, operand)
    if key.startswith("$"):
        raise NetworkError(f"the model does not rebuild {key}")
    return _comparison(parent, key, "$eq", value)


def _terms(value: object) -> list:
    if not isinstance(value, list) or not value:
        raise NetworkError(f"$and and $or take a list of conditions, not {value!r}")
    return value


def _comparison(parent: _Node, fact: str, operator: str, operand: object) -> _Node:
    key = (fact, operator, *_operand_key(operand))
    node = parent.shared.get(key)
    if node is None:
        node = _Node()
        parent.children.append(node)
        if key[2] != "fact":  # a comparison with another fact is never found again
            parent.shared[key] = node
    return node


def _operand_key(operand: object) -> tuple[str, object]:
    """The operand as ``compareValue`` tells operands apart: JSON type, then value."""
    if isinstance(operand, bool):
        return "bool", operand
    if isinstance(operand, int):
        return "int", operand
    if isinstance(operand, float):
        return "double", operand
    if isinstance(operand, str):
        return "string", operand
    if isinstance(operand, Mapping) and set(operand) == {"$m"}:
        return "fact", operand["$m"]
    raise NetworkError(f"the model does not rebuild the operand {operand!r}")


def _peak(node: _Node, known: dict[int, int]) -> int:
    """Places the walk needs below ``node`` once ``node`` itself is popped."""
    if not node.children:
        return 0
    found = known.get(id(node))
    if found is None:
        busiest = max(_peak(child, known) for child in node.children)
        found = known[id(node)] = len(node.children) - 1 + max(1, busiest)
    return found
