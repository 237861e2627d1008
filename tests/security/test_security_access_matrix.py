"""Every route of the URL map, for every kind of user, against another party's objects.

A new route fails this test until its expected access is declared in ACCESS below, so no
route can be added without deciding who may use it.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.accounts.models import Invitation, Role
from app.attachments import services as attachments
from app.baselines.models import ServiceBaseline
from app.decommissioning.models import DecommissioningAssessment
from app.delivery import services as delivery
from app.delivery.terms import ContractTerms
from app.examples import load_example
from app.extensions import db
from app.notifications.models import Notification
from app.proposals import services
from app.savings.models import SavingConfirmation
from app.triage import services as triage
from app.triage.models import Decision

PARTIES = ("anonymous", "cso_a", "cso_b", "commissioner_x", "commissioner_y", "admin")
EVERYONE = frozenset(PARTIES)
SIGNED_IN = EVERYONE - {"anonymous"}


@dataclass(frozen=True)
class Access:
    """Who may use a route, and which object its ids point at."""

    allowed: frozenset[str]
    target: str = "draft"  # draft or decided: the proposal of organisation A to body X
    method: str = "GET"


def only(*parties: str) -> frozenset[str]:
    return frozenset(parties)


ACCESS = {
    "main.home": Access(EVERYONE),
    "main.health": Access(EVERYONE),
    "static": Access(EVERYONE),
    "accounts.sign_in": Access(EVERYONE),
    "accounts.sign_up": Access(EVERYONE),
    "accounts.sign_out": Access(EVERYONE, method="POST"),
    "accounts.reset_request": Access(EVERYONE),
    "accounts.reset_password": Access(EVERYONE),
    "accounts.finish_sign_up": Access(EVERYONE),
    "accounts.accept_invitation": Access(frozenset()),  # public, but only with a valid token
    "accounts.sign_in_code": Access(frozenset()),  # only between password and code
    "accounts.account.index": Access(SIGNED_IN),
    "accounts.account.change_password": Access(SIGNED_IN),
    "accounts.account.sign_out_everywhere": Access(SIGNED_IN),
    "accounts.account.second_factor": Access(SIGNED_IN),
    "accounts.account.recovery_codes": Access(SIGNED_IN),
    "accounts.account.turn_off_second_factor": Access(SIGNED_IN),
    "admin.reset_second_factor": Access(only("admin")),
    "api.proposal_schema": Access(EVERYONE),
    "api.check": Access(EVERYONE, method="POST"),
    "api.ping": Access(EVERYONE),
    "checks.rules_page": Access(EVERYONE),
    "help.glossary": Access(EVERYONE),
    "help.rights": Access(EVERYONE),
    "help.accessibility": Access(EVERYONE),
    "help.privacy": Access(EVERYONE),
    "help.cookies": Access(EVERYONE),
    "help.contact": Access(EVERYONE),
    "examples.index": Access(EVERYONE),
    "examples.show": Access(EVERYONE),
    "register.index": Access(EVERYONE),
    "register.detail": Access(EVERYONE, target="decided"),
    "register.register_csv": Access(EVERYONE),
    "api.register_records": Access(EVERYONE),
    "api.register_ocds": Access(EVERYONE),
    "training.verify": Access(EVERYONE),
    "notifications.index": Access(SIGNED_IN),
    "training.dashboard": Access(SIGNED_IN),
    "training.module": Access(SIGNED_IN),
    "training.quiz": Access(SIGNED_IN),
    "training.plan": Access(SIGNED_IN),
    "training.placement": Access(SIGNED_IN),
    "training.certificate": Access(frozenset()),
    "training.attempt": Access(frozenset()),
    "training.people": Access(only("commissioner_x", "commissioner_y", "admin")),
    "training.track": Access(SIGNED_IN),
    "training.records.mark_read": Access(SIGNED_IN, method="POST"),
    "training.records.exercise": Access(SIGNED_IN),
    "training.records.cpd": Access(SIGNED_IN),
    "training.records.cpd_csv": Access(SIGNED_IN),
    "training.portfolios.edit": Access(frozenset()),  # stage 1 asks for no portfolio
    "training.portfolios.assessments": Access(frozenset()),  # only assessors; none here
    "training.portfolios.assess": Access(frozenset()),  # only assessors; none here
    "admin.users": Access(only("admin")),
    "admin.edit_user": Access(only("admin")),
    "admin.organisations": Access(only("admin")),
    "admin.public_bodies": Access(only("admin")),
    "admin.outbox": Access(only("admin")),
    "admin.send_outbox_mail": Access(only("admin"), method="POST"),
    "admin.public_body_contact": Access(only("admin")),  # body X's contact details
    "admin.organisation": Access(only("admin")),
    "admin.edit_organisation": Access(only("admin")),
    "admin.organisation_status": Access(only("admin")),
    "admin.public_body": Access(only("admin")),
    "admin.edit_public_body": Access(only("admin")),
    "admin.public_body_status": Access(only("admin")),
    "admin.invitations.index": Access(only("admin")),
    "admin.invitations.resend": Access(only("admin"), method="POST"),
    "admin.invitations.withdraw": Access(only("admin")),
    "proposals.index": Access(only("cso_a", "cso_b")),
    "proposals.start": Access(only("cso_a", "cso_b")),
    "proposals.import_json": Access(only("cso_a", "cso_b")),
    "proposals.overview": Access(only("cso_a")),
    "proposals.check_answers": Access(only("cso_a")),
    "proposals.submitted": Access(only("cso_a"), target="decided"),
    "proposals.export_json": Access(only("cso_a")),
    "proposals.value": Access(only("cso_a")),
    "proposals.show_version": Access(only("cso_a"), target="decided"),
    "sections.edit": Access(only("cso_a")),
    "sections.item": Access(only("cso_a")),
    "sections.remove": Access(only("cso_a")),
    "checks.self_check": Access(only("cso_a")),
    "proxies.index": Access(EVERYONE),
    "proxies.api_search": Access(EVERYONE),
    "proxies.choose": Access(only("cso_a")),
    "triage.queue": Access(only("commissioner_x", "commissioner_y")),
    "triage.queue_csv": Access(only("commissioner_x", "commissioner_y")),
    "triage.settings": Access(only("commissioner_x", "commissioner_y")),
    "triage.review": Access(only("commissioner_x"), target="decided"),
    "triage.case": Access(only("commissioner_x"), target="decided"),
    "triage.value": Access(only("commissioner_x"), target="decided"),
    "triage.changes": Access(only("commissioner_x"), target="decided"),
    "triage.judgements": Access(only("commissioner_x"), target="decided"),
    "triage.audit": Access(only("commissioner_x"), target="decided"),
    "triage.decide": Access(only("commissioner_x"), target="decided"),
    "triage.transition": Access(only("commissioner_x"), target="decided", method="POST"),
    "triage.request_information": Access(only("commissioner_x"), target="decided"),
    "triage.assign": Access(only("commissioner_x"), target="decided", method="POST"),
    "triage.add_judgement": Access(only("commissioner_x"), target="decided", method="POST"),
    # only a co-commissioning body of a joint submission; none here (see tests/triage)
    "triage.record_position": Access(frozenset(), target="decided", method="POST"),
    "reports.assessment": Access(only("commissioner_x"), target="decided"),
    "reports.decision_letter": Access(only("commissioner_x"), target="decided"),
    "triage.confirm_decision": Access(only("commissioner_x"), target="decided", method="POST"),
    "proposals.decision_letter": Access(only("cso_a"), target="decided"),
    "proposals.withdraw": Access(only("cso_a")),
    "proposals.delete_draft": Access(only("cso_a")),
    "proposals.add_co_commissioner": Access(only("cso_a"), method="POST"),
    "proposals.remove_co_commissioner": Access(only("cso_a"), method="POST"),
    "messages.member_thread": Access(only("cso_a"), target="decided"),
    "messages.commissioner_thread": Access(only("commissioner_x"), target="decided"),
    "messages.notes": Access(only("commissioner_x"), target="decided"),
    "attachments.member_list": Access(only("cso_a")),
    "attachments.commissioner_list": Access(only("commissioner_x"), target="decided"),
    # the attachment is organisation A's, on its decided submission to body X
    "attachments.download": Access(only("cso_a", "commissioner_x")),
    "attachments.delete": Access(only("cso_a")),  # its uploader or a member; refused when decided
    "notifications.open_one": Access(only("cso_a")),  # the notification is cso_a's
    "notifications.email_choice": Access(SIGNED_IN, method="POST"),
    "notifications.read_all": Access(SIGNED_IN, method="POST"),
    # the contract that follows A's accepted case with body X, delivered by A
    "assurance.index": Access(frozenset()),  # only assurers; none here
    "assurance.new": Access(frozenset()),  # only assurers; none here
    "baselines.index": Access(EVERYONE),
    "baselines.show": Access(EVERYONE),
    "baselines.new": Access(only("commissioner_x", "commissioner_y")),
    "baselines.edit": Access(only("commissioner_x")),  # body X's service
    "delivery.index": Access(SIGNED_IN),
    "delivery.new": Access(only("commissioner_x"), target="decided"),
    "delivery.contract": Access(only("cso_a", "commissioner_x")),
    "delivery.edit": Access(only("commissioner_x")),
    "delivery.report": Access(only("cso_a", "commissioner_x")),
    "delivery.verify": Access(only("commissioner_x")),
    "delivery.value": Access(only("cso_a", "commissioner_x")),
    "delivery.payment_csv": Access(only("commissioner_x")),
    "delivery.payment_pdf": Access(only("commissioner_x")),
    # body X's decommissioning assessment of its service, decided and so published; the
    # writing pages send its commissioners back to it, refused to everyone else
    "decommissioning.index": Access(only("commissioner_x", "commissioner_y")),
    "decommissioning.new": Access(only("commissioner_x", "commissioner_y")),
    "decommissioning.show": Access(only("commissioner_x")),
    "decommissioning.details": Access(only("commissioner_x")),
    "decommissioning.group": Access(only("commissioner_x")),
    "decommissioning.remove_group": Access(only("commissioner_x"), method="POST"),
    "decommissioning.proxy": Access(only("commissioner_x")),
    "decommissioning.options": Access(only("commissioner_x")),
    "decommissioning.decide": Access(only("commissioner_x")),
    "decommissioning.confirm": Access(only("commissioner_x"), method="POST"),
    "decommissioning.published": Access(EVERYONE),
    # a saving A's decided case claims for body X, which X's commissioners answer
    "savings.index": Access(only("commissioner_x", "commissioner_y")),
    "savings.line": Access(only("commissioner_x")),
}
DENIED = {401, 403, 404}


@pytest.fixture
def world(app, make_user, make_organisation, make_public_body, tmp_path, monkeypatch):
    """Organisation A's draft and decided submission to body X (with an attachment and a
    notification of A's member about it), and one person per party."""
    org_a, org_b = make_organisation("Org A"), make_organisation("Org B")
    body_x, body_y = make_public_body("Body X"), make_public_body("Body Y")
    people = {
        "cso_a": make_user(Role.CSO, organisation=org_a),
        "cso_b": make_user(Role.CSO, organisation=org_b),
        "commissioner_x": make_user(Role.COMMISSIONER, public_body=body_x),
        "commissioner_y": make_user(Role.COMMISSIONER, public_body=body_y),
        "admin": make_user(Role.ADMIN),
    }
    draft = services.new_proposal(
        org_a, body_x, load_example("challenge-young-carers"), people["cso_a"]
    )
    decided = services.new_proposal(
        org_a, body_x, load_example("propose-hospital-discharge"), people["cso_a"]
    )
    db.session.commit()
    services.submit(decided, people["cso_a"], None)
    triage.take(decided, "start_review", people["commissioner_x"], "", None, "")
    triage.decide(
        decided,
        people["commissioner_x"],
        triage.DecisionInput("accepted", "Good value", "A grant agreement", ()),
        None,
        "",
    )
    assert db.session.scalar(select(Decision.id))
    monkeypatch.setitem(app.config, "ATTACHMENTS_DIR", str(tmp_path))
    attachment = attachments.attach(
        decided, people["cso_a"], attachments.Upload("letter.pdf", b"%PDF-1.4\n"), str(tmp_path)
    )
    notification = db.session.scalar(
        select(Notification.id).where(Notification.user_id == people["cso_a"].id)
    )
    contract, _ = delivery.record_contract(
        decided,
        ContractTerms(date(2026, 4, 1), date(2027, 3, 31), Decimal(100000)),
        org_a.id,
        "",
        people["commissioner_x"],
        lambda _: "",
    )
    invitation = Invitation(email="new@example.org", role=Role.CSO, organisation=org_a, nonce="n")
    db.session.add(invitation)
    baseline = ServiceBaseline(
        public_body_id=body_x.id, name="Carers support", contact_name="A", contact_email="a@x.org"
    )
    db.session.add(baseline)
    db.session.commit()
    assessment = DecommissioningAssessment(
        public_body_id=body_x.id, baseline_id=baseline.id, content={}, status="decided",
        decision="proceed", reasons="The saving protects other services.",
        decided_at=datetime.now(UTC),
    )  # fmt: skip
    db.session.add(assessment)
    saving = SavingConfirmation(
        proposal_id=decided.id, version_number=1, position=0, public_body_id=body_x.id
    )
    db.session.add(saving)
    db.session.commit()
    ids = {"draft": draft.id, "decided": decided.id, "invitation": invitation.id}
    extra = {
        "contract": contract.id,
        "baseline": baseline.id,
        "attachment": attachment.id,
        "notification": notification,
        "body": body_x.id,
        "assessment": assessment.id,
        "saving": saving.id,
    }
    return people, ids | extra


def url_for_rule(app, rule, ids: dict[str, int], people) -> str:
    """A concrete URL for a rule, pointing at party A's objects."""
    values = {}
    for argument in rule.arguments:
        values[argument] = {
            "proposal_id": ids[ACCESS[rule.endpoint].target],
            "key": "stakeholders",
            "index": 0,
            "item_id": "young-carers",
            "number": 1,
            "user_id": people["cso_a"].id,
            "token": "not-a-token",
            "filename": "images/favicon.svg",
            "module_id": "M1.1",
            "attempt_id": 1,
            "stage": 1,
            "mail_id": 1,
            "attachment_id": ids["attachment"],
            "notification_id": ids["notification"],
            "body_id": ids["body"],
            "organisation_id": people["cso_a"].organisation_id,
            "step": "deactivate",
            "invitation_id": ids["invitation"],
            "contract_id": ids["contract"],
            "baseline_id": ids["baseline"],
            "kind": "case",
            "subject_id": ids["decided"],
            "assessment_id": ids["assessment"],
            "confirmation_id": ids["saving"],
            "name": "challenge-young-carers",
        }[argument]
    with app.test_request_context():
        from flask import url_for

        return url_for(rule.endpoint, **values)


def rules(app):
    return sorted(app.url_map.iter_rules(), key=lambda r: (r.endpoint, r.rule))


def test_every_route_has_declared_access(app):
    missing = sorted({r.endpoint for r in rules(app)} - set(ACCESS))
    assert not missing, f"declare who may use these routes in ACCESS: {missing}"


def outcome(client, method: str, url: str) -> str:
    """allowed or denied, as a person would see it."""
    response = client.open(url, method=method, data={})
    if response.status_code in DENIED:
        return "denied"
    if response.status_code == 302 and "/sign-in" in response.headers.get("Location", ""):
        return "denied"
    assert response.status_code < 500, f"{method} {url}: {response.status_code}"
    return "allowed"


def test_access_matrix(app, world):
    """Each party tries each route; every result is compared with ACCESS."""
    people, ids = world
    clients = {party: app.test_client() for party in PARTIES}
    for party, person in people.items():
        response = clients[party].post(
            "/sign-in", data={"email": person.email, "password": "correct horse battery"}
        )
        assert response.status_code == 302, party
    problems = []
    # signing out last, as it ends the session the other routes rely on
    for endpoint in sorted(ACCESS, key=lambda name: (name == "accounts.sign_out", name)):
        routes = [r for r in rules(app) if r.endpoint == endpoint]
        if not routes:
            problems.append(f"{endpoint} is declared but no longer exists")
        access = ACCESS[endpoint]
        for rule in routes:
            url = url_for_rule(app, rule, ids, people)
            for party in PARTIES:
                seen = outcome(clients[party], access.method, url)
                expected = "allowed" if party in access.allowed else "denied"
                if seen != expected:
                    problems.append(f"{party} {access.method} {url}: {seen}, expected {expected}")
    assert not problems, "\n".join(problems)


def test_guessed_ids_find_nothing(client, world, sign_in):
    people, ids = world
    sign_in(people["cso_a"])
    ghost = max(ids.values()) + 1000
    for url in (
        f"/proposals/{ghost}",
        f"/proposals/{ghost}/check",
        f"/register/{ghost}",
        f"/proposals/{ghost}/messages",
        f"/proposals/{ghost}/decision-letter.pdf",
        f"/attachments/{ghost}",
        f"/notifications/{ghost}",
    ):
        assert client.get(url).status_code == 404
    client.post("/sign-out")
    sign_in(people["commissioner_x"])
    assert client.get(f"/triage/{ghost}").status_code == 404
    assert client.get(f"/triage/{ids['draft']}").status_code == 404
