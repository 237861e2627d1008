"""Every way in reads proposal/1 and proposal/2; every way out writes proposal/2."""

import html
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.examples import example_paths
from app.proposals.convert import to_current
from app.proposals.document import documents_equal, schema, validate_document
from app.proposals.models import Proposal

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "proposal-1").glob("*.json"))
BOTH = FIXTURES + example_paths()


@pytest.fixture(autouse=True)
def _the_body_has_a_commissioner(staffed):
    """Submissions are addressed only to bodies with a commissioner to read them."""
    return staffed


def label(path: Path) -> str:
    return f"{path.parent.name}-{path.stem}"


def upload(client, body, content: bytes):
    return client.post(
        "/proposals/import",
        data={"public_body_id": str(body.id), "file": (io.BytesIO(content), "doc.json")},
        content_type="multipart/form-data",
    )


def as_proposal_2(path: Path) -> dict:
    return to_current(json.loads(path.read_text(encoding="utf-8")))


def broken_proposal_1() -> dict:
    """The young carers original with two errors in proposal/1's own fields."""
    original = next(path for path in FIXTURES if path.stem == "challenge-young-carers")
    document = json.loads(original.read_text(encoding="utf-8"))
    document["contract"]["payment_by_results"]["outcome_measures"][1] = "x" * 2_001
    document["stakeholders"][1]["involvement"]["people"] = "twenty"
    return document


BROKEN_PATHS = [
    "/contract/payment_by_results/outcome_measures/1",
    "/stakeholders/1/involvement/people",
]


def test_the_originals_are_proposal_1_and_the_examples_proposal_2() -> None:
    assert len(FIXTURES) == 4
    assert {json.loads(path.read_text())["format"] for path in FIXTURES} == {"proposal/1"}
    assert {json.loads(path.read_text())["format"] for path in example_paths()} == {"proposal/2"}
    assert [path.name for path in FIXTURES] == [path.name for path in example_paths()]


@pytest.mark.parametrize("path", FIXTURES, ids=label)
def test_a_proposal_1_file_imports_as_a_proposal_2_draft_and_exports_as_one(
    member_client, body, db, path
) -> None:
    assert upload(member_client, body, path.read_bytes()).status_code == 302
    proposal = db.session.scalar(select(Proposal))
    assert documents_equal(proposal.draft, as_proposal_2(path))
    exported = json.loads(member_client.get(f"/proposals/{proposal.id}/export.json").data)
    assert exported["format"] == "proposal/2"
    assert documents_equal(exported, as_proposal_2(path))


def test_the_command_imports_both_formats_and_exports_proposal_2(runner, db) -> None:
    for path in BOTH:
        imported = runner.invoke(args=["import-proposal", str(path), "--org", "Demo Org"])
        assert imported.exit_code == 0, imported.output
        exported = runner.invoke(args=["export-proposal", imported.stdout.split()[-1]])
        assert documents_equal(json.loads(exported.stdout), as_proposal_2(path)), path


@pytest.mark.parametrize("path", BOTH, ids=label)
def test_flask_check_reads_both_formats(app, runner, path) -> None:
    result = runner.invoke(args=["check", str(path), "--json"])
    assert result.exit_code == 0, result.output
    expected = app.extensions["rulebook"].check(as_proposal_2(path))
    assert json.loads(result.stdout) == json.loads(json.dumps(expected))


@pytest.mark.parametrize("path", BOTH, ids=label)
def test_the_check_api_reads_both_formats(app, client, path) -> None:
    response = client.post("/api/v1/check", data=path.read_bytes(), content_type="application/json")
    assert response.status_code == 200, response.get_json()
    expected = app.extensions["rulebook"].check(as_proposal_2(path))
    assert response.get_json() == json.loads(json.dumps(expected))


def test_a_proposal_1_original_and_its_conversion_get_the_same_report(client) -> None:
    for path in FIXTURES:
        converted = json.dumps(as_proposal_2(path))
        reports = [
            client.post("/api/v1/check", data=raw, content_type="application/json").get_json()
            for raw in (path.read_bytes(), converted)
        ]
        assert reports[0] == reports[1]


def test_the_check_api_names_errors_at_a_proposal_1_documents_own_paths(client) -> None:
    response = client.post("/api/v1/check", json=broken_proposal_1())
    assert response.status_code == 422
    assert [error["path"] for error in response.get_json()["errors"]] == BROKEN_PATHS


def test_flask_check_names_errors_at_a_proposal_1_documents_own_paths(runner, tmp_path) -> None:
    file = tmp_path / "broken.json"
    file.write_text(json.dumps(broken_proposal_1()))
    result = runner.invoke(args=["check", str(file), "--json"])
    assert result.exit_code == 2
    assert [error["path"] for error in json.loads(result.stdout)["errors"]] == BROKEN_PATHS


def test_importing_a_broken_proposal_1_document_lists_its_own_paths(
    member_client, body, db, runner, tmp_path
) -> None:
    page = upload(member_client, body, json.dumps(broken_proposal_1()).encode())
    text = page.get_data(as_text=True)
    text = html.unescape(text)
    assert "Payment by results — the text is 2,001 characters long" in text
    assert (
        "Stakeholder 2 (Parents and cared-for family members): How many people were involved"
        ' — enter a whole number, not "twenty"'
    ) in text
    assert not any(path in text for path in BROKEN_PATHS)
    file = tmp_path / "broken.json"
    file.write_text(json.dumps(broken_proposal_1()))
    result = runner.invoke(args=["import-proposal", str(file)])
    assert result.exit_code == 2
    assert "(at /contract/payment_by_results/outcome_measures/1)" in result.output
    assert db.session.scalar(select(func.count()).select_from(Proposal)) == 0


def test_the_schema_served_is_proposal_2_and_the_old_one_stays_available(client) -> None:
    served = client.get("/api/v1/schema/proposal")
    assert served.status_code == 200 and served.mimetype == "application/schema+json"
    again = client.get("/api/v1/schema/proposal/2", follow_redirects=True)
    assert served.get_json() == schema() == again.get_json()
    assert served.get_json()["properties"]["format"]["const"] == "proposal/2"
    assert {"evidence", "expression_of_interest"} <= set(served.get_json()["properties"])
    old = client.get("/api/v1/schema/proposal/1")
    assert old.status_code == 200 and old.mimetype == "application/schema+json"
    assert old.get_json()["properties"]["format"]["const"] == "proposal/1"
    assert client.get("/api/v1/schema/proposal/3").status_code == 404


@pytest.mark.parametrize("kind", ["challenge", "propose"])
def test_a_new_draft_is_proposal_2(member_client, staffed, db, kind) -> None:
    body = staffed
    response = member_client.post(
        "/proposals/new",
        data={"kind": kind, "public_body_id": str(body.id), "title": "Young carers support"},
    )
    assert response.status_code == 302
    draft = db.session.scalar(select(Proposal)).draft
    assert draft["format"] == "proposal/2" and validate_document(draft) == []
    assert draft["evidence"] == [] and (draft["expression_of_interest"] is None) is (
        kind == "propose"
    )
