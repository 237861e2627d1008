"""Forms for signing up and in, passwords, and the second factor."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovPasswordInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import EmailField, PasswordField, RadioField, StringField, SubmitField
from wtforms.validators import Email, EqualTo, InputRequired, Length, Optional, ValidationError

from ..form_fields import NameField
from .models import OrganisationType
from .passwords import MAX_LENGTH, strength_problem

ORGANISATION_TYPE_CHOICES = [(kind.value, kind.label) for kind in OrganisationType]


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
    """Rejects weak new passwords, naming the rule broken.

    The password is compared with the person's email and name: from the form's own fields, or
    from `known_email` and `known_name` set on a form that does not ask for them.
    """

    def __call__(self, form, field) -> None:
        email = form.email.data if "email" in form else getattr(form, "known_email", "")
        name = form.name.data if "name" in form else getattr(form, "known_name", "")
        problem = strength_problem(field.data or "", email or "", name or "")
        if problem:
            raise ValidationError(problem)


def registration_number_field(hint: str = "") -> StringField:
    """An organisation's registration number, which it may not have."""
    return StringField(
        "Registration number (optional)",
        widget=GovTextInput(),
        description=hint,
        filters=[lambda value: value.strip() if isinstance(value, str) else value],
        validators=[
            Optional(),
            Length(max=50, message="Registration number must be 50 characters or fewer"),
        ],
    )


def new_password_fields(label: str = "Create a password") -> tuple[PasswordField, PasswordField]:
    """A new password and its confirmation."""
    password = PasswordField(
        label,
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

    name = NameField(
        "Full name",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter your full name"),
            Length(max=100, message="Full name must be 100 characters or fewer"),
        ],
    )
    email = email_field()
    organisation_name = NameField(
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
    registration_number = registration_number_field(
        "For example, its charity, company or co-operative society number. Leave it blank if "
        "it has none."
    )
    submit = SubmitField("Continue", widget=GovSubmitInput())


class CreatePasswordForm(FlaskForm):
    """Finish creating an account from the emailed link: choose a password."""

    password, confirm = new_password_fields()
    submit = SubmitField("Create account", widget=GovSubmitInput())


class AcceptInvitationForm(FlaskForm):
    """Accept an invitation: the person's name and a password."""

    name = NameField(
        "Full name",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter your full name"),
            Length(max=100, message="Full name must be 100 characters or fewer"),
        ],
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


def current_password_field() -> PasswordField:
    """The password the person has now, asked again before a change that matters."""
    return PasswordField(
        "Current password",
        widget=GovPasswordInput(),
        validators=[
            InputRequired(message="Enter your current password"),
            Length(max=MAX_LENGTH, message=f"Password must be {MAX_LENGTH} characters or fewer"),
        ],
    )


class ChangePasswordForm(FlaskForm):
    """Change a password, knowing the current one."""

    current_password = current_password_field()
    password, confirm = new_password_fields("New password")
    submit = SubmitField("Change password", widget=GovSubmitInput())


def code_field(label: str, hint: str) -> StringField:
    """A security code: six digits, or a recovery code where the page accepts one."""
    return StringField(
        label,
        widget=GovTextInput(),
        description=hint,
        validators=[
            InputRequired(message=f"Enter the {label[0].lower()}{label[1:]}"),
            Length(max=40, message=f"{label} must be 40 characters or fewer"),
        ],
    )


class SecurityCodeForm(FlaskForm):
    """The second step of signing in."""

    code = code_field(
        "Security code",
        "The 6-digit code your authentication app shows for Valuecase. If you have lost your "
        "device, enter one of your recovery codes instead.",
    )
    submit = SubmitField("Continue", widget=GovSubmitInput())


class SetupCodeForm(FlaskForm):
    """Confirm a new authentication app with a code it shows."""

    code = code_field("Code from the app", "The 6-digit code the app shows for Valuecase now.")
    submit = SubmitField("Turn on the second factor", widget=GovSubmitInput())


class TurnOffForm(FlaskForm):
    """Take one's own second factor away, knowing the password."""

    current_password = current_password_field()


class SignOutForm(FlaskForm):
    """A form with only CSRF protection, so signing out is a POST."""


class ConfirmForm(FlaskForm):
    """A button that confirms an action, with only CSRF protection."""
