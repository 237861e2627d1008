"""Sign up by an emailed link, sign in and out, and answers that do not tell who has an account."""

from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from app.accounts.models import Organisation, Role, User

GOOD = {
    "name": "Nadia Okafor",
    "email": "Nadia@Example.org",
    "organisation_type": "charity",
}
PASSWORD = {"password": "lanterns over the weir", "confirm": "lanterns over the weir"}
FAILED = (
    "Enter a correct email address and password. Accounts lock for 15 minutes after 5 failed "
    "attempts."
)


@pytest.fixture
def confirmation_link(client, mailbox):
    """Sign up with these details; the path of the link mailed to confirm the address."""

    def sign_up(data: dict = GOOD) -> str:
        page = client.post("/sign-up", data=data).get_data(as_text=True)
        assert "Check your email" in page, page[:500]
        email = data["email"].strip().lower()
        return urlsplit(mailbox(email)[-1].link_to("/sign-up/")).path

    return sign_up


def test_sign_up_creates_the_account_from_the_emailed_link_and_signs_in(
    client, db, confirmation_link
):
    link = confirmation_link()
    assert db.session.scalar(select(User)) is None
    assert "Choose a password" in client.get(link).get_data(as_text=True)
    response = client.post(link, data=PASSWORD)
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "nadia@example.org"))
    assert user.role == Role.MEMBER and user.name == "Nadia Okafor"
    assert user.password_hash.startswith("$argon2id$")
    page = client.get("/").get_data(as_text=True)
    assert "Signed in as <strong>Nadia Okafor</strong>" in page
    assert "Your account has been created." in page


def test_sign_up_with_an_organisation_makes_a_cso_member(client, db, confirmation_link):
    client.post(
        confirmation_link(GOOD | {"organisation_name": "Riverside Food Bank"}), data=PASSWORD
    )
    user = db.session.scalar(select(User).where(User.email == "nadia@example.org"))
    assert user.role == Role.CSO
    assert user.organisation.name == "Riverside Food Bank"


def test_a_confirmation_link_creates_one_account_only(client, db, confirmation_link):
    link = confirmation_link()
    client.post(link, data=PASSWORD)
    client.post("/sign-out")
    again = client.post(link, data=PASSWORD).get_data(as_text=True)
    assert "There is already an account for nadia@example.org" in again
    assert len(db.session.scalars(select(User)).all()) == 1


def test_a_tampered_confirmation_link_is_refused(client, confirmation_link):
    link = confirmation_link()
    response = client.get(link[:-3] + "abc")
    assert response.status_code == 400
    assert "This link does not work" in response.get_data(as_text=True)


def test_sign_up_refuses_an_organisation_already_registered(client, db, make_organisation, mailbox):
    make_organisation("Riverside Food Bank")
    response = client.post("/sign-up", data=GOOD | {"organisation_name": "RIVERSIDE food bank"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "This organisation is already registered" in page
    assert 'value="RIVERSIDE food bank"' in page and 'value="Nadia Okafor"' in page
    assert db.session.scalar(select(User)) is None
    assert not mailbox()


def test_sign_up_errors_keep_what_was_typed(client):
    data = GOOD | {"email": "not-an-email", "name": ""}
    page = client.post("/sign-up", data=data).get_data(as_text=True)
    assert "<title>Error: Create an account" in page
    assert 'class="govuk-error-summary"' in page
    assert 'href="#email"' in page and 'href="#name"' in page
    assert 'value="not-an-email"' in page


def test_choosing_a_password_refuses_weak_ones_and_keeps_the_page(client, confirmation_link):
    link = confirmation_link()
    for weak, reason in [
        ("short", "at least 10 characters"),
        ("password123", "too common"),
        ("aaaaaaaaaaaa", "same few characters"),
        ("nadia-secret-words", "must not contain your email"),
    ]:
        page = client.post(link, data={"password": weak, "confirm": weak}).get_data(as_text=True)
        assert reason in page, weak
        assert "<title>Error: Choose a password" in page
    mismatch = client.post(link, data={"password": PASSWORD["password"], "confirm": "other"})
    assert "The passwords do not match" in mismatch.get_data(as_text=True)


def test_sign_up_with_a_known_address_answers_alike_and_mails_the_owner(
    client, db, make_user, mailbox
):
    owner = make_user(email="nadia@example.org", name="Nadia Owner")
    pages = {}
    for email in ("nadia@example.org", "newcomer@example.org"):
        page = client.post("/sign-up", data=GOOD | {"email": email}).get_data(as_text=True)
        pages[email] = page.replace(email, "EMAIL")
    assert pages["nadia@example.org"] == pages["newcomer@example.org"]
    note = mailbox("nadia@example.org")[-1]
    assert "already has one" in note.body
    assert note.link_to("/sign-in") and note.link_to("/reset-password")
    assert "/sign-up/" not in note.body
    assert mailbox("newcomer@example.org")[-1].link_to("/sign-up/")
    db.session.refresh(owner)
    assert owner.name == "Nadia Owner"


def test_sign_in_and_out(client, make_user, sign_in):
    user = make_user(name="Ola Member")
    sign_in(user)
    assert "Ola Member" in client.get("/").get_data(as_text=True)
    client.post("/sign-out")
    page = client.get("/").get_data(as_text=True)
    assert "Ola Member" not in page and "Sign in" in page


def test_a_failed_sign_in_reads_the_same_for_every_reason(client, make_user, db):
    user = make_user()
    deactivated = make_user(active=False)
    locked = make_user()
    for _ in range(5):
        client.post("/sign-in", data={"email": locked.email, "password": "not the password"})
    attempts = {
        "wrong password": {"email": user.email, "password": "wrong one here"},
        "unknown": {"email": "nobody@example.org", "password": "x" * 12},
        "deactivated": {"email": deactivated.email, "password": "correct horse battery"},
        "locked": {"email": locked.email, "password": "correct horse battery"},
    }
    for reason, data in attempts.items():
        response = client.post("/sign-in", data=data)
        text = response.get_data(as_text=True)
        assert response.status_code == 200, reason
        assert FAILED in text, reason
        assert f'value="{data["email"]}"' in text, reason
        assert "locked" not in text.replace(FAILED, ""), reason


def test_a_locked_account_opens_again_after_15_minutes(client, make_user, db, sign_in):
    user = make_user()
    for _ in range(5):
        client.post("/sign-in", data={"email": user.email, "password": "not the password"})
    db.session.refresh(user)
    assert user.locked_until is not None
    refused = client.post(
        "/sign-in", data={"email": user.email, "password": "correct horse battery"}
    )
    assert refused.status_code == 200
    user.locked_until = user.locked_until.replace(year=2000)
    db.session.commit()
    sign_in(user)
    db.session.refresh(user)
    assert user.failed_sign_ins == 0 and user.locked_until is None


def test_a_password_reset_opens_a_locked_account(client, make_user, db, mailbox, sign_in):
    user = make_user()
    for _ in range(5):
        client.post("/sign-in", data={"email": user.email, "password": "not the password"})
    client.post("/reset-password", data={"email": user.email})
    link = urlsplit(mailbox(user.email)[-1].link_to("/reset-password/")).path
    client.post(link, data=PASSWORD)
    sign_in(user, PASSWORD["password"])


def test_organisations_stay_unique_however_they_are_written(client, db, confirmation_link):
    first = confirmation_link(GOOD | {"organisation_name": "Kirkfield Trust"})
    second = confirmation_link(
        GOOD | {"email": "sam@example.org", "organisation_name": "KIRKFIELD  trust"}
    )
    client.post(first, data=PASSWORD)
    client.post("/sign-out")
    page = client.post(second, data=PASSWORD).get_data(as_text=True)
    assert "has been registered since you started" in page
    assert len(db.session.scalars(select(Organisation)).all()) == 1
