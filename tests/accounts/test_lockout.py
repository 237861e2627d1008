"""The lock after 5 failed sign-ins holds against parallel guesses, and refusals cost alike.

Password checks are counted by wrapping the real verifier and passing every call through, so
what runs is the code under test; only the count is added.
"""

import threading
from collections import Counter

import argon2
import pytest
from sqlalchemy import select

from app.accounts import services
from app.accounts.models import AccountEvent
from app.accounts.passwords import DUMMY_HASH, needs_rehash
from tests.conftest import PASSWORD

GUESSES = 40


@pytest.fixture
def checks(monkeypatch):
    """Which hashes sign-ins verified passwords against, counted as they happen."""
    seen: Counter[str] = Counter()
    lock = threading.Lock()
    real = services.verify_password

    def counting(password_hash: str, password: str) -> bool:
        with lock:
            seen[password_hash] += 1
        return real(password_hash, password)

    monkeypatch.setattr(services, "verify_password", counting)
    return seen


@pytest.fixture
def argon2_work(monkeypatch):
    """How many Argon2 computations (hashing or verifying) run, whatever code asks for them."""
    calls = {"count": 0}
    for name in ("hash", "verify"):
        real = getattr(argon2.PasswordHasher, name)

        def counting(self, *args, _real=real, **kwargs):
            calls["count"] += 1
            return _real(self, *args, **kwargs)

        monkeypatch.setattr(argon2.PasswordHasher, name, counting)
    return calls


def guess_in_parallel(app, email: str, passwords: list[str]) -> list[int]:
    """Send every sign-in at once, each from its own browser and app context."""
    start = threading.Barrier(len(passwords))
    statuses: list[int] = []

    def attempt(password: str) -> None:
        with app.app_context():
            client = app.test_client()
            start.wait()
            statuses.append(
                client.post("/sign-in", data={"email": email, "password": password}).status_code
            )

    threads = [threading.Thread(target=attempt, args=(p,)) for p in passwords]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return statuses


def test_parallel_guesses_get_at_most_five_password_checks(app, db, make_user, checks):
    user = make_user()
    statuses = guess_in_parallel(app, user.email, [f"guess number {n}" for n in range(GUESSES)])
    assert statuses == [200] * GUESSES  # every guess refused, none with an error
    assert checks[user.password_hash] == 5
    failures = db.session.scalars(
        select(AccountEvent).where(
            AccountEvent.user_id == user.id, AccountEvent.action == "sign-in-failed"
        )
    ).all()
    assert len(failures) == 5
    db.session.refresh(user)
    assert user.locked_until is not None
    refused = app.test_client().post("/sign-in", data={"email": user.email, "password": PASSWORD})
    assert refused.status_code == 200
    assert checks[user.password_hash] == 5


def test_the_right_password_among_parallel_guesses_is_checked_at_most_five_times(
    app, db, make_user, checks
):
    user = make_user()
    passwords = [f"guess number {n}" for n in range(19)] + [PASSWORD]
    statuses = guess_in_parallel(app, user.email, passwords)
    assert len(statuses) == len(passwords)
    assert checks[user.password_hash] <= 5


@pytest.mark.parametrize("case", ["unknown", "deactivated", "locked", "wrong password"])
def test_every_refusal_costs_one_password_verification(client, db, make_user, argon2_work, case):
    people = {
        "unknown": None,
        "deactivated": make_user(active=False),
        "locked": make_user(),
        "wrong password": make_user(),
    }
    if case == "locked":
        for _ in range(5):
            client.post("/sign-in", data={"email": people["locked"].email, "password": "no no no"})
    email = people[case].email if people[case] else "nobody@example.org"
    argon2_work["count"] = 0
    client.post("/sign-in", data={"email": email, "password": "a wrong password"})
    assert argon2_work["count"] == 1


def test_the_dummy_hash_costs_what_a_real_one_does():
    assert not needs_rehash(DUMMY_HASH)
