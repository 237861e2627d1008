"""A write that fails halfway leaves the previous state whole: each service commits once."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from app.accounts.models import Role, utcnow
from app.examples import load_example
from app.extensions import db
from app.proposals import services
from app.proposals.models import DraftChange, ProposalVersion
from app.proposals.sections import BY_KEY
from app.proposals.workflow import Status
from app.triage import services as triage
from app.triage.models import Decision

MAIL = {"MAIL_SERVER": None, "MAIL_SENDER": "Valuecase <no-reply@example.org>"}
DECISION = triage.DecisionInput("accepted", "Good value for money.", "A grant from April.")


class DatabaseWentAway(Exception):
    """Stands for the database failing after it has taken the first statements."""


def snapshot() -> dict[str, list[tuple]]:
    """Every table's rows, read afresh from the database."""
    db.session.rollback()
    return {
        table.name: [tuple(row) for row in db.session.execute(sa.select(table).order_by(*table.c))]
        for table in db.metadata.sorted_tables
    }


@contextmanager
def failing_after_the_writes() -> Iterator[list[str]]:
    """Make the next commit fail once every statement has run; yields the kinds of row written."""
    written: list[str] = []
    session = db.session()

    def record(session, flush_context) -> None:
        written.extend(type(obj).__name__ for obj in [*session.new, *session.dirty])

    def refuse(session) -> None:
        session.flush()
        raise DatabaseWentAway("connection lost before the commit")

    event.listen(session, "after_flush", record)
    event.listen(session, "before_commit", refuse)
    try:
        yield written
    finally:
        event.remove(session, "after_flush", record)
        event.remove(session, "before_commit", refuse)


@pytest.fixture
def people(make_user, make_public_body, make_organisation):
    """A proposer, and two commissioners of the body the proposal goes to."""
    body = make_public_body("Anytown Borough Council", response_period_days=30)
    return {
        "proposer": make_user(Role.CSO, organisation=make_organisation("Carers Trust")),
        "commissioner": make_user(Role.COMMISSIONER, public_body=body),
        "reviewer": make_user(Role.COMMISSIONER, public_body=body),
        "body": body,
    }


@pytest.fixture
def draft(people):
    proposer = people["proposer"]
    document = load_example("challenge-young-carers")
    proposal = services.new_proposal(proposer.organisation, people["body"], document, proposer)
    db.session.commit()
    return proposal


@pytest.fixture
def in_review(draft, people):
    services.submit(draft, people["proposer"], None, MAIL)
    triage.take(draft, "start_review", people["commissioner"], "", MAIL, "")
    return draft


def test_a_submit_failing_at_commit_leaves_no_version_audit_or_notification(draft, people, caplog):
    before = snapshot()
    caplog.set_level(logging.INFO, logger="valuecase.mail")
    with failing_after_the_writes() as written, pytest.raises(DatabaseWentAway):
        services.submit(draft, people["proposer"], None, MAIL)
    assert {"ProposalVersion", "AuditEvent", "Notification", "Proposal"} <= set(written)
    assert snapshot() == before
    assert draft.status == Status.DRAFT and draft.submitted_at is None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ProposalVersion)) == 0
    assert not [r for r in caplog.records if r.name == "valuecase.mail"]  # no email either
    # once the database is back, the same submission goes through as version 1
    services.submit(draft, people["proposer"], None, MAIL)
    assert [v.number for v in draft.versions] == [1] and draft.status == Status.SUBMITTED


def test_a_decision_failing_at_commit_leaves_the_review_open(in_review, people):
    before = snapshot()
    with failing_after_the_writes() as written, pytest.raises(DatabaseWentAway):
        triage.decide(in_review, people["commissioner"], DECISION, MAIL, "")
    assert {"Decision", "AuditEvent", "Notification", "Proposal"} <= set(written)
    assert snapshot() == before
    assert in_review.status == Status.IN_REVIEW
    assert triage.decision_for(in_review) is None


def test_a_decision_refused_by_the_database_writes_none_of_its_rows(in_review, people):
    """Two commissioners decide at once: the second decision breaks the one-decision rule."""
    reviewer = people["reviewer"]
    with db.engine.begin() as other:
        other.execute(
            sa.insert(Decision).values(
                proposal_id=in_review.id,
                outcome="rejected",
                grounds=["inadequate_information"],
                reasons="Decided first by a colleague.",
                next_steps="",
                decided_by_id=reviewer.id,
                decided_at=utcnow(),
                summary={},
            )
        )
    before = snapshot()
    statements: list[str] = []

    def log(conn, cursor, statement, *args) -> None:
        statements.append(statement.split("(")[0].strip())

    event.listen(db.engine, "before_cursor_execute", log)
    try:
        with pytest.raises(triage.AlreadyChanged) as refused:
            triage.decide(in_review, people["commissioner"], DECISION, MAIL, "")
    finally:
        event.remove(db.engine, "before_cursor_execute", log)
    assert isinstance(refused.value.__cause__, sa.exc.IntegrityError)
    assert any(s.startswith(("UPDATE proposal", "INSERT INTO audit_event")) for s in statements)
    assert snapshot() == before
    assert in_review.status == Status.IN_REVIEW
    assert triage.decision_for(in_review).reasons == "Decided first by a colleague."


def test_a_transition_failing_at_commit_leaves_the_status_and_trail(in_review, people):
    before = snapshot()
    with failing_after_the_writes(), pytest.raises(DatabaseWentAway):
        triage.request_information(
            in_review, people["commissioner"], ["service"], {"service": "Costs?"}, MAIL, ""
        )
    assert snapshot() == before
    assert in_review.status == Status.IN_REVIEW
    trail = [event.action for event in triage.audit_trail(in_review)]
    assert trail == ["submit", "start_review"]


def test_a_section_save_failing_at_commit_keeps_the_draft_and_its_history(draft, people):
    before = snapshot()
    revision, economy = draft.revision, draft.draft["vfm"]["economy"]
    page = services.Save(BY_KEY["vfm"], {"economy": "Half the price."}, {}, draft.revision)
    with failing_after_the_writes() as written, pytest.raises(DatabaseWentAway):
        services.save(draft, people["proposer"], page)
    assert {"DraftChange", "Proposal"} <= set(written)
    assert snapshot() == before
    assert draft.revision == revision and draft.draft["vfm"]["economy"] == economy
    assert db.session.scalar(sa.select(sa.func.count()).select_from(DraftChange)) == 0
