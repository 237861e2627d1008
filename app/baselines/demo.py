"""Demo baselines: Anytown publishes two of its services, one of them without its cost."""

from decimal import Decimal

from sqlalchemy import select

from ..accounts.models import PublicBody, User
from ..extensions import db
from .models import ServiceBaseline

SERVICES = (
    {
        "name": "Young carers support service",
        "description": "Assessments of young carers and group support in six secondary schools.",
        "provider_kind": "named",
        "provider_name": "Anytown Family Services Ltd",
        "annual_cost": Decimal(240000),
        "cost_basis": "full",
        "cost_note": "Contract price of £222,000 plus £18,000 a year of contract management.",
        "outcomes": [
            {"description": "Young carers identified early", "indicator": "Referrals by age 12"},
            {"description": "Young carers attend school", "indicator": "Attendance above 90%"},
        ],
    },
    {
        "name": "Millbrook branch library",
        "description": "A branch library open four days a week, with a weekly rhyme time.",
        "provider_kind": "in_house",
        "provider_name": "",
        "annual_cost": None,
        "cost_basis": "",
        "cost_note": "",
        "outcomes": [{"description": "Residents borrow and read", "indicator": "Active borrowers"}],
    },
)


def seed_baselines(body: PublicBody, commissioner: User) -> None:
    """Publish the demo services, once."""
    for service in SERVICES:
        found = db.session.scalar(
            select(ServiceBaseline.id).where(
                ServiceBaseline.public_body_id == body.id, ServiceBaseline.name == service["name"]
            )
        )
        if found is None:
            db.session.add(
                ServiceBaseline(
                    public_body_id=body.id,
                    contact_name=commissioner.name,
                    contact_email=commissioner.email,
                    updated_by_id=commissioner.id,
                    **service,
                )
            )
