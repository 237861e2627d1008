"""A CSO member sees only their own organisation's submissions."""

import pytest

from app.accounts.models import Role


def test_members_of_another_organisation_get_404(client, challenge, make_user, sign_in):
    sign_in(make_user(Role.CSO))
    for path in (
        f"/proposals/{challenge.id}",
        f"/proposals/{challenge.id}/sections/vfm",
        f"/proposals/{challenge.id}/check-answers",
        f"/proposals/{challenge.id}/export.json",
    ):
        assert client.get(path).status_code == 404, path
    assert "Young carers support" not in client.get("/proposals/").get_data(as_text=True)


def test_colleagues_in_the_same_organisation_see_it(client, challenge, member, make_user, sign_in):
    sign_in(make_user(Role.CSO, organisation=member.organisation))
    assert "Young carers support" in client.get("/proposals/").get_data(as_text=True)
    assert client.get(f"/proposals/{challenge.id}").status_code == 200


@pytest.mark.parametrize("role", [Role.MEMBER, Role.COMMISSIONER])
def test_other_roles_cannot_use_the_proposer_pages(client, challenge, make_user, sign_in, role):
    sign_in(make_user(role))
    assert client.get("/proposals/").status_code == 403
    assert client.get(f"/proposals/{challenge.id}").status_code == 403


def test_seed_demo_imports_the_examples_as_drafts_and_submissions(runner, db):
    from sqlalchemy import select

    from app.proposals.models import Proposal
    from app.proposals.workflow import Status

    runner.invoke(args=["seed-demo"])
    runner.invoke(args=["seed-demo"])
    proposals = db.session.scalars(select(Proposal)).all()
    assert len(proposals) == 4
    statuses = {p.status for p in proposals}
    assert {Status.DRAFT, Status.IN_REVIEW, Status.ACCEPTED, Status.REJECTED} <= statuses
