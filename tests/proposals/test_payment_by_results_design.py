"""Payment by results as a design: a share, measures, eligibility, weighting and safeguards."""

from app.proposals.document import validate_document


def test_payment_by_results_is_asked_page_by_page_and_saved_as_a_design(
    member_client, challenge, db, open_tab
):
    url = f"/proposals/{challenge.id}/sections/pbr"
    first = {"uses": "yes", "share": "20%", "evidence_note": "Two pilots in 2022."}
    response = member_client.post(url, data=open_tab(url) | first)
    assert response.headers["Location"] == f"{url}?page=eligibility"
    eligibility = {
        "who": "selected",
        "selected_by": "The school's pastoral team",
        "basis": "need",
        "eligibility": "Young carers referred by schools.",
    }
    response = member_client.post(
        f"{url}?page=eligibility", data=open_tab(f"{url}?page=eligibility") | eligibility
    )
    assert response.headers["Location"] == f"{url}?page=safeguards"
    last = open_tab(f"{url}?page=safeguards") | {
        "harder_to_help": "yes",
        "weighting": "Twice the tariff for carers of a parent with a mental illness.",
        "safeguards": "Every referral is accepted.",
        "completed": "yes",
    }
    response = member_client.post(f"{url}?page=safeguards", data=last)
    assert response.headers["Location"] == f"/proposals/{challenge.id}"
    db.session.refresh(challenge)
    assert challenge.draft["contract"]["payment_by_results"] == {
        "share": 0.2,
        "evidence_ids": [],
        "evidence_note": "Two pilots in 2022.",
        "eligibility": {
            "who": "selected",
            "selected_by": "The school's pastoral team",
            "basis": "need",
            "description": "Young carers referred by schools.",
        },
        "weighting": {
            "harder_to_help": True,
            "description": "Twice the tariff for carers of a parent with a mental illness.",
        },
        "safeguards": "Every referral is accepted.",
    }
    assert validate_document(challenge.draft) == []
    assert "pbr" in challenge.completed_sections
    answers = member_client.get(f"/proposals/{challenge.id}/check-answers").get_data(as_text=True)
    assert "People selected from those referred" in answers and "Their need" in answers


def test_no_payment_by_results_goes_straight_back_to_the_task_list(
    member_client, challenge, db, open_tab
):
    url = f"/proposals/{challenge.id}/sections/pbr"
    response = member_client.post(url, data=open_tab(url) | {"uses": "no", "completed": "yes"})
    assert response.headers["Location"] == f"/proposals/{challenge.id}"
    db.session.refresh(challenge)
    assert challenge.draft["contract"]["payment_by_results"] is None
    assert "pbr" in challenge.completed_sections
    answers = member_client.get(f"/proposals/{challenge.id}/check-answers").get_data(as_text=True)
    assert "Will any payment depend on results?" in answers
    assert "Who can take part?" not in answers


def test_a_measure_names_its_outcome_and_a_period_out_of_range_is_refused_and_kept(
    member_client, challenge, db, open_tab
):
    base = f"/proposals/{challenge.id}/sections"
    member_client.post(f"{base}/outcomes/new", data={"description": "Better attendance"})
    form = member_client.get(f"{base}/pbr_measures/new").get_data(as_text=True)
    assert '<option value="better-attendance">Better attendance</option>' in form
    measure = {
        "description": "Attendance above 90% for a term",
        "type": "sustained_outcome",
        "period_months": "200",
        "tariff": "£1,500",
        "outcome": "better-attendance",
    }
    response = member_client.post(f"{base}/pbr_measures/new", data=measure)
    page = response.headers["Location"]
    text = member_client.get(page).get_data(as_text=True)
    assert "Over how many months is the result measured?: enter a number from 1 to 120" in text
    assert 'value="200"' in text
    db.session.refresh(challenge)
    [measure] = challenge.draft["contract"]["payment_by_results"]["measures"]
    assert measure["tariff"] == 1500 and measure["outcome"] == "better-attendance"
    assert measure["type"] == "sustained_outcome" and "period_months" not in measure
    assert validate_document(challenge.draft) == []
    member_client.post(page, data=open_tab(page) | measure | {"period_months": "6"})
    db.session.refresh(challenge)
    assert challenge.draft["contract"]["payment_by_results"]["measures"][0]["period_months"] == 6
    answers = member_client.get(f"/proposals/{challenge.id}/check-answers").get_data(as_text=True)
    assert "Which outcome of your case does it measure?" in answers
    assert "Better attendance" in answers and "better-attendance" not in answers
