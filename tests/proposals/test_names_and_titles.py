"""Titles cannot impersonate: hidden characters refused, look-alike forms normalised."""

import io
import json

import pytest
from sqlalchemy import select

from app.examples import load_example
from app.proposals.models import Proposal

RIGHT_TO_LEFT = "Library \u202egnp.exe"
ZERO_WIDTH = "Kirk\u200bfield Library"


@pytest.fixture(autouse=True)
def _the_body_has_a_commissioner(staffed):
    """Submissions are addressed only to bodies with a commissioner to read them."""
    return staffed


def test_a_title_with_a_direction_override_is_refused_and_kept(member_client, staffed, db):
    body = staffed
    page = member_client.post(
        "/proposals/new",
        data={"kind": "challenge", "public_body_id": body.id, "title": RIGHT_TO_LEFT},
    ).get_data(as_text=True)
    assert "Title must not contain invisible or direction-changing characters (U+202E)" in page
    assert 'value="Library \u202egnp.exe"' in page
    assert db.session.scalar(select(Proposal)) is None


def test_a_title_with_a_zero_width_space_is_refused(member_client, staffed, db):
    body = staffed
    page = member_client.post(
        "/proposals/new", data={"kind": "challenge", "public_body_id": body.id, "title": ZERO_WIDTH}
    ).get_data(as_text=True)
    assert "(U+200B)" in page
    assert db.session.scalar(select(Proposal)) is None


def test_a_full_width_title_is_stored_in_its_plain_form(member_client, staffed, db):
    body = staffed
    member_client.post(
        "/proposals/new",
        data={
            "kind": "challenge",
            "public_body_id": body.id,
            "title": "Ｋｉｒｋｆｉｅｌｄ  Library",
        },
    )
    proposal = db.session.scalar(select(Proposal))
    assert proposal.title == "Kirkfield Library"
    assert proposal.draft["title"] == "Kirkfield Library"


def test_the_title_question_refuses_hidden_characters(member_client, staffed, db):
    body = staffed
    member_client.post(
        "/proposals/new", data={"kind": "challenge", "public_body_id": body.id, "title": "Library"}
    )
    proposal = db.session.scalar(select(Proposal))
    page = member_client.post(
        f"/proposals/{proposal.id}/sections/about",
        data={"title": RIGHT_TO_LEFT, "summary": "A summary.", "revision": proposal.revision},
    ).get_data(as_text=True)
    assert "Title must not contain invisible or direction-changing characters" in page
    db.session.refresh(proposal)
    assert proposal.title == "Library"


def test_an_imported_document_with_a_disguised_title_is_refused_at_its_field(
    member_client, body, db
):
    document = load_example("challenge-young-carers")
    document["title"] = RIGHT_TO_LEFT
    page = member_client.post(
        "/proposals/import",
        data={
            "public_body_id": str(body.id),
            "file": (io.BytesIO(json.dumps(document).encode()), "doc.json"),
        },
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert "must not contain invisible or direction-changing characters (U+202E)" in page
    assert db.session.scalar(select(Proposal)) is None
