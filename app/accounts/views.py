"""Sign up, sign in, sign out and password reset."""

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user

from ..extensions import limiter
from ..mail import send_mail
from . import services
from .forms import ResetPasswordForm, ResetRequestForm, SignInForm, SignOutForm, SignUpForm

bp = Blueprint("accounts", __name__)


def safe_next(target: str | None) -> str:
    """Only follow a `next` that stays on this site."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") and "\\" not in target:
            return target
    return url_for("main.home")


@bp.route("/sign-up", methods=["GET", "POST"])
def sign_up():
    """Create an account."""
    form = SignUpForm()
    if form.validate_on_submit():
        details = services.SignUp(
            name=form.name.data,
            email=form.email.data,
            password=form.password.data,
            organisation_name=form.organisation_name.data,
            organisation_type=form.organisation_type.data,
        )
        try:
            user = services.sign_up(details)
        except services.AccountError as error:
            error.attach(form)
        else:
            login_user(user)
            flash("Your account has been created.", "success")
            return redirect(url_for("main.home"))
    return render_template("accounts/sign_up.html", form=form)


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_SIGN_IN"], methods=["POST"])
def sign_in():
    """Sign in."""
    form = SignInForm()
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data, form.password.data)
        except services.AccountError as error:
            form.email.errors.append(error.message)
        else:
            login_user(user)
            return redirect(safe_next(request.args.get("next")))
    return render_template("accounts/sign_in.html", form=form)


@bp.post("/sign-out")
def sign_out():
    """Sign out (a POST, protected by CSRF)."""
    form = SignOutForm()
    if form.validate_on_submit():
        logout_user()
        flash("You have been signed out.", "success")
    return redirect(url_for("main.home"))


@bp.route("/reset-password", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_PASSWORD_RESET"], methods=["POST"])
def reset_request():
    """Email a reset link; the answer is the same whether or not the account exists."""
    form = ResetRequestForm()
    if form.validate_on_submit():
        user = services.find_user_by_email(form.email.data)
        if user and user.active:
            token = services.reset_token(user, current_app.config["SECRET_KEY"])
            link = url_for("accounts.reset_password", token=token, _external=True)
            send_mail(
                current_app.config,
                user.email,
                "Reset your Valuecase password",
                f"Hello {user.name},\n\nUse this link to choose a new password. It works "
                f"once and expires in an hour:\n\n{link}\n\nIf you did not ask for this, "
                "ignore this email: your password has not changed.\n",
            )
        return render_template("accounts/reset_sent.html", email=form.email.data)
    return render_template("accounts/reset_request.html", form=form)


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    """Choose a new password from an emailed link."""
    user = services.user_for_reset_token(
        token, current_app.config["SECRET_KEY"], current_app.config["PASSWORD_RESET_MAX_AGE"]
    )
    if user is None:
        return render_template("accounts/reset_invalid.html"), 400
    form = ResetPasswordForm()
    if form.validate_on_submit():
        services.set_password(user, form.password.data)
        flash("Your password has been changed. Sign in with your new password.", "success")
        return redirect(url_for("accounts.sign_in"))
    return render_template("accounts/reset_password.html", form=form)


@bp.app_context_processor
def sign_out_form():
    """Every page's header carries the sign-out form."""
    if current_user.is_authenticated:
        return {"sign_out_form": SignOutForm()}
    return {}
