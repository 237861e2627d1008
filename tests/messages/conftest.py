"""Fixtures: the parties to a submission and outsiders, a draft and a submission, and
attachments kept in a directory of the test's own."""

from pathlib import Path

import pytest

from app.accounts.models import Role
from app.examples import load_example
from app.extensions import db
from app.proposals import services

LOG_ONLY = {"MAIL_SERVER": None, "MAIL_SENDER": "Valuecase <no-reply@example.org>"}


@pytest.fixture(autouse=True)
def attachments_dir(app, tmp_path, monkeypatch) -> Path:
    """Where this test's attachments are kept."""
    folder = tmp_path / "attachments"
    monkeypatch.setitem(app.config, "ATTACHMENTS_DIR", str(folder))
    return folder


@pytest.fixture
def people(make_user, make_public_body, make_organisation) -> dict:
    """Two members of Carers Trust, two commissioners of Anytown, and one of each elsewhere."""
    body = make_public_body("Anytown Borough Council")
    organisation = make_organisation("Carers Trust")
    return {
        "member": make_user(Role.CSO, name="Sam Member", organisation=organisation),
        "colleague": make_user(Role.CSO, name="Jo Colleague", organisation=organisation),
        "commissioner": make_user(Role.COMMISSIONER, name="Chris Commissioner", public_body=body),
        "reviewer": make_user(Role.COMMISSIONER, name="Priya Reviewer", public_body=body),
        "other_member": make_user(Role.CSO, name="Olu Outsider"),
        "other_commissioner": make_user(Role.COMMISSIONER, name="Kim Elsewhere"),
        "admin": make_user(Role.ADMIN, name="Ada Admin"),
        "body": body,
    }


def new_draft(people, example: str = "challenge-young-carers"):
    """A draft of Carers Trust to Anytown."""
    member = people["member"]
    proposal = services.new_proposal(
        member.organisation, people["body"], load_example(example), member
    )
    db.session.commit()
    return proposal


@pytest.fixture
def draft(people):
    """A draft never submitted."""
    return new_draft(people)


@pytest.fixture
def submission(people):
    """A submission waiting for its review."""
    proposal = new_draft(people, "propose-hospital-discharge")
    services.submit(proposal, people["member"], None, LOG_ONLY)
    return proposal


@pytest.fixture
def as_person(client, sign_in):
    """Sign a person in, signing out whoever was signed in; returns the client."""

    def switch(person):
        client.post("/sign-out")
        return sign_in(person)

    return switch
