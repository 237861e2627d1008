"""Commands: ``flask recheck-all`` re-checks every open submission; ``flask worker`` runs jobs.

Without REDIS_URL, ``recheck-all`` works through the batches itself with a progress bar.
With it, the batches become RQ jobs on the queue; ``--wait`` then works through them here
(and waits for any that another worker took) before printing the total. The worker runs
every job on the queue: re-checks, assessment PDFs and the email queued after each commit.
"""

from __future__ import annotations

import time

import click
from flask import current_app
from flask.cli import with_appcontext
from rq import Queue
from rq.job import Job
from rq.worker import SimpleWorker

from .queue import RESULT_TTL, job_queue
from .recheck import DEFAULT_BATCH, batches, open_submission_ids, recheck_batch, recheck_job

LABEL = "Re-checking open submissions"
WAIT_LIMIT = 3600


@click.command("recheck-all")
@click.option("--batch-size", default=DEFAULT_BATCH, show_default=True, type=click.IntRange(1))
@click.option("--wait", is_flag=True, help="With Redis: work through the queued batches here.")
@with_appcontext
def recheck_all(batch_size: int, wait: bool) -> None:
    """Re-run the checks on every open submission, e.g. after the rules changed."""
    ids = open_submission_ids()
    chunks = list(batches(ids, batch_size))
    queue = job_queue(current_app.config)
    if queue is None:
        changed = _inline(chunks)
    else:
        jobs = [
            queue.enqueue(recheck_job, chunk, result_ttl=RESULT_TTL, description=LABEL)
            for chunk in chunks
        ]
        click.echo(f"Queued {counted(len(jobs), 'batch')} on the {queue.name!r} queue.")
        if not wait:
            click.echo("Run `flask --app app worker` to work through them.")
            return
        changed = _work_through(queue, jobs)
    click.echo(
        f"Re-checked {counted(len(ids), 'open submission')} in {counted(len(chunks), 'batch')}: "
        f"{counted(changed, 'report')} changed."
    )


def counted(number: int, noun: str) -> str:
    """``number`` and ``noun``, plural unless the number is one: "3 batches", "1 report"."""
    plural = noun + ("es" if noun.endswith("ch") else "s")
    return f"{number:,} {noun if number == 1 else plural}"


def _inline(chunks: list[list[int]]) -> int:
    check = current_app.extensions["rulebook"].check
    changed = 0
    with click.progressbar(length=sum(map(len, chunks)), label=LABEL, show_pos=True) as bar:
        for chunk in chunks:
            changed += recheck_batch(chunk, check)
            bar.update(len(chunk))
    return changed


def _work_through(queue: Queue, jobs: list[Job]) -> int:
    """Run queued jobs here one at a time until all of ``jobs`` are done; their total."""
    worker = SimpleWorker([queue], connection=queue.connection)
    deadline = time.monotonic() + WAIT_LIMIT
    done = 0
    with click.progressbar(length=len(jobs), label=LABEL, show_pos=True) as bar:
        while done < len(jobs):
            if not worker.work(burst=True, max_jobs=1, logging_level="WARNING"):
                time.sleep(0.5)  # the rest are with other workers
            finished = sum(job.get_status() in ("finished", "failed") for job in jobs)
            bar.update(finished - done)
            done = finished
            if time.monotonic() > deadline:
                raise click.ClickException("gave up waiting for the queued batches")
    failed = [job.id for job in jobs if job.get_status() == "failed"]
    if failed:
        raise click.ClickException(f"{counted(len(failed), 'batch')} failed: {', '.join(failed)}")
    return sum(job.return_value() or 0 for job in jobs)


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
@with_appcontext
def worker(burst: bool) -> None:
    """Run an RQ worker for the queue, inside this app (REDIS_URL must be set)."""
    queue = job_queue(current_app.config)
    if queue is None:
        raise click.ClickException("REDIS_URL is not set: there is no queue to work on.")
    click.echo(f"Working on the {queue.name!r} queue at {current_app.config['REDIS_URL']}")
    SimpleWorker([queue], connection=queue.connection).work(burst=burst)
