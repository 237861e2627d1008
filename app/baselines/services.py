"""Publishing, changing and finding service baselines."""

from sqlalchemy import func, select

from .. import search
from ..accounts.models import PublicBody, Role, User, utcnow
from ..extensions import db
from .models import ServiceBaseline

PER_PAGE = 50


def for_commissioner(baseline_id: int, user: User) -> ServiceBaseline | None:
    """The baseline if it is the commissioner's body's."""
    baseline = db.session.get(ServiceBaseline, baseline_id)
    if baseline is None or user.role != Role.COMMISSIONER:
        return None
    return baseline if baseline.public_body_id == user.public_body_id else None


def fill(baseline: ServiceBaseline, data: dict, actor: User) -> ServiceBaseline:
    """Set the baseline from the form's data and keep who changed it and when."""
    baseline.name = data["name"].strip()
    baseline.description = (data.get("description") or "").strip()
    baseline.provider_kind = data["provider_kind"]
    baseline.provider_name = (
        (data.get("provider_name") or "").strip() if data["provider_kind"] == "named" else ""
    )
    baseline.annual_cost = data.get("annual_cost")
    baseline.cost_basis = (
        data.get("cost_basis") or "" if data.get("annual_cost") is not None else ""
    )
    baseline.cost_note = (data.get("cost_note") or "").strip()
    baseline.outcomes = [
        {
            "description": row["description"].strip(),
            "indicator": (row.get("indicator") or "").strip(),
        }
        for row in data.get("outcomes") or []
        if (row.get("description") or "").strip()
    ]
    baseline.contract_end = data.get("contract_end")
    baseline.contact_name = data["contact_name"].strip()
    baseline.contact_email = data["contact_email"].strip()
    baseline.updated_at = utcnow()
    baseline.updated_by_id = actor.id
    return baseline


def publish(data: dict, actor: User) -> ServiceBaseline:
    baseline = fill(ServiceBaseline(public_body_id=actor.public_body_id), data, actor)
    db.session.add(baseline)
    db.session.commit()
    return baseline


def change(baseline: ServiceBaseline, data: dict, actor: User) -> ServiceBaseline:
    fill(baseline, data, actor)
    db.session.commit()
    return baseline


def published(
    public_body_id: int | None = None, page: int = 1, q: str = ""
) -> tuple[list[ServiceBaseline], int]:
    """A page of baselines, by body then name, with the total; one body's when given, and
    those whose words match ``q`` when it holds any."""
    conditions = []
    if public_body_id is not None:
        conditions.append(ServiceBaseline.public_body_id == public_body_id)
    keys = search.matching_keys(db.session.get_bind().dialect.name, "baselines", q)
    if keys is not None:
        conditions.append(ServiceBaseline.id.in_(keys))
    query = select(ServiceBaseline).join(PublicBody).where(*conditions)
    total = db.session.scalar(select(func.count(ServiceBaseline.id)).where(*conditions)) or 0
    page = min(max(page, 1), max(1, -(-total // PER_PAGE)))
    rows = db.session.scalars(
        query.order_by(PublicBody.name, ServiceBaseline.name, ServiceBaseline.id)
        .offset((page - 1) * PER_PAGE)
        .limit(PER_PAGE)
    )
    return list(rows), total


def transparency_gaps() -> int:
    """How many published baselines give no annual cost."""
    query = select(func.count(ServiceBaseline.id)).where(ServiceBaseline.annual_cost.is_(None))
    return db.session.scalar(query) or 0


def of_body(public_body_id: int) -> list[ServiceBaseline]:
    """Every baseline a body has published, by name: what a challenge can concern."""
    query = select(ServiceBaseline).where(ServiceBaseline.public_body_id == public_body_id)
    return list(db.session.scalars(query.order_by(ServiceBaseline.name)))


def bodies_with_baselines() -> list[PublicBody]:
    query = select(PublicBody).join(ServiceBaseline).distinct().order_by(PublicBody.name)
    return list(db.session.scalars(query))


def of_bodies(public_body_ids: list[int]) -> list[ServiceBaseline]:
    """Every baseline these bodies have published, by body then name."""
    if not public_body_ids:
        return []
    query = (
        select(ServiceBaseline)
        .join(PublicBody)
        .where(ServiceBaseline.public_body_id.in_(public_body_ids))
        .order_by(PublicBody.name, ServiceBaseline.name)
    )
    return list(db.session.scalars(query))
