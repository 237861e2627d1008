"""Module bodies from Markdown to HTML with GOV.UK classes, with raw HTML escaped.

Raw HTML in the content is shown as text, never passed through, and links keep only safe
schemes, so a module file cannot inject script into a page.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from functools import lru_cache
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

CLASSES = {
    "h1": "govuk-heading-l",
    "h2": "govuk-heading-m",
    "h3": "govuk-heading-s",
    "h4": "govuk-heading-s",
    "p": "govuk-body",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "a": "govuk-link",
    "table": "govuk-table",
    "thead": "govuk-table__head",
    "tbody": "govuk-table__body",
    "tr": "govuk-table__row",
    "th": "govuk-table__header",
    "td": "govuk-table__cell",
    "blockquote": "govuk-inset-text",
    "hr": "govuk-section-break govuk-section-break--l govuk-section-break--visible",
}
SAFE_SCHEMES = {"", "http", "https", "mailto"}


class _GovukTree(Treeprocessor):
    """Adds GOV.UK classes and drops link targets with unsafe schemes."""

    def run(self, root: etree.Element) -> None:
        """Walk the whole tree once, after the inline patterns have run."""
        for element in root.iter():
            if element.tag in CLASSES:
                element.set("class", CLASSES[element.tag])
            element.attrib.pop("style", None)
            element.attrib.pop("align", None)
            for attribute in ("href", "src"):
                if attribute in element.attrib and not safe_url(element.attrib[attribute]):
                    del element.attrib[attribute]


class _EscapeHtml(Extension):
    """Treats raw HTML blocks and inline tags as text, which the serialiser escapes."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (the Markdown API)
        """Remove the raw HTML handlers and add the GOV.UK tree processor."""
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_GovukTree(md), "govuk", 15)


def safe_url(url: str) -> bool:
    """Whether a link target is relative or uses http, https or mailto."""
    cleaned = "".join(char for char in url if char.isprintable() and not char.isspace())
    try:
        return urlsplit(cleaned).scheme.lower() in SAFE_SCHEMES
    except ValueError:
        return False


@lru_cache(maxsize=64)
def render_markdown(text: str) -> str:
    """The HTML of a Markdown text, safe to mark as safe in a template."""
    converter = markdown.Markdown(extensions=["tables", "sane_lists", _EscapeHtml()])
    return converter.convert(text)
