"""Several tabs on one draft: no save silently replaces another, items keep their own pages."""

import json
import re

from app.examples import load_example
from app.extensions import db as _db
from app.proposals import services
from app.proposals.document import validate_document

from .conftest import hidden_fields


def imported(member, body):
    proposal = services.new_proposal(
        member.organisation, body, load_example("challenge-young-carers"), member
    )
    _db.session.commit()
    return proposal


def item_pages(client, base):
    """The addresses of the item pages the section's list links to, in order."""
    listing = client.get(base).get_data(as_text=True)
    return re.findall(rf'href="({re.escape(base)}/items/[^"/]+)"', listing)


def form_action(page):
    return re.search(r'<form method="post" action="([^"]*)"', page).group(1)


def test_a_save_from_a_tab_opened_before_the_same_persons_save_is_refused(
    member_client, challenge, db, open_tab
):
    url = f"/proposals/{challenge.id}/sections/about"
    tab_a, tab_b = open_tab(url), open_tab(url)
    title = {"title": "Young carers support"}
    member_client.post(url, data=tab_b | title | {"summary": "Written in the second tab"})
    response = member_client.post(url, data=tab_a | title | {"summary": "Written in the first"})
    text = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "This section was changed after you opened it" in text
    assert "You, in another tab or window, changed Summary" in text
    assert "Written in the first" in text
    db.session.refresh(challenge)
    assert challenge.draft["summary"] == "Written in the second tab"
    member_client.post(url, data=hidden_fields(text) | title | {"summary": "Written in the first"})
    db.session.refresh(challenge)
    assert challenge.draft["summary"] == "Written in the first"


def test_the_same_page_saved_twice_with_the_same_answers_is_not_a_conflict(
    member_client, challenge, db, open_tab
):
    url = f"/proposals/{challenge.id}/sections/vfm"
    page = open_tab(url) | {"economy": "Transport bought at county rates"}
    assert member_client.post(url, data=page).status_code == 302
    assert member_client.post(url, data=page).status_code == 302
    db.session.refresh(challenge)
    assert challenge.draft["vfm"]["economy"] == "Transport bought at county rates"


def test_item_pages_are_addressed_by_id_not_by_position(member_client, challenge, db):
    base = f"/proposals/{challenge.id}/sections"
    member_client.post(f"{base}/stakeholders/new", data={"name": "Young carers"})
    member_client.post(f"{base}/inputs/new", data={"description": "Council grant"})
    assert item_pages(member_client, f"{base}/stakeholders") == [
        f"{base}/stakeholders/items/young-carers"
    ]
    [page] = item_pages(member_client, f"{base}/inputs")
    assert re.fullmatch(rf"{base}/inputs/items/input_[0-9a-f]{{8}}", page)
    assert 'value="Council grant"' in member_client.get(page).get_data(as_text=True)


def test_saving_an_item_opened_before_another_was_removed_changes_that_item(
    member_client, challenge, db, open_tab
):
    base = f"/proposals/{challenge.id}/sections/inputs"
    for description in ("Council grant", "Volunteer time", "Room hire"):
        member_client.post(f"{base}/new", data={"description": description, "type": "cash"})
    first, second, _ = item_pages(member_client, base)
    tab_a = open_tab(second)
    member_client.post(f"{first}/remove", data=open_tab(f"{first}/remove"))
    response = member_client.post(
        second,
        data=tab_a | {"description": "Volunteer time at the living wage", "type": "volunteer_time"},
    )
    assert response.status_code == 302
    db.session.refresh(challenge)
    assert [(i["description"], i["type"]) for i in challenge.draft["inputs"]] == [
        ("Volunteer time at the living wage", "volunteer_time"),
        ("Room hire", "cash"),
    ]
    assert item_pages(member_client, base)[0] == second


def test_an_imported_list_keeps_each_item_on_its_page_through_removals(
    member_client, member, body, db, open_tab
):
    proposal = imported(member, body)
    base = f"/proposals/{proposal.id}/sections/inputs"
    first, _, third = item_pages(member_client, base)
    tab_a = open_tab(third)
    member_client.post(f"{first}/remove", data=open_tab(f"{first}/remove"))
    member_client.post(third, data=tab_a | {"description": "School rooms, two evenings a week"})
    db.session.refresh(proposal)
    assert [i["description"] for i in proposal.draft["inputs"]] == [
        "Volunteer time at the national living wage",
        "School rooms, two evenings a week",
    ]


def test_an_item_changed_in_another_tab_is_not_overwritten(member_client, challenge, db, open_tab):
    base = f"/proposals/{challenge.id}/sections/savings"
    member_client.post(f"{base}/new", data={"body": "NHS Anytown", "annual_value": "5000"})
    [page] = item_pages(member_client, base)
    tab_a, tab_b = open_tab(page), open_tab(page)
    member_client.post(page, data=tab_b | {"body": "NHS Anytown", "annual_value": "7500"})
    response = member_client.post(page, data=tab_a | {"body": "NHS Anytown", "annual_value": "6"})
    text = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "This saving was changed after you opened it" in text
    assert "You, in another tab or window, changed Saving each year, in pounds" in text
    assert 'value="6"' in text
    db.session.refresh(challenge)
    assert challenge.draft["savings"][0]["annual_value"] == 7500


def test_a_removed_item_says_so_and_keeps_what_was_typed_for_it(
    member_client, challenge, db, open_tab
):
    base = f"/proposals/{challenge.id}/sections/stakeholders"
    member_client.post(f"{base}/new", data={"name": "Young carers"})
    member_client.post(f"{base}/new", data={"name": "School staff"})
    page = f"{base}/items/school-staff"
    tab_a = open_tab(page)
    member_client.post(f"{page}/remove", data=open_tab(f"{page}/remove"))

    opened = member_client.get(page)
    assert opened.status_code == 404
    assert "This stakeholder was removed" in opened.get_data(as_text=True)

    saved = member_client.post(page, data=tab_a | {"name": "Teachers", "size": "30"})
    text = saved.get_data(as_text=True)
    assert saved.status_code == 409
    assert "This stakeholder was removed after you opened it" in text
    assert 'value="Teachers"' in text and 'value="30"' in text
    db.session.refresh(challenge)
    assert [s["name"] for s in challenge.draft["stakeholders"]] == ["Young carers"]

    assert form_action(text) == f"{base}/new"
    member_client.post(f"{base}/new", data=hidden_fields(text) | {"name": "Teachers"})
    db.session.refresh(challenge)
    assert [s["name"] for s in challenge.draft["stakeholders"]] == ["Young carers", "Teachers"]


def test_removing_an_item_already_removed_in_another_tab_removes_nothing_else(
    member_client, challenge, db, open_tab
):
    base = f"/proposals/{challenge.id}/sections/judgements"
    for topic in ("Materiality", "Proxies"):
        member_client.post(f"{base}/new", data={"topic": topic})
    first, _ = item_pages(member_client, base)
    tab_a, tab_b = open_tab(f"{first}/remove"), open_tab(f"{first}/remove")
    member_client.post(f"{first}/remove", data=tab_b)
    response = member_client.post(f"{first}/remove", data=tab_a, follow_redirects=True)
    assert "This judgement had already been removed" in response.get_data(as_text=True)
    db.session.refresh(challenge)
    assert [j["topic"] for j in challenge.draft["judgements"]] == ["Proxies"]


def test_input_still_to_correct_stays_with_its_item_when_another_is_removed(
    member_client, challenge, db, open_tab
):
    base = f"/proposals/{challenge.id}/sections/options"
    for name in ("Do the minimum", "Community-run breaks"):
        member_client.post(f"{base}/new", data={"name": name})
    first, second = item_pages(member_client, base)
    member_client.post(second, data=open_tab(second) | {"name": "x" * 201})
    member_client.post(f"{first}/remove", data=open_tab(f"{first}/remove"))
    text = member_client.get(second).get_data(as_text=True)
    assert "Option name: use 200 characters or fewer" in text
    assert 'value="' + "x" * 201 + '"' in text


def test_an_address_by_position_still_opens_the_item_and_saves_it_by_id(
    member_client, challenge, db
):
    base = f"/proposals/{challenge.id}/sections/stakeholders"
    member_client.post(f"{base}/new", data={"name": "Young carers"})
    member_client.post(f"{base}/new", data={"name": "School staff"})
    page = member_client.get(f"{base}/1").get_data(as_text=True)
    assert 'value="School staff"' in page
    assert form_action(page) == f"{base}/items/school-staff"
    assert member_client.get(f"{base}/2").status_code == 404


def test_exported_drafts_hold_no_item_ids_of_the_editor(member_client, challenge, db):
    base = f"/proposals/{challenge.id}/sections"
    member_client.post(f"{base}/inputs/new", data={"description": "Council grant"})
    member_client.post(f"{base}/judgements/new", data={"topic": "Materiality"})
    member_client.post(f"{base}/options/new", data={"name": "Do the minimum"})
    [input_page] = item_pages(member_client, f"{base}/inputs")
    [judgement_page] = item_pages(member_client, f"{base}/judgements")
    body = member_client.get(f"/proposals/{challenge.id}/export.json").get_data(as_text=True)
    exported = json.loads(body)
    assert exported["inputs"][0]["description"] == "Council grant"
    assert "id" not in exported["inputs"][0] and "id" not in exported["judgements"][0]
    for page in (input_page, judgement_page):
        assert page.rsplit("/", 1)[1] not in body
    # an option's id is the format's own, made from its name
    assert exported["need"]["options"][0]["id"] == "do-the-minimum"
    assert item_pages(member_client, f"{base}/options") == [f"{base}/options/items/do-the-minimum"]
    assert validate_document(exported) == []
