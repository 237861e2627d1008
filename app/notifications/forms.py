"""Forms for the notifications and outbox pages."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSubmitInput
from wtforms import RadioField, SubmitField
from wtforms.validators import AnyOf, InputRequired

from .models import EmailChoice


class SendNowForm(FlaskForm):
    """A button with only CSRF protection: send one unsent email now."""


class EmailChoiceForm(FlaskForm):
    """How often the person wants email about their notifications."""

    email = RadioField(
        "Email me",
        widget=GovRadioInput(),
        choices=[
            (EmailChoice.EACH.value, "Each time"),
            (EmailChoice.DAILY.value, "Once a day"),
        ],
        validate_choice=False,
        validators=[
            InputRequired(message="Select how often you want an email"),
            AnyOf([c.value for c in EmailChoice], message="Select how often you want an email"),
        ],
    )
    submit = SubmitField("Save", widget=GovSubmitInput())


class MarkAllReadForm(FlaskForm):
    """A button with only CSRF protection: mark every notification read."""
