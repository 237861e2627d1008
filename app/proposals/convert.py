"""Converting a proposal/1 document to proposal/2: only what is unambiguous, nothing invented.

proposal/2 keeps every proposal/1 field with its name and meaning except two in
``contract.payment_by_results``: each string of ``outcome_measures`` becomes a measure in
``measures`` with only a ``description``, and ``evidence`` becomes ``evidence_note``. The
format marker becomes ``"proposal/2"``. What proposal/1 could not say (evidence items, option
kinds and values, stakeholder types, protected characteristics...) is left absent, for the
checks to report as missing: a conversion that guessed would put words in the proposer's mouth.

:func:`to_current` is total: it accepts any JSON value (drafts may be incomplete or wrong) and
never raises. What it cannot map it carries over unchanged, so validation reports it where it
is. :func:`original_parts` maps a place in the converted document back to the place in the
proposal/1 document it came from, so that an error names a field the person can find.
No Flask here.
"""

from __future__ import annotations

import copy
from typing import Any

CURRENT = "proposal/2"
PREVIOUS = "proposal/1"
READABLE = (PREVIOUS, CURRENT)

PBR = ("contract", "payment_by_results")
RENAMED = {"outcome_measures": "measures", "evidence": "evidence_note"}
"""proposal/1's fields of ``contract.payment_by_results`` that proposal/2 names differently."""


def format_of(document: Any) -> Any:
    """The document's format marker, or None when it has none."""
    return document.get("format") if isinstance(document, dict) else None


def to_current(document: Any) -> Any:
    """The document in proposal/2: a proposal/1 document converted (a copy), anything else as is.

    The proposal/1 document given is never changed.
    """
    if format_of(document) != PREVIOUS:
        return document
    converted = copy.deepcopy(document)
    converted["format"] = CURRENT
    contract = converted.get("contract")
    pbr = contract.get("payment_by_results") if isinstance(contract, dict) else None
    if isinstance(pbr, dict):
        contract["payment_by_results"] = _renamed(pbr)
    return converted


def _renamed(pbr: dict) -> dict:
    """The payment-by-results object with proposal/1's names replaced, in the same order.

    A name is kept as it is when its new name is already taken, so nothing is overwritten.
    """
    result: dict = {}
    for key, value in pbr.items():
        new = RENAMED.get(key)
        if new is None or new in pbr:
            result[key] = value
        elif new == "measures":
            result[new] = _measures(value)
        else:
            result[new] = value
    return result


def _measures(old: Any) -> Any:
    """Each old measure, a string, as a measure with only a description."""
    if not isinstance(old, list):
        return old
    return [{"description": each} for each in old]


def original_parts(parts: list) -> list:
    """Where a place in a converted document was in its proposal/1 original.

    ``contract.payment_by_results.measures[2].description`` was ``outcome_measures[2]`` and
    ``evidence_note`` was ``evidence``; every other place is where it was.
    """
    if len(parts) < 3 or tuple(parts[:2]) != PBR:
        return list(parts)
    old = {new: name for name, new in RENAMED.items()}.get(parts[2])
    if old is None:
        return list(parts)
    if old == "outcome_measures" and len(parts) > 4 and parts[4] == "description":
        # a measure's description was the whole of the old measure
        return [*PBR, old, parts[3], *parts[5:]]
    return [*PBR, old, *parts[3:]]
