"""Demo data: public bodies with commissioners, organisations with members and their proposals."""

from dataclasses import dataclass

from sqlalchemy import select

from .accounts.models import Invitation, Organisation, OrganisationType, PublicBody, Role, User
from .accounts.passwords import hash_password
from .baselines.demo import seed_baselines
from .decommissioning.demo import seed_decommissioning
from .delivery.demo import seed_delivery
from .examples import load_example
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


PUBLIC_BODIES = {
    "Anytown Borough Council": 40,  # working days
    "Wessex County Council": 40,
    "Harborough District Council": 30,
    "Anytown NHS Foundation Trust": 40,
}
ORGANISATIONS = {
    "Anytown Carers Trust": OrganisationType.CHARITY,
    "Friends of Millbrook Library": OrganisationType.COMMUNITY_GROUP,
    "Anytown Age Together": OrganisationType.SOCIAL_ENTERPRISE,
    "Ashby Parva Parish Council": OrganisationType.PARISH_COUNCIL,
}
ANYTOWN, WESSEX = "Anytown Borough Council", "Wessex County Council"
NHS_TRUST = "Anytown NHS Foundation Trust"  # co-commissions the hospital discharge case
ACCOUNTS = (
    DemoAccount("admin@demo.example.org", "Ada Admin", Role.ADMIN),
    DemoAccount(
        "commissioner@demo.example.org",
        "Chris Commissioner",
        Role.COMMISSIONER,
        public_body=ANYTOWN,
    ),
    DemoAccount(
        "reviewer@demo.example.org", "Priya Reviewer", Role.COMMISSIONER, public_body=ANYTOWN
    ),
    DemoAccount(
        "wessex@demo.example.org", "Wes Commissioner", Role.COMMISSIONER, public_body=WESSEX
    ),
    DemoAccount("nhs@demo.example.org", "Nia Trust", Role.COMMISSIONER, public_body=NHS_TRUST),
    DemoAccount(
        "carers@demo.example.org", "Sam Carers", Role.CSO, organisation="Anytown Carers Trust"
    ),
    DemoAccount(
        "carers2@demo.example.org", "Jo Carers", Role.CSO, organisation="Anytown Carers Trust"
    ),
    DemoAccount(
        "library@demo.example.org",
        "Lee Library",
        Role.CSO,
        organisation="Friends of Millbrook Library",
    ),
    DemoAccount(
        "agetogether@demo.example.org",
        "Alex Age Together",
        Role.CSO,
        organisation="Anytown Age Together",
    ),
    DemoAccount(
        "parish@demo.example.org", "Pat Parish", Role.CSO, organisation="Ashby Parva Parish Council"
    ),
    DemoAccount("trainee@demo.example.org", "Tara Trainee", Role.MEMBER),
)
# example document -> where the demo leaves it
PROPOSALS = {
    "challenge-young-carers": "in_review",
    "challenge-village-library-weak": "rejected",
    "propose-hospital-discharge": "accepted",
    "propose-parish-green-spaces": "draft",
}
DECISIONS = {
    "rejected": (
        "rejected",
        ("inadequate_information",),
        "The expression of interest gives no evidence of need, no cost for today's "
        "service and no stakeholder involvement, so its information is materially "
        "inadequate.",
        "",
    ),
    "accepted": (
        "accepted",
        (),
        "The case shows value for money across the council and the NHS trust, with "
        "savings to both and outcomes agreed with older people.",
        "We will commission the service jointly with the NHS trust through a grant "
        "agreement from April.",
    ),
}


def _get_or_create(model, name: str, **fields):
    found = db.session.scalar(select(model).where(model.name == name))
    if found is None:
        found = model(name=name, **fields)
        db.session.add(found)
        db.session.flush()
    return found


def _seed_accounts(bodies: dict, organisations: dict) -> dict[str, User]:
    """Create the demo accounts that do not exist yet."""
    password_hash = None
    users = {}
    for account in ACCOUNTS:
        user = db.session.scalar(select(User).where(User.email == account.email))
        if user is None:
            password_hash = password_hash or hash_password(DEMO_PASSWORD)
            user = User(
                email=account.email,
                name=account.name,
                role=account.role,
                password_hash=password_hash,
                organisation=organisations.get(account.organisation or ""),
                public_body=bodies.get(account.public_body or ""),
            )
            db.session.add(user)
        users[account.email] = user
    db.session.flush()
    return users


def _seed_proposals(bodies: dict, organisations: dict, users: dict[str, User], check=None) -> None:
    """Import the example documents for their organisations, once, and move them on."""
    from .proposals.models import Proposal
    from .proposals.services import new_proposal

    for name, state in PROPOSALS.items():
        document = load_example(name)
        organisation = organisations[document["organisation"]["name"]]
        exists = db.session.scalar(
            select(Proposal.id).where(
                Proposal.organisation_id == organisation.id, Proposal.title == document["title"]
            )
        )
        if exists:
            continue
        author = next(u for u in users.values() if u.organisation is organisation)
        proposal = new_proposal(organisation, bodies[document["commissioner"]], document, author)
        db.session.flush()
        if name == "propose-hospital-discharge":  # led by the council, with the NHS trust
            from .triage import joint

            joint.add_co_commissioner(proposal, bodies[NHS_TRUST].id)
        if state != "draft":
            _advance(proposal, author, state, users, check)


def _advance(proposal, author: User, state: str, users: dict[str, User], check) -> None:
    """Submit, review and decide a demo proposal as its people would."""
    from .proposals.services import submit
    from .triage import services as triage

    quiet = None  # demo history sends no email
    submit(proposal, author, check(proposal.draft) if check else None, quiet)
    reviewer = next(
        (u for u in users.values() if u.public_body_id == proposal.public_body_id), None
    )
    if reviewer is None:
        return
    triage.take(proposal, "start_review", reviewer, "", quiet, "")
    triage.assign(proposal, reviewer.id, reviewer)
    triage.add_judgement(
        proposal,
        reviewer,
        "stakeholders",
        "Who was involved",
        "The groups most affected were involved in setting outcomes.",
        "The stakeholder section records methods, numbers and stages.",
    )
    if state == "in_review":
        _converse(proposal, author, reviewer)
    _co_commission(proposal, users)
    if state in DECISIONS:
        outcome, grounds, reasons, next_steps = DECISIONS[state]
        if proposal.kind == "propose":
            grounds = ()
        decision = triage.DecisionInput(outcome, reasons, next_steps, grounds)
        triage.decide(proposal, reviewer, decision, quiet, "")
        triage.add_judgement(  # a note after the decision: appended, dated and marked so
            proposal,
            reviewer,
            "vfm",
            "Note after the decision",
            "The proposer asked how to reapply; we pointed them to the right to propose."
            if outcome == "rejected"
            else "The first quarter's monitoring figures are due in July.",
            "Recorded for the file; the decision and its reasons stand as published.",
        )


def _co_commission(proposal, users: dict[str, User]) -> None:
    """The NHS trust's answer to the savings claimed for it, and its position on the case."""
    from .savings import services as savings
    from .triage import joint

    trust = users["nhs@demo.example.org"]
    for line in savings.confirmations(proposal.id):
        if line.public_body_id == trust.public_body_id and line.status == "unconfirmed":
            savings.answer(
                line,
                "adjusted",
                (line.annual_value or 0) * 3 / 4,
                "Our bed-day cost is lower than the national figure used: three quarters of it.",
                trust,
            )
    if joint.own_entry(proposal, trust) is not None:
        joint.record_position(
            proposal,
            trust,
            "supports_with_conditions",
            "We support it if readmissions are reported to us each quarter.",
        )


def _converse(proposal, author: User, reviewer: User) -> None:
    """A question and its answer on the submission's thread, and a note between commissioners."""
    from .messages import services as messages
    from .proposals.workflow import Party

    messages.send(
        proposal,
        reviewer,
        Party.COMMISSIONER,
        "Thank you for the challenge. Could you say how the 24 young carers in your focus "
        "groups were recruited, and whether any were not already known to you?",
        None,
        "",
        None,
        "",
    )
    messages.send(
        proposal,
        author,
        Party.PROPOSER,
        "Sixteen came through schools' young carer leads and eight through the GP surgeries' "
        "carers' registers; ten of the twenty-four were new to us.\n\nWe can share the "
        "recruitment notes if that helps.",
        None,
        "",
        None,
        "",
    )
    messages.add_note(
        proposal,
        reviewer,
        "Recruitment looks broad enough. Check the school-age split against the census "
        "figures before we judge stakeholder coverage.",
        None,
        "",
    )


# for the admin pages: an organisation no longer active, and a commissioner invited but not
# yet signed up (its link is emailed when an admin sends the invitation again)
DEACTIVATED_ORGANISATION = ("Millbrook Men's Shed", OrganisationType.COMMUNITY_GROUP, "1177001")
PENDING_INVITATION = ("newcommissioner@demo.example.org", WESSEX)


def _seed_administration(bodies: dict, users: dict[str, User]) -> None:
    """A deactivated organisation and a pending invitation, once."""
    from .accounts.invitations import new_nonce

    name, kind, number = DEACTIVATED_ORGANISATION
    if db.session.scalar(select(Organisation.id).where(Organisation.name == name)) is None:
        db.session.add(Organisation(name=name, type=kind, registration_number=number, active=False))
    email, body = PENDING_INVITATION
    if db.session.scalar(select(Invitation.id).where(Invitation.email == email)) is None:
        db.session.add(
            Invitation(
                email=email,
                role=Role.COMMISSIONER,
                public_body=bodies[body],
                invited_by=users["admin@demo.example.org"],
                nonce=new_nonce(),
            )
        )


def seed_demo(check=None) -> list[DemoAccount]:
    """Load the demo data; running it again changes nothing.

    `check` turns a document into its check report, frozen with each submitted version.
    """
    bodies = {
        name: _get_or_create(PublicBody, name, response_period_days=days)
        for name, days in PUBLIC_BODIES.items()
    }
    organisations = {
        name: _get_or_create(Organisation, name, type=kind) for name, kind in ORGANISATIONS.items()
    }
    users = _seed_accounts(bodies, organisations)
    _seed_proposals(bodies, organisations, users, check)
    _seed_administration(bodies, users)
    seed_delivery(users["commissioner@demo.example.org"], users["agetogether@demo.example.org"])
    seed_baselines(bodies[ANYTOWN], users["commissioner@demo.example.org"])
    seed_decommissioning(users["commissioner@demo.example.org"])
    db.session.commit()
    return list(ACCOUNTS)
