"""The case being checked: a proposal/2 document, its value account and the parameters, with
what several facts read from them worked out once.

Facts are small functions of a :class:`Case` (proposal facts) or of an :class:`Item` (one
stakeholder group or one outcome). Anything two facts need, such as the tier, the case's own
vocabulary or the sensitivity of its ratio, is a cached property here. Every figure of the
value account (sensitivity, switching values, concentration, the incremental account of a
challenge, price years, outcome chains) comes from :mod:`app.value`'s public functions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cached_property
from typing import Any

from app.checks.catalogue import KINDS, TIERS
from app.checks.fields import filled, is_number, listed, section, sourced
from app.checks.risk import Risk, assess_risk
from app.checks.substance import Reading, Terms, normal, read, terms_of
from app.checks.texts import JUDGED, text_state
from app.value import (
    IncrementalAccount,
    Sensitivity,
    ValueAccount,
    chain_double_counting,
    compute_sensitivity,
    incremental_account,
    price_year_findings,
)


class Case:
    """One document, its value account and the parameters in force."""

    def __init__(
        self, document: Mapping[str, Any], account: ValueAccount, params: Mapping[str, float]
    ) -> None:
        self.document = document
        self.account = account
        self.params = params
        self.kind = document.get("kind") if document.get("kind") in KINDS else "challenge"
        self._readings: dict[str, Reading] = {}
        self._states: dict[str, str] = {}
        self._items: dict[str, list[dict]] = {}

    def section(self, name: str) -> dict:
        """A top-level section, empty when missing."""
        return section(self.document, name)

    @cached_property
    def contract(self) -> dict:
        """The contract section."""
        return self.section("contract")

    @cached_property
    def pbr(self) -> dict:
        """The payment-by-results design, empty when there is none."""
        pbr = self.contract.get("payment_by_results")
        return pbr if isinstance(pbr, dict) else {}

    @cached_property
    def need(self) -> dict:
        """The need section."""
        return self.section("need")

    @cached_property
    def service(self) -> dict:
        """The service section."""
        return self.section("service")

    def items(self, name: str) -> list[dict]:
        """A top-level array with every entry a dict (anything else read as empty), so that
        positions stay those of the document."""
        found = self._items.get(name)
        if found is None:
            raw = listed(self.document.get(name))
            found = self._items[name] = [item if isinstance(item, dict) else {} for item in raw]
        return found

    @cached_property
    def groups(self) -> list[dict]:
        """The stakeholder groups, in the document's order."""
        return self.items("stakeholders")

    @cached_property
    def outcomes(self) -> list[dict]:
        """The outcomes, in the document's order."""
        return self.items("outcomes")

    @cached_property
    def options(self) -> list[dict]:
        """The options appraised."""
        return [o for o in listed(self.need.get("options")) if isinstance(o, dict)]

    @cached_property
    def savings(self) -> list[dict]:
        """The savings to public bodies."""
        return [s for s in self.items("savings") if s]

    @cached_property
    def judgements(self) -> list[dict]:
        """The judgements written down."""
        return [j for j in self.items("judgements") if j]

    @cached_property
    def group_by_id(self) -> dict[str, dict]:
        """Stakeholder groups by id (the last of any two with one id)."""
        return {g["id"]: g for g in self.groups if isinstance(g.get("id"), str)}

    @cached_property
    def outcome_by_id(self) -> dict[str, int]:
        """Outcome positions by id (the last of any two with one id)."""
        return {o["id"]: i for i, o in enumerate(self.outcomes) if isinstance(o.get("id"), str)}

    @cached_property
    def evidence_by_id(self) -> dict[str, dict]:
        """Evidence items by id."""
        return {e["id"]: e for e in self.items("evidence") if isinstance(e.get("id"), str)}

    def cited(self, ids: object) -> list[dict]:
        """The evidence items a list of ids cites (ids no item has left out)."""
        return [self.evidence_by_id[i] for i in listed(ids) if i in self.evidence_by_id]

    @cached_property
    def evidence(self) -> list[dict]:
        """The evidence items, in the document's order."""
        return self.items("evidence")

    @cached_property
    def unsourced(self) -> list[dict]:
        """The evidence items without a figure or a source, in order."""
        return [item for item in self.evidence if not sourced(item)]

    def sourced(self, item: dict) -> bool:
        """Whether an evidence item of the case gives a figure and a source."""
        return all(item is not other for other in self.unsourced)

    @cached_property
    def contract_years(self) -> float | None:
        """The contract's duration in years, or None when it is not a number above 0."""
        years = self.contract.get("duration_years")
        return years if is_number(years) and years > 0 else None

    @cached_property
    def valued(self) -> list[bool]:
        """For each outcome: whether it carries value (a quantity and a proxy above 0)."""
        return [_valued(o) for o in self.outcomes]

    @cached_property
    def terms(self) -> Terms:
        """The case's own vocabulary: what its texts may name to refer to it."""
        texts: list[tuple[str, tuple[str, ...]]] = []
        for group in self.groups:
            key = group.get("id") or group.get("name")
            if filled(key):
                parts = [group.get("id"), group.get("name"), *listed(group.get("subgroups"))]
                texts.append((f"stakeholder:{key}", _texts(parts)))
        for outcome in self.outcomes:
            if filled(outcome.get("id")):
                parts = [outcome.get(k) for k in ("id", "description", "indicator")]
                texts.append((f"outcome:{outcome['id']}", _texts(parts)))
        texts += [(f"evidence:{ident}", (ident,)) for ident in self.evidence_by_id]
        for number, option in enumerate(self.options):
            if is_number(option.get("annual_cost")):
                texts.append((f"option:{number}", _texts([option.get("name")])))
        for number, item in enumerate(self.items("inputs")):
            if is_number(item.get("value")) and item["value"] > 0:
                texts.append((f"input:{number}", _texts([item.get("description")])))
        return terms_of(tuple(texts))

    @cached_property
    def judgement_texts(self) -> list[tuple[str, bool]]:
        """Each judgement's topic, judgement and rationale, lowered, and whether it speaks of
        agreeing, declining or refusing."""
        found = []
        for judgement in self.judgements:
            parts = (judgement.get(k) for k in ("topic", "judgement", "rationale"))
            text = " ".join(str(part or "") for part in parts)
            found.append((text.casefold(), bool(_AGREEMENT.search(text))))
        return found

    @cached_property
    def judged_texts(self) -> dict[str, str]:
        """Each judged text the case gives, by key, as words alone (to find copies)."""
        found = {}
        for judged in JUDGED:
            text = judged.text(self.document)
            if isinstance(text, str) and text.strip():
                found[judged.key] = normal(text)
        return found

    def reading(self, key: str, text: object) -> Reading:
        """A judged text of the case read against its own vocabulary and its other judged
        texts (which it must not copy), once per key."""
        found = self._readings.get(key)
        if found is None:
            repetition = float(self.params.get("max_repetition_share", 0.5))
            others = {n for k, n in self.judged_texts.items() if k != key}
            found = self._readings[key] = read(text, self.terms, others, repetition)
        return found

    def text_state(self, key: str) -> str:
        """How a judged text stands (:func:`app.checks.texts.text_state`), once per key."""
        state = self._states.get(key)
        if state is None:
            state = self._states[key] = text_state(self, key)
        return state

    @cached_property
    def tier_before_risk(self) -> str:
        """The tier from the contract value alone."""
        value = self.contract_value
        if value >= self.params["tier_full_from"]:
            return "full"
        if value >= self.params["tier_standard_from"]:
            return "standard"
        return "light"

    @cached_property
    def contract_value(self) -> float:
        """V: annual value times duration; 0 when either is missing."""
        annual = self.contract.get("annual_value")
        if is_number(annual) and self.contract_years is not None:
            return annual * self.contract_years
        return 0

    @cached_property
    def risk(self) -> Risk:
        """The risk the case states and the risk its document shows (:mod:`app.checks.risk`)."""
        return assess_risk(self)

    @cached_property
    def tier(self) -> str:
        """The tier: one up from the value tier when the higher of the stated and the derived
        risk is high."""
        base = self.tier_before_risk
        if self.risk.effective == "high":
            return TIERS[min(TIERS.index(base) + 1, len(TIERS) - 1)]
        return base

    @cached_property
    def sensitivity(self) -> Sensitivity:
        """The sensitivity table, switching values and concentration (app.value), worked out
        at every tier."""
        return compute_sensitivity(self.document, self.account)

    @cached_property
    def incremental(self) -> IncrementalAccount | None:
        """A challenge's difference over today's service (app.value); None without a costed
        status quo option with quantities."""
        return incremental_account(self.document, self.account)

    @cached_property
    def price_years(self) -> dict:
        """Which valued proxies stand at another price year (app.value)."""
        return price_year_findings(self.document)

    @cached_property
    def valued_along_chain(self) -> frozenset[str]:
        """Ids of outcomes valued while an outcome further down their chain is (app.value)."""
        return frozenset(found["outcome"] for found in chain_double_counting(self.document))


def _texts(parts: list) -> tuple[str, ...]:
    return tuple(part for part in parts if isinstance(part, str))


_AGREEMENT = re.compile(r"\b(agree\w*|declin\w*|refus\w*|would not|did not|unwilling)\b", re.I)


class Item:
    """One stakeholder group or one outcome of a case, with its position."""

    def __init__(self, case: Case, index: int, item: dict) -> None:
        self.case = case
        self.index = index
        self.item = item

    def part(self, name: str) -> dict:
        """A sub-object of the item, empty when missing."""
        value = self.item.get(name)
        return value if isinstance(value, dict) else {}

    @cached_property
    def proxy(self) -> dict:
        """An outcome's proxy."""
        return self.part("proxy")

    @cached_property
    def group(self) -> dict | None:
        """The stakeholder group an outcome names, or None."""
        return self.case.group_by_id.get(self.item.get("stakeholder"))

    @cached_property
    def valued(self) -> bool:
        """Whether an outcome carries value."""
        return _valued(self.item)


def _valued(outcome: Mapping[str, Any]) -> bool:
    proxy = outcome.get("proxy") if isinstance(outcome.get("proxy"), dict) else {}
    quantity, value = outcome.get("quantity"), proxy.get("value")
    return is_number(quantity) and quantity > 0 and is_number(value) and value > 0
