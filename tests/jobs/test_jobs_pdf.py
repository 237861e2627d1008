"""PDFs prepared by a worker when Redis is configured: each action queues a job, the worker
keeps the PDF, and a download before the worker gets to it is rendered on the spot."""

import pytest
from rq.worker import SimpleWorker

from app.accounts.models import Role
from app.extensions import db
from app.proposals.models import Proposal
from app.proposals.workflow import Status
from app.reports.prepare import LETTERS_JOB, PDFS_JOB
from app.triage import services as triage
from tests.reports.conftest import kept, pdf_text


@pytest.fixture(autouse=True)
def preparing_pdfs(app, monkeypatch):
    """These tests are about PDFs prepared after each action: turn that on."""
    monkeypatch.setitem(app.config, "PREPARE_PDFS", True)


def queued(queue) -> list[str]:
    """The function names of the jobs waiting on the queue, oldest first."""
    return [job.func_name for job in queue.jobs]


def work(queue) -> None:
    SimpleWorker([queue], connection=queue.connection).work(burst=True)


def test_a_submission_queues_its_pdfs_which_a_worker_then_keeps(
    app, submit, redis_queue, make_user, sign_in
):
    proposal = submit()

    assert queued(redis_queue) == [PDFS_JOB]
    assert kept(proposal.id, "assessment") == []  # not rendered in the request

    work(redis_queue)

    [stored] = kept(proposal.id, "assessment")
    commissioner = make_user(Role.COMMISSIONER, public_body=proposal.public_body)
    download = sign_in(commissioner).get(f"/triage/{proposal.id}/assessment.pdf")
    assert download.data == stored


def test_a_download_before_the_worker_runs_shows_the_judgement_all_the_same(
    submit, redis_queue, make_user, sign_in
):
    proposal = submit(status=Status.IN_REVIEW)
    work(redis_queue)
    [before] = kept(proposal.id, "assessment")
    commissioner = make_user(Role.COMMISSIONER, public_body=proposal.public_body)
    client = sign_in(commissioner)

    triage.add_judgement(proposal, commissioner, "vfm", "Full costs", "Counted", "Stated rate")

    assert queued(redis_queue) == [PDFS_JOB]
    download = client.get(f"/triage/{proposal.id}/assessment.pdf").data  # the queue is slow
    assert download != before and "Full costs" in pdf_text(download)
    assert kept(proposal.id, "assessment") == [download]
    work(redis_queue)  # finds the current PDF kept already
    assert kept(proposal.id, "assessment") == [download]


def test_new_contact_details_queue_the_bodys_letters(submit, redis_queue, make_user):
    proposal = submit(status=Status.IN_REVIEW)
    commissioner = make_user(Role.COMMISSIONER, public_body=proposal.public_body)
    decision = triage.DecisionInput("accepted", "Good value.", "Procurement follows.")
    triage.decide(proposal, commissioner, decision, None, "")
    work(redis_queue)
    [before] = kept(proposal.id, "decision-letter")

    contact = triage.ContactDetails(email="decisions@anytown.gov.uk")
    triage.save_contact_details(proposal.public_body_id, contact)

    assert queued(redis_queue) == [LETTERS_JOB]
    assert kept(proposal.id, "decision-letter") == [before]
    work(redis_queue)
    [after] = kept(proposal.id, "decision-letter")
    assert "decisions@anytown.gov.uk" in pdf_text(after)


def test_a_pdf_job_for_a_submission_that_is_gone_renders_nothing(redis_queue):
    job = redis_queue.enqueue(PDFS_JOB, 999_999)
    work(redis_queue)
    assert job.get_status() == "finished" and job.return_value() == []
    assert db.session.get(Proposal, 999_999) is None
