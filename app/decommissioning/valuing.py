"""The value a decommissioning puts at risk, worked out by the value account.

Each affected group's lost outcome becomes one outcome of a proposal-shaped document (the
group its stakeholder), and the annual saving one more line under a stakeholder of its own,
lasting as long as the longest loss: :func:`app.value.compute_account` values both, so the
arithmetic has one home. The value at risk of a group is the present value of its lost
outcome; what is left at risk after mitigation is that less the share mitigation saves.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.value import compute_account
from app.value.money import ONE, ZERO, to_decimal, to_share

SAVING = "annual-saving"
"""The stakeholder id the saving is valued under, apart from every group."""


def group_id(index: int) -> str:
    """The stakeholder id of the group at ``index`` in the value document."""
    return f"group-{index + 1}"


def horizon(groups: Sequence[Mapping[str, Any]]) -> Decimal:
    """The years the saving is counted over: the longest loss, at least one year."""
    longest = max((to_decimal(g.get("duration_years"), ONE) for g in groups), default=ONE)
    return max(ONE, Decimal(math.ceil(longest)))


def value_document(assessment: Mapping[str, Any]) -> dict:
    """The lost outcomes (and the saving) as a document the value account reads."""
    groups = list(assessment.get("groups") or [])
    outcomes = [
        {
            "id": f"lost-{index + 1}",
            "stakeholder": group_id(index),
            "quantity": group.get("quantity"),
            "proxy": {"value": (group.get("proxy") or {}).get("value")},
            "deadweight": group.get("deadweight"),
            "displacement": group.get("displacement"),
            "attribution": group.get("attribution"),
            "drop_off": group.get("drop_off"),
            "duration_years": group.get("duration_years"),
        }
        for index, group in enumerate(groups)
    ]
    saving = (assessment.get("change") or {}).get("annual_saving")
    outcomes.append(
        {
            "id": "saving",
            "stakeholder": SAVING,
            "quantity": 1,
            "proxy": {"value": saving if saving is not None else 0},
            "duration_years": horizon(groups),
        }
    )
    stakeholders = [{"id": group_id(index)} for index in range(len(groups))]
    return {"stakeholders": [*stakeholders, {"id": SAVING}], "outcomes": outcomes}


@dataclass(frozen=True)
class ValueAtRisk:
    """What the change puts at risk, group by group, and the saving over the same years."""

    by_group: tuple[Decimal, ...]
    after_mitigation: tuple[Decimal, ...]
    saving: Decimal  # present value of the annual saving over ``years``
    years: Decimal

    @property
    def total(self) -> Decimal:
        """The present value the change puts at risk, before mitigation."""
        return sum(self.by_group, ZERO)

    @property
    def residual(self) -> Decimal:
        """The present value still lost once each group's mitigation works as planned."""
        return sum(self.after_mitigation, ZERO)

    @property
    def net(self) -> Decimal:
        """The saving less the value still lost (negative: the change destroys more)."""
        return self.saving - self.residual


def value_at_risk(assessment: Mapping[str, Any]) -> ValueAtRisk:
    """The value at risk of an assessment (a mapping as :mod:`.document` gives it)."""
    groups = list(assessment.get("groups") or [])
    account = compute_account(value_document(assessment))
    present = account.by_stakeholder
    by_group = tuple(present.get(group_id(index), ZERO) for index in range(len(groups)))
    mitigated = tuple(
        value * (ONE - to_share((group.get("mitigation") or {}).get("share")))
        for value, group in zip(by_group, groups, strict=True)
    )
    return ValueAtRisk(by_group, mitigated, present.get(SAVING, ZERO), horizon(groups))
