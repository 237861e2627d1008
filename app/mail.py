"""Outgoing email: written to the log by default, sent by SMTP when MAIL_SERVER is set."""

import logging
import smtplib
from email.message import EmailMessage

logger = logging.getLogger("valuecase.mail")


def build_message(sender: str, to: str, subject: str, body: str) -> EmailMessage:
    """A plain-text email."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    return message


def send_mail(settings: dict, to: str, subject: str, body: str) -> None:
    """Send an email through the configured backend."""
    message = build_message(settings["MAIL_SENDER"], to, subject, body)
    if not settings.get("MAIL_SERVER"):
        logger.info("mail to=%s subject=%s\n%s", to, subject, body)
        return
    with smtplib.SMTP(settings["MAIL_SERVER"], settings["MAIL_PORT"], timeout=10) as smtp:
        if settings.get("MAIL_USE_TLS"):
            smtp.starttls()
        if settings.get("MAIL_USERNAME"):
            smtp.login(settings["MAIL_USERNAME"], settings["MAIL_PASSWORD"] or "")
        smtp.send_message(message)
