"""The task-list sections of a submission, in order, and where each document field is asked.

The questions themselves are declared in ``areas/``, one module per area of the case; this
module puts them in task-list order. No Flask.
"""

from .areas.delivery import (
    DECOMMISSIONING,
    EQUALITIES,
    JUDGEMENTS,
    MONITORING,
    PBR,
    PBR_MEASURES,
    VFM,
)
from .areas.impact import INPUTS, OUTCOMES, SAVINGS, STAKEHOLDERS
from .areas.need import EVIDENCE, NEED, OPTIONS
from .areas.organisation import (
    ABOUT,
    CONSORTIUM,
    CONTRACT,
    EXPRESSION_OF_INTEREST,
    ORGANISATION,
    SERVICE,
)
from .questions import Field, Page, Path, Section

__all__ = ["BY_KEY", "SECTIONS", "Field", "Page", "Path", "Section"]

SECTIONS: tuple[Section, ...] = (
    ABOUT,
    ORGANISATION,
    SERVICE,
    EXPRESSION_OF_INTEREST,
    CONSORTIUM,
    CONTRACT,
    EVIDENCE,
    NEED,
    OPTIONS,
    STAKEHOLDERS,
    OUTCOMES,
    INPUTS,
    SAVINGS,
    PBR,
    PBR_MEASURES,
    VFM,
    MONITORING,
    DECOMMISSIONING,
    EQUALITIES,
    JUDGEMENTS,
)

BY_KEY = {section.key: section for section in SECTIONS}


def sections_for(kind: str) -> tuple[Section, ...]:
    """The sections a challenge or a proposal has."""
    return tuple(s for s in SECTIONS if kind in s.kinds)


def section_for_path(pointer: str, kind: str) -> Section | None:
    """The section whose page edits a JSON Pointer of the document (for linking findings)."""
    parts = [p for p in pointer.split("/") if p]
    best: tuple[int, Section | None] = (0, None)
    for section in sections_for(kind):
        candidates = [section.list_path] if section.list_path else []
        candidates += [f.path for f in section.fields if f.path and not section.list_path]
        if section.optional_object:
            candidates.append(section.optional_object)
        for path in candidates:
            if path and tuple(parts[: len(path)]) == path and len(path) > best[0]:
                best = (len(path), section)
    return best[1]
