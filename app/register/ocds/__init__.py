"""The register as an Open Contracting Data Standard 1.1.5 release package, streamed.

The package is made from a list of release sources, :data:`SOURCES`. A source is a function
``source(publication: Publication) -> Iterator[dict]`` that yields OCDS releases (plain
dicts, valid against ``schema/release-schema.json``) for one kind of record, reading the
database in batches and keeping nothing between them; it honours ``publication.wanted``
where the filter applies to its records. To publish a new kind of record (service baselines,
decommissioning assessments), write its source (in the package that owns the records, or in
``sources.py``) and add it to :data:`SOURCES`; the package, its streaming, its validation and
its tests need nothing else. Releases of one contracting process share its ``ocid``
(``<OCDS_PREFIX>-case-<submission id>`` for submissions; a new kind of process takes its own
word in place of ``case``) and differ in ``id``.

:func:`stream_package` writes the package piece by piece for a streamed response;
:func:`build_package` makes the same package as one dict (for tests and small exports).
Both return None when there is no release: a release package must hold at least one.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import func, select

from ...accounts.models import aware
from ...baselines.models import ServiceBaseline
from ...decommissioning.models import DecommissioningAssessment
from ...delivery.models import ContractVersion, ResultsReport
from ...extensions import db
from ...triage.models import Decision
from .publication import Publication
from .services_published import baseline_releases, decommissioning_releases
from .sources import contract_releases, decision_releases

ReleaseSource = Callable[[Publication], Iterator[dict[str, Any]]]
SOURCES: tuple[ReleaseSource, ...] = (
    decision_releases,
    contract_releases,
    baseline_releases,
    decommissioning_releases,
)
VERSION = "1.1"
PUBLISHER = "Valuecase transparency register"
CHUNK_BYTES = 64 * 1024
"""Releases are written out in pieces of about this size."""

__all__ = ["SOURCES", "Publication", "ReleaseSource", "build_package", "stream_package"]


def published_date() -> datetime | None:
    """When the published contents last changed: the latest decision, contract change or
    verification, published service or decommissioning decision (what OCDS asks of a package
    made on demand)."""
    moments = [
        db.session.scalar(select(func.max(column)))
        for column in (
            Decision.decided_at,
            ContractVersion.changed_at,
            ResultsReport.verified_at,
            ServiceBaseline.updated_at,
            DecommissioningAssessment.decided_at,
        )
    ]
    found = [aware(moment) for moment in moments if moment is not None]
    return max(found) if found else None


def head(uri: str, site_url: str) -> dict[str, Any]:
    """The package's metadata, everything but its releases."""
    published = published_date()
    return {
        "uri": uri,
        "version": VERSION,
        "publishedDate": published.isoformat() if published else None,
        "publisher": {"name": PUBLISHER, "uri": site_url},
    }


def releases(publication: Publication, sources=SOURCES) -> Iterator[dict[str, Any]]:
    """Every release of every source, source by source."""
    return itertools.chain.from_iterable(source(publication) for source in sources)


def build_package(
    publication: Publication, uri: str, site_url: str, sources=SOURCES
) -> dict[str, Any] | None:
    """The whole package as one dict, or None when there is no release."""
    found = list(releases(publication, sources))
    return {**head(uri, site_url), "releases": found} if found else None


def stream_package(
    publication: Publication, uri: str, site_url: str, sources=SOURCES
) -> Iterator[bytes] | None:
    """The package as JSON text in pieces, a release at a time, or None when there is no
    release (the first release is read before anything is written, to know)."""
    pending = releases(publication, sources)
    first = next(pending, None)
    if first is None:
        return None
    opening = orjson.dumps(head(uri, site_url))[:-1] + b',"releases":['

    def pieces() -> Iterator[bytes]:
        buffer = [opening, orjson.dumps(first)]
        size = 0
        for release in pending:
            text = orjson.dumps(release)
            buffer += (b",", text)
            size += len(text)
            if size >= CHUNK_BYTES:
                yield b"".join(buffer)
                buffer, size = [], 0
        buffer.append(b"]}")
        yield b"".join(buffer)

    return pieces()
