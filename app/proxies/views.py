"""The proxy library's pages: choosing an outcome's proxy, the public list, and the JSON API."""

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..extensions import limiter
from ..layout import pounds
from ..proposals import items, lifecycle
from ..proposals import services as proposals
from ..proposals.access import member_proposal
from ..proposals.forms import revision_of, version_of
from ..proposals.models import Proposal
from ..proposals.presenting import change_lines
from ..proposals.section_views import closed_message
from . import services
from .entry import KINDS, Entry
from .extension import proxy_library
from .forms import ChooseProxyForm

bp = Blueprint("proxies", __name__)

MAX_QUERY = 200
OUTCOME_GONE = "This outcome has been removed, so no value was applied to it."
UNKNOWN_ENTRY = "Choose a value from the library below."


def search_terms() -> tuple[str, str | None]:
    """The words searched for and the kind of value asked for (None: every kind)."""
    query = " ".join(request.args.get("q", "").split())[:MAX_QUERY]
    kind = request.args.get("kind") or None
    return query, kind if kind in KINDS else None


def applied(entry: Entry) -> str:
    """What the member is told once an entry is the outcome's proxy."""
    told = (
        f"This outcome's proxy is now {pounds(entry.value, entry.places)} "
        f"({entry.unit.lower()}, {entry.kind}) from the library: {entry.outcome}. Count the "
        "outcome's quantity in the same unit, and say whether the stakeholders agreed this value."
    )
    if services.price_year(entry) is None:
        return told + (
            f" Its source gives no plain price year ({entry.price_year}): find it in the "
            "source and add it with the value."
        )
    return told + f" Its prices are for {entry.price_year}: nothing was uprated."


@bp.route("/proposals/<int:proposal_id>/outcomes/<item_id>/proxy", methods=["GET", "POST"])
@member_proposal(editing=True)
def choose(proposal: Proposal, item_id: str):
    """Search the library and use one of its values as this outcome's proxy."""
    reopened = lifecycle.reopened_sections(proposal)
    if reopened is not None and services.OUTCOMES.key not in reopened:
        # a request for information reopened other sections only: the outcomes stay as sent
        request_open = lifecycle.open_request(proposal)
        flash(closed_message(proposal, services.OUTCOMES, request_open), "info")
        return redirect(url_for("proposals.overview", proposal_id=proposal.id))
    outcomes = url_for("sections.edit", proposal_id=proposal.id, key="outcomes")
    found = proposals.find_item(proposal, services.OUTCOMES, item_id)
    if found is None:
        flash(OUTCOME_GONE, "info")
        return redirect(outcomes)
    form = ChooseProxyForm()
    if not form.validate_on_submit():
        return choose_page(proposal, item_id, found[1])
    entry = proxy_library().get(form.entry.data or "")
    if entry is None:
        return choose_page(proposal, item_id, found[1], error=UNKNOWN_ENTRY, status=400)
    try:
        saved = services.choose(
            proposal, current_user, item_id, entry, revision_of(form), version_of(form)
        )
    except services.NotAnOutcomeValue as refusal:
        return choose_page(proposal, item_id, found[1], error=str(refusal), status=400)
    except proposals.ItemGone:
        flash(OUTCOME_GONE, "info")
        return redirect(outcomes)
    except proposals.StaleDraft as conflict:
        return choose_page(proposal, item_id, found[1], conflict=conflict, status=409)
    flash(applied(entry), "success")
    return redirect(
        url_for("sections.item", proposal_id=proposal.id, key="outcomes", item_id=saved or item_id)
    )


def choose_page(proposal, item_id, outcome, error=None, conflict=None, status=200):
    """The search, its results with a button for each usable one, and the outcome's proxy now."""
    query, kind = search_terms()
    library = proxy_library()
    shown = {"revision": proposal.revision, "item_version": items.fingerprint(outcome)}
    proxy = outcome.get("proxy") if isinstance(outcome.get("proxy"), dict) else {}
    value = proxy.get("value")
    number = isinstance(value, int | float) and not isinstance(value, bool)
    return render_template(
        "proxies/choose.html",
        proposal=proposal,
        item_id=item_id,
        outcome=outcome,
        proxy=proxy,
        current_value=pounds(value, 0 if float(value).is_integer() else 2) if number else None,
        library=library,
        entries=library.search(query, kind),
        query=query,
        kind=kind,
        kinds=KINDS,
        choice=ChooseProxyForm(formdata=None, data=shown),
        error=error,
        conflict=conflict,
        changes=change_lines(conflict.changes, current_user.id) if conflict else [],
    ), status


@bp.get("/proxies")
def index():
    """The whole library, searchable, with its sources, caveats and attribution."""
    query, kind = search_terms()
    library = proxy_library()
    return render_template(
        "proxies/index.html",
        library=library,
        entries=library.search(query, kind),
        query=query,
        kind=kind,
        kinds=KINDS,
    )


@bp.get("/api/v1/proxies")
@limiter.limit(lambda: current_app.config["RATELIMIT_CHECK"])
def api_search():
    """The entries matching ?q= (and ?kind=), best first, with the library's attribution."""
    query, kind = search_terms()
    if request.args.get("kind") and kind is None:
        message = f"kind must be one of {', '.join(KINDS)}"
        return {"errors": [{"path": "kind", "message": message}]}, 400
    library = proxy_library()
    found = library.search(query, kind)
    return {
        "attribution": library.attribution,
        "licence_url": library.licence_url,
        "count": len(found),
        "proxies": [entry.as_dict() for entry in found],
    }
