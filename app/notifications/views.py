"""A person's notifications."""

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from . import services

bp = Blueprint("notifications", __name__, url_prefix="/notifications")


@bp.get("/", endpoint="index")
@login_required
def index():
    """The latest notifications; opening the page marks them read."""
    found = services.for_user(current_user)
    unread = {n.id for n in found if n.read_at is None}
    services.mark_read(current_user)
    return render_template("notifications/index.html", notifications=found, unread=unread)
