"""The admin page manages users, roles, organisations and public bodies."""

import pytest

from app.accounts.models import Role


@pytest.fixture
def admin_client(make_user, sign_in):
    return sign_in(make_user(Role.ADMIN, name="Ada Admin"))


@pytest.mark.parametrize("role", [Role.MEMBER, Role.CSO, Role.COMMISSIONER])
def test_only_admins_reach_admin_pages(client, make_user, sign_in, role):
    sign_in(make_user(role))
    for path in ("/admin/", "/admin/organisations", "/admin/public-bodies"):
        assert client.get(path).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/sign-in?next=" in response.headers["Location"]


def test_admin_lists_users_with_roles(admin_client, make_user, make_public_body):
    make_user(Role.COMMISSIONER, name="Cal Commissioner", public_body=make_public_body("Fenland"))
    page = admin_client.get("/admin/").get_data(as_text=True)
    assert "Cal Commissioner" in page and "Commissioner" in page and "Fenland" in page


def test_admin_makes_a_member_a_commissioner(admin_client, make_user, make_public_body, db):
    person = make_user(Role.MEMBER)
    body = make_public_body("Fenland District Council")
    response = admin_client.post(
        f"/admin/users/{person.id}",
        data={
            "role": "commissioner",
            "organisation_id": "0",
            "public_body_id": str(body.id),
            "active": "y",
        },
    )
    assert response.status_code == 302
    db.session.refresh(person)
    assert person.role == Role.COMMISSIONER and person.public_body_id == body.id


def test_commissioner_needs_a_public_body(admin_client, make_user):
    person = make_user(Role.MEMBER)
    page = admin_client.post(
        f"/admin/users/{person.id}",
        data={"role": "commissioner", "organisation_id": "0", "public_body_id": "0", "active": "y"},
    ).get_data(as_text=True)
    assert "Select the public body this commissioner works for" in page
    assert "Error: " in page


def test_admin_cannot_remove_own_access(admin_client, db):
    from sqlalchemy import select

    from app.accounts.models import User

    me = db.session.scalar(select(User).where(User.role == Role.ADMIN))
    page = admin_client.post(
        f"/admin/users/{me.id}",
        data={"role": "member", "organisation_id": "0", "public_body_id": "0", "active": "y"},
    ).get_data(as_text=True)
    assert "You cannot remove your own administrator access" in page


def test_admin_adds_organisations_and_public_bodies(admin_client):
    admin_client.post("/admin/organisations", data={"name": "Hope Housing", "type": "charity"})
    assert "Hope Housing" in admin_client.get("/admin/organisations").get_data(as_text=True)
    page = admin_client.post(
        "/admin/organisations", data={"name": "hope housing", "type": "charity"}
    ).get_data(as_text=True)
    assert "An organisation with this name already exists" in page
    admin_client.post(
        "/admin/public-bodies", data={"name": "Fenland", "response_period_days": "30"}
    )
    assert "Fenland" in admin_client.get("/admin/public-bodies").get_data(as_text=True)


def test_public_body_period_must_be_a_number(admin_client):
    page = admin_client.post(
        "/admin/public-bodies", data={"name": "Fenland", "response_period_days": "soon"}
    ).get_data(as_text=True)
    assert "Response period in working days: enter a whole number" in page
    assert 'value="Fenland"' in page and 'value="soon"' in page


def test_unknown_user_is_a_404(admin_client):
    assert admin_client.get("/admin/users/999999").status_code == 404


def test_admin_resets_a_lost_second_factor_with_a_reason_on_record(
    app, admin_client, make_user, db
):
    from sqlalchemy import select

    from app.accounts import second_factor, totp
    from app.accounts.models import AccountEvent, RecoveryCode, utcnow

    person = make_user(Role.COMMISSIONER, name="Cal Commissioner")
    person.totp_secret, person.totp_enabled_at = totp.new_secret(), utcnow()
    db.session.commit()
    second_factor.renew_recovery_codes(person)
    phone = app.test_client()
    phone.post("/sign-in", data={"email": person.email, "password": "correct horse battery"})
    phone.post("/sign-in/code", data={"code": totp.code_at(person.totp_secret, utcnow())})
    assert phone.get("/training/").status_code == 200

    page = admin_client.get(f"/admin/users/{person.id}").get_data(as_text=True)
    assert "On since" in page and "Reset second factor" in page
    url = f"/admin/users/{person.id}/second-factor"
    missing = admin_client.post(url, data={"reason": ""}).get_data(as_text=True)
    assert "Enter why you are resetting the second factor" in missing
    response = admin_client.post(url, data={"reason": "Lost phone; called back on file number"})
    assert response.status_code == 302

    db.session.refresh(person)
    assert person.totp_secret is None and person.totp_enabled_at is None
    assert db.session.scalar(select(RecoveryCode).where(RecoveryCode.user_id == person.id)) is None
    assert phone.get("/training/").status_code == 302
    event = db.session.scalar(
        select(AccountEvent).where(AccountEvent.action == "second-factor-reset")
    )
    assert event.user_id == person.id and event.actor.name == "Ada Admin"
    assert event.detail == "Lost phone; called back on file number"
    page = admin_client.get(f"/admin/users/{person.id}").get_data(as_text=True)
    assert "Second factor reset by an administrator: Lost phone" in page and "Ada Admin" in page
    assert "Not set up." in page


def test_admin_user_page_shows_account_activity(admin_client, make_user, app):
    person = make_user(name="Pat Person")
    browser = app.test_client()
    browser.post("/sign-in", data={"email": person.email, "password": "wrong password!"})
    browser.post("/sign-in", data={"email": person.email, "password": "correct horse battery"})
    page = admin_client.get(f"/admin/users/{person.id}").get_data(as_text=True)
    assert "Failed sign-in attempt: wrong password" in page
    assert "Signed in" in page


def test_admin_names_an_assessor_and_takes_the_role_away(admin_client, make_user, db, app):
    person = make_user(Role.COMMISSIONER, name="Cal Commissioner")
    page = admin_client.get(f"/admin/users/{person.id}").get_data(as_text=True)
    assert 'name="assessor"' in page and "may mark other people" in page
    fields = {"role": "commissioner", "organisation_id": "0", "active": "y"}
    fields["public_body_id"] = str(person.public_body_id)
    assert (
        admin_client.post(f"/admin/users/{person.id}", data={**fields, "assessor": "y"}).status_code
        == 302
    )
    db.session.refresh(person)
    assert person.assessor
    browser = app.test_client()
    browser.post("/sign-in", data={"email": person.email, "password": "correct horse battery"})
    assert browser.get("/training/assessments").status_code == 200

    assert admin_client.post(f"/admin/users/{person.id}", data=fields).status_code == 302
    db.session.refresh(person)
    assert not person.assessor
    assert browser.get("/training/assessments").status_code == 403
