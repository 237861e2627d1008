"""Fixtures for the account pages: the mail the site sent, and people with a second factor."""

import logging
import re
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from app.accounts import totp
from app.accounts.models import utcnow
from app.notifications.models import OutboxMail

LINK = re.compile(r"https?://[^\s\"'<>]+")


@dataclass(frozen=True)
class Mail:
    """One email as its reader gets it."""

    to: str
    subject: str
    body: str

    def links(self) -> list[str]:
        """Every web address in the body."""
        return LINK.findall(self.body)

    def link_to(self, path_start: str) -> str:
        """The first link whose path starts so; the test fails when there is none."""
        for link in self.links():
            if re.match(r"https?://[^/]+" + re.escape(path_start), link):
                return link
        raise AssertionError(f"no link to {path_start} in:\n{self.body}")


def parse_logged(message: str) -> Mail:
    """A mail as the log writes it: `mail to=... subject=...` then the body."""
    head, _, body = message.partition("\n")
    match = re.match(r"mail to=(\S*) subject=(.*)", head)
    assert match, f"not a logged mail: {head}"
    return Mail(match.group(1), match.group(2), body)


@pytest.fixture
def mailbox(caplog, db):
    """Every email sent in the test: written to the log, or still waiting in the outbox."""
    caplog.set_level(logging.INFO, logger="valuecase.mail")

    def mails(to: str | None = None) -> list[Mail]:
        found = [
            parse_logged(record.getMessage())
            for record in caplog.records
            if record.name == "valuecase.mail"
        ]
        waiting = db.session.scalars(
            select(OutboxMail).where(OutboxMail.sent_at.is_(None)).order_by(OutboxMail.id)
        )
        found += [Mail(mail.to, mail.subject, mail.body) for mail in waiting]
        return [mail for mail in found if to is None or mail.to == to]

    return mails


@pytest.fixture
def with_second_factor(db):
    """Turn a person's second factor on with a known key; returns the key."""

    def turn_on(user) -> str:
        user.totp_secret = totp.new_secret()
        user.totp_enabled_at = utcnow()
        db.session.commit()
        return user.totp_secret

    return turn_on
