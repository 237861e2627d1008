"""Forms for signing up, signing in and resetting a password."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovPasswordInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import EmailField, PasswordField, RadioField, StringField, SubmitField
from wtforms.validators import Email, EqualTo, InputRequired, Length, Optional, ValidationError

from .models import OrganisationType
from .passwords import MAX_LENGTH, strength_problem

ORGANISATION_TYPE_CHOICES = [
    (OrganisationType.CHARITY.value, "Charity"),
    (OrganisationType.SOCIAL_ENTERPRISE.value, "Social enterprise"),
    (OrganisationType.COMMUNITY_GROUP.value, "Community group"),
    (OrganisationType.PARISH_COUNCIL.value, "Parish council"),
    (OrganisationType.STAFF_MUTUAL.value, "Staff mutual"),
    (OrganisationType.COOPERATIVE.value, "Co-operative"),
    (OrganisationType.OTHER.value, "Other"),
]


def email_field(label: str = "Email address") -> EmailField:
    """An email field with the checks every form needs."""
    return EmailField(
        label,
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter your email address"),
            Length(max=254, message="Email address must be 254 characters or fewer"),
            Email(
                message="Enter an email address in the correct format, like name@example.com",
                check_deliverability=False,
            ),
        ],
    )


class StrongPassword:
    """Rejects weak new passwords, naming the rule broken."""

    def __call__(self, form, field) -> None:
        email = form.email.data if hasattr(form, "email") else ""
        name = form.name.data if hasattr(form, "name") else ""
        problem = strength_problem(field.data or "", email or "", name or "")
        if problem:
            raise ValidationError(problem)


def new_password_fields() -> tuple[PasswordField, PasswordField]:
    """A new password and its confirmation."""
    password = PasswordField(
        "Create a password",
        widget=GovPasswordInput(),
        description="At least 10 characters. A few unrelated words make a strong password.",
        validators=[InputRequired(message="Enter a password"), StrongPassword()],
    )
    confirm = PasswordField(
        "Confirm your password",
        widget=GovPasswordInput(),
        validators=[
            InputRequired(message="Confirm your password"),
            EqualTo("password", message="The passwords do not match"),
        ],
    )
    return password, confirm


class SignUpForm(FlaskForm):
    """Create an account, optionally registering a civil society organisation."""

    name = StringField(
        "Full name",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter your full name"),
            Length(max=100, message="Full name must be 100 characters or fewer"),
        ],
    )
    email = email_field()
    organisation_name = StringField(
        "Organisation name (optional)",
        widget=GovTextInput(),
        description="If you write submissions for a charity, social enterprise, community "
        "group, parish council or staff mutual, name it here to register it. Leave it blank "
        "to use the training only.",
        validators=[
            Optional(),
            Length(max=200, message="Organisation name must be 200 characters or fewer"),
        ],
    )
    organisation_type = RadioField(
        "Type of organisation",
        widget=GovRadioInput(),
        choices=ORGANISATION_TYPE_CHOICES,
        default=OrganisationType.CHARITY.value,
        validators=[Optional()],
    )
    password, confirm = new_password_fields()
    submit = SubmitField("Create account", widget=GovSubmitInput())


class SignInForm(FlaskForm):
    """Sign in with email and password."""

    email = email_field()
    password = PasswordField(
        "Password",
        widget=GovPasswordInput(),
        validators=[
            InputRequired(message="Enter your password"),
            Length(max=MAX_LENGTH, message=f"Password must be {MAX_LENGTH} characters or fewer"),
        ],
    )
    submit = SubmitField("Sign in", widget=GovSubmitInput())


class ResetRequestForm(FlaskForm):
    """Ask for a password reset link."""

    email = email_field()
    submit = SubmitField("Send reset link", widget=GovSubmitInput())


class ResetPasswordForm(FlaskForm):
    """Choose a new password from a reset link."""

    password, confirm = new_password_fields()
    submit = SubmitField("Change password", widget=GovSubmitInput())


class SignOutForm(FlaskForm):
    """A form with only CSRF protection, so signing out is a POST."""
