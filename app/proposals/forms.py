"""WTForms built from the question declarations, plus the start and import forms.

Each question's limits are the format's own, read from the JSON Schema (``schema_rules.py``),
so an answer a page accepts is one the draft can hold.
"""

from dataclasses import replace
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
    GovTextArea,
    GovTextInput,
)
from wtforms import HiddenField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Optional

from ..form_fields import (
    ChoiceField,
    ChoicesField,
    ListChoiceField,
    NameField,
    NumberField,
    PercentField,
    PlainNumberField,
    WholeNumberField,
)
from .hints import glossary_hint
from .kinds import OTHER, Choices, part_names
from .questions import Field, Page, Section
from .schema_rules import Limits, limits_at
from .validators import Lines, Link, Pattern, Range, TextLength, number_text
from .wording import enter_number

TEXT_MAX = 200  # a one-line answer's length where the format sets none
LONG_MAX = 20_000  # a longer answer's length where the format sets none
YES_NO = [("yes", "Yes"), ("no", "No")]
COMPLETE_CHOICES = [
    ("yes", "Yes, I have completed this section"),
    ("no", "No, I will come back later"),
]
NAME_QUESTIONS = frozenset({"title", "name"})
# where the format sets no range: (lowest, highest, whether the lowest is itself refused)
DEFAULT_RANGES = {
    "money": (0, Decimal("1e12"), False),
    "amount": (Decimal("-1e12"), Decimal("1e12"), False),
    "number": (0, Decimal("1e12"), False),
    "years": (0, 25, True),
    "whole": (0, 1_000_000_000, False),
    "percent": (0, 1, False),
}
# the input each kind of number is typed in: money with £, a percentage with %, a count plain
NUMBER_FIELDS = {
    "money": NumberField,
    "amount": NumberField,
    "number": PlainNumberField,
    "years": PlainNumberField,
    "whole": WholeNumberField,
    "percent": PercentField,
}
FIRST_OPTION = {
    "stakeholder": "Choose a stakeholder",
    "outcome": "None",
    "public_body": "Choose a public body",
}


def question_fields(section: Section, spec: Field, choices: Choices) -> dict:
    """The form inputs that answer one question, by name (several for a compound question)."""
    where = section.schema_path(spec)
    match spec.kind:
        case "quantities":
            each = limits_at((*where, "*", "quantity"))
            return {
                name: _number(label, "", "number", each)
                for name, (_, label) in zip(
                    part_names(spec, choices), choices.outcomes, strict=True
                )
            }
        case "characteristics":
            note = limits_at((*where, "*", "note"))
            fields = {}
            for key, label in spec.parts:
                fields[f"{spec.name}-{key}-effect"] = _choice(label, "", list(spec.choices))
                fields[f"{spec.name}-{key}-note"] = _text(
                    TextAreaField, f"Why, for {label.lower()}", "", note, LONG_MAX
                )
            return fields
        case "public_bodies":
            limits = limits_at(where)
            return {
                spec.name: _checkboxes(spec.label, glossary_hint(spec.hint), choices.of(spec)),
                f"{spec.name}-{OTHER}": TextAreaField(
                    "Other public bodies",
                    description="Bodies not listed on Valuecase, one per line.",
                    widget=GovTextArea(),
                    validators=[Optional(), Lines("Other public bodies", limits)],
                ),
            }
    limits = limits_at(where)
    if spec.name == section.id_from:
        # an item is known by the answer its id is made from, so it cannot be left blank
        limits = replace(limits, min_length=max(limits.min_length, 1))
    return {spec.name: build_field(spec, limits, choices)}


def build_field(spec: Field, limits: Limits, choices: Choices):
    """The form input for a question that takes one answer."""
    label, hint = spec.label, glossary_hint(spec.hint)
    match spec.kind:
        case "text" | "link":
            # names and titles are read as someone's identity: normalised, nothing hidden
            text_field = NameField if spec.name in NAME_QUESTIONS else StringField
            if spec.kind == "link":
                # the link's own check covers the format's pattern, with one clear message
                link = Link(label, spec.example, limits.pattern)
                return _text(
                    text_field, label, hint, replace(limits, pattern=None), TEXT_MAX, "", [link]
                )
            return _text(text_field, label, hint, limits, TEXT_MAX, spec.example)
        case "longtext":
            return _text(TextAreaField, label, hint, limits, LONG_MAX, spec.example)
        case "lines":
            return TextAreaField(
                label,
                description=hint,
                widget=GovTextArea(),
                validators=[Optional(), Lines(label, limits)],
            )
        case kind if kind in NUMBER_FIELDS:
            return _number(label, hint, kind, limits)
        case "choice":
            return _choice(label, hint, list(spec.choices))
        case "yesno":
            return _choice(label, hint, YES_NO)
        case "multi" | "stakeholders" | "evidence":
            return _checkboxes(label, hint, choices.of(spec))
        case "stakeholder" | "outcome" | "public_body":
            return ListChoiceField(
                label,
                description=hint,
                widget=GovSelect(),
                choices=[("", FIRST_OPTION[spec.kind])] + choices.of(spec),
                validators=[Optional()],
            )
    raise ValueError(f"unknown kind of answer {spec.kind}")


def _text(field_class, label, hint, limits: Limits, default_max, example="", extra=()):
    """A text input held to the format's length and pattern; required where it needs text."""
    checks = [TextLength(label, limits.min_length, limits.max_length or default_max)]
    if limits.pattern:
        checks.append(Pattern(label, limits.pattern, example))
    # an answer the format requires cannot be left blank; any other can, and is then not given
    first = InputRequired(message=checks[0].short) if limits.min_length else Optional()
    validators = [first, *checks, *extra]
    if field_class is not TextAreaField:
        return field_class(label, description=hint, widget=GovTextInput(), validators=validators)
    # the count shows the format's own limit as people type; nothing typed is cut off
    shown = {"params": {"maxlength": checks[0].most, "rows": 4}}
    return field_class(
        label, description=hint, widget=GovCharacterCount(), validators=validators, render_kw=shown
    )


def _number(label: str, hint: str, kind: str, limits: Limits):
    """A number input read as people write one of its kind, held to the format's range (a
    percentage is a share of 100); what cannot be read is refused with an example."""
    low, high, exclusive = DEFAULT_RANGES[kind]
    if limits.minimum is not None:
        low, exclusive = limits.minimum, limits.exclusive_minimum
    if limits.maximum is not None:
        high = limits.maximum
    scale, unit = (100, "%") if kind == "percent" else (1, "")
    low, high = Decimal(low) * scale, Decimal(high) * scale
    check = Range(label, low, high, exclusive, unit)
    # an example the question itself accepts: a year is no count of 1,200
    example = "1,200" if low <= 1200 <= high else number_text(low + exclusive)
    return NUMBER_FIELDS[kind](
        label,
        description=hint,
        widget=GovTextInput(),
        validators=[Optional(), check],
        unreadable=enter_number(kind, example),
    )


def _choice(label: str, hint: str, options: list) -> ChoiceField:
    return ChoiceField(
        label, description=hint, widget=GovRadioInput(), choices=options, validators=[Optional()]
    )


def _checkboxes(label: str, hint: str, options: list) -> ChoicesField:
    return ChoicesField(
        label,
        description=hint,
        widget=GovCheckboxesInput(),
        choices=options,
        validators=[Optional()],
    )


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

    def check_answers(self) -> bool:
        """Check the answers alone, to show again why kept input was not saved.

        The CSRF token guards a post, and is checked with it; a page shown again is no post,
        and its form carries a fresh token for the next one. Checking the token here would
        report it missing from input that never held one.
        """
        token = self.meta.csrf_field_name if self.meta.csrf else None
        # every field is checked, so each shows its own error
        checked = [field.validate(self) for field in self if field.name != token]
        return all(checked)


def section_form_class(
    section: Section, page: Page, kind: str, choices: Choices, with_completion: bool
) -> type[SectionFormBase]:
    """A form class with the inputs of every question on one page of a section."""
    attributes = {}
    for spec in page.fields_for(kind):
        attributes |= question_fields(section, spec, choices)
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
    baseline_id = SelectField(
        "Which of its published services does it concern? (optional)",
        widget=GovSelect(),
        coerce=int,
        description="Choosing one fills in the service, who runs it and what it costs today "
        "from what the body has published.",
        validate_choice=False,
    )
    # held to the format's limits in the same words as the title's own question page
    title = _text(
        NameField,
        "Title",
        "A short name a commissioner will recognise.",
        limits_at(("title",)),
        TEXT_MAX,
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
