"""``flask send-reminders``: the daily email of submissions due soon or overdue, run from cron."""

import click
from flask import current_app
from flask.cli import with_appcontext

from ..accounts.models import utcnow
from ..workdays import bank_holidays
from .reminders import send_reminders


@click.command("send-reminders")
@with_appcontext
def send_reminders_command() -> None:
    """Email each body's commissioners its submissions due within five working days or overdue
    and the results reports awaiting them; each provider the results reports it owes.

    Run it once a day: a commissioner already reminded today is not emailed again.
    """
    site = current_app.config["SITE_URL"].rstrip("/")
    # built without a request, as cron runs it: the links lead to SITE_URL like every email's
    paths = current_app.url_map.bind("localhost")

    def review_link(proposal_id: int) -> str:
        return site + paths.build("triage.review", {"proposal_id": proposal_id})

    def report_link(contract_id: int, number: int) -> str:
        return site + paths.build("delivery.report", {"contract_id": contract_id, "number": number})

    count = send_reminders(
        current_app.config, utcnow().date(), bank_holidays(), review_link, report_link
    )
    if count:
        click.echo(f"Wrote {count} {'reminder' if count == 1 else 'reminders'} to the outbox.")
    else:
        click.echo("No reminders to send today.")
