"""What a decision letter says, gathered once for its PDF (the commissioners' copy and the
organisation's) and for the page a commissioner confirms the decision from.

A letter cites the instrument the rejection grounds come from (``decision.grounds_citation``,
SI 2012/1647 regulation 4 and its Schedule); SI 2012/1313 governs what an expression of
interest contains, not the grounds for rejecting one, so a letter never cites it for them.
"""

from ..accounts.models import PublicBody
from ..links import external_url
from ..proposals.models import Proposal
from .models import Decision

NO_CONTACT = "Contact details not given"


def contact_lines(body: PublicBody) -> list[str]:
    """The body's address, email and telephone, one per line; empty when none was given."""
    lines = [line.strip() for line in (body.contact_address or "").splitlines() if line.strip()]
    if body.contact_email:
        lines.append(f"Email: {body.contact_email}")
    if body.contact_phone:
        lines.append(f"Telephone: {body.contact_phone}")
    return lines


def letter_context(proposal: Proposal, decision: Decision) -> dict:
    """Everything the letter template needs, for a decision made or about to be confirmed;
    the register entry's address is on SITE_URL, as in every email."""
    return {
        "proposal": proposal,
        "decision": decision,
        "contact": contact_lines(proposal.public_body),
        "no_contact": NO_CONTACT,
        "register_url": external_url("register.detail", proposal_id=proposal.id),
    }
