"""The same work through RQ on the local Redis: re-checks queued as batches, a worker command.

Jobs run in a SimpleWorker, in this process, so they share the app and its database.
"""

import os
import subprocess
import sys
import uuid

from rq.worker import SimpleWorker

from app.extensions import db
from app.proposals.models import Proposal
from app.proposals.workflow import Status
from tests.conftest import ROOT

PLAUSIBLE = "claims.ratio-above-plausible"
RECHECK_JOB = "app.jobs.recheck.recheck_job"


def latest_report(proposal: Proposal) -> dict:
    db.session.expire_all()
    return db.session.get(Proposal, proposal.id).versions[-1].check_report


def fired(proposal: Proposal) -> set[str]:
    return {finding["rule"] for finding in latest_report(proposal)["findings"]}


def test_recheck_all_queues_batches_that_a_worker_then_applies(
    runner, submit, change_rules, redis_queue
):
    open_ones = [submit(status=s) for s in (Status.SUBMITTED, Status.IN_REVIEW, Status.MORE_INFO)]
    decided = submit(status=Status.ACCEPTED)
    change_rules()

    result = runner.invoke(args=["recheck-all", "--batch-size", "2"])

    assert result.exit_code == 0, result.output
    assert f"Queued 2 batches on the '{redis_queue.name}' queue." in result.output
    assert "flask --app app worker" in result.output
    assert [job.func_name for job in redis_queue.jobs].count(RECHECK_JOB) == 2
    assert all(PLAUSIBLE not in fired(proposal) for proposal in open_ones)  # not yet

    SimpleWorker([redis_queue], connection=redis_queue.connection).work(burst=True)

    assert len(redis_queue) == 0
    assert all(PLAUSIBLE in fired(proposal) for proposal in open_ones)
    assert all(latest_report(proposal)["tier"] == "full" for proposal in open_ones)
    assert db.session.get(Proposal, open_ones[0].id).tier == "full"
    assert PLAUSIBLE not in fired(decided)


def test_recheck_all_wait_works_through_the_queue_and_totals(
    runner, submit, change_rules, redis_queue
):
    proposals = [submit(), submit("propose-hospital-discharge", Status.IN_REVIEW), submit()]
    change_rules()

    result = runner.invoke(args=["recheck-all", "--batch-size", "1", "--wait"])

    assert result.exit_code == 0, result.output
    assert "Queued 3 batches" in result.output
    assert "Re-checking open submissions" in result.output
    assert "Re-checked 3 open submissions in 3 batches: 3 reports changed." in result.output
    assert len(redis_queue) == 0
    assert all(latest_report(proposal)["tier"] == "full" for proposal in proposals)


def test_the_worker_command_runs_what_recheck_all_queued(runner, submit, change_rules, redis_queue):
    proposal = submit()
    change_rules()
    runner.invoke(args=["recheck-all"])
    assert PLAUSIBLE not in fired(proposal)

    result = runner.invoke(args=["worker", "--burst"])

    assert result.exit_code == 0, result.output
    assert f"Working on the '{redis_queue.name}' queue" in result.output
    assert PLAUSIBLE in fired(proposal)


def test_the_worker_command_needs_redis(runner, app, monkeypatch):
    monkeypatch.setitem(app.config, "REDIS_URL", None)
    result = runner.invoke(args=["worker", "--burst"])
    assert result.exit_code != 0
    assert "REDIS_URL is not set" in result.output


def test_a_burst_worker_leaves_as_soon_as_the_queue_is_empty(tmp_path):
    """A worker started with --burst exits on its own, not a minute after its last job."""
    queue = f"valuecase-exit-{uuid.uuid4().hex}"
    environment = os.environ | {
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'worker.sqlite'}",
        "SECRET_KEY": "k" * 40,
    }
    environment.pop("VALUECASE_ENV", None)
    environment["JOB_QUEUE"] = queue  # a queue of its own, empty
    command = [sys.executable, "-m", "flask", "--app", "app", "worker", "--burst"]
    finished = subprocess.run(
        command, env=environment, cwd=ROOT, capture_output=True, text=True, timeout=20
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
