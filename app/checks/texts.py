"""The texts the checks judge on substance, and what each must show.

Each judged text stands in one of four states (:data:`~app.checks.declare.TEXT_STATES`):
``missing`` (not given), ``self_declared`` (it repeats itself, or names nothing of its case
and gives no figure: see :mod:`app.checks.substance`), ``unsupported`` (it names the case but
does not show what the field must show) or ``evidenced``. What a field must show follows the
sources: economy cites a cost figure (a number, or a costed input or option); efficiency
relates inputs to outputs (National Audit Office); effectiveness names the case's outcomes;
equity names groups (its stakeholders or protected characteristics).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.checks.substance import Reading, relates_rates, self_declared

if TYPE_CHECKING:
    from app.checks.case import Case


def _cites_cost(reading: Reading, _text: str) -> bool:
    return bool(reading.figures) or reading.mentions_any("input", "option")


def _relates_inputs_to_outputs(reading: Reading, text: str) -> bool:
    return bool(reading.figures) and relates_rates(text)


def _names_outcomes(reading: Reading, _text: str) -> bool:
    return reading.mentions_any("outcome")


def _names_groups(reading: Reading, _text: str) -> bool:
    return reading.mentions_any("stakeholder", "characteristic")


def _names_who_or_how_much(reading: Reading, _text: str) -> bool:
    return bool(reading.figures) or reading.mentions_any("stakeholder", "outcome")


def _refers(reading: Reading, _text: str) -> bool:
    return bool(reading.mentions or reading.figures)


@dataclass(frozen=True)
class JudgedText:
    """A text field judged on substance: where it is, its name for people, what it shows."""

    key: str
    path: tuple[str, ...]
    name: str
    shows: Callable[[Reading, str], bool]

    @property
    def pointer(self) -> str:
        """The field's JSON Pointer."""
        return "/" + "/".join(self.path)

    def text(self, document: object) -> object:
        """The field's value in a document (None when any part of the path is missing)."""
        for part in self.path:
            document = document.get(part) if isinstance(document, dict) else None
        return document


JUDGED = (
    JudgedText("vfm_economy", ("vfm", "economy"), "economy", _cites_cost),
    JudgedText("vfm_efficiency", ("vfm", "efficiency"), "efficiency", _relates_inputs_to_outputs),
    JudgedText("vfm_effectiveness", ("vfm", "effectiveness"), "effectiveness", _names_outcomes),
    JudgedText("vfm_equity", ("vfm", "equity"), "equity", _names_groups),
    JudgedText(
        "decommissioning_value",
        ("decommissioning", "value_at_risk"),
        "the value decommissioning puts at risk",
        _names_who_or_how_much,
    ),
    JudgedText(
        "decommissioning_mitigation",
        ("decommissioning", "mitigation"),
        "the decommissioning plan",
        _names_who_or_how_much,
    ),
    JudgedText(
        "equalities_assessment",
        ("equalities", "assessment"),
        "the equalities assessment",
        _names_groups,
    ),  # fmt: skip
    JudgedText(
        "pbr_safeguards",
        ("contract", "payment_by_results", "safeguards"),
        "the payment-by-results safeguards",
        _refers,
    ),
    JudgedText(
        "monitoring_learning", ("monitoring", "learning"), "how results feed review", _refers
    ),
    JudgedText(
        "eoi_financial_resources",
        ("expression_of_interest", "financial_resources"),
        "the body's financial resources",
        lambda reading, _text: bool(reading.figures),
    ),
    JudgedText(
        "eoi_capability",
        ("expression_of_interest", "capability_evidence"),
        "the evidence of capability",
        _refers,
    ),
)
BY_KEY = {judged.key: judged for judged in JUDGED}


def text_state(case: Case, key: str) -> str:
    """How one judged text of the case stands: missing, self_declared, unsupported, evidenced."""
    judged = BY_KEY[key]
    text = judged.text(case.document)
    reading = case.reading(key, text)
    if not reading.given:
        return "missing"
    if self_declared(reading):
        return "self_declared"
    return "evidenced" if judged.shows(reading, str(text)) else "unsupported"


def self_declared_texts(case: Case, *, with_four_es: bool = True) -> list[JudgedText]:
    """The case's judged texts that are self-declared, not evidenced, in document order (the
    four Es left out when ``with_four_es`` is false: the value-for-money rules judge them)."""
    return [
        judged
        for judged in JUDGED
        if case.text_state(judged.key) == "self_declared"
        and (with_four_es or not judged.key.startswith("vfm_"))
    ]
