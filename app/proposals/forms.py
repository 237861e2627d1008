"""WTForms built from the section declarations, plus the start and import forms."""

from decimal import Decimal

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovCheckboxesInput,
    GovFileInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import (
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from ..form_fields import NameField, NumberField, WholeNumberField
from .sections import Field, Section

TEXT_MAX = 200
LONG_MAX = 20_000
LINES_MAX = 20_000
MONEY_MAX = Decimal("1000000000000")
YES_NO = [("yes", "Yes"), ("no", "No")]
COMPLETE_CHOICES = [
    ("yes", "Yes, I have completed this section"),
    ("no", "No, I will come back later"),
]


def _length(label: str, maximum: int) -> Length:
    return Length(max=maximum, message=f"{label}: use {maximum:,} characters or fewer")


def _range(label: str, low, high, unit: str = "") -> NumberRange:
    return NumberRange(
        min=low,
        max=high,
        # WTForms %-formats range messages, so a literal % must be doubled
        message=f"{label}: enter a number from {low:,}{unit} to {high:,}{unit}".replace("%", "%%"),
    )


NAME_QUESTIONS = frozenset({"title", "name"})


def build_field(spec: Field, stakeholders: list[tuple[str, str]]):
    """The WTForms field for one question."""
    label, hint = spec.label, spec.hint
    optional = [Optional()]
    match spec.kind:
        case "text":
            # names and titles are read as someone's identity: normalised, nothing hidden
            text_field = NameField if spec.name in NAME_QUESTIONS else StringField
            return text_field(
                label,
                description=hint,
                widget=GovTextInput(),
                validators=optional + [_length(label, TEXT_MAX)],
            )
        case "longtext":
            return TextAreaField(
                label,
                description=hint,
                widget=GovCharacterCount(),
                validators=optional + [_length(label, LONG_MAX)],
            )
        case "lines":
            return TextAreaField(
                label,
                description=hint,
                widget=GovCharacterCount(),
                validators=optional + [_length(label, LINES_MAX)],
            )
        case "money":
            return NumberField(
                label,
                description=hint,
                widget=GovTextInput(),
                validators=optional + [_range(label, 0, MONEY_MAX)],
            )
        case "number":
            return NumberField(
                label,
                description=hint,
                widget=GovTextInput(),
                validators=optional + [_range(label, 0, MONEY_MAX)],
            )
        case "years":
            return NumberField(
                label,
                description=hint,
                widget=GovTextInput(),
                validators=optional + [_range(label, Decimal("0.1"), 25)],
            )
        case "whole":
            return WholeNumberField(
                label,
                description=hint,
                widget=GovTextInput(),
                validators=optional + [_range(label, 0, 100_000_000)],
            )
        case "percent":
            return NumberField(
                label,
                description=hint,
                widget=GovTextInput(),
                validators=optional + [_range(label, 0, 100, "%")],
            )
        case "choice":
            return RadioField(
                label,
                description=hint,
                widget=GovRadioInput(),
                choices=list(spec.choices),
                validators=optional,
            )
        case "yesno":
            return RadioField(
                label, description=hint, widget=GovRadioInput(), choices=YES_NO, validators=optional
            )
        case "multi":
            return SelectMultipleField(
                label,
                description=hint,
                widget=GovCheckboxesInput(),
                choices=list(spec.choices),
                validators=optional,
            )
        case "stakeholder":
            return SelectField(
                label,
                description=hint,
                widget=GovSelect(),
                choices=[("", "Choose a stakeholder")] + stakeholders,
                validators=optional,
            )
        case "stakeholders":
            return SelectMultipleField(
                label,
                description=hint,
                widget=GovCheckboxesInput(),
                choices=stakeholders,
                validators=optional,
            )
    raise ValueError(f"unknown field kind {spec.kind}")


def revision_of(form) -> int:
    """The draft revision a form was loaded at (0 when it is missing or not a revision)."""
    text = str(form.revision.data or "")
    return int(text) if text.isdigit() and len(text) <= 9 else 0


def version_of(form) -> str:
    """The fingerprint of the item a form was loaded with ("" when there is none)."""
    text = str(form["item_version"].data or "") if "item_version" in form else ""
    return text if len(text) <= 64 else ""


class SectionFormBase(FlaskForm):
    """Every section page carries the draft revision it was loaded at."""

    revision = HiddenField()
    submit = SubmitField("Save and continue", widget=GovSubmitInput())


def section_form_class(
    section: Section, kind: str, stakeholders: list[tuple[str, str]], with_completion: bool
) -> type[SectionFormBase]:
    """A form class with one field per question of the section."""
    attributes = {spec.name: build_field(spec, stakeholders) for spec in section.fields_for(kind)}
    if section.repeating:
        # the item's answers as the page showed them, so a save sees whether they changed since
        attributes["item_version"] = HiddenField()
    if with_completion:
        attributes["completed"] = RadioField(
            "Have you completed this section?",
            widget=GovRadioInput(),
            choices=COMPLETE_CHOICES,
            validators=[Optional()],
        )
    return type(f"{section.key.title()}Form", (SectionFormBase,), attributes)


class CompletionForm(FlaskForm):
    """Mark a list section complete or not."""

    revision = HiddenField()
    completed = RadioField(
        "Have you completed this section?",
        widget=GovRadioInput(),
        choices=COMPLETE_CHOICES,
        validators=[InputRequired(message="Select whether you have completed this section")],
    )
    submit = SubmitField("Save and return to the task list", widget=GovSubmitInput())


class RemoveForm(FlaskForm):
    """Confirm removing an item, as the confirmation page showed it."""

    revision = HiddenField()
    item_version = HiddenField()
    submit = SubmitField("Confirm", widget=GovSubmitInput())


class StartForm(FlaskForm):
    """Start a submission: challenge or propose, to which public body."""

    kind = RadioField(
        "What do you want to do?",
        widget=GovRadioInput(),
        choices=[
            ("challenge", "Challenge a service the public body runs today (right to challenge)"),
            ("propose", "Propose a service that is missing or fragmented (right to propose)"),
        ],
        validators=[InputRequired(message="Select whether you want to challenge or propose")],
    )
    public_body_id = SelectField(
        "Public body the submission goes to",
        widget=GovSelect(),
        coerce=int,
        validators=[InputRequired(message="Select the public body")],
    )
    title = NameField(
        "Title",
        widget=GovTextInput(),
        description="A short name a commissioner will recognise.",
        validators=[
            InputRequired(message="Enter a title"),
            Length(min=3, max=200, message="Title must be between 3 and 200 characters"),
        ],
    )
    submit = SubmitField("Start", widget=GovSubmitInput())


class ImportForm(FlaskForm):
    """Import a proposal document from a JSON file."""

    public_body_id = SelectField(
        "Public body the submission goes to",
        widget=GovSelect(),
        coerce=int,
        validators=[InputRequired(message="Select the public body")],
    )
    file = FileField("Proposal document (JSON, 1 MB at most)", widget=GovFileInput())
    submit = SubmitField("Import", widget=GovSubmitInput())


class SubmitForm(FlaskForm):
    """Submit the checked answers."""

    revision = HiddenField()
    submit = SubmitField("Submit to the public body", widget=GovSubmitInput())
