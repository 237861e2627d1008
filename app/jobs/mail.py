"""Sending the outbox from a worker: the job queued after each commit that writes email.

``send_mail_job`` sends every email that is due, the queued ones and those waiting to be
tried again, exactly as ``flask --app app send-mail`` does.
"""

from __future__ import annotations

from ..extensions import db
from ..mail import send_due
from .queue import app_context


def send_mail_job() -> dict[str, int]:
    """RQ job: send every email that is due; how many were sent and how many were not."""
    with app_context() as app:
        try:
            outcome = send_due(app.config)
        finally:
            db.session.rollback()  # end the last read transaction: a worker lives long
    return {"sent": outcome.sent, "failed": outcome.failed}
