"""Parameters: the thresholds rules and fact derivation use, dated and overridable.

In the style of OpenFisca, each parameter in ``rules/parameters.yaml`` has a description, a
short label (used in plain-English conditions), a unit, a reference (its source) and values
keyed by the date each takes effect. The value in force on a day is the one with the latest
date on or before it. A deployment may override values in ``instance/parameters.yaml``: the
same shape, naming only known parameters, whose dated values are merged over the defaults
(an override may not be dated before a default it would then be hidden by).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from app.checks.errors import RulesError
from app.checks.numbers import is_safe_number

UNITS = ("money", "ratio", "share", "count", "words", "number")
_FIELDS = {"description", "label", "unit", "reference", "values"}
_OVERRIDE_FIELDS = {"values", "reference", "description"}


@dataclass(frozen=True)
class Parameter:
    """One threshold and its dated values; ``value`` is the one in force on the load date."""

    name: str
    description: str
    label: str
    unit: str
    reference: str
    values: tuple[tuple[dt.date, float | int], ...]
    value: float | int

    def value_on(self, day: dt.date) -> float | int:
        """The value in force on ``day``."""
        return _in_force(self.values, day, self.name)


def read_yaml(path: Path, rule: str | None = None) -> object:
    """Parse one YAML file, turning any reading or syntax problem into a RulesError."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise RulesError(str(path), rule, f"cannot read the file: {error}") from None
    except yaml.YAMLError as error:
        detail = " ".join(str(error).split())
        raise RulesError(str(path), rule, f"not valid YAML: {detail}") from None


def load_parameters(
    path: Path, override: Path | None = None, on: dt.date | None = None
) -> dict[str, Parameter]:
    """Load, validate and resolve every parameter.

    ``override`` (e.g. ``instance/parameters.yaml``) merges a deployment's values; a path
    that does not exist means there is no override.
    """
    day = on or dt.date.today()
    raw = read_yaml(path)
    if not isinstance(raw, dict) or not raw:
        raise RulesError(str(path), None, "the file must map parameter names to parameters")
    dated = {str(name): _read_parameter(path, str(name), entry) for name, entry in raw.items()}
    if override is not None and Path(override).exists():
        _apply_override(Path(override), dated)
    return {
        name: Parameter(
            name=name,
            description=entry["description"],
            label=entry.get("label") or name.replace("_", " "),
            unit=entry["unit"],
            reference=entry["reference"],
            values=tuple(sorted(entry["values"].items())),
            value=_in_force(tuple(sorted(entry["values"].items())), day, name, str(path)),
        )
        for name, entry in dated.items()
    }


def _read_parameter(path: Path, name: str, entry: object) -> dict:
    where = f"parameter {name}"
    if not isinstance(entry, dict):
        raise RulesError(str(path), where, "a parameter must be a mapping of its fields")
    unknown = set(entry) - _FIELDS
    if unknown:
        raise RulesError(str(path), where, f"unknown field(s): {', '.join(sorted(unknown))}")
    for field in ("description", "reference"):
        if not isinstance(entry.get(field), str) or not entry[field].strip():
            raise RulesError(str(path), where, f"'{field}' must be non-empty text")
    if entry.get("unit") not in UNITS:
        raise RulesError(str(path), where, f"'unit' must be one of: {', '.join(UNITS)}")
    return dict(entry, values=_read_values(path, where, entry.get("values")))


def _read_values(path: Path, where: str, values: object) -> dict[dt.date, float | int]:
    if not isinstance(values, dict) or not values:
        raise RulesError(str(path), where, "'values' must map dates (YYYY-MM-DD) to numbers")
    read = {}
    for day, value in values.items():
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            raise RulesError(str(path), where, f"{day!r} is not a date (YYYY-MM-DD)")
        if not is_safe_number(value):
            raise RulesError(
                str(path), where, f"{value!r} must be a number with at most 4 decimal places"
            )
        read[day] = value
    return read


def _apply_override(path: Path, dated: dict[str, dict]) -> None:
    raw = read_yaml(path)
    if raw is None:
        return
    if not isinstance(raw, dict):
        raise RulesError(str(path), None, "the file must map parameter names to new values")
    for name, entry in raw.items():
        where = f"parameter {name}"
        if name not in dated:
            raise RulesError(str(path), where, "unknown parameter: it is not in parameters.yaml")
        if not isinstance(entry, dict) or "values" not in entry:
            raise RulesError(str(path), where, "an override must give 'values' keyed by date")
        unknown = set(entry) - _OVERRIDE_FIELDS
        if unknown:
            raise RulesError(str(path), where, f"unknown field(s): {', '.join(sorted(unknown))}")
        values = _read_values(path, where, entry["values"])
        latest = max(dated[name]["values"])
        hidden = [day for day in values if day < latest]
        if hidden:
            raise RulesError(
                str(path),
                where,
                f"the override dated {hidden[0].isoformat()} would be hidden by the default "
                f"from {latest.isoformat()}; date it on or after that",
            )
        dated[name]["values"] = {**dated[name]["values"], **values}
        if entry.get("reference"):
            dated[name]["reference"] = f"{dated[name]['reference']}; local: {entry['reference']}"


def _in_force(
    values: tuple[tuple[dt.date, float | int], ...], day: dt.date, name: str, file: str = "-"
) -> float | int:
    current = [value for start, value in values if start <= day]
    if not current:
        raise RulesError(file, f"parameter {name}", f"no value is in force on {day.isoformat()}")
    return current[-1]


def parameter_values(parameters: Mapping[str, Parameter]) -> dict[str, float | int]:
    """The value in force of every parameter, by name."""
    return {name: parameter.value for name, parameter in parameters.items()}


def parameters_table(parameters: Mapping[str, Parameter]) -> str:
    """The Markdown table of parameters and their values in force that docs/rules.md carries."""
    lines = ["| parameter | value | unit | meaning |", "|---|---|---|---|"]
    for parameter in parameters.values():
        meaning = " ".join(parameter.description.split())
        lines.append(f"| `{parameter.name}` | {parameter.value} | {parameter.unit} | {meaning} |")
    return "\n".join(lines) + "\n"
