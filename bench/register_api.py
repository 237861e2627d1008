"""Benchmark the register's open data (/api/v1/register, its OCDS package) on PostgreSQL.

Run from the repository root:
``python bench/register_api.py [--decided N] [--runs N] [--database NAME] [--keep]``.
It creates its own database (``bench_register`` on 127.0.0.1:5432, dropped first if it is
there), builds the schema with the migrations, and loads N decided submissions (100,000 by
default) with COPY, generated as the queue benchmark generates them (bench/queue_data.py) but
every one decided; the database's triggers index each decision for search as it goes in.
It then times pages of the JSON API and of the register's search through the Flask test
client (median and p95 over ``--runs`` requests), and the whole OCDS package read from a
streamed response: its time, its size, and the most memory Python held while writing it
(tracemalloc, in a second run, as tracing slows the writing). The aims: p95 under 100 ms a
page, the package in under a minute without holding it in memory. The database is dropped
unless ``--keep`` is given.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script: the repository root goes first so the helpers import as bench.*
sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import logging  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
import tracemalloc  # noqa: E402

import psycopg  # noqa: E402

from app.extensions import db  # noqa: E402
from bench.queue_data import (  # noqa: E402
    COLUMNS,
    DECISION_COLUMNS,
    Population,
    decision,
    seed_people,
    submission,
)
from bench.serving import bench_environment, upgrade  # noqa: E402
from bench.triage_queue import (  # noqa: E402
    AIM_MS,
    bench_app,
    drop_database,
    ms,
    recreate_database,
    time_page,
)

AIM_PACKAGE_S = 60
PAGES = {
    "API, first page (50)": "/api/v1/register",
    "API, page 1,000 (50)": "/api/v1/register?page=1000",
    "API, 200 a page": "/api/v1/register?per_page=200",
    "API, accepted challenges of 2025": (
        "/api/v1/register?kind=challenge&decision=accepted&year=2025"
    ),
    "API, search 'library'": "/api/v1/register?q=library",
    "API, search 'library', page 100": "/api/v1/register?q=library&page=100",
    "API, one body, full tier, search": "/api/v1/register?body={body}&tier=full&q=day+centre",
    "page, search 'hospital discharge'": "/register/?q=hospital+discharge",
    "page, rejected proposals, page 50": "/register/?kind=propose&decision=rejected&page=50",
}


def decided_rows(population: Population, count: int, seed: int = 2026):
    """``count`` generated submissions, each accepted or rejected, with their decisions."""
    chance = random.Random(seed)
    number = 0
    while number < count:
        row = submission(chance, number + 1, population)
        if row[5] == "draft":  # a draft has no check and no dates: draw again
            continue
        number += 1
        row = (*row[:5], chance.choice(("accepted", "rejected")), *row[6:])
        yield row, decision(chance, row, population)


def load_decided(url: str, population: Population, count: int) -> None:
    """COPY the submissions, then their decisions (which the search triggers index)."""
    pairs = list(decided_rows(population, count))
    with psycopg.connect(url) as connection, connection.cursor() as cursor:
        with cursor.copy(f"COPY proposal ({COLUMNS}) FROM STDIN") as copy:
            for row, _ in pairs:
                copy.write_row(row)
        with cursor.copy(f"COPY decision ({DECISION_COLUMNS}) FROM STDIN") as copy:
            for _, decided in pairs:
                copy.write_row(decided)
        cursor.execute("SELECT setval(pg_get_serial_sequence('proposal', 'id'), %s)", (count,))
        connection.commit()
        connection.autocommit = True
        cursor.execute("VACUUM ANALYZE")


def measure_pages(app, population: Population, runs: int) -> None:
    """Print median and p95 of each page."""
    client = app.test_client()
    header = f"{'request':<40} {'median':>8} {'p95':>8} {'aim':>7}"
    print(header)
    print("-" * len(header))
    for name, path in PAGES.items():
        took = time_page(client, path.format(body=population.body_ids[0]), runs)
        verdict = "meets" if ms(took, 0.95) < AIM_MS else "misses"
        print(
            f"{name:<40} {statistics.median(took) * 1000:>6.1f}ms "
            f"{ms(took, 0.95):>6.1f}ms {verdict:>7}"
        )


def read_package(app) -> tuple[float, int]:
    """Seconds to read the whole streamed package, and its size in bytes."""
    client = app.test_client()
    start = time.perf_counter()
    response = client.get("/api/v1/register/ocds", buffered=False)
    assert response.status_code == 200, response.status_code
    size = sum(len(piece) for piece in response.response)
    response.close()
    return time.perf_counter() - start, size


def measure_package(app) -> None:
    """Print the package's time, size and the peak of memory traced while writing it."""
    took, size = read_package(app)
    tracemalloc.start()
    read_package(app)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    verdict = "meets" if took < AIM_PACKAGE_S else "misses"
    print(
        f"\nOCDS package: {took:.1f}s for {size / 1e6:.0f} MB ({verdict} the aim of "
        f"{AIM_PACKAGE_S}s); peak Python memory while writing it {peak / 1e6:.1f} MB"
    )


def main() -> None:
    """Create, load, measure, drop."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--decided", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--database", default="bench_register")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    options = parser.parse_args()
    logging.disable(logging.INFO)  # the app logs each request
    url = recreate_database(options.database)
    try:
        upgrade(bench_environment(url))
        app = bench_app(url)
        start = time.perf_counter()
        with app.app_context():
            population = seed_people(db.session)
        load_decided(url, population, options.decided)
        print(
            f"{options.decided:,} decided submissions loaded and indexed for search in "
            f"{time.perf_counter() - start:.1f}s"
        )
        print(f"{options.runs} requests each through the test client; aim: p95 < {AIM_MS} ms")
        measure_pages(app, population, options.runs)
        measure_package(app)
        with app.app_context():
            db.engine.dispose()
    finally:
        if not options.keep:
            drop_database(options.database)


if __name__ == "__main__":
    main()
