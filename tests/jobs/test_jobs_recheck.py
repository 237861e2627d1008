"""flask recheck-all without Redis: every open submission re-checked inline, in batches."""

import pytest
from sqlalchemy import select

from app.extensions import db
from app.jobs.recheck import batches, open_submission_ids
from app.proposals import services
from app.proposals.models import Proposal, ProposalVersion
from app.proposals.workflow import Status

from .conftest import QUIET

PLAUSIBLE = "claims.ratio-above-plausible"


def fired(report: dict) -> set[str]:
    return {finding["rule"] for finding in report["findings"]}


def fresh(proposal: Proposal) -> Proposal:
    """The submission as the database holds it now (the command commits in its own session)."""
    db.session.expire_all()
    return db.session.get(Proposal, proposal.id)


def test_recheck_all_applies_changed_rules_to_open_submissions_only(runner, submit, change_rules):
    submitted = submit("challenge-young-carers", Status.SUBMITTED)
    in_review = submit("challenge-young-carers", Status.IN_REVIEW)
    waiting = submit("challenge-young-carers", Status.MORE_INFO)
    accepted = submit("challenge-young-carers", Status.ACCEPTED)
    withdrawn = submit("challenge-young-carers", Status.WITHDRAWN)
    assert accepted.tier == "standard"
    assert PLAUSIBLE not in fired(accepted.versions[-1].check_report)
    change_rules()

    result = runner.invoke(args=["recheck-all", "--batch-size", "2"])

    assert result.exit_code == 0, result.output
    assert "Re-checking open submissions" in result.output
    assert "Re-checked 3 open submissions in 2 batches: 3 reports changed." in result.output
    for proposal in (submitted, in_review, waiting):
        now = fresh(proposal)
        assert PLAUSIBLE in fired(now.versions[-1].check_report)
        assert now.versions[-1].check_report["tier"] == "full"
        assert now.tier == "full"  # the queue's column follows the new report
    for proposal in (accepted, withdrawn):
        now = fresh(proposal)
        assert PLAUSIBLE not in fired(now.versions[-1].check_report)
        assert now.tier == "standard"


def test_a_resubmission_keeps_its_earlier_report_and_gets_a_new_latest_one(
    runner, submit, proposer, change_rules
):
    proposal = submit("challenge-young-carers", Status.MORE_INFO)
    services.submit(proposal, proposer, None, QUIET)  # resubmitted, not yet checked
    change_rules()

    result = runner.invoke(args=["recheck-all"])

    assert result.exit_code == 0, result.output
    versions = db.session.scalars(
        select(ProposalVersion)
        .where(ProposalVersion.proposal_id == proposal.id)
        .order_by(ProposalVersion.number)
        .execution_options(populate_existing=True)
    ).all()
    first, latest = versions
    assert PLAUSIBLE not in fired(first.check_report)
    assert PLAUSIBLE in fired(latest.check_report)
    assert fresh(proposal).readiness is not None


def test_recheck_all_with_unchanged_rules_changes_nothing(runner, submit):
    proposals = [submit(), submit("propose-hospital-discharge", Status.IN_REVIEW)]
    revisions = [proposal.revision for proposal in proposals]

    result = runner.invoke(args=["recheck-all"])

    assert result.exit_code == 0, result.output
    assert "Re-checked 2 open submissions in 1 batch: 0 reports changed." in result.output
    assert [fresh(proposal).revision for proposal in proposals] == revisions


def test_recheck_all_with_nothing_open_says_so(runner, submit):
    submit(status=Status.REJECTED)
    result = runner.invoke(args=["recheck-all"])
    assert result.exit_code == 0, result.output
    assert "Re-checked 0 open submissions in 0 batches: 0 reports changed." in result.output


def test_open_submissions_are_the_submitted_in_review_and_waiting_ones(submit):
    expected = [submit(status=status).id for status in Status if status != Status.DRAFT]
    opened = open_submission_ids()
    assert opened == expected[:3]
    assert [db.session.get(Proposal, i).status for i in opened] == [
        Status.SUBMITTED,
        Status.IN_REVIEW,
        Status.MORE_INFO,
    ]


def test_batches_cover_every_id_once_in_order():
    assert list(batches(list(range(5)), 2)) == [[0, 1], [2, 3], [4]]
    assert list(batches([], 3)) == []
    with pytest.raises(ValueError):
        list(batches([1], 0))


def test_a_batch_size_below_one_is_refused(runner):
    result = runner.invoke(args=["recheck-all", "--batch-size", "0"])
    assert result.exit_code != 0
    assert "0 is not in the range x>=1" in result.output
