"""The message form (with an optional attachment) and the internal note form."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount, GovFileInput, GovSubmitInput
from wtforms import SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..attachments.forms import FILE_HINT
from ..triage.forms import one_newline

TEXT_LIMIT = 10_000


def _text(label: str, required: str) -> TextAreaField:
    """Plain text up to TEXT_LIMIT characters, counted as the browser counts them."""
    return TextAreaField(
        label,
        widget=GovCharacterCount(),
        filters=[one_newline],
        validators=[
            DataRequired(message=required),
            Length(max=TEXT_LIMIT, message=f"{label}: use {TEXT_LIMIT:,} characters or fewer"),
        ],
    )


class MessageForm(FlaskForm):
    """A message to the other side, with a file if wanted."""

    body = _text("Message", "Enter your message")
    file = FileField("Attach a file (optional)", widget=GovFileInput(), description=FILE_HINT)
    submit = SubmitField("Send message", widget=GovSubmitInput())


class NoteForm(FlaskForm):
    """A note for the body's commissioners only."""

    body = _text("Note", "Enter your note")
    submit = SubmitField("Add note", widget=GovSubmitInput())
