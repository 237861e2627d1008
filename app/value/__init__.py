"""The value account: SROI arithmetic, sensitivity and charts for a proposal document.

Pure domain code: no Flask. ``compute_account`` and ``compute_sensitivity`` take a proposal
document that has passed schema validation; ``charts`` draws the account as SVG.
"""

from app.value.account import OutcomeValue, SavingsSummary, ValueAccount, compute_account
from app.value.sensitivity import (
    Sensitivity,
    SensitivityRow,
    SwitchingValue,
    compute_sensitivity,
)

__all__ = [
    "OutcomeValue",
    "SavingsSummary",
    "Sensitivity",
    "SensitivityRow",
    "SwitchingValue",
    "ValueAccount",
    "compute_account",
    "compute_sensitivity",
]
