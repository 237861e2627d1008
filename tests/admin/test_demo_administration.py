"""The demo shows the admin pages something to work with: a deactivated organisation and an
invitation waiting for an answer, each once however often the demo is loaded."""

from sqlalchemy import func, select

from app.accounts.models import Invitation, Organisation


def test_the_demo_has_a_deactivated_organisation_and_a_pending_invitation(runner, client, db):
    for _ in range(2):
        assert runner.invoke(args=["seed-demo"]).exit_code == 0
    closed = db.session.scalar(select(Organisation).where(Organisation.active.is_(False)))
    assert closed.name == "Millbrook Men's Shed" and closed.registration_number == "1177001"
    assert db.session.scalar(select(func.count()).select_from(Invitation)) == 1
    client.post("/sign-in", data={"email": "admin@demo.example.org", "password": "demo-pass-2026"})
    page = client.get("/admin/invitations/").get_data(as_text=True)
    assert "newcommissioner@demo.example.org" in page
    assert "A commissioner at Wessex County Council" in page
    listing = client.get("/admin/organisations").get_data(as_text=True)
    assert "Millbrook Men&#39;s Shed" in listing and "Deactivated" in listing
