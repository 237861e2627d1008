"""Designed error pages; no stack trace is shown outside debug."""

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: ("There is a problem with your request", "Check what you entered and try again."),
    403: ("You do not have access to this page", "Sign in with an account that has access."),
    404: ("Page not found", "If you typed the web address, check it is correct."),
    405: ("This action is not allowed here", "Go back and try again from the page you were on."),
    413: ("The file or form is too large", "Send a smaller file: 1 MB at most."),
    429: ("Too many attempts", "Wait a minute, then try again."),
    500: ("Sorry, there is a problem with the service", "Try again later."),
}


def wants_json() -> bool:
    """API callers get JSON errors."""
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def render_error(code: int, detail: str | None = None):
    """The error page (or JSON body) for an HTTP status."""
    title, advice = MESSAGES.get(code, MESSAGES[500] if code >= 500 else MESSAGES[400])
    if wants_json():
        return {"error": title, "detail": detail or advice}, code
    return render_template(
        "errors/error.html", code=code, title=title, advice=detail or advice
    ), code


def init_app(app: Flask) -> None:
    """Register the handlers."""

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return render_error(
            400,
            "The form expired or was sent from elsewhere. Go back, "
            "reload the page and try again: what you typed may need re-entering.",
        )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return render_error(error.code or 500)

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        if isinstance(error, HTTPException):
            return http_error(error)
        if app.debug:
            raise error
        app.logger.exception("unhandled error")
        return render_error(500)
