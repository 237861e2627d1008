"""The one exception a broken rules, parameters or curriculum file raises."""

from __future__ import annotations


class RulesError(Exception):
    """A rules, parameters or curriculum file cannot be used.

    The message names the file, the rule (or ``-`` when the problem is not in one rule) and
    the reason, e.g. ``rules/vfm.yaml: rule vfm.pbr-no-safeguards: unknown module id 'M9.9'``.
    """

    def __init__(self, file: str, rule: str | None, reason: str) -> None:
        self.file = file
        self.rule = rule or "-"
        self.reason = reason
        super().__init__(f"{file}: rule {self.rule}: {reason}")


class EngineError(RuntimeError):
    """The rules engine failed while checking a document (a defect, never a document problem)."""
