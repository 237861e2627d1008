"""Contract, results report, verification, realised value and payment pages."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from ..accounts.access import role_required
from ..accounts.models import Role, utcnow
from ..csv_download import csv_response
from ..links import external_url
from ..notifications.services import deliver
from ..reports.pdf import render_as_pdf
from ..value.money import format_number, format_pounds
from . import services
from .charts import claimed_and_realised_svg
from .figures import read_figure
from .forms import ActionForm, read_contract, values_from_terms
from .schedule import long_date
from .terms import VERIFICATION, terms_from_case

bp = Blueprint("delivery", __name__, url_prefix="/contracts")


@bp.app_template_filter("long_date")
def long_date_filter(day) -> str:
    return long_date(day)


@bp.app_template_global()
def case_contract(proposal_id: int):
    """The contract that followed a case, for the pages that show the case."""
    return services.contract_of_case(proposal_id)


@bp.app_template_filter("figure")
def figure_filter(value, money: bool) -> str:
    """A reported figure as written: pounds for spending, a number for counts."""
    amount = read_figure(str(value), money) if value not in (None, "") else None
    if amount is None:
        return str(value or "")
    return (
        format_pounds(amount, 2 if amount != amount.to_integral_value() else 0)
        if money
        else format_number(amount)
    )


def today():
    return utcnow().date()


def contract_link(contract) -> str:
    return external_url("delivery.contract", contract_id=contract.id)


def period_link(contract, number: int) -> str:
    return external_url("delivery.report", contract_id=contract.id, number=number)


def seen_contract(contract_id: int):
    """The contract if the person is on either side of it, else 404."""
    return services.for_either(contract_id, current_user) or abort(404)


def outcome_choices(document) -> dict[str, str]:
    return {
        str(o.get("id")): o.get("description") or str(o.get("id"))
        for o in document.get("outcomes") or []
    }


@bp.get("/")
@login_required
def index():
    """The contracts a person's body commissions or their organisation delivers."""
    contracts = services.contracts_for(current_user)
    waiting = services.reports_awaiting(current_user, today())
    return render_template(
        "delivery/index.html", contracts=contracts, waiting=waiting, commissioner=is_commissioner()
    )


def is_commissioner() -> bool:
    return current_user.role == Role.COMMISSIONER


@bp.route("/new/<int:proposal_id>", methods=["GET", "POST"])
@role_required(Role.COMMISSIONER)
def new(proposal_id: int):
    """Record the contract that follows an accepted case, pre-filled from it."""
    case = services.case_for_contract(proposal_id, current_user) or abort(404)
    existing = services.contract_of_case(case.id)
    if existing is not None:
        return redirect(url_for(".contract", contract_id=existing.id))
    document = services.accepted_document(case)
    outcomes = outcome_choices(document)
    organisations = dict(services.provider_choices())
    form = ActionForm()
    errors: dict[str, str] = {}
    if request.method == "POST" and form.validate_on_submit():
        terms, typed = read_contract(request.form, outcomes, organisations)
        values, errors = typed.values, typed.errors
        if terms is not None:
            named = values["provider_kind"] == "named"
            try:
                contract, mails = services.record_contract(
                    case,
                    terms,
                    None if named else int(values["provider_organisation"]),
                    values["provider_name"] if named else "",
                    current_user,
                    contract_link,
                )
            except services.ContractExists:
                flash("The contract for this case had already been recorded.")
                return redirect(
                    url_for(".contract", contract_id=services.contract_of_case(case.id).id)
                )
            deliver(current_app.config, mails)
            flash("Contract recorded", "success")
            return redirect(url_for(".contract", contract_id=contract.id))
    else:
        values = values_from_terms(
            terms_from_case(document, today()),
            {
                "provider_kind": "organisation",
                "provider_organisation": str(case.organisation_id),
                "provider_name": "",
            },
        )
    values["measures"] = values["measures"] + [
        {"id": "", "description": "", "tariff": "", "outcome": ""}
    ]
    return render_template(
        "delivery/contract_form.html",
        case=case,
        contract=None,
        form=form,
        values=values,
        errors=errors,
        outcomes=outcomes,
        organisations=organisations,
        verification=VERIFICATION,
    )


@bp.get("/<int:contract_id>")
@login_required
def contract(contract_id: int):
    """The contract: its terms, their versions, the reporting schedule and payments."""
    contract = seen_contract(contract_id)
    return render_template(
        "delivery/contract.html",
        contract=contract,
        terms=contract.terms,
        schedule=services.schedule(contract, today()),
        commissioner=services.for_commissioner(contract.id, current_user) is not None,
        provider=services.for_provider(contract.id, current_user) is not None,
        verification=VERIFICATION,
    )


@bp.route("/<int:contract_id>/edit", methods=["GET", "POST"])
@role_required(Role.COMMISSIONER)
def edit(contract_id: int):
    """Change the terms: a new version, with the reason."""
    contract = services.for_commissioner(contract_id, current_user) or abort(404)
    document = services.accepted_document(contract)
    outcomes = outcome_choices(document)
    organisations = dict(services.provider_choices())
    form = ActionForm()
    errors: dict[str, str] = {}
    version = contract.current.number
    if request.method == "POST" and form.validate_on_submit():
        expected = request.form.get("version", type=int) or 0
        terms, typed = read_contract(request.form, outcomes, organisations)
        values, errors = typed.values, typed.errors
        if not values["reason"]:
            errors["reason"] = "Enter why the terms are changing"
        if terms is not None and not errors:
            try:
                services.change_contract(contract, terms, values["reason"], current_user, expected)
            except services.ReportChanged:
                errors["version"] = (
                    "Someone changed these terms while you were editing them: check the "
                    "current terms below, then make your change again"
                )
            else:
                flash("Contract terms changed", "success")
                return redirect(url_for(".contract", contract_id=contract.id))
    else:
        values = values_from_terms(
            contract.current.terms,
            {
                "provider_kind": "organisation" if contract.provider_organisation_id else "named",
                "provider_organisation": str(contract.provider_organisation_id or ""),
                "provider_name": contract.provider_name,
            },
        )
    values["measures"] = values["measures"] + [
        {"id": "", "description": "", "tariff": "", "outcome": ""}
    ]
    return render_template(
        "delivery/contract_form.html",
        case=contract.proposal,
        contract=contract,
        version=version,
        form=form,
        values=values,
        errors=errors,
        outcomes=outcomes,
        organisations=organisations,
        verification=VERIFICATION,
    )


@bp.route("/<int:contract_id>/periods/<int:number>", methods=["GET", "POST"])
@login_required
def report(contract_id: int, number: int):
    """A period's results: the provider reports them, the body reads and verifies them."""
    contract = seen_contract(contract_id)
    state = services.period_state(contract, number, today()) or abort(404)
    provider = services.for_provider(contract.id, current_user) is not None
    commissioner = services.for_commissioner(contract.id, current_user) is not None
    lines = services.lines_of(contract)
    form = ActionForm()
    errors: dict[str, str] = {}
    typed = None
    if request.method == "POST":
        if not provider:
            abort(403)
        if form.validate_on_submit():
            submit = request.form.get("action") == "submit"
            expected = request.form.get("revision", type=int) or 0
            if submit:
                errors = services.figure_errors_of(lines, request.form, state.period, today())
            if not errors:
                try:
                    _, mails = services.save_report(
                        contract,
                        state.period,
                        lines,
                        request.form,
                        current_user,
                        expected,
                        submit,
                        period_link,
                    )
                except services.ReportClosed:
                    flash("This period's results have already been submitted.")
                    return redirect(url_for(".report", contract_id=contract.id, number=number))
                except services.ReportChanged:
                    errors["revision"] = (
                        "Someone else saved this report while you were editing it: your figures "
                        "are below; check theirs on the contract page before you save again"
                    )
                else:
                    deliver(current_app.config, mails)
                    flash(
                        "Results submitted for verification" if submit else "Draft saved",
                        "success",
                    )
                    return redirect(url_for(".report", contract_id=contract.id, number=number))
        typed = services.typed_figures(lines, request.form)
    report_row = state.report
    shown = typed or (report_row.figures if report_row else {})
    learning = (
        request.form.get("learning", "") if typed else (report_row.learning if report_row else "")
    )
    return render_template(
        "delivery/report.html",
        contract=contract,
        state=state,
        lines=lines,
        shown=shown,
        learning=learning,
        form=form,
        errors=errors,
        provider=provider,
        commissioner=commissioner,
        working=state.payment.working(contract.terms),
    )


@bp.route("/<int:contract_id>/periods/<int:number>/verify", methods=["GET", "POST"])
@role_required(Role.COMMISSIONER)
def verify(contract_id: int, number: int):
    """Verify a submitted report figure by figure: accept, query or adjust with a reason."""
    contract = services.for_commissioner(contract_id, current_user) or abort(404)
    state = services.period_state(contract, number, today()) or abort(404)
    report_row = state.report
    if report_row is None or report_row.status != "submitted":
        flash("There is no report awaiting verification for this period.")
        return redirect(url_for(".report", contract_id=contract.id, number=number))
    lines = services.lines_of(contract)
    form = ActionForm()
    errors: dict[str, str] = {}
    checks = dict(report_row.checks or {})
    if request.method == "POST" and form.validate_on_submit():
        expected = request.form.get("revision", type=int) or 0
        try:
            errors, mails = services.verify_report(
                contract, report_row, lines, request.form, current_user, expected, period_link
            )
        except (services.ReportClosed, services.ReportChanged):
            flash("This report changed while you were verifying it: check it again.")
            return redirect(url_for(".report", contract_id=contract.id, number=number))
        if not errors:
            deliver(current_app.config, mails)
            flash(
                f"{state.period.label}: {services.REPORT_STATUS[report_row.status].lower()}",
                "success",
            )
            return redirect(url_for(".report", contract_id=contract.id, number=number))
        checks = {
            line.key: {
                "verdict": request.form.get(f"{line.field}-verdict", ""),
                "value": request.form.get(f"{line.field}-adjusted", ""),
                "reason": request.form.get(f"{line.field}-check-reason", ""),
            }
            for line in lines
        }
    return render_template(
        "delivery/verify.html",
        contract=contract,
        state=state,
        report=report_row,
        lines=lines,
        checks=checks,
        form=form,
        errors=errors,
    )


@bp.get("/<int:contract_id>/value")
@login_required
def value(contract_id: int):
    """Value realised beside value claimed, to date and period by period."""
    contract = seen_contract(contract_id)
    compared = services.comparison(contract)
    points = services.series(contract)
    return render_template(
        "delivery/value.html",
        contract=contract,
        compared=compared,
        points=points,
        chart=claimed_and_realised_svg(points),
    )


def payment_rows(contract, state) -> list[list]:
    terms = contract.terms
    payment = state.payment
    rows = [
        ["Contract", contract.proposal.title],
        ["Provider", contract.provider],
        ["Period", state.period.label],
        ["Results verified", "yes" if payment.verified else "no"],
        ["Fixed part (£)", float(payment.fixed)],
    ]
    for line in payment.lines:
        rows.append([f"{line.measure}: results verified", float(line.results)])
        rows.append([f"{line.measure}: tariff (£)", float(line.tariff)])
        rows.append([f"{line.measure}: earned (£)", float(line.amount)])
    if terms.measures:
        rows.append(["Cap for the period (£)", float(payment.cap)])
        rows.append(["Paid on results (£)", float(payment.on_results)])
    rows.append(["Due for the period (£)", float(payment.total)])
    return rows


@bp.get("/<int:contract_id>/periods/<int:number>/payment.csv")
@role_required(Role.COMMISSIONER)
def payment_csv(contract_id: int, number: int):
    """The period's payment schedule as CSV."""
    contract = services.for_commissioner(contract_id, current_user) or abort(404)
    state = services.period_state(contract, number, today()) or abort(404)
    return csv_response(
        f"payment-contract-{contract.id}-period-{number}.csv",
        ["Item", "Value"],
        payment_rows(contract, state),
    )


@bp.get("/<int:contract_id>/periods/<int:number>/payment.pdf")
@role_required(Role.COMMISSIONER)
def payment_pdf(contract_id: int, number: int):
    """The period's payment schedule as PDF, with its working."""
    contract = services.for_commissioner(contract_id, current_user) or abort(404)
    state = services.period_state(contract, number, today()) or abort(404)
    html = render_template(
        "delivery/payment_pdf.html",
        contract=contract,
        state=state,
        working=state.payment.working(contract.terms),
    )
    name = f"payment-contract-{contract.id}-period-{number}.pdf"
    return current_app.response_class(
        render_as_pdf(html, request.url_root),
        mimetype="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
