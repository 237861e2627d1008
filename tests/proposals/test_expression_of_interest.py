"""A challenge's expression of interest: resources, capability, staff, and its consortium."""

from app.proposals.document import validate_document


def test_a_staff_led_challenge_is_then_asked_how_it_engages_other_employees(
    member_client, challenge, db, open_tab
):
    url = f"/proposals/{challenge.id}/sections/expression_of_interest"
    first = {
        "financial_resources": "Reserves of £240,000 and a £50,000 bank facility.",
        "capability_evidence": "We have run breaks for young carers since 2015.",
    }
    response = member_client.post(url, data=open_tab(url) | first)
    assert response.headers["Location"] == f"{url}?page=staff"
    staff = {"staff_led": "yes", "tupe_and_pensions": "Staff transfer under TUPE."}
    response = member_client.post(f"{url}?page=staff", data=open_tab(f"{url}?page=staff") | staff)
    assert response.headers["Location"] == f"{url}?page=engagement"
    engagement = f"{url}?page=engagement"
    page = member_client.get(engagement).get_data(as_text=True)
    assert "How you will engage the other employees the change affects" in page
    assert "Have you completed this section?" in page
    response = member_client.post(
        engagement,
        data=open_tab(engagement) | {"employee_engagement": "Monthly open meetings."},
    )
    assert response.headers["Location"] == f"/proposals/{challenge.id}"
    db.session.refresh(challenge)
    interest = challenge.draft["expression_of_interest"]
    assert interest | {"consortium": []} == {
        "financial_resources": "Reserves of £240,000 and a £50,000 bank facility.",
        "capability_evidence": "We have run breaks for young carers since 2015.",
        "staff_led": True,
        "tupe_and_pensions": "Staff transfer under TUPE.",
        "employee_engagement": "Monthly open meetings.",
        "consortium": [],
    }
    assert validate_document(challenge.draft) == []


def test_a_challenge_not_led_by_staff_is_not_asked_about_engaging_employees(
    member_client, challenge, db, open_tab
):
    url = f"/proposals/{challenge.id}/sections/expression_of_interest?page=staff"
    page = member_client.get(url).get_data(as_text=True)
    assert "Have you completed this section?" in page
    response = member_client.post(url, data=open_tab(url) | {"staff_led": "no"})
    assert response.headers["Location"] == f"/proposals/{challenge.id}"
    answers = member_client.get(f"/proposals/{challenge.id}/check-answers").get_data(as_text=True)
    assert "Is your organisation made up of, or led by, employees of the public body?" in answers
    assert "How you will engage the other employees" not in answers


def test_consortium_members_and_subcontractors_are_listed_with_their_resources(
    member_client, challenge, db
):
    base = f"/proposals/{challenge.id}/sections/consortium"
    partner = {
        "name": "Anytown Community Transport",
        "role": "subcontractor",
        "financial_resources": "Turnover of £400,000.",
        "capability_evidence": "Runs the council's school transport.",
    }
    assert member_client.post(f"{base}/new", data=partner).status_code == 302
    assert "Anytown Community Transport" in member_client.get(base).get_data(as_text=True)
    db.session.refresh(challenge)
    assert challenge.draft["expression_of_interest"]["consortium"] == [
        {
            "name": "Anytown Community Transport",
            "role": "subcontractor",
            "financial_resources": "Turnover of £400,000.",
            "capability_evidence": "Runs the council's school transport.",
        }
    ]
    assert validate_document(challenge.draft) == []
    answers = member_client.get(f"/proposals/{challenge.id}/check-answers").get_data(as_text=True)
    assert "Its part in the bid" in answers and "A sub-contractor" in answers


def test_a_part_in_the_bid_not_offered_is_refused_naming_the_question(member_client, challenge, db):
    base = f"/proposals/{challenge.id}/sections/consortium"
    response = member_client.post(f"{base}/new", data={"name": "Riverside Trust", "role": "lead"})
    text = member_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Its part in the bid: choose from the options shown" in text
    assert 'value="Riverside Trust"' in text
    db.session.refresh(challenge)
    [partner] = challenge.draft["expression_of_interest"]["consortium"]
    assert partner["name"] == "Riverside Trust" and "role" not in partner
    assert validate_document(challenge.draft) == []


def test_a_proposal_has_no_expression_of_interest(member_client, propose):
    overview = member_client.get(f"/proposals/{propose.id}").get_data(as_text=True)
    assert "Expression of interest" not in overview
    assert "Consortium members and sub-contractors" not in overview
    url = f"/proposals/{propose.id}/sections/expression_of_interest"
    assert member_client.get(url).status_code == 404
    assert member_client.get(f"/proposals/{propose.id}/sections/consortium").status_code == 404
