"""Example submissions anyone can open and read, without signing in."""

import html

import pytest

from app.accounts.models import Role
from app.examples import example_names, load_example


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.get_data(as_text=True))


def test_the_list_shows_each_example_with_its_kind_summary_and_what_it_shows(client):
    text = page(client, "/examples")
    assert "Example submissions" in text
    for name in example_names():
        document = load_example(name)
        assert document["title"] in text and f'href="/examples/{name}"' in text
    assert "Right to challenge" in text and "Right to propose" in text
    assert "What it shows: What a weak case looks like" in text
    assert "Friends of Millbrook Library want to take over the village library" in text


def test_an_example_shows_its_answers_value_account_and_check_report_read_only(client):
    text = page(client, "/examples/challenge-young-carers")
    assert "Community-led whole-family support for young carers in Anytown" in text
    assert "Example · Right to challenge · to Anytown Borough Council" in text
    assert "it cannot be changed or submitted" in text
    assert "Name of the group" in text and "Young carers" in text
    assert 'id="value-account"' in text
    assert '<abbr title="social return on investment">SROI</abbr> ratio' in text
    assert "What the checks found" in text and "Stakeholder coverage" in text
    assert "Create an account to start your own" in text and 'href="/sign-up"' in text
    assert 'href="/proposals/new"' not in text
    assert "/sections/" not in text and "<form" not in text.split('id="the-answers"')[1]


def test_the_weak_example_shows_the_gaps_a_commissioner_would_find(client):
    text = page(client, "/examples/challenge-village-library-weak")
    assert "What a weak case looks like" in text
    assert "Library users are material but were never involved" in text
    assert "Fail" in text


def test_an_unknown_example_is_not_found(client):
    assert client.get("/examples/no-such-example").status_code == 404
    assert client.get("/examples/..%2F__init__").status_code == 404


def test_new_proposers_find_the_examples_from_their_submissions_and_the_start_page(
    client, make_user, sign_in
):
    sign_in(make_user(Role.CSO))
    assert 'href="/examples"' in page(client, "/proposals/")
    assert 'href="/examples"' in page(client, "/proposals/new")


@pytest.mark.parametrize("url", ["/examples", "/examples/challenge-young-carers"])
def test_a_member_of_an_organisation_is_offered_to_start_their_own(client, make_user, sign_in, url):
    sign_in(make_user(Role.CSO))
    text = page(client, url)
    assert "Start your own submission" in text and 'href="/proposals/new"' in text
    assert "Create an account" not in text


@pytest.mark.parametrize("role", [Role.COMMISSIONER, Role.ADMIN, Role.MEMBER])
@pytest.mark.parametrize("url", ["/examples", "/examples/challenge-young-carers"])
def test_people_who_cannot_write_submissions_are_offered_no_start_link(
    client, make_user, sign_in, role, url
):
    sign_in(make_user(role))
    text = page(client, url)
    assert 'href="/proposals/new"' not in text and "Start your own" not in text
    assert "Create an account" not in text


def test_someone_signed_out_is_offered_an_account_from_the_list(client):
    text = page(client, "/examples")
    assert "Create an account to start your own" in text and 'href="/sign-up"' in text
    assert 'href="/proposals/new"' not in text
