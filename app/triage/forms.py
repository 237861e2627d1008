"""Commissioner forms: transitions, judgements, assignment, decisions and the body's settings."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovCheckboxesInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import (
    EmailField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Email, InputRequired, Length, NumberRange, Optional, Regexp
from wtforms.widgets import HiddenInput

from ..checks.catalogue import AREA_LIST
from ..form_fields import WholeNumberField
from .grounds import GROUNDS
from .services import ContactDetails

AREA_CHOICES = [(area.key, area.name) for area in AREA_LIST]


def one_newline(text: str | None) -> str | None:
    """Line breaks as typed, one character each.

    Browsers send each line break in a text area as CR LF but count it as one character
    against the box's limit, so a text the box accepted must not fail the same limit here.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n") if text else text


def _text(label: str, maximum: int, required: str | None = None):
    """A text area whose limit counts characters as the person's browser does."""
    checks = [InputRequired(message=required)] if required else [Optional()]
    return TextAreaField(
        label,
        widget=GovCharacterCount(),
        filters=[one_newline],
        validators=checks
        + [Length(max=maximum, message=f"{label}: use {maximum:,} characters or fewer")],
    )


class TransitionForm(FlaskForm):
    """Start the review, or ask for more information with a reason."""

    action = HiddenField()
    reason = _text("What information you need, and why", 5000)
    submit = SubmitField("Confirm", widget=GovSubmitInput())


class InformationRequestForm(FlaskForm):
    """Ask for more information: the sections that need work, each with what is needed.

    The text for each section is posted as ``needed-<section key>``, beside its checkbox.
    """

    sections = SelectMultipleField("Which sections need more information?", choices=[])
    submit = SubmitField("Send the request", widget=GovSubmitInput())

    def texts(self, posted) -> dict[str, str]:
        """What is needed of each section offered, as typed (line breaks one character)."""
        return {
            key: one_newline(posted.get(f"needed-{key}", "")) or ""
            for key, _title in self.sections.choices
        }


class JudgementForm(FlaskForm):
    """A documented judgement on one area."""

    area = RadioField(
        "Area",
        widget=GovRadioInput(),
        choices=AREA_CHOICES,
        validators=[InputRequired(message="Select the area")],
    )
    topic = StringField(
        "Topic",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the topic"),
            Length(max=200, message="Topic: use 200 characters or fewer"),
        ],
    )
    judgement = _text("Judgement", 5000, "Enter your judgement")
    rationale = _text("Rationale", 5000, "Enter the rationale for your judgement")
    submit = SubmitField("Record judgement", widget=GovSubmitInput())


class AssignForm(FlaskForm):
    """Give the submission to a reviewer."""

    assignee_id = SelectField("Reviewer", widget=GovSelect(), coerce=int)
    # who the page showed as assigned (0: no one), so a change made meanwhile is not overwritten
    seen_assignee_id = IntegerField(widget=HiddenInput(), validators=[Optional()])
    submit = SubmitField("Assign", widget=GovSubmitInput())


class DecisionForm(FlaskForm):
    """Accept or reject, with reasons (and statutory grounds for a rejected challenge)."""

    outcome = RadioField(
        "Decision",
        widget=GovRadioInput(),
        choices=[("accepted", "Accept"), ("rejected", "Reject")],
        validators=[InputRequired(message="Select whether you accept or reject the submission")],
    )
    grounds = SelectMultipleField(
        "Statutory grounds for rejecting a challenge",
        widget=GovCheckboxesInput(),
        choices=list(GROUNDS.items()),
        validators=[Optional()],
    )
    reasons = _text("Reasons", 10000, "Give the reasons for the decision")
    next_steps = _text("What follows", 5000)
    submit = SubmitField("Continue", widget=GovSubmitInput())


class ContactDetailsForm(FlaskForm):
    """How proposers reach a public body about a decision: printed on its decision letters."""

    contact_email = EmailField(
        "Email address (optional)",
        widget=GovTextInput(),
        filters=[lambda text: text.strip() if text else text],
        validators=[
            Optional(),
            Length(max=254, message="Email address: use 254 characters or fewer"),
            Email(
                message="Email address: enter it in the correct format, like "
                "decisions@council.gov.uk",
                check_deliverability=False,
            ),
        ],
    )
    contact_address = TextAreaField(
        "Postal address (optional)",
        widget=GovCharacterCount(),
        filters=[one_newline, lambda text: text.strip() if text else text],
        validators=[
            Optional(),
            Length(max=500, message="Postal address: use 500 characters or fewer"),
        ],
    )
    contact_phone = StringField(
        "Telephone number (optional)",
        widget=GovTextInput(),
        filters=[lambda text: text.strip() if text else text],
        validators=[
            Optional(),
            Length(max=40, message="Telephone number: use 40 characters or fewer"),
            Regexp(
                r"^\+?[0-9 ()-]+$",
                message="Telephone number: use digits, spaces and brackets, like 01632 960 000",
            ),
        ],
    )
    submit = SubmitField("Save contact details", widget=GovSubmitInput())

    def details(self) -> ContactDetails:
        """The contact details as typed, empty text for what was left out."""
        return ContactDetails(
            self.contact_email.data or "",
            self.contact_address.data or "",
            self.contact_phone.data or "",
        )


class BodySettingsForm(ContactDetailsForm):
    """The body's response period, in working days, and its contact details."""

    response_period_days = WholeNumberField(
        "Response period in working days",
        widget=GovTextInput(),
        description="Submissions received from now on are due this many working days after the "
        "day they arrive. Working days are Monday to Friday, leaving out bank holidays in "
        "England and Wales.",
        default=40,
        validators=[
            InputRequired(message="Enter the response period in working days"),
            NumberRange(
                min=1, max=260, message="Response period must be between 1 and 260 working days"
            ),
        ],
    )
    submit = SubmitField("Save", widget=GovSubmitInput())


class PositionForm(FlaskForm):
    """A co-commissioning body's position on a joint submission, with its reason."""

    position = RadioField(
        "Your body's position",
        widget=GovRadioInput(),
        choices=[
            ("supports", "Supports"),
            ("supports_with_conditions", "Supports with conditions"),
            ("opposes", "Opposes"),
        ],
        validators=[InputRequired(message="Select your body's position")],
    )
    reason = _text("Reason", 5000, "Give the reason for your body's position")
    submit = SubmitField("Record the position", widget=GovSubmitInput())


class CoCommissionerForm(FlaskForm):
    """Name another public body the submission is jointly addressed to."""

    public_body_id = SelectField(
        "Co-commissioning body",
        widget=GovSelect(),
        coerce=int,
        description="Only bodies with a commissioner on Valuecase can be named.",
        validators=[InputRequired(message="Select a public body")],
    )
    submit = SubmitField("Add the body", widget=GovSubmitInput())
