"""Finding people on the users page: text, role, organisation or body and status, a page at a
time."""

from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from ..accounts.models import Role, User
from ..extensions import db

PER_PAGE = 50


@dataclass(frozen=True)
class PeopleFilter:
    """What the users page asks for; empty parts match everyone."""

    text: str = ""
    role: Role | None = None
    organisation_id: int | None = None
    public_body_id: int | None = None
    active: bool | None = None


@dataclass(frozen=True)
class PeoplePage:
    """One page of the people who match, and how many match in all."""

    people: list[User]
    total: int
    page: int
    pages: int


def _like(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, its own wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _conditions(wanted: PeopleFilter) -> list:
    conditions = []
    text = " ".join(wanted.text.split())
    if text:
        pattern = _like(text.lower())
        conditions.append(
            or_(
                func.lower(User.name).like(pattern, escape="\\"),
                func.lower(User.email).like(pattern, escape="\\"),
            )
        )
    if wanted.role is not None:
        conditions.append(User.role == wanted.role)
    if wanted.organisation_id is not None:
        conditions.append(User.organisation_id == wanted.organisation_id)
    if wanted.public_body_id is not None:
        conditions.append(User.public_body_id == wanted.public_body_id)
    if wanted.active is not None:
        conditions.append(User.active.is_(wanted.active))
    return conditions


def find_people(wanted: PeopleFilter, page: int = 1, per_page: int = PER_PAGE) -> PeoplePage:
    """The people matching the filter, by name, one page of them (a page past the end gives
    the last)."""
    conditions = _conditions(wanted)
    total = db.session.scalar(select(func.count(User.id)).where(*conditions)) or 0
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    query = (
        select(User)
        .where(*conditions)
        .options(selectinload(User.organisation), selectinload(User.public_body))
        .order_by(User.name, User.id)
        .offset((page - 1) * per_page)
        .limit(per_page)
    )
    return PeoplePage(list(db.session.scalars(query)), total, page, pages)
