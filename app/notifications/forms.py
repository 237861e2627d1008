"""Forms for the outbox page."""

from flask_wtf import FlaskForm


class SendNowForm(FlaskForm):
    """A button with only CSRF protection: send one unsent email now."""
