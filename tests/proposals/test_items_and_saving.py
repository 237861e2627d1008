"""Repeating items, partial saves that lose nothing, and stale saves refused."""

from app.accounts.models import Role


def stakeholder(name="Young carers", **more):
    return {
        "name": name,
        "size": "400",
        "effect": "positive",
        "material": "yes",
        "methods": ["survey", "workshop"],
        "people": "40",
        "stages": ["scoping", "outcomes"],
    } | more


def test_stakeholders_are_added_changed_and_removed_one_per_page(
    member_client, challenge, db, open_tab
):
    base = f"/proposals/{challenge.id}/sections/stakeholders"
    assert member_client.post(f"{base}/new", data=stakeholder()).status_code == 302
    member_client.post(f"{base}/new", data=stakeholder("School staff", effect="mixed"))
    db.session.refresh(challenge)
    ids = [s["id"] for s in challenge.draft["stakeholders"]]
    assert ids == ["young-carers", "school-staff"]
    assert challenge.draft["stakeholders"][0]["involvement"] == {
        "methods": ["survey", "workshop"],
        "people": 40,
        "stages": ["scoping", "outcomes"],
    }
    page = f"{base}/items/school-staff"
    member_client.post(page, data=open_tab(page) | stakeholder("Teachers", effect="mixed"))
    db.session.refresh(challenge)
    assert challenge.draft["stakeholders"][1]["name"] == "Teachers"
    assert challenge.draft["stakeholders"][1]["id"] == "school-staff"
    listing = member_client.get(base).get_data(as_text=True)
    assert "Young carers" in listing and "Teachers" in listing
    assert f'href="{page}/remove"' in listing
    member_client.post(f"{page}/remove", data=open_tab(f"{page}/remove"))
    db.session.refresh(challenge)
    assert [s["name"] for s in challenge.draft["stakeholders"]] == ["Young carers"]


def test_outcomes_choose_from_the_stakeholders_entered(member_client, challenge, db, open_tab):
    base = f"/proposals/{challenge.id}/sections"
    member_client.post(f"{base}/stakeholders/new", data=stakeholder())
    form = member_client.get(f"{base}/outcomes/new").get_data(as_text=True)
    assert '<option value="young-carers">Young carers</option>' in form
    response = member_client.post(
        f"{base}/outcomes/new",
        data={
            "stakeholder": "young-carers",
            "description": "Better school attendance",
            "quantity": "120",
            "duration_years": "2",
            "negative": "no",
        },
    )
    item = f"{base}/outcomes/items/better-school-attendance"
    assert response.headers["Location"] == f"{item}?page=value"
    value, shares = f"{item}?page=value", f"{item}?page=shares"
    member_client.post(value, data=open_tab(value) | {"proxy_value": "850"})
    shown = {"deadweight": "25%", "attribution": "10", "drop_off": "20"}
    member_client.post(shares, data=open_tab(shares) | shown)
    db.session.refresh(challenge)
    outcome = challenge.draft["outcomes"][0]
    assert outcome["stakeholder"] == "young-carers" and outcome["deadweight"] == 0.25
    assert outcome["proxy"]["value"] == 850 and outcome["id"] == "better-school-attendance"
    remove = f"{base}/stakeholders/items/young-carers/remove"
    refused = member_client.get(remove).get_data(as_text=True)
    assert "You cannot remove Young carers yet" in refused and "outcome 1" in refused
    member_client.post(remove, data={"revision": challenge.revision})
    db.session.refresh(challenge)
    assert len(challenge.draft["stakeholders"]) == 1


def test_invalid_answers_come_back_with_errors_and_valid_ones_are_saved(
    member_client, challenge, db
):
    response = member_client.post(
        f"/proposals/{challenge.id}/sections/service",
        data={
            "revision": challenge.revision,
            "name": "Young carers service",
            "current_annual_cost": "-50",
            "public_bodies-other": "Anytown BC\nNHS Anytown",
        },
    )
    text = response.get_data(as_text=True)
    assert "Error: The service" in text
    assert "What it costs today each year, in pounds: enter a number from 0" in text
    assert 'value="-50"' in text
    db.session.refresh(challenge)
    assert challenge.draft["service"]["name"] == "Young carers service"
    assert challenge.draft["service"]["public_bodies"] == ["Anytown BC", "NHS Anytown"]
    assert challenge.draft["service"].get("current_annual_cost") is None


def test_typed_input_survives_sign_out_and_sign_in(member_client, member, challenge, sign_in):
    url = f"/proposals/{challenge.id}/sections/contract"
    member_client.post(
        url, data={"revision": challenge.revision, "annual_value": "lots", "duration_years": "40"}
    )
    member_client.post("/sign-out")
    sign_in(member)
    text = member_client.get(url).get_data(as_text=True)
    assert 'value="lots"' in text and 'value="40"' in text
    assert "Proposed annual cost of the contract, in pounds: enter a number" in text


def test_invalid_new_item_is_kept_and_reopened(member_client, challenge, db):
    base = f"/proposals/{challenge.id}/sections/inputs"
    response = member_client.post(
        f"{base}/new",
        data={"description": "Volunteer hours", "type": "volunteer_time", "value": "abc"},
    )
    page = response.headers["Location"]
    assert page.startswith(f"{base}/items/input_")
    text = member_client.get(page).get_data(as_text=True)
    assert 'value="abc"' in text and 'value="Volunteer hours"' in text
    db.session.refresh(challenge)
    assert challenge.draft["inputs"][0]["description"] == "Volunteer hours"


def test_a_stale_save_of_the_same_section_is_refused_with_what_changed(
    client, app, member, challenge, make_user, sign_in, db
):
    colleague = make_user(Role.CSO, name="Jo Colleague", organisation=member.organisation)
    loaded_at = challenge.revision
    url = f"/proposals/{challenge.id}/sections/vfm"
    sign_in(colleague)
    client.post(url, data={"revision": loaded_at, "economy": "Colleague's economy case"})
    client.post("/sign-out")
    sign_in(member)
    response = client.post(url, data={"revision": loaded_at, "economy": "My economy case"})
    text = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "This section was changed after you opened it" in text
    assert "Jo Colleague changed Economy: spending less" in text
    assert "My economy case" in text
    db.session.refresh(challenge)
    assert challenge.draft["vfm"]["economy"] == "Colleague's economy case"
    fresh = text.split('name="revision" type="hidden" value="')[1].split('"')[0]
    client.post(url, data={"revision": fresh, "economy": "My economy case"})
    db.session.refresh(challenge)
    assert challenge.draft["vfm"]["economy"] == "My economy case"


def test_saves_of_different_sections_by_colleagues_both_land(
    client, member, challenge, make_user, sign_in, db
):
    colleague = make_user(Role.CSO, organisation=member.organisation)
    loaded_at = challenge.revision
    sign_in(colleague)
    client.post(
        f"/proposals/{challenge.id}/sections/vfm",
        data={"revision": loaded_at, "economy": "Cheaper"},
    )
    client.post("/sign-out")
    sign_in(member)
    client.post(
        f"/proposals/{challenge.id}/sections/equalities",
        data={"revision": loaded_at, "assessment": "Reaches more girls"},
    )
    db.session.refresh(challenge)
    assert challenge.draft["vfm"]["economy"] == "Cheaper"
    assert challenge.draft["equalities"]["assessment"] == "Reaches more girls"


def test_over_long_text_is_refused_naming_the_field(member_client, challenge):
    text = member_client.post(
        f"/proposals/{challenge.id}/sections/about",
        data={"revision": challenge.revision, "title": "x" * 201},
    )
    assert "Title: use 200 characters or fewer" in text.get_data(as_text=True)
