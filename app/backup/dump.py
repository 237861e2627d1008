"""Writing every table's rows as JSON-safe values, with a format marker and the schema revision."""

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import IO, Any

import sqlalchemy as sa
from alembic.runtime.migration import MigrationContext

FORMAT = "valuecase-backup"
VERSION = 1
BATCH = 1000


def current_revision(connection: sa.Connection) -> str | None:
    """The Alembic revision the database is at (heads joined by commas), or None."""
    heads = MigrationContext.configure(connection).get_current_heads()
    return ",".join(sorted(heads)) or None


def json_value(value: Any) -> Any:
    """A column value as JSON: datetimes in ISO 8601 with a timezone, Decimals as strings."""
    if isinstance(value, datetime):
        # SQLite hands back the stored UTC time without its zone
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    return value


def table_rows(connection: sa.Connection, table: sa.Table) -> Iterator[dict[str, Any]]:
    """A table's rows in primary-key order, as JSON-safe mappings."""
    query = sa.select(table).order_by(*table.primary_key.columns)
    result = connection.execution_options(yield_per=BATCH).execute(query)
    for row in result.mappings():
        yield {name: json_value(value) for name, value in row.items()}


def header(connection: sa.Connection) -> dict[str, Any]:
    """What identifies a backup: its format, version, source revision and time."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "revision": current_revision(connection),
        "exported_at": datetime.now(UTC).isoformat(),
    }


def write_dump(connection: sa.Connection, metadata: sa.MetaData, out: IO[str]) -> dict[str, int]:
    """Stream the backup to `out`, tables in dependency order; returns the rows per table.

    Tables marked ``info={"derived": True}`` (rendered PDFs) are left out: they are rebuilt
    from the rest whenever they are missing."""
    counts = {}
    opening = json.dumps(header(connection), indent=1)[:-2]
    out.write(opening + ',\n "tables": {')
    kept = [table for table in metadata.sorted_tables if not table.info.get("derived")]
    for number, table in enumerate(kept):
        out.write(("," if number else "") + f"\n  {json.dumps(table.name)}: [")
        counts[table.name] = 0
        for row in table_rows(connection, table):
            out.write(("," if counts[table.name] else "") + "\n   ")
            out.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
            counts[table.name] += 1
        out.write("\n  ]")
    out.write("\n }\n}\n")
    return counts
