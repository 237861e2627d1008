"""Choosing an outcome's proxy from the library: shown with its caveats, written whole, safely."""

from app.accounts.models import Role
from app.proposals import services
from app.proposals.document import validate_document
from app.proposals.sections import BY_KEY

from .conftest import choose_url, outcome_in, use_form

ATTRIBUTION = "Unit Cost Database v1.4, New Economy / GMCA, CC BY 4.0"


def choose(client, proposal, entry_id: str, q: str, outcome: str = "attendance"):
    """Search, then press "Use this value" on an entry, as a person would."""
    page = client.get(choose_url(proposal, outcome, q=q)).get_data(as_text=True)
    found = use_form(page, entry_id)
    assert found, f"no button for {entry_id}"
    action, fields = found
    return client.post(action, data=fields)


def test_the_page_shows_each_match_with_its_value_source_caveats_and_attribution(
    member_client, draft
):
    page = member_client.get(choose_url(draft, q="domestic violence")).get_data(as_text=True)
    assert "Choose a financial proxy from the library" in page
    assert "3 values matching “domestic violence”" in page
    assert "£2,470</strong> per incident" in page and "2008/09 prices, not uprated" in page
    assert "Fiscal: a cost or saving to the public sector" in page
    assert "NHS; criminal justice system; police" in page  # who benefits
    assert "Amber: the compilers had some concerns" in page
    assert "Constituent rows CR2.0.1-CR2.0.5 split it" in page  # notes
    assert "worksheet &#39;Crime&#39;, row 12, cost code CR2.0" in page
    assert "Sylvia Walby - The Cost of Domestic violence" in page
    assert page.count(ATTRIBUTION) >= 4  # above and below the list, and on each entry
    assert outcome_in(draft, "attendance")["proxy"]["description"] in page  # its proxy now
    assert page.count("Use this value") == 3
    pssru = member_client.get(choose_url(draft, q="gp consultation")).get_data(as_text=True)
    assert "PSSRU keeps copyright, so acknowledge PSSRU" in pssru
    red = member_client.get(choose_url(draft, q="anti social")).get_data(as_text=True)
    assert "Red: the compilers had serious concerns" in red


def test_choosing_a_value_writes_the_whole_proxy_to_the_draft(member_client, draft, db):
    before = outcome_in(draft, "attendance")["proxy"]
    others = [o for o in draft.draft["outcomes"] if o["id"] != "attendance"]
    response = choose(member_client, draft, "permanent-exclusion-fiscal", "exclusion")
    outcome_page = f"/proposals/{draft.id}/sections/outcomes/items/attendance"
    assert response.status_code == 302 and response.headers["Location"].endswith(outcome_page)
    db.session.refresh(draft)
    proxy = outcome_in(draft, "attendance")["proxy"]
    # whether the stakeholders agreed it, and why not, stay as the member answered them
    assert proxy == before | {
        "description": "A pupil avoids permanent exclusion from school (annual public cost per "
        "effective year)",
        "value": 9219,
        "source": f"{ATTRIBUTION}, worksheet 'Education & Skills', row 8, cost code E&S2.0; "
        "original study: Misspent Youth (2007)",
        "library_id": "permanent-exclusion-fiscal",
        "price_year": "2005/06",
        "kind": "fiscal",
    }
    assert [o for o in draft.draft["outcomes"] if o["id"] != "attendance"] == others
    assert validate_document(draft.draft) == []
    told = member_client.get(outcome_page).get_data(as_text=True)
    assert "This outcome&#39;s proxy is now £9,219 (per person per year, fiscal)" in told
    assert "Its prices are for 2005/06: nothing was uprated." in told


def test_every_usable_value_can_be_chosen_and_leaves_the_draft_valid(app, member_client, draft, db):
    for entry in app.extensions["proxies"].entries:
        if entry.refusal:
            continue
        response = choose(member_client, draft, entry.id, entry.id)
        assert response.status_code == 302, entry.id
        db.session.refresh(draft)
        proxy = outcome_in(draft, "attendance")["proxy"]
        assert (proxy["library_id"], proxy["value"], proxy["kind"]) == (
            entry.id,
            entry.value,
            entry.kind,
        )
        # the price year as the source gives it, or none where the format cannot hold it
        assert proxy["price_year"] in (entry.price_year, None)
        assert validate_document(draft.draft) == [], entry.id
        if proxy["price_year"] is None:
            told = member_client.get(response.headers["Location"]).get_data(as_text=True)
            assert "Its source gives no plain price year" in told


def test_a_transfer_payment_is_never_applied_as_an_outcome_value(member_client, draft, db):
    before = outcome_in(draft, "attendance")["proxy"]
    page = member_client.get(choose_url(draft, q="jsa")).get_data(as_text=True)
    assert "This is a transfer payment (benefits or tax)" in page
    assert "You cannot use this value for an outcome." in page
    assert use_form(page, "jsa-claimant-into-work-dwp-fiscal") is None
    assert use_form(page, "jsa-claimant-into-work-economic") is not None
    _, fields = use_form(page, "jsa-claimant-into-work-economic")
    fields["entry"] = "jsa-claimant-into-work-dwp-fiscal"  # posted all the same
    refused = member_client.post(choose_url(draft), data=fields)
    assert refused.status_code == 400
    assert "This is a transfer payment" in refused.get_data(as_text=True)
    db.session.refresh(draft)
    assert outcome_in(draft, "attendance")["proxy"] == before


def test_an_input_cost_is_not_applied_as_an_outcome_value(member_client, draft, db):
    before = outcome_in(draft, "attendance")["proxy"]
    page = member_client.get(choose_url(draft, q="parenting")).get_data(as_text=True)
    assert "This is an input cost, not an outcome value" in page
    assert use_form(page, "parenting-programme-group-cost") is None
    refused = member_client.post(
        choose_url(draft),
        data={"entry": "parenting-programme-group-cost", "revision": str(draft.revision)},
    )
    assert refused.status_code == 400
    db.session.refresh(draft)
    assert outcome_in(draft, "attendance")["proxy"] == before


def test_an_unknown_entry_changes_nothing(member_client, draft, db):
    before = outcome_in(draft, "attendance")["proxy"]
    refused = member_client.post(choose_url(draft), data={"entry": "no-such-entry"})
    assert refused.status_code == 400
    assert "Choose a value from the library" in refused.get_data(as_text=True)
    db.session.refresh(draft)
    assert outcome_in(draft, "attendance")["proxy"] == before


def test_a_page_opened_before_the_outcome_changed_is_refused(member_client, draft, db):
    old_page = member_client.get(choose_url(draft, q="exclusion")).get_data(as_text=True)
    assert (
        choose(member_client, draft, "school-readiness-fiscal", "school readiness").status_code
        == 302
    )
    action, fields = use_form(old_page, "permanent-exclusion-fiscal")
    refused = member_client.post(action, data=fields)
    assert refused.status_code == 409
    text = refused.get_data(as_text=True)
    assert "This outcome was changed after you opened this page" in text
    assert "You, in another tab or window, changed" in text
    db.session.refresh(draft)
    assert outcome_in(draft, "attendance")["proxy"]["library_id"] == "school-readiness-fiscal"
    # the refused page was loaded afresh, so choosing again from it works
    action, fields = use_form(text, "permanent-exclusion-fiscal")
    assert member_client.post(action, data=fields).status_code == 302
    db.session.refresh(draft)
    assert outcome_in(draft, "attendance")["proxy"]["library_id"] == "permanent-exclusion-fiscal"


def test_a_removed_outcome_is_not_given_a_value(member_client, draft, member, db):
    page = member_client.get(choose_url(draft, q="truancy")).get_data(as_text=True)
    services.remove_item(draft, member, BY_KEY["outcomes"], "attendance", draft.revision)
    action, fields = use_form(page, "persistent-truancy-fiscal")
    response = member_client.post(action, data=fields, follow_redirects=True)
    assert "This outcome has been removed, so no value was applied to it." in response.get_data(
        as_text=True
    )
    db.session.refresh(draft)
    assert "attendance" not in [o["id"] for o in draft.draft["outcomes"]]


def test_input_kept_on_the_outcome_page_keeps_with_the_chosen_value(member_client, draft, member):
    outcomes = BY_KEY["outcomes"]
    kept = {"quantity": ["about a hundred"], "proxy_value": ["850"]}
    page = services.Save(outcomes, {}, kept, draft.revision, "attendance")
    services.keep_typed(draft, member, page)
    choose(member_client, draft, "persistent-truancy-fiscal", "truancy")
    typed = draft.typed[services.typed_key(member, outcomes, "attendance")]
    assert typed == {"quantity": ["about a hundred"]}  # the outcome page shows the chosen value


def test_other_organisations_commissioners_and_visitors_are_refused(
    client, draft, make_user, sign_in, db
):
    before = outcome_in(draft, "attendance")["proxy"]
    url, data = choose_url(draft, q="truancy"), {"entry": "persistent-truancy-fiscal"}
    assert client.get(url).headers["Location"].startswith("/sign-in")
    sign_in(make_user(Role.CSO))
    assert client.get(url).status_code == 404
    assert client.post(url, data=data).status_code == 404
    client.post("/sign-out")
    sign_in(make_user(Role.COMMISSIONER))
    assert client.get(url).status_code == 403
    assert client.post(url, data=data).status_code == 403
    db.session.refresh(draft)
    assert outcome_in(draft, "attendance")["proxy"] == before


def test_nothing_can_be_chosen_once_the_submission_is_sent(member_client, draft, member, db):
    services.submit(draft, member, None)
    before = outcome_in(draft, "attendance")["proxy"]
    shown = member_client.get(choose_url(draft, q="truancy"), follow_redirects=True)
    assert "it cannot be changed now" in shown.get_data(as_text=True)
    assert "Use this value" not in shown.get_data(as_text=True)
    posted = member_client.post(choose_url(draft), data={"entry": "persistent-truancy-fiscal"})
    assert posted.status_code == 302 and posted.headers["Location"].endswith(
        f"/proposals/{draft.id}"
    )
    db.session.refresh(draft)
    assert outcome_in(draft, "attendance")["proxy"] == before
    assert draft.versions[-1].document["outcomes"] == draft.draft["outcomes"]


def test_the_button_carries_its_forms_token_and_nothing_is_written_without_one(
    app, member_client, draft, db
):
    app.config["WTF_CSRF_ENABLED"] = True
    page = member_client.get(choose_url(draft, q="exclusion")).get_data(as_text=True)
    action, fields = use_form(page, "permanent-exclusion-fiscal")
    forged = {key: value for key, value in fields.items() if key != "csrf_token"}
    assert member_client.post(action, data=forged).status_code == 400
    db.session.refresh(draft)
    assert (
        outcome_in(draft, "attendance")["proxy"].get("library_id") != "permanent-exclusion-fiscal"
    )
    assert member_client.post(action, data=fields).status_code == 302
    db.session.refresh(draft)
    assert outcome_in(draft, "attendance")["proxy"]["library_id"] == "permanent-exclusion-fiscal"
