"""The job queue: an RQ queue on the Redis at REDIS_URL, or none, when work runs inline."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from flask import Flask, current_app, has_app_context
from redis import Redis
from rq import Queue

DEFAULT_QUEUE = "valuecase"
RESULT_TTL = 24 * 3600
JOB_TIMEOUT = 15 * 60

_worker_app: Flask | None = None


def queue_name(settings: Mapping) -> str:
    """The queue's name: the JOB_QUEUE setting, or "valuecase"."""
    return settings.get("JOB_QUEUE") or DEFAULT_QUEUE


def job_queue(settings: Mapping) -> Queue | None:
    """The RQ queue on the Redis at REDIS_URL, or None when REDIS_URL is not set."""
    url = settings.get("REDIS_URL")
    if not url:
        return None
    return Queue(
        queue_name(settings),
        connection=Redis.from_url(url),
        default_timeout=JOB_TIMEOUT,
    )


@contextmanager
def app_context() -> Iterator[Flask]:
    """The current app, or, for a job run by a plain ``rq worker``, one app built per process."""
    global _worker_app
    if has_app_context():
        yield current_app._get_current_object()
        return
    if _worker_app is None:
        from app import create_app

        _worker_app = create_app()
    with _worker_app.app_context():
        yield _worker_app
