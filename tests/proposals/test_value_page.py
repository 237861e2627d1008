"""The value account on the proposal's pages."""

from app.examples import load_example
from app.extensions import db
from app.proposals import services


def test_value_page_shows_impact_map_totals_sensitivity_and_charts(member_client, member, body):
    proposal = services.new_proposal(
        member.organisation, body, load_example("challenge-young-carers"), member
    )
    db.session.commit()
    text = member_client.get(f"/proposals/{proposal.id}/value").get_data(as_text=True)
    assert 'id="impact-map"' in text and "Young carers feel less isolated" in text
    assert "£1.40 : £1" in text
    assert 'id="sensitivity"' in text and "Deadweight +10 points" in text
    assert 'id="switching"' in text
    assert text.count("<svg") == 2 and 'role="img"' in text
    assert "style=" not in text.split("<svg")[1]


def test_value_page_of_a_broken_draft_says_what_to_fix(member_client, challenge):
    draft = dict(challenge.draft)
    draft["outcomes"] = [{"id": "a", "stakeholder": "ghost"}]
    challenge.draft = draft
    db.session.commit()
    text = member_client.get(f"/proposals/{challenge.id}/value").get_data(as_text=True)
    assert "Fix these answers to see the value account" in text
    assert f"/proposals/{challenge.id}/sections/outcomes" in text
