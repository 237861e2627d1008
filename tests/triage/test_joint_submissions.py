"""Joint submissions: a lead body decides; co-commissioning bodies read, judge and say where
they stand."""

import pytest

from app.accounts.models import Role
from app.examples import load_example
from app.extensions import db
from app.proposals import services
from app.triage import services as triage

MAIL = {"MAIL_SERVER": None, "MAIL_SENDER": "x <x@example.org>"}


@pytest.fixture
def partner(make_public_body):
    return make_public_body("Wessex Integrated Care Board")


@pytest.fixture
def partner_commissioner(make_user, partner):
    return make_user(Role.COMMISSIONER, name="Pat Partner", public_body=partner)


@pytest.fixture
def stranger(make_user, make_public_body):
    return make_user(Role.COMMISSIONER, name="Sol Stranger", public_body=make_public_body("Far"))


@pytest.fixture
def joint_case(client, sign_in, proposer, body, commissioner, partner, partner_commissioner):
    """A draft on which the proposer names the partner body, then submits."""
    draft = services.new_proposal(
        proposer.organisation, body, load_example("challenge-young-carers"), proposer
    )
    db.session.commit()
    sign_in(proposer)
    page = client.get(f"/proposals/{draft.id}").get_data(as_text=True)
    assert "Co-commissioning bodies" in page and partner.name in page
    added = client.post(
        f"/proposals/{draft.id}/co-commissioners",
        data={"public_body_id": partner.id},
        follow_redirects=True,
    )
    assert f"{partner.name} added as a co-commissioner" in added.get_data(as_text=True)
    client.post("/sign-out")
    services.submit(draft, proposer, None, MAIL)
    return draft


def test_the_proposer_cannot_name_the_lead_body_and_can_remove_a_named_one(
    client, sign_in, proposer, body, commissioner, partner, partner_commissioner
):
    draft = services.new_proposal(
        proposer.organisation, body, load_example("challenge-young-carers"), proposer
    )
    db.session.commit()
    sign_in(proposer)
    refused = client.post(
        f"/proposals/{draft.id}/co-commissioners",
        data={"public_body_id": body.id},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "select a public body from the list" in refused
    client.post(f"/proposals/{draft.id}/co-commissioners", data={"public_body_id": partner.id})
    removed = client.post(
        f"/proposals/{draft.id}/co-commissioners/{partner.id}/remove", follow_redirects=True
    ).get_data(as_text=True)
    assert f"{partner.name} is no longer a co-commissioner" in removed
    assert 'id="co-commissioner-list"' not in removed


def test_a_joint_case_is_in_both_queues_marked_for_the_co_commissioner(
    client, sign_in, joint_case, commissioner, partner_commissioner, body
):
    lead_queue = sign_in(commissioner).get("/triage/").get_data(as_text=True)
    assert joint_case.title in lead_queue and "Joint: led by" not in lead_queue
    client.post("/sign-out")
    partner_queue = sign_in(partner_commissioner).get("/triage/").get_data(as_text=True)
    assert joint_case.title in partner_queue
    assert f"Joint: led by {body.name}" in partner_queue


def test_the_co_commissioner_reads_judges_and_states_a_position(
    client, sign_in, joint_case, partner_commissioner
):
    sign_in(partner_commissioner)
    for part in ("", "/case", "/value", "/changes", "/audit"):
        assert client.get(f"/triage/{joint_case.id}{part}").status_code == 200, part
    summary = client.get(f"/triage/{joint_case.id}").get_data(as_text=True)
    for step in ("transition", "assign", "decide", "request-information"):
        assert f"/triage/{joint_case.id}/{step}" not in summary, step
    assert "Internal notes" not in summary.split('id="review-parts"')[1].split("</nav>")[0]
    # the lead's messages, notes, attachments and PDFs are not offered to a co-commissioner
    assert "co-commissions this submission" in summary
    for link in ("/messages", "/notes", "/attachments"):
        assert f"/triage/{joint_case.id}{link}" not in summary, link
    assert "Download the assessment report" not in summary
    judged = client.post(
        f"/triage/{joint_case.id}/judgements",
        data={
            "area": "vfm",
            "topic": "Shared budget",
            "judgement": "The pooled budget covers it",
            "rationale": "Our share is set out",
        },
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Judgement recorded." in judged and "Shared budget" in judged
    assert "Your body&#39;s position" in judged or "Your body's position" in judged
    empty = client.post(f"/triage/{joint_case.id}/position", data={"position": "supports"})
    assert empty.status_code == 400
    assert "Give the reason for your body" in empty.get_data(as_text=True)
    stated = client.post(
        f"/triage/{joint_case.id}/position",
        data={"position": "supports_with_conditions", "reason": "If the pooled budget holds"},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "position is recorded" in stated
    assert "Supports with conditions" in stated and "If the pooled budget holds" in stated


def test_the_co_commissioner_cannot_take_the_leads_steps(
    client, sign_in, joint_case, partner_commissioner, partner
):
    sign_in(partner_commissioner)
    case = joint_case.id
    assert client.get(f"/triage/{case}/decide").status_code == 404
    assert client.post(f"/triage/{case}/decide", data={"outcome": "accepted"}).status_code == 404
    assert client.post(f"/triage/{case}/decide/confirm").status_code == 404
    assert (
        client.post(f"/triage/{case}/transition", data={"action": "start_review"}).status_code
        == 404
    )
    assert client.get(f"/triage/{case}/request-information").status_code == 404
    assert client.post(f"/triage/{case}/assign", data={"assignee_id": 0}).status_code == 404
    assert client.get(f"/triage/{case}/messages").status_code == 404
    assert joint_case.status.value == "submitted"


def test_the_lead_sees_positions_when_deciding_and_the_register_lists_them(
    client, sign_in, joint_case, commissioner, partner_commissioner, partner
):
    sign_in(partner_commissioner)
    client.post(
        f"/triage/{joint_case.id}/position",
        data={"position": "opposes", "reason": "It moves cost onto our wards"},
    )
    client.post("/sign-out")
    sign_in(commissioner)
    assert client.post(f"/triage/{joint_case.id}/position", data={}).status_code == 404
    client.post(f"/triage/{joint_case.id}/transition", data={"action": "start_review"})
    deciding = client.get(f"/triage/{joint_case.id}/decide").get_data(as_text=True)
    assert partner.name in deciding and "Opposes" in deciding
    assert "It moves cost onto our wards" in deciding
    judgements = client.get(f"/triage/{joint_case.id}/judgements").get_data(as_text=True)
    assert "Co-commissioners&#39; positions" in judgements or "Co-commissioners'" in judgements
    triage.decide(
        joint_case,
        commissioner,
        triage.DecisionInput("accepted", "Good value", "A procurement exercise"),
        None,
        "",
    )
    client.post("/sign-out")
    entry = client.get(f"/register/{joint_case.id}").get_data(as_text=True)
    assert "Co-commissioners" in entry and f"{partner.name}: Opposes" in entry


def test_a_body_not_named_finds_nothing(client, sign_in, joint_case, stranger):
    sign_in(stranger)
    assert joint_case.title not in client.get("/triage/").get_data(as_text=True)
    for part in ("", "/case", "/judgements"):
        assert client.get(f"/triage/{joint_case.id}{part}").status_code == 404
    assert client.post(f"/triage/{joint_case.id}/position", data={}).status_code == 404
    assert client.post(f"/triage/{joint_case.id}/judgements", data={}).status_code == 404
