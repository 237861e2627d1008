"""Users, organisations (CSOs) and public bodies."""

import enum
from datetime import UTC, datetime

from flask_login import UserMixin
from sqlalchemy import (
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    false,
    func,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from ..extensions import db
from ..names import name_key, normalise_name


def enum_column(enum_class: type[enum.Enum], length: int) -> Enum:
    """Store an enum by its value, as a checked string that migrations handle everywhere."""
    return Enum(
        enum_class,
        native_enum=False,
        length=length,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


def utcnow() -> datetime:
    """The current time, timezone-aware."""
    return datetime.now(UTC)


def aware(moment: datetime) -> datetime:
    """A stored time as UTC: SQLite hands back naive datetimes."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Role(enum.StrEnum):
    """What a person does on the platform; anyone signed in can also train."""

    MEMBER = "member"
    CSO = "cso"
    COMMISSIONER = "commissioner"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        """The role as people read it."""
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.MEMBER: "Trainee",
    Role.CSO: "CSO member",
    Role.COMMISSIONER: "Commissioner",
    Role.ADMIN: "Administrator",
}


class OrganisationType(enum.StrEnum):
    """The kinds of body that may challenge or propose (proposal-format.md)."""

    CHARITY = "charity"
    SOCIAL_ENTERPRISE = "social_enterprise"
    COMMUNITY_GROUP = "community_group"
    PARISH_COUNCIL = "parish_council"
    STAFF_MUTUAL = "staff_mutual"
    COOPERATIVE = "cooperative"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The type as people read it."""
        return ORGANISATION_TYPE_LABELS[self]


ORGANISATION_TYPE_LABELS = {
    OrganisationType.CHARITY: "Charity",
    OrganisationType.SOCIAL_ENTERPRISE: "Social enterprise",
    OrganisationType.COMMUNITY_GROUP: "Community group",
    OrganisationType.PARISH_COUNCIL: "Parish council",
    OrganisationType.STAFF_MUTUAL: "Staff mutual",
    OrganisationType.COOPERATIVE: "Co-operative",
    OrganisationType.OTHER: "Other",
}


class Organisation(db.Model):
    """A civil society organisation that writes submissions."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    type: Mapped[OrganisationType] = mapped_column(enum_column(OrganisationType, 32))
    # the name as compared: NFKC-normalised and case-folded, so look-alikes cannot register twice
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    registration_number: Mapped[str | None] = mapped_column(String(50))
    # a deactivated organisation's members still sign in and read their cases, but start and
    # submit nothing new
    active: Mapped[bool] = mapped_column(default=True, server_default=true())
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    members: Mapped[list["User"]] = relationship(back_populates="organisation")

    @validates("name")
    def _keep_name_key(self, _key: str, name: str) -> str:
        """Names are stored normalised, and set the key that uniqueness is judged on."""
        self.name_key = name_key(name)[:200]
        return normalise_name(name)


class PublicBody(db.Model):
    """A public body whose commissioners receive submissions."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # working days (Monday to Friday, not bank holidays in England and Wales): app/workdays.py
    response_period_days: Mapped[int] = mapped_column(Integer, default=40)
    # how proposers reach the body about a decision; printed on its decision letters
    contact_email: Mapped[str | None] = mapped_column(String(254))
    contact_address: Mapped[str | None] = mapped_column(Text)
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    # a deactivated body is offered to no new submission; its cases stay readable
    active: Mapped[bool] = mapped_column(default=True, server_default=true())
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    commissioners: Mapped[list["User"]] = relationship(back_populates="public_body")

    @validates("name")
    def _normalise_name(self, _key: str, name: str) -> str:
        """Names are stored NFKC-normalised, so look-alike forms read the same."""
        return normalise_name(name)


class User(UserMixin, db.Model):
    """A person with an account."""

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(enum_column(Role, 20), default=Role.MEMBER)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    public_body_id: Mapped[int | None] = mapped_column(ForeignKey("public_body.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    # may mark other people's training portfolios (set by an admin)
    assessor: Mapped[bool] = mapped_column(default=False, server_default=false())
    # may record assurance statements on published cases, contracts and assessments
    assurer: Mapped[bool] = mapped_column(default=False, server_default=false())
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    password_changed_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, server_default=func.now()
    )
    # a second factor: the TOTP key, when it was confirmed, and the last time step used
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_enabled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    totp_last_step: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    organisation: Mapped[Organisation | None] = relationship(back_populates="members")
    public_body: Mapped[PublicBody | None] = relationship(back_populates="commissioners")

    @validates("name")
    def _normalise_name(self, _key: str, name: str) -> str:
        """Names are stored NFKC-normalised, so look-alike forms read the same."""
        return normalise_name(name)

    @property
    def is_active(self) -> bool:
        """Deactivated accounts cannot sign in."""
        return self.active

    @property
    def is_admin(self) -> bool:
        """Whether the person administers the platform."""
        return self.role == Role.ADMIN

    @property
    def affiliation(self) -> str | None:
        """The organisation or public body the person acts for."""
        if self.role == Role.CSO and self.organisation:
            return self.organisation.name
        if self.role == Role.COMMISSIONER and self.public_body:
            return self.public_body.name
        return None


class UserSession(db.Model):
    """One signed-in browser: ending it (or every one of a person's) signs that browser out."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    user_agent: Mapped[str] = mapped_column(String(200), default="")

    user: Mapped[User] = relationship()


class RecoveryCode(db.Model):
    """A single-use code that stands in for a lost second-factor device."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("account.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(255))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class AccountEvent(db.Model):
    """A security-relevant step on an account: who did what to whose account, and when."""

    __table_args__ = (Index("ix_account_event_user_at", "user_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])


class Invitation(db.Model):
    """An administrator's invitation to join as an organisation's member, a body's commissioner
    or an administrator; its emailed link works until it is accepted, withdrawn or expires."""

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    role: Mapped[Role] = mapped_column(enum_column(Role, 20))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    public_body_id: Mapped[int | None] = mapped_column(ForeignKey("public_body.id"), index=True)
    assessor: Mapped[bool] = mapped_column(default=False)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    # changed on every resend, so only the latest link works
    nonce: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    accepted_by_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    organisation: Mapped[Organisation | None] = relationship()
    public_body: Mapped[PublicBody | None] = relationship()
    invited_by: Mapped[User | None] = relationship(foreign_keys=[invited_by_id])

    @property
    def pending(self) -> bool:
        """Neither accepted nor withdrawn (it may still have expired)."""
        return self.accepted_at is None and self.withdrawn_at is None

    @property
    def joining(self) -> str:
        """What the person is invited to be, as people read it."""
        return joining(self.role, self.organisation, self.public_body)


def joining(role: Role, organisation: Organisation | None, body: PublicBody | None) -> str:
    """A role and its place as a sentence ends: "a member of Riverside Food Bank"."""
    if role == Role.CSO and organisation:
        return f"a member of {organisation.name}"
    if role == Role.COMMISSIONER and body:
        return f"a commissioner at {body.name}"
    return "an administrator" if role == Role.ADMIN else "a trainee"


class AdminEvent(db.Model):
    """A change an administrator made to an organisation, a public body or an invitation."""

    __table_args__ = (Index("ix_admin_event_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("account.id"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    public_body_id: Mapped[int | None] = mapped_column(ForeignKey("public_body.id"), index=True)
    action: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    actor: Mapped[User | None] = relationship()
