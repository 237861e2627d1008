"""import-all refuses, clearly and without writing anything, what it cannot restore whole."""

import json

import pytest

from .conftest import empty_tables, snapshot


@pytest.fixture
def backup(seeded, runner, tmp_path):
    """A fresh backup of the demo data, as a parsed document and a file."""
    path = tmp_path / "valuecase.json"
    assert runner.invoke(args=["export-all", str(path)]).exit_code == 0
    return path


def write(path, document) -> str:
    path.write_text(json.dumps(document))
    return str(path)


def test_import_into_a_database_with_rows_is_refused(backup, runner, seeded):
    result = runner.invoke(args=["import-all", str(backup)])
    assert result.exit_code != 0
    assert "Nothing imported" in result.output and "not empty" in result.output
    assert snapshot() == seeded


def test_import_at_another_revision_is_refused(backup, runner, tmp_path):
    document = json.loads(backup.read_text())
    document["revision"] = "0123456789ab"
    empty_tables()
    result = runner.invoke(args=["import-all", write(tmp_path / "old.json", document)])
    assert result.exit_code != 0
    assert "revision 0123456789ab" in result.output and "migrate" in result.output
    assert not any(snapshot().values())


@pytest.mark.parametrize(
    ("corrupt", "message"),
    [
        (lambda text: text[: len(text) // 2], "not valid JSON"),
        (lambda text: '{"tables": {}}', "not a Valuecase backup"),
        (lambda text: text.replace('"version": 1', '"version": 99', 1), "format version 99"),
        (lambda text: text.replace('"tables": {', '"tables": {"x": 5, ', 1), "list of rows"),
    ],
    ids=["truncated", "not-a-backup", "future-version", "bad-shape"],
)
def test_a_corrupt_file_gives_a_clear_error_and_writes_nothing(
    backup, runner, corrupt, message, tmp_path
):
    broken = tmp_path / "broken.json"
    broken.write_text(corrupt(backup.read_text()))
    empty_tables()
    result = runner.invoke(args=["import-all", str(broken)])
    assert result.exit_code != 0
    assert "Nothing imported" in result.output and message in result.output
    assert not any(snapshot().values())


def _first_time_field(row: dict) -> str:
    return next(k for k, v in row.items() if isinstance(v, str) and v.endswith("+00:00"))


def _duplicate(rows: list) -> None:
    rows.append(rows[-1] | {"id": rows[-1]["id"] + 1000})


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda rows: rows[-1].update({_first_time_field(rows[-1]): "yesterday"}), "yesterday"),
        (lambda rows: rows[-1].update(shoe_size=9), "unknown columns ['shoe_size']"),
        (_duplicate, "the database refused a row"),
    ],
    ids=["bad-time", "unknown-column", "duplicate-version"],
)
def test_a_bad_row_late_in_the_file_leaves_every_table_empty(
    backup, runner, tmp_path, damage, message
):
    document = json.loads(backup.read_text())
    tables = list(document["tables"])
    # the versions come after the proposals, accounts and organisations they belong to
    assert tables.index("proposal_version") > tables.index("proposal") > tables.index("account")
    damage(document["tables"]["proposal_version"])
    empty_tables()
    result = runner.invoke(args=["import-all", write(tmp_path / "bad.json", document)])
    assert result.exit_code != 0
    assert "Nothing imported" in result.output and message in result.output
    assert not any(snapshot().values())
