"""Your account: where you are signed in, your password, and your second factor."""

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask_login import current_user, login_required

from ..extensions import limiter
from . import browser, events, second_factor, services, sessions, totp
from .forms import ChangePasswordForm, ConfirmForm, SetupCodeForm, TurnOffForm
from .models import User, utcnow

bp = Blueprint("account", __name__, url_prefix="/account")


def me() -> User:
    """The signed-in person as a model object, for services that store references to them."""
    return current_user._get_current_object()


@bp.get("/")
@login_required
def index():
    """The person's details, signed-in browsers, second factor and recent account activity."""
    token = browser.this_token()
    return render_template(
        "accounts/account.html",
        browsers=sessions.live_sessions(me()),
        this_browser=sessions.token_hash(token) if token else None,
        describe_browser=sessions.describe_browser,
        activity=events.recent(me(), limit=10),
        label=events.label,
        second_factor_required=second_factor.required(
            current_user, current_app.config["VALUECASE_ENV"]
        ),
        recovery_codes_left=second_factor.recovery_codes_left(me()),
    )


@bp.route("/password", methods=["GET", "POST"])
@login_required
@limiter.limit(lambda: current_app.config["RATELIMIT_SIGN_IN"], methods=["POST"])
def change_password():
    """Change the password; every other browser signed in to the account is signed out."""
    form = ChangePasswordForm()
    form.known_email, form.known_name = current_user.email, current_user.name
    if form.validate_on_submit():
        try:
            services.change_password(
                me(), form.current_password.data, form.password.data, browser.this_token()
            )
        except services.AccountError as error:
            error.attach(form)
        else:
            flash(
                "Your password has been changed. Any other browser signed in to your account "
                "has been signed out.",
                "success",
            )
            return redirect(url_for("accounts.account.index"))
    return render_template("accounts/change_password.html", form=form)


@bp.route("/sign-out-everywhere", methods=["GET", "POST"])
@login_required
def sign_out_everywhere():
    """Ask, then sign out of every browser, this one included."""
    form = ConfirmForm()
    if form.validate_on_submit():
        sessions.sign_out_everywhere(me(), utcnow())
        browser.forget()
        flash("You have been signed out of all devices, this one included.", "success")
        return redirect(url_for("accounts.sign_in"))
    return render_template("accounts/sign_out_everywhere.html", form=form)


@bp.route("/second-factor", methods=["GET", "POST"], endpoint="second_factor")
@login_required
def second_factor_page():
    """Set up an authentication app: scan the key, confirm a code, keep the recovery codes."""
    if current_user.totp_enabled_at is not None:
        return render_template(
            "accounts/second_factor_on.html",
            recovery_codes_left=second_factor.recovery_codes_left(me()),
        )
    secret = second_factor.setup_secret(me())
    form = SetupCodeForm()
    if form.validate_on_submit():
        try:
            codes = second_factor.confirm_setup(me(), form.code.data, utcnow())
        except second_factor.SecondFactorError as error:
            error.attach(form)
        else:
            return render_template("accounts/recovery_codes.html", codes=codes, first=True)
    return render_template(
        "accounts/second_factor_setup.html",
        form=form,
        key=totp.grouped(secret),
        qr_code=totp.qr_code_data_uri(totp.provisioning_uri(secret, current_user.email)),
        required=second_factor.required(current_user, current_app.config["VALUECASE_ENV"]),
    )


@bp.route("/second-factor/recovery-codes", methods=["GET", "POST"])
@login_required
def recovery_codes():
    """Ask, then replace the recovery codes with new ones, shown once."""
    if current_user.totp_enabled_at is None:
        return redirect(url_for("accounts.account.second_factor"))
    form = ConfirmForm()
    if form.validate_on_submit():
        codes = second_factor.renew_recovery_codes(me())
        return render_template("accounts/recovery_codes.html", codes=codes, first=False)
    return render_template(
        "accounts/recovery_codes_confirm.html",
        form=form,
        recovery_codes_left=second_factor.recovery_codes_left(me()),
    )


@bp.route("/second-factor/turn-off", methods=["GET", "POST"])
@login_required
@limiter.limit(lambda: current_app.config["RATELIMIT_SIGN_IN"], methods=["POST"])
def turn_off_second_factor():
    """Turn the second factor off with the password, to set up a new device (or none)."""
    if current_user.totp_enabled_at is None:
        return redirect(url_for("accounts.account.second_factor"))
    form = TurnOffForm()
    if form.validate_on_submit():
        try:
            second_factor.turn_off(me(), form.current_password.data, utcnow())
        except second_factor.SecondFactorError as error:
            error.attach(form)
        else:
            flash(
                "Your second factor is off: your old app and recovery codes no longer work.",
                "success",
            )
            return redirect(url_for("accounts.account.second_factor"))
    return render_template(
        "accounts/second_factor_off.html",
        form=form,
        required=second_factor.required(current_user, current_app.config["VALUECASE_ENV"]),
    )
