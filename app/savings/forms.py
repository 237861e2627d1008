"""The form a body's commissioner answers a saving line with."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import RadioField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from ..form_fields import NumberField

CHOICES = [
    ("confirmed", "Confirm: the saving is right"),
    ("adjusted", "Adjust: the saving is a different amount"),
    ("disputed", "Dispute: the body would not save this"),
]


class AnswerForm(FlaskForm):
    """Confirm, adjust or dispute a saving, with a reason."""

    status = RadioField(
        "What does your body say about this saving?",
        widget=GovRadioInput(),
        choices=CHOICES,
        validators=[InputRequired(message="Select whether you confirm, adjust or dispute it")],
    )
    adjusted_value = NumberField(
        "The annual saving your body expects (if you adjust it)",
        widget=GovTextInput(),
        description="In pounds a year, for example £180,000",
        unreadable="enter an amount in pounds, like £180,000",
        validators=[
            Optional(),
            NumberRange(
                min=0,
                max=10**12,
                message="The annual saving must be between £0 and £1 trillion",
            ),
        ],
    )
    reason = TextAreaField(
        "Reason",
        widget=GovCharacterCount(),
        description="Needed when you adjust or dispute the saving",
        validators=[Length(max=5000, message="Reason: use 5,000 characters or fewer")],
    )
    submit = SubmitField("Send answer", widget=GovSubmitInput())

    def validate(self, extra_validators=None) -> bool:
        """An adjustment needs its figure; an adjustment or a dispute needs a reason."""
        valid = super().validate(extra_validators)
        if self.status.data == "adjusted" and self.adjusted_value.data is None:
            if not self.adjusted_value.errors:
                self.adjusted_value.errors = [
                    *self.adjusted_value.errors,
                    "Enter the annual saving your body expects",
                ]
            valid = False
        if self.status.data in {"adjusted", "disputed"} and not (self.reason.data or "").strip():
            self.reason.errors = [*self.reason.errors, "Enter the reason for your answer"]
            valid = False
        return valid
