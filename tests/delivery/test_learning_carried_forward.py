"""What services already delivered show about a new case's claims, and about each tier."""

from app.delivery.learning import delivered_matches, delivery_by_tier
from app.examples import load_example

from .test_contracts_and_results import report_form, verdicts


def deliver_first_period(contract, provider, commissioner, sign_in) -> None:
    form = report_form(**{"revision": "0", "action": "submit", "outcome-attendance": "30"})
    sign_in(provider).post(f"/contracts/{contract.id}/periods/1", data=form)
    sign_in(commissioner).post(f"/contracts/{contract.id}/periods/1/verify", data=verdicts())


def test_a_new_case_with_the_same_indicator_learns_what_was_delivered(
    contract, provider, commissioner, sign_in
):
    new_case = load_example("challenge-young-carers")
    assert delivered_matches(new_case, exclude_case=0) == []  # nothing verified yet
    deliver_first_period(contract, provider, commissioner, sign_in)
    matches = delivered_matches(new_case, exclude_case=0)
    attendance = [m for m in matches if m.realised == 30]
    assert attendance and attendance[0].matched_by in ("the same proxy", "the same indicator")
    # 150 claimed over two years: an eighth of that is due after one quarter
    assert attendance[0].claimed_to_date == 150 / 8
    assert attendance[0].deadweight is not None
    # a case is never matched with its own delivery
    assert delivered_matches(new_case, exclude_case=contract.proposal_id) == []


def test_delivery_is_summed_by_the_tier_the_case_was_decided_at(
    contract, provider, commissioner, sign_in
):
    deliver_first_period(contract, provider, commissioner, sign_in)
    (row,) = delivery_by_tier(contract.public_body_id)
    assert row.tier == (contract.proposal.tier or "not recorded")
    assert row.contracts == 1 and row.with_results == 1
    assert 0 < row.realised_share < 2


def test_the_review_and_the_rules_page_show_what_was_delivered(
    contract, provider, commissioner, sign_in, make_user, make_organisation, body
):
    from app.accounts.models import Role
    from app.examples import load_example
    from app.extensions import db
    from app.proposals import services

    deliver_first_period(contract, provider, commissioner, sign_in)
    other = make_user(Role.CSO, organisation=make_organisation("Another Carers Charity"))
    case = services.new_proposal(
        other.organisation, body, load_example("challenge-young-carers"), other
    )
    db.session.commit()
    services.submit(case, other, None)
    page = sign_in(commissioner).get(f"/triage/{case.id}/value").get_data(as_text=True)
    assert "What similar services delivered" in page
    assert "Carers Trust" in page and "matched by the same" in page
    rules = sign_in(commissioner).get("/rules").get_data(as_text=True)
    assert "How cases at each tier went on to deliver" in rules
    assert "No contract has verified results yet." not in rules


def test_an_accepted_case_offers_to_record_its_contract(accepted, commissioner, sign_in):
    client = sign_in(commissioner)
    page = client.get(f"/triage/{accepted.id}").get_data(as_text=True)
    assert "Record the contract" in page and f"/contracts/new/{accepted.id}" in page
