"""Load-test the site under gunicorn on PostgreSQL with simulated proposers and commissioners.

Run from the repository root: ``python bench/load.py [--users 50] [--run-time 60]`` (or
``make load``). It creates a throwaway PostgreSQL database, migrates it and loads the demo data,
starts gunicorn on a free loopback port, runs bench/locustfile.py headless for the given time,
then prints requests, failures, median and p95 per endpoint and in total, and compares the rows
added to each table with the writes the simulated people saw confirmed. It exits non-zero on
any failed request or any row count that does not match, and always stops gunicorn and drops
the database.
"""

from __future__ import annotations

import argparse  # noqa: E402
import csv  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import secrets  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys
import tempfile  # noqa: E402
import time  # noqa: E402
import urllib.request  # noqa: E402
from pathlib import Path

import sqlalchemy as sa  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TABLES = ("proposal", "draft_change", "proposal_version", "audit_event", "notification")
TABLES += ("judgement", "decision", "account", "organisation", "public_body")


def options() -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50, help="simulated people (default 50)")
    parser.add_argument("--spawn-rate", type=float, default=10, help="people started per second")
    parser.add_argument("--run-time", type=int, default=60, help="seconds of load (default 60)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument(
        "--server",
        default=os.environ.get("LOAD_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres"),
        help="a PostgreSQL URL whose server hosts the throwaway database",
    )
    parser.add_argument("--database", default="valuecase_load", help="the throwaway database")
    return parser.parse_args()


def free_port() -> int:
    """A TCP port nobody is listening on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def admin_engine(server: str) -> sa.Engine:
    """A connection to the server's maintenance database, outside transactions."""
    url = sa.make_url(server.replace("postgresql://", "postgresql+psycopg://", 1))
    return sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")


def recreate_database(admin: sa.Engine, name: str, drop_only: bool = False) -> None:
    """Drop the throwaway database (and create it afresh unless drop_only)."""
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')


def flask(env: dict, *args: str) -> None:
    """Run a flask command against the throwaway database."""
    subprocess.run(
        [str(BIN / "flask"), "--app", "app", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def start_gunicorn(env: dict, port: int, args: argparse.Namespace, log: Path) -> subprocess.Popen:
    """Start gunicorn and wait until /health answers 200."""
    command = [str(BIN / "gunicorn"), "-w", str(args.workers), "--threads", str(args.threads)]
    # idle connections stay open longer than a simulated person thinks, as behind a proxy;
    # with gunicorn's 2 s default a reused connection can be closed under the next request
    command += ["--keep-alive", "75", "-b", f"127.0.0.1:{port}", "app:create_app()"]
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}: see {log}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as answer:
                if answer.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise RuntimeError(f"gunicorn did not become healthy within 60 s: see {log}")


def stop(server: subprocess.Popen | None) -> None:
    """Stop gunicorn gracefully, then for good."""
    if server is None or server.poll() is not None:
        return
    server.terminate()
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def row_counts(url: str) -> dict[str, int]:
    """Rows per table, and active commissioners per public body."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            counts = {t: connection.scalar(sa.text(f"SELECT count(*) FROM {t}")) for t in TABLES}
            commissioners = connection.execute(
                sa.text(
                    "SELECT public_body_id, count(*) FROM account WHERE role = 'commissioner' "
                    "AND active GROUP BY public_body_id"
                )
            )
            counts["commissioners"] = {str(body): n for body, n in commissioners}
        return counts
    finally:
        engine.dispose()


def run_locust(port: int, args: argparse.Namespace, work: Path) -> Path:
    """Run the simulated people headless; returns the path of locust's stats CSV."""
    env = os.environ | {"LOAD_WRITES_FILE": str(work / "writes.json")}
    command = [str(BIN / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless"]
    command += ["--users", str(args.users), "--spawn-rate", str(args.spawn_rate)]
    command += ["--run-time", f"{args.run_time}s", "--stop-timeout", "30"]
    command += ["--host", f"http://127.0.0.1:{port}", "--csv", str(work / "locust")]
    command += ["--only-summary", "--loglevel", "WARNING"]
    with (work / "locust.log").open("w") as log:
        subprocess.run(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    return work / "locust_stats.csv"


def print_stats(stats: Path) -> int:
    """Print requests, failures, median and p95 per endpoint and in total; returns failures."""
    rows = list(csv.DictReader(stats.open()))
    header = f"{'endpoint':<46} {'requests':>9} {'failures':>9} {'median':>7} {'p95':>7}"
    print(header + "\n" + "-" * len(header))
    failures = 0
    for row in rows:
        name = "total" if row["Name"] == "Aggregated" else f"{row['Type']} {row['Name']}"
        if row["Name"] == "Aggregated":
            print("-" * len(header))
            failures = int(row["Failure Count"])
        print(
            f"{name[:46]:<46} {row['Request Count']:>9} {row['Failure Count']:>9} "
            f"{row['50%']:>7} {row['95%']:>7}"
        )
    total = next(r for r in rows if r["Name"] == "Aggregated")
    print(f"times in ms; {float(total['Requests/s']):.1f} requests per second overall")
    return failures


def expected_rows(before: dict, confirmed: dict) -> dict[str, int]:
    """What each table should hold after the confirmed writes."""
    writes, submitted_to = confirmed["writes"], confirmed["submitted_to"]
    notifications = sum(
        n * before["commissioners"].get(body, 0) for body, n in submitted_to.items()
    )
    expected = {table: before[table] + writes.get(table, 0) for table in TABLES}
    expected["notification"] += notifications
    return expected


def compare_rows(before: dict, after: dict, confirmed: dict) -> int:
    """Print rows before, after and expected per table; returns how many tables differ."""
    expected = expected_rows(before, confirmed)
    print(f"\n{'table':<18} {'before':>8} {'after':>8} {'expected':>9}")
    wrong = 0
    for table in TABLES:
        mark = "" if after[table] == expected[table] else "  MISMATCH"
        wrong += bool(mark)
        print(f"{table:<18} {before[table]:>8} {after[table]:>8} {expected[table]:>9}{mark}")
    return wrong


def main() -> int:
    """Set up, load, report and clean up; the exit status says whether all was well."""
    args = options()
    admin = admin_engine(args.server)
    url = admin.url.set(database=args.database).render_as_string(hide_password=False)
    env = os.environ | {
        "DATABASE_URL": url.replace("postgresql+psycopg://", "postgresql://", 1),
        "SECRET_KEY": secrets.token_urlsafe(48),
        "RATELIMIT_ENABLED": "false",
    }
    env.pop("REDIS_URL", None)
    work = Path(tempfile.mkdtemp(prefix="valuecase-load-"))
    server = None
    try:
        recreate_database(admin, args.database)
        flask(env, "db", "upgrade")
        flask(env, "seed-demo")
        port = free_port()
        server = start_gunicorn(env, port, args, work / "gunicorn.log")
        before = row_counts(url)
        print(
            f"{args.users} simulated people for {args.run_time} s against gunicorn "
            f"({args.workers} workers x {args.threads} threads) on PostgreSQL at 127.0.0.1:{port}"
        )
        stats = run_locust(port, args, work)
        stop(server)
        if not stats.exists() or not (work / "writes.json").exists():
            print(f"locust did not finish: see {work / 'locust.log'}")
            return 2
        failures = print_stats(stats)
        confirmed = json.loads((work / "writes.json").read_text())
        wrong = compare_rows(before, row_counts(url), confirmed)
        ok = failures == 0 and wrong == 0
        print(f"\n{'OK' if ok else 'FAILED'}: {failures} failed requests, {wrong} tables differ")
        if not ok:
            print(f"logs kept in {work}")
        return 0 if ok else 1
    finally:
        stop(server)
        recreate_database(admin, args.database, drop_only=True)
        admin.dispose()


if __name__ == "__main__":
    sys.exit(main())
