"""Designed error pages; no stack trace is shown outside debug.

Every handler first rolls the database session back, so a failed transaction can never
break the error page itself. Lost races answer 409 and an unavailable database 503, each
with what to do next, instead of the generic 500.
"""

from flask import Flask, Response, current_app, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, SecurityError

from .database import is_lost_race, is_unavailable
from .extensions import db

MESSAGES = {
    400: ("There is a problem with your request", "Check what you entered and try again."),
    403: ("You do not have access to this page", "Sign in with an account that has access."),
    404: ("Page not found", "If you typed the web address, check it is correct."),
    405: ("This action is not allowed here", "Go back and try again from the page you were on."),
    409: (
        "Someone else changed this at the same time",
        "Go back and reload the page to see the latest version, then try again if it is "
        "still needed.",
    ),
    413: ("The file or form is too large", "Send a smaller file: {limit} at most."),
    429: ("Too many attempts", "Wait a minute, then try again."),
    500: ("Sorry, there is a problem with the service", "Try again later."),
    503: (
        "Sorry, the service is busy",
        "The service cannot save or read data at the moment. Nothing was changed: wait a "
        "minute, then go back and try again.",
    ),
}

UNTRUSTED_HOST = "Bad request: this service does not answer for the host name that was asked for.\n"


def wants_json() -> bool:
    """API callers get JSON errors."""
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def size_limit() -> str:
    """The largest request the site accepts, as people read sizes."""
    limit = current_app.config.get("MAX_CONTENT_LENGTH") or 0
    return f"{limit / (1024 * 1024):g} MB" if limit else "the size limit"


def render_error(code: int, detail: str | None = None):
    """The error page (or JSON body) for an HTTP status, with the person's own advice if any."""
    title, advice = MESSAGES.get(code, MESSAGES[500] if code >= 500 else MESSAGES[400])
    advice = detail or advice.format(limit=size_limit())
    if wants_json():
        return {"error": title, "detail": advice}, code
    return render_template("errors/error.html", code=code, title=title, advice=advice), code


def _own_description(error: HTTPException) -> str | None:
    """A description given where the error was raised, not werkzeug's stock text."""
    stock = type(error).description
    return error.description if error.description and error.description != stock else None


def init_app(app: Flask) -> None:
    """Register the handlers."""

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        db.session.rollback()
        return render_error(
            400,
            "The form expired or was sent from elsewhere. Go back, "
            "reload the page and try again: what you typed may need re-entering.",
        )

    @app.errorhandler(SecurityError)
    def untrusted_host(error: SecurityError):
        # no page of the site can be built for a host it does not answer for (no URL adapter)
        return Response(UNTRUSTED_HOST, 400, mimetype="text/plain")

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        db.session.rollback()
        return render_error(error.code or 500, _own_description(error))

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        if isinstance(error, HTTPException):
            return http_error(error)
        db.session.rollback()
        if is_lost_race(error):
            app.logger.warning("lost race: %s", type(error).__name__)
            return render_error(409)
        if is_unavailable(error):
            app.logger.error("database unavailable: %s", error)
            body, code = render_error(503)
            return body, code, {"Retry-After": "60"}
        if app.debug:
            raise error
        app.logger.exception("unhandled error")
        return render_error(500)
