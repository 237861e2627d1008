"""The forms a commissioner writes and decides an assessment with."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovCheckboxesInput,
    GovDateInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import DateField, FieldList, FormField, HiddenField, StringField, SubmitField
from wtforms import TextAreaField as _TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

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
from .models import CHANGES, DECISIONS

CHARACTERISTICS = {
    "age": "Age",
    "disability": "Disability",
    "gender_reassignment": "Gender reassignment",
    "marriage_civil_partnership": "Marriage and civil partnership",
    "pregnancy_maternity": "Pregnancy and maternity",
    "race": "Race",
    "religion_belief": "Religion or belief",
    "sex": "Sex",
    "sexual_orientation": "Sexual orientation",
}
"""The protected characteristics of the Equality Act 2010 s.4, as the page asks them."""
YES_NO = [("yes", "Yes"), ("no", "No")]
OPTION_ROWS = ("keep", "proposed", "alternative", "alternative")
"""The options page's rows: keeping the service, the proposed change and two alternatives."""


def _newlines(text: str | None) -> str | None:
    return text.replace("\r\n", "\n").replace("\r", "\n") if text else text


def _text(label: str, maximum: int = 5000, required: str | None = None, hint: str = ""):
    """A text area whose limit counts characters as the browser does, naming the field."""
    checks = [InputRequired(message=required)] if required else [Optional()]
    return _TextAreaField(
        label,
        widget=GovCharacterCount(),
        description=hint,
        filters=[_newlines],
        validators=[
            *checks,
            Length(max=maximum, message=f"{label}: use {maximum:,} characters or fewer"),
        ],
    )


def _share(label: str, hint: str = ""):
    """A percentage between 0% and 100%."""
    return PercentField(
        label,
        widget=GovTextInput(),
        description=hint,
        validators=[
            Optional(),
            NumberRange(min=0, max=100, message=f"{label} must be between 0%% and 100%%"),
        ],
    )


def _money(label: str, hint: str = "", required: str | None = None):
    """An amount in pounds, 0 or more."""
    return NumberField(
        label,
        widget=GovTextInput(),
        description=hint,
        validators=[
            InputRequired(message=required) if required else Optional(),
            NumberRange(min=0, max=10**12, message=f"{label} must be between £0 and £1 trillion"),
        ],
    )


class DetailsForm(FlaskForm):
    """The service, the change, the saving, the equality effects and the transition."""

    baseline_id = ListChoiceField(
        "Which published service?", widget=GovSelect(), choices=[], validate_choice=True
    )
    service_name = NameField(
        "Service name, if it has no published baseline",
        widget=GovTextInput(),
        validators=[Length(max=200, message="Service name must be 200 characters or fewer")],
    )
    annual_cost = _money(
        "Annual cost, if it has no published baseline", "In pounds a year, for example 180,000."
    )
    change = ChoiceField(
        "What change is proposed?",
        widget=GovRadioInput(),
        choices=list(CHANGES.items()),
        validators=[InputRequired(message="Select the change proposed")],
    )
    description = _text("What would change", 5000)
    when = DateField(
        "When the change would take effect",
        widget=GovDateInput(),
        format=["%d %m %Y", "%Y-%m-%d"],
        validators=[Optional()],
    )
    annual_saving = _money(
        "Annual saving expected",
        "In pounds a year. Enter 0 if the change saves nothing.",
        "Enter the annual saving expected",
    )
    saving_argument = _text(
        "Why go ahead if the saving is smaller than the value at risk",
        5000,
        hint="Only needed when the value still at risk after mitigation is more than the saving.",
    )
    characteristics = ChoicesField(
        "Protected characteristics of the people affected",
        widget=GovCheckboxesInput(),
        choices=list(CHARACTERISTICS.items()),
        validators=[Optional()],
    )
    equality_analysis = _text(
        "Equality effects",
        10000,
        hint="Which affected groups share protected characteristics, and how the change affects "
        "them (the public sector equality duty, Equality Act 2010 section 149).",
    )
    staff_affected = ChoiceField(
        "Are staff affected?",
        widget=GovRadioInput(),
        choices=YES_NO,
        validators=[InputRequired(message="Select whether staff are affected")],
    )
    care_affected = ChoiceField(
        "Does anyone receive care from the service?",
        widget=GovRadioInput(),
        choices=YES_NO,
        validators=[InputRequired(message="Select whether anyone receives care")],
    )
    transition = _text(
        "Transition plan",
        10000,
        hint="Staff transfers under TUPE (Transfer of Undertakings (Protection of Employment) "
        "Regulations 2006), continuity of care and the exit plan.",
    )
    revision = HiddenField()
    submit = SubmitField("Save and continue", widget=GovSubmitInput())


class GroupForm(FlaskForm):
    """One affected group: what it loses, how it was consulted, and what reduces the loss."""

    name = NameField(
        "Group",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the group's name"),
            Length(max=200, message="Group must be 200 characters or fewer"),
        ],
    )
    outcome = _text("What the group loses", 2000, "Enter what the group loses")
    quantity = PlainNumberField(
        "How many lose it",
        widget=GovTextInput(),
        validators=[
            Optional(),
            NumberRange(min=0, max=10**9, message="How many lose it must be 0 or more"),
        ],
    )
    deadweight = _share("Deadweight", "The share the group would lose anyway.")
    attribution = _share("Attribution", "The share of the outcome others bring about.")
    displacement = _share("Displacement", "The share another service would take up.")
    drop_off = _share("Drop-off", "How much less of the loss there is each year after the first.")
    duration_years = PlainNumberField(
        "How many years the loss lasts",
        widget=GovTextInput(),
        validators=[
            Optional(),
            NumberRange(
                min=0, max=50, message="How many years the loss lasts must be between 0 and 50"
            ),
        ],
    )
    method = StringField(
        "How the group was consulted",
        widget=GovTextInput(),
        validators=[
            Length(max=500, message="How the group was consulted: use 500 characters or fewer")
        ],
    )
    consulted_on = DateField(
        "When the group was consulted",
        widget=GovDateInput(),
        format=["%d %m %Y", "%Y-%m-%d"],
        validators=[Optional()],
    )
    consulted_number = WholeNumberField(
        "How many took part",
        widget=GovTextInput(),
        validators=[
            Optional(),
            NumberRange(min=0, max=10**9, message="How many took part must be 0 or more"),
        ],
    )
    said = _text("What they said", 10000)
    mitigation = _text("What will reduce the loss", 5000)
    mitigation_share = _share(
        "Share of the loss the mitigation keeps", "For example 40% if it keeps 40% of the value."
    )
    revision = HiddenField()
    submit = SubmitField("Save the group", widget=GovSubmitInput())


class OptionRow(FlaskForm):
    """One option considered: its name, annual cost and the value it keeps."""

    class Meta:
        csrf = False

    name = StringField(
        "Option",
        widget=GovTextInput(),
        validators=[Length(max=200, message="Option must be 200 characters or fewer")],
    )
    annual_cost = _money("Annual cost")
    value = _money("Value it keeps", "Present value in pounds.")
    note = StringField(
        "Note",
        widget=GovTextInput(),
        validators=[Length(max=2000, message="Note: use 2,000 characters or fewer")],
    )


class OptionsForm(FlaskForm):
    """The options considered: keep as is, the proposed change and alternatives."""

    options = FieldList(
        FormField(OptionRow), min_entries=len(OPTION_ROWS), max_entries=len(OPTION_ROWS)
    )
    revision = HiddenField()
    submit = SubmitField("Save the options", widget=GovSubmitInput())


class DecisionForm(FlaskForm):
    """Proceed, proceed with changes or do not proceed, with reasons."""

    decision = ChoiceField(
        "Decision",
        widget=GovRadioInput(),
        choices=list(DECISIONS.items()),
        validators=[InputRequired(message="Select the decision")],
    )
    reasons = _text("Reasons", 10000, "Give the reasons for the decision")
    submit = SubmitField("Continue", widget=GovSubmitInput())


class ChooseProxyForm(FlaskForm):
    """The library entry chosen as a group's financial proxy."""

    entry = HiddenField()
    revision = HiddenField()
