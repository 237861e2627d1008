"""This browser's side of a session: the token in Flask's session cookie, set and cleared.

Kept apart from the views so that every page that signs a browser in or out does it the same
way: signing in clears the old session first (a new CSRF token, nothing planted kept).
"""

from flask import current_app, g, request, session
from flask_login import login_user, logout_user

from . import sessions
from .models import User, utcnow

SESSION_KEY = "session_token"


def this_token() -> str | None:
    """The session token this browser carries, if any."""
    token = session.get(SESSION_KEY)
    return token if isinstance(token, str) else None


def clear_session() -> None:
    """Empty the session, and forget the CSRF token this request took from it."""
    session.clear()
    # Flask-WTF keeps the token it made from the session in g for the rest of the request
    g.pop(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token"), None)


def sign_in(user: User) -> None:
    """Sign this browser in afresh, ending the session it had before."""
    previous = this_token()
    clear_session()
    session[SESSION_KEY] = sessions.start_session(
        user, request.user_agent.string, utcnow(), replacing=previous
    )
    login_user(user)


def forget() -> None:
    """Sign this browser out and forget everything in its session."""
    logout_user()
    clear_session()
