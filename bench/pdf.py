"""Benchmark the assessment report PDF, and show that PDFs rendering do not hold up the site.

Run from the repository root: ``python bench/pdf.py [--runs N] [--seconds N]``. It submits
the four example documents (with their check reports) to a throwaway SQLite database, then:

1. renders each one's assessment report in-process as the download does (the template
   ``reports/assessment.html`` from ``assessment_html``, then ``render_as_pdf``) and prints
   the median and p95 of the template and of the PDF (aim: median under 1.5 s);
2. serves the app with gunicorn (2 sync workers, then 2 gthread workers of 4 threads) and
   times a cheap request (GET /api/v1/ping) alone, then while two clients download
   assessment PDFs without pause, printing both.
"""

from __future__ import annotations

import argparse
import logging
import re
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script: the repository root goes first so the helpers import as bench.*
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from app.accounts.models import Organisation, OrganisationType, PublicBody, Role, User  # noqa: E402
from app.accounts.passwords import hash_password  # noqa: E402
from app.examples import example_paths, load_example  # noqa: E402
from app.extensions import db  # noqa: E402
from app.proposals import services  # noqa: E402
from app.proposals.models import Proposal  # noqa: E402
from app.reports.documents import assessment_html  # noqa: E402
from app.reports.pdf import render_as_pdf  # noqa: E402
from bench.loadgen import Request, Result, run_load  # noqa: E402
from bench.serving import SECRET, bench_environment, gunicorn, upgrade  # noqa: E402

AIM_SECONDS = 1.5
PASSWORD = "benchmark-pass-2026"
COMMISSIONER = "commissioner@bench.example.org"
QUIET = {"MAIL_SERVER": None, "MAIL_SENDER": "Bench <bench@example.org>"}


def submit_examples(app) -> dict[str, int]:
    """Each example submitted, with its check report, to one body; ids by example name."""
    check = app.extensions["rulebook"].check
    with app.app_context():
        body = PublicBody(name="Bench Borough Council", response_period_days=40)
        commissioner = User(
            email=COMMISSIONER,
            name="Bench Commissioner",
            role=Role.COMMISSIONER,
            password_hash=hash_password(PASSWORD),
            public_body=body,
        )
        db.session.add_all([body, commissioner])
        ids = {}
        for path in example_paths():
            document = load_example(path.stem)
            organisation = Organisation(
                name=document["organisation"]["name"], type=OrganisationType.CHARITY
            )
            author = User(
                email=f"{path.stem}@bench.example.org",
                name="Bench Author",
                role=Role.CSO,
                password_hash=commissioner.password_hash,
                organisation=organisation,
            )
            db.session.add_all([organisation, author])
            proposal = services.new_proposal(organisation, body, document, author)
            db.session.flush()
            services.submit(proposal, author, check(document), QUIET)
            ids[path.stem] = proposal.id
        return ids


def render_once(app, proposal_id: int) -> tuple[float, float, int]:
    """Seconds for the template, seconds for the PDF, and the PDF's size in bytes."""
    with app.test_request_context("/"):
        start = time.perf_counter()
        proposal = db.session.get(Proposal, proposal_id)
        html = assessment_html(proposal)
        middle = time.perf_counter()
        pdf = render_as_pdf(html, "http://localhost/")
        end = time.perf_counter()
        db.session.remove()
    return middle - start, end - middle, len(pdf)


def in_process(app, ids: dict[str, int], runs: int) -> None:
    """Print the rendering table."""
    render_once(app, next(iter(ids.values())))  # fonts and styles load once per process
    header = f"{'document':<32} {'template':>9} {'pdf med':>8} {'pdf p95':>8} {'kB':>5} {'aim':>7}"
    print(f"In-process rendering, {runs} runs per document (seconds)")
    print(header)
    print("-" * len(header))
    for name, proposal_id in ids.items():
        found = [render_once(app, proposal_id) for _ in range(runs)]
        template = statistics.median(row[0] for row in found)
        pdfs = sorted(row[1] for row in found)
        p95 = pdfs[min(len(pdfs) - 1, int(0.95 * len(pdfs)))]
        verdict = "meets" if statistics.median(pdfs) < AIM_SECONDS else "misses"
        print(
            f"{name:<32} {template:>9.3f} {statistics.median(pdfs):>8.3f} {p95:>8.3f} "
            f"{found[0][2] // 1024:>5} {verdict:>7}"
        )


def session_cookie(base: str) -> str:
    """Sign the commissioner in over HTTP; the Cookie header that carries the session."""
    jar = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/sign-in", timeout=30).read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    form = {"csrf_token": token, "email": COMMISSIONER, "password": PASSWORD}
    opener.open(base + "/sign-in", urllib.parse.urlencode(form).encode(), timeout=30).read()
    cookie = "; ".join(f"{item.name}={item.value}" for item in jar)
    assert "session=" in cookie, "the commissioner could not sign in"
    return cookie


def under_load(base: str, ids: dict[str, int], seconds: float) -> tuple[Result, Result, Result]:
    """The cheap request alone; then the cheap request and PDF downloads at the same time."""
    cheap = [Request("GET", "/api/v1/ping")]
    alone = run_load(base, cheap, seconds, clients=1)
    headers = {"Cookie": session_cookie(base)}
    pdfs = [Request("GET", f"/triage/{pid}/assessment.pdf", None, headers) for pid in ids.values()]
    run_load(base, pdfs, 2, clients=1)  # each worker loads fonts and styles once
    found: dict[str, Result] = {}
    rendering = threading.Thread(
        target=lambda: found.setdefault("pdf", run_load(base, pdfs, seconds + 1, clients=2))
    )
    rendering.start()
    time.sleep(0.5)
    during = run_load(base, cheap, seconds, clients=1)
    rendering.join()
    return alone, during, found["pdf"]


def concurrency(env: dict[str, str], folder: Path, ids: dict[str, int], seconds: float) -> None:
    """Print the cheap request's latency alone and beside PDF downloads, per server set-up."""
    print(f"\nUnder gunicorn on 127.0.0.1: GET /api/v1/ping for {seconds:g} s alone, then beside")
    print("two clients downloading assessment PDFs without pause")
    header = (
        f"{'server':<26} {'ping alone':>11} {'ping p95':>9} {'ping during':>12} "
        f"{'during p95':>11} {'PDFs':>5} {'PDF median':>11}"
    )
    print(header)
    print("-" * len(header))
    for label, threads in (("2 sync workers", 1), ("2 gthread workers x 4", 4)):
        with gunicorn(env, folder / f"gunicorn-{threads}.log", workers=2, threads=threads) as base:
            alone, during, pdf = under_load(base, ids, seconds)
        print(
            f"{label:<26} {alone.median_ms():>9.1f}ms {alone.quantile_ms(0.95):>7.1f}ms "
            f"{during.median_ms():>10.1f}ms {during.quantile_ms(0.95):>9.1f}ms "
            f"{len(pdf.latencies):>5} {pdf.median_ms():>9.0f}ms"
        )


def main() -> None:
    """Submit the examples, render in-process, then measure under gunicorn."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="renders per document in-process")
    parser.add_argument("--seconds", type=float, default=8, help="per load phase")
    options = parser.parse_args()
    logging.disable(logging.INFO)  # the app logs each request and each mail it would send
    with tempfile.TemporaryDirectory(prefix="valuecase-bench-pdf-") as folder:
        url = f"sqlite:///{folder}/bench.sqlite"
        env = bench_environment(url)
        upgrade(env)
        app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": SECRET})
        ids = submit_examples(app)
        in_process(app, ids, options.runs)
        concurrency(env, Path(folder), ids, options.seconds)


if __name__ == "__main__":
    main()
