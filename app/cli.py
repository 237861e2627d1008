"""Command-line commands: create-admin and seed-demo."""

import secrets

import click
from flask import Flask, current_app

from .accounts.models import Role, User
from .accounts.passwords import hash_password, strength_problem
from .accounts.services import find_user_by_email, normalise_email
from .demo import DEMO_PASSWORD, seed_demo
from .extensions import db


@click.command("create-admin")
@click.argument("email")
@click.option("--name", default="Administrator", show_default=True, help="The admin's name.")
@click.option("--password", default=None, help="The password; one is generated if omitted.")
def create_admin(email: str, name: str, password: str | None) -> None:
    """Make EMAIL an administrator, creating the account if needed."""
    if "@" not in email or len(email) > 254:
        raise click.BadParameter("enter an email address like name@example.com", param_hint="EMAIL")
    generated = password is None
    password = password or secrets.token_urlsafe(12)
    problem = strength_problem(password, email, name)
    if problem:
        raise click.BadParameter(problem, param_hint="--password")
    user = find_user_by_email(email)
    if user is None:
        user = User(email=normalise_email(email), name=name, password_hash=hash_password(password))
        db.session.add(user)
        action = "Created"
    else:
        action = "Promoted"
        generated = False
    user.role = Role.ADMIN
    user.organisation_id = None
    user.public_body_id = None
    db.session.commit()
    click.echo(f"{action} administrator {user.email}")
    if generated:
        click.echo(f"Password: {password}")


@click.command("seed-demo")
def seed_demo_command() -> None:
    """Load the demo data (idempotent) and print the demo sign-ins."""
    # the demo's history is written at once: its PDFs are rendered when first downloaded
    current_app.config["PREPARE_PDFS"] = False
    accounts = seed_demo(current_app.extensions["rulebook"].check)
    click.echo(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
    for account in accounts:
        where = account.organisation or account.public_body or ""
        click.echo(f"  {account.role.label:<14} {account.email:<36} {where}")


def init_app(app: Flask) -> None:
    """Register the commands."""
    from .backup.cli import export_all, import_all
    from .checks.cli import check_command, rules_cli
    from .jobs.cli import recheck_all, worker
    from .notifications.cli import send_mail_command
    from .proposals.cli import export_proposal, import_proposal
    from .training.cli import curriculum_cli
    from .triage.cli import send_reminders_command

    app.cli.add_command(create_admin)
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(import_proposal)
    app.cli.add_command(export_proposal)
    app.cli.add_command(rules_cli)
    app.cli.add_command(check_command)
    app.cli.add_command(recheck_all)
    app.cli.add_command(worker)
    app.cli.add_command(send_mail_command)
    app.cli.add_command(send_reminders_command)
    app.cli.add_command(curriculum_cli)
    app.cli.add_command(export_all)
    app.cli.add_command(import_all)
