"""The incremental account of a challenge: the difference the proposal makes over today's service.

For a challenge the ``status_quo`` option is the counterfactual: today's service goes on
creating value whoever runs it, so the case is what the proposal adds, not the whole
service's value. With ``P`` the proposal's account (the document's own) and ``S`` the status
quo option's account (:mod:`app.value.options`):

* ``ΔPV = PV(P) − PV(S)`` and ``ΔI = investment(P) − investment(S)``;
* the incremental SROI ratio ``ΔPV / ΔI`` when the proposal costs more (``ΔI > 0``);
* when it costs the same or less, no ratio: a ratio over a zero or negative difference says
  nothing (a negative ratio could mean more value for less money or less value for more).
  The verdict says which instead: **dominant** (more value for less or the same money, or the
  same value for less), **less value for less money** (with the value given up for each
  pound saved, ``ΔPV / ΔI``, both negative), **dominated** or **no difference**.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Any

from app.value.account import ValueAccount, compute_account
from app.value.money import ARITHMETIC, SHOWN_LIMIT, ZERO, format_pounds, is_too_large, rounded
from app.value.options import option_account, valued_options
from app.value.reading import option_name

MORE_FOR_MORE = "more_value_for_more_money"
DOMINANT = "dominant"
LESS_FOR_LESS = "less_value_for_less_money"
DOMINATED = "dominated"
NO_DIFFERENCE = "no_difference"
VERDICTS = (MORE_FOR_MORE, DOMINANT, LESS_FOR_LESS, DOMINATED, NO_DIFFERENCE)
"""What the difference the proposal makes comes to, one word for the checks each."""


@dataclass(frozen=True)
class IncrementalAccount:
    """The proposal's account less today's service's, and what the difference comes to."""

    status_quo_option: str
    status_quo_name: str
    proposal: ValueAccount
    status_quo: ValueAccount
    delta_present_value: Decimal
    delta_investment: Decimal
    incremental_ratio: Decimal | None
    value_lost_per_pound_saved: Decimal | None
    verdict: str
    summary: str

    def report(self) -> dict[str, Any]:
        """The check report's ``incremental``: JSON-ready; ratios too large to show are null."""
        return {
            "status_quo_option": self.status_quo_option,
            "status_quo_name": self.status_quo_name,
            "proposal_present_value": rounded(self.proposal.present_value),
            "proposal_investment": rounded(self.proposal.investment),
            "status_quo_present_value": rounded(self.status_quo.present_value),
            "status_quo_investment": rounded(self.status_quo.investment),
            "delta_present_value": rounded(self.delta_present_value),
            "delta_investment": rounded(self.delta_investment),
            "incremental_ratio": rounded(self.incremental_ratio, limit=SHOWN_LIMIT),
            "value_lost_per_pound_saved": rounded(
                self.value_lost_per_pound_saved, limit=SHOWN_LIMIT
            ),
            "verdict": self.verdict,
            "summary": self.summary,
        }


def status_quo_option(document: Mapping[str, Any]) -> tuple[str, Mapping[str, Any], int] | None:
    """(key, option, 1-based place) of the challenge's first ``status_quo`` option with
    quantities and an annual cost, or None (not a challenge, or no such option)."""
    if document.get("kind") != "challenge":
        return None
    for key, option, position in valued_options(document):
        if option.get("kind") == "status_quo" and option.get("annual_cost") is not None:
            return key, option, position
    return None


def incremental_account(
    document: Mapping[str, Any], account: ValueAccount | None = None
) -> IncrementalAccount | None:
    """The proposal's present value and investment less today's service's, for a challenge
    whose ``status_quo`` option has quantities and an annual cost; None otherwise.

    Pass the document's ``account`` when it is already computed.
    """
    found = status_quo_option(document)
    if found is None:
        return None
    key, option, position = found
    with localcontext(ARITHMETIC):
        proposal = account or compute_account(document)
        status_quo = option_account(document, option)
        delta_pv = proposal.present_value - status_quo.present_value
        delta_i = proposal.investment - status_quo.investment
        ratio = delta_pv / delta_i if delta_i > 0 else None
        lost = delta_pv / delta_i if delta_i < 0 and delta_pv < 0 else None
        verdict = verdict_of(delta_pv, delta_i)
        return IncrementalAccount(
            status_quo_option=key,
            status_quo_name=option_name(option, position),
            proposal=proposal,
            status_quo=status_quo,
            delta_present_value=delta_pv,
            delta_investment=delta_i,
            incremental_ratio=ratio,
            value_lost_per_pound_saved=lost,
            verdict=verdict,
            summary=summary_of(verdict, delta_pv, delta_i, ratio, lost),
        )


def verdict_of(delta_pv: Decimal, delta_i: Decimal) -> str:
    """Which of :data:`VERDICTS` a difference in value and in cost comes to."""
    if delta_i > 0:
        return MORE_FOR_MORE if delta_pv > 0 else DOMINATED
    if delta_pv > 0 or (delta_pv == 0 and delta_i < 0):
        return DOMINANT
    if delta_pv == 0:
        return NO_DIFFERENCE
    return LESS_FOR_LESS if delta_i < 0 else DOMINATED


def summary_of(
    verdict: str,
    delta_pv: Decimal,
    delta_i: Decimal,
    ratio: Decimal | None,
    lost: Decimal | None,
) -> str:
    """The difference in a sentence or two, in pounds."""
    cost = _difference(delta_i, "costs", "more", "less", "costs the same")
    value = _difference(delta_pv, "creates", "more value", "less value", "creates the same value")
    said = f"Over today's service the proposal {cost} and {value}"
    if verdict == MORE_FOR_MORE:
        return f"{said}: {_per_pound(ratio)} of value for each extra pound."
    if verdict == DOMINANT:
        if delta_pv == 0:
            return f"{said}: it is dominant, the same value for less money."
        money = "the same money" if delta_i == 0 else "less money"
        return f"{said}: it is dominant, more value for {money}."
    if verdict == LESS_FOR_LESS:
        return f"{said}: {_per_pound(lost)} of value is given up for each pound saved."
    if verdict == DOMINATED:
        return f"{said}: today's service gives more value for the money."
    return f"{said}."


def _difference(amount: Decimal, verb: str, more: str, less: str, same: str) -> str:
    if amount == ZERO:
        return same
    return f"{verb} {format_pounds(abs(amount))} {more if amount > 0 else less}"


def _per_pound(figure: Decimal | None) -> str:
    """A figure per pound, e.g. '£2.40', or a phrase when it is too large to show."""
    if figure is None or is_too_large(figure):
        return f"more than £{SHOWN_LIMIT:,}"
    return format_pounds(figure, 2)
