"""``flask send-mail``: send every email in the outbox that is due, for cron."""

import click
from flask import current_app
from flask.cli import with_appcontext

from ..mail import send_due


@click.command("send-mail")
@with_appcontext
def send_mail_command() -> None:
    """Send the emails that are due: new ones and those waiting to be tried again."""
    outcome = send_due(current_app.config)
    click.echo(f"Sent {outcome.sent} {'email' if outcome.sent == 1 else 'emails'}.")
    if outcome.failed:
        click.echo(
            f"{outcome.failed} could not be sent: they are retried later; "
            "the admin outbox page shows why."
        )
