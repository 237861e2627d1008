"""The registration number given at sign-up is kept on the new organisation, and shown."""

from urllib.parse import urlsplit

from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import select

from app.accounts.models import Organisation, Role, User
from app.accounts.services import SIGN_UP_SALT

DETAILS = {
    "name": "Nadia Okafor",
    "email": "nadia@example.org",
    "organisation_name": "Riverside Food Bank",
    "organisation_type": "charity",
}
PASSWORD = {"password": "lanterns over the weir", "confirm": "lanterns over the weir"}


def finish(client, mailbox, data: dict):
    page = client.post("/sign-up", data=data).get_data(as_text=True)
    assert "Check your email" in page, page[:500]
    link = urlsplit(mailbox(data["email"])[-1].link_to("/sign-up/")).path
    return link


def test_the_sign_up_page_asks_for_a_registration_number(client):
    page = client.get("/sign-up").get_data(as_text=True)
    assert "Registration number (optional)" in page


def test_the_registration_number_reaches_the_organisation(client, db, mailbox, make_user, sign_in):
    link = finish(client, mailbox, DETAILS | {"registration_number": "  1098765 "})
    assert "registration number 1098765" in client.get(link).get_data(as_text=True)
    assert client.post(link, data=PASSWORD).status_code == 302
    organisation = db.session.scalar(select(Organisation))
    assert organisation.registration_number == "1098765"
    account = client.get("/account/").get_data(as_text=True)
    assert "Registration number: 1098765" in account
    client.post("/sign-out")
    sign_in(make_user(Role.ADMIN))
    assert "1098765" in client.get("/admin/organisations").get_data(as_text=True)
    page = client.get(f"/admin/organisations/{organisation.id}").get_data(as_text=True)
    assert "1098765" in page


def test_a_registration_number_too_long_is_refused_and_the_rest_kept(client):
    page = client.post("/sign-up", data=DETAILS | {"registration_number": "9" * 51}).get_data(
        as_text=True
    )
    assert "Registration number must be 50 characters or fewer" in page
    assert 'value="Riverside Food Bank"' in page


def test_without_an_organisation_no_number_is_kept(client, db, mailbox):
    data = DETAILS | {"organisation_name": "", "registration_number": "1098765"}
    client.post(finish(client, mailbox, data), data=PASSWORD)
    user = db.session.scalar(select(User))
    assert user.role == Role.MEMBER and db.session.scalar(select(Organisation)) is None


def test_an_organisation_registered_meanwhile_keeps_its_own_number(
    client, db, mailbox, make_organisation
):
    link = finish(client, mailbox, DETAILS | {"registration_number": "1098765"})
    existing = make_organisation("RIVERSIDE Food Bank")
    existing.registration_number = "5550001"
    db.session.commit()
    page = client.post(link, data=PASSWORD).get_data(as_text=True)
    assert "has been registered since you started" in page
    db.session.refresh(existing)
    assert existing.registration_number == "5550001"
    assert db.session.scalar(select(User)) is None


def test_a_link_sent_before_the_number_was_asked_still_works(app, client, db):
    old = {key: DETAILS[key] for key in DETAILS}
    token = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt=SIGN_UP_SALT).dumps(old)
    assert client.post(f"/sign-up/{token}", data=PASSWORD).status_code == 302
    organisation = db.session.scalar(select(Organisation))
    assert organisation.name == "Riverside Food Bank"
    assert organisation.registration_number is None
