"""The create-admin and seed-demo commands."""

from sqlalchemy import func, select

from app.accounts.models import Organisation, PublicBody, Role, User


def test_create_admin_makes_a_new_admin_with_a_generated_password(runner, db):
    result = runner.invoke(args=["create-admin", "boss@example.org", "--name", "Bo Boss"])
    assert result.exit_code == 0, result.output
    assert "Created administrator boss@example.org" in result.output
    assert "Password: " in result.output
    user = db.session.scalar(select(User).where(User.email == "boss@example.org"))
    assert user.role == Role.ADMIN


def test_create_admin_promotes_an_existing_account(runner, make_user, db):
    user = make_user(Role.CSO, email="cso@example.org")
    result = runner.invoke(args=["create-admin", "CSO@example.org"])
    assert "Promoted administrator cso@example.org" in result.output
    db.session.refresh(user)
    assert user.role == Role.ADMIN and user.organisation_id is None


def test_create_admin_rejects_a_bad_email_or_weak_password(runner):
    assert runner.invoke(args=["create-admin", "nope"]).exit_code != 0
    weak = runner.invoke(args=["create-admin", "a@example.org", "--password", "short"])
    assert weak.exit_code != 0 and "at least 10 characters" in weak.output


def test_seed_demo_is_idempotent_and_prints_sign_ins(runner, db):
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    assert "commissioner@demo.example.org" in first.output
    counts = [
        db.session.scalar(select(func.count()).select_from(m))
        for m in (User, Organisation, PublicBody)
    ]
    runner.invoke(args=["seed-demo"])
    again = [
        db.session.scalar(select(func.count()).select_from(m))
        for m in (User, Organisation, PublicBody)
    ]
    assert counts == again
    commissioners = db.session.scalars(select(User).where(User.role == Role.COMMISSIONER)).all()
    per_body = [c.public_body_id for c in commissioners]
    assert max(per_body.count(body) for body in per_body) >= 2
    assert db.session.scalar(select(func.count()).select_from(Organisation)) >= 2


def test_demo_accounts_can_sign_in(runner, client):
    runner.invoke(args=["seed-demo"])
    for email in ("commissioner@demo.example.org", "carers@demo.example.org"):
        response = client.post("/sign-in", data={"email": email, "password": "demo-pass-2026"})
        assert response.status_code == 302
        client.post("/sign-out")
