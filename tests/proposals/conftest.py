"""Fixtures for the proposal pages: a signed-in CSO member, a started draft, browser tabs."""

import html
import re

import pytest

from app.accounts.models import Role
from app.proposals import services


@pytest.fixture
def body(make_public_body):
    return make_public_body("Anytown Borough Council")


@pytest.fixture
def staffed(body, make_user):
    """The public body, with a commissioner to read what is sent to it (so it is offered)."""
    make_user(Role.COMMISSIONER, public_body=body)
    return body


@pytest.fixture
def member(make_user, make_organisation):
    return make_user(Role.CSO, name="Sam Member", organisation=make_organisation("Carers Trust"))


@pytest.fixture
def member_client(member, sign_in):
    return sign_in(member)


@pytest.fixture
def challenge(member, body):
    return services.start(member, "challenge", body, "Young carers support")


@pytest.fixture
def propose(member, body):
    return services.start(member, "propose", body, "Hospital discharge support")


def hidden_fields(page: str) -> dict[str, str]:
    """The hidden fields of a page's forms, as a browser sends them back with the form."""
    fields = {}
    for tag in re.findall(r"<input\b[^>]*>", page):
        attributes = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
        if attributes.get("type") == "hidden" and "name" in attributes:
            fields[attributes["name"]] = html.unescape(attributes.get("value", ""))
    return fields


@pytest.fixture
def open_tab(client):
    """Open a page in a new tab: returns what its form will send back unseen."""

    def open_page(url: str) -> dict[str, str]:
        response = client.get(url)
        assert response.status_code == 200, url
        return hidden_fields(response.get_data(as_text=True))

    return open_page
