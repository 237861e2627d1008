"""The glossary, the guide to the rights, and the accessibility, privacy, cookie and contact
pages."""

from flask import Blueprint, current_app, render_template

from ..triage.grounds import GROUNDS, GROUNDS_CITATION
from . import glossary as glossary_terms

bp = Blueprint("help", __name__)


@bp.get("/glossary")
def glossary():
    """Every term the service uses, defined in a sentence or two, A to Z."""
    return render_template("help/glossary.html", groups=glossary_terms.by_letter())


@bp.get("/guidance/rights")
def rights():
    """A guide to the right to challenge and the right to propose, and how the service helps."""
    return render_template(
        "help/rights.html", grounds=list(GROUNDS.values()), grounds_citation=GROUNDS_CITATION
    )


@bp.get("/accessibility")
def accessibility():
    """The accessibility statement."""
    return render_template("help/accessibility.html", support_email=support_email())


@bp.get("/privacy")
def privacy():
    """The privacy notice: what personal data the service holds, why, and people's rights."""
    return render_template("help/privacy.html", support_email=support_email())


@bp.get("/cookies")
def cookies():
    """The cookies the service sets."""
    config = current_app.config
    return render_template(
        "help/cookies.html",
        session_cookie=config["SESSION_COOKIE_NAME"],
        support_email=support_email(),
    )


@bp.get("/contact")
def contact():
    """How to get help."""
    return render_template("help/contact.html", support_email=support_email())


def support_email() -> str:
    """The address people write to for help."""
    return current_app.config["SUPPORT_EMAIL"]
