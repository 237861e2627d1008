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


def overall_status(checks: dict[str, dict]) -> tuple[str, int]:
    """The status: ok; degraded (200) when only non-critical parts are down; else unavailable.

    A load balancer takes an unavailable instance out of service. A degraded one still
    serves every page (rate limits fall back to memory, jobs run inline), and every instance
    shares the same Redis, so taking them all out would turn degraded service into an outage:
    monitoring alerts on the status instead.
    """
    down = [check for check in checks.values() if not check["ok"]]
    if not down:
        return "ok", 200
    if all(check.get("critical") is False for check in down):
        return "degraded", 200
    return "unavailable", 503


@bp.get("/health")
def health():
    """JSON health report: 503 when a critical dependency is down, "degraded" otherwise."""
    checks = {"database": database_state()}
    for name, probe in current_app.extensions.get("health_probes", {}).items():
        checks[name] = probe()
    status, code = overall_status(checks)
    return {"status": status, "checks": checks}, code
