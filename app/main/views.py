"""Home page and health check."""

from flask import Blueprint, current_app, render_template
from flask_login import current_user
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..extensions import db

bp = Blueprint("main", __name__)


@bp.get("/")
def home():
    """What the platform is, and where each person goes next."""
    return render_template("main/home.html", user=current_user)


def database_state() -> dict:
    """Whether the database answers a query."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        db.session.rollback()
        return {"ok": False, "error": type(error).__name__}
    return {"ok": True, "dialect": db.engine.dialect.name}


@bp.get("/health")
def health():
    """JSON health report; 503 when a dependency is down."""
    checks = {"database": database_state()}
    for name, probe in current_app.extensions.get("health_probes", {}).items():
        checks[name] = probe()
    healthy = all(check["ok"] for check in checks.values())
    return {"status": "ok" if healthy else "unavailable", "checks": checks}, (
        200 if healthy else 503
    )
