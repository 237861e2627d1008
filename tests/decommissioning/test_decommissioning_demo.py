"""The demo publishes a service with a decided assessment beside it and a draft with findings."""

from sqlalchemy import select

from app.accounts.models import Role
from app.decommissioning.demo import seed_decommissioning
from app.decommissioning.models import DecommissioningAssessment
from app.extensions import db


def test_the_demo_has_a_decided_and_a_draft_assessment(client, make_user, sign_in):
    commissioner = make_user(Role.COMMISSIONER)
    seed_decommissioning(commissioner)
    seed_decommissioning(commissioner)  # a second run changes nothing
    found = db.session.scalars(select(DecommissioningAssessment)).all()
    assert sorted(a.status for a in found) == ["decided", "draft"]
    decided = next(a for a in found if a.decided)
    draft = next(a for a in found if not a.decided)
    page = client.get(f"/baselines/{decided.baseline_id}").get_data(as_text=True)
    assert f"/register/decommissioning/{decided.id}" in page
    assert "Move into the library" in client.get(
        f"/register/decommissioning/{decided.id}"
    ).get_data(as_text=True)
    sign_in(commissioner)
    draft_page = client.get(f"/decommissioning/{draft.id}").get_data(as_text=True)
    assert 'data-rule="stakeholders.decommission-loss-not-mitigated"' in draft_page
    assert 'data-rule="vfm.decommission-options-missing"' in draft_page
