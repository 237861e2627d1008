"""Admin forms."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import BooleanField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length

from ..accounts.forms import ORGANISATION_TYPE_CHOICES
from ..accounts.models import ROLE_LABELS
from ..form_fields import NameField, response_period_field


class UserForm(FlaskForm):
    """Change a person's role, affiliation, whether they may sign in and whether they assess
    training portfolios."""

    role = RadioField(
        "Role",
        widget=GovRadioInput(),
        choices=[(role.value, label) for role, label in ROLE_LABELS.items()],
        validators=[InputRequired(message="Select a role")],
    )
    organisation_id = SelectField("Organisation (for CSO members)", widget=GovSelect(), coerce=int)
    public_body_id = SelectField("Public body (for commissioners)", widget=GovSelect(), coerce=int)
    active = BooleanField("Account is active and may sign in", widget=GovCheckboxInput())
    assessor = BooleanField(
        "Assessor: may mark other people's training portfolios",
        widget=GovCheckboxInput(),
        description="An assessor never marks their own portfolio.",
    )
    submit = SubmitField("Save changes", widget=GovSubmitInput())


class OrganisationForm(FlaskForm):
    """Register a civil society organisation."""

    name = NameField(
        "Organisation name",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the organisation's name"),
            Length(max=200, message="Organisation name must be 200 characters or fewer"),
        ],
    )
    type = RadioField(
        "Type of organisation",
        widget=GovRadioInput(),
        choices=ORGANISATION_TYPE_CHOICES,
        validators=[InputRequired(message="Select the type of organisation")],
    )
    registration_number = StringField(
        "Registration number (optional)",
        widget=GovTextInput(),
        validators=[Length(max=50, message="Registration number must be 50 characters or fewer")],
    )
    submit = SubmitField("Add organisation", widget=GovSubmitInput())


class PublicBodyForm(FlaskForm):
    """Register a public body."""

    name = NameField(
        "Public body name",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the public body's name"),
            Length(max=200, message="Public body name must be 200 characters or fewer"),
        ],
    )
    response_period_days = response_period_field(
        "In working days: Monday to Friday, leaving out bank holidays in England and Wales."
    )
    submit = SubmitField("Add public body", widget=GovSubmitInput())


class SecondFactorResetForm(FlaskForm):
    """Take away a person's second factor, saying why (kept in the account's log)."""

    reason = TextAreaField(
        "Why are you resetting it?",
        widget=GovTextArea(),
        description="For example, how you checked it is really them asking. The person sees "
        "this in their account's activity.",
        validators=[
            InputRequired(message="Enter why you are resetting the second factor"),
            Length(max=500, message="The reason must be 500 characters or fewer"),
        ],
    )
