"""Sign up, sign in (with a second factor), sign out and password reset; who is signed in.

A browser is signed in while its session row is live (sessions.py): the token in Flask's
session cookie is checked on every request, so ending the row signs that browser out even if
its cookie was copied. Signing in clears the old session first, which gives a new CSRF token
and leaves nothing an attacker may have planted.
"""

from datetime import timedelta

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user

from ..extensions import limiter, login_manager
from ..links import external_url
from ..mail import send_mail
from . import browser, emails, invitations, second_factor, services, sessions
from .account_views import bp as account_bp
from .forms import (
    AcceptInvitationForm,
    CreatePasswordForm,
    ResetPasswordForm,
    ResetRequestForm,
    SecurityCodeForm,
    SignInForm,
    SignOutForm,
    SignUpForm,
)
from .local_path import is_local_path
from .models import User, utcnow

bp = Blueprint("accounts", __name__)
bp.register_blueprint(account_bp)

PENDING = "pending_sign_in"
PENDING_FOR = timedelta(minutes=5)
# reachable while a commissioner or admin who must set up a second factor has not yet
OPEN_DURING_SET_UP = {"accounts.sign_out", "accounts.account.second_factor", "static"}


def sign_in_limit() -> str:
    """How often one address may try a password or a code."""
    return current_app.config["RATELIMIT_SIGN_IN"]


def mail_limit() -> str:
    """How often one address may have the site send email."""
    return current_app.config["RATELIMIT_PASSWORD_RESET"]


def safe_next(target: str | None) -> str:
    """Only follow a `next` that stays on this site."""
    return target if is_local_path(target) else url_for("main.home")


def finish_sign_in(user: User, target: str):
    """Sign this browser in afresh and go on to `target` (or to set-up, where it is due)."""
    browser.sign_in(user)
    if second_factor.required(user, current_app.config["VALUECASE_ENV"]) and (
        user.totp_enabled_at is None
    ):
        flash("Set up a second factor before you continue.", "info")
        return redirect(url_for("accounts.account.second_factor"))
    return redirect(target)


@bp.route("/sign-up", methods=["GET", "POST"])
@limiter.limit(mail_limit, methods=["POST"])
def sign_up():
    """Start an account: the emailed link confirms the address (the page says nothing more)."""
    form = SignUpForm()
    if form.validate_on_submit():
        details = services.SignUp(
            name=form.name.data,
            email=form.email.data,
            organisation_name=form.organisation_name.data,
            organisation_type=form.organisation_type.data,
            registration_number=form.registration_number.data,
        )
        try:
            details = services.check_sign_up(details)
        except services.AccountError as error:
            error.attach(form)
        else:
            send_mail(current_app.config, details.email, *sign_up_mail(details))
            return render_template("accounts/sign_up_sent.html", email=details.email)
    return render_template("accounts/sign_up.html", form=form)


def sign_up_mail(details: services.SignUp) -> tuple[str, str]:
    """The email a sign-up gets: a link to finish, or a note that the address has an account."""
    existing = services.find_user_by_email(details.email)
    if existing is not None:
        return emails.already_registered(
            existing.name, external_url("accounts.sign_in"), external_url("accounts.reset_request")
        )
    token = services.sign_up_token(details, current_app.config["SECRET_KEY"])
    return emails.confirm_address(
        details.name, external_url("accounts.finish_sign_up", token=token)
    )


@bp.route("/sign-up/<token>", methods=["GET", "POST"])
def finish_sign_up(token: str):
    """Choose a password from the emailed link; the account is created and signed in."""
    details = services.sign_up_for_token(token, current_app.config["SECRET_KEY"])
    if details is None:
        return render_template("accounts/sign_up_invalid.html"), 400
    if services.find_user_by_email(details.email):
        reason = services.account_exists(details.email)
        return render_template("accounts/sign_up_stopped.html", reason=reason)
    form = CreatePasswordForm()
    form.known_email, form.known_name = details.email, details.name
    if form.validate_on_submit():
        try:
            user = services.create_account(details, form.password.data)
        except services.SignUpStopped as stopped:
            return render_template("accounts/sign_up_stopped.html", reason=str(stopped))
        response = finish_sign_in(user, url_for("main.home"))
        flash("Your account has been created.", "success")
        return response
    return render_template("accounts/sign_up_finish.html", form=form, details=details)


@bp.route("/invitation/<token>", methods=["GET", "POST"])
def accept_invitation(token: str):
    """Accept an administrator's invitation: choose a name and password, and be signed in."""
    max_age = invitations.INVITATION_DAYS * 24 * 3600
    try:
        invitation = invitations.invitation_for_token(
            token, current_app.config["SECRET_KEY"], max_age
        )
        if services.find_user_by_email(invitation.email):
            raise invitations.account_exists(invitation.email)
    except invitations.InvitationRefused as refused:
        return refused_invitation(refused)
    form = AcceptInvitationForm()
    form.known_email = invitation.email
    if form.validate_on_submit():
        try:
            user = invitations.accept(invitation, form.name.data, form.password.data)
        except invitations.InvitationRefused as refused:
            return refused_invitation(refused)
        response = finish_sign_in(user, url_for("main.home"))
        flash(f"Your account has been created: you are {invitation.joining}.", "success")
        return response
    return render_template("accounts/accept_invitation.html", form=form, invitation=invitation)


def refused_invitation(refused: "invitations.InvitationRefused"):
    """The page saying why an invitation link does not work: 404 for a broken link, else 410."""
    status = 410 if refused.gone else 404
    return render_template("accounts/invitation_refused.html", refused=refused), status


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(sign_in_limit, methods=["POST"])
def sign_in():
    """Sign in with email and password; then a security code, for those who set one up."""
    form = SignInForm()
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data, form.password.data)
        except services.AccountError as error:
            error.attach(form)
        else:
            target = safe_next(request.args.get("next"))
            if user.totp_enabled_at is None:
                return finish_sign_in(user, target)
            session[PENDING] = {
                "user": user.id,
                "until": (utcnow() + PENDING_FOR).timestamp(),
                "next": target,
            }
            return redirect(url_for("accounts.sign_in_code"))
    return render_template("accounts/sign_in.html", form=form)


def pending_person() -> tuple[User, str] | None:
    """The person who gave their password in the last few minutes, and where they were going."""
    pending = session.get(PENDING)
    if not isinstance(pending, dict) or pending.get("until", 0) < utcnow().timestamp():
        return None
    user = services.find_user(pending.get("user"))
    if user is None or not user.active or user.totp_enabled_at is None:
        return None
    return user, safe_next(pending.get("next"))


@bp.route("/sign-in/code", methods=["GET", "POST"])
@limiter.limit(sign_in_limit, methods=["POST"])
def sign_in_code():
    """The second step of signing in: a code from the app, or a recovery code."""
    pending = pending_person()
    if pending is None:
        session.pop(PENDING, None)
        minutes = int(PENDING_FOR.total_seconds() // 60)
        flash(f"Sign in again: enter the security code within {minutes} minutes.", "info")
        return redirect(url_for("accounts.sign_in"))
    user, target = pending
    form = SecurityCodeForm()
    if form.validate_on_submit():
        try:
            left = second_factor.check_sign_in_code(user, form.code.data, utcnow())
        except second_factor.SecondFactorError as error:
            error.attach(form)
        else:
            if left is None:
                return finish_sign_in(user, target)
            response = finish_sign_in(user, url_for("accounts.account.second_factor"))
            flash(
                f"You signed in with a recovery code. You have {left} left. If you have lost "
                "your device, set up a new one here; you can also get new recovery codes.",
                "info",
            )
            return response
    return render_template("accounts/sign_in_code.html", form=form)


@bp.post("/sign-out")
def sign_out():
    """Sign out (a POST, protected by CSRF); the session ends wherever its cookie is."""
    form = SignOutForm()
    if form.validate_on_submit():
        token = browser.this_token()
        if token:
            sessions.end_session(token, utcnow())
        browser.forget()
        flash("You have been signed out.", "success")
    return redirect(url_for("main.home"))


@bp.route("/reset-password", methods=["GET", "POST"])
@limiter.limit(mail_limit, methods=["POST"])
def reset_request():
    """Email a reset link; the answer is the same whether or not the account exists."""
    form = ResetRequestForm()
    if form.validate_on_submit():
        email = services.normalise_email(form.email.data)
        user = services.find_user_by_email(email)
        if user and user.active:
            token = services.reset_token(user, current_app.config["SECRET_KEY"])
            link = external_url("accounts.reset_password", token=token)
            subject, body = emails.reset_link(user.name, link)
        else:
            subject, body = emails.no_account_to_reset(external_url("accounts.sign_up"))
        send_mail(current_app.config, email, subject, body)
        return render_template("accounts/reset_sent.html", email=form.email.data)
    return render_template("accounts/reset_request.html", form=form)


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    """Choose a new password from an emailed link; the person is signed out everywhere."""
    user = services.user_for_reset_token(
        token, current_app.config["SECRET_KEY"], current_app.config["PASSWORD_RESET_MAX_AGE"]
    )
    if user is None:
        return render_template("accounts/reset_invalid.html"), 400
    form = ResetPasswordForm()
    form.known_email, form.known_name = user.email, user.name
    if form.validate_on_submit():
        services.reset_password(user, form.password.data)
        browser.forget()
        flash("Your password has been changed. Sign in with your new password.", "success")
        return redirect(url_for("accounts.sign_in"))
    return render_template("accounts/reset_password.html", form=form)


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The signed-in person, while this browser's session is live."""
    token = browser.this_token()
    if not user_id.isdigit() or not token:
        return None
    return sessions.signed_in_user(int(user_id), token, utcnow())


@bp.before_app_request
def hold_until_second_factor():
    """In production, commissioners and admins reach nothing but set-up until they have one."""
    if request.endpoint == "static":
        return None
    # asked first on every request, so the session's last-seen time is written before any view
    if not current_user.is_authenticated or request.endpoint in OPEN_DURING_SET_UP:
        return None
    environment = current_app.config["VALUECASE_ENV"]
    if second_factor.required(current_user, environment) and current_user.totp_enabled_at is None:
        return redirect(url_for("accounts.account.second_factor"))
    return None


@bp.after_app_request
def keep_private_pages_out_of_caches(response):
    """No cache (browser, proxy) keeps what a signed-in person saw, nor a page with a session.

    Static files are the same for everyone, so they stay cacheable.
    """
    if request.endpoint == "static":
        return response
    carried = current_app.config["SESSION_COOKIE_NAME"] in request.cookies
    if carried or session.modified or current_user.is_authenticated:
        response.headers["Cache-Control"] = "no-store"
    return response


@bp.app_context_processor
def sign_out_form():
    """Every page's header carries the sign-out form (built without reading the request body)."""
    if current_user.is_authenticated:
        return {"sign_out_form": SignOutForm(formdata=None)}
    return {}
