"""How the database behaves under load and failure: SQLite's waiting, and errors by cause.

SQLite runs in write-ahead-log mode with a 30-second busy timeout, so readers never block a
writer and a writer waits for a running backup instead of failing after the driver's default
five seconds. Database errors that no request can fix (locked, read-only, unreachable) are
told apart from lost races (a row changed or inserted by someone else first), so each gets
the answer that fits: 503 and try later, or 409 and reload.
"""

import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

SQLITE_BUSY_TIMEOUT = 30.0

_UNAVAILABLE_MARKERS = (
    "database is locked",
    "readonly database",
    "read-only transaction",
    "read only",
    "disk i/o error",
    "database or disk is full",
    "could not connect",
    "connection refused",
    "server closed the connection",
    "terminating connection",
)


def engine_options(database_uri: str, options: dict) -> dict:
    """The engine options, with SQLite's busy timeout (seconds) unless one is set already."""
    if not database_uri.startswith("sqlite"):
        return options
    connect_args = {"timeout": SQLITE_BUSY_TIMEOUT, **options.get("connect_args", {})}
    return {**options, "connect_args": connect_args}


@event.listens_for(Engine, "connect")
def _write_ahead_log(dbapi_connection, _record) -> None:
    """Write-ahead logging on every SQLite connection: readers and writers stop blocking."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()


def is_lost_race(error: BaseException) -> bool:
    """Whether someone else changed or created the same record first."""
    return isinstance(error, StaleDataError | IntegrityError)


def is_unavailable(error: BaseException) -> bool:
    """Whether the database cannot take this request now: locked, read-only or unreachable."""
    if isinstance(error, OperationalError):
        return True
    if isinstance(error, DBAPIError):
        text = str(error.orig or error).lower()
        return any(marker in text for marker in _UNAVAILABLE_MARKERS)
    return False
