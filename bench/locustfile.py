"""Simulated proposers, commissioners and visitors, for the load test that bench/load.py runs.

Each simulated person uses the site as a browser would: it reads the CSRF token from every form
page and posts the form back. Proposers sign in as a demo CSO member, start their own
submission, save sections, add stakeholders and an outcome, run the self-check and submit, then
start again. Commissioners sign in, filter the queue, open reviews and record judgements.
Visitors read the register and the rules. Every write the site confirms (a redirect after a
POST) is counted, and the counts are written as JSON to LOAD_WRITES_FILE when locust quits, so
that bench/load.py can compare them with the rows in the database.
"""

import itertools
import json
import os
import random
import re
import sys
import uuid
from collections import Counter
from pathlib import Path

from locust import HttpUser, SequentialTaskSet, between, events, task

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.accounts.models import Role  # noqa: E402
from app.demo import ACCOUNTS, DEMO_PASSWORD  # noqa: E402

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
REVISION = re.compile(r'name="revision" type="hidden" value="(\d+)"')
BODY_OPTION = re.compile(r'<option value="([1-9]\d*)">')
STAKEHOLDER_OPTION = re.compile(r'<option value="([a-z0-9][a-z0-9-]*)">')
REVIEW_LINK = re.compile(r'href="/triage/(\d+)"')
REGISTER_LINK = re.compile(r'href="/register/(\d+)"')
PROPOSAL_LOCATION = re.compile(r"/proposals/(\d+)$")

PROPOSERS = itertools.cycle([a.email for a in ACCOUNTS if a.role == Role.CSO])
COMMISSIONERS = itertools.cycle([a.email for a in ACCOUNTS if a.role == Role.COMMISSIONER])
WRITES: Counter[str] = Counter()  # table -> rows the site confirmed adding
SUBMITTED_TO: Counter[str] = Counter()  # public body id -> submissions confirmed
QUEUE_FILTERS = (
    "",
    "status=submitted",
    "status=in_review&sort=deadline",
    "kind=challenge&sort=readiness",
    "kind=propose&failing=vfm",
    "tier=standard&sort=ratio",
    "failing=stakeholders",
    "mine=1",
    "page=2",
)


@events.quitting.add_listener
def write_counts(environment, **_) -> None:
    """Leave the confirmed writes where bench/load.py reads them."""
    target = os.environ.get("LOAD_WRITES_FILE")
    if target:
        counts = {"writes": dict(WRITES), "submitted_to": dict(SUBMITTED_TO)}
        Path(target).write_text(json.dumps(counts, indent=1))


class Browser(HttpUser):
    """Helpers to read forms and post them back like a browser."""

    abstract = True
    wait_time = between(1, 3)

    def page(self, url: str, name: str) -> str:
        """GET a page; an error status counts as a failure."""
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(response.error or f"status {response.status_code}")
                return ""
            return response.text

    def form_values(self, html: str) -> dict[str, str]:
        """The hidden fields a browser posts back: the CSRF token and the revision."""
        values = {}
        if token := CSRF.search(html):
            values["csrf_token"] = token.group(1)
        if revision := REVISION.search(html):
            values["revision"] = revision.group(1)
        return values

    def post(self, url: str, name: str, data: dict, hidden: dict) -> str | None:
        """POST a form and expect the redirect of a saved change; returns where it leads."""
        with self.client.post(
            url, data=data | hidden, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 302:
                response.failure(
                    response.error or f"expected a redirect, got {response.status_code}"
                )
                return None
            return response.headers.get("Location", "")

    def sign_in(self, email: str) -> None:
        """Sign in through the form."""
        hidden = self.form_values(self.page("/sign-in", "/sign-in"))
        self.post("/sign-in", "/sign-in", {"email": email, "password": DEMO_PASSWORD}, hidden)


def stakeholder(name: str) -> dict:
    """A stakeholder group as the form takes it."""
    return {
        "name": name,
        "subgroups": "aged 8 to 12\naged 13 to 17",
        "size": str(random.randint(20, 900)),
        "effect": random.choice(["positive", "mixed"]),
        "material": "yes",
        "materiality_reason": f"{name} experience the largest change.",
        "methods": ["survey", "workshop"],
        "people": str(random.randint(5, 40)),
        "stages": ["scoping", "outcomes", "valuation"],
    }


def outcome(stakeholder_id: str) -> dict:
    """An outcome with its proxy and impact adjustments, as the form takes it."""
    return {
        "stakeholder": stakeholder_id,
        "description": f"Better school attendance {uuid.uuid4().hex[:6]}",
        "negative": "no",
        "indicator": "Attendance above 90% in the year after support starts",
        "source": "Attendance records shared by schools",
        "quantity": str(random.randint(20, 300)),
        "duration_years": "2",
        "proxy_description": "Cost of an education welfare case avoided",
        "proxy_value": str(random.randint(300, 3000)),
        "proxy_source": "Council unit costs, 2024",
        "proxy_agreed": "yes",
        "deadweight": "25",
        "attribution": "10",
        "displacement": "0",
        "drop_off": "20",
    }


class Submission(SequentialTaskSet):
    """One proposer's submission, from a new draft to submitted; then the next one."""

    proposal: str = ""
    body: str = ""

    def section(self, key: str, data: dict, new: bool = False) -> None:
        """Open a section page (or a new item's page) and save it."""
        if not self.proposal:
            return
        url = f"/proposals/{self.proposal}/sections/{key}" + ("/new" if new else "")
        name = "/proposals/[id]/sections/[key]" + ("/new" if new else "")
        hidden = self.user.form_values(self.user.page(url, name))
        if self.user.post(url, name, data, hidden) is not None:
            WRITES["draft_change"] += 1

    @task
    def start(self) -> None:
        html = self.user.page("/proposals/new", "/proposals/new")
        bodies = BODY_OPTION.findall(html)
        self.proposal = ""
        if not bodies:
            return
        body = random.choice(bodies)
        data = {
            "kind": random.choice(["challenge", "propose"]),
            "public_body_id": body,
            "title": f"Load test submission {uuid.uuid4().hex[:8]}",
        }
        location = self.user.post(
            "/proposals/new", "/proposals/new", data, self.user.form_values(html)
        )
        found = PROPOSAL_LOCATION.search(location or "")
        if found:
            self.proposal, self.body = found.group(1), body
            WRITES["proposal"] += 1
            self.user.page(f"/proposals/{self.proposal}", "/proposals/[id]")

    @task
    def about(self) -> None:
        summary = "We propose a community-led service that reaches more people earlier."
        self.section("about", {"title": f"Load test {uuid.uuid4().hex[:8]}", "summary": summary})

    @task
    def vfm(self) -> None:
        self.section(
            "vfm",
            {
                "economy": "The annual price is £30,000 below today's cost.",
                "efficiency": "Cost per person supported falls from £923 to £500.",
                "effectiveness": "Outcomes are the ones the people supported chose.",
                "equity": "Outreach through every school reaches under-served families.",
            },
        )

    @task
    def stakeholders(self) -> None:
        self.section("stakeholders", stakeholder("Young carers"), new=True)
        self.section("stakeholders", stakeholder("School staff"), new=True)

    @task
    def outcome(self) -> None:
        if not self.proposal:
            return
        url = f"/proposals/{self.proposal}/sections/outcomes/new"
        html = self.user.page(url, "/proposals/[id]/sections/[key]/new")
        choices = STAKEHOLDER_OPTION.findall(html)
        if not choices:
            return
        name = "/proposals/[id]/sections/[key]/new"
        if self.user.post(url, name, outcome(choices[0]), self.user.form_values(html)):
            WRITES["draft_change"] += 1

    @task
    def self_check(self) -> None:
        if self.proposal:
            self.user.page(f"/proposals/{self.proposal}/check", "/proposals/[id]/check")

    @task
    def submit(self) -> None:
        if not self.proposal:
            return
        url = f"/proposals/{self.proposal}/check-answers"
        html = self.user.page(url, "/proposals/[id]/check-answers")
        if self.user.post(url, "/proposals/[id]/check-answers", {}, self.user.form_values(html)):
            WRITES["proposal_version"] += 1
            WRITES["audit_event"] += 1
            SUBMITTED_TO[self.body] += 1
        self.proposal = ""


class Proposer(Browser):
    """A CSO member writing and submitting proposals."""

    weight = 5
    tasks = [Submission]

    def on_start(self) -> None:
        self.sign_in(next(PROPOSERS))


class Commissioner(Browser):
    """A commissioner triaging the queue and recording judgements."""

    weight = 3

    def on_start(self) -> None:
        self.reviews: list[str] = []
        self.sign_in(next(COMMISSIONERS))

    @task(3)
    def queue(self) -> None:
        wanted = random.choice(QUEUE_FILTERS)
        html = self.page(f"/triage/?{wanted}", "/triage/?[filters]")
        self.reviews = REVIEW_LINK.findall(html) or self.reviews

    @task(2)
    def review(self) -> None:
        if self.reviews:
            self.page(f"/triage/{random.choice(self.reviews)}", "/triage/[id]")

    @task(1)
    def judge(self) -> None:
        if not self.reviews:
            return
        proposal = random.choice(self.reviews)
        html = self.page(f"/triage/{proposal}", "/triage/[id]")
        data = {
            "area": random.choice(["proportionality", "stakeholders", "vfm"]),
            "topic": "Who was involved",
            "judgement": "The groups most affected helped set the outcomes.",
            "rationale": "The stakeholder section records methods, numbers and stages.",
        }
        url = f"/triage/{proposal}/judgements"
        if self.post(url, "/triage/[id]/judgements", data, self.form_values(html)):
            WRITES["judgement"] += 1


class Visitor(Browser):
    """Someone reading the public register and the rules, not signed in."""

    weight = 2

    @task(3)
    def register(self) -> None:
        entries = REGISTER_LINK.findall(self.page("/register/", "/register/"))
        if entries:
            self.page(f"/register/{random.choice(entries)}", "/register/[id]")

    @task(1)
    def rules(self) -> None:
        self.page("/rules", "/rules")

    @task(1)
    def home(self) -> None:
        self.page("/", "/")
