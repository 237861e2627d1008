"""What changed between two versions of a document, field by field (no Flask)."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Change:
    """One field that differs between two versions."""

    path: str
    before: Any
    after: Any


def flatten(node: Any, prefix: str = "") -> dict[str, Any]:
    """Every leaf value by its JSON Pointer; lists of plain values stay whole."""
    if isinstance(node, dict):
        flat: dict[str, Any] = {}
        for key, value in node.items():
            flat.update(flatten(value, f"{prefix}/{key}"))
        return flat or {prefix: {}}
    if isinstance(node, list) and any(isinstance(item, dict | list) for item in node):
        flat = {}
        for index, value in enumerate(node):
            flat.update(flatten(value, f"{prefix}/{index}"))
        return flat or {prefix: []}
    return {prefix: node}


def changes(before: dict, after: dict) -> list[Change]:
    """The fields added, removed or changed, in path order."""
    old, new = flatten(before), flatten(after)
    return [
        Change(path, old.get(path), new.get(path))
        for path in sorted(old.keys() | new.keys())
        if old.get(path) != new.get(path)
    ]


def shown(value: Any) -> str:
    """A value as a short text."""
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) or "(none)"
    text = str(value)
    return text if len(text) <= 300 else text[:297] + "…"
