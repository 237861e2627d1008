"""Writing, checking, deciding and publishing decommissioning assessments.

Every save names the revision its page showed and is refused (:class:`Stale`) when another
save came first; a decision is refused (:class:`AlreadyDecided`) on an assessment already
decided. Each change is recorded as an event, in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update

from ..accounts.models import Role, User, utcnow
from ..baselines.models import ServiceBaseline
from ..checks.rulebook import Rulebook
from ..checks.substance import read, substantive
from ..extensions import db
from ..proxies.entry import Entry
from .check import check_assessment
from .models import DECIDED, DECISIONS, DRAFT, DecommissioningAssessment, DecommissioningEvent

HUNDRED = Decimal(100)
EVENTS = {
    "created": "Assessment started",
    "details": "Service, change, equality effects or transition changed",
    "group-added": "Group added",
    "group-changed": "Group changed",
    "group-removed": "Group removed",
    "proxy-chosen": "Financial proxy chosen from the library",
    "options": "Options changed",
    "decided": "Decided and published",
}


class Stale(Exception):
    """The assessment was saved by someone else after the page was shown."""


class AlreadyDecided(Exception):
    """The assessment is decided: it can no longer change."""


class ReasonsTooThin(ValueError):
    """The reasons say nothing: they repeat themselves or have too few words."""


def for_commissioner(assessment_id: int, user: User) -> DecommissioningAssessment | None:
    """The assessment if the user is a commissioner of its body."""
    assessment = db.session.get(DecommissioningAssessment, assessment_id)
    if assessment is None or getattr(user, "role", None) != Role.COMMISSIONER:
        return None
    return assessment if assessment.public_body_id == user.public_body_id else None


def published(assessment_id: int) -> DecommissioningAssessment | None:
    """The assessment if it is decided, and so published."""
    assessment = db.session.get(DecommissioningAssessment, assessment_id)
    return assessment if assessment is not None and assessment.decided else None


def of_body(public_body_id: int) -> list[DecommissioningAssessment]:
    """A body's assessments, drafts first, newest first."""
    return list(
        db.session.scalars(
            select(DecommissioningAssessment)
            .where(DecommissioningAssessment.public_body_id == public_body_id)
            .order_by(
                DecommissioningAssessment.status.desc(),
                DecommissioningAssessment.updated_at.desc(),
                DecommissioningAssessment.id.desc(),
            )
        )
    )


def baselines_of(public_body_id: int) -> list[ServiceBaseline]:
    """The body's published services, by name."""
    return list(
        db.session.scalars(
            select(ServiceBaseline)
            .where(ServiceBaseline.public_body_id == public_body_id)
            .order_by(ServiceBaseline.name, ServiceBaseline.id)
        )
    )


def history(assessment: DecommissioningAssessment) -> list[DecommissioningEvent]:
    """What was done to the assessment, oldest first."""
    return list(
        db.session.scalars(
            select(DecommissioningEvent)
            .where(DecommissioningEvent.assessment_id == assessment.id)
            .order_by(DecommissioningEvent.at, DecommissioningEvent.id)
        )
    )


def document(assessment: DecommissioningAssessment, as_of: dt.date) -> dict[str, Any]:
    """The assessment as the checks and pages read it: its content, the service's name and
    annual cost (from the baseline when it has one) and the day consultation is due by."""
    content = dict(assessment.content or {})
    cost = (content.get("service") or {}).get("annual_cost")
    if assessment.baseline is not None:
        cost = assessment.baseline.annual_cost
    content["service"] = {"name": assessment.name, "annual_cost": _text(cost)}
    decided = assessment.decided_at.date() if assessment.decided_at else None
    content["as_of"] = (decided or as_of).isoformat()
    return content


def report(assessment: DecommissioningAssessment, rulebook: Rulebook, today: dt.date) -> dict:
    """The check report of the assessment as it stands (as it stood when decided)."""
    return check_assessment(rulebook, document(assessment, today))


def create(user: User, data: Mapping[str, Any]) -> DecommissioningAssessment:
    """Start an assessment of one of the user's body's services."""
    assessment = DecommissioningAssessment(
        public_body_id=user.public_body_id, created_by_id=user.id, content={}, revision=1
    )
    _fill_details(assessment, data)
    db.session.add(assessment)
    db.session.flush()
    _record(assessment, user, "created", assessment.name)
    db.session.commit()
    return assessment


def save_details(
    assessment: DecommissioningAssessment, user: User, data: Mapping[str, Any], revision: str
) -> None:
    """Change the service, the change, the saving, the equality effects and the transition."""
    content = dict(assessment.content or {})
    _fill_details(assessment, data, content)
    _save(assessment, user, content, revision, "details", assessment.name)


def save_group(
    assessment: DecommissioningAssessment,
    user: User,
    number: int | None,
    data: Mapping[str, Any],
    revision: str,
) -> int:
    """Add a group (``number`` None) or change group ``number``; returns its number."""
    content = dict(assessment.content or {})
    groups = [dict(group) for group in content.get("groups") or []]
    if number is not None and not 1 <= number <= len(groups):
        raise Stale
    group = _group(data, groups[number - 1] if number else {})
    action = "group-added" if number is None else "group-changed"
    if number is None:
        groups.append(group)
        number = len(groups)
    else:
        groups[number - 1] = group
    content["groups"] = groups
    _save(assessment, user, content, revision, action, group["name"])
    return number


def remove_group(
    assessment: DecommissioningAssessment, user: User, number: int, revision: str
) -> None:
    """Remove group ``number``."""
    content = dict(assessment.content or {})
    groups = list(content.get("groups") or [])
    if not 1 <= number <= len(groups):
        raise Stale
    removed = groups.pop(number - 1)
    content["groups"] = groups
    _save(assessment, user, content, revision, "group-removed", removed.get("name", ""))


def choose_proxy(
    assessment: DecommissioningAssessment, user: User, number: int, entry: Entry, revision: str
) -> None:
    """Use a library entry as group ``number``'s financial proxy (never a transfer payment or
    an input cost: ValueError with the library's reason)."""
    if entry.refusal:
        raise ValueError(entry.refusal)
    content = dict(assessment.content or {})
    groups = [dict(group) for group in content.get("groups") or []]
    if not 1 <= number <= len(groups):
        raise Stale
    groups[number - 1]["proxy"] = {
        "library_id": entry.id,
        "value": str(entry.value),
        "description": entry.outcome,
        "unit": entry.unit,
        "source": entry.citation(),
        "price_year": entry.price_year,
    }
    content["groups"] = groups
    _save(assessment, user, content, revision, "proxy-chosen", f"{entry.id} for group {number}")


def save_options(
    assessment: DecommissioningAssessment, user: User, rows: list[dict], revision: str
) -> None:
    """Replace the options considered with the named rows."""
    content = dict(assessment.content or {})
    content["options"] = [
        {
            "kind": row["kind"],
            "name": row["name"].strip(),
            "annual_cost": _text(row.get("annual_cost")),
            "value": _text(row.get("value")),
            "note": (row.get("note") or "").strip(),
        }
        for row in rows
        if (row.get("name") or "").strip()
    ]
    _save(assessment, user, content, revision, "options", "")


def check_reasons(reasons: str) -> None:
    """Refuse reasons that say nothing (ReasonsTooThin)."""
    if not substantive(read(reasons), least=3):
        raise ReasonsTooThin(
            "Reasons: say why, in words of your own: these repeat themselves or have too few "
            "words to be a reason"
        )


def decide(assessment: DecommissioningAssessment, user: User, decision: str, reasons: str) -> None:
    """Record the decision with its reasons and publish the assessment on the register."""
    if decision not in DECISIONS:
        raise ValueError("Decision: choose from the options shown")
    check_reasons(reasons)
    now = utcnow()
    done = db.session.execute(
        update(DecommissioningAssessment)
        .where(
            DecommissioningAssessment.id == assessment.id,
            DecommissioningAssessment.status == DRAFT,
        )
        .values(
            status=DECIDED,
            decision=decision,
            reasons=reasons.strip(),
            decided_at=now,
            decided_by_id=user.id,
            updated_at=now,
            revision=DecommissioningAssessment.revision + 1,
        )
    )
    if done.rowcount != 1:
        db.session.rollback()
        raise AlreadyDecided
    _record(assessment, user, "decided", DECISIONS[decision])
    db.session.commit()
    db.session.refresh(assessment)


def group_answers(group: Mapping[str, Any]) -> dict[str, Any]:
    """A stored group as the group form's data."""
    consultation = group.get("consultation") or {}
    mitigation = group.get("mitigation") or {}
    when = consultation.get("date")
    return {
        "name": group.get("name"),
        "outcome": group.get("outcome"),
        "quantity": _decimal(group.get("quantity")),
        "deadweight": _percent(group.get("deadweight")),
        "attribution": _percent(group.get("attribution")),
        "displacement": _percent(group.get("displacement")),
        "drop_off": _percent(group.get("drop_off")),
        "duration_years": _decimal(group.get("duration_years")),
        "method": consultation.get("method"),
        "consulted_on": dt.date.fromisoformat(when) if when else None,
        "consulted_number": consultation.get("number"),
        "said": consultation.get("said"),
        "mitigation": mitigation.get("description"),
        "mitigation_share": _percent(mitigation.get("share")),
    }


def details_answers(assessment: DecommissioningAssessment) -> dict[str, Any]:
    """The stored assessment as the details form's data."""
    content = assessment.content or {}
    change = content.get("change") or {}
    equality = content.get("equality") or {}
    when = change.get("when")
    return {
        "baseline_id": str(assessment.baseline_id or ""),
        "service_name": assessment.service_name,
        "annual_cost": _decimal((content.get("service") or {}).get("annual_cost")),
        "change": change.get("kind"),
        "description": change.get("description"),
        "when": dt.date.fromisoformat(when) if when else None,
        "annual_saving": _decimal(change.get("annual_saving")),
        "saving_argument": content.get("saving_argument"),
        "characteristics": list(equality.get("characteristics") or []),
        "equality_analysis": equality.get("analysis"),
        "staff_affected": "yes" if content.get("staff_affected") else "no",
        "care_affected": "yes" if content.get("care_affected") else "no",
        "transition": content.get("transition"),
    }


def _fill_details(
    assessment: DecommissioningAssessment,
    data: Mapping[str, Any],
    content: dict | None = None,
) -> None:
    content = content if content is not None else assessment.content
    baseline_id = int(data["baseline_id"]) if data.get("baseline_id") else None
    assessment.baseline_id = baseline_id
    assessment.service_name = "" if baseline_id else (data.get("service_name") or "").strip()
    content["service"] = {"annual_cost": None if baseline_id else _text(data.get("annual_cost"))}
    when = data.get("when")
    content["change"] = {
        "kind": data["change"],
        "description": (data.get("description") or "").strip(),
        "when": when.isoformat() if when else None,
        "annual_saving": _text(data.get("annual_saving")),
    }
    content["saving_argument"] = (data.get("saving_argument") or "").strip()
    content["equality"] = {
        "characteristics": list(data.get("characteristics") or []),
        "analysis": (data.get("equality_analysis") or "").strip(),
    }
    content["staff_affected"] = data.get("staff_affected") == "yes"
    content["care_affected"] = data.get("care_affected") == "yes"
    content["transition"] = (data.get("transition") or "").strip()
    assessment.content = content


def _group(data: Mapping[str, Any], before: Mapping[str, Any]) -> dict[str, Any]:
    when = data.get("consulted_on")
    group = {
        "name": data["name"].strip(),
        "outcome": (data.get("outcome") or "").strip(),
        "quantity": _text(data.get("quantity")),
        "deadweight": _share(data.get("deadweight")),
        "attribution": _share(data.get("attribution")),
        "displacement": _share(data.get("displacement")),
        "drop_off": _share(data.get("drop_off")),
        "duration_years": _text(data.get("duration_years")),
        "consultation": {
            "method": (data.get("method") or "").strip(),
            "date": when.isoformat() if when else None,
            "number": data.get("consulted_number"),
            "said": (data.get("said") or "").strip(),
        },
        "mitigation": {
            "description": (data.get("mitigation") or "").strip(),
            "share": _share(data.get("mitigation_share")),
        },
    }
    if before.get("proxy"):
        group["proxy"] = before["proxy"]
    return group


def _save(
    assessment: DecommissioningAssessment,
    user: User,
    content: dict,
    revision: str,
    action: str,
    detail: str,
) -> None:
    """Write the content if the page showed the latest revision and it is still a draft."""
    if assessment.decided:
        raise AlreadyDecided
    try:
        shown = int(revision)
    except (TypeError, ValueError):
        raise Stale from None
    done = db.session.execute(
        update(DecommissioningAssessment)
        .where(
            DecommissioningAssessment.id == assessment.id,
            DecommissioningAssessment.revision == shown,
            DecommissioningAssessment.status == DRAFT,
        )
        .values(
            content=content,
            baseline_id=assessment.baseline_id,
            service_name=assessment.service_name,
            revision=shown + 1,
            updated_at=utcnow(),
        )
    )
    if done.rowcount != 1:
        db.session.rollback()
        raise Stale
    _record(assessment, user, action, detail)
    db.session.commit()
    db.session.refresh(assessment)


def _record(assessment: DecommissioningAssessment, user: User, action: str, detail: str) -> None:
    db.session.add(
        DecommissioningEvent(
            assessment_id=assessment.id, actor_id=user.id, action=action, detail=detail[:500]
        )
    )


def _text(value: object) -> str | None:
    """An amount as an exact decimal string, or None."""
    return None if value is None else str(value)


def _share(percent: object) -> str | None:
    """A percentage as a share from 0 to 1, as a decimal string."""
    return None if percent is None else str(Decimal(str(percent)) / HUNDRED)


def _percent(share: object) -> Decimal | None:
    return None if share is None else (Decimal(str(share)) * HUNDRED).normalize()


def _decimal(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))
