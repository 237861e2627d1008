"""The kinds of answer a question takes, and how answers move between a form and the document.

Each kind is named once, in ``WRITES``, with the JSON type it writes (every kind may also
write null, "not provided"). A compound kind shows as several inputs named
``<question>-<part>``: per-outcome quantities, the protected characteristics, and the
platform's public bodies with a box for others. Lists some questions choose from (the case's
stakeholders, evidence items and outcomes, the platform's public bodies) come in a
:class:`Choices`. No Flask here.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .questions import Field

WRITES: dict[str, str] = {
    "text": "string",
    "longtext": "string",
    "link": "string",
    "lines": "array",
    "money": "number",
    "amount": "number",  # money that may be negative
    "number": "number",
    "years": "number",
    "whole": "integer",
    "percent": "number",
    "choice": "string",
    "yesno": "boolean",
    "multi": "array",
    "stakeholder": "string",
    "stakeholders": "array",
    "evidence": "array",
    "outcome": "string",
    "public_body": "string",
    "public_bodies": "array",
    "quantities": "array",
    "characteristics": "array",
}
NUMBERS = frozenset({"money", "amount", "number", "years", "whole", "percent"})
MANY = frozenset({"multi", "stakeholders", "evidence", "public_bodies"})
OTHER = "other"  # the part of a public-bodies question for bodies the platform does not list

Pairs = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Choices:
    """What the case's own lists and the platform offer, as (value, label) pairs."""

    stakeholders: Pairs = ()
    evidence: Pairs = ()
    outcomes: Pairs = ()
    public_bodies: tuple[str, ...] = ()

    def of(self, spec: Field) -> list[tuple[str, str]]:
        """The options a question offers."""
        match spec.kind:
            case "stakeholder" | "stakeholders":
                return list(self.stakeholders)
            case "evidence":
                return list(self.evidence)
            case "outcome" | "quantities":
                return list(self.outcomes)
            case "public_body" | "public_bodies":
                return [(name, name) for name in self.public_bodies]
        return list(spec.choices)

    def names(self, spec: Field) -> dict[str, str]:
        """The ids a question may cite, each in words (its own list's: ids are unique only
        within their list)."""
        return dict(self.of(spec))


def case_choices(
    document: dict, public_bodies: tuple[str, ...] = (), without_outcome: str | None = None
) -> Choices:
    """The choices a draft offers; `without_outcome` leaves out the outcome being edited."""
    return Choices(
        stakeholders=_named(document.get("stakeholders"), "name"),
        evidence=_named(document.get("evidence"), "claim"),
        outcomes=tuple(
            pair
            for pair in _named(document.get("outcomes"), "description")
            if pair[0] != without_outcome
        ),
        public_bodies=public_bodies,
    )


def _named(found: Any, label: str) -> Pairs:
    """The items of a list that have an id, each with its id and how people know it."""
    return tuple(
        (str(item["id"]), _short(str(item.get(label) or item["id"])))
        for item in (found if isinstance(found, list) else [])
        if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"]
    )


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 120 else text[:119] + "…"


def part_names(spec: Field, choices: Choices) -> list[str]:
    """The names of the form inputs that answer a question."""
    match spec.kind:
        case "quantities":
            return [f"{spec.name}-{value}" for value, _ in choices.outcomes]
        case "characteristics":
            return [
                f"{spec.name}-{key}-{end}" for key, _ in spec.parts for end in ("effect", "note")
            ]
        case "public_bodies":
            return [spec.name, f"{spec.name}-{OTHER}"]
    return [spec.name]


def to_form(spec: Field, value: Any, choices: Choices) -> dict[str, Any]:
    """A document value as its form inputs show it, by input name."""
    match spec.kind:
        case "quantities":
            given = {
                str(entry.get("outcome")): entry.get("quantity")
                for entry in dicts(value)
                if _is_number(entry.get("quantity"))
            }
            return {f"{spec.name}-{key}": _plain(given.get(key)) for key, _ in choices.outcomes}
        case "characteristics":
            found = {str(entry.get("characteristic")): entry for entry in dicts(value)}
            shown = {}
            for key, _ in spec.parts:
                entry = found.get(key, {})
                shown[f"{spec.name}-{key}-effect"] = _text(entry.get("effect"))
                shown[f"{spec.name}-{key}-note"] = _text(entry.get("note"))
            return shown
        case "public_bodies":
            names = [str(v) for v in value] if isinstance(value, list) else []
            listed = set(choices.public_bodies)
            return {
                spec.name: [n for n in names if n in listed],
                f"{spec.name}-{OTHER}": "\n".join(n for n in names if n not in listed),
            }
    return {spec.name: _single(spec, value)}


def _single(spec: Field, value: Any) -> Any:
    if value is None:
        return [] if spec.kind in MANY else ""
    match spec.kind:
        case "percent":
            return _plain(Decimal(str(value)) * 100) if _is_number(value) else ""
        case kind if kind in NUMBERS:
            return _plain(value)
        case "lines":
            return "\n".join(str(v) for v in value) if isinstance(value, list) else ""
        case "yesno":
            return {True: "yes", False: "no"}.get(value, "")
        case kind if kind in MANY:
            return [str(v) for v in value] if isinstance(value, list) else []
    return _text(value)


def from_form(spec: Field, data: dict[str, Any], choices: Choices) -> Any:
    """The document value of a question's validated form inputs (by input name)."""
    match spec.kind:
        case "quantities":
            given = [
                {"outcome": key, "quantity": _number(data.get(f"{spec.name}-{key}"))}
                for key, _ in choices.outcomes
                if data.get(f"{spec.name}-{key}") is not None
            ]
            return given or None
        case "characteristics":
            return _characteristics(spec, data)
        case "public_bodies":
            ticked = set(data.get(spec.name) or [])
            chosen = [name for name in choices.public_bodies if name in ticked]
            others = lines(data.get(f"{spec.name}-{OTHER}"))
            return list(dict.fromkeys(chosen + others))
    return _single_value(spec, data.get(spec.name))


def _single_value(spec: Field, data: Any) -> Any:
    match spec.kind:
        case "text" | "longtext" | "link":
            return (data or "").strip()
        case "percent":
            return None if data is None else _number(Decimal(data) / 100)
        case kind if kind in NUMBERS:
            return _number(data)
        case "lines":
            return lines(data)
        case "yesno":
            return {"yes": True, "no": False}.get(data)
        case kind if kind in MANY:
            return list(dict.fromkeys(data or []))
        case "choice" | "stakeholder" | "outcome" | "public_body":
            return data or None
    raise ValueError(f"unknown kind of answer {spec.kind}")


def _characteristics(spec: Field, data: dict[str, Any]) -> list[dict]:
    """One entry per characteristic with an effect or a note, in the law's order."""
    found = []
    for key, _ in spec.parts:
        effect = data.get(f"{spec.name}-{key}-effect") or None
        note = (data.get(f"{spec.name}-{key}-note") or "").strip()
        if effect or note:
            entry = {"characteristic": key, "effect": effect, "note": note}
            found.append({k: v for k, v in entry.items() if v is not None})
    return found


def lines(text: Any) -> list[str]:
    """The non-blank lines of a text, trimmed."""
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]


def _number(value: Any) -> int | float | None:
    """A JSON number: an integer when it is whole."""
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _plain(value: Any) -> str:
    """A number as people type it: no exponent, no trailing zeros."""
    if not _is_number(value) and not isinstance(value, Decimal):
        return ""
    return format(Decimal(str(value)).normalize(), "f")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _text(value: Any) -> str:
    return "" if value is None else value if isinstance(value, str) else str(value)


def dicts(value: Any) -> list[dict]:
    """The objects in a list (none when it is not a list)."""
    return [entry for entry in value if isinstance(entry, dict)] if isinstance(value, list) else []
