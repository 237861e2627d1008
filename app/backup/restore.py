"""Loading a backup into an empty database at the same revision, all or nothing."""

import json
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import IO, Any

import sqlalchemy as sa

from .dump import BATCH, FORMAT, VERSION, current_revision


class RestoreRefused(Exception):
    """The backup cannot be loaded here; nothing was written."""


def read_backup(source: IO[bytes] | IO[str]) -> dict[str, Any]:
    """Parse a backup file and check its marker, version and shape."""
    try:
        backup = json.load(source)
    except (ValueError, UnicodeDecodeError) as error:
        raise RestoreRefused(f"The file is not valid JSON: {error}") from None
    if not isinstance(backup, dict) or backup.get("format") != FORMAT:
        raise RestoreRefused(f"The file is not a Valuecase backup (no '{FORMAT}' format marker).")
    if backup.get("version") != VERSION:
        raise RestoreRefused(
            f"The backup is format version {backup.get('version')!r}; this release reads "
            f"version {VERSION}."
        )
    tables = backup.get("tables")
    if not isinstance(tables, dict) or not all(
        isinstance(rows, list) and all(isinstance(row, dict) for row in rows)
        for rows in tables.values()
    ):
        raise RestoreRefused("The backup's 'tables' must map each table to a list of rows.")
    return backup


def _decimal(value: Any) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"{value!r} is not a number") from None


def converter(column: sa.Column) -> Callable[[Any], Any]:
    """How to turn a column's JSON value back into the value SQLAlchemy binds."""
    kind = column.type
    if isinstance(kind, sa.DateTime):
        return datetime.fromisoformat
    if isinstance(kind, sa.Date):
        return date.fromisoformat
    if isinstance(kind, sa.Numeric) and not isinstance(kind, sa.Float):
        return _decimal
    return lambda value: value


def prepared_rows(table: sa.Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A table's rows with their values converted; refuses unknown columns and bad values."""
    converters = {column.name: converter(column) for column in table.columns}
    prepared = []
    for number, row in enumerate(rows, start=1):
        unknown = sorted(set(row) - set(converters))
        if unknown:
            raise RestoreRefused(f"{table.name} row {number}: unknown columns {unknown}.")
        try:
            prepared.append(
                {name: None if v is None else converters[name](v) for name, v in row.items()}
            )
        except (TypeError, ValueError) as error:
            raise RestoreRefused(f"{table.name} row {number}: {error}") from None
    return prepared


def check_schema(connection: sa.Connection, metadata: sa.MetaData, backup: dict) -> None:
    """Refuse unless the target is migrated to the backup's revision."""
    unknown = sorted(set(backup["tables"]) - set(metadata.tables))
    if unknown:
        raise RestoreRefused(f"The backup has tables this schema does not: {unknown}.")
    revision = current_revision(connection)
    if revision is None:
        raise RestoreRefused("The target database has no schema: run 'flask db upgrade' first.")
    if revision != backup.get("revision"):
        raise RestoreRefused(
            f"The backup was made at revision {backup.get('revision')}, the target database "
            f"is at {revision}: migrate one of them so that both match."
        )


def check_empty(connection: sa.Connection, metadata: sa.MetaData) -> None:
    """Refuse unless every table of the target is empty."""
    filled = [
        table.name
        for table in metadata.sorted_tables
        if connection.scalar(sa.select(sa.literal(1)).select_from(table).limit(1))
    ]
    if filled:
        raise RestoreRefused(
            f"The target database is not empty (rows in {', '.join(filled)}): restore only "
            "into an empty, migrated database."
        )


def reset_sequences(connection: sa.Connection, metadata: sa.MetaData) -> None:
    """On PostgreSQL, move each id sequence past the ids inserted explicitly."""
    if connection.dialect.name != "postgresql":
        return
    for table in metadata.sorted_tables:
        for column in table.primary_key.columns:
            if column.autoincrement is False or not isinstance(column.type, sa.Integer):
                continue
            quote = connection.dialect.identifier_preparer.quote
            quoted, name = quote(table.name), quote(column.name)
            sequence = connection.scalar(
                sa.text("SELECT pg_get_serial_sequence(:table, :column)"),
                {"table": quoted, "column": column.name},
            )
            if sequence:
                connection.execute(
                    sa.text(
                        f"SELECT setval(:sequence, COALESCE(MAX({name}), 1), "
                        f"MAX({name}) IS NOT NULL) FROM {quoted}"
                    ),
                    {"sequence": sequence},
                )


def lock_tables(connection: sa.Connection, metadata: sa.MetaData) -> None:
    """On PostgreSQL, keep other writers out until the restore commits."""
    if connection.dialect.name == "postgresql":
        names = ", ".join(
            connection.dialect.identifier_preparer.quote(t.name) for t in metadata.sorted_tables
        )
        connection.execute(sa.text(f"LOCK TABLE {names} IN EXCLUSIVE MODE"))


def restore_database(engine: sa.Engine, metadata: sa.MetaData, backup: dict) -> dict[str, int]:
    """Insert every row of a checked backup in one transaction; returns the rows per table."""
    counts = {}
    with engine.begin() as connection:
        check_schema(connection, metadata, backup)
        lock_tables(connection, metadata)
        check_empty(connection, metadata)
        for table in metadata.sorted_tables:
            rows = prepared_rows(table, backup["tables"].get(table.name, []))
            try:
                for start in range(0, len(rows), BATCH):
                    connection.execute(table.insert(), rows[start : start + BATCH])
            except sa.exc.SQLAlchemyError as error:
                reason = getattr(error, "orig", None) or error
                refusal = f"{table.name}: the database refused a row: {reason}"
                raise RestoreRefused(refusal) from None
            counts[table.name] = len(rows)
        reset_sequences(connection, metadata)
    return counts
