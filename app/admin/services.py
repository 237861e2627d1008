"""Admin operations on accounts, organisations and public bodies.

Every change to an organisation or a public body is written to the administrators' log
(audit.py) in the same transaction.
"""

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..accounts.models import Organisation, OrganisationType, PublicBody, Role, User
from ..accounts.services import AccountError
from ..extensions import db
from ..names import name_key, normalise_name
from . import audit

ORGANISATION_TAKEN = "An organisation with this name already exists"
BODY_TAKEN = "A public body with this name already exists"


def list_organisations() -> list[Organisation]:
    """Every organisation, by name."""
    return list(db.session.scalars(select(Organisation).order_by(Organisation.name)))


def member_counts(column) -> dict[int, int]:
    """How many accounts belong to each organisation or body (by the given user column)."""
    rows = db.session.execute(
        select(column, func.count()).where(column.is_not(None)).group_by(column)
    )
    return dict(rows.all())


def list_public_bodies() -> list[PublicBody]:
    """Every public body, by name."""
    return list(db.session.scalars(select(PublicBody).order_by(PublicBody.name)))


def members_of(column, wanted: int) -> list[User]:
    """The accounts of one organisation or body (by the given user column), by name."""
    query = select(User).where(column == wanted).order_by(User.name, User.id)
    return list(db.session.scalars(query))


def update_user(
    user: User,
    role: Role,
    organisation_id: int | None,
    public_body_id: int | None,
    active: bool,
    acting_admin: User,
    assessor: bool,
    assurer: bool = False,
) -> None:
    """Set a person's role and affiliation, whether they may sign in and whether they assess
    training portfolios; a role's affiliation must be given."""
    if role == Role.CSO and not organisation_id:
        raise AccountError("organisation_id", "Select the organisation this CSO member belongs to")
    if role == Role.COMMISSIONER and not public_body_id:
        raise AccountError("public_body_id", "Select the public body this commissioner works for")
    if user.id == acting_admin.id and (role != Role.ADMIN or not active):
        raise AccountError("role", "You cannot remove your own administrator access")
    if organisation_id and db.session.get(Organisation, organisation_id) is None:
        raise AccountError("organisation_id", "Select an organisation from the list")
    if public_body_id and db.session.get(PublicBody, public_body_id) is None:
        raise AccountError("public_body_id", "Select a public body from the list")
    user.role = role
    user.organisation_id = organisation_id if role == Role.CSO else None
    user.public_body_id = public_body_id if role == Role.COMMISSIONER else None
    user.active = active
    user.assessor = assessor
    user.assurer = assurer
    db.session.commit()


def _organisation_taken(name: str, but: Organisation | None = None) -> bool:
    """Whether another organisation has this name, as names are compared."""
    query = select(Organisation.id).where(Organisation.name_key == name_key(name)[:200])
    if but is not None:
        query = query.where(Organisation.id != but.id)
    return db.session.scalar(query) is not None


def _body_taken(name: str, but: PublicBody | None = None) -> bool:
    """Whether another public body has this name, comparing NFKC-normalised, case-folded forms."""
    wanted = name_key(name)
    query = select(PublicBody.name)
    if but is not None:
        query = query.where(PublicBody.id != but.id)
    return any(name_key(taken) == wanted for taken in db.session.scalars(query))


def _commit_or_taken(message: str) -> None:
    """Commit; a name taken at the same moment by someone else becomes the form's error."""
    try:
        db.session.commit()
    except IntegrityError as error:
        db.session.rollback()
        raise AccountError("name", message) from error


def add_organisation(
    name: str, type_: str, registration_number: str | None, actor: User
) -> Organisation:
    """Register an organisation with a unique name."""
    if _organisation_taken(name):
        raise AccountError("name", ORGANISATION_TAKEN)
    organisation = Organisation(
        name=name.strip(),
        type=OrganisationType(type_),
        registration_number=(registration_number or "").strip() or None,
    )
    db.session.add(organisation)
    db.session.flush()
    audit.record(actor, "organisation-added", organisation.name, organisation=organisation)
    _commit_or_taken(ORGANISATION_TAKEN)
    return organisation


def _changes(before: dict[str, str], after: dict[str, str]) -> str:
    """What changed, as people read it: "Name: Old → New; Type: …"."""
    return "; ".join(
        f"{label}: {before[label] or 'none'} → {after[label] or 'none'}"
        for label in before
        if before[label] != after[label]
    )


def _organisation_details(organisation: Organisation) -> dict[str, str]:
    return {
        "Name": organisation.name,
        "Type": organisation.type.label,
        "Registration number": organisation.registration_number or "",
    }


def update_organisation(
    organisation: Organisation, name: str, type_: str, registration_number: str | None, actor: User
) -> bool:
    """Change an organisation's name, type and registration number; False if nothing changed."""
    if _organisation_taken(name, but=organisation):
        raise AccountError("name", ORGANISATION_TAKEN)
    before = _organisation_details(organisation)
    organisation.name = name.strip()
    organisation.type = OrganisationType(type_)
    organisation.registration_number = (registration_number or "").strip() or None
    changed = _changes(before, _organisation_details(organisation))
    if not changed:
        db.session.rollback()
        return False
    audit.record(actor, "organisation-changed", changed, organisation=organisation)
    _commit_or_taken(ORGANISATION_TAKEN)
    return True


def set_organisation_active(organisation: Organisation, active: bool, actor: User) -> bool:
    """Deactivate or reactivate an organisation; False when it already was so."""
    if organisation.active == active:
        return False
    organisation.active = active
    action = "organisation-reactivated" if active else "organisation-deactivated"
    audit.record(actor, action, organisation=organisation)
    db.session.commit()
    return True


def add_public_body(name: str, response_period_days: int, actor: User) -> PublicBody:
    """Register a public body with a unique name."""
    if _body_taken(name):
        raise AccountError("name", BODY_TAKEN)
    body = PublicBody(name=name.strip(), response_period_days=response_period_days)
    db.session.add(body)
    db.session.flush()
    audit.record(actor, "public-body-added", body.name, public_body=body)
    _commit_or_taken(BODY_TAKEN)
    return body


def update_public_body(body: PublicBody, name: str, response_period_days: int, actor: User) -> bool:
    """Change a public body's name and response period; False if nothing changed."""
    if _body_taken(name, but=body):
        raise AccountError("name", BODY_TAKEN)
    before = {"Name": body.name, "Response period": f"{body.response_period_days} working days"}
    body.name = normalise_name(name)
    body.response_period_days = response_period_days
    after = {"Name": body.name, "Response period": f"{body.response_period_days} working days"}
    changed = _changes(before, after)
    if not changed:
        db.session.rollback()
        return False
    audit.record(actor, "public-body-changed", changed, public_body=body)
    _commit_or_taken(BODY_TAKEN)
    return True


def set_public_body_active(body: PublicBody, active: bool, actor: User) -> bool:
    """Deactivate or reactivate a public body; False when it already was so."""
    if body.active == active:
        return False
    body.active = active
    action = "public-body-reactivated" if active else "public-body-deactivated"
    audit.record(actor, action, public_body=body)
    db.session.commit()
    return True
