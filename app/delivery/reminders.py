"""Results reports in the daily reminder: what each person must report or verify.

A provider's members are reminded of reports due, overdue or queried back to them; a body's
commissioners of reports awaiting their verification and of reports overdue from providers.
The reminder itself (one email a person a day) is :mod:`app.triage.reminders`'.
"""

from collections.abc import Callable
from datetime import date

from sqlalchemy import select

from ..accounts.models import Role, User
from ..extensions import db
from .models import Contract
from .services import PeriodState, reports_awaiting


def reports_to_remind(person: User, today: date) -> list[tuple[Contract, PeriodState]]:
    """The reports this person should act on, or hear about, today."""
    waiting = reports_awaiting(person, today)
    if person.role == Role.COMMISSIONER:
        return [
            (contract, state)
            for contract, state in waiting
            if state.status in ("Awaiting verification", "Overdue")
        ]
    return [
        (contract, state)
        for contract, state in waiting
        if state.status in ("Due", "Overdue", "Queried")
    ]


def providers_to_remind() -> list[User]:
    """Active members of organisations delivering a contract."""
    organisations = select(Contract.provider_organisation_id).where(
        Contract.provider_organisation_id.is_not(None)
    )
    query = select(User).where(User.organisation_id.in_(organisations), User.active.is_(True))
    return list(db.session.scalars(query.order_by(User.id)))


def report_lines(
    items: list[tuple[Contract, PeriodState]], report_link: Callable[[int, int], str]
) -> list[str]:
    """The reminder's lines for these reports."""
    lines = []
    for contract, state in items:
        period = state.period
        lines += [
            f"- {contract.proposal.title}: results for {period.in_words}",
            f"  {state.status}; due {period.due.strftime('%-d %B %Y')}",
            f"  {report_link(contract.id, period.number)}",
        ]
    return lines
