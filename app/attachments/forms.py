"""Attachment forms: choose a file, and confirm a deletion."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from govuk_frontend_wtf.wtforms_widgets import GovFileInput, GovSubmitInput
from wtforms import SubmitField

FILE_HINT = (
    "A PDF, an image (PNG, JPEG, GIF or WebP), an office document (Word, Excel, PowerPoint, "
    "OpenDocument) or a CSV file, up to 10 MB. A submission's attachments can take 50 MB "
    "together."
)


class AttachForm(FlaskForm):
    """Attach one file to a submission."""

    file = FileField("Choose a file", widget=GovFileInput(), description=FILE_HINT)
    submit = SubmitField("Attach the file", widget=GovSubmitInput())


class DeleteAttachmentForm(FlaskForm):
    """Confirm that an attachment goes."""

    submit = SubmitField("Yes, delete it", widget=GovSubmitInput())
