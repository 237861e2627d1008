"""Public bodies chosen from those on the platform, by the name the platform gives them."""

from app.proposals import services
from app.proposals.document import validate_document
from app.proposals.sections import BY_KEY


def test_the_service_chooses_bodies_on_the_platform_and_names_others(
    member_client, challenge, db, open_tab, make_public_body
):
    make_public_body("NHS Anytown")
    url = f"/proposals/{challenge.id}/sections/service"
    page = member_client.get(url).get_data(as_text=True)
    assert 'type="checkbox" value="Anytown Borough Council"' in page
    assert 'type="checkbox" value="NHS Anytown"' in page
    chosen = {
        "public_bodies": ["NHS Anytown", "Anytown Borough Council"],
        "public_bodies-other": "Department for Work and Pensions\nAnytown Police",
    }
    member_client.post(url, data=open_tab(url) | chosen)
    db.session.refresh(challenge)
    assert challenge.draft["service"]["public_bodies"] == [
        "Anytown Borough Council",
        "NHS Anytown",
        "Department for Work and Pensions",
        "Anytown Police",
    ]
    assert validate_document(challenge.draft) == []
    page = member_client.get(url).get_data(as_text=True)
    assert 'value="NHS Anytown" checked' in page
    assert "Department for Work and Pensions\nAnytown Police</textarea>" in page


def test_an_other_body_named_too_long_is_refused_naming_the_box_and_kept(
    member_client, challenge, db, open_tab
):
    url = f"/proposals/{challenge.id}/sections/service"
    typed = {"public_bodies-other": "x" * 201, "name": "Young carers' breaks"}
    text = member_client.post(url, data=open_tab(url) | typed).get_data(as_text=True)
    assert "Other public bodies: line 1 is too long; use 200 characters or fewer" in text
    assert "x" * 201 + "</textarea>" in text
    db.session.refresh(challenge)
    assert challenge.draft["service"]["name"] == "Young carers' breaks"
    assert validate_document(challenge.draft) == []


def test_a_challenger_records_that_the_body_withheld_todays_cost(
    member_client, challenge, propose, db, open_tab
):
    url = f"/proposals/{challenge.id}/sections/service"
    withheld = {
        "cost_withheld": "yes",
        "cost_withheld_note": "Asked on 3 March; told it is commercially sensitive.",
    }
    member_client.post(url, data=open_tab(url) | withheld)
    db.session.refresh(challenge)
    assert challenge.draft["service"]["current_cost_withheld"] == {
        "withheld": True,
        "note": "Asked on 3 March; told it is commercially sensitive.",
    }
    assert challenge.draft["service"].get("current_annual_cost") is None
    assert validate_document(challenge.draft) == []
    answers = member_client.get(f"/proposals/{challenge.id}/check-answers").get_data(as_text=True)
    assert "Did the public body withhold today&#39;s cost when you asked for it?" in answers
    proposal_page = member_client.get(f"/proposals/{propose.id}/sections/service")
    assert "withhold" not in proposal_page.get_data(as_text=True)


def test_a_stakeholder_that_is_a_public_body_names_it_as_the_platform_does(
    member_client, challenge, db, make_public_body
):
    make_public_body("NHS Anytown")
    base = f"/proposals/{challenge.id}/sections/stakeholders"
    form = member_client.get(f"{base}/new").get_data(as_text=True)
    # the submission's own commissioner is among the bodies offered
    assert '<option value="Anytown Borough Council">Anytown Borough Council</option>' in form
    member_client.post(
        f"{base}/new",
        data={
            "name": "The council",
            "type": "public_body",
            "public_body": "Anytown Borough Council",
        },
    )
    db.session.refresh(challenge)
    stakeholder = challenge.draft["stakeholders"][0]
    assert stakeholder["type"] == "public_body"
    assert stakeholder["public_body"] == "Anytown Borough Council"
    assert validate_document(challenge.draft) == []
    answers = member_client.get(f"/proposals/{challenge.id}/check-answers").get_data(as_text=True)
    assert "What kind of stakeholder is it?" in answers and "A public body" in answers


def test_a_body_not_on_the_platform_is_refused_naming_the_question(member_client, challenge, db):
    base = f"/proposals/{challenge.id}/sections/stakeholders"
    response = member_client.post(
        f"{base}/new", data={"name": "Police", "type": "public_body", "public_body": "Police HQ"}
    )
    text = member_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Which public body is it?: choose from the options shown" in text
    db.session.refresh(challenge)
    assert challenge.draft["stakeholders"][0]["type"] == "public_body"
    assert "public_body" not in challenge.draft["stakeholders"][0]
    assert validate_document(challenge.draft) == []


def test_a_body_the_draft_names_that_the_platform_does_not_list_is_kept_on_saving(
    member_client, member, challenge, db, open_tab
):
    named = {"name": "Police", "type": "public_body", "public_body": "Anytown Police"}
    services.save(challenge, member, services.Save(BY_KEY["stakeholders"], named, {}, 0))
    url = f"/proposals/{challenge.id}/sections/stakeholders/items/police"
    form = member_client.get(url).get_data(as_text=True)
    assert '<option value="Anytown Police" selected>Anytown Police</option>' in form
    member_client.post(url, data=open_tab(url) | named | {"size": "3"})
    db.session.refresh(challenge)
    stakeholder = challenge.draft["stakeholders"][0]
    assert stakeholder["public_body"] == "Anytown Police" and stakeholder["size"] == 3
