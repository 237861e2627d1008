"""The JSON API's documents for the register: a page of records with absolute links, and
the OCDS package's publication details, as the app's settings and addresses make them."""

from __future__ import annotations

from typing import Any

from flask import current_app

from ..accounts.models import utcnow
from ..links import external_url
from . import services
from .filters import RegisterFilter
from .ocds import Publication
from .records import deliveries, record

PER_PAGE = 50
MAX_PER_PAGE = 200


def entry_url(proposal_id: int) -> str:
    """The absolute address of a submission's register page."""
    return external_url("register.detail", proposal_id=proposal_id)


def page_document(wanted: RegisterFilter, page: int, per_page: int) -> dict[str, Any]:
    """One page of matching decisions with the total and links to the pages around it."""
    total = services.count(wanted)
    last = services.last_page(total, per_page)
    rows = services.record_rows(wanted, page, per_page) if page <= last else []
    delivered = deliveries((row.id for row in rows), utcnow().date())
    args = wanted.query_args()

    def link(number: int) -> str:
        return external_url("api.register_records", page=number, per_page=per_page, **args)

    return {
        "meta": {"total": total, "page": page, "per_page": per_page, "pages": last},
        "links": {
            "self": link(page),
            "first": link(1),
            "last": link(last),
            "next": link(page + 1) if page < last else None,
            "prev": link(min(page - 1, last)) if page > 1 else None,
        },
        "records": [record(row, delivered.get(row.id), entry_url) for row in rows],
    }


PAGES = {
    "service": ("baselines.show", "baseline_id"),
    "decommissioning": ("decommissioning.published", "assessment_id"),
}


def page_url(kind: str, record_id: int) -> str | None:
    """The absolute address of a published service or decommissioning assessment."""
    endpoint, argument = PAGES[kind]
    return external_url(endpoint, **{argument: record_id})


def publication(wanted: RegisterFilter) -> Publication:
    """What the OCDS package is published for: the configured prefix, today, the filter."""
    return Publication(
        current_app.config["OCDS_PREFIX"], wanted, utcnow().date(), entry_url, page_url
    )


def package_uri(wanted: RegisterFilter) -> str:
    return external_url("api.register_ocds", **wanted.query_args())


def site_url() -> str:
    return current_app.config["SITE_URL"].rstrip("/") + "/"
