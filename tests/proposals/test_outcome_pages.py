"""An outcome asked over four pages: the change, its value, what is due to the service, evidence;
and the savings that name the outcome producing them."""

from app.proposals.document import validate_document


def add_outcomes(client, proposal, *descriptions):
    base = f"/proposals/{proposal.id}/sections/outcomes"
    for description in descriptions:
        client.post(f"{base}/new", data={"description": description})
    return base


def test_an_outcome_leads_to_another_outcome_of_the_case_never_to_itself(
    member_client, challenge, db, open_tab
):
    base = add_outcomes(member_client, challenge, "Better attendance", "Better exam results")
    page = f"{base}/items/better-attendance"
    form = member_client.get(page).get_data(as_text=True)
    assert '<option value="better-exam-results">Better exam results</option>' in form
    assert '<option value="better-attendance"' not in form
    answered = {
        "description": "Better attendance",
        "leads_to": "better-exam-results",
        "duration_years": "3",
        "duration_reason": "Habits of attendance carry on into the next school year.",
    }
    response = member_client.post(page, data=open_tab(page) | answered)
    assert response.headers["Location"] == f"{page}?page=value"
    db.session.refresh(challenge)
    outcome = challenge.draft["outcomes"][0]
    assert outcome["leads_to"] == "better-exam-results" and outcome["duration_years"] == 3
    assert outcome["duration_reason"].startswith("Habits of attendance")
    assert validate_document(challenge.draft) == []
    answers = member_client.get(f"/proposals/{challenge.id}/check-answers").get_data(as_text=True)
    assert "Which outcome does this change lead to, if any?" in answers
    assert "better-exam-results" not in answers


def test_an_outcome_value_records_its_price_year_kind_and_why_it_was_not_agreed(
    member_client, challenge, db, open_tab
):
    base = add_outcomes(member_client, challenge, "Fewer hospital admissions")
    value = f"{base}/items/fewer-hospital-admissions?page=value"
    answered = {
        "proxy_description": "Cost of an emergency admission",
        "proxy_value": "£1,650",
        "proxy_source": "Unit Costs of Health and Social Care",
        "proxy_price_year": "2012/13",
        "proxy_uprated_to": "2023/24",
        "proxy_kind": "fiscal",
        "proxy_agreed": "no",
        "proxy_not_agreed_reason": "The trust declined to discuss its own costs.",
    }
    response = member_client.post(value, data=open_tab(value) | answered)
    assert response.headers["Location"].endswith("?page=shares")
    db.session.refresh(challenge)
    assert challenge.draft["outcomes"][0]["proxy"] == {
        "description": "Cost of an emergency admission",
        "value": 1650,
        "source": "Unit Costs of Health and Social Care",
        "price_year": "2012/13",
        "uprated_to": "2023/24",
        "kind": "fiscal",
        "agreed_with_stakeholders": False,
        "not_agreed_reason": "The trust declined to discuss its own costs.",
    }
    assert validate_document(challenge.draft) == []
    answers = member_client.get(f"/proposals/{challenge.id}/check-answers").get_data(as_text=True)
    assert "Fiscal: money the public sector spends or saves" in answers
    assert "£1,650" in answers


def test_the_value_page_links_to_the_proxy_library_once_the_library_is_there(
    app, member_client, challenge
):
    base = add_outcomes(member_client, challenge, "Less stress")
    page = member_client.get(f"{base}/items/less-stress?page=value").get_data(as_text=True)
    library = "proxies.choose" in app.view_functions
    assert ("Choose a value from the proxy library" in page) is library
    if library:
        from flask import url_for

        with app.test_request_context():
            link = url_for("proxies.choose", proposal_id=challenge.id, item_id="less-stress")
        assert f'href="{link}"' in page
    first = member_client.get(f"{base}/items/less-stress").get_data(as_text=True)
    assert "Choose a value from the proxy library" not in first


def test_mistyped_shares_are_kept_on_their_own_page_and_the_others_show_the_draft(
    member_client, challenge, db, open_tab
):
    base = add_outcomes(member_client, challenge, "Less stress")
    shares = f"{base}/items/less-stress?page=shares"
    response = member_client.post(
        shares, data=open_tab(shares) | {"deadweight": "a quarter", "attribution": "10%"}
    )
    assert response.headers["Location"] == shares
    text = member_client.get(shares).get_data(as_text=True)
    assert "Deadweight, as a percentage: enter a percentage, like 20% or 3.5%" in text
    assert 'value="a quarter"' in text and 'value="10%"' in text
    first = member_client.get(f"{base}/items/less-stress").get_data(as_text=True)
    assert "Less stress</textarea>" in first and "govuk-error-message" not in first
    db.session.refresh(challenge)
    assert challenge.draft["outcomes"][0]["attribution"] == 0.1
    assert validate_document(challenge.draft) == []
    response = member_client.post(
        shares, data=open_tab(shares) | {"deadweight": "25%", "attribution": "10%"}
    )
    assert response.headers["Location"].endswith("?page=evidence")
    assert 'value="a quarter"' not in member_client.get(shares).get_data(as_text=True)


def test_a_saving_names_its_outcome_and_whether_it_is_a_transfer(member_client, challenge, db):
    add_outcomes(member_client, challenge, "Fewer hospital admissions")
    base = f"/proposals/{challenge.id}/sections/savings"
    form = member_client.get(f"{base}/new").get_data(as_text=True)
    assert "Benefits and tax are transfers: counted in the financial case, never in value." in form
    member_client.post(
        f"{base}/new",
        data={
            "body": "NHS Anytown",
            "outcome": "fewer-hospital-admissions",
            "annual_value": "£24,000",
            "transfer": "no",
            "years": "5",
            "years_reason": "Admissions avoided stay avoided after the contract.",
        },
    )
    db.session.refresh(challenge)
    saving = challenge.draft["savings"][0]
    assert saving["outcome"] == "fewer-hospital-admissions" and saving["transfer"] is False
    assert saving["years"] == 5 and saving["years_reason"].startswith("Admissions avoided")
    assert validate_document(challenge.draft) == []
    answers = member_client.get(f"/proposals/{challenge.id}/check-answers").get_data(as_text=True)
    assert "Which outcome produces the saving" in answers
    assert "Fewer hospital admissions" in answers and "fewer-hospital-admissions" not in answers
