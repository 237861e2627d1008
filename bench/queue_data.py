"""Generated submissions for the queue benchmark: people through the ORM, submissions by COPY.

The busiest of 20 public bodies receives 40% of the submissions; the rest share the others.
Statuses, tiers, area statuses, readiness, SROI ratios, received dates and deadlines follow
rough real-world shares, and every accepted or rejected submission has its decision with
the summary the register shows. Drafts are trimmed documents of about 1 kB, enough for the
pages (which read 25 or 50 rows) and small enough to load 100,000 rows in seconds.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import psycopg

from app.accounts.models import Organisation, OrganisationType, PublicBody, Role, User
from app.accounts.passwords import hash_password

BODIES = 20
ORGANISATIONS = 1_000
PASSWORD = "benchmark-pass-2026"
STATUSES = {
    "draft": 15,
    "submitted": 20,
    "in_review": 20,
    "more_info_requested": 5,
    "accepted": 15,
    "rejected": 15,
    "withdrawn": 10,
}
TIERS = {"light": 40, "standard": 40, "full": 20}
AREA_STATUSES = {"pass": 55, "gaps": 30, "fail": 15}
SERVICES = ("Young carers support", "Library", "Hospital discharge", "Green spaces", "Day centre")
COLUMNS = (
    "id, organisation_id, public_body_id, kind, title, status, draft, typed, completed_sections, "
    "revision, created_at, updated_at, submitted_at, received_at, deadline, assignee_id, tier, "
    "proportionality_status, stakeholders_status, vfm_status, readiness, sroi_ratio"
)
DECISION_COLUMNS = (
    "proposal_id, outcome, grounds, reasons, next_steps, decided_by_id, decided_at, summary"
)
NOW = datetime(2026, 11, 1, tzinfo=UTC)


@dataclass
class Population:
    """Who the generated submissions belong to and who decides them."""

    body_ids: list[int]
    organisation_ids: list[int]
    deciders: dict[int, int]
    commissioner_id: int
    reviewer_ids: list[int] = field(default_factory=list)
    password: str = PASSWORD


def seed_people(session) -> Population:
    """Public bodies, organisations and commissioners (three for the busiest body)."""
    password_hash = hash_password(PASSWORD)
    bodies = [PublicBody(name=f"Bench Council {n}", response_period_days=40) for n in range(BODIES)]
    organisations = [
        Organisation(name=f"Bench Organisation {n}", type=OrganisationType.CHARITY)
        for n in range(ORGANISATIONS)
    ]
    session.add_all(bodies + organisations)
    session.flush()
    homes = [bodies[0]] * 3 + bodies[1:]
    people = [
        User(
            email=f"commissioner{n}@bench.example.org",
            name=f"Commissioner {n}",
            role=Role.COMMISSIONER,
            password_hash=password_hash,
            public_body_id=home.id,
        )
        for n, home in enumerate(homes)
    ]
    session.add_all(people)
    session.flush()
    deciders: dict[int, int] = {}
    for person in people:
        deciders.setdefault(person.public_body_id, person.id)
    population = Population(
        body_ids=[body.id for body in bodies],
        organisation_ids=[organisation.id for organisation in organisations],
        deciders=deciders,
        commissioner_id=people[0].id,
        reviewer_ids=[person.id for person in people[:3]],
    )
    # Closed, not left open: VACUUM marks pages all-visible only past every open transaction.
    session.commit()
    session.close()
    return population


def pick(chance: random.Random, weights: dict[str, int]) -> str:
    """A key of ``weights`` drawn by weight."""
    return chance.choices(list(weights), weights=list(weights.values()))[0]


def submission(chance: random.Random, number: int, population: Population) -> tuple:
    """One generated proposal row, in COLUMNS order."""
    busiest = chance.random() < 0.4
    body = population.body_ids[0] if busiest else chance.choice(population.body_ids[1:])
    kind = "challenge" if chance.random() < 0.55 else "propose"
    status = pick(chance, STATUSES)
    title = f"{chance.choice(SERVICES)} {number}"
    created = NOW - timedelta(days=chance.uniform(0, 3 * 365))
    draft = {
        "format": "proposal/2",
        "kind": kind,
        "title": title,
        "summary": "A generated submission for the queue benchmark. " * 16,
        "organisation": {"name": f"Organisation for {number}"},
    }
    if status == "draft":
        return (number, chance.choice(population.organisation_ids), body, kind, title, status,
                json.dumps(draft), "{}", "[]", 1, created, created) + (None,) * 10  # fmt: skip
    received = created + timedelta(days=chance.uniform(0, 30))
    assignee = None
    if busiest and status not in ("submitted", "draft"):
        assignee = chance.choice(population.reviewer_ids)
    areas = [pick(chance, AREA_STATUSES) for _ in range(3)]
    readiness = sum({"pass": 100, "gaps": 70, "fail": 20}[area] for area in areas)
    ratio = None if chance.random() < 0.1 else round(chance.lognormvariate(1.1, 0.6), 2)
    return (number, chance.choice(population.organisation_ids), body, kind, title, status,
            json.dumps(draft), "{}", "[]", chance.randint(1, 5), created, received, received,
            received, received + timedelta(days=56), assignee, pick(chance, TIERS), *areas,
            readiness, ratio)  # fmt: skip


def decision(chance: random.Random, row: tuple, population: Population) -> tuple:
    """The decision on a decided row, in DECISION_COLUMNS order."""
    number, status, received, ratio, tier = row[0], row[5], row[13], row[21], row[16]
    summary = {
        "service": row[4],
        "current_annual_cost": chance.randint(20, 2_000) * 1_000,
        "present_value": chance.randint(50, 5_000) * 1_000,
        "investment": chance.randint(20, 1_500) * 1_000,
        "sroi_ratio": float(ratio) if ratio is not None else None,
        "tier": tier,
    }
    grounds = [] if status == "accepted" else ["inadequate_information"]
    return (number, status, json.dumps(grounds), "The reasons for the decision. " * 6, "",
            population.deciders[row[2]], received + timedelta(days=chance.uniform(5, 56)),
            json.dumps(summary))  # fmt: skip


def load_submissions(url: str, population: Population, count: int, seed: int = 2026) -> dict:
    """COPY ``count`` submissions and their decisions in; how many the measured body sees."""
    chance = random.Random(seed)
    rows = [submission(chance, number, population) for number in range(1, count + 1)]
    decided = [row for row in rows if row[5] in ("accepted", "rejected")]
    with psycopg.connect(url) as connection, connection.cursor() as cursor:
        with cursor.copy(f"COPY proposal ({COLUMNS}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        with cursor.copy(f"COPY decision ({DECISION_COLUMNS}) FROM STDIN") as copy:
            for row in decided:
                copy.write_row(decision(chance, row, population))
        cursor.execute("SELECT setval(pg_get_serial_sequence('proposal', 'id'), %s)", (count,))
        connection.commit()
        connection.autocommit = True
        cursor.execute("VACUUM ANALYZE")
    queue = sum(1 for row in rows if row[2] == population.body_ids[0] and row[5] != "draft")
    return {"queue": queue, "decided": len(decided)}
