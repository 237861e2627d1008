"""Routes that take attachments: a larger request limit for them alone, and the file read.

The site refuses any request over MAX_CONTENT_LENGTH (2 MB). A route that takes an attachment
raises its own request's limit first, so a file up to the submission's 50 MB allowance
reaches the view and gets an error naming it, with the rest of the form kept. The CSRF check
reads the form, so it must run after the limit is raised: these routes are exempt from the
site-wide check, which runs before any view, and make the same check themselves once the
limit is set.
"""

from collections.abc import Callable
from functools import wraps

from flask import abort, current_app, request
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import RequestEntityTooLarge

from ..extensions import csrf
from . import storage
from .services import Upload

# the whole allowance of one submission, and room for a message and the form's other fields
REQUEST_LIMIT = storage.MAX_PROPOSAL_BYTES + storage.MEGABYTE
TOO_LARGE = (
    "The file is too large to send. Each attachment can be up to 10 MB, and a submission's "
    "attachments up to 50 MB together. Go back and choose a smaller file."
)


def accepts_attachments(view: Callable) -> Callable:
    """Let the view receive files up to REQUEST_LIMIT, checking CSRF once the limit is set."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        request.max_content_length = REQUEST_LIMIT
        try:
            request.form  # noqa: B018  (parse now, so a request too large is told so here)
            request.files  # noqa: B018
        except RequestEntityTooLarge:
            abort(413, description=TOO_LARGE)
        config = current_app.config
        if config.get("WTF_CSRF_ENABLED", True) and config.get("WTF_CSRF_CHECK_DEFAULT", True):
            csrf.protect()
        return view(*args, **kwargs)

    return csrf.exempt(wrapped)


def upload_from(field: FileStorage | None) -> Upload | None:
    """The chosen file with its bytes (one byte past the limit at most), or None if none."""
    if field is None or not field.filename:
        return None
    return Upload(field.filename, field.stream.read(storage.MAX_FILE_BYTES + 1))
