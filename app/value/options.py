"""The value account of each option appraised (``need.options[]`` with ``quantities``).

An option's account is the document's own account, worked by :func:`compute_account`, of the
option as a document: each outcome the option lists, with that outcome's own proxy, duration,
deadweight, attribution, displacement and drop-off, at the option's quantity; and as its
investment the option's ``annual_cost`` over ``contract.duration_years`` (one year when the
contract gives none), at year 0 like every input. The document's discount rate and convention
apply. Outcomes the option does not list count for nothing under it; savings are the
financial case and no part of any option's value.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, localcontext
from typing import Any

from app.value.account import NO_INPUTS_NOTE, ValueAccount, compute_account
from app.value.money import ARITHMETIC, ONE, ZERO, format_number, rounded, to_decimal
from app.value.reading import option_name, outcome_name, outcomes_by_id

NO_COST_NOTE = "The option's annual cost is not given, so it has no ratio."
FREE_NOTE = "The option costs nothing, so it has no ratio."


def valued_options(document: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any], int]]:
    """(key, option, 1-based place) for each option with ``quantities``, in the document's
    order. The key is the option's id, or ``option-N`` for an option with none."""
    need = document.get("need") or {}
    options = need.get("options") if isinstance(need, Mapping) else None
    found = []
    for position, option in enumerate(options if isinstance(options, list) else [], start=1):
        if isinstance(option, Mapping) and isinstance(option.get("quantities"), list):
            found.append((str(option.get("id") or f"option-{position}"), option, position))
    return found


def option_accounts(document: Mapping[str, Any]) -> dict[str, ValueAccount]:
    """The value account of every option that has ``quantities``, by option id, in order.

    An option with no ``annual_cost`` has an investment of 0, so no ratio, and a note saying
    the cost is not given.
    """
    return {key: option_account(document, option) for key, option, _ in valued_options(document)}


def option_account(document: Mapping[str, Any], option: Mapping[str, Any]) -> ValueAccount:
    """The value account of one option of ``document``."""
    with localcontext(ARITHMETIC):
        account = compute_account(option_document(document, option))
        notes = list(account.notes)
        if NO_INPUTS_NOTE in notes:
            cost = option.get("annual_cost")
            notes[notes.index(NO_INPUTS_NOTE)] = NO_COST_NOTE if cost is None else FREE_NOTE
        notes += _unknown_outcome_notes(document, option)
        return account._replace(notes=tuple(notes))


def option_document(document: Mapping[str, Any], option: Mapping[str, Any]) -> dict[str, Any]:
    """The option as a document the value account reads: the outcomes it lists at its
    quantities, and its annual cost over the contract's years as its one input.

    An outcome is named by its description as it stands in the document (or by its place
    there), so that the option's notes name it as the document's do.
    """
    outcomes = outcomes_by_id(document)
    listed = []
    for item in option.get("quantities") or []:
        found = outcomes.get(item.get("outcome")) if isinstance(item, Mapping) else None
        if found is not None:
            position, outcome = found
            description = outcome_name(outcome, position)
            listed.append(dict(outcome, quantity=item.get("quantity"), description=description))
    cost = option.get("annual_cost")
    inputs = [] if cost is None else [{"type": "cash", "value": option_investment(document, cost)}]
    return {
        "kind": document.get("kind"),
        "stakeholders": document.get("stakeholders") or [],
        "outcomes": listed,
        "inputs": inputs,
        "discount_rate": document.get("discount_rate"),
        "first_year_discounted": document.get("first_year_discounted"),
    }


def option_investment(document: Mapping[str, Any], annual_cost: Any) -> Decimal:
    """An annual cost over the contract's years (one year when none is given), exact."""
    contract = document.get("contract") or {}
    years = to_decimal(contract.get("duration_years"), ONE)
    with localcontext(ARITHMETIC):
        return to_decimal(annual_cost) * years


def options_report(document: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Each valued option for the check report: its id, name, kind, whether chosen, its
    stated ``value_estimate`` beside the present value worked out, the account's figures
    (:meth:`ValueAccount.report`) and its notes."""
    accounts = option_accounts(document)
    rows = []
    for key, option, position in valued_options(document):
        account = accounts[key]
        cost, estimate = option.get("annual_cost"), option.get("value_estimate")
        rows.append(
            {
                "option": key,
                "name": option_name(option, position),
                "kind": option.get("kind"),
                "chosen": option.get("chosen") is True,
                "annual_cost": None if cost is None else rounded(to_decimal(cost)),
                "value_estimate": None if estimate is None else rounded(to_decimal(estimate)),
                **account.report(),
                "notes": list(account.notes),
            }
        )
    return rows


def _unknown_outcome_notes(document: Mapping[str, Any], option: Mapping[str, Any]) -> list[str]:
    """A note for each quantity whose outcome the document does not have (counted as nothing)."""
    known = outcomes_by_id(document)
    notes = []
    for item in option.get("quantities") or []:
        outcome = item.get("outcome") if isinstance(item, Mapping) else None
        if outcome not in known:
            quantity = to_decimal(item.get("quantity")) if isinstance(item, Mapping) else ZERO
            notes.append(
                f"A quantity of {format_number(quantity)} is given for an outcome the document "
                "does not list, so it is not valued."
            )
    return notes
