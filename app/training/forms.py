"""Forms: a module's quiz, the placement self-assessment, certificate verification, the
track, reading a module, exercise answers, portfolios and their marking.

Quiz and placement forms carry only the questions drawn and their options, in the order
drawn, and a fingerprint of that draw; the right answers and explanations stay on the server.
"""

from collections.abc import Mapping, Sequence

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import Form, HiddenField, RadioField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from ..triage.forms import one_newline
from .content import PortfolioBrief, Question
from .portfolio_services import ANSWER_LIMIT as PORTFOLIO_LIMIT
from .portfolio_services import FEEDBACK_LIMIT
from .record_services import ANSWER_LIMIT as EXERCISE_LIMIT


def answer_field(question: Question, number: int) -> RadioField:
    """Radios for one question; the error names the question by its number."""
    return RadioField(
        question.question,
        widget=GovRadioInput(),
        choices=[(str(index), option) for index, option in enumerate(question.options)],
        validators=[InputRequired(message=f"Select an answer to question {number}")],
    )


class QuizFormBase(FlaskForm):
    """A quiz: one radios field per question, named q1, q2 …, and the draw it was made for."""

    version = HiddenField()
    submit = SubmitField("Submit your answers", widget=GovSubmitInput())

    names: tuple[str, ...] = ()

    def chosen(self) -> list[int]:
        """The position of the option chosen for each question, as shown (after validation)."""
        return [int(self[name].data) for name in self.names]


def quiz_form(questions: Sequence[Question], version: str, **kwargs) -> QuizFormBase:
    """A form for these questions, bound to the request unless ``formdata=None`` is given."""
    names = tuple(f"q{number}" for number in range(1, len(questions) + 1))
    fields = {
        name: answer_field(question, number)
        for number, (name, question) in enumerate(zip(names, questions, strict=True), start=1)
    }
    form_class = type("QuizForm", (QuizFormBase,), {**fields, "names": names})
    return form_class(data={"version": version}, **kwargs)


class PlacementFormBase(FlaskForm):
    """The placement self-assessment: every stage's questions, numbered through, and the draw
    it was made for."""

    version = HiddenField()
    submit = SubmitField("Submit your answers", widget=GovSubmitInput())

    names_by_stage: dict[int, tuple[str, ...]] = {}

    def chosen(self) -> dict[int, list[int]]:
        """The options chosen, by stage (after validation)."""
        return {
            stage: [int(self[name].data) for name in names]
            for stage, names in self.names_by_stage.items()
        }


def placement_form(
    drawn: Mapping[int, Sequence[Question]], version: str, **kwargs
) -> PlacementFormBase:
    """A form for the placement questions drawn, bound to the request unless ``formdata=None``
    is given."""
    fields, names_by_stage, number = {}, {}, 0
    for stage, questions in drawn.items():
        names = []
        for index, question in enumerate(questions, start=1):
            number += 1
            name = f"s{stage}q{index}"
            fields[name] = answer_field(question, number)
            names.append(name)
        names_by_stage[stage] = tuple(names)
    form_class = type("PlacementForm", (PlacementFormBase,), {**fields})
    form_class.names_by_stage = names_by_stage
    return form_class(data={"version": version}, **kwargs)


class VerifyForm(Form):
    """Check a certificate's verification code (a GET form: nothing is changed)."""

    code = StringField(
        "Verification code",
        widget=GovTextInput(),
        description="The code printed on the certificate, for example ABCD-EFGH-JKLM-NPQR.",
        validators=[
            InputRequired(message="Enter the verification code"),
            Length(max=40, message="The verification code must be 40 characters or fewer"),
        ],
    )


class ReadForm(FlaskForm):
    """Mark a module as read (a button: nothing to fill in)."""

    submit = SubmitField("I have read this module", widget=GovSubmitInput())


class TrackForm(FlaskForm):
    """Choose the track to follow."""

    track = RadioField(
        "Which track do you want to follow?",
        widget=GovRadioInput(),
        validators=[InputRequired(message="Select the track you want to follow")],
    )
    submit = SubmitField("Follow this track", widget=GovSubmitInput())


def strip(text: str | None) -> str | None:
    """Text without the blank space around it, so an answer of only spaces counts as empty."""
    return text.strip() if text else text


def answer_area(label: str, limit: int, message: str) -> TextAreaField:
    """A text area for a written answer, its limit counted as the person's browser counts it."""
    return TextAreaField(
        label,
        widget=GovCharacterCount(),
        filters=[one_newline, strip],
        validators=[
            DataRequired(message=message),
            Length(max=limit, message=f"{label} must be {limit:,} characters or fewer"),
        ],
    )


class ExerciseForm(FlaskForm):
    """An answer to a module's exercise, saved as a draft or submitted."""

    answer = answer_area("Your answer", EXERCISE_LIMIT, "Enter your answer to the exercise")
    save = SubmitField("Save as draft", widget=GovSubmitInput())
    submit = SubmitField("Submit your answer", widget=GovSubmitInput())


def case_id(value: object) -> int | None:
    """A chosen proposal's id, or None when nothing (or something that is not an id) was sent,
    which the service then asks the person to choose."""
    text = str(value) if value is not None else ""
    return int(text) if text.isdigit() else None


class PortfolioForm(FlaskForm):
    """A portfolio: the proposal or case it is written on, and the answer."""

    proposal_id = RadioField(
        "Which proposal or case is your portfolio about?",
        widget=GovRadioInput(),
        coerce=case_id,
        validate_choice=False,  # the service checks the choice against the person's cases
        validators=[Optional()],
    )
    answer = answer_area("Your portfolio", PORTFOLIO_LIMIT, "Enter your portfolio answer")
    save = SubmitField("Save as draft", widget=GovSubmitInput())
    submit = SubmitField("Submit for assessment", widget=GovSubmitInput())


class AssessmentFormBase(FlaskForm):
    """An assessor's marking: each criterion met or not yet met, and written feedback."""

    feedback = answer_area("Feedback for the learner", FEEDBACK_LIMIT, "Enter your feedback")
    submit = SubmitField("Save the marking", widget=GovSubmitInput())

    names: tuple[str, ...] = ()

    def results(self) -> dict[str, bool]:
        """Each criterion's id and whether it is met (after validation)."""
        return {name.removeprefix("criterion_"): self[name].data == "met" for name in self.names}


def assessment_form(brief: PortfolioBrief, **kwargs) -> AssessmentFormBase:
    """A marking form for a stage's rubric: one radios field per criterion."""
    fields = {
        f"criterion_{criterion.id}": RadioField(
            criterion.text,
            widget=GovRadioInput(),
            choices=[("met", "Met"), ("not_yet", "Not yet met")],
            validators=[InputRequired(message=f"Select met or not yet met for: {criterion.text}")],
        )
        for criterion in brief.criteria
    }
    form_class = type("AssessmentForm", (AssessmentFormBase,), {**fields, "names": tuple(fields)})
    return form_class(**kwargs)
