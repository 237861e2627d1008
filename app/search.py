"""Full-text search over the site's lists: one table of search documents, two engines.

Every searchable record has one row in ``search_entry``: its list (``scope``, e.g.
``"register"``), its key in that list (``record_id``, e.g. the submission's id) and the text people
may search it by (``body``). The rows are kept by the database itself: triggers written in the
migration that adds a scope rewrite a record's row whenever the text it is made of changes, so
no code path that writes the data (a form, an import, a restore, ``COPY``) can leave the index
behind. Only text the list's readers may see goes in: a search must not reveal what a page
does not show.

The scopes (each written by the migration named, which says when its rows are rewritten):

- ``register``: each decided submission, by its title, the service in the register's summary,
  its organisation's name and the decision's reasons (``migrations/versions/f2*``).
- ``queue``: each submitted (not draft) submission, by its title, its organisation's name and
  the service name and summary of its latest submitted version: what the commissioners of the
  body it is addressed to read. The queue's query keeps to that body's submissions; the search
  only narrows it (``migrations/versions/c1*``).
- ``baselines``: each service baseline, by its name, description, provider, its outcomes'
  descriptions and indicators and its body's name (``migrations/versions/c1*``).

The engines:

- PostgreSQL: ``search_entry.document`` is a stored ``tsvector`` generated from ``body`` with
  the ``english`` configuration, under a GIN index; queries are read by
  ``websearch_to_tsquery`` (words, "quoted phrases", ``or``, ``-excluded``).
- SQLite: ``search_entry_fts`` is an FTS5 table (Porter stemming, diacritics folded) over
  ``body`` with ``search_entry`` as its external content, kept in step by triggers. The same
  query language is translated to FTS5's by :func:`fts5_query`.

To search another list: add a migration with its scope's triggers (see the register's,
``migrations/versions/f2*``, or the queue's and baselines', ``c1*``), read the list's ``q``
with :func:`cleaned`, then filter the list's query with::

    query.where(Model.id.in_(search.matching_keys(dialect_name, "scope", text)))

:func:`matching_keys` returns None when the text holds nothing to search for (no letters or
digits): leave the list unfiltered then. The search tables are not models (their rows are
derived, so backups and the test fixtures leave them alone); :func:`include_in_comparison`
keeps them out of the models-against-migrations comparison.
"""

from __future__ import annotations

import re

from sqlalchemy import Select, column, func, literal_column, select, table, text

SEARCH_TABLE = "search_entry"
FTS_TABLE = "search_entry_fts"
CONFIGURATION = "english"
MAX_QUERY_CHARS = 200
"""Longer queries are cut: nobody types more, and the engines' work grows with it."""

entries = table(SEARCH_TABLE, column("id"), column("scope"), column("record_id"), column("body"))
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def cleaned(query: str | None) -> str:
    """The query as a list keeps it: control characters (which PostgreSQL refuses in text)
    and runs of spaces read as one space, cut to MAX_QUERY_CHARS."""
    return " ".join(_CONTROL.sub(" ", query or "").split())[:MAX_QUERY_CHARS]


def terms(query: str) -> list[tuple[str, str]]:
    """The query read as websearch_to_tsquery reads it: a list of (operator, words) where the
    operator is ``and``, ``or`` or ``not`` and the words one word or a phrase."""
    found: list[tuple[str, str]] = []
    operator = "and"
    for match in _TOKEN.finditer(query[:MAX_QUERY_CHARS]):
        minus, phrase, bare = match.groups()
        if bare is not None and bare.lower() == "or" and found:
            operator = "or"
            continue
        negated = bool(minus) or (bare is not None and bare.startswith("-"))
        words = " ".join(_WORD.findall(phrase if phrase is not None else bare))
        if words:
            found.append(("not" if negated else operator, words))
        operator = "and"
    return found


def searchable(query: str | None) -> bool:
    """Whether the query holds anything to search for: at least one word not excluded."""
    return any(operator != "not" for operator, _ in terms(query or ""))


def fts5_query(query: str) -> str:
    """The query in FTS5's language, every word quoted so that no input is an FTS5 syntax
    error. FTS5 ranks NOT over AND over OR as tsquery ranks ! over & over |, so the terms
    keep their order; an exclusion that comes first (FTS5's NOT needs a left side) moves last."""
    parts: list[str] = []
    leading: list[str] = []
    for operator, words in terms(query):
        quoted = '"' + words + '"'
        if operator == "not":
            (parts if parts else leading).append(f"NOT {quoted}")
        elif parts:
            parts.append(f"{operator.upper()} {quoted}")
        else:
            parts.append(quoted)
    return " ".join(parts + leading) if parts else ""


def matching_keys(dialect_name: str, scope: str, query: str | None) -> Select | None:
    """The keys of ``scope`` whose search text matches ``query``, as a subquery to filter a
    list with; None when the query holds nothing to search for."""
    query = cleaned(query)
    if not searchable(query):
        return None
    if dialect_name == "postgresql":
        tsquery = func.websearch_to_tsquery(
            literal_column(f"'{CONFIGURATION}'::regconfig"), query[:MAX_QUERY_CHARS]
        )
        document = literal_column(f"{SEARCH_TABLE}.document")
        return select(entries.c.record_id).where(
            entries.c.scope == scope, document.op("@@")(tsquery)
        )
    return (
        select(entries.c.record_id)
        .select_from(entries)
        .join(table(FTS_TABLE), text(f"{FTS_TABLE}.rowid = {SEARCH_TABLE}.id"))
        .where(
            entries.c.scope == scope,
            text(f"{FTS_TABLE} MATCH :fts").bindparams(fts=fts5_query(query)),
        )
    )


def include_in_comparison(name: str | None, type_: str, parent_names: dict) -> bool:
    """Alembic's ``include_name`` hook: leave the search tables (and FTS5's own tables) and
    their indexes out when models are compared with the database."""
    if type_ == "table":
        return not (name or "").startswith(SEARCH_TABLE)
    if type_ in ("index", "column", "unique_constraint", "foreign_key_constraint"):
        return not (parent_names.get("table_name") or "").startswith(SEARCH_TABLE)
    return True
