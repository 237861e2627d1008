"""Form fields whose conversion errors name the field, as the error-summary pattern needs."""

from decimal import Decimal, InvalidOperation

from govuk_frontend_wtf.wtforms_widgets import GovTextInput
from wtforms import DecimalField, IntegerField, StringField
from wtforms.validators import InputRequired, NumberRange, ValidationError

from .names import UnsafeName, clean_name


class WholeNumberField(IntegerField):
    """An integer field that says which field was not a whole number."""

    def process_formdata(self, valuelist: list[str]) -> None:
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        text = valuelist[0].strip().replace(",", "")
        try:
            self.data = int(text)
        except ValueError:
            self.data = None
            raise ValueError(f"{self.label.text}: enter a whole number, like 12") from None


class NumberField(DecimalField):
    """A decimal field for money and shares that accepts £ and commas and names itself."""

    def process_formdata(self, valuelist: list[str]) -> None:
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        text = valuelist[0].strip().replace(",", "").removeprefix("£")
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            self.data = None
            raise ValueError(f"{self.label.text}: enter a number, like 1250.50")
        self.data = value


class NameField(StringField):
    """A name or title people read as someone's: NFKC-normalised, with hidden characters refused.

    The typed text stays in the field when it is refused, so nothing is lost.
    """

    def pre_validate(self, form) -> None:
        """Refuse invisible and direction-changing characters, naming the field."""
        try:
            cleaned = clean_name(self.data or "")
        except UnsafeName as problem:
            raise ValidationError(f"{self.label.text} {problem}") from None
        self.data = cleaned


def response_period_field(hint: str) -> WholeNumberField:
    """How many days a public body takes to decide a submission."""
    return WholeNumberField(
        "Response period in days",
        widget=GovTextInput(),
        description=hint,
        default=56,
        validators=[
            InputRequired(message="Enter the response period in days"),
            NumberRange(min=1, max=365, message="Response period must be between 1 and 365 days"),
        ],
    )
