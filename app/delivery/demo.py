"""Demo delivery: the accepted hospital discharge case under contract, three months in.

Reported monthly from the first of the month three months ago: the first month verified
(one figure adjusted), the second queried back to the provider, the third awaiting
verification.
"""

from decimal import Decimal

from sqlalchemy import select

from ..accounts.models import User, utcnow
from ..extensions import db
from ..proposals.models import Proposal
from ..proposals.workflow import Status
from . import services
from .figures import report_lines
from .models import Contract
from .schedule import periods
from .terms import ContractTerms, add_months, terms_from_case

NO_LINK = lambda *_: ""  # noqa: E731 - demo history links nowhere and sends no email


def seed_delivery(commissioner: User, provider: User) -> None:
    """Record the contract and its reports, once."""
    case = db.session.scalar(
        select(Proposal).where(
            Proposal.organisation_id == provider.organisation_id,
            Proposal.status == Status.ACCEPTED,
        )
    )
    if case is None or services.contract_of_case(case.id) is not None:
        return
    start = add_months(utcnow().date().replace(day=1), -3)
    filled = terms_from_case(services.accepted_document(case), start)
    terms = ContractTerms.from_json(
        {
            **filled,
            "start": start.isoformat(),
            "end": filled["end"].isoformat(),
            "annual_value": str(filled["annual_value"]),
            "frequency": "monthly",
            "pbr_share": str(filled["pbr_share"]),
        }
    )
    contract, _ = services.record_contract(
        case, terms, provider.organisation_id, "", commissioner, NO_LINK
    )
    lines = report_lines(services.accepted_document(case), terms)
    first, second, third = periods(terms, frozenset())[:3]
    for period, achieved in ((first, Decimal("0.8")), (second, Decimal("0.9")), (third, 1)):
        form = _figures(lines, period.year_fraction / 4, achieved)  # a four-year contract
        services.save_report(contract, period, lines, form, provider, 0, True, NO_LINK)
    _verify(contract, first.number, lines, commissioner, adjust=lines[0])
    _verify(contract, second.number, lines, commissioner, query=lines[-1])


def _figures(lines, share: Decimal, achieved: Decimal) -> dict[str, str]:
    form = {"learning": "Ward staff refer earlier when a link worker is on the ward each day."}
    for line in lines:
        if line.kind == "measure":  # results paid for: a handful a month
            form[line.field] = str(round(4 * achieved))
            form[f"{line.field}-evidence"] = "Readmissions matched against the trust's records"
            continue
        claimed = (line.claimed or Decimal(0)) * share * achieved
        form[line.field] = str(round(claimed, 2) if line.money else round(claimed))
        form[f"{line.field}-evidence"] = (
            "Invoices and payroll" if line.money else "Hospital discharge records, matched"
        )
    form[f"{lines[0].field}-reason"] = "Referrals were slow in the first weeks"
    return form


def _verify(contract: Contract, number: int, lines, commissioner: User, adjust=None, query=None):
    report = contract.report_for(number)
    form = {"revision": report.revision}
    for line in lines:
        form[f"{line.field}-verdict"] = "accepted"
    if adjust is not None:
        reported = Decimal(report.figures[adjust.key]["value"])
        form[f"{adjust.field}-verdict"] = "adjusted"
        form[f"{adjust.field}-adjusted"] = str(max(reported - 1, Decimal(0)))
        form[f"{adjust.field}-check-reason"] = "One discharge was outside the borough"
    if query is not None:
        form[f"{query.field}-verdict"] = "queried"
        form[f"{query.field}-check-reason"] = "Please send the invoices for the month"
    services.verify_report(contract, report, lines, form, commissioner, report.revision, NO_LINK)
