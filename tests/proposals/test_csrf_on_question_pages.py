"""With CSRF protection on, as in production: a page that shows input it could not save says
what is wrong with the answers, never that a security token is missing, and a post without
the page's token is still refused."""

import re

import pytest
from flask import g

from tests.conftest import csrf_token

from .conftest import hidden_fields

CSRF_WORDS = re.compile(r"csrf|token", re.IGNORECASE)


@pytest.fixture
def protected(app, member_client):
    """The signed-in member's browser, on an app that checks every post's CSRF token."""
    app.config["WTF_CSRF_ENABLED"] = True
    return member_client


def get(client, url: str):
    """Open a page as a new request would on a server.

    The tests keep one app context open across requests, so without this the mark a valid
    post leaves on `g` would carry into the next request; on a server every request has its
    own `g`.
    """
    g.pop("csrf_valid", None)
    return client.get(url)


def error_summary(page: str) -> str:
    """The text of the page's error summary ("" when it has none)."""
    found = re.search(r'class="govuk-error-summary".*?</ul>', page, re.S)
    return re.sub(r"<[^>]+>", " ", found.group(0)) if found else ""


def post_form(client, url: str, answers: dict):
    """Open a page, then send its form back with these answers and the page's own token."""
    page = get(client, url).get_data(as_text=True)
    fields = hidden_fields(page)
    assert fields["csrf_token"] == csrf_token(page)
    return client.post(url, data=fields | answers)


def test_an_invalid_stakeholder_shows_its_error_and_no_token_message(protected, challenge):
    base = f"/proposals/{challenge.id}/sections/stakeholders"
    posted = post_form(protected, f"{base}/new", {"name": "Young carers", "size": "lots"})
    assert posted.status_code == 302

    shown = get(protected, posted.headers["Location"])
    summary = error_summary(shown.get_data(as_text=True))
    assert "How many people or organisations are in the group" in summary
    assert not CSRF_WORDS.search(summary)
    assert 'value="lots"' in shown.get_data(as_text=True)

    by_position = get(protected, f"{base}/0").get_data(as_text=True)
    assert "How many people or organisations are in the group" in error_summary(by_position)
    assert not CSRF_WORDS.search(error_summary(by_position))


def test_the_page_shown_again_can_be_corrected_and_saved(protected, challenge, db):
    base = f"/proposals/{challenge.id}/sections/stakeholders"
    posted = post_form(protected, f"{base}/new", {"name": "Young carers", "size": "lots"})
    corrected = post_form(protected, posted.headers["Location"], {"size": "1,200"})
    assert corrected.status_code == 302
    db.session.refresh(challenge)
    assert challenge.draft["stakeholders"][0]["size"] == 1200


def test_revisiting_a_section_that_holds_an_invalid_answer_shows_no_token_message(
    protected, challenge
):
    url = f"/proposals/{challenge.id}/sections/contract"
    posted = post_form(protected, url, {"annual_value": "about 20"})
    assert posted.status_code == 200

    protected.get(f"/proposals/{challenge.id}")
    again = get(protected, url).get_data(as_text=True)
    summary = error_summary(again)
    assert "about 20" in again
    assert summary and not CSRF_WORDS.search(summary)


def test_a_forged_post_without_the_token_is_refused_and_saves_nothing(protected, challenge, db):
    url = f"/proposals/{challenge.id}/sections/about"
    fields = hidden_fields(get(protected, url).get_data(as_text=True))
    forged = {name: value for name, value in fields.items() if name != "csrf_token"}
    refused = protected.post(url, data=forged | {"title": "Forged title"})
    assert refused.status_code == 400
    db.session.refresh(challenge)
    assert challenge.draft["title"] == "Young carers support"
