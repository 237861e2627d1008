"""Sign up, sign in, sign out and lock-out."""

from sqlalchemy import select

from app.accounts.models import Organisation, Role, User

GOOD = {
    "name": "Nadia Okafor",
    "email": "Nadia@Example.org",
    "organisation_type": "charity",
    "password": "lanterns over the weir",
    "confirm": "lanterns over the weir",
}


def test_sign_up_creates_a_trainee_account_and_signs_in(client, db):
    response = client.post("/sign-up", data=GOOD)
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "nadia@example.org"))
    assert user.role == Role.MEMBER
    assert user.password_hash.startswith("$argon2id$")
    page = client.get("/").get_data(as_text=True)
    assert "Signed in as <strong>Nadia Okafor</strong>" in page


def test_sign_up_with_an_organisation_makes_a_cso_member(client, db):
    client.post("/sign-up", data=GOOD | {"organisation_name": "Riverside Food Bank"})
    user = db.session.scalar(select(User).where(User.email == "nadia@example.org"))
    assert user.role == Role.CSO
    assert user.organisation.name == "Riverside Food Bank"


def test_sign_up_refuses_an_organisation_already_registered(client, db, make_organisation):
    make_organisation("Riverside Food Bank")
    response = client.post("/sign-up", data=GOOD | {"organisation_name": "riverside food bank"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "This organisation is already registered" in page
    assert db.session.scalar(select(User)) is None
    assert len(db.session.scalars(select(Organisation)).all()) == 1


def test_sign_up_errors_keep_what_was_typed(client):
    data = GOOD | {"email": "not-an-email", "confirm": "something else entirely"}
    page = client.post("/sign-up", data=data).get_data(as_text=True)
    assert "<title>Error: Create an account" in page
    assert 'class="govuk-error-summary"' in page
    assert 'href="#email"' in page and 'href="#confirm"' in page
    assert 'value="not-an-email"' in page
    assert 'value="Nadia Okafor"' in page


def test_sign_up_refuses_weak_and_reused_passwords(client, make_user):
    for weak, reason in [
        ("short", "at least 10 characters"),
        ("password123", "too common"),
        ("aaaaaaaaaaaa", "same few characters"),
        ("nadia-secret-words", "must not contain your email"),
    ]:
        page = client.post("/sign-up", data=GOOD | {"password": weak, "confirm": weak}).get_data(
            as_text=True
        )
        assert reason in page, weak
    make_user(email="nadia@example.org")
    page = client.post("/sign-up", data=GOOD).get_data(as_text=True)
    assert "An account with this email address already exists" in page


def test_sign_in_and_out(client, make_user, sign_in):
    user = make_user(name="Ola Member")
    sign_in(user)
    assert "Ola Member" in client.get("/").get_data(as_text=True)
    client.post("/sign-out")
    page = client.get("/").get_data(as_text=True)
    assert "Ola Member" not in page and "Sign in" in page


def test_sign_in_with_wrong_password_says_so_without_saying_which(client, make_user):
    user = make_user()
    page = client.post("/sign-in", data={"email": user.email, "password": "wrong one here"})
    text = page.get_data(as_text=True)
    assert "Enter a correct email address and password" in text
    assert f'value="{user.email}"' in text
    unknown = client.post("/sign-in", data={"email": "nobody@example.org", "password": "x" * 12})
    assert "Enter a correct email address and password" in unknown.get_data(as_text=True)


def test_sign_in_follows_only_local_next(client, make_user):
    user = make_user()
    data = {"email": user.email, "password": "correct horse battery"}
    response = client.post("/sign-in?next=/admin/", data=data)
    assert response.headers["Location"] == "/admin/"
    client.post("/sign-out")
    response = client.post("/sign-in?next=https://evil.example.com/", data=data)
    assert response.headers["Location"] == "/"


def test_deactivated_account_cannot_sign_in(client, make_user):
    user = make_user(active=False)
    response = client.post(
        "/sign-in", data={"email": user.email, "password": "correct horse battery"}
    )
    assert response.status_code == 200


def test_account_locks_after_repeated_failures(client, make_user):
    user = make_user()
    for _ in range(5):
        client.post("/sign-in", data={"email": user.email, "password": "not the password"})
    page = client.post(
        "/sign-in", data={"email": user.email, "password": "correct horse battery"}
    ).get_data(as_text=True)
    assert "This account is locked" in page
