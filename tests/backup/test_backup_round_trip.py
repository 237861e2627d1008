"""export-all then import-all gives back every row of every table, and a working site."""

import json

from sqlalchemy import func, select

from app.accounts.models import Organisation, OrganisationType
from app.demo import DEMO_PASSWORD
from app.proposals.models import Proposal

from .conftest import empty_tables, snapshot

FILLED = ("organisation", "public_body", "account", "proposal", "proposal_version")
FILLED += ("draft_change", "audit_event", "notification", "judgement", "decision")


def test_export_then_import_into_an_empty_database_restores_every_row(seeded, runner, tmp_path):
    assert all(seeded[name] for name in FILLED), {name: len(seeded[name]) for name in FILLED}
    backup = tmp_path / "valuecase.json"
    exported = runner.invoke(args=["export-all", str(backup)])
    assert exported.exit_code == 0, exported.output
    empty_tables()
    assert not any(snapshot().values())
    imported = runner.invoke(args=["import-all", str(backup)])
    assert imported.exit_code == 0, imported.output
    assert f"Imported {sum(map(len, seeded.values()))} rows" in imported.output
    assert snapshot() == seeded


def test_the_restored_site_signs_in_and_takes_new_rows(seeded, runner, tmp_path, client, db):
    backup = tmp_path / "valuecase.json"
    runner.invoke(args=["export-all", str(backup)])
    empty_tables()
    runner.invoke(args=["import-all", str(backup)])
    signed_in = client.post(
        "/sign-in", data={"email": "commissioner@demo.example.org", "password": DEMO_PASSWORD}
    )
    assert signed_in.status_code == 302
    queue = client.get("/triage/").get_data(as_text=True)
    assert "Community-led whole-family support for young carers" in queue
    # new ids follow the restored ones (PostgreSQL sequences moved past them)
    db.session.add(Organisation(name="Newcomers Trust", type=OrganisationType.CHARITY))
    db.session.commit()
    assert (
        db.session.scalar(select(func.count()).select_from(Organisation))
        == len(seeded["organisation"]) + 1
    )


def test_the_backup_is_json_with_its_format_revision_and_readable_values(seeded, runner):
    result = runner.invoke(args=["export-all", "-"])
    assert result.exit_code == 0, result.output
    backup = json.loads(result.stdout)
    assert backup["format"] == "valuecase-backup" and backup["version"] == 1
    assert backup["revision"]
    order = list(backup["tables"])  # a table comes after every table it refers to
    assert order.index("organisation") < order.index("account") < order.index("proposal")
    assert order.index("public_body") < order.index("account") < order.index("user_session")
    proposal = next(row for row in backup["tables"]["proposal"] if row["sroi_ratio"])
    assert isinstance(proposal["sroi_ratio"], str)  # Decimals keep their digits
    assert proposal["submitted_at"].endswith("+00:00")  # times carry their zone
    assert isinstance(proposal["draft"], dict) and proposal["draft"]["format"] == "proposal/2"


def test_a_large_document_survives_the_round_trip(seeded, runner, tmp_path, db):
    proposal = db.session.scalar(select(Proposal).order_by(Proposal.id))
    proposal.draft = proposal.draft | {"summary": "Ünïcødé — £ " + "x" * 50_000}
    db.session.commit()
    before = snapshot()
    backup = tmp_path / "valuecase.json"
    runner.invoke(args=["export-all", str(backup)])
    empty_tables()
    assert runner.invoke(args=["import-all", str(backup)]).exit_code == 0
    assert snapshot() == before
