"""Fixtures for the jobs: submitted examples, stricter rules, and an RQ queue of each test's own.

The queue lives on the Redis at 127.0.0.1:6379. A test that needs it fails, never skips,
when Redis cannot be reached; its keys are deleted afterwards.
"""

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rq import Queue
from rq.registry import FailedJobRegistry, FinishedJobRegistry

from app.accounts.models import Role
from app.checks.rulebook import Rulebook, load_rulebook
from app.examples import load_example
from app.extensions import db
from app.jobs.queue import job_queue
from app.proposals import services
from app.proposals.models import Proposal
from app.proposals.workflow import Status

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/0"
QUIET = {"MAIL_SERVER": None, "MAIL_SENDER": "Valuecase <no-reply@example.org>"}
# A lower plausible ratio and a lower full-tier threshold: the young carers' challenge (a
# ratio of 1.63 on a standard-tier contract) gains a finding and moves to the full tier.
STRICTER = """\
plausible_max_ratio:
  values:
    2020-01-01: 1.2
tier_full_from:
  values:
    2020-01-01: 500000
"""


@pytest.fixture(scope="session")
def stricter_rulebook(tmp_path_factory) -> Rulebook:
    """The real rules with a deployment override that tightens two parameters."""
    override = tmp_path_factory.mktemp("override") / "parameters.yaml"
    override.write_text(STRICTER)
    return load_rulebook(ROOT / "rules", ROOT / "curriculum" / "model.yaml", override=override)


@pytest.fixture
def change_rules(app, stricter_rulebook, monkeypatch) -> Callable[[], None]:
    """From when it is called, the app checks with the stricter rules, as after a deployment."""
    return lambda: monkeypatch.setitem(app.extensions, "rulebook", stricter_rulebook)


@pytest.fixture
def proposer(make_user, make_organisation):
    return make_user(Role.CSO, name="Sam Proposer", organisation=make_organisation("Carers Trust"))


@pytest.fixture
def submit(app, proposer, make_public_body) -> Callable[..., Proposal]:
    """Submit an example with the app's rules as they are now, then move it to ``status``."""
    body = make_public_body("Anytown Borough Council")

    def do(example: str = "challenge-young-carers", status: Status = Status.SUBMITTED):
        document = load_example(example)
        proposal = services.new_proposal(proposer.organisation, body, document, proposer)
        db.session.flush()
        services.submit(proposal, proposer, app.extensions["rulebook"].check(document), QUIET)
        proposal.status = status
        db.session.commit()
        return proposal

    return do


@pytest.fixture
def redis_queue(app, monkeypatch) -> Iterator[Queue]:
    """REDIS_URL set, and a queue name no other test uses; every key it made is deleted."""
    name = f"valuecase-test-{uuid.uuid4().hex}"
    monkeypatch.setitem(app.config, "REDIS_URL", REDIS_URL)
    monkeypatch.setitem(app.config, "JOB_QUEUE", name)
    queue = job_queue(app.config)
    queue.connection.ping()  # raises, failing the test, when Redis is unreachable
    yield queue
    connection = queue.connection
    job_ids = set(queue.job_ids)
    for registry in (FinishedJobRegistry, FailedJobRegistry):
        job_ids.update(registry(name, connection=connection).get_job_ids())
    patterns = [f"*{name}*"] + [f"*{job_id}*" for job_id in job_ids]
    for pattern in patterns:
        for key in connection.scan_iter(match=pattern, count=1000):
            connection.delete(key)
    connection.srem("rq:queues", f"rq:queue:{name}")
    for key in connection.scan_iter(match="rq:worker:*", count=1000):
        if connection.type(key) == b"hash" and connection.hget(key, "queues") == name.encode():
            connection.srem("rq:workers", key)
            connection.delete(key)
    connection.close()
