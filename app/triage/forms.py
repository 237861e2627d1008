"""Commissioner forms: transitions, judgements, assignment and decisions."""

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
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional
from wtforms.widgets import HiddenInput

from ..form_fields import response_period_field
from .grounds import GROUNDS

AREA_CHOICES = [
    ("proportionality", "Proportionality"),
    ("stakeholders", "Stakeholder coverage"),
    ("vfm", "Value-for-money completeness"),
]


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
    submit = SubmitField("Record decision", widget=GovSubmitInput())


class ResponsePeriodForm(FlaskForm):
    """How long the body takes to decide a submission."""

    response_period_days = response_period_field(
        "Submissions received from now on are due this many days after receipt."
    )
    submit = SubmitField("Save", widget=GovSubmitInput())
