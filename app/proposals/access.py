"""Loading a proposal only for members of its organisation."""

from collections.abc import Callable
from functools import wraps

from flask import abort, flash, redirect, url_for
from flask_login import current_user

from ..accounts.access import role_required
from ..accounts.models import Role
from .services import proposal_for_member


def member_proposal(editing: bool = False, lightly: bool = False) -> Callable:
    """Pass the member's proposal to the view; 404 for anyone else's; editing needs a draft;
    ``lightly`` loads it without its draft (for pages that show only submitted versions)."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        @role_required(Role.CSO)
        def wrapped(proposal_id: int, *args, **kwargs):
            proposal = proposal_for_member(proposal_id, current_user, lightly)
            if proposal is None:
                abort(404)
            if editing and not proposal.editable:
                flash(
                    f"This submission is {proposal.status.label.lower()}: it cannot be "
                    "changed now.",
                    "info",
                )
                return redirect(url_for("proposals.overview", proposal_id=proposal.id))
            return view(proposal, *args, **kwargs)

        return wrapped

    return decorate
