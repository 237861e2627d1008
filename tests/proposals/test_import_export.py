"""Import a JSON document (browser and command), export any version, round trips."""

import html
import io
import json

import pytest
from sqlalchemy import func, select

from app.examples import example_paths, load_example
from app.proposals.document import documents_equal
from app.proposals.models import Proposal


@pytest.fixture(autouse=True)
def _the_body_has_a_commissioner(staffed):
    """Submissions are addressed only to bodies with a commissioner to read them."""
    return staffed


def upload(client, body, content: bytes, name="doc.json"):
    return client.post(
        "/proposals/import",
        data={"public_body_id": str(body.id), "file": (io.BytesIO(content), name)},
        content_type="multipart/form-data",
    )


def count(db):
    return db.session.scalar(select(func.count()).select_from(Proposal))


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
def test_examples_import_and_export_unchanged(member_client, body, db, path):
    response = upload(member_client, body, path.read_bytes())
    assert response.status_code == 302
    proposal = db.session.scalar(select(Proposal))
    exported = member_client.get(f"/proposals/{proposal.id}/export.json")
    assert exported.headers["Content-Disposition"].startswith("attachment")
    assert documents_equal(json.loads(exported.data), json.loads(path.read_text()))


def test_import_lists_every_error_with_its_path_and_creates_nothing(member_client, body, db):
    document = load_example("challenge-young-carers")
    document["contract"]["annual_value"] = -5
    document["outcomes"][0]["deadweight"] = 1.5
    document["stakeholders"][1]["id"] = document["stakeholders"][0]["id"]
    document["outcomes"][0]["quantity"] = "lots"
    text = upload(member_client, body, json.dumps(document).encode()).get_data(as_text=True)
    assert "Error: Import a submission" in text
    text = html.unescape(text)
    outcome = "Outcome 1 (Young carers feel less isolated and more able to cope)"
    for problem in (
        "Proposed annual cost of the contract, in pounds — -5 is less than 0",
        f"{outcome}: Deadweight, as a percentage — 1.5 is more than 1",
        "Stakeholder 2 (Parents and cared-for family members) — "
        '"young-carers" is already the id of Stakeholder 1 (Young carers)',
        f'{outcome}: How many experience it — enter a number, not "lots"',
    ):
        assert problem in text, problem
    assert "/contract/annual_value" not in text and "<code>" not in text
    assert count(db) == 0


def test_import_refuses_files_over_one_megabyte(member_client, body, db):
    big = b'{"format": "proposal/1", "summary": "' + b"x" * 1_000_100 + b'"}'
    text = upload(member_client, body, big).get_data(as_text=True)
    assert "larger than 1 MB" in text
    assert count(db) == 0


def test_import_of_something_that_is_not_json_says_so(member_client, body, db):
    text = upload(member_client, body, b"\x89PNG not json").get_data(as_text=True)
    assert "Error: " in text and count(db) == 0


def test_import_without_a_file_names_the_field(member_client, body):
    response = member_client.post("/proposals/import", data={"public_body_id": str(body.id)})
    assert "Select a JSON file to import" in response.get_data(as_text=True)


def test_cli_import_prints_the_id_last_and_export_gives_the_same_document(runner, db):
    for path in example_paths():
        result = runner.invoke(args=["import-proposal", str(path), "--org", "Demo Org"])
        assert result.exit_code == 0, result.output
        proposal_id = result.output.strip().splitlines()[-1]
        exported = runner.invoke(args=["export-proposal", proposal_id])
        assert documents_equal(json.loads(exported.output), json.loads(path.read_text()))
    organisations = {p.organisation.name for p in db.session.scalars(select(Proposal))}
    assert organisations == {"Demo Org"}


def test_cli_import_of_an_invalid_document_lists_errors_and_exits_2(runner, tmp_path, db):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "proposal/1", "kind": "maybe", "title": "Hi there"}))
    result = runner.invoke(args=["import-proposal", str(bad)])
    assert result.exit_code == 2
    assert "kind" in result.output and "organisation" in result.output
    assert count(db) == 0


def test_cli_export_of_an_unknown_id_fails_clearly(runner):
    result = runner.invoke(args=["export-proposal", "987654"])
    assert result.exit_code != 0 and "no proposal with id 987654" in result.output


def test_schema_is_served(client):
    response = client.get("/api/v1/schema/proposal")
    assert response.status_code == 200
    schema = response.get_json()
    assert schema["properties"]["format"]
    assert "stakeholders" in schema["properties"]
