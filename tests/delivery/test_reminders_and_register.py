"""Reports due and overdue reach both sides: in their contracts lists, in the daily reminder,
and on the register, which shows each contract's claimed and realised value."""

from sqlalchemy import select

from app.extensions import db
from app.notifications.models import OutboxMail

from .test_contracts_and_results import report_form, verdicts


def mails_to(person) -> list[OutboxMail]:
    query = select(OutboxMail).where(OutboxMail.to == person.email).order_by(OutboxMail.id)
    return list(db.session.scalars(query))


def test_the_provider_is_reminded_of_overdue_reports_once_a_day(runner, contract, provider):
    assert "Wrote" in runner.invoke(args=["send-reminders"]).output
    (mail,) = [m for m in mails_to(provider) if "needing attention" in m.subject]
    assert "3 results reports needing attention" in mail.subject  # periods 1 to 3
    assert "results for period 1 (" in mail.body and "Overdue" in mail.body
    assert f"/contracts/{contract.id}/periods/1" in mail.body
    assert "No reminders to send today." in runner.invoke(args=["send-reminders"]).output


def test_the_commissioner_is_reminded_of_reports_awaiting_verification(
    runner, contract, provider, commissioner, sign_in
):
    form = report_form(**{"revision": "0", "action": "submit"})
    sign_in(provider).post(f"/contracts/{contract.id}/periods/1", data=form)
    runner.invoke(args=["send-reminders"])
    reminder = [m for m in mails_to(commissioner) if "needing attention" in m.subject]
    assert reminder and "Awaiting verification" in reminder[0].body


def test_both_sides_see_reports_due_and_overdue_in_their_contracts_list(
    contract, provider, commissioner, sign_in
):
    page = sign_in(provider).get("/contracts/").get_data(as_text=True)
    assert "Reports needing attention" in page and "Overdue" in page
    page = sign_in(commissioner).get("/contracts/").get_data(as_text=True)
    assert "Overdue" in page and "Carers Trust" in page


def test_the_register_shows_claimed_and_realised_value_payments_and_verification(
    client, contract, provider, commissioner, sign_in
):
    form = report_form(**{"revision": "0", "action": "submit"})
    sign_in(provider).post(f"/contracts/{contract.id}/periods/1", data=form)
    sign_in(commissioner).post(f"/contracts/{contract.id}/periods/1/verify", data=verdicts())
    page = client.get(f"/register/{contract.proposal_id}").get_data(as_text=True)
    assert "Delivery" in page
    assert "Verified independently" in page
    assert "Value claimed to date" in page and "Value realised" in page
    assert "Paid on results" in page and "£5,000" in page  # 12 × £500, held to the cap
    assert "overdue" in page.lower()  # periods 2 and 3 are still owed
