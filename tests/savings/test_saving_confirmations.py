"""A saving claimed for another body on the platform is confirmed, adjusted or disputed by it."""

from sqlalchemy import func, select

from app.examples import load_example
from app.extensions import db
from app.proposals import services
from app.savings.models import SavingConfirmation
from app.triage import services as triage


def answer(client, line, **data):
    """Post an answer to a saving line."""
    return client.post(f"/savings/{line.id}", data=data)


def test_submitting_invites_only_the_other_body_on_the_platform(
    client, sign_in, submitted, schools_commissioner, line
):
    assert db.session.scalar(select(func.count(SavingConfirmation.id))) == 1
    assert line.status == "unconfirmed"
    assert line.position == 2
    sign_in(schools_commissioner)
    notices = client.get("/notifications/").get_data(as_text=True)
    assert "confirm, adjust or dispute the savings" in notices
    assert "Young carers" in notices or submitted.title in notices
    page = client.get("/savings/").get_data(as_text=True)
    assert "Awaiting your answer" in page
    assert "Less attendance officer time" in page
    assert "£8,000" in page
    assert "Lower annual price" not in page  # the case's own body's saving


def test_resubmitting_asks_again_for_the_new_version(provider, commissioner, submitted, line):
    triage.take(submitted, "start_review", commissioner, "", None, "")
    triage.request_information(submitted, commissioner, ["service"], {"service": "Cost"}, None, "")
    services.submit(submitted, provider, None)
    numbers = db.session.scalars(select(SavingConfirmation.version_number)).all()
    assert sorted(numbers) == [1, 2]


def test_confirming_shows_on_the_review(client, sign_in, schools_commissioner, commissioner, line):
    sign_in(schools_commissioner)
    response = answer(client, line, status="confirmed", reason="")
    assert response.status_code == 302
    assert "Answered" in client.get("/savings/").get_data(as_text=True)
    client.post("/sign-out")
    sign_in(commissioner)
    review = client.get(f"/triage/{line.proposal_id}").get_data(as_text=True)
    assert "Savings confirmed by the bodies that save" in review
    assert "Anytown Schools" in review
    assert "Confirmed" in review
    value = client.get(f"/triage/{line.proposal_id}/value").get_data(as_text=True)
    assert "Savings confirmed by the bodies that save" in value and "Confirmed" in value


def test_adjusting_reads_money_as_written(
    client, sign_in, schools_commissioner, commissioner, line
):
    sign_in(schools_commissioner)
    answer(client, line, status="adjusted", adjusted_value="£6,500", reason="Officers cost less")
    client.post("/sign-out")
    sign_in(commissioner)
    review = client.get(f"/triage/{line.proposal_id}").get_data(as_text=True)
    assert "Adjusted" in review
    assert "To £6,500 a year" in review
    assert "Officers cost less" in review


def test_disputing_shows_on_the_register(
    client, sign_in, schools_commissioner, commissioner, submitted, line
):
    sign_in(schools_commissioner)
    answer(client, line, status="disputed", reason="Attendance officers are not ours")
    triage.take(submitted, "start_review", commissioner, "", None, "")
    triage.decide(
        submitted,
        commissioner,
        triage.DecisionInput("accepted", "Good value for carers", "A contract follows", ()),
        None,
        "",
    )
    client.post("/sign-out")
    entry = client.get(f"/register/{submitted.id}").get_data(as_text=True)
    assert "Savings confirmed by the bodies that save" in entry
    assert "Disputed" in entry
    assert "Attendance officers are not ours" in entry


def test_a_dispute_needs_a_reason(client, sign_in, schools_commissioner, line):
    sign_in(schools_commissioner)
    page = answer(client, line, status="disputed", reason="  ").get_data(as_text=True)
    assert "Enter the reason for your answer" in page
    assert db.session.get(SavingConfirmation, line.id).status == "unconfirmed"


def test_an_unreadable_figure_is_refused_on_its_field_keeping_the_text(
    client, sign_in, schools_commissioner, line
):
    sign_in(schools_commissioner)
    response = answer(client, line, status="adjusted", adjusted_value="lots", reason="Less time")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "enter an amount in pounds, like £180,000" in page
    assert 'href="#adjusted_value"' in page
    assert 'value="lots"' in page
    assert "Less time" in page
    assert db.session.get(SavingConfirmation, line.id).status == "unconfirmed"


def test_an_adjustment_needs_its_figure(client, sign_in, schools_commissioner, line):
    sign_in(schools_commissioner)
    page = answer(client, line, status="adjusted", reason="Less").get_data(as_text=True)
    assert "Enter the annual saving your body expects" in page


def test_an_answer_not_offered_is_refused(client, sign_in, schools_commissioner, line):
    sign_in(schools_commissioner)
    response = answer(client, line, status="unconfirmed", reason="x")
    assert response.status_code == 200
    assert db.session.get(SavingConfirmation, line.id).answered_at is None


def test_another_bodys_commissioner_gets_404(client, sign_in, commissioner, line):
    sign_in(commissioner)
    assert client.get(f"/savings/{line.id}").status_code == 404
    assert answer(client, line, status="confirmed").status_code == 404
    assert "Less attendance officer time" not in client.get("/savings/").get_data(as_text=True)


def test_a_case_with_no_other_body_invites_no_one(provider, body, make_public_body):
    case = services.new_proposal(
        provider.organisation, body, load_example("challenge-village-library-weak"), provider
    )
    db.session.commit()
    services.submit(case, provider, None)
    assert db.session.scalar(select(func.count(SavingConfirmation.id))) == 0
