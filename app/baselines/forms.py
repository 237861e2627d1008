"""The form a commissioner publishes a service baseline with."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovDateInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import (
    DateField,
    EmailField,
    FieldList,
    FormField,
    RadioField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Email, InputRequired, Length, NumberRange, Optional

from ..form_fields import NameField, NumberField
from .models import COST_BASES, PROVIDERS

MOST_OUTCOMES = 8


class OutcomeRow(FlaskForm):
    """One outcome the service creates and how it is measured."""

    class Meta:
        csrf = False

    description = StringField(
        "Outcome",
        widget=GovTextInput(),
        validators=[Length(max=2000, message="Outcome: use 2,000 characters or fewer")],
    )
    indicator = StringField(
        "How it is measured",
        widget=GovTextInput(),
        validators=[Length(max=2000, message="How it is measured: use 2,000 characters or fewer")],
    )


class BaselineForm(FlaskForm):
    """Publish or change what a service costs and creates."""

    name = NameField(
        "Service name",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the service's name"),
            Length(max=200, message="Service name must be 200 characters or fewer"),
        ],
    )
    description = TextAreaField(
        "What the service does",
        widget=GovCharacterCount(),
        validators=[
            Length(max=20000, message="What the service does: use 20,000 characters or fewer")
        ],
    )
    provider_kind = RadioField(
        "Who runs it?",
        widget=GovRadioInput(),
        choices=list(PROVIDERS.items()),
        validators=[InputRequired(message="Select who runs the service")],
    )
    provider_name = StringField(
        "Provider's name (if bought from a provider)",
        widget=GovTextInput(),
        validators=[Length(max=200, message="Provider's name must be 200 characters or fewer")],
    )
    annual_cost = NumberField(
        "Annual cost",
        widget=GovTextInput(),
        description="In pounds a year, for example 180,000. Leave blank only if it cannot be "
        "published: the register shows that as a transparency gap.",
        validators=[
            Optional(),
            NumberRange(
                min=0, max=10**12, message="Annual cost must be between £0 and £1 trillion"
            ),
        ],
    )
    cost_basis = RadioField(
        "What the cost includes",
        widget=GovRadioInput(),
        choices=list(COST_BASES.items()),
        validators=[Optional()],
    )
    cost_note = TextAreaField(
        "How the cost is worked out (optional)",
        widget=GovCharacterCount(),
        validators=[
            Length(max=5000, message="How the cost is worked out: use 5,000 characters or fewer")
        ],
    )
    outcomes = FieldList(
        FormField(OutcomeRow), min_entries=MOST_OUTCOMES, max_entries=MOST_OUTCOMES
    )
    contract_end = DateField(
        "When the current contract ends (optional)",
        widget=GovDateInput(),
        format=["%d %m %Y", "%Y-%m-%d"],
        validators=[Optional()],
    )
    contact_name = StringField(
        "Contact name",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter who to contact about the service"),
            Length(max=200, message="Contact name must be 200 characters or fewer"),
        ],
    )
    contact_email = EmailField(
        "Contact email address",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the contact's email address"),
            Email(message="Enter an email address in the correct format, like name@example.gov.uk"),
            Length(max=254, message="Contact email address must be 254 characters or fewer"),
        ],
    )
    submit = SubmitField("Publish", widget=GovSubmitInput())

    def validate(self, extra_validators=None) -> bool:
        """The provider's name is needed when the service is bought."""
        valid = super().validate(extra_validators)
        if self.provider_kind.data == "named" and not (self.provider_name.data or "").strip():
            self.provider_name.errors = [*self.provider_name.errors, "Enter the provider's name"]
            valid = False
        if self.annual_cost.data is not None and not self.cost_basis.data:
            self.cost_basis.errors = [*self.cost_basis.errors, "Select what the cost includes"]
            valid = False
        return valid
