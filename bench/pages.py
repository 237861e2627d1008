"""Benchmark the heaviest pages and PDFs people wait for, beside the ping of the same run.

Run from the repository root: ``python bench/pages.py [--runs N] [--pdf-runs N]``. It submits
each example document and a case at the schema's size limit (200 stakeholders, 200
outcomes) to a throwaway SQLite database, starts each review, records a judgement and
accepts it, then times through the Flask test client, in-process:

- the commissioner's review page and every page of its sub-navigation (found from the
  page's own ``<nav>`` links, so review pages split over several are each timed);
- the proposer's version page, value page and check report page; the register and the
  case's register entry;
- the assessment PDF as kept, the assessment PDF rendered afresh (what is kept is deleted
  before each download) and the proposer's decision letter;

printing the median and p95 of each beside ``GET /api/v1/ping`` timed in the same run.
"""

from __future__ import annotations

import argparse
import copy
import html.parser
import logging
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script: the repository root goes first so the helpers import as bench.*
sys.path.insert(0, str(ROOT))
os.environ.pop("REDIS_URL", None)  # PDFs are prepared inline, as without a queue

from sqlalchemy import delete  # noqa: E402

from app.accounts.models import Organisation, OrganisationType, Role, User  # noqa: E402
from app.examples import load_example  # noqa: E402
from app.extensions import db  # noqa: E402
from app.proposals import services  # noqa: E402
from app.proposals.models import Proposal  # noqa: E402
from app.triage import services as triage  # noqa: E402
from bench.pdf import COMMISSIONER, PASSWORD, QUIET, submit_examples  # noqa: E402
from bench.serving import bench_environment, upgrade  # noqa: E402
from bench.triage_queue import bench_app, ms  # noqa: E402

LIMIT = 200
LIMIT_CASE = "size limit (200 x 200)"
PING = "/api/v1/ping"


def largest_document(limit: int = LIMIT) -> dict:
    """The young carers' challenge grown to ``limit`` stakeholders and ``limit`` outcomes."""
    document = load_example("challenge-young-carers")
    stakeholders, outcomes = document["stakeholders"], document["outcomes"]
    for number in range(len(stakeholders), limit):
        added = copy.deepcopy(stakeholders[0])
        added.update(id=f"group-{number}", name=f"Stakeholder group {number}")
        stakeholders.append(added)
    for number in range(len(outcomes), limit):
        added = copy.deepcopy(outcomes[0])
        added.update(
            id=f"outcome-{number}",
            stakeholder=stakeholders[number]["id"],
            description=f"Outcome {number} for stakeholder group {number}",
        )
        outcomes.append(added)
    return document


def submit_largest(app) -> int:
    """Submit the case at the size limit to the benchmark's body; its id."""
    with app.app_context():
        commissioner = db.session.scalar(db.select(User).where(User.email == COMMISSIONER))
        body = commissioner.public_body
        organisation = Organisation(name="Bench Limit Trust", type=OrganisationType.CHARITY)
        author = User(
            email="limit@bench.example.org",
            name="Bench Author",
            role=Role.CSO,
            password_hash=commissioner.password_hash,
            organisation=organisation,
        )
        db.session.add_all([organisation, author])
        document = largest_document()
        proposal = services.new_proposal(organisation, body, document, author)
        db.session.flush()
        services.submit(proposal, author, app.extensions["rulebook"].check(document), QUIET)
        return proposal.id


def decide_all(app, ids: dict[str, int]) -> None:
    """Start each review, record a judgement, and accept each case."""
    with app.app_context():
        commissioner = db.session.scalar(db.select(User).where(User.email == COMMISSIONER))
        for proposal_id in ids.values():
            proposal = db.session.get(Proposal, proposal_id)
            triage.take(proposal, "start_review", commissioner, "", QUIET, "")
            triage.add_judgement(
                proposal, commissioner, "vfm", "Full costs", "Counted.", "Stated rate."
            )
            accept = triage.DecisionInput("accepted", "Good value.", "Procurement follows.")
            triage.decide(proposal, commissioner, accept, QUIET, "")


class NavLinks(html.parser.HTMLParser):
    """The hrefs of the links inside the page's ``<nav>`` elements."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "nav":
            self.depth += 1
        elif tag == "a" and self.depth:
            self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag):
        if tag == "nav" and self.depth:
            self.depth -= 1


def review_pages(client, proposal_id: int) -> list[str]:
    """The review page and the pages of its sub-navigation, as the page links them."""
    first = f"/triage/{proposal_id}"
    parser = NavLinks()
    parser.feed(client.get(first).get_data(as_text=True))
    pattern = re.compile(rf"^{re.escape(first)}(/[a-z-]+)?/?$")
    found = [first] + [link.split("#")[0] for link in parser.links]
    return list(dict.fromkeys(link for link in found if pattern.match(link)))


def signed_in(app, email: str):
    """A test client signed in as ``email``."""
    client = app.test_client()
    response = client.post("/sign-in", data={"email": email, "password": PASSWORD})
    assert response.status_code == 302, f"{email} could not sign in"
    return client


def timed(client, path: str, runs: int, before=None) -> list[float]:
    """Seconds per GET of ``path``; ``before`` runs untimed ahead of each."""
    client.get(path)
    found = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        response = client.get(path)
        found.append(time.perf_counter() - start)
        assert response.status_code == 200, f"{path}: {response.status_code}"
    return found


def forget_pdfs(app):
    """What empties the store of kept PDFs (nothing, where there is no store)."""
    try:
        from app.reports.models import RenderedPdf
    except ImportError:
        return None

    def forget() -> None:
        with app.app_context():
            db.session.execute(delete(RenderedPdf))
            db.session.commit()

    return forget


def rows_for(app, name: str, proposal_id: int, options) -> list[tuple[str, list[float]]]:
    """The timings of every page and PDF of one case."""
    commissioner = signed_in(app, COMMISSIONER)
    with app.app_context():
        organisation_id = db.session.get(Proposal, proposal_id).organisation_id
        author = db.session.scalar(
            db.select(User.email).where(User.organisation_id == organisation_id)
        )
    proposer = signed_in(app, author)
    runs, pdf_runs = options.runs, options.pdf_runs
    found = []
    for path in review_pages(commissioner, proposal_id):
        label = "review" + path.removeprefix(f"/triage/{proposal_id}")
        found.append((label, timed(commissioner, path, runs)))
    for label, path in (
        ("version page", f"/proposals/{proposal_id}/versions/1"),
        ("value page", f"/proposals/{proposal_id}/value"),
        ("check report page", f"/proposals/{proposal_id}/check"),
        ("register", "/register/"),
        ("register entry", f"/register/{proposal_id}"),
    ):
        found.append((label, timed(proposer, path, runs)))
    assessment = f"/triage/{proposal_id}/assessment.pdf"
    found.append(("assessment PDF, kept", timed(commissioner, assessment, runs)))
    found.append(
        ("assessment PDF, fresh", timed(commissioner, assessment, pdf_runs, forget_pdfs(app)))
    )
    letter = f"/proposals/{proposal_id}/decision-letter.pdf"
    found.append(("decision letter PDF", timed(proposer, letter, runs)))
    return found


def main() -> None:
    """Submit and decide the cases, then time every page and PDF beside the ping."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="requests per page")
    parser.add_argument("--pdf-runs", type=int, default=3, help="fresh PDF renders per case")
    options = parser.parse_args()
    logging.disable(logging.WARNING)  # the app logs each request and each mail it would send
    with tempfile.TemporaryDirectory(prefix="valuecase-bench-pages-") as folder:
        url = f"sqlite:///{folder}/bench.sqlite"
        upgrade(bench_environment(url))
        app = bench_app(url)
        ids = submit_examples(app)
        ids[LIMIT_CASE] = submit_largest(app)
        decide_all(app, ids)
        ping = timed(app.test_client(), PING, max(options.runs * 5, 20))
        print(
            f"In-process through the Flask test client; {options.runs} requests per page, ", end=""
        )
        print(f"{options.pdf_runs} per fresh PDF; ping (GET {PING}) in the same run")
        header = f"{'document':<32} {'page':<26} {'median':>9} {'p95':>9} {'x ping':>8}"
        print(header)
        print("-" * len(header))
        print(f"{'-':<32} {'ping':<26} {_ms(ping, 0.5)} {_ms(ping, 0.95)} {1:>8.0f}")
        for name, proposal_id in ids.items():
            for label, took in rows_for(app, name, proposal_id, options):
                share = statistics.median(took) / statistics.median(ping)
                print(f"{name:<32} {label:<26} {_ms(took, 0.5)} {_ms(took, 0.95)} {share:>8.0f}")


def _ms(values: list[float], share: float) -> str:
    return f"{ms(values, share):>7.1f}ms"


if __name__ == "__main__":
    main()
