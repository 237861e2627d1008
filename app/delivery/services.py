"""Recording contracts, reporting results and verifying them, kept in the database.

Every change is audited on the case it follows (``AuditEvent``) and tells the other side. A
report moves draft → submitted → verified, or submitted → queried → submitted again; a stale
save (another person saved the report since the page was opened) is refused, and a verified
period cannot be reported again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..accounts.models import Organisation, Role, User, utcnow
from ..extensions import db
from ..notifications.services import commissioners_of, members_of, notify
from ..proposals import lifecycle
from ..proposals.models import Proposal
from ..proposals.workflow import Status
from ..workdays import bank_holidays
from .figures import Line, figure_errors, read_figure, report_lines, totals, verified_figures
from .models import Contract, ContractVersion, ResultsReport
from .payments import PeriodPayment, payment_for
from .realised import Comparison, compare
from .schedule import Period, lateness, periods
from .terms import VERIFICATION, ContractTerms


class ReportClosed(Exception):
    """The report cannot be changed now (already submitted, or verified)."""


class ReportChanged(Exception):
    """Someone else saved the report after this page was opened."""


class ContractExists(Exception):
    """The case already has a contract."""


def accepted_document(contract_or_case: Contract | Proposal) -> dict[str, Any]:
    """The version the case was accepted on."""
    case = getattr(contract_or_case, "proposal", contract_or_case)
    return case.versions[-1].document


def contract_of_case(proposal_id: int) -> Contract | None:
    return db.session.scalar(select(Contract).where(Contract.proposal_id == proposal_id))


def for_commissioner(contract_id: int, user: User) -> Contract | None:
    """The contract, if it is the commissioner's body's."""
    contract = db.session.get(Contract, contract_id)
    if contract is None or user.role != Role.COMMISSIONER:
        return None
    return contract if contract.public_body_id == user.public_body_id else None


def for_provider(contract_id: int, user: User) -> Contract | None:
    """The contract, if the person is a member of the organisation delivering it."""
    contract = db.session.get(Contract, contract_id)
    if contract is None or user.organisation_id is None:
        return None
    return contract if contract.provider_organisation_id == user.organisation_id else None


def for_either(contract_id: int, user: User) -> Contract | None:
    return for_commissioner(contract_id, user) or for_provider(contract_id, user)


def contracts_for(user: User) -> list[Contract]:
    """The contracts a person sees: their body's, or those their organisation delivers."""
    query = select(Contract).order_by(Contract.created_at.desc(), Contract.id.desc())
    if user.role == Role.COMMISSIONER:
        query = query.where(Contract.public_body_id == user.public_body_id)
    elif user.organisation_id is not None:
        query = query.where(Contract.provider_organisation_id == user.organisation_id)
    else:
        return []
    return list(db.session.scalars(query))


def case_for_contract(proposal_id: int, user: User) -> Proposal | None:
    """An accepted case of the commissioner's body that has no contract yet."""
    case = db.session.get(Proposal, proposal_id)
    if case is None or user.role != Role.COMMISSIONER or case.public_body_id != user.public_body_id:
        return None
    return case if case.status == Status.ACCEPTED else None


def record_contract(
    case: Proposal,
    terms: ContractTerms,
    provider_organisation_id: int | None,
    provider_name: str,
    actor: User,
    link_for: Any,
) -> tuple[Contract, list]:
    """Record the contract that follows an accepted case; tell the provider's members."""
    contract = Contract(
        proposal_id=case.id,
        public_body_id=case.public_body_id,
        provider_organisation_id=provider_organisation_id,
        provider_name=provider_name,
        created_by_id=actor.id,
    )
    db.session.add(contract)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise ContractExists() from None
    db.session.add(
        ContractVersion(
            contract_id=contract.id,
            number=1,
            terms=terms.to_json(),
            reason="Recorded",
            changed_by_id=actor.id,
        )
    )
    lifecycle.record(case, "record_contract", actor, f"Contract recorded with {contract.provider}.")
    mails = []
    if provider_organisation_id is not None:
        mails = notify(
            members_of(provider_organisation_id),
            case.id,
            f"{case.public_body.name} recorded the contract for '{case.title}': "
            "you can now report results against it.",
            link_for(contract),
        )
    db.session.commit()
    return contract, mails


def change_contract(
    contract: Contract, terms: ContractTerms, reason: str, actor: User, expected_version: int
) -> ContractVersion:
    """A new version of the terms, with the reason; refused if someone changed them first."""
    if contract.current.number != expected_version:
        raise ReportChanged()
    version = ContractVersion(
        contract_id=contract.id,
        number=expected_version + 1,
        terms=terms.to_json(),
        reason=reason.strip(),
        changed_by_id=actor.id,
    )
    db.session.add(version)
    lifecycle.record(
        contract.proposal,
        "change_contract",
        actor,
        f"Contract terms changed (version {version.number}): {reason.strip()}",
    )
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ReportChanged() from None
    return version


@dataclass(frozen=True)
class PeriodState:
    """A reporting period with its report (if any), where it stands and what is due."""

    period: Period
    report: ResultsReport | None
    lateness: str | None
    payment: PeriodPayment

    @property
    def status(self) -> str:
        """The report's status as pages show it."""
        if self.report is not None and self.report.status != "draft":
            return REPORT_STATUS[self.report.status]
        if self.lateness in ("overdue", "late"):
            return "Overdue"
        if self.lateness == "due":
            return "Due"
        if self.report is not None:
            return "Draft"
        return "Not yet due"

    @property
    def open_for_reporting(self) -> bool:
        return self.report is None or self.report.status in ("draft", "queried")


REPORT_STATUS = {
    "draft": "Draft",
    "submitted": "Awaiting verification",
    "queried": "Queried",
    "verified": "Verified",
}


def schedule(contract: Contract, today: date) -> list[PeriodState]:
    """Every period of the contract with its report, lateness and payment."""
    terms = contract.terms
    states = []
    for period in periods(terms, bank_holidays()):
        report = contract.report_for(period.number)
        done = report is not None and report.status in ("submitted", "verified")
        verified = None
        if report is not None and report.status == "verified":
            verified = verified_figures(report.figures, report.checks)
        states.append(
            PeriodState(
                period,
                report,
                None if done else lateness(period, today),
                payment_for(terms, period, verified),
            )
        )
    return states


def period_state(contract: Contract, number: int, today: date) -> PeriodState | None:
    return next((s for s in schedule(contract, today) if s.period.number == number), None)


def lines_of(contract: Contract) -> list[Line]:
    return report_lines(accepted_document(contract), contract.terms)


def figure_errors_of(
    lines: list[Line], form: Mapping[str, str], period: Period, today: date
) -> dict[str, str]:
    """What is wrong with a report as typed, keyed by field, for a full submission."""
    errors: dict[str, str] = {}
    if period.start > today:
        errors["period"] = f"You cannot report on {period.in_words} before it starts"
    for line in lines:
        message = figure_errors(line, form.get(line.field, ""))
        if message:
            errors[line.field] = message
    return errors


def typed_figures(lines: list[Line], form: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """What was typed for each line, kept as typed (a draft may hold half-finished figures)."""
    kept = {}
    for line in lines:
        kept[line.key] = {
            "value": form.get(line.field, "").strip()[:40],
            "evidence": form.get(f"{line.field}-evidence", "").strip()[:5000],
            "reason": form.get(f"{line.field}-reason", "").strip()[:5000],
        }
    return kept


def save_report(
    contract: Contract,
    period: Period,
    lines: list[Line],
    form: Mapping[str, str],
    actor: User,
    expected_revision: int,
    submit: bool,
    link_for: Any,
) -> tuple[ResultsReport, list]:
    """Save a report as a draft, or submit it (its figures are then checked and kept as
    numbers); a verified or awaiting report cannot be changed."""
    report = contract.report_for(period.number)
    if report is None:
        if expected_revision != 0:
            raise ReportChanged()
        report = ResultsReport(contract_id=contract.id, period_number=period.number, revision=0)
        db.session.add(report)
    elif report.status in ("submitted", "verified"):
        raise ReportClosed()
    elif report.revision != expected_revision:
        raise ReportChanged()
    figures = typed_figures(lines, form)
    if submit:
        for line in lines:
            figures[line.key]["value"] = str(read_figure(figures[line.key]["value"], line.money))
    report.figures = figures
    report.learning = form.get("learning", "").strip()[:20000]
    report.revision = (report.revision or 0) + 1
    report.updated_at = utcnow()
    mails = []
    if submit:
        again = report.status == "queried"
        report.status = "submitted"
        report.submitted_at = utcnow()
        report.submitted_by_id = actor.id
        word = "resubmitted" if again else "submitted"
        lifecycle.record(
            contract.proposal, "submit_results", actor, f"Results {word} for {period.label}."
        )
        mails = notify(
            commissioners_of(contract.public_body_id),
            contract.proposal_id,
            f"{contract.provider} {word} results for {period.in_words} of "
            f"'{contract.proposal.title}': they await your verification.",
            link_for(contract, period.number),
        )
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise ReportChanged() from None
    return report, mails


def verify_report(
    contract: Contract,
    report: ResultsReport,
    lines: list[Line],
    form: Mapping[str, str],
    actor: User,
    expected_revision: int,
    link_for: Any,
) -> tuple[dict[str, str], list]:
    """Record the verdict on each figure; errors keyed by field, or none and the report is
    verified (every figure accepted or adjusted) or queried back to the provider."""
    if report.status != "submitted":
        raise ReportClosed()
    if report.revision != expected_revision:
        raise ReportChanged()
    errors: dict[str, str] = {}
    checks: dict[str, dict[str, str]] = {}
    for line in lines:
        verdict = form.get(f"{line.field}-verdict", "")
        reason = form.get(f"{line.field}-check-reason", "").strip()[:5000]
        check = {"verdict": verdict, "reason": reason}
        if verdict not in ("accepted", "queried", "adjusted"):
            errors[f"{line.field}-verdict"] = f"{line.label}: select accept, query or adjust"
        elif verdict in ("queried", "adjusted") and not reason:
            word = "query" if verdict == "queried" else "adjustment"
            errors[f"{line.field}-check-reason"] = f"{line.label}: give the reason for the {word}"
        if verdict == "adjusted":
            typed = form.get(f"{line.field}-adjusted", "")
            value = read_figure(typed, line.money)
            check["value"] = typed.strip()[:40]
            if value is None or value < 0:
                errors[f"{line.field}-adjusted"] = (
                    f"{line.label}: enter the adjusted figure as a number of 0 or more"
                )
            else:
                check["value"] = str(value)
        checks[line.key] = check
    report.checks = checks  # kept as typed, so nothing is lost on an error
    if errors:
        db.session.rollback()
        return errors, []
    queried = [line for line in lines if checks[line.key]["verdict"] == "queried"]
    period = next(
        p for p in periods(contract.terms, bank_holidays()) if p.number == report.period_number
    )
    report.revision += 1
    if queried:
        report.status = "queried"
        names = "; ".join(f"{line.label}: {checks[line.key]['reason']}" for line in queried)
        lifecycle.record(
            contract.proposal, "query_results", actor, f"{period.label} queried. {names}"
        )
        message = (
            f"{contract.public_body.name} queried your results for {period.in_words} of "
            f"'{contract.proposal.title}': {names}"
        )
        recipients = (
            members_of(contract.provider_organisation_id)
            if contract.provider_organisation_id
            else []
        )
    else:
        report.status = "verified"
        report.verified_at = utcnow()
        report.verified_by_id = actor.id
        lifecycle.record(contract.proposal, "verify_results", actor, f"{period.label} verified.")
        message = (
            f"{contract.public_body.name} verified your results for {period.in_words} of "
            f"'{contract.proposal.title}'."
        )
        recipients = (
            members_of(contract.provider_organisation_id)
            if contract.provider_organisation_id
            else []
        )
    mails = notify(
        recipients, contract.proposal_id, message[:1000], link_for(contract, period.number)
    )
    db.session.commit()
    return {}, mails


def comparison(contract: Contract, upto: int | None = None) -> Comparison:
    """Claimed against realised over the verified periods (up to period ``upto``)."""
    terms = contract.terms
    all_periods = periods(terms, bank_holidays())
    months = sum((p.months for p in all_periods), Decimal(0))
    verified = [
        r
        for r in contract.reports
        if r.status == "verified" and (upto is None or r.period_number <= upto)
    ]
    reported_months = sum(
        (p.months for p in all_periods if any(r.period_number == p.number for r in verified)),
        Decimal(0),
    )
    figures = totals(verified_figures(r.figures, r.checks) for r in verified)
    reasons: dict[str, list[str]] = {}
    for report in verified:
        for key, figure in report.figures.items():
            if figure.get("reason"):
                reasons.setdefault(key, []).append(
                    f"Period {report.period_number}: {figure['reason']}"
                )
    share = reported_months / months if months else Decimal(0)
    return compare(accepted_document(contract), figures, share, reasons)


def series(contract: Contract) -> list[tuple[int, Decimal, Decimal]]:
    """Cumulative claimed and realised present value after each verified period."""
    points = []
    for report in contract.reports:
        if report.status == "verified":
            done = comparison(contract, report.period_number)
            points.append(
                (report.period_number, done.forecast.present_value, done.realised.present_value)
            )
    return points


def reports_awaiting(user: User, today: date) -> list[tuple[Contract, PeriodState]]:
    """Reports due, overdue or awaiting verification on this person's contracts."""
    waiting = []
    for contract in contracts_for(user):
        for state in schedule(contract, today):
            report = state.report
            if state.lateness in ("due", "overdue", "late") or (
                report is not None and report.status in ("submitted", "queried")
            ):
                waiting.append((contract, state))
    return waiting


def provider_choices() -> list[tuple[int, str]]:
    """Organisations on the platform that could deliver a contract."""
    return [
        (o.id, o.name) for o in db.session.scalars(select(Organisation).order_by(Organisation.name))
    ]


@dataclass(frozen=True)
class DeliveryRecord:
    """What the register shows of a contract: value claimed and realised, payments on
    results, how results are verified, and reports owed."""

    contract: Contract
    compared: Comparison
    paid_on_results: Decimal
    periods_verified: int
    overdue: int
    late: int

    @property
    def verification(self) -> str:
        return VERIFICATION[self.contract.terms.verification]


def delivery_record(proposal_id: int, today: date) -> DeliveryRecord | None:
    """The register's record of the contract that followed a case, if there is one."""
    contract = contract_of_case(proposal_id)
    if contract is None:
        return None
    states = schedule(contract, today)
    return DeliveryRecord(
        contract=contract,
        compared=comparison(contract),
        paid_on_results=sum(
            (s.payment.on_results for s in states if s.payment.verified), Decimal(0)
        ),
        periods_verified=sum(1 for s in states if s.payment.verified),
        overdue=sum(1 for s in states if s.lateness in ("overdue", "late")),
        late=sum(1 for s in states if s.lateness == "late"),
    )
