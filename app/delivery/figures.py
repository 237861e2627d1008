"""What a results report asks for, and what verification makes of it.

A report has a line for each outcome on the accepted version's impact map (the quantity
achieved in the period), each result payment depends on (the count), and each input (the
actual spend). Each line keeps the figure as reported, its evidence and the reason for any
variance; verification accepts it, queries it or adjusts it with a reason. Only a verified
figure (accepted, or adjusted to the commissioner's figure) counts for value or payment.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from .terms import ContractTerms

VERDICTS = {
    "accepted": "Accepted",
    "queried": "Queried",
    "adjusted": "Adjusted",
}
MOST = Decimal("1e12")


@dataclass(frozen=True)
class Line:
    """One figure a report asks for."""

    key: str  # outcome:<id>, measure:<id> or input:<n>
    kind: str  # outcome, measure or input
    label: str
    question: str
    hint: str
    claimed: Decimal | None = None  # over the whole contract, from the accepted version

    @property
    def field(self) -> str:
        """The form field's name and the error summary's anchor."""
        return self.key.replace(":", "-")

    @property
    def money(self) -> bool:
        return self.kind == "input"


def report_lines(document: Mapping[str, Any], terms: ContractTerms) -> list[Line]:
    """Every line of a results report for this accepted version and these terms."""
    lines: list[Line] = []
    names = {s.get("id"): s.get("name") or "" for s in document.get("stakeholders") or []}
    for outcome in document.get("outcomes") or []:
        if outcome.get("leads_to"):
            continue  # valued at the end of its chain, as the account is
        who = names.get(outcome.get("stakeholder")) or "stakeholders"
        description = outcome.get("description") or outcome.get("id")
        lines.append(
            Line(
                key=f"outcome:{outcome.get('id')}",
                kind="outcome",
                label=f"{description} ({who})",
                question=f"How many {who} experienced this change in the period?",
                hint=f"Measured by: {outcome.get('indicator') or 'the indicator agreed'}",
                claimed=_number(outcome.get("quantity")),
            )
        )
    for measure in terms.measures:
        name = measure.description or measure.id
        lines.append(
            Line(
                key=f"measure:{measure.id}",
                kind="measure",
                label=name,
                question=f"How many results of “{name}” in the period?",
                hint="Only results that meet the agreed definition and fall in the period",
            )
        )
    for n, spent in enumerate(document.get("inputs") or []):
        name = spent.get("description") or f"Input {n + 1}"
        lines.append(
            Line(
                key=f"input:{n}",
                kind="input",
                label=name,
                question=f"What was actually spent on “{name}” in the period?",
                hint="In pounds, for example 12,500",
                claimed=_number(spent.get("value")),
            )
        )
    return lines


def _number(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def read_figure(text: str, money: bool) -> Decimal | None:
    """A figure as people write it ("1,200", "£12,500.50"); None when it cannot be read."""
    cleaned = "".join(text.split()).replace(",", "")
    if money:
        cleaned = cleaned.removeprefix("£")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def figure_errors(line: Line, text: str) -> str | None:
    """The error for a figure typed on a report, or None when it is a figure the line takes."""
    if not text.strip():
        return f"Enter {line.question[0].lower() + line.question[1:-1]}"
    value = read_figure(text, line.money)
    example = "12,500" if line.money else "40"
    if value is None:
        return f"{line.label}: enter a number, like {example}"
    if value < 0:
        return f"{line.label}: the figure cannot be negative"
    if value > MOST:
        return f"{line.label}: the figure must be at most 1,000,000,000,000"
    if not line.money and value != value.to_integral_value():
        return f"{line.label}: enter a whole number, like {example}"
    return None


def verified_figures(
    figures: Mapping[str, Mapping[str, Any]], checks: Mapping[str, Mapping[str, Any]]
) -> dict[str, Decimal]:
    """Each verified figure: the reported one where accepted, the commissioner's where adjusted.

    A figure not yet checked, or queried, is left out: nothing counts on it.
    """
    verified: dict[str, Decimal] = {}
    for key, figure in figures.items():
        check = checks.get(key) or {}
        if check.get("verdict") == "accepted":
            verified[key] = Decimal(str(figure.get("value")))
        elif check.get("verdict") == "adjusted":
            verified[key] = Decimal(str(check.get("value")))
    return verified


def by_kind(values: Mapping[str, Decimal], kind: str) -> dict[str, Decimal]:
    """The figures of one kind, keyed by the id after the kind (``outcome:x`` → ``x``)."""
    prefix = f"{kind}:"
    return {k.removeprefix(prefix): v for k, v in values.items() if k.startswith(prefix)}


def totals(reports: Iterable[Mapping[str, Decimal]]) -> dict[str, Decimal]:
    """The verified figures of several periods added up, line by line."""
    summed: dict[str, Decimal] = {}
    for figures in reports:
        for key, value in figures.items():
            summed[key] = summed.get(key, Decimal(0)) + value
    return summed
