"""Form fields whose conversion errors name the field, as the error-summary pattern needs."""

from decimal import Decimal, InvalidOperation

from govuk_frontend_wtf.wtforms_widgets import GovTextInput
from wtforms import (
    DecimalField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
)
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
    """A decimal field for money and shares that accepts £, commas and a minus sign, and names
    itself when what was typed is not a number ("£180,000", "-£1,250.50", "1,200")."""

    example = "1250.50"
    suffix = ""

    def process_formdata(self, valuelist: list[str]) -> None:
        """Read the number as typed; a blank is no answer."""
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        text = "".join(valuelist[0].split()).replace(",", "").replace("\u2212", "-")
        sign = "-" if text.startswith("-") else ""
        text = text.removeprefix("-").removeprefix("£")
        if self.suffix:
            text = text.removesuffix(self.suffix)
        try:
            value = Decimal(sign + text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            self.data = None
            raise ValueError(f"{self.label.text}: enter a number, like {self.example}")
        self.data = value


class PercentField(NumberField):
    """A number field for a percentage, which may be typed with its sign ("20%")."""

    example = "25%"
    suffix = "%"


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


class _NamesItsChoices:
    """Refuse an answer the page did not offer with a message that names the question."""

    def pre_validate(self, form) -> None:
        """WTForms' own check, with the question named in its message."""
        try:
            super().pre_validate(form)
        except ValidationError:
            raise ValidationError(f"{self.label.text}: choose from the options shown") from None


class ChoiceField(_NamesItsChoices, RadioField):
    """Radios whose refusal of an answer not offered names the question."""


class ListChoiceField(_NamesItsChoices, SelectField):
    """A select whose refusal of an answer not offered names the question."""


class ChoicesField(_NamesItsChoices, SelectMultipleField):
    """Checkboxes whose refusal of an answer not offered names the question."""


def response_period_field(hint: str) -> WholeNumberField:
    """How many working days a public body takes to decide a submission."""
    return WholeNumberField(
        "Response period in working days",
        widget=GovTextInput(),
        description=hint,
        default=40,
        validators=[
            InputRequired(message="Enter the response period in working days"),
            NumberRange(
                min=1, max=260, message="Response period must be between 1 and 260 working days"
            ),
        ],
    )
