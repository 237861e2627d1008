"""Portfolio briefs and their rubrics: read from curriculum/model.yaml, and the marking rule
(pure).

A stage may ask for a short portfolio before its certificate is issued: an exercise answered
on the learner's own proposal or case, written against the stage's brief and marked by an
assessor against its rubric of 3 to 5 criteria, each *met* or *not yet met*. A portfolio
passes when every criterion is met; otherwise it is "not yet" and the learner may resubmit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .content import Criterion, PortfolioBrief, Problem

MIN_CRITERIA = 3
MAX_CRITERIA = 5
CRITERION_ID = re.compile(r"[a-z][a-z0-9-]{0,39}")


def read_portfolio(
    raw: Any, label: str, where: str, problems: list[Problem]
) -> PortfolioBrief | None:
    """A stage's portfolio brief and rubric, or None (with the problems) when it is unusable."""
    if not isinstance(raw, dict) or set(raw) != {"brief", "criteria"}:
        problems.append(
            Problem(label, f"{where}: the portfolio needs exactly 'brief' and 'criteria'")
        )
        return None
    found = len(problems)
    brief, entries = raw["brief"], raw["criteria"]
    if not (isinstance(brief, str) and brief.strip()):
        problems.append(Problem(label, f"{where}: the portfolio brief must be a non-empty text"))
    if not isinstance(entries, list) or not MIN_CRITERIA <= len(entries) <= MAX_CRITERIA:
        problems.append(
            Problem(
                label,
                f"{where}: the rubric needs {MIN_CRITERIA} to {MAX_CRITERIA} criteria",
            )
        )
        entries = entries if isinstance(entries, list) else []
    criteria = [_criterion(entry, label, where, problems) for entry in entries]
    ids = [criterion.id for criterion in criteria if criterion]
    for ident in sorted({ident for ident in ids if ids.count(ident) > 1}):
        problems.append(Problem(label, f"{where}: criterion id '{ident}' is used more than once"))
    if len(problems) > found:
        return None
    return PortfolioBrief(brief.strip(), tuple(criteria))


def _criterion(entry: Any, label: str, where: str, problems: list[Problem]) -> Criterion | None:
    if (
        not isinstance(entry, dict)
        or set(entry) != {"id", "text"}
        or not isinstance(entry["id"], str)
        or not CRITERION_ID.fullmatch(entry["id"])
        or not isinstance(entry["text"], str)
        or not entry["text"].strip()
    ):
        problems.append(
            Problem(
                label,
                f"{where}: each criterion needs an 'id' (lower case letters, digits and dashes) "
                f"and a 'text', and nothing else: {entry!r}",
            )
        )
        return None
    return Criterion(entry["id"], entry["text"].strip())


def passes(brief: PortfolioBrief, results: Mapping[str, bool]) -> bool:
    """Whether a marking passes: every criterion of the rubric is met."""
    return all(results.get(criterion.id) is True for criterion in brief.criteria)
