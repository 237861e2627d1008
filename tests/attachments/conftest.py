"""Fixtures: the same parties, draft and submission as the messages' tests, with attachments
kept in a directory of the test's own."""

from tests.messages.conftest import (  # noqa: F401  (fixtures shared with the messages' tests)
    LOG_ONLY,
    as_person,
    attachments_dir,
    draft,
    people,
    submission,
)
