"""Admin forms."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    EmailField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Email, InputRequired, Length

from ..accounts.forms import ORGANISATION_TYPE_CHOICES, registration_number_field
from ..accounts.models import ROLE_LABELS, Role
from ..form_fields import NameField, response_period_field


class UserForm(FlaskForm):
    """Change a person's role, affiliation, whether they may sign in and whether they assess
    training portfolios."""

    role = RadioField(
        "Role",
        widget=GovRadioInput(),
        choices=[(role.value, label) for role, label in ROLE_LABELS.items()],
        validators=[InputRequired(message="Select a role")],
    )
    organisation_id = SelectField("Organisation (for CSO members)", widget=GovSelect(), coerce=int)
    public_body_id = SelectField("Public body (for commissioners)", widget=GovSelect(), coerce=int)
    active = BooleanField("Account is active and may sign in", widget=GovCheckboxInput())
    assessor = BooleanField(
        "Assessor: may mark other people's training portfolios",
        widget=GovCheckboxInput(),
        description="An assessor never marks their own portfolio.",
    )
    assurer = BooleanField(
        "Assurer: may record assurance statements on published cases, contracts and "
        "decommissioning assessments",
        widget=GovCheckboxInput(),
        description="An assurer never assures the work of their own organisation or body.",
    )
    submit = SubmitField("Save changes", widget=GovSubmitInput())


class OrganisationForm(FlaskForm):
    """Register a civil society organisation."""

    name = NameField(
        "Organisation name",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the organisation's name"),
            Length(max=200, message="Organisation name must be 200 characters or fewer"),
        ],
    )
    type = RadioField(
        "Type of organisation",
        widget=GovRadioInput(),
        choices=ORGANISATION_TYPE_CHOICES,
        validators=[InputRequired(message="Select the type of organisation")],
    )
    registration_number = registration_number_field()
    submit = SubmitField("Add organisation", widget=GovSubmitInput())


class OrganisationEditForm(OrganisationForm):
    """Change an organisation's name, type and registration number."""

    submit = SubmitField("Save changes", widget=GovSubmitInput())


class PublicBodyForm(FlaskForm):
    """Register a public body."""

    name = NameField(
        "Public body name",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter the public body's name"),
            Length(max=200, message="Public body name must be 200 characters or fewer"),
        ],
    )
    response_period_days = response_period_field(
        "In working days: Monday to Friday, leaving out bank holidays in England and Wales."
    )
    submit = SubmitField("Add public body", widget=GovSubmitInput())


class PublicBodyEditForm(PublicBodyForm):
    """Change a public body's name and response period."""

    submit = SubmitField("Save changes", widget=GovSubmitInput())


class PeopleSearchForm(FlaskForm):
    """Find people on the users page: read from the address, so a search can be linked to.

    No search at all is a valid search for everyone. A filter the address gives that the
    page does not offer is ignored rather than refused (see ``people_filter``), so the
    drop-downs do not check their values against their choices.
    """

    class Meta:
        csrf = False

    q = StringField(
        "Name or email address",
        widget=GovTextInput(),
        default="",
        validators=[Length(max=200, message="Name or email address: use 200 characters or fewer")],
    )
    role = SelectField(
        "Role",
        widget=GovSelect(),
        choices=[("", "Any role")] + [(role.value, label) for role, label in ROLE_LABELS.items()],
        default="",
        validate_choice=False,
    )
    place = SelectField(
        "Organisation or public body", widget=GovSelect(), default="", validate_choice=False
    )
    status = SelectField(
        "Status",
        widget=GovSelect(),
        choices=[
            ("", "Active or deactivated"),
            ("active", "Active"),
            ("deactivated", "Deactivated"),
        ],
        default="",
        validate_choice=False,
    )
    submit = SubmitField("Search", widget=GovSubmitInput())


INVITED_ROLES = [
    (Role.CSO.value, "Member of an organisation: writes its submissions"),
    (Role.COMMISSIONER.value, "Commissioner at a public body: judges and decides submissions"),
    (Role.ADMIN.value, "Administrator"),
    (Role.MEMBER.value, "Trainee: takes the training only"),
]


class InvitationForm(FlaskForm):
    """Invite a person by email, as what and where."""

    email = EmailField(
        "Their email address",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter their email address"),
            Length(max=254, message="Email address must be 254 characters or fewer"),
            Email(
                message="Enter an email address in the correct format, like name@example.com",
                check_deliverability=False,
            ),
        ],
    )
    role = RadioField(
        "What will they do?",
        widget=GovRadioInput(),
        choices=INVITED_ROLES,
        default=Role.CSO.value,
        validators=[InputRequired(message="Select what they will do")],
    )
    organisation_id = SelectField(
        "Organisation (for members)", widget=GovSelect(), coerce=int, default=0
    )
    public_body_id = SelectField(
        "Public body (for commissioners)", widget=GovSelect(), coerce=int, default=0
    )
    assessor = BooleanField(
        "Also an assessor: may mark other people's training portfolios",
        widget=GovCheckboxInput(),
    )
    submit = SubmitField("Send invitation", widget=GovSubmitInput())


class SecondFactorResetForm(FlaskForm):
    """Take away a person's second factor, saying why (kept in the account's log)."""

    reason = TextAreaField(
        "Why are you resetting it?",
        widget=GovTextArea(),
        description="For example, how you checked it is really them asking. The person sees "
        "this in their account's activity.",
        validators=[
            InputRequired(message="Enter why you are resetting the second factor"),
            Length(max=500, message="The reason must be 500 characters or fewer"),
        ],
    )
