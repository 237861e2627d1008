"""The value part of the check report, as JSON-ready data.

One call gives everything the value calculator says about a document beyond the headline
figures: the financial case, the sensitivity table with switching values and concentration,
each option's account, the incremental account of a challenge, price years and outcome
chains. Every number is a finite float or null; every outcome and option is named by its
description or name, with its id alongside for reference. Nothing in the document turns any
of it off.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import localcontext
from typing import Any

from app.value.account import ValueAccount, compute_account
from app.value.chains import chain_double_counting
from app.value.incremental import incremental_account
from app.value.money import ARITHMETIC
from app.value.options import options_report
from app.value.price_years import price_year_findings
from app.value.sensitivity import compute_sensitivity


def value_report(
    document: Mapping[str, Any], account: ValueAccount | None = None
) -> dict[str, Any]:
    """The value calculator's findings on a schema-valid document, JSON-ready::

        {"account": ValueAccount.report(),          # the six headline figures
         "financial_case": financial_case_report(),  # cashable, non-cashable, transfers
         "sensitivity": sensitivity_report(),        # rows, switching, concentration
         "options": options_report(),                # one entry per option with quantities
         "incremental": IncrementalAccount.report() or None,
         "price_years": price_year_findings(),
         "outcome_chains": chain_double_counting()}

    Pass the document's ``account`` when it is already computed.
    """
    with localcontext(ARITHMETIC):
        account = account or compute_account(document)
        incremental = incremental_account(document, account)
        return {
            "account": account.report(),
            "financial_case": account.savings.report(),
            "sensitivity": compute_sensitivity(document, account).report(),
            "options": options_report(document),
            "incremental": incremental.report() if incremental else None,
            "price_years": price_year_findings(document),
            "outcome_chains": chain_double_counting(document),
        }
