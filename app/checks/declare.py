"""Declaring a fact where it is derived: the ``fact`` decorator and the registry it fills.

Each fact is declared once, on the function that derives it, which is named for the fact::

    @fact("bool", PROPOSAL, "payment by results is proposed", "part of the payment depends
          on results", false="no payment by results is proposed", example=True)
    def has_pbr(case: Case) -> bool:
        '''`contract.payment_by_results.share` is above 0'''

The function's name is the fact's name and its docstring the fact's "how derived". The
vocabulary (:mod:`app.checks.vocabulary`), docs/rules.md's fact table and the rules page are
all made from these declarations.

A proposal fact's function takes the :class:`~app.checks.case.Case`; a stakeholder or outcome
fact's function takes the item (:class:`~app.checks.case.Item`). A fact declared on several
entities (``kind``, ``tier``) is derived on the proposal and copied onto every item; ``tier``
is on a decommissioning assessment and its groups too, read from their own ``tier``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

PROPOSAL = ("proposal",)
STAKEHOLDER = ("stakeholder",)
OUTCOME = ("outcome",)
EVERYWHERE = ("proposal", "stakeholder", "outcome")
DECOMMISSIONING = ("decommissioning",)
GROUP = ("group",)
"""A decommissioning assessment's profile, and each stakeholder group it affects (the second
kind of case the rules check: see :mod:`app.decommissioning.facts`)."""
TYPES = ("bool", "count", "money", "number", "share", "ratio", "enum", "text")
NUMERIC_TYPES = ("count", "money", "number", "share", "ratio")
TEXT_STATES = ("missing", "self_declared", "unsupported", "evidenced")
"""How a judged text stands: not given; given but self-declared (it repeats itself or names
nothing of its case); naming the case but without what the field must show; evidenced."""


@dataclass(frozen=True)
class FactSpec:
    """One fact: its name, type, the entities it is on, what it means and how it is derived.

    ``label`` names the fact in plain-English conditions ("the SROI ratio"); a boolean fact
    has a sentence for true (``label``) and one for false (``label_false``). ``example`` is its
    value in a sound standard-tier challenge, the base of every rule test case. A text fact is
    a label for messages (``pointer``: a JSON Pointer a finding may take as its path) and is
    never sent to the engine.
    """

    name: str
    type: str
    entities: tuple[str, ...]
    label: str
    meaning: str
    derived: str
    example: object
    values: tuple[str, ...] = ()
    label_false: str = ""
    pointer: bool = False
    derive: Callable[[object], object] | None = field(default=None, compare=False)

    def describe_value(self, value: object) -> str:
        """The statement a boolean fact makes for ``value`` (true or false)."""
        return self.label if value else self.label_false


DECLARED: dict[str, FactSpec] = {}
"""Every declared fact by name, in the order the declaring modules were imported."""


def fact(
    type_: str,
    entities: tuple[str, ...],
    label: str,
    meaning: str,
    *,
    example: object,
    values: tuple[str, ...] = (),
    false: str = "",
    pointer: bool = False,
) -> Callable[[Callable], Callable]:
    """Declare the fact the decorated function derives: the function's name is the fact's, its
    docstring says how it is derived."""

    def declare(function: Callable) -> Callable:
        name = function.__name__
        if type_ not in TYPES:
            raise ValueError(f"fact {name}: unknown type {type_!r}")
        if name in DECLARED:
            raise ValueError(f"fact {name} is declared twice")
        if (type_ == "enum") != bool(values) or (type_ == "bool") != bool(false):
            raise ValueError(f"fact {name}: an enum lists its values, a boolean its false side")
        derived = " ".join((function.__doc__ or "").split())
        if not derived:
            raise ValueError(f"fact {name}: its function's docstring must say how it is derived")
        DECLARED[name] = FactSpec(
            name, type_, entities, label, meaning, derived, example, values, false, pointer,
            function,
        )  # fmt: skip
        return function

    return declare
