"""Question hints that name a glossary term link to its entry in the glossary.

A hint, declared in ``areas/``, marks a term as ``[[deadweight]]`` (the entry's slug made
from the words) or ``[[would have happened anyway|deadweight]]`` (the words, then the slug).
When the page is drawn, the hint's text is escaped and each marked term becomes a link; the
words stay as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup, escape

TERM = re.compile(r"\[\[([^\[\]|]+)(?:\|([a-z0-9-]+))?\]\]")


def slug_of(match: re.Match) -> str:
    """The glossary slug a marked term links to."""
    return match[2] or "-".join(match[1].lower().split())


def glossary_slugs(hint: str) -> list[str]:
    """The glossary entries a hint links to, in order."""
    return [slug_of(match) for match in TERM.finditer(hint)]


def plain(hint: str) -> str:
    """The hint's words without the markers, for where it is shown as plain text."""
    return TERM.sub(lambda match: match[1], hint)


def linked(hint: str, link: Callable[[str], str]) -> Markup | str:
    """The hint as safe markup with each marked term a link to ``link(slug)``; a hint with
    no marked term comes back unchanged."""
    if not TERM.search(hint):
        return hint
    parts, last = [], 0
    for match in TERM.finditer(hint):
        parts.append(escape(hint[last : match.start()]))
        href = escape(link(slug_of(match)))
        parts.append(Markup('<a class="govuk-link" href="{}">{}</a>').format(href, match[1]))
        last = match.end()
    parts.append(escape(hint[last:]))
    return Markup("").join(parts)


def glossary_hint(hint: str) -> Markup | str:
    """The hint with its marked terms linked to the glossary page (in a request)."""
    from flask import url_for

    return linked(hint, lambda slug: url_for("help.glossary", _anchor=slug))
