"""Admins invite people by email; the link creates the account with its role and place once,
and a used, withdrawn, replaced or expired link says so plainly."""

import time
from urllib.parse import urlsplit

import pytest
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from sqlalchemy import select

from app.accounts.invitations import INVITATION_DAYS, INVITATION_SALT
from app.accounts.models import AccountEvent, AdminEvent, Invitation, Role, User
from app.extensions import db

PASSWORD = {"name": "Nadia Okafor", "password": "lanterns over the weir"}
PASSWORD["confirm"] = PASSWORD["password"]


@pytest.fixture
def admin(make_user):
    return make_user(Role.ADMIN, name="Ada Admin")


@pytest.fixture
def admin_client(app, admin):
    browser = app.test_client()
    response = browser.post(
        "/sign-in", data={"email": admin.email, "password": "correct horse battery"}
    )
    assert response.status_code == 302
    return browser


@pytest.fixture
def organisation(make_organisation):
    return make_organisation("Riverside Food Bank")


def invite(admin_client, **fields) -> str:
    """Send an invitation from the admin page; the page it leads to."""
    data = {"email": "nadia@example.org", "role": "cso", "organisation_id": "0"}
    data |= {"public_body_id": "0"} | fields
    return admin_client.post("/admin/invitations/", data=data, follow_redirects=True).get_data(
        as_text=True
    )


def link_in(mailbox, email: str = "nadia@example.org") -> str:
    mail = mailbox(email)[-1]
    return urlsplit(mail.link_to("/invitation/")).path


def test_an_invited_member_chooses_a_name_and_password_and_joins(
    app, admin_client, organisation, mailbox, client
):
    page = invite(admin_client, organisation_id=str(organisation.id), email="Nadia@Example.org")
    assert "Sent an invitation to nadia@example.org." in page
    assert "nadia@example.org" in page and "A member of Riverside Food Bank" in page
    mail = mailbox("nadia@example.org")[-1]
    assert mail.subject == "You are invited to join Valuecase"
    assert "Ada Admin has invited you to join Valuecase as a member of Riverside Food Bank" in (
        mail.body
    )
    assert mail.link_to("/invitation/").startswith(app.config["SITE_URL"].rstrip("/"))
    link = link_in(mailbox)

    form = client.get(link).get_data(as_text=True)
    assert "Accept your invitation" in form and "a member of Riverside Food Bank" in form
    weak = client.post(link, data=PASSWORD | {"password": "short", "confirm": "short"})
    assert "Error: " in weak.get_data(as_text=True)
    assert 'value="Nadia Okafor"' in weak.get_data(as_text=True)
    response = client.post(link, data=PASSWORD)
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "nadia@example.org"))
    assert user.role == Role.CSO and user.organisation_id == organisation.id
    assert user.name == "Nadia Okafor" and not user.assessor
    home = client.get("/").get_data(as_text=True)
    assert "Signed in as <strong>Nadia Okafor</strong>" in home
    assert "you are a member of Riverside Food Bank" in home
    event = db.session.scalar(select(AccountEvent).where(AccountEvent.user_id == user.id))
    assert event.action == "account-created" and event.actor.name == "Ada Admin"

    client.post("/sign-out")
    used = client.get(link)
    assert used.status_code == 410
    assert "This invitation has already been used" in used.get_data(as_text=True)
    again = client.post(link, data=PASSWORD)
    assert again.status_code == 410
    assert len(db.session.scalars(select(User)).all()) == 2
    assert "No invitations are waiting" in admin_client.get("/admin/invitations/").get_data(
        as_text=True
    )


def test_a_commissioner_is_invited_as_an_assessor_too(
    admin_client, make_public_body, mailbox, client
):
    body = make_public_body("Anytown Borough Council")
    invite(admin_client, role="commissioner", public_body_id=str(body.id), assessor="y")
    client.post(link_in(mailbox), data=PASSWORD)
    user = db.session.scalar(select(User).where(User.email == "nadia@example.org"))
    assert user.role == Role.COMMISSIONER and user.public_body_id == body.id and user.assessor
    assert user.organisation_id is None


def test_a_member_invitation_needs_an_organisation(admin_client, mailbox):
    page = invite(admin_client, email="nadia@example.org")
    assert "Select the organisation they will join" in page
    assert 'value="nadia@example.org"' in page and not mailbox("nadia@example.org")


def test_a_bad_address_is_refused_with_what_was_typed(admin_client, organisation):
    page = invite(admin_client, email="nadia at example", organisation_id=str(organisation.id))
    assert "Enter an email address in the correct format" in page
    assert 'value="nadia at example"' in page


def test_pending_invitations_show_on_the_place_page(admin_client, organisation, mailbox):
    invite(admin_client, organisation_id=str(organisation.id))
    page = admin_client.get(f"/admin/organisations/{organisation.id}").get_data(as_text=True)
    assert "nadia@example.org" in page and "Pending" in page
    assert "Invitation sent: nadia@example.org, as a member of Riverside Food Bank" in page
    twice = invite(admin_client, organisation_id=str(organisation.id))
    assert "nadia@example.org has been invited already" in twice


def test_sending_again_replaces_the_link(admin_client, organisation, mailbox, client):
    invite(admin_client, organisation_id=str(organisation.id))
    first = link_in(mailbox)
    invitation = db.session.scalar(select(Invitation))
    page = admin_client.post(
        f"/admin/invitations/{invitation.id}/resend", follow_redirects=True
    ).get_data(as_text=True)
    assert "Sent the invitation to nadia@example.org again." in page
    second = link_in(mailbox)
    assert second != first and len(mailbox("nadia@example.org")) == 2
    old = client.get(first)
    assert old.status_code == 404 and "only the latest link works" in old.get_data(as_text=True)
    assert client.post(second, data=PASSWORD).status_code == 302


def test_a_withdrawn_invitation_asks_first_and_its_link_says_so(
    admin_client, organisation, mailbox, client
):
    invite(admin_client, organisation_id=str(organisation.id))
    link = link_in(mailbox)
    invitation = db.session.scalar(select(Invitation))
    url = f"/admin/invitations/{invitation.id}/withdraw"
    confirm = admin_client.get(url).get_data(as_text=True)
    assert "Are you sure you want to withdraw this invitation?" in confirm
    done = admin_client.post(url, follow_redirects=True).get_data(as_text=True)
    assert "Withdrew the invitation to nadia@example.org." in done
    twice = admin_client.post(url, follow_redirects=True).get_data(as_text=True)
    assert "The invitation to nadia@example.org has been withdrawn." in twice
    resent = admin_client.post(
        f"/admin/invitations/{invitation.id}/resend", follow_redirects=True
    ).get_data(as_text=True)
    assert "has been withdrawn" in resent and len(mailbox("nadia@example.org")) == 1

    shown = client.get(link)
    assert shown.status_code == 410
    assert "This invitation has been withdrawn" in shown.get_data(as_text=True)
    assert client.post(link, data=PASSWORD).status_code == 410
    assert db.session.scalar(select(User).where(User.email == "nadia@example.org")) is None
    actions = db.session.scalars(select(AdminEvent.action).order_by(AdminEvent.id)).all()
    assert actions == ["invitation-sent", "invitation-withdrawn"]


def test_an_expired_link_says_so(app, admin_client, organisation, mailbox, client):
    invite(admin_client, organisation_id=str(organisation.id))
    invitation = db.session.scalar(select(Invitation))

    class SignedLongAgo(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time()) - (INVITATION_DAYS + 1) * 24 * 3600

    token = URLSafeTimedSerializer(
        app.config["SECRET_KEY"], salt=INVITATION_SALT, signer=SignedLongAgo
    ).dumps({"invitation": invitation.id, "nonce": invitation.nonce})
    response = client.get(f"/invitation/{token}")
    assert response.status_code == 410
    assert "This invitation has expired" in response.get_data(as_text=True)
    page = admin_client.get("/admin/invitations/").get_data(as_text=True)
    assert "Pending" in page


def test_a_tampered_link_is_refused(admin_client, organisation, mailbox, client):
    invite(admin_client, organisation_id=str(organisation.id))
    response = client.get(link_in(mailbox)[:-3] + "abc")
    assert response.status_code == 404
    assert "This link does not work" in response.get_data(as_text=True)


def test_an_existing_trainee_is_added_at_once_and_told(
    admin_client, organisation, make_user, mailbox
):
    trainee = make_user(Role.MEMBER, name="Tara Trainee", email="tara@example.org")
    page = invite(admin_client, email="TARA@example.org", organisation_id=str(organisation.id))
    assert "tara@example.org already had an account" in page
    assert "Tara Trainee is now a member of Riverside Food Bank" in page
    db.session.refresh(trainee)
    assert trainee.role == Role.CSO and trainee.organisation_id == organisation.id
    mail = mailbox("tara@example.org")[-1]
    assert mail.subject == "You have been added on Valuecase"
    assert "made you a member of Riverside Food Bank" in mail.body
    assert db.session.scalar(select(Invitation)) is None
    user_page = admin_client.get(f"/admin/users/{trainee.id}").get_data(as_text=True)
    assert "invitation" in user_page and "Riverside Food Bank" in user_page


def test_an_account_with_another_role_is_not_moved(
    admin_client, organisation, make_user, make_organisation, mailbox
):
    elsewhere = make_user(
        Role.CSO, email="sam@example.org", organisation=make_organisation("Hope Housing")
    )
    page = invite(admin_client, email="sam@example.org", organisation_id=str(organisation.id))
    assert "sam@example.org already has an account as CSO member at Hope Housing" in page
    db.session.refresh(elsewhere)
    assert elsewhere.organisation.name == "Hope Housing" and not mailbox("sam@example.org")


def test_an_account_made_meanwhile_stops_the_invitation(
    admin_client, organisation, make_user, mailbox, client
):
    invite(admin_client, organisation_id=str(organisation.id))
    link = link_in(mailbox)
    make_user(Role.MEMBER, email="nadia@example.org")
    page = client.get(link).get_data(as_text=True)
    assert "There is already an account for nadia@example.org" in page


def test_a_deactivated_organisation_takes_no_invitations(
    admin_client, organisation, mailbox, client
):
    invite(admin_client, organisation_id=str(organisation.id))
    link = link_in(mailbox)
    admin_client.post(f"/admin/organisations/{organisation.id}/deactivate")
    response = client.post(link, data=PASSWORD)
    assert response.status_code == 410
    assert "Riverside Food Bank has been deactivated" in response.get_data(as_text=True)
    page = invite(admin_client, email="other@example.org", organisation_id=str(organisation.id))
    assert "Not a valid choice" in page or "deactivated" in page
    assert not mailbox("other@example.org")


def test_an_administrator_can_be_invited(admin_client, mailbox, client):
    invite(admin_client, role="admin")
    client.post(link_in(mailbox), data=PASSWORD)
    user = db.session.scalar(select(User).where(User.email == "nadia@example.org"))
    assert user.role == Role.ADMIN and user.organisation_id is None
