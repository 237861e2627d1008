"""Demo decommissioning: a published day centre, its closure assessed, consulted on and
decided, and a draft assessment of a change to the same service with findings still open."""

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from ..accounts.models import User
from ..baselines.models import ServiceBaseline
from ..extensions import db
from ..proxies.extension import proxy_library
from . import services
from .models import DecommissioningAssessment

SERVICE = "Hollinford day centre"
DETAILS = {
    "change": "stop",
    "description": "Close the day centre and fund a volunteer befriending scheme instead.",
    "when": date(2027, 4, 1),
    "annual_saving": Decimal(60000),
    "staff_affected": "yes",
    "care_affected": "yes",
    "characteristics": ["age", "disability"],
    "equality_analysis": "Older people and disabled people who use the day centre would lose "
    "their weekly contact; 38 of the 45 users are over 75 and 12 use a wheelchair.",
    "transition": "Six care staff would transfer under TUPE to the parish council's scheme on "
    "1 April 2027; care plans go to each user's social worker a month before.",
    "saving_argument": "",
}
GROUPS = (
    {
        "name": "Older people who use the day centre",
        "outcome": "Fewer older people need services for depression and anxiety",
        "quantity": Decimal(45),
        "deadweight": Decimal(20),
        "attribution": Decimal(10),
        "drop_off": Decimal(25),
        "duration_years": Decimal(3),
        "method": "Two meetings at the centre and a postal survey",
        "consulted_on": date(2026, 10, 14),
        "consulted_number": 32,
        "said": "Older people said the centre is the only place they meet others each week.",
        "mitigation": "Volunteer befriending for older people, run by the parish council.",
        "mitigation_share": Decimal(40),
    },
    {
        "name": "Family carers",
        "outcome": "Carers keep a weekly break from caring",
        "quantity": Decimal(30),
        "deadweight": Decimal(10),
        "attribution": Decimal(0),
        "drop_off": Decimal(20),
        "duration_years": Decimal(2),
        "method": "A carers' forum",
        "consulted_on": date(2026, 10, 21),
        "consulted_number": 18,
        "said": "Carers said losing Tuesday respite would mean giving up part-time work.",
        "mitigation": "Respite grants for family carers through the carers' centre.",
        "mitigation_share": Decimal(50),
    },
)
PROXY = "depression-anxiety-service-fiscal"
OPTIONS = [
    {"kind": "keep", "name": "Keep the day centre", "annual_cost": 150000, "value": 180000},
    {
        "kind": "proposed",
        "name": "Close it, fund befriending",
        "annual_cost": 90000,
        "value": 95000,
    },
    {
        "kind": "alternative",
        "name": "Move into the library",
        "annual_cost": 110000,
        "value": 150000,
    },
]
REASONS = (
    "Moving the centre into Hollinford library keeps most of the value for older people and "
    "carers at £40,000 a year less; the centre moves in April 2027 with the same staff."
)


def seed_decommissioning(commissioner: User) -> None:
    """Publish the day centre and assess it, once."""
    baseline = db.session.scalar(
        select(ServiceBaseline).where(
            ServiceBaseline.public_body_id == commissioner.public_body_id,
            ServiceBaseline.name == SERVICE,
        )
    )
    if baseline is not None:
        return
    baseline = ServiceBaseline(
        public_body_id=commissioner.public_body_id,
        name=SERVICE,
        description="A day centre for older and disabled people, five days a week.",
        annual_cost=Decimal(150000),
        cost_basis="full",
        outcomes=[{"description": "Older people are less isolated", "indicator": "UCLA scale"}],
        contact_name=commissioner.name,
        contact_email=commissioner.email,
        updated_by_id=commissioner.id,
    )
    db.session.add(baseline)
    db.session.commit()
    decided = _assess(commissioner, baseline, GROUPS, OPTIONS)
    services.decide(decided, commissioner, "proceed_with_changes", REASONS)
    _assess(commissioner, baseline, GROUPS[:1], OPTIONS[:1], mitigation="", said="")


def _assess(commissioner, baseline, groups, options, **changes) -> DecommissioningAssessment:
    assessment = services.create(commissioner, {**DETAILS, "baseline_id": str(baseline.id)})
    entry = proxy_library().get(PROXY)
    for number, group in enumerate(groups, start=1):
        data = {**group, **changes}
        services.save_group(assessment, commissioner, None, data, str(assessment.revision))
        services.choose_proxy(assessment, commissioner, number, entry, str(assessment.revision))
    services.save_options(assessment, commissioner, options, str(assessment.revision))
    return assessment
