"""Training services: tracks, progress, attempts, placement, the people a viewer may see, and
the inputs of learning plans (an organisation's checks, a commissioner's decided cases).

Services take explicit arguments and are the only training code that commits.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import Select, false, func, select

from ..accounts.models import Role, User, aware, utcnow
from ..extensions import db
from ..field_errors import FieldError
from ..proposals.document import validate_document
from ..proposals.models import Proposal, ProposalVersion
from ..triage.models import Decision, Judgement
from . import banks, certificates, record_services
from .casework import DecidedCase
from .content import Curriculum, Module, Question, Track
from .draw import draw, draw_seed
from .marking import mark, placement_stage
from .models import Placement, QuizAttempt, TrackChoice
from .plan import modules_named
from .progress import Progress, progress
from .retakes import cooldown_ends, placement_retake_from


class Checker(Protocol):
    """What the plan needs of the rulebook: a check of a valid document."""

    def check(self, document: dict) -> dict:
        """The check report of a schema-valid document."""


class PlacementNotDue(Exception):
    """The placement self-assessment was taken too recently to be taken again."""

    def __init__(self, retake_from: datetime) -> None:
        self.retake_from = retake_from
        super().__init__(f"the placement can be taken again from {retake_from:%Y-%m-%d %H:%M}")


@dataclass(frozen=True)
class PersonProgress:
    """A person and their progress, for the progress lists."""

    user: User
    progress: Progress


class TrackInvalid(FieldError):
    """A track that is not in the curriculum."""


def track_of(user: User, curriculum: Curriculum) -> Track:
    """The track a person follows: the one they chose, else the one their role starts on."""
    chosen = db.session.scalar(select(TrackChoice.track_id).where(TrackChoice.user_id == user.id))
    return curriculum.track_for(user.role.value, chosen)


def choose_track(user: User, track_id: str, curriculum: Curriculum) -> Track:
    """Put the person on a track of their choice; their passes and certificates stand."""
    track = curriculum.track(track_id)
    if track is None:
        raise TrackInvalid("track", "Select the track you want to follow")
    choice = db.session.scalar(select(TrackChoice).where(TrackChoice.user_id == user.id))
    if choice is None:
        choice = TrackChoice(user_id=user.id)
        db.session.add(choice)
    choice.track_id, choice.chosen_at = track.id, utcnow()
    db.session.commit()
    return track


def progress_for(
    user: User, curriculum: Curriculum, named: Mapping[str, tuple[str, ...]] | None = None
) -> Progress:
    """Where this person stands in the curriculum, on their track; the modules in ``named``
    (those the findings on their own checks name, see :func:`modules_named_for`) open too."""
    return progress_of_people([user], curriculum, named)[0].progress


def progress_of_people(
    people: Sequence[User],
    curriculum: Curriculum,
    named: Mapping[str, tuple[str, ...]] | None = None,
) -> list[PersonProgress]:
    """Each person's progress on their track, read with four queries whatever the number of
    people; ``named`` (for a list of one person) opens the modules their checks name."""
    ids = [person.id for person in people]
    passed: dict[int, set[str]] = defaultdict(set)
    attempted: dict[int, set[str]] = defaultdict(set)
    rows = db.session.execute(
        select(QuizAttempt.user_id, QuizAttempt.module_id, QuizAttempt.passed)
        .where(QuizAttempt.user_id.in_(ids))
        .distinct()
    )
    for user_id, module_id, was_passed in rows:
        (passed if was_passed else attempted)[user_id].add(module_id)
    placed = dict(
        db.session.execute(
            select(Placement.user_id, Placement.stage).where(Placement.user_id.in_(ids))
        ).all()
    )
    chosen = dict(
        db.session.execute(
            select(TrackChoice.user_id, TrackChoice.track_id).where(TrackChoice.user_id.in_(ids))
        ).all()
    )
    return [
        PersonProgress(
            person,
            progress(
                curriculum,
                passed[person.id],
                attempted[person.id],
                placed.get(person.id, 0),
                curriculum.track_for(person.role.value, chosen.get(person.id)),
                named,
            ),
        )
        for person in people
    ]


def quiz_draw(user: User, module: Module, secret: str | bytes) -> tuple[Question, ...]:
    """The questions of the person's next attempt at this module's quiz, options shuffled.

    The same until that attempt is submitted, so the page and the marking agree.
    """
    attempts = db.session.scalar(
        select(func.count(QuizAttempt.id)).where(
            QuizAttempt.user_id == user.id, QuizAttempt.module_id == module.id
        )
    )
    seed = draw_seed(secret, "quiz", user.id, module.id, attempts)
    return draw(module.quiz, banks.QUESTIONS_PER_QUIZ, seed)


def quiz_opens_at(user: User, module_id: str, cooldown_hours: float) -> datetime | None:
    """When a cool-down on this quiz ends, or None when the person may take it now."""
    rows = db.session.execute(
        select(QuizAttempt.submitted_at, QuizAttempt.passed)
        .where(QuizAttempt.user_id == user.id, QuizAttempt.module_id == module_id)
        .order_by(QuizAttempt.submitted_at, QuizAttempt.id)
    )
    ends = cooldown_ends(((aware(at), passed) for at, passed in rows), cooldown_hours)
    return ends if ends is not None and ends > utcnow() else None


def record_attempt(
    user: User,
    module: Module,
    questions: Sequence[Question],
    chosen: Sequence[int],
    pass_mark: int,
    curriculum: Curriculum,
) -> QuizAttempt:
    """Mark and keep an attempt at the questions drawn for it. A first pass completes the
    module (its CPD minutes are recorded), and a pass that completes a stage issues its
    certificate, unless the stage also asks for a portfolio not passed yet."""
    marking = mark(questions, chosen, pass_mark)
    attempt = QuizAttempt(
        user_id=user.id,
        module_id=module.id,
        correct=marking.right,
        total=marking.total,
        score=marking.score,
        pass_mark=pass_mark,
        passed=marking.passed,
        answers=marking.answers_as_records(),
    )
    db.session.add(attempt)
    db.session.flush()
    if marking.passed:
        record_services.complete(user, module)
        certificates.issue_due(user, progress_for(user, curriculum), curriculum)
    db.session.commit()
    return attempt


def attempt_of(user: User, attempt_id: int, module_id: str) -> QuizAttempt | None:
    """One of this person's attempts at this module, or None."""
    attempt = db.session.get(QuizAttempt, attempt_id)
    if attempt is None or attempt.user_id != user.id or attempt.module_id != module_id:
        return None
    return attempt


def placement_of(user: User) -> Placement | None:
    """The person's placement, if they have taken the self-assessment."""
    return db.session.scalar(select(Placement).where(Placement.user_id == user.id))


@dataclass(frozen=True)
class PlacementStatus:
    """The person's placement (None before they take the self-assessment) and the moment from
    which they may take it again (None when they never took it)."""

    placement: Placement | None
    retake_at: datetime | None

    @property
    def due(self) -> bool:
        """Whether the person may take the self-assessment now."""
        return self.retake_at is None or self.retake_at <= utcnow()


def placement_status(user: User, retake_days: float) -> PlacementStatus:
    """The person's placement and when they may take the self-assessment again."""
    placement = placement_of(user)
    if placement is None:
        return PlacementStatus(None, None)
    return PlacementStatus(
        placement, placement_retake_from(aware(placement.placed_at), retake_days)
    )


def placement_draw(
    user: User, curriculum: Curriculum, secret: str | bytes
) -> dict[int, tuple[Question, ...]]:
    """The placement questions drawn for the person's next self-assessment, by stage."""
    taken = placement_of(user)
    round_ = int(aware(taken.placed_at).timestamp()) if taken else "first"
    return {
        stage: draw(
            questions,
            banks.QUESTIONS_PER_PLACEMENT_STAGE,
            draw_seed(secret, "placement", user.id, round_, stage),
        )
        for stage, questions in curriculum.placement.items()
    }


def record_placement(
    user: User,
    drawn: Mapping[int, Sequence[Question]],
    chosen: Mapping[int, Sequence[int]],
    retake_days: float,
) -> Placement:
    """Mark the self-assessment and keep the stage it places the person at and the answers;
    a retake replaces the earlier placement. Raises PlacementNotDue within ``retake_days``."""
    status = placement_status(user, retake_days)
    if not status.due:
        raise PlacementNotDue(status.retake_at)
    placement = status.placement
    answers = [
        {"stage": number, **record}
        for number, questions in drawn.items()
        for record in mark(
            questions, chosen[number], banks.PLACEMENT_PASS_MARK
        ).answers_as_records()
    ]
    if placement is None:
        placement = Placement(user_id=user.id)
        db.session.add(placement)
    placement.stage = placement_stage(drawn, chosen)
    placement.answers = answers
    placement.placed_at = utcnow()
    db.session.commit()
    return placement


def people_visible_to(viewer: User) -> Select:
    """The people whose progress a viewer may see: everyone for an admin, otherwise the
    commissioners of the viewer's own public body."""
    query = select(User).order_by(User.name, User.id)
    if viewer.role == Role.ADMIN:
        return query
    if viewer.role != Role.COMMISSIONER or viewer.public_body_id is None:
        return query.where(false())
    return query.where(User.role == Role.COMMISSIONER, User.public_body_id == viewer.public_body_id)


def organisation_reports(
    organisation_id: int, checker: Checker
) -> tuple[list[tuple[str, dict[str, Any]]], int]:
    """(title, current check report) for each of the organisation's proposals whose draft is
    valid, and how many drafts were skipped because they are not valid yet."""
    proposals: Iterable[Proposal] = db.session.scalars(
        select(Proposal).where(Proposal.organisation_id == organisation_id).order_by(Proposal.id)
    )
    reports, skipped = [], 0
    for proposal in proposals:
        if validate_document(proposal.draft):
            skipped += 1
            continue
        reports.append((proposal.title, checker.check(proposal.draft)))
    return reports, skipped


def submitted_reports(organisation_id: int) -> list[tuple[str, dict[str, Any]]]:
    """(title, check report kept with it) for the latest submitted version of each of the
    organisation's proposals that has one."""
    rows = db.session.execute(
        select(Proposal.id, Proposal.title, ProposalVersion.check_report)
        .join(ProposalVersion, ProposalVersion.proposal_id == Proposal.id)
        .where(Proposal.organisation_id == organisation_id)
        .order_by(Proposal.id, ProposalVersion.number)
    )
    latest = {proposal_id: (title, report) for proposal_id, title, report in rows}
    return [(title, report) for title, report in latest.values() if report]


def modules_named_for(user: User, checker: Checker | None) -> dict[str, tuple[str, ...]]:
    """The modules that findings on the person's own check reports name, each with the titles
    of the proposals checked: the current check of each of their organisation's drafts that
    validates (as the self-check shows it) and the report kept with each latest submission."""
    if user.organisation_id is None:
        return {}
    reports = submitted_reports(user.organisation_id)
    if checker is not None:
        reports = organisation_reports(user.organisation_id, checker)[0] + reports
    return modules_named(reports)


def people_page(
    viewer: User, curriculum: Curriculum, page: int, per_page: int = 50
) -> tuple[Any, list[PersonProgress]]:
    """One page of the people a viewer may see (a Flask-SQLAlchemy pagination) and their
    progress."""
    found = db.paginate(people_visible_to(viewer), page=page, per_page=per_page, error_out=False)
    return found, progress_of_people(list(found.items), curriculum)


def decided_cases(user: User) -> list[DecidedCase]:
    """The facts of every case this person decided, for the plan built from their casework:
    a judgement counts for its area when it was recorded before the decision."""
    rows = db.session.execute(
        select(Decision, Proposal.title, Proposal.kind, Proposal.deadline)
        .join(Proposal, Proposal.id == Decision.proposal_id)
        .where(Decision.decided_by_id == user.id)
        .order_by(Decision.decided_at, Decision.id)
    ).all()
    judged: dict[int, list[tuple[str, datetime]]] = defaultdict(list)
    for proposal_id, area, at in db.session.execute(
        select(Judgement.proposal_id, Judgement.area, Judgement.created_at).where(
            Judgement.proposal_id.in_([decision.proposal_id for decision, *_ in rows])
        )
    ):
        judged[proposal_id].append((area, aware(at)))
    return [
        DecidedCase(
            title=title,
            kind=kind,
            outcome=decision.outcome,
            grounds=tuple(decision.grounds or ()),
            decided_at=aware(decision.decided_at),
            deadline=aware(deadline) if deadline else None,
            judged_areas=frozenset(
                area
                for area, at in judged[decision.proposal_id]
                if at <= aware(decision.decided_at)
            ),
        )
        for decision, title, kind, deadline in rows
    ]
