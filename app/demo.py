"""Demo data: a public body, its commissioners, two organisations with members, an admin."""

from dataclasses import dataclass

from sqlalchemy import select

from .accounts.models import Organisation, OrganisationType, PublicBody, Role, User
from .accounts.passwords import hash_password
from .extensions import db

DEMO_PASSWORD = "demo-pass-2026"


@dataclass(frozen=True)
class DemoAccount:
    """A demo sign-in."""

    email: str
    name: str
    role: Role
    organisation: str | None = None
    public_body: str | None = None


PUBLIC_BODIES = {"Wessex County Council": 56, "Harborough District Council": 42}
ORGANISATIONS = {
    "Wessex Young Carers Trust": OrganisationType.CHARITY,
    "Friends of Millbrook Library": OrganisationType.COMMUNITY_GROUP,
}
ACCOUNTS = (
    DemoAccount("admin@demo.example.org", "Ada Admin", Role.ADMIN),
    DemoAccount(
        "commissioner@demo.example.org",
        "Chris Commissioner",
        Role.COMMISSIONER,
        public_body="Wessex County Council",
    ),
    DemoAccount(
        "reviewer@demo.example.org",
        "Priya Reviewer",
        Role.COMMISSIONER,
        public_body="Wessex County Council",
    ),
    DemoAccount(
        "carers@demo.example.org", "Sam Carers", Role.CSO, organisation="Wessex Young Carers Trust"
    ),
    DemoAccount(
        "carers2@demo.example.org", "Jo Carers", Role.CSO, organisation="Wessex Young Carers Trust"
    ),
    DemoAccount(
        "library@demo.example.org",
        "Lee Library",
        Role.CSO,
        organisation="Friends of Millbrook Library",
    ),
    DemoAccount("trainee@demo.example.org", "Tara Trainee", Role.MEMBER),
)


def _get_or_create(model, name: str, **fields):
    found = db.session.scalar(select(model).where(model.name == name))
    if found is None:
        found = model(name=name, **fields)
        db.session.add(found)
        db.session.flush()
    return found


def seed_demo() -> list[DemoAccount]:
    """Load the demo data; running it again changes nothing."""
    bodies = {
        name: _get_or_create(PublicBody, name, response_period_days=days)
        for name, days in PUBLIC_BODIES.items()
    }
    organisations = {
        name: _get_or_create(Organisation, name, type=kind) for name, kind in ORGANISATIONS.items()
    }
    password_hash = None
    for account in ACCOUNTS:
        if db.session.scalar(select(User.id).where(User.email == account.email)):
            continue
        password_hash = password_hash or hash_password(DEMO_PASSWORD)
        db.session.add(
            User(
                email=account.email,
                name=account.name,
                role=account.role,
                password_hash=password_hash,
                organisation=organisations.get(account.organisation or ""),
                public_body=bodies.get(account.public_body or ""),
            )
        )
    db.session.commit()
    return list(ACCOUNTS)
