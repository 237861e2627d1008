"""The users page finds people by name or email, role, organisation or body and status, a
page at a time, and keeps the search in its page links."""

import html
import re

import pytest

from app.accounts.models import Role, User
from app.accounts.passwords import hash_password


@pytest.fixture
def admin_client(make_user, sign_in):
    return sign_in(make_user(Role.ADMIN, name="Ada Admin", email="ada@example.org"))


@pytest.fixture
def people(make_user, make_organisation, make_public_body):
    riverside = make_organisation("Riverside Food Bank")
    anytown = make_public_body("Anytown Borough Council")
    return {
        "zoe": make_user(
            Role.CSO, name="Zoë Okafor", email="zoe@riverside.org", organisation=riverside
        ),
        "sam": make_user(
            Role.CSO, name="Sam Patel", email="sam@riverside.org", organisation=riverside
        ),
        "chris": make_user(Role.COMMISSIONER, name="Chris Lee", public_body=anytown),
        "tara": make_user(Role.MEMBER, name="Tara Trainee", email="tara@example.org", active=False),
        "place": (riverside, anytown),
    }


def names_listed(page: str) -> list[str]:
    """The names in the results table, in order."""
    rows = re.findall(
        r'<tr class="govuk-table__row">\s*<td class="govuk-table__cell">([^<]*)</td>', page
    )
    return [html.unescape(name) for name in rows]


def test_the_page_opens_with_everyone_listed_and_no_errors(admin_client, people):
    page = admin_client.get("/admin/").get_data(as_text=True)
    assert "There is a problem" not in page and "Not a valid choice" not in page
    assert "<title>Error" not in page and "govuk-error-message" not in page
    assert len(names_listed(page)) == 5 and "5 people" in page


def test_the_people_table_scrolls_sideways_in_a_named_region(admin_client, people):
    page = admin_client.get("/admin/").get_data(as_text=True)
    assert (
        '<div class="app-table-scroll" role="region" aria-label="Accounts" tabindex="0">\n'
        '<table class="govuk-table">'
    ) in page


def test_search_matches_name_and_email_whatever_the_case(admin_client, people):
    page = admin_client.get("/admin/?q=PATEL").get_data(as_text=True)
    assert names_listed(page) == ["Sam Patel"] and "1 person matches" in page
    page = admin_client.get("/admin/?q=Riverside.ORG").get_data(as_text=True)
    assert names_listed(page) == ["Sam Patel", "Zoë Okafor"] and "2 people match" in page
    assert 'value="Riverside.ORG"' in page


def test_filters_by_role_place_and_status(admin_client, people):
    riverside, anytown = people["place"]
    page = admin_client.get("/admin/?role=commissioner").get_data(as_text=True)
    assert names_listed(page) == ["Chris Lee"]
    page = admin_client.get(f"/admin/?place=org-{riverside.id}").get_data(as_text=True)
    assert names_listed(page) == ["Sam Patel", "Zoë Okafor"]
    page = admin_client.get(f"/admin/?place=body-{anytown.id}").get_data(as_text=True)
    assert names_listed(page) == ["Chris Lee"]
    page = admin_client.get("/admin/?status=deactivated").get_data(as_text=True)
    assert names_listed(page) == ["Tara Trainee"]
    page = admin_client.get(f"/admin/?q=sam&role=cso&place=org-{riverside.id}&status=active")
    assert names_listed(page.get_data(as_text=True)) == ["Sam Patel"]


def test_nobody_matching_says_so(admin_client, people):
    page = admin_client.get("/admin/?q=nobody-by-this-name").get_data(as_text=True)
    assert "No people match" in page and "0 people match" in page
    assert "Clear the search" in page


def test_wildcards_are_taken_literally(admin_client, people):
    page = admin_client.get("/admin/?q=%25").get_data(as_text=True)
    assert "No people match" in page
    page = admin_client.get("/admin/?q=_").get_data(as_text=True)
    assert "No people match" in page


def test_odd_addresses_do_not_break_the_page(admin_client, people):
    for query in (
        "role=wizard",
        "place=org-abc",
        "place=body-99999999999999999999",
        "status=maybe",
        "page=-3",
        "page=lots",
        "q=" + "x" * 500,
    ):
        response = admin_client.get(f"/admin/?{query}")
        assert response.status_code == 200, query
        if not query.startswith("q="):
            assert "There is a problem" not in response.get_data(as_text=True), query
    long = admin_client.get("/admin/?q=" + "x" * 500).get_data(as_text=True)
    assert "Name or email address: use 200 characters or fewer" in long


def test_fifty_a_page_with_the_search_kept_in_the_links(admin_client, make_organisation, db):
    riverside = make_organisation("Riverside Food Bank")
    digest = hash_password("correct horse battery")
    db.session.add_all(
        User(
            email=f"member{n:03}@riverside.org",
            name=f"Member {n:03}",
            role=Role.CSO,
            organisation=riverside,
            password_hash=digest,
        )
        for n in range(120)
    )
    db.session.commit()
    first = admin_client.get("/admin/?q=member&role=cso").get_data(as_text=True)
    assert "120 people match: page 1 of 3" in first
    assert len(names_listed(first)) == 50 and names_listed(first)[0] == "Member 000"
    assert 'href="/admin/?q=member&amp;role=cso&amp;page=2"' in first
    second = admin_client.get("/admin/?q=member&role=cso&page=2").get_data(as_text=True)
    assert names_listed(second)[0] == "Member 050"
    assert 'href="/admin/?q=member&amp;role=cso&amp;page=1"' in second
    assert 'href="/admin/?q=member&amp;role=cso&amp;page=3"' in second
    last = admin_client.get("/admin/?q=member&role=cso&page=9").get_data(as_text=True)
    assert "page 3 of 3" in last and len(names_listed(last)) == 20
