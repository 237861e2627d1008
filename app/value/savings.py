"""The financial case: savings to public bodies, cashable, non-cashable and transfers.

Savings are the financial case, not the value account: the present value never includes them
(a saving to a body is the money side of an outcome that is valued already, so adding it
would count the change twice). They are kept in three disjoint totals:

* **cashable**: a real change in money in a body's budget;
* **non-cashable**: freed capacity and other savings that are not money;
* **transfers** (``transfer: true``): benefits paid or tax received that move from one party
  to another. A transfer is a saving to the body that pays it and a loss to the person who
  no longer receives it, so it is counted in the financial case and never in value
  (HM Treasury, The Green Book: transfers are excluded from social value).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, localcontext
from typing import Any, NamedTuple

from app.value.money import ARITHMETIC, ONE, ZERO, rounded, to_decimal

KINDS = ("cashable", "non_cashable", "transfer")
"""The financial case's totals, in the order they are shown."""
UNNAMED_BODY = "Unnamed body"


class SavingsSummary(NamedTuple):
    """Savings to public bodies over their stated years, in three disjoint totals."""

    by_body: dict[str, dict[str, Decimal]]
    cashable_total: Decimal
    non_cashable_total: Decimal
    transfer_total: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        """Every saving of the financial case: cashable, non-cashable and transfers."""
        return self.cashable_total + self.non_cashable_total + self.transfer_total

    def report(self) -> dict[str, Any]:
        """The financial case as JSON-ready numbers (pounds to 2 dp): totals and by body."""
        return {
            "cashable_total": rounded(self.cashable_total),
            "non_cashable_total": rounded(self.non_cashable_total),
            "transfer_total": rounded(self.transfer_total),
            "total": rounded(self.total),
            "by_body": [
                {"body": body} | {kind: rounded(amounts[kind]) for kind in KINDS}
                for body, amounts in self.by_body.items()
            ],
        }


def kind_of(saving: Mapping[str, Any]) -> str:
    """Which total a saving counts in: a transfer whatever its cashable flag, else its flag."""
    if saving.get("transfer") is True:
        return "transfer"
    return "cashable" if saving.get("cashable") else "non_cashable"


def summarise_savings(
    savings: Sequence[Mapping[str, Any]], default_years: Decimal = ONE
) -> SavingsSummary:
    """Sum savings by public body over their years.

    A saving with no ``years`` lasts ``default_years`` (the contract's duration, else one).
    """
    by_body: dict[str, dict[str, Decimal]] = {}
    for item in savings:
        body = by_body.setdefault(str(item.get("body") or UNNAMED_BODY), dict.fromkeys(KINDS, ZERO))
        years = to_decimal(item.get("years"), default_years)
        body[kind_of(item)] += to_decimal(item.get("annual_value")) * years
    return SavingsSummary(
        by_body,
        *(sum((amounts[kind] for amounts in by_body.values()), ZERO) for kind in KINDS),
    )


def savings_of(document: Mapping[str, Any]) -> SavingsSummary:
    """The document's savings, each lasting the contract's years unless it says otherwise."""
    savings = [s for s in document.get("savings") or [] if isinstance(s, Mapping)]
    contract = document.get("contract") or {}
    with localcontext(ARITHMETIC):
        return summarise_savings(savings, to_decimal(contract.get("duration_years"), ONE))


def financial_case_report(document: Mapping[str, Any]) -> dict[str, Any]:
    """The document's financial case as JSON: cashable, non-cashable and transfer totals."""
    return savings_of(document).report()
