"""Benchmark POST /api/v1/check under gunicorn beside the trivial GET /api/v1/ping, one run.

Run from the repository root: ``python bench/api.py [--seconds N] [--clients N] [--rounds N]``.
It migrates a throwaway SQLite database and, for each server configuration in turn (2 sync
workers; 2 gthread workers of 4 threads, as docs/deployment.md runs them), starts gunicorn on
a free 127.0.0.1 port with rate limits off and drives each endpoint in alternating rounds
after a warm-up with the bounded load generator in bench/loadgen.py: the check with the four
example documents in turn, the ping with nothing. It prints requests per second, median and
p95 per endpoint and server, and whether the check reaches half the ping's throughput under
each server, and stops gunicorn.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script: the repository root goes first so the helpers import as bench.*
sys.path.insert(0, str(ROOT))

from app.examples import example_paths  # noqa: E402
from bench.loadgen import Request, Result, run_load  # noqa: E402
from bench.serving import bench_environment, gunicorn, upgrade  # noqa: E402

AIM = 0.5


def endpoints() -> dict[str, list[Request]]:
    """The requests for each endpoint measured."""
    json_type = {"Content-Type": "application/json"}
    return {
        "GET /api/v1/ping": [Request("GET", "/api/v1/ping")],
        "POST /api/v1/check": [
            Request("POST", "/api/v1/check", path.read_bytes(), json_type)
            for path in example_paths()
        ],
    }


def merge(results: list[Result]) -> Result:
    """Several rounds' results as one."""
    merged = Result()
    for result in results:
        merged.latencies += result.latencies
        merged.failures += result.failures
        merged.seconds += result.seconds
        for status, count in result.statuses.items():
            merged.statuses[status] = merged.statuses.get(status, 0) + count
    return merged


SERVERS = {"2 sync workers": 1, "2 gthread workers x 4": 4}


def measure(env: dict[str, str], folder: Path, threads: int, options) -> dict[str, Result]:
    """Both endpoints under one server configuration, rounds merged."""
    wanted = endpoints()
    with gunicorn(env, folder / f"gunicorn-{threads}.log", workers=2, threads=threads) as base:
        for requests in wanted.values():
            run_load(base, requests, 2, options.clients)  # warm-up
        rounds: dict[str, list[Result]] = {name: [] for name in wanted}
        for _ in range(options.rounds):
            for name, requests in wanted.items():
                rounds[name].append(run_load(base, requests, options.seconds, options.clients))
    return {name: merge(results) for name, results in rounds.items()}


def main() -> None:
    """Serve, measure both endpoints under each server, print the table, stop."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8, help="per endpoint and round")
    parser.add_argument("--clients", type=int, default=4, help="concurrent client threads")
    parser.add_argument("--rounds", type=int, default=2)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="valuecase-bench-api-") as folder:
        env = bench_environment(f"sqlite:///{folder}/bench.sqlite")
        upgrade(env)
        measured = {
            server: measure(env, Path(folder), threads, options)
            for server, threads in SERVERS.items()
        }
    print(
        f"gunicorn on 127.0.0.1; {options.clients} client threads; "
        f"{options.rounds} rounds of {options.seconds:g} s per endpoint and server"
    )
    header = (
        f"{'server':<22} {'endpoint':<20} {'requests':>9} {'failed':>7} {'req/s':>8} "
        f"{'median':>8} {'p95':>8}"
    )
    print(header)
    print("-" * len(header))
    for server, merged in measured.items():
        for name, result in merged.items():
            print(
                f"{server:<22} {name:<20} {len(result.latencies):>9} {result.failures:>7} "
                f"{result.throughput:>8.0f} {result.median_ms():>6.1f}ms "
                f"{result.quantile_ms(0.95):>6.1f}ms"
            )
    for server, merged in measured.items():
        ping, check = (result.throughput for result in merged.values())
        share = check / ping if ping else 0.0
        verdict = "meets" if share >= AIM else "misses"
        print(f"{server}: check throughput is {share:.0%} of the ping's, ", end="")
        print(f"{verdict} the aim of {AIM:.0%}")


if __name__ == "__main__":
    main()
