"""Training services for portfolios: writing one on the learner's own proposal or case,
submitting it, and an assessor marking it against the stage's rubric with feedback.

A portfolio goes draft, then submitted, then passed or "not yet". After "not yet" the learner
writes a new round, which starts from the last one; every round and its feedback are kept. An
assessor is a person an admin has named; nobody marks their own portfolio. Passing the
portfolio of a stage whose modules are all passed issues the stage's certificate.

Services take explicit arguments and are the only training code that commits.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select

from ..accounts.models import User, utcnow
from ..extensions import db
from ..field_errors import FieldError
from ..proposals.models import Proposal
from ..proposals.workflow import Status
from . import certificates, services
from .content import Curriculum, PortfolioBrief
from .models import PortfolioSubmission
from .rubrics import passes

DRAFT, SUBMITTED, PASSED, NOT_YET = "draft", "submitted", "passed", "not_yet"
ANSWER_LIMIT = 20_000
FEEDBACK_LIMIT = 5_000


class PortfolioInvalid(FieldError):
    """A portfolio or a marking that cannot be saved; ``field`` names the field at fault."""


class NotAllowed(Exception):
    """The person may not mark this portfolio: they are not an assessor, or it is their own."""


def rounds(user: User, stage: int) -> list[PortfolioSubmission]:
    """Every round of the person's portfolio for a stage, the latest first."""
    query = select(PortfolioSubmission).where(
        PortfolioSubmission.user_id == user.id, PortfolioSubmission.stage == stage
    )
    return list(db.session.scalars(query.order_by(PortfolioSubmission.id.desc())))


def cases_to_choose(user: User) -> list[tuple[int, str]]:
    """(id, title) of the proposals a portfolio can be written on: the person's organisation's
    proposals, or for a commissioner the cases submitted to their public body."""
    if user.organisation_id is not None:
        where = Proposal.organisation_id == user.organisation_id
    elif user.public_body_id is not None:
        where = (Proposal.public_body_id == user.public_body_id) & (Proposal.status != Status.DRAFT)
    else:
        return []
    query = select(Proposal.id, Proposal.title).where(where).order_by(Proposal.title, Proposal.id)
    return [(ident, title) for ident, title in db.session.execute(query)]


def save(
    user: User,
    stage: int,
    brief: PortfolioBrief,
    proposal_id: int | None,
    answer: str,
    submit: bool,
) -> PortfolioSubmission:
    """Keep the learner's portfolio as a draft or submit it for assessment."""
    current = next(iter(rounds(user, stage)), None)
    if current is not None and current.status in (SUBMITTED, PASSED):
        raise PortfolioInvalid("answer", "This portfolio has been submitted: it cannot change now")
    text = answer.strip()
    if not text:
        raise PortfolioInvalid("answer", "Enter your portfolio answer")
    if len(text) > ANSWER_LIMIT:
        raise PortfolioInvalid(
            "answer", f"Your answer must be {ANSWER_LIMIT:,} characters or fewer"
        )
    titles = dict(cases_to_choose(user))
    if proposal_id is not None and proposal_id not in titles:
        raise PortfolioInvalid("proposal_id", "Select a proposal or case from the list")
    if submit and proposal_id is None:
        raise PortfolioInvalid("proposal_id", "Select the proposal or case your portfolio is about")
    if current is None or current.status == NOT_YET:
        current = PortfolioSubmission(user_id=user.id, stage=stage, status=DRAFT)
        db.session.add(current)
    current.brief, current.answer = brief.brief, text
    current.proposal_id = proposal_id
    current.proposal_title = titles.get(proposal_id, "") if proposal_id else ""
    if submit:
        current.status, current.submitted_at = SUBMITTED, utcnow()
    db.session.commit()
    return current


def awaiting(assessor: User) -> list[PortfolioSubmission]:
    """The submitted portfolios waiting for an assessor, oldest first, the assessor's own left
    out."""
    query = select(PortfolioSubmission).where(
        PortfolioSubmission.status == SUBMITTED, PortfolioSubmission.user_id != assessor.id
    )
    return list(db.session.scalars(query.order_by(PortfolioSubmission.submitted_at)))


def marked_by(assessor: User, limit: int = 20) -> list[PortfolioSubmission]:
    """The portfolios this assessor marked most recently."""
    query = select(PortfolioSubmission).where(PortfolioSubmission.assessor_id == assessor.id)
    return list(
        db.session.scalars(query.order_by(PortfolioSubmission.assessed_at.desc()).limit(limit))
    )


def for_assessment(assessor: User, user_id: int, stage: int) -> PortfolioSubmission | None:
    """The latest round of someone's portfolio for a stage, as an assessor may see it; raises
    NotAllowed for a person who is not an assessor or for their own portfolio."""
    check_may_assess(assessor, user_id)
    author = db.session.get(User, user_id)
    return next(iter(rounds(author, stage)), None) if author else None


def check_may_assess(assessor: User, author_id: int) -> None:
    """Raise NotAllowed unless the person is an assessor and the portfolio is not theirs."""
    if not assessor.assessor or assessor.id == author_id:
        raise NotAllowed


def assess(
    portfolio: PortfolioSubmission,
    assessor: User,
    brief: PortfolioBrief,
    results: Mapping[str, bool],
    feedback: str,
    curriculum: Curriculum,
) -> PortfolioSubmission:
    """Mark a submitted portfolio against the rubric, with written feedback: passed when every
    criterion is met, otherwise "not yet". A pass issues the stage's certificate when its
    modules are all passed too."""
    check_may_assess(assessor, portfolio.user_id)
    if portfolio.status != SUBMITTED:
        raise PortfolioInvalid("feedback", "This portfolio has already been marked")
    missing = [c for c in brief.criteria if c.id not in results]
    if missing:
        raise PortfolioInvalid(
            f"criterion_{missing[0].id}", "Select met or not yet met for each criterion"
        )
    text = feedback.strip()
    if not text:
        raise PortfolioInvalid("feedback", "Enter your feedback for the learner")
    if len(text) > FEEDBACK_LIMIT:
        raise PortfolioInvalid(
            "feedback", f"Your feedback must be {FEEDBACK_LIMIT:,} characters or fewer"
        )
    portfolio.results = [
        {"id": c.id, "text": c.text, "met": bool(results[c.id])} for c in brief.criteria
    ]
    portfolio.status = PASSED if passes(brief, results) else NOT_YET
    portfolio.feedback, portfolio.assessor_id, portfolio.assessed_at = text, assessor.id, utcnow()
    db.session.flush()
    if portfolio.status == PASSED:
        author = portfolio.user
        certificates.issue_due(author, services.progress_for(author, curriculum), curriculum)
    db.session.commit()
    return portfolio
