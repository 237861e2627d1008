"""The assurance statement form."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovDateInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import DateField, RadioField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length

from .models import CONCLUSIONS


class StatementForm(FlaskForm):
    """Record who verified it, against what, when, over what scope, and the conclusion."""

    organisation = StringField(
        "Your organisation",
        widget=GovTextInput(),
        description="The assurance provider you sign for, for example an independent assurer.",
        validators=[
            InputRequired(message="Enter the organisation you sign for"),
            Length(max=200, message="Your organisation must be 200 characters or fewer"),
        ],
    )
    standard = StringField(
        "Standard assured against",
        widget=GovTextInput(),
        description="For example: Social Value International assurance standard; "
        "AA1000 Assurance Standard v3; ISAE 3000 (Revised).",
        validators=[
            InputRequired(message="Enter the standard you assured against"),
            Length(max=200, message="Standard assured against must be 200 characters or fewer"),
        ],
    )
    verified_on = DateField(
        "Date the assurance was completed",
        widget=GovDateInput(),
        format=["%d %m %Y", "%Y-%m-%d"],
        description="For example, 27 3 2027",
        validators=[InputRequired(message="Enter the date the assurance was completed")],
    )
    scope = TextAreaField(
        "Scope",
        widget=GovCharacterCount(),
        description="What was verified (figures, periods, outcomes, evidence) and what was not.",
        validators=[
            InputRequired(message="Enter the scope of the assurance"),
            Length(min=20, max=5000, message="Scope: use between 20 and 5,000 characters"),
        ],
    )
    conclusion = RadioField(
        "Conclusion",
        widget=GovRadioInput(),
        choices=list(CONCLUSIONS.items()),
        validators=[InputRequired(message="Select your conclusion")],
    )
    detail = TextAreaField(
        "Exceptions and other findings (optional)",
        widget=GovCharacterCount(),
        validators=[
            Length(
                max=10000, message="Exceptions and other findings: use 10,000 characters or fewer"
            )
        ],
    )
    submit = SubmitField("Publish the statement", widget=GovSubmitInput())

    def validate(self, extra_validators=None) -> bool:
        """Exceptions must be set out when the conclusion has them."""
        valid = super().validate(extra_validators)
        if (
            self.conclusion.data in ("exceptions", "not_assured")
            and not (self.detail.data or "").strip()
        ):
            self.detail.errors = [*self.detail.errors, "Set out the exceptions or findings"]
            valid = False
        return valid
