"""The curriculum the app loaded at start-up, for the training pages."""

from flask import current_app

from .content import Curriculum


def current_curriculum() -> Curriculum:
    """The curriculum loaded at start-up (``app.extensions["curriculum"]``)."""
    return current_app.extensions["curriculum"]
