"""The PDFs' HTML and the key each is kept by.

A PDF is rendered from one HTML document, so the digest of that document (with a salt naming
the renderer, its PDF variant, the print styles and this module's ``LAYOUT``) changes exactly
when anything the PDF shows changes: a status, a judgement, the decision, the body's contact
details, a name, a template. Working the key out renders the HTML, never the PDF.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache

import weasyprint
from flask import current_app, has_request_context, render_template

from ..proposals.models import Proposal
from ..triage import services
from ..triage.letters import letter_context
from ..triage.review import review_context
from ..value.impact_map import stakeholder_names
from .charts import printed_stakeholder_chart
from .pdf import PDF_VARIANT, PRINT_CSS

ASSESSMENT = "assessment"
DECISION_LETTER = "decision-letter"
KINDS = (ASSESSMENT, DECISION_LETTER)
LAYOUT = "2"  # raise when the rendering changes in a way the HTML does not show
DEFAULT_BASE_URL = "http://localhost/"


@dataclass(frozen=True)
class Source:
    """What one PDF is rendered from: its HTML, the base URL and the key it is kept by."""

    kind: str
    html: str
    base_url: str
    key: str


def base_url() -> str:
    """The base URL PDFs are rendered with, the same in web and job workers."""
    return current_app.config.get("PDF_BASE_URL") or DEFAULT_BASE_URL


@cache
def _salt() -> str:
    styles = hashlib.sha256(PRINT_CSS.read_bytes()).hexdigest()
    return f"weasyprint {weasyprint.__version__}|{PDF_VARIANT}|{styles}|layout {LAYOUT}"


def pdf_key(html: str, base: str) -> str:
    """The key a PDF rendered from ``html`` is kept by."""
    digest = hashlib.sha256(_salt().encode())
    digest.update(b"\0" + base.encode() + b"\0" + html.encode())
    return digest.hexdigest()


def assessment_html(proposal: Proposal) -> str:
    """The assessment report of a submission's latest version, as HTML."""
    context = review_context(proposal)
    names = stakeholder_names(context["version"].document)
    chart = printed_stakeholder_chart(context["view"], names)
    return render_template("reports/assessment.html", **context, stakeholder_chart=chart)


def letter_html(proposal: Proposal) -> str | None:
    """The decision letter as HTML; None while the submission is undecided."""
    decision = services.decision_for(proposal)
    if decision is None:
        return None
    return render_template("reports/decision_letter.html", **letter_context(proposal, decision))


def source(proposal: Proposal, kind: str) -> Source | None:
    """What the ``kind`` of PDF of a submission is rendered from now; None when it has none
    (no submitted version, or no decision yet for a letter)."""
    if not proposal.versions:
        return None
    html = assessment_html(proposal) if kind == ASSESSMENT else letter_html(proposal)
    if html is None:
        return None
    base = base_url()
    return Source(kind, html, base, pdf_key(html, base))


@contextmanager
def rendering_context() -> Iterator[None]:
    """A request context to render in: the current request's, or one on the base URL for a
    job or a command (the templates build links)."""
    if has_request_context():
        yield
        return
    with current_app.test_request_context("/", base_url=base_url()):
        yield
