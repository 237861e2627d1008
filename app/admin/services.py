"""Admin operations on accounts, organisations and public bodies."""

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..accounts.models import Organisation, OrganisationType, PublicBody, Role, User
from ..accounts.services import AccountError
from ..extensions import db
from ..names import name_key


def list_users() -> list[User]:
    """Every account, by name."""
    query = select(User).options(selectinload(User.organisation), selectinload(User.public_body))
    return list(db.session.scalars(query.order_by(User.name, User.id)))


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


def update_user(
    user: User,
    role: Role,
    organisation_id: int | None,
    public_body_id: int | None,
    active: bool,
    acting_admin: User,
    assessor: bool,
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
    db.session.commit()


def _name_taken(model, name: str) -> bool:
    """Whether a name is taken, comparing NFKC-normalised, case-folded forms."""
    wanted = name_key(name)
    if model is Organisation:
        return db.session.scalar(select(model.id).where(model.name_key == wanted)) is not None
    return any(name_key(taken) == wanted for taken in db.session.scalars(select(model.name)))


def add_organisation(name: str, type_: str, registration_number: str | None) -> Organisation:
    """Register an organisation with a unique name."""
    if _name_taken(Organisation, name):
        raise AccountError("name", "An organisation with this name already exists")
    organisation = Organisation(
        name=name.strip(),
        type=OrganisationType(type_),
        registration_number=(registration_number or "").strip() or None,
    )
    db.session.add(organisation)
    db.session.commit()
    return organisation


def add_public_body(name: str, response_period_days: int) -> PublicBody:
    """Register a public body with a unique name."""
    if _name_taken(PublicBody, name):
        raise AccountError("name", "A public body with this name already exists")
    body = PublicBody(name=name.strip(), response_period_days=response_period_days)
    db.session.add(body)
    db.session.commit()
    return body
