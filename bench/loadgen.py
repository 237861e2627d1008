"""A small bounded load generator: client threads sending requests to 127.0.0.1 for N seconds.

Each client thread opens a connection per request (gunicorn's sync workers close it after
each response anyway), sends the next request of its list in turn, and records the latency
of every completed request. Nothing is sent to any host but 127.0.0.1, and every run stops
at its deadline or after ``max_requests``, whichever comes first.
"""

from __future__ import annotations

import http.client
import statistics
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

LOOPBACK = "127.0.0.1"


@dataclass(frozen=True)
class Request:
    """One request to send: method, path, body and headers."""

    method: str
    path: str
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Result:
    """What a run measured: latencies of completed requests, failures and wall time."""

    latencies: list[float] = field(default_factory=list)
    failures: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def throughput(self) -> float:
        """Completed requests per second."""
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def quantile_ms(self, share: float) -> float:
        """The ``share`` quantile of the latencies in milliseconds."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000

    def median_ms(self) -> float:
        """The median latency in milliseconds."""
        return statistics.median(self.latencies) * 1000 if self.latencies else float("nan")


def send(port: int, request: Request, timeout: float) -> int:
    """Send one request to 127.0.0.1:port and read the whole answer; its status code."""
    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=timeout)
    try:
        connection.request(request.method, request.path, body=request.body, headers=request.headers)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def run_load(
    base_url: str,
    requests: list[Request],
    seconds: float,
    clients: int,
    max_requests: int = 200_000,
    timeout: float = 30,
) -> Result:
    """Send ``requests`` in turn from ``clients`` threads for ``seconds``; what was measured."""
    parts = urlsplit(base_url)
    if parts.hostname != LOOPBACK:
        raise ValueError(f"load is only ever sent to {LOOPBACK}, not {parts.hostname}")
    port = parts.port or 80
    result = Result()
    lock = threading.Lock()
    budget = iter(range(max_requests))
    deadline = time.monotonic() + seconds

    def client(offset: int) -> None:
        turn = offset
        while time.monotonic() < deadline:
            with lock:
                if next(budget, None) is None:
                    return
            request = requests[turn % len(requests)]
            turn += 1
            start = time.perf_counter()
            try:
                status = send(port, request, timeout)
            except (OSError, http.client.HTTPException):
                with lock:
                    result.failures += 1
                continue
            took = time.perf_counter() - start
            with lock:
                result.statuses[status] = result.statuses.get(status, 0) + 1
                if 200 <= status < 300:
                    result.latencies.append(took)
                else:
                    result.failures += 1

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + timeout + 5)
    result.seconds = time.perf_counter() - began
    return result
