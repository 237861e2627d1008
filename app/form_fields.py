"""Form fields whose conversion errors name the field, as the error-summary pattern needs."""

import re
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

WHOLE = re.compile(r"-?[0-9]{1,30}")


def _number_text(valuelist: list[str], prefix: str = "", suffix: str = "") -> str | None:
    """What was typed for a number as Python reads it: spaces and thousands commas gone, a
    typographic minus as "-", and the unit people write with it ("£180,000", "20%") taken off.
    None when nothing was typed."""
    if not valuelist or not valuelist[0].strip():
        return None
    text = "".join(valuelist[0].split()).replace(",", "").replace("\u2212", "-")
    sign = "-" if text.startswith("-") else ""
    text = text.removeprefix("-")
    if prefix:
        text = text.removeprefix(prefix)
    if suffix:
        text = text.removesuffix(suffix)
    return sign + text


class WholeNumberField(IntegerField):
    """An integer field that says which field was not a whole number ("1,200" is read)."""

    def __init__(self, *args, unreadable: str = "enter a whole number, like 12", **kwargs):
        super().__init__(*args, **kwargs)
        self.unreadable = unreadable

    def process_formdata(self, valuelist: list[str]) -> None:
        """Read the number as typed; a blank is no answer."""
        text = _number_text(valuelist)
        self.data = None
        if text is None:
            return
        if not WHOLE.fullmatch(text):
            raise ValueError(f"{self.label.text}: {self.unreadable}")
        self.data = int(text)


class NumberField(DecimalField):
    """A decimal field that reads numbers as people write them, and names itself when what was
    typed is not one. Money may be typed with £ ("£180,000", "-£1,250.50") and a percentage
    with its sign ("20%", "3.5%"); thousands commas and spaces are read everywhere."""

    prefix = "£"
    suffix = ""
    example = "1250.50"

    def __init__(self, *args, unreadable: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.unreadable = unreadable or f"enter a number, like {self.example}"

    def process_formdata(self, valuelist: list[str]) -> None:
        """Read the number as typed; a blank is no answer."""
        text = _number_text(valuelist, self.prefix, self.suffix)
        self.data = None
        if text is None:
            return
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            raise ValueError(f"{self.label.text}: {self.unreadable}")
        self.data = value


class PlainNumberField(NumberField):
    """A number field for counts and years, which have no unit to type ("1,200", "2.5")."""

    prefix = ""
    example = "1,200"


class PercentField(NumberField):
    """A number field for a percentage, which may be typed with its sign ("20%", "3.5%")."""

    prefix = ""
    suffix = "%"
    example = "25%"


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
