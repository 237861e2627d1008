"""Options with values: a kind, a yearly cost, a value estimate and a number for each outcome."""

from app.proposals.document import validate_document


def with_outcomes(client, proposal):
    base = f"/proposals/{proposal.id}/sections"
    client.post(f"{base}/stakeholders/new", data={"name": "Young carers"})
    for description in ("Better attendance", "Less stress from caring"):
        client.post(
            f"{base}/outcomes/new", data={"stakeholder": "young-carers", "description": description}
        )
    return base


def test_an_option_gives_its_costs_value_and_a_number_for_each_outcome(
    member_client, challenge, db, open_tab
):
    base = with_outcomes(member_client, challenge)
    response = member_client.post(
        f"{base}/options/new",
        data={"name": "Today's service", "kind": "status_quo", "chosen": "no"},
    )
    values = f"{base}/options/items/today-s-service?page=values"
    assert response.headers["Location"] == values
    page = member_client.get(values).get_data(as_text=True)
    assert "How many would experience each outcome under this option" in page
    assert "Better attendance" in page and "Less stress from caring" in page
    answered = {
        "annual_cost": "£180,000",
        "value_estimate": "-£5,000",
        "quantities-better-attendance": "1,200",
        "quantities-less-stress-from-caring": "",
    }
    assert member_client.post(values, data=open_tab(values) | answered).status_code == 302
    db.session.refresh(challenge)
    option = challenge.draft["need"]["options"][0]
    assert option == {
        "id": "today-s-service",
        "name": "Today's service",
        "kind": "status_quo",
        "description": "",
        "chosen": False,
        "annual_cost": 180000,
        "value_estimate": -5000,
        "quantities": [{"outcome": "better-attendance", "quantity": 1200}],
    }
    assert validate_document(challenge.draft) == []
    shown = member_client.get(values).get_data(as_text=True)
    assert 'value="180000"' in shown and 'value="1200"' in shown
    answers = member_client.get(f"/proposals/{challenge.id}/check-answers").get_data(as_text=True)
    assert "Better attendance: 1200" in answers and "-£5,000" in answers
    assert "The status quo: things carry on as they are" in answers


def test_a_quantity_that_is_not_a_number_is_refused_naming_its_outcome_and_kept(
    member_client, challenge, db, open_tab
):
    base = with_outcomes(member_client, challenge)
    member_client.post(f"{base}/options/new", data={"name": "Do the minimum"})
    values = f"{base}/options/items/do-the-minimum?page=values"
    typed = {"annual_cost": "£90,000", "quantities-better-attendance": "most of them"}
    response = member_client.post(values, data=open_tab(values) | typed)
    assert response.headers["Location"] == values
    page = member_client.get(values).get_data(as_text=True)
    assert "Better attendance: enter a number" in page
    assert 'value="most of them"' in page and 'value="£90,000"' in page
    db.session.refresh(challenge)
    option = challenge.draft["need"]["options"][0]
    assert option["annual_cost"] == 90000 and "quantities" not in option
    assert validate_document(challenge.draft) == []


def test_an_option_before_any_outcome_says_to_add_outcomes_first(member_client, propose):
    base = f"/proposals/{propose.id}/sections/options"
    member_client.post(f"{base}/new", data={"name": "Do the minimum"})
    page = member_client.get(f"{base}/items/do-the-minimum?page=values").get_data(as_text=True)
    assert "Add the outcomes of your case first" in page


def test_an_outcome_an_option_counts_cannot_be_removed(member_client, challenge, db, open_tab):
    base = with_outcomes(member_client, challenge)
    member_client.post(f"{base}/options/new", data={"name": "Do the minimum"})
    values = f"{base}/options/items/do-the-minimum?page=values"
    member_client.post(values, data=open_tab(values) | {"quantities-better-attendance": "40"})
    remove = f"{base}/outcomes/items/better-attendance/remove"
    refused = member_client.get(remove).get_data(as_text=True)
    assert "You cannot remove Better attendance yet" in refused and "option 1" in refused
    member_client.post(remove, data={"revision": challenge.revision})
    db.session.refresh(challenge)
    assert len(challenge.draft["outcomes"]) == 2
