"""Reasons written over several lines read as written on the register and in the PDFs."""

import io

from pypdf import PdfReader

from app.triage import services
from app.triage.services import DecisionInput

from .conftest import submitted

REASONS = "First, the cost is lower.\nSecond, <b>outcomes</b> are evidenced."


def decided(proposer, body, commissioner):
    proposal = submitted(proposer, body)
    services.take(proposal, "start_review", commissioner, "", None, "")
    decision = DecisionInput("accepted", REASONS, "Procurement opens.\nIn March.")
    services.decide(proposal, commissioner, decision, None, "")
    return proposal


def test_register_shows_each_line_of_the_reasons_escaped(client, proposer, body, commissioner):
    proposal = decided(proposer, body, commissioner)
    page = client.get(f"/register/{proposal.id}").get_data(as_text=True)
    assert "First, the cost is lower.<br>Second, &lt;b&gt;outcomes&lt;/b&gt; are evidenced." in page
    assert "Procurement opens.<br>In March." in page


def test_assessment_pdf_keeps_the_lines_of_the_reasons(
    commissioner_client, proposer, body, commissioner
):
    proposal = decided(proposer, body, commissioner)
    data = commissioner_client.get(f"/triage/{proposal.id}/assessment.pdf").data
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "First, the cost is lower.\nSecond, <b>outcomes</b> are evidenced." in text
