"""Forms: a module's quiz, the placement self-assessment and certificate verification.

Quiz and placement forms carry only the questions drawn and their options, in the order
drawn, and a fingerprint of that draw; the right answers and explanations stay on the server.
"""

from collections.abc import Mapping, Sequence

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSubmitInput, GovTextInput
from wtforms import Form, HiddenField, RadioField, StringField, SubmitField
from wtforms.validators import InputRequired, Length

from .content import Question


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
