"""The register's own index: decisions in the register's order, newest first.

The register lists, pages and filters decisions by when they were made (then by id, so that
equal times keep one order); reading this index in order, a page is found without sorting
every decision first.
"""

from sqlalchemy import Index

from ..triage.models import Decision

NEWEST_FIRST_INDEX = Index(
    "ix_decision_newest_first", Decision.decided_at.desc(), Decision.id.desc()
)
