"""Benchmark the commissioner's review pages and the version page at the schema's size limit.

Run from the repository root: ``python bench/review_pages.py [--runs N] [--profile PATH]``.
It submits the young carers' challenge, and the same challenge grown to the schema's size
limit (200 stakeholders and 200 outcomes), to a throwaway SQLite database with their check
reports, then requests each page through the test client, signed in as the body's
commissioner (or the organisation's member, for the version page), and prints the median
time of each, the size-limit case's and the example's, and their ratio (aim: at most 4).
``--profile PATH`` also prints the 25 costliest calls of one request for PATH, with ``{id}``
standing for the size-limit case.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flask_migrate import upgrade  # noqa: E402

from app import create_app  # noqa: E402
from app.accounts.models import Organisation, OrganisationType, PublicBody, Role, User  # noqa: E402
from app.accounts.passwords import hash_password  # noqa: E402
from app.examples import load_example  # noqa: E402
from app.extensions import db  # noqa: E402
from app.proposals import services  # noqa: E402
from tests.triage.size_limit import at_the_size_limit  # noqa: E402

AIM_RATIO = 4
PASSWORD = "benchmark-pass-2026"
QUIET = {"MAIL_SERVER": None, "MAIL_SENDER": "Bench <bench@example.org>"}
PAGES = {
    "review: summary": "/triage/{id}",
    "review: the case": "/triage/{id}/case",
    "review: value account": "/triage/{id}/value",
    "review: changes": "/triage/{id}/changes",
    "review: judgements": "/triage/{id}/judgements",
    "review: audit trail": "/triage/{id}/audit",
    "version page": "/proposals/{id}/versions/1",
}
MEMBER_PAGES = {"version page"}


def make_app(folder: str):
    """An app on a fresh SQLite database in ``folder``, schema built, no CSRF, no limits."""
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite",
            "SECRET_KEY": "bench-secret-key-that-is-long-enough-0123456789",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "SERVER_NAME": "localhost",
            **QUIET,
        }
    )
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
    return app


def submit_both(app) -> dict[str, int]:
    """The example and its size-limit copy, submitted with their check reports."""
    check = app.extensions["rulebook"].check
    with app.app_context():
        body = PublicBody(name="Bench Borough Council", response_period_days=40)
        organisation = Organisation(name="Bench Carers Trust", type=OrganisationType.CHARITY)
        password = hash_password(PASSWORD)
        commissioner = User(
            email="commissioner@bench.example.org",
            name="Bench Commissioner",
            role=Role.COMMISSIONER,
            password_hash=password,
            public_body=body,
        )
        member = User(
            email="member@bench.example.org",
            name="Bench Member",
            role=Role.CSO,
            password_hash=password,
            organisation=organisation,
        )
        db.session.add_all([body, organisation, commissioner, member])
        ids = {}
        for name, document in (
            ("example", load_example("challenge-young-carers")),
            ("size limit", at_the_size_limit()),
        ):
            proposal = services.new_proposal(organisation, body, document, member)
            db.session.flush()
            services.submit(proposal, member, check(document), QUIET)
            ids[name] = proposal.id
        return ids


def signed_in(app, email: str):
    """A test client signed in as ``email``."""
    client = app.test_client()
    response = client.post("/sign-in", data={"email": email, "password": PASSWORD})
    assert response.status_code == 302, "could not sign in"
    return client


def timed(client, path: str, runs: int) -> float:
    """The median seconds of ``runs`` requests for ``path`` (after one to warm up)."""
    assert client.get(path).status_code == 200, path
    found = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(path)
        found.append(time.perf_counter() - start)
        assert response.status_code == 200, path
    return statistics.median(found)


def main() -> None:
    """Print the table, and a profile when asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--profile", help="a path to profile, {id} for the size-limit case")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="valuecase-bench-") as folder:
        app = make_app(folder)
        ids = submit_both(app)
        logging.disable(logging.INFO)
        commissioner = signed_in(app, "commissioner@bench.example.org")
        member = signed_in(app, "member@bench.example.org")
        if True:
            header = f"{'page':<24} {'example':>9} {'limit':>9} {'ratio':>6} {'aim':>7}"
            print(f"Median of {options.runs} requests (milliseconds)")
            print(header)
            print("-" * len(header))
            for name, path in PAGES.items():
                client = member if name in MEMBER_PAGES else commissioner
                small = timed(client, path.format(id=ids["example"]), options.runs)
                large = timed(client, path.format(id=ids["size limit"]), options.runs)
                verdict = "meets" if large <= AIM_RATIO * small else "misses"
                print(
                    f"{name:<24} {small * 1000:>9.1f} {large * 1000:>9.1f} "
                    f"{large / small:>6.1f} {verdict:>7}"
                )
            if options.profile:
                path = options.profile.format(id=ids["size limit"])
                client = member if path.startswith("/proposals") else commissioner
                profiler = cProfile.Profile()
                profiler.runcall(client.get, path)
                pstats.Stats(profiler).sort_stats(options.sort).print_stats(40)


if __name__ == "__main__":
    main()
