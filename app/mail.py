"""Outgoing email, through an outbox.

An email is first written as an ``OutboxMail`` row in the same transaction as the change it
reports (``queue_mail``), so it exists exactly when the change does. After the commit,
``dispatch`` has it sent: by a job on the RQ queue when REDIS_URL is set, here and now when it
is not. Sending goes by SMTP when MAIL_SERVER is set, and to the ``valuecase.mail`` log when it
is not. A failed send keeps its error and is tried again after ``RETRY_DELAYS``; after
``MAX_ATTEMPTS`` it stays failed until an admin sends it again (``send_now``). ``send_due``
sends whatever is due: the ``send-mail`` command and the mail job run it.

Every header value passes through ``header_value``, whatever the caller gives: one line break
in a subject would otherwise stop the message from being built at all.
"""

import logging
import smtplib
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage

from sqlalchemy import and_, or_, select, update

from .accounts.models import utcnow
from .extensions import db
from .jobs.queue import RESULT_TTL, job_queue
from .notifications.models import OutboxMail

logger = logging.getLogger("valuecase.mail")
outbox_logger = logging.getLogger("valuecase.outbox")

SUBJECT_LIMIT = 200
ADDRESS_LIMIT = 254
ERROR_LIMIT = 1000
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=8),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# While one sender has an email in hand, every other sender leaves it alone; should that
# sender die mid-way, the email is due again once the lease is over.
LEASE = timedelta(minutes=10)
BATCH = 50
# Named, not imported: the job module imports this one.
SEND_JOB = "app.jobs.mail.send_mail_job"
# Control characters and the Unicode line and paragraph separators.
_BREAKING = {"Cc", "Zl", "Zp"}


def header_value(text: str, limit: int = SUBJECT_LIMIT) -> str:
    """``text`` on one line: breaks and control characters become spaces, runs of spaces one,
    the ends trimmed, and anything past ``limit`` characters cut with an ellipsis."""
    spaced = "".join(" " if unicodedata.category(c) in _BREAKING else c for c in str(text))
    line = " ".join(spaced.split())
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + "…"
    return line


def build_message(sender: str, to: str, subject: str, body: str) -> EmailMessage:
    """A plain-text email; its headers made single-line, its body kept as written."""
    message = EmailMessage()
    message["From"] = header_value(sender, ADDRESS_LIMIT)
    message["To"] = header_value(to, ADDRESS_LIMIT)
    message["Subject"] = header_value(subject)
    message.set_content(body)
    return message


@contextmanager
def transport(settings: Mapping) -> Iterator[Callable[[EmailMessage], None]]:
    """Something that sends messages for one batch: an SMTP connection, or the log."""
    if not settings.get("MAIL_SERVER"):
        yield _write_to_log
        return
    smtp = smtplib.SMTP(settings["MAIL_SERVER"], settings["MAIL_PORT"], timeout=10)
    try:
        if settings.get("MAIL_USE_TLS"):
            smtp.starttls()
        if settings.get("MAIL_USERNAME"):
            smtp.login(settings["MAIL_USERNAME"], settings["MAIL_PASSWORD"] or "")
        yield smtp.send_message
    finally:
        try:
            smtp.quit()
        except (smtplib.SMTPException, OSError):
            smtp.close()  # every email's outcome is already recorded; a rude goodbye is harmless


def _write_to_log(message: EmailMessage) -> None:
    logger.info(
        "mail to=%s subject=%s\n%s", message["To"], message["Subject"], message.get_content()
    )


def queue_mail(to: str, subject: str, body: str) -> OutboxMail:
    """Write an email to the outbox, in the caller's transaction (not committed)."""
    mail = OutboxMail(
        to=header_value(to, ADDRESS_LIMIT), subject=header_value(subject), body=body, attempts=0
    )
    db.session.add(mail)
    return mail


def send_mail(settings: Mapping, to: str, subject: str, body: str) -> None:
    """Write an email to the outbox, commit, and have it sent."""
    mail = queue_mail(to, subject, body)
    db.session.commit()
    dispatch(settings, [mail])


def dispatch(settings: Mapping, mails: Sequence[OutboxMail]) -> None:
    """After the commit: queue a job to send ``mails``, or send them now when there is no queue.

    Never raises: whatever goes wrong is logged and the emails wait in the outbox for the
    next ``send-mail`` run or the next job.
    """
    if not mails:
        return
    try:
        queue = job_queue(settings)
        if queue is None:
            _send(settings, _claim([m.id for m in mails], force=False))
        else:
            queue.enqueue(SEND_JOB, result_ttl=RESULT_TTL, description="Sending email")
    except Exception:
        db.session.rollback()
        outbox_logger.exception("email left in the outbox to be sent later")


@dataclass(frozen=True)
class Outcome:
    """How many emails one run sent, and how many it could not."""

    sent: int = 0
    failed: int = 0

    def __add__(self, other: "Outcome") -> "Outcome":
        return Outcome(self.sent + other.sent, self.failed + other.failed)


def send_due(settings: Mapping) -> Outcome:
    """Send every email that is due, in batches, until none is left."""
    total = Outcome()
    while True:
        now = utcnow()
        query = (
            select(OutboxMail.id)
            .where(
                OutboxMail.sent_at.is_(None),
                OutboxMail.next_attempt_at <= now,
                OutboxMail.attempts < MAX_ATTEMPTS,
            )
            .order_by(OutboxMail.next_attempt_at, OutboxMail.id)
            .limit(BATCH)
        )
        ids = list(db.session.scalars(query))
        if not ids:
            return total
        total += _send(settings, _claim(ids, force=False))


def send_now(settings: Mapping, mail_id: int) -> OutboxMail | None:
    """Send one unsent email at once, even if it is waiting or has failed; the row after."""
    _send(settings, _claim([mail_id], force=True))
    return db.session.get(OutboxMail, mail_id, populate_existing=True)


def mail_state(mail: OutboxMail) -> str:
    """Where an email stands: "sent", "failed", "retrying", "sending" or "queued"."""
    if mail.sent_at is not None:
        return "sent"
    if mail.attempts >= MAX_ATTEMPTS:
        return "failed"
    if mail.last_error:
        return "retrying"
    return "sending" if mail.attempts else "queued"


@dataclass(frozen=True)
class _Taken:
    """An email in hand, copied out of its row so no transaction stays open while it is sent."""

    id: int
    to: str
    subject: str
    body: str
    attempts: int


def _claim(ids: Sequence[int], force: bool) -> list[_Taken]:
    """Take the emails among ``ids`` that nobody else is sending; each taking is an attempt.

    Each row is taken by a compare-and-set on its attempts, so two senders running at once
    (a request, the worker, cron) never both send the same email. Forced (by an admin), an
    email is taken even before its next attempt is due, but never while another sender has it.
    """
    now = utcnow()
    unsent = OutboxMail.sent_at.is_(None)
    if force:
        free = or_(OutboxMail.attempts == 0, OutboxMail.last_error != "")
        ready = or_(free, OutboxMail.next_attempt_at <= now)
    else:
        ready = and_(OutboxMail.next_attempt_at <= now, OutboxMail.attempts < MAX_ATTEMPTS)
    seen = db.session.execute(
        select(OutboxMail.id, OutboxMail.attempts).where(OutboxMail.id.in_(list(ids)), unsent)
    ).all()
    taken = []
    for mail_id, attempts in seen:
        claim = (
            update(OutboxMail)
            .where(OutboxMail.id == mail_id, OutboxMail.attempts == attempts, unsent, ready)
            .values(attempts=attempts + 1, next_attempt_at=now + LEASE, last_error="")
        )
        if db.session.execute(claim, execution_options={"synchronize_session": False}).rowcount:
            taken.append(mail_id)
    db.session.commit()
    if not taken:
        return []
    columns = (OutboxMail.id, OutboxMail.to, OutboxMail.subject, OutboxMail.body)
    rows = db.session.execute(
        select(*columns, OutboxMail.attempts)
        .where(OutboxMail.id.in_(taken))
        .order_by(OutboxMail.id)
    ).all()
    db.session.commit()  # end the read before any network wait
    return [_Taken(*row) for row in rows]


def _send(settings: Mapping, mails: list[_Taken]) -> Outcome:
    """Send emails already taken, recording each one's outcome as soon as it is known."""
    if not mails:
        return Outcome()
    with ExitStack() as stack:
        try:
            send = stack.enter_context(transport(settings))
        except Exception as error:  # no connection: every email fails with it
            for mail in mails:
                _record_failure(mail, error)
            return Outcome(failed=len(mails))
        outcome = Outcome()
        for mail in mails:
            try:
                send(build_message(settings["MAIL_SENDER"], mail.to, mail.subject, mail.body))
            except Exception as error:  # one email refused must not hold back the others
                _record_failure(mail, error)
                outcome += Outcome(failed=1)
            else:
                _record(mail, sent_at=utcnow())
                outcome += Outcome(sent=1)
        return outcome


def _record(mail: _Taken, **values) -> None:
    query = update(OutboxMail).where(OutboxMail.id == mail.id).values(**values)
    db.session.execute(query, execution_options={"synchronize_session": False})
    db.session.commit()


def _record_failure(mail: _Taken, error: Exception) -> None:
    message = f"{type(error).__name__}: {error}"[:ERROR_LIMIT]
    if mail.attempts < MAX_ATTEMPTS:
        _record(
            mail, last_error=message, next_attempt_at=utcnow() + RETRY_DELAYS[mail.attempts - 1]
        )
    else:
        _record(mail, last_error=message)
    outbox_logger.warning(
        "email %s to %s not sent (attempt %s of %s): %s",
        mail.id,
        mail.to,
        mail.attempts,
        MAX_ATTEMPTS,
        message,
    )
