"""One financial proxy of the library: its value, where it comes from, and what a user must know.

An entry is read from the library or a deployment's own file (see library.py). Its caveats
decide how it may be used: a transfer payment (benefits, tax) or an input cost is never the
value of an outcome. ``proxy_answers`` is what choosing an entry writes to an outcome's proxy.
No Flask here.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

KINDS = ("fiscal", "economic", "social")
KIND_MEANINGS = {
    "fiscal": "a cost or saving to the public sector, borne by the body named under who benefits "
    "(the financial case; cashable only where that body really spends less)",
    "economic": "earnings or output gained by people and businesses",
    "social": "wider wellbeing, such as a victim's physical and emotional harm or a health gain",
}
ROBUSTNESS = {
    "G": "Green: the Unit Cost Database's compilers judged the source and its derivation robust.",
    "A": "Amber: the compilers had some concerns, such as the age of the data or how the figure "
    "was derived. Read the notes before relying on it.",
    "R": "Red: the compilers had serious concerns, such as old data or a weak method. Use it "
    "only with care, and look for a better source.",
    "": "Not rated: this value does not come from the Unit Cost Database, which gives the ratings.",
}
TRANSFER_PAYMENT = (
    "This is a transfer payment (benefits or tax): money moved between people and the state, "
    "which creates no value. Count it as a saving in the financial case (the savings section), "
    "never as the value of an outcome."
)
INPUT_COST = (
    "This is an input cost, not an outcome value: what delivering a service costs. Use it to "
    "cost the inputs, never as the value of an outcome."
)
SHORT_TEXT = 200
"""The longest description or source an entry writes: a line a reader takes in at a glance
(and one the outcome page's one-line questions hold); the library id leads to the full record."""
PATHS = {
    "description": ("proxy", "description"),
    "value": ("proxy", "value"),
    "source": ("proxy", "source"),
    "library_id": ("proxy", "library_id"),
    "price_year": ("proxy", "price_year"),
    "kind": ("proxy", "kind"),
    "uprated_to": ("proxy", "uprated_to"),
}
"""Where each proxy field an entry writes lives in an outcome."""


@dataclass(frozen=True)
class Entry:
    """A sourced value per unit, at its own price year, with its source and caveats."""

    id: str
    outcome: str
    unit: str
    value: int | float
    price_year: str
    kind: str
    who_benefits: str
    source: str
    location: str = ""
    licence: str = ""
    url: str = ""
    quote: str = ""
    original_source: str = ""
    rag_rating: str = ""
    agency_in_source: str = ""
    notes: str = ""
    transfer_payment: bool = False
    input_cost: bool = False
    acknowledgement: str = ""
    credit: str = ""  # whom a citation must acknowledge, e.g. the underlying source's owner
    attribution: str = ""
    licence_url: str = ""
    file: str = ""  # the file it was read from
    local: bool = False  # added by this deployment, not part of the published library

    @property
    def places(self) -> int:
        """Pence are shown only for values that have them."""
        return 0 if float(self.value).is_integer() else 2

    @property
    def robustness(self) -> str:
        """The red/amber/green rating in words."""
        return ROBUSTNESS[self.rag_rating]

    @property
    def kind_meaning(self) -> str:
        """What a value of this kind measures."""
        return KIND_MEANINGS[self.kind]

    @property
    def refusal(self) -> str | None:
        """Why this entry must not value an outcome, or None when it may."""
        if self.transfer_payment:
            return TRANSFER_PAYMENT
        if self.input_cost:
            return INPUT_COST
        return None

    @property
    def caveats(self) -> tuple[str, ...]:
        """The warnings that apply to this entry in particular."""
        found = [TRANSFER_PAYMENT] if self.transfer_payment else []
        found += [INPUT_COST] if self.input_cost else []
        found += [self.acknowledgement] if self.acknowledgement else []
        return tuple(found)

    def citation(self, limit: int | None = None) -> str:
        """The source to cite: who published it, where in it, and the original study.

        Where the answer must fit ``limit`` characters, the original study is shortened, then
        the place in the source left out; the library id keeps the full record.
        """
        name = self.attribution or self.source
        place = self.location.split(";")[0].strip()
        for head in (", ".join(p for p in (name, place) if p), name):
            text = self._cite(head, self.original_source)
            if limit is None or len(text) <= limit:
                return text
            room = limit - len(self._cite(head, "x")) + 1  # what is left for the study
            if self.original_source and room >= 20:
                return self._cite(head, _fit(self.original_source, room))
        return _fit(self._cite(name, ""), limit)

    def _cite(self, head: str, study: str) -> str:
        parts = [head, f"original study: {study}" if study else ""]
        parts.append(f"acknowledging {self.credit}" if self.credit else "")
        return "; ".join(part for part in parts if part)

    def proxy_answers(self) -> dict[tuple[str, ...], Any]:
        """What choosing this entry writes to an outcome's proxy, by path in the outcome.

        The value is written at its own price year: nothing is uprated.
        """
        return {
            PATHS["description"]: _fit(self.outcome, SHORT_TEXT),
            PATHS["value"]: self.value,
            PATHS["source"]: self.citation(SHORT_TEXT),
            PATHS["library_id"]: self.id,
            PATHS["price_year"]: self.price_year,
            PATHS["kind"]: self.kind,
        }

    def as_dict(self) -> dict[str, Any]:
        """The entry as the API answers it."""
        found = {k: v for k, v in dataclasses.asdict(self).items() if k != "file"}
        return found | {"robustness": self.robustness, "caveats": list(self.caveats)}


def _fit(text: str, limit: int | None) -> str:
    """Text cut to ``limit`` characters, with an ellipsis where it was cut."""
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"
