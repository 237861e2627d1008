"""From an accepted case to a contract, results reported against its impact map, verified
figure by figure, valued and paid for: as the commissioner and the provider see it."""

import re

from sqlalchemy import select

from app.delivery.models import ResultsReport
from app.extensions import db
from app.notifications.models import Notification
from app.proposals.models import AuditEvent

YOUNG_CARERS_LINES = {
    "outcome-less-isolated": "40",
    "outcome-attendance": "20",
    "outcome-parents-less-anxious": "30",
    "outcome-roles-lost": "0",
    "outcome-volunteer-skills": "4",
    "measure-attendance": "12",
    "input-0": "£52,500",
    "input-1": "7,200",
    "input-2": "750",
}


def report_form(**changes) -> dict:
    data = dict(YOUNG_CARERS_LINES)
    data.update({f"{key}-evidence": "School registers" for key in YOUNG_CARERS_LINES})
    data.update(changes)
    return data


def contract_form(**changes) -> dict:
    data = {
        "provider_kind": "organisation",
        "start-day": "1",
        "start-month": "4",
        "start-year": "2026",
        "end-day": "31",
        "end-month": "3",
        "end-year": "2029",
        "annual_value": "£210,000",
        "frequency": "quarterly",
        "verification": "independent",
        "pbr_share": "15%",
        "pbr_cap": "",
        "measures-0-id": "attendance-sustained",
        "measures-0-description": "School attendance above 90%",
        "measures-0-tariff": "100",
        "measures-0-outcome": "attendance",
    }
    data.update(changes)
    return data


def test_the_contract_page_is_filled_in_from_the_accepted_version(accepted, commissioner, sign_in):
    page = sign_in(commissioner).get(f"/contracts/new/{accepted.id}").get_data(as_text=True)
    assert 'value="210,000"' in page  # the accepted contract's annual value
    assert 'value="15"' in page  # its share paid on results, as a percentage
    assert "school attendance of supported young carers above 90%" in page
    assert 'value="quarterly" checked' in page and 'value="independent" checked' in page


def test_a_commissioner_records_the_contract_and_the_provider_is_told(
    accepted, commissioner, provider, sign_in
):
    client = sign_in(commissioner)
    form = contract_form(provider_organisation=str(provider.organisation_id))
    response = client.post(f"/contracts/new/{accepted.id}", data=form)
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Carers Trust" in page and "£210,000" in page
    assert "15% of the annual value, capped at £31,500 a year" in page
    assert "Period 12: 1 January 2029 to 31 March 2029" in page
    told = db.session.scalars(select(Notification).where(Notification.user_id == provider.id))
    assert any("report results" in n.message for n in told)


def test_bad_terms_are_refused_on_their_field_and_nothing_typed_is_lost(
    accepted, commissioner, provider, sign_in
):
    client = sign_in(commissioner)
    form = contract_form(
        provider_organisation=str(provider.organisation_id),
        **{"end-year": "2025", "measures-0-tariff": "£40,000", "annual_value": "lots"},
    )
    page = client.post(f"/contracts/new/{accepted.id}", data=form).get_data(as_text=True)
    assert "There is a problem" in page
    assert "Enter the annual value in pounds, like 180,000" in page
    assert 'value="lots"' in page and 'value="£40,000"' in page
    form = contract_form(
        provider_organisation=str(provider.organisation_id), **{"measures-0-tariff": "£40,000"}
    )
    page = client.post(f"/contracts/new/{accepted.id}", data=form).get_data(as_text=True)
    assert "would pay more for one result than the cap on results payments (£31,500 a year)" in page
    assert 'href="#measures-0-tariff"' in page
    form = contract_form(
        provider_organisation=str(provider.organisation_id), **{"end-year": "2025"}
    )
    page = client.post(f"/contracts/new/{accepted.id}", data=form).get_data(as_text=True)
    assert "The end date must be after the start date" in page


def test_changing_the_terms_makes_a_version_with_its_reason_on_the_audit_trail(
    contract, commissioner, sign_in
):
    client = sign_in(commissioner)
    page = client.get(f"/contracts/{contract.id}/edit").get_data(as_text=True)
    assert "Why are the terms changing?" in page
    form = contract_form(
        provider_organisation=str(contract.provider_organisation_id),
        **{"annual_value": "120,000", "reason": "", "version": "1"},
    )
    page = client.post(f"/contracts/{contract.id}/edit", data=form).get_data(as_text=True)
    assert "Enter why the terms are changing" in page and 'value="120,000"' in page
    form["reason"] = "Budget agreed for a fourth school"
    assert client.post(f"/contracts/{contract.id}/edit", data=form).status_code == 302
    page = client.get(f"/contracts/{contract.id}").get_data(as_text=True)
    assert (
        "£120,000" in page and "Version 2" in page and "Budget agreed for a fourth school" in page
    )
    # a second person editing from version 1 is told, not silently overwritten
    page = client.post(f"/contracts/{contract.id}/edit", data=form).get_data(as_text=True)
    assert "Someone changed these terms while you were editing them" in page
    actions = db.session.scalars(
        select(AuditEvent.action).where(AuditEvent.proposal_id == contract.proposal_id)
    ).all()
    assert "change_contract" in actions and "record_contract" in actions


def test_the_provider_saves_a_draft_then_submits_and_the_body_is_told(
    contract, provider, commissioner, sign_in
):
    client = sign_in(provider)
    page = client.get(f"/contracts/{contract.id}/periods/1").get_data(as_text=True)
    assert "How many Young carers experienced this change in the period?" in page
    draft = report_form(
        **{"outcome-attendance": "about twenty", "revision": "0", "action": "draft"}
    )
    assert client.post(f"/contracts/{contract.id}/periods/1", data=draft).status_code == 302
    page = client.get(f"/contracts/{contract.id}/periods/1").get_data(as_text=True)
    assert 'value="about twenty"' in page  # a draft keeps what was typed
    submit = report_form(
        **{"outcome-attendance": "about twenty", "revision": "1", "action": "submit"}
    )
    page = client.post(f"/contracts/{contract.id}/periods/1", data=submit).get_data(as_text=True)
    assert "enter a number, like 40" in page
    submit["outcome-attendance"] = "20"
    assert client.post(f"/contracts/{contract.id}/periods/1", data=submit).status_code == 302
    report = db.session.scalar(select(ResultsReport))
    assert report.status == "submitted" and report.figures["input:0"]["value"] == "52500"
    told = db.session.scalars(select(Notification).where(Notification.user_id == commissioner.id))
    assert any("await your verification" in n.message for n in told)
    page = client.get(f"/contracts/{contract.id}/periods/1").get_data(as_text=True)
    assert "Awaiting verification" in page and "Submit for verification" not in page


def test_negative_figures_and_periods_not_yet_begun_are_refused(contract, provider, sign_in):
    client = sign_in(provider)
    form = report_form(**{"outcome-attendance": "-3", "revision": "0", "action": "submit"})
    page = client.post(f"/contracts/{contract.id}/periods/1", data=form).get_data(as_text=True)
    assert "the figure cannot be negative" in page and 'value="-3"' in page
    form = report_form(**{"revision": "0", "action": "submit"})
    page = client.post(f"/contracts/{contract.id}/periods/5", data=form).get_data(as_text=True)
    assert "before it starts" in page
    assert client.get(f"/contracts/{contract.id}/periods/99").status_code == 404


def submit_period(client, contract, number: int, **changes) -> None:
    form = report_form(**{"revision": "0", "action": "submit", **changes})
    response = client.post(f"/contracts/{contract.id}/periods/{number}", data=form)
    assert response.status_code == 302, response.get_data(as_text=True)[-2000:]


def verdicts(verdict: str = "accepted", **changes) -> dict:
    data = {f"{key}-verdict": verdict for key in YOUNG_CARERS_LINES}
    data["revision"] = "1"
    data.update(changes)
    return data


def test_a_queried_report_goes_back_and_is_verified_once_resubmitted(
    contract, provider, commissioner, sign_in
):
    submit_period(sign_in(provider), contract, 1)
    client = sign_in(commissioner)
    form = verdicts(**{"measure-attendance-verdict": "queried"})
    page = client.post(f"/contracts/{contract.id}/periods/1/verify", data=form).get_data(
        as_text=True
    )
    assert "give the reason for the query" in page
    form["measure-attendance-check-reason"] = "Only 9 of the 12 have a full year of registers"
    assert client.post(f"/contracts/{contract.id}/periods/1/verify", data=form).status_code == 302
    provider_client = sign_in(provider)
    page = provider_client.get(f"/contracts/{contract.id}/periods/1").get_data(as_text=True)
    assert "Only 9 of the 12 have a full year of registers" in page
    assert "Submit for verification" in page  # open to the provider again
    report = db.session.scalar(select(ResultsReport))
    resubmit = report_form(
        **{"measure-attendance": "9", "revision": str(report.revision), "action": "submit"}
    )
    assert (
        provider_client.post(f"/contracts/{contract.id}/periods/1", data=resubmit).status_code
        == 302
    )
    client = sign_in(commissioner)
    db.session.refresh(report)
    form = verdicts(revision=str(report.revision))
    assert client.post(f"/contracts/{contract.id}/periods/1/verify", data=form).status_code == 302
    db.session.refresh(report)
    assert report.status == "verified"
    page = client.get(f"/contracts/{contract.id}/periods/1").get_data(as_text=True)
    # 210,000 × 85% × 0.25 = 44,625 fixed; 9 × £100 = £900 on results
    # 100,000 × 80% × a quarter = 20,000 fixed; 9 × £500 = £4,500 on results (cap £5,000)
    assert "Carers sustaining school attendance: 9 verified × £500.00 = £4,500.00" in page
    assert "£24,500.00" in page


def test_adjusted_figures_count_at_the_commissioners_figure_and_pay_only_when_verified(
    contract, provider, commissioner, sign_in
):
    submit_period(sign_in(provider), contract, 1)
    client = sign_in(commissioner)
    page = client.get(f"/contracts/{contract.id}/periods/1").get_data(as_text=True)
    assert "the results part waits for verified results" in page
    assert "£20,000.00" in page  # 100,000 × 80% × a quarter, the fixed part only
    form = verdicts(
        **{
            "measure-attendance-verdict": "adjusted",
            "measure-attendance-adjusted": "8",
            "measure-attendance-check-reason": "Four pupils moved school in the period",
        }
    )
    assert client.post(f"/contracts/{contract.id}/periods/1/verify", data=form).status_code == 302
    page = client.get(f"/contracts/{contract.id}/periods/1").get_data(as_text=True)
    assert "Adjusted to 8: Four pupils moved school in the period" in page
    assert "Carers sustaining school attendance: 8 verified × £500.00 = £4,000.00" in page
    assert "£24,000.00" in page
    csv = client.get(f"/contracts/{contract.id}/periods/1/payment.csv").get_data(as_text=True)
    assert "Due for the period (£),24000.0" in csv
    pdf = client.get(f"/contracts/{contract.id}/periods/1/payment.pdf")
    assert pdf.data.startswith(b"%PDF") and pdf.mimetype == "application/pdf"
    # a verified period cannot be reported again
    form = report_form(**{"revision": "3", "action": "submit"})
    response = sign_in(provider).post(f"/contracts/{contract.id}/periods/1", data=form)
    assert response.status_code == 302
    assert db.session.scalar(select(ResultsReport)).status == "verified"


def test_value_realised_is_shown_beside_value_claimed(contract, provider, commissioner, sign_in):
    submit_period(
        sign_in(provider), contract, 1, **{"outcome-attendance-reason": "One school joined late"}
    )
    client = sign_in(commissioner)
    client.post(f"/contracts/{contract.id}/periods/1/verify", data=verdicts())
    page = client.get(f"/contracts/{contract.id}/value").get_data(as_text=True)
    assert "Value realised beside value claimed" in page
    assert "12.5% of the term" in page  # one quarter of eight
    assert "Period 1: One school joined late" in page
    assert re.search(r"<svg[^>]+role=\"img\"", page) and "Period 1" in page
    assert "Young carers" in page


def test_only_the_providers_members_report_and_only_the_bodys_commissioners_verify(
    contract, make_user, make_organisation, make_public_body, sign_in, provider
):
    from app.accounts.models import Role

    outsider = make_user(Role.CSO, organisation=make_organisation("Other Charity"))
    other_body = make_user(Role.COMMISSIONER, public_body=make_public_body("Elsewhere Council"))
    form = report_form(**{"revision": "0", "action": "submit"})
    assert (
        sign_in(outsider).post(f"/contracts/{contract.id}/periods/1", data=form).status_code == 404
    )
    assert sign_in(other_body).get(f"/contracts/{contract.id}/periods/1/verify").status_code == 404
    assert sign_in(provider).get(f"/contracts/{contract.id}/periods/1/verify").status_code == 403


def test_the_proposers_case_page_leads_to_its_contract(accepted, contract, provider, sign_in):
    page = sign_in(provider).get(f"/proposals/{accepted.id}").get_data(as_text=True)
    assert "recorded the contract with Carers Trust" in page
    assert f'href="/contracts/{contract.id}"' in page


def test_who_delivers_is_asked_with_both_follow_up_questions_always_shown(
    accepted, commissioner, sign_in
):
    client = sign_in(commissioner)
    page = client.get(f"/contracts/new/{accepted.id}").get_data(as_text=True)
    assert (
        'id="provider_kind" name="provider_kind" type="radio" value="organisation" checked' in page
    )
    assert "If an organisation on Valuecase: which organisation?" in page
    assert "If another provider: the provider’s name" in page
    # a radio that reveals content is marked aria-expanded, which radios may not have
    assert "govuk-radios__conditional" not in page and "data-aria-controls" not in page
    refused = client.post(
        f"/contracts/new/{accepted.id}", data=contract_form(provider_kind="named")
    ).get_data(as_text=True)
    assert 'href="#provider_name"' in refused and 'id="provider_name-error"' in refused
