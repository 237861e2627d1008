"""Text a user typed is escaped on every page that shows it (stored XSS)."""

import pytest

from app.accounts.models import Organisation, PublicBody, Role
from app.examples import load_example
from app.extensions import db
from app.proposals import services
from app.triage import services as triage

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def poisoned_document() -> dict:
    document = load_example("challenge-young-carers")
    document["title"] = "Title " + PAYLOAD
    document["summary"] = PAYLOAD
    document["service"]["name"] = "Service " + PAYLOAD
    document["stakeholders"][0]["name"] = "Carers " + PAYLOAD
    document["stakeholders"][0]["subgroups"] = [PAYLOAD]
    document["outcomes"][0]["description"] = "Outcome " + PAYLOAD
    document["judgements"] = [{"topic": PAYLOAD, "judgement": PAYLOAD, "rationale": PAYLOAD}]
    return document


@pytest.fixture
def world(make_user, app):
    organisation = Organisation(name="Org " + PAYLOAD, type="charity")
    body = PublicBody(name="Body " + PAYLOAD)
    db.session.add_all([organisation, body])
    db.session.commit()
    member = make_user(Role.CSO, name="Member " + PAYLOAD, organisation=organisation)
    commissioner = make_user(Role.COMMISSIONER, name="Comm " + PAYLOAD, public_body=body)
    admin = make_user(Role.ADMIN, name="Admin " + PAYLOAD)
    draft = services.new_proposal(organisation, body, poisoned_document(), member)
    submitted = services.new_proposal(organisation, body, poisoned_document(), member)
    db.session.commit()
    rulebook = app.extensions["rulebook"]
    services.submit(submitted, member, rulebook.check(submitted.draft), None)
    triage.take(submitted, "start_review", commissioner, "", None, "")
    triage.add_judgement(submitted, commissioner, "vfm", PAYLOAD, PAYLOAD, PAYLOAD)
    triage.decide(
        submitted,
        commissioner,
        triage.DecisionInput("rejected", PAYLOAD, "", ("frivolous",)),
        None,
        "",
    )
    return {
        "member": member,
        "commissioner": commissioner,
        "admin": admin,
        "draft": draft,
        "submitted": submitted,
    }


def assert_escaped(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.get_data(as_text=True)
    assert "<script>alert" not in html, url
    assert "<img src=x" not in html, url
    return html


def test_proposer_pages_escape_user_text(client, world, sign_in):
    sign_in(world["member"])
    draft, done = world["draft"].id, world["submitted"].id
    for url in (
        "/",
        "/proposals/",
        f"/proposals/{draft}",
        f"/proposals/{draft}/check-answers",
        f"/proposals/{draft}/sections/stakeholders",
        f"/proposals/{draft}/sections/about",
        f"/proposals/{draft}/sections/stakeholders/0",
        f"/proposals/{draft}/sections/outcomes/0",
        f"/proposals/{draft}/value",
        f"/proposals/{draft}/check",
        f"/proposals/{done}/versions/1",
        "/notifications/",
    ):
        assert_escaped(client, url)
    assert "Title &lt;script&gt;" in assert_escaped(client, f"/proposals/{draft}")


def test_commissioner_and_public_pages_escape_user_text(client, world, sign_in):
    sign_in(world["commissioner"])
    done = world["submitted"].id
    for url in ("/triage/", f"/triage/{done}", "/notifications/"):
        assert_escaped(client, url)
    client.post("/sign-out")
    for url in ("/register/", f"/register/{done}"):
        assert "&lt;script&gt;" in assert_escaped(client, url)


def test_admin_pages_escape_user_text(client, world, sign_in):
    sign_in(world["admin"])
    for url in (
        "/admin/",
        "/admin/organisations",
        "/admin/public-bodies",
        f"/admin/users/{world['member'].id}",
    ):
        assert_escaped(client, url)


def test_value_charts_escape_stakeholder_names(client, world, sign_in):
    sign_in(world["member"])
    html = assert_escaped(client, f"/proposals/{world['draft'].id}/value")
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert "&lt;script&gt;" in svg
