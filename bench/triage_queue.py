"""Benchmark the commissioners' queue (/triage) and the register (/register) on PostgreSQL.

Run from the repository root:
``python bench/triage_queue.py [--submissions N] [--runs N] [--keep]``.
It creates its own database (``valuecase_bench`` on 127.0.0.1:5432, dropped first if it is
there), builds the schema with the migrations, loads N generated submissions (100,000 by
default) with COPY, then times each page through the Flask test client signed in as a
commissioner of the busiest public body: median and p95 over ``--runs`` requests, and how
many SQL statements one request runs. It prints the EXPLAIN (ANALYZE, BUFFERS) of every
statement the queue's and the register's pages run against the submissions and decisions,
and drops the database unless ``--keep`` is given. The aim: p95 under 100 ms.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script: the repository root goes first so the helpers import as bench.*
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import logging  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

import psycopg  # noqa: E402
from sqlalchemy import event  # noqa: E402

from app import create_app  # noqa: E402
from app.accounts.models import User  # noqa: E402
from app.config import normalise_database_url  # noqa: E402
from app.extensions import db  # noqa: E402
from bench.queue_data import Population, load_submissions, seed_people  # noqa: E402
from bench.serving import SECRET, bench_environment, upgrade  # noqa: E402

SERVER = "postgresql://postgres@127.0.0.1:5432"
AIM_MS = 100
PAGES = {
    "queue, first page": "/triage/",
    "queue, full tier failing VfM, by ratio": "/triage/?tier=full&failing=vfm&sort=ratio",
    "queue, in review, by deadline": "/triage/?status=in_review&sort=deadline",
    "queue, challenges by readiness, page 200": "/triage/?kind=challenge&sort=readiness&page=200",
    "register, first page": "/register/",
    "register, page 200": "/register/?page=200",
}


def recreate_database(name: str) -> str:
    """Drop and create the benchmark database; its URL."""
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    return f"{SERVER}/{name}"


def drop_database(name: str) -> None:
    """Drop the benchmark database."""
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def bench_app(url: str):
    """The app on the benchmark database, with CSRF and rate limits off for the test client."""
    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": normalise_database_url(url),
            "SECRET_KEY": SECRET,
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
        }
    )


def statements_of(app, client, path: str) -> list[tuple[str, object]]:
    """Every SQL statement (with parameters) that one request of ``path`` runs."""
    seen: list[tuple[str, object]] = []

    def note(conn, cursor, statement, parameters, context, executemany) -> None:
        seen.append((statement, parameters))

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", note)
    return seen


def time_page(client, path: str, runs: int) -> list[float]:
    """Seconds per request of ``path`` after a short warm-up."""
    for _ in range(3):
        client.get(path)
    found = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(path)
        found.append(time.perf_counter() - start)
        assert response.status_code == 200, response.status_code
    return found


def ms(values: list[float], share: float) -> float:
    """The ``share`` quantile in milliseconds."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def measure(app, population: Population, runs: int) -> dict[str, list[tuple[str, object]]]:
    """Print the timing table; the statements each page ran, for EXPLAIN."""
    client = app.test_client()
    with app.app_context():
        commissioner = db.session.get(User, population.commissioner_id)
        email = commissioner.email
    response = client.post("/sign-in", data={"email": email, "password": population.password})
    assert response.status_code == 302, "the commissioner could not sign in"
    header = f"{'page':<42} {'median':>8} {'p95':>8} {'SQL':>4} {'aim':>7}"
    print(header)
    print("-" * len(header))
    ran = {}
    for name, path in PAGES.items():
        took = time_page(client, path, runs)
        ran[name] = statements_of(app, client, path)
        verdict = "meets" if ms(took, 0.95) < AIM_MS else "misses"
        print(
            f"{name:<42} {statistics.median(took) * 1000:>6.1f}ms {ms(took, 0.95):>6.1f}ms "
            f"{len(ran[name]):>4} {verdict:>7}"
        )
    return ran


def explain(url: str, ran: dict[str, list[tuple[str, object]]]) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of each statement on submissions or decisions, once each."""
    done: set[str] = set()
    with psycopg.connect(url) as connection:
        for name, statements in ran.items():
            for statement, parameters in statements:
                seen = f"{statement}{parameters!r}"
                if seen in done or not ("proposal" in statement or "decision" in statement):
                    continue
                done.add(seen)
                print(f"\n-- {name}\n{statement.strip()}\n-- parameters: {parameters}")
                rows = connection.execute(
                    "EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters or None
                ).fetchall()
                print("\n".join(row[0] for row in rows))


def main() -> None:
    """Create, load, measure, explain, drop."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--database", default="valuecase_bench")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    options = parser.parse_args()
    logging.disable(logging.INFO)  # the app logs each request and each mail it would send
    url = recreate_database(options.database)
    try:
        upgrade(bench_environment(url))
        app = bench_app(url)
        start = time.perf_counter()
        with app.app_context():
            population = seed_people(db.session)
            counts = load_submissions(url, population, options.submissions)
        print(
            f"{options.submissions:,} submissions ({counts['queue']:,} in the measured body's "
            f"queue, {counts['decided']:,} decided) loaded in {time.perf_counter() - start:.1f}s"
        )
        print(f"{options.runs} requests per page through the test client; aim: p95 < {AIM_MS} ms")
        ran = measure(app, population, options.runs)
        explain(url, ran)
        with app.app_context():
            db.engine.dispose()
    finally:
        if not options.keep:
            drop_database(options.database)


if __name__ == "__main__":
    main()
