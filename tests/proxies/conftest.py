"""Fixtures for the proxy library: a member's draft with outcomes, and a page's forms."""

import html
import re
from pathlib import Path

import pytest

from app.accounts.models import Role
from app.examples import example_paths
from app.proposals import services

LIBRARY_DIR = Path(__file__).resolve().parents[2] / "app" / "proxies" / "library"


@pytest.fixture
def member(make_user, make_organisation):
    return make_user(Role.CSO, name="Sam Member", organisation=make_organisation("Carers Trust"))


@pytest.fixture
def member_client(member, sign_in):
    return sign_in(member)


@pytest.fixture
def draft(member, make_public_body):
    """The young carers challenge, imported as a member would, with five outcomes."""
    path = next(p for p in example_paths() if p.name == "challenge-young-carers.json")
    body = make_public_body("Anytown Borough Council")
    return services.import_document(path.read_bytes(), member.organisation, body, member)


def choose_url(proposal, outcome: str = "attendance", **query) -> str:
    """The page that chooses an outcome's proxy, with a search."""
    words = "&".join(f"{key}={value}" for key, value in query.items())
    return f"/proposals/{proposal.id}/outcomes/{outcome}/proxy" + (f"?{words}" if words else "")


def use_form(page: str, entry_id: str) -> tuple[str, dict[str, str]] | None:
    """Where the page's "Use this value" form for an entry posts, and what it sends."""
    for action, body in re.findall(
        r'<form method="post" action="([^"]*)"[^>]*>(.*?)</form>', page, re.S
    ):
        fields = dict(re.findall(r'<input name="([^"]+)" type="hidden" value="([^"]*)">', body))
        if fields.get("entry") == entry_id:
            return html.unescape(action), {k: html.unescape(v) for k, v in fields.items()}
    return None


def outcome_in(proposal, outcome_id: str) -> dict:
    """An outcome of the draft as it is stored."""
    return next(o for o in proposal.draft["outcomes"] if o["id"] == outcome_id)
