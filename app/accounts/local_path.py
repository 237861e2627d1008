"""Whether a `next` address after signing in stays on this site.

Browsers are generous with a Location header: they drop leading spaces and control characters,
ignore tabs and line breaks anywhere, read a backslash as a slash, and take `//host` (or `/\\host`)
as another site. So only a plain path is accepted: it starts with one slash, holds no spaces,
control characters or backslashes, and still does however often its percent-encoding is undone
(`/%2F%2Fevil.example` must not become `//evil.example` in some later hop).
"""

import re
from urllib.parse import unquote

MAX_LENGTH = 2000
MAX_DECODES = 4
_UNSAFE = re.compile(r"[\x00-\x20\x7f\\]")


def is_local_path(target: str | None) -> bool:
    """Whether the address is a path on this site that no browser could read as another site."""
    if not target or len(target) > MAX_LENGTH or _UNSAFE.search(target):
        return False
    path = target.split("?", 1)[0].split("#", 1)[0]
    for _ in range(MAX_DECODES):
        if not path.startswith("/") or path.startswith(("//", "/\\")) or _UNSAFE.search(path):
            return False
        decoded = unquote(path)
        if decoded == path:
            return True
        path = decoded
    return False
