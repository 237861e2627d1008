"""What a package is published for: the ocid prefix, the filter, the day and the links."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..filters import RegisterFilter


@dataclass(frozen=True)
class Publication:
    """Everything a release source needs besides the database.

    ``entry_url`` gives the absolute address of a submission's register page; ``today``
    dates what depends on the day (a contract's status, reports overdue).
    """

    prefix: str
    wanted: RegisterFilter
    today: date
    entry_url: Callable[[int], str]
    page_url: Callable[[str, int], str | None] | None = None
    """The absolute address of a published service (``"service"``) or decommissioning
    assessment (``"decommissioning"``) by id; None leaves their documents out."""
