"""Writing a library entry to an outcome's proxy, through the proposals' safe save.

The save refuses a stale page (the outcome changed after the page showed it) and an outcome
removed since, like every item page; a transfer payment or an input cost is never written.
"""

import re
from dataclasses import replace

from ..accounts.models import User
from ..proposals import answers
from ..proposals import services as proposals
from ..proposals.models import Proposal
from ..proposals.schema_rules import limits_at
from ..proposals.sections import BY_KEY, Field, Section
from .entry import PATHS, Entry

OUTCOMES = BY_KEY["outcomes"]
# the one proxy field an entry writes that the outcome page does not ask about; its label
# names the change in the draft's history
UNASKED = {
    PATHS["library_id"]: Field("proxy_library_id", PATHS["library_id"], "text", "Library id")
}


class NotAnOutcomeValue(Exception):
    """The entry must not value an outcome: a transfer payment or an input cost."""


def proxy_section() -> Section:
    """The outcomes section with only the proxy's questions, the library id among them, so
    one save writes the whole proxy."""
    asked = {spec.path: spec for spec in OUTCOMES.fields}
    return replace(
        OUTCOMES, fields=tuple(asked.get(path) or UNASKED[path] for path in PATHS.values())
    )


def price_year(entry: Entry) -> str | None:
    """The entry's price year, or None when it is not one the proposal format can hold (the
    member is then told what the source gives instead)."""
    limits = limits_at((*OUTCOMES.list_path, "*", *PATHS["price_year"]))
    too_long = limits.max_length is not None and len(entry.price_year) > limits.max_length
    if too_long or (limits.pattern and not re.search(limits.pattern, entry.price_year)):
        return None
    return entry.price_year


def choose(
    proposal: Proposal,
    user: User,
    item_id: str,
    entry: Entry,
    base_revision: int,
    item_version: str,
) -> str | None:
    """Write the entry as the outcome's proxy; returns the outcome's id.

    Raises NotAnOutcomeValue for a transfer payment or an input cost, ItemGone when the
    outcome was removed, and StaleDraft when it changed after the page showed it.
    """
    if entry.refusal:
        raise NotAnOutcomeValue(entry.refusal)
    found = proposals.find_item(proposal, OUTCOMES, item_id)
    if found is None:
        raise proposals.ItemGone(item_id)
    section = proxy_section()
    written = entry.proxy_answers() | {PATHS["price_year"]: price_year(entry)}
    if answers.read(found[1], PATHS["uprated_to"]) is not None:
        written[PATHS["uprated_to"]] = None  # the entry is at its own price year
    values = {spec.name: written[spec.path] for spec in section.fields if spec.path in written}
    # input the member typed for these questions and has not yet corrected gives way to the
    # chosen value, or the outcome page would bring the old one back; other input stays
    page = proposals.Save(
        section, values, {}, base_revision, item_id, item_version, names=tuple(values)
    )
    return proposals.save(proposal, user, page)
