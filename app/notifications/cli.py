"""``flask send-mail`` and ``flask send-digests``: sending email from cron."""

import click
from flask import current_app
from flask.cli import with_appcontext

from ..mail import send_due
from .digest import send_digests


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


@click.command("send-digests")
@with_appcontext
def send_digests_command() -> None:
    """Email each person who chose a daily digest the notifications no email told them of."""
    count = send_digests(current_app.config)
    click.echo(f"Wrote {count} {'digest' if count == 1 else 'digests'} to the outbox.")
