"""Serving the app for a benchmark: a throwaway database and gunicorn on a free loopback port.

``gunicorn(...)`` is a context manager: it starts gunicorn in its own process group, waits
until the app answers, yields the base URL, and always stops the server on the way out.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SECRET = "benchmark-secret-key-that-is-long-enough-0123456789"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing is listening on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def bench_environment(database_url: str) -> dict[str, str]:
    """The environment for the app under test: its own database, no rate limits, no Redis."""
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(
        DATABASE_URL=database_url,
        SECRET_KEY=SECRET,
        RATELIMIT_ENABLED="false",
        PYTHONUNBUFFERED="1",
    )
    return env


def upgrade(env: dict[str, str]) -> None:
    """Build the schema of the benchmark database with the migrations."""
    subprocess.run(
        [str(BIN / "flask"), "--app", "app", "db", "upgrade"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )


@contextmanager
def gunicorn(
    env: dict[str, str], log: Path, workers: int = 2, threads: int = 1, timeout: float = 60
) -> Iterator[str]:
    """gunicorn serving the app on a free port; yields its base URL and always stops it."""
    port = free_port()
    command = [
        str(BIN / "gunicorn"),
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--timeout",
        "120",
    ]
    if threads > 1:
        command += ["--worker-class", "gthread", "--threads", str(threads)]
    with log.open("w") as out:
        server = subprocess.Popen(
            [*command, "app:create_app()"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(base + "/api/v1/ping", server, log, timeout)
        yield base
    finally:
        stop(server)


def wait_until_ready(url: str, server: subprocess.Popen, log: Path, timeout: float) -> None:
    """Poll ``url`` until it answers 200; fail with the server's log if it never does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within {timeout:.0f}s:\n{log.read_text()[-3000:]}")


def stop(server: subprocess.Popen) -> None:
    """Stop gunicorn and its workers (its own process group): TERM, then KILL if it lingers."""
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=5)
