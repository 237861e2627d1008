"""The export-all and import-all commands: the whole database to and from one JSON file."""

import os
import sys
import tempfile
from pathlib import Path

import click

from ..extensions import db
from .dump import write_dump
from .restore import RestoreRefused, read_backup, restore_database


def _summary(counts: dict[str, int]) -> str:
    return f"{sum(counts.values())} rows in {len(counts)} tables"


def read_one_snapshot(connection) -> None:
    """Make every table read from the same moment, even while the site is writing."""
    if connection.dialect.name == "postgresql":
        connection.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
    elif connection.dialect.name == "sqlite":
        # the driver opens no transaction for reads: open one, so every table is read from
        # one snapshot (in write-ahead-log mode the site's writers carry on meanwhile)
        connection.exec_driver_sql("BEGIN")


@click.command("export-all")
@click.argument("file", default="-")
def export_all(file: str) -> None:
    """Write every table of the database to FILE as JSON (- for standard output)."""
    with db.engine.connect() as connection:
        read_one_snapshot(connection)
        if file == "-":
            write_dump(connection, db.metadata, sys.stdout)
            return
        target = Path(file).resolve()
        handle, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                counts = write_dump(connection, db.metadata, out)
            os.replace(partial, target)
        except BaseException:
            os.unlink(partial)
            raise
    click.echo(f"Exported {_summary(counts)} to {target}")


@click.command("import-all")
@click.argument("file", type=click.File("rb"))
def import_all(file) -> None:
    """Load a backup FILE into an empty, migrated database (- for standard input)."""
    try:
        backup = read_backup(file)
        counts = restore_database(db.engine, db.metadata, backup)
    except RestoreRefused as refused:
        raise click.ClickException(f"Nothing imported. {refused}") from None
    click.echo(f"Imported {_summary(counts)} (backup made at revision {backup['revision']}).")
