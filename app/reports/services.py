"""The PDFs of a submission: served from the store when current, rendered when not.

``current_pdf`` is what a download gets: the PDF kept under the key of what the document
shows now, or, when none is kept yet (its job not done, the store emptied), one rendered on
the spot and kept. A stale PDF is never served, whatever the job queue did or did not do.
``render_missing`` renders and keeps whatever is not current; the jobs and the inline
preparation after each action call it.
"""

from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..proposals.models import Proposal
from ..triage.models import Decision
from .documents import KINDS, Source, rendering_context, source
from .pdf import render_as_pdf
from .store import keep_pdf, kept_pdf


def rendered(found: Source) -> bytes:
    """The PDF of ``found``, rendered now."""
    return render_as_pdf(found.html, found.base_url)


def current_pdf(proposal: Proposal, kind: str) -> bytes | None:
    """The submission's ``kind`` of PDF as it stands now, kept or freshly rendered and kept;
    None when it has none (no decision yet, for a letter)."""
    proposal_id = proposal.id
    found = source(proposal, kind)
    if found is None:
        return None
    pdf = kept_pdf(proposal_id, kind, found.key)
    if pdf is None:
        pdf = rendered(found)
        keep_pdf(proposal_id, kind, found.key, pdf)
    return pdf


def render_missing(proposal_id: int) -> list[str]:
    """Render and keep each PDF of a submission that is not kept as it stands now; the kinds
    rendered (none for a submission that is gone, or a draft)."""
    rendered_kinds = []
    with rendering_context():
        for kind in KINDS:
            proposal = db.session.get(Proposal, proposal_id)
            found = source(proposal, kind) if proposal is not None else None
            if found is None or kept_pdf(proposal_id, kind, found.key) is not None:
                continue
            keep_pdf(proposal_id, kind, found.key, rendered(found))
            rendered_kinds.append(kind)
    return rendered_kinds


def decided_proposal_ids(public_body_id: int) -> list[int]:
    """The submissions to a body that have a decision letter, newest decision first."""
    query = (
        select(Decision.proposal_id)
        .join(Proposal, Proposal.id == Decision.proposal_id)
        .where(Proposal.public_body_id == public_body_id)
        .order_by(Decision.decided_at.desc(), Decision.id.desc())
    )
    return list(db.session.scalars(query))
