"""The value account: SROI arithmetic, options, sensitivity and charts for a proposal document.

Pure domain code: no Flask. Each function takes a proposal document that has passed schema
validation. ``compute_account`` is the account; ``option_accounts`` the same account of each
option appraised; ``incremental_account`` a challenge's difference over today's service;
``compute_sensitivity`` the sensitivity table, switching values and concentration;
``price_year_findings`` and ``chain_double_counting`` what the checks flag in the proxies and
outcome chains; ``value_report`` all of it as JSON for the check report; ``charts`` draws the
account as SVG.
"""

from app.value.account import OutcomeValue, ValueAccount, compute_account
from app.value.chains import chain_double_counting
from app.value.incremental import IncrementalAccount, incremental_account
from app.value.options import option_accounts, options_report
from app.value.price_years import price_year_findings
from app.value.report import value_report
from app.value.savings import SavingsSummary
from app.value.sensitivity import (
    Concentration,
    Sensitivity,
    SensitivityRow,
    SwitchingValue,
    compute_sensitivity,
)

__all__ = [
    "Concentration",
    "IncrementalAccount",
    "OutcomeValue",
    "SavingsSummary",
    "Sensitivity",
    "SensitivityRow",
    "SwitchingValue",
    "ValueAccount",
    "chain_double_counting",
    "compute_account",
    "compute_sensitivity",
    "incremental_account",
    "option_accounts",
    "options_report",
    "price_year_findings",
    "value_report",
]
