"""Module bodies from Markdown to HTML with GOV.UK classes, by markdown-it-py.

Raw HTML is off, so any HTML in the content is shown as text, and a link or image keeps its
target only when the target, read as a browser would read it (entities decoded, spaces and
control characters ignored), is relative or uses http, https or mailto. So a module file
cannot put script into a page, however it spells "javascript:".

A table is named by a paragraph of its own just before it that starts ``Table:``, as in
Pandoc; that paragraph becomes the table's caption, and names the region it scrolls in.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

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
    "caption": "govuk-table__caption govuk-table__caption--s",
    "thead": "govuk-table__head",
    "tbody": "govuk-table__body",
    "tr": "govuk-table__row",
    "th": "govuk-table__header",
    "td": "govuk-table__cell",
    "blockquote": "govuk-inset-text",
    "hr": "govuk-section-break govuk-section-break--l govuk-section-break--visible",
}
SAFE_SCHEMES = {"", "http", "https", "mailto"}
CAPTION_MARK = "Table:"


def safe_url(url: str) -> bool:
    """Whether a link target is relative or uses http, https or mailto."""
    cleaned = "".join(char for char in url if char.isprintable() and not char.isspace())
    try:
        return urlsplit(cleaned).scheme.lower() in SAFE_SCHEMES
    except ValueError:
        return False


def _safe_target(target: str) -> bool:
    """Whether a parsed target is safe both as written and with its %-escapes decoded."""
    return safe_url(target) and safe_url(unquote(target))


def _header_scope(state: StateCore) -> None:
    """Column headers say they head their column, for screen readers."""
    in_head = False
    for token in state.tokens:
        if token.type in ("thead_open", "thead_close"):
            in_head = token.type == "thead_open"
        elif token.type == "th_open":
            token.attrSet("scope", "col" if in_head else "row")


def _caption_text(paragraph: Token) -> str | None:
    """What follows "Table:" in a paragraph's text, or None if it does not start so."""
    text = paragraph.content.strip()
    if not text.startswith(CAPTION_MARK):
        return None
    return text[len(CAPTION_MARK) :].strip() or None


def _plain_text(inline: Token) -> str:
    """An inline token's text without its Markdown: what a label can say."""
    words = (
        " " if child.type in ("softbreak", "hardbreak") else child.content
        for child in inline.children or ()
        if child.type in ("text", "code_inline", "softbreak", "hardbreak")
    )
    return " ".join("".join(words).split())


def _table_captions(state: StateCore) -> None:
    """A "Table: ..." paragraph just before a table becomes that table's caption."""
    tokens = state.tokens
    index = 0
    while index + 3 < len(tokens):
        opening, inline, closing, table = tokens[index : index + 4]
        caption = None
        if opening.type == "paragraph_open" and table.type == "table_open":
            caption = _caption_text(inline)
        if caption is None:
            index += 1
            continue
        children: list[Token] = []
        state.md.inline.parse(caption, state.md, state.env, children)
        inline.content, inline.children = caption, children
        opening.type, opening.tag = "caption_open", "caption"
        closing.type, closing.tag = "caption_close", "caption"
        tokens[index : index + 4] = [table, opening, inline, closing]
        index += 4


def _scrolling_tables(parser: MarkdownIt) -> None:
    """Each table in a region that scrolls sideways on a narrow screen, reachable by keyboard,
    named by the table's caption."""

    def table_open(renderer, tokens, index, options, env):
        env["tables"] = env.get("tables", 0) + 1
        caption = index + 2 < len(tokens) and tokens[index + 1].type == "caption_open"
        name = _plain_text(tokens[index + 2]) if caption else f"Table {env['tables']}"
        opening = (
            '<div class="app-table-scroll" role="region" tabindex="0" '
            f'aria-label="{escapeHtml(name)}, scrolls sideways on a narrow screen">'
        )
        return opening + renderer.renderToken(tokens, index, options, env)

    def table_close(renderer, tokens, index, options, env):
        return renderer.renderToken(tokens, index, options, env) + "</div>"

    parser.add_render_rule("table_open", table_open)
    parser.add_render_rule("table_close", table_close)


def _govuk_classes(state: StateCore) -> None:
    """Drop unsafe targets, give every element its GOV.UK class, numeric columns their own."""
    tokens = list(state.tokens)
    for token in state.tokens:
        tokens.extend(token.children or ())
    for token in tokens:
        for attribute in ("href", "src"):
            target = token.attrs.get(attribute)
            if target is not None and not _safe_target(str(target)):
                del token.attrs[attribute]
        if token.tag not in CLASSES or token.nesting == -1:
            continue
        classes = CLASSES[token.tag]
        style = str(token.attrs.pop("style", ""))
        if token.tag in ("th", "td") and "right" in style:
            classes += f" {CLASSES[token.tag]}--numeric"
        token.attrSet("class", classes)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """CommonMark with tables, raw HTML off and the link allow-list."""
    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    # every link is parsed, so its text survives; _govuk_classes then drops unsafe targets
    parser.validateLink = lambda _target: True
    parser.core.ruler.push("table_captions", _table_captions)
    parser.core.ruler.push("govuk_classes", _govuk_classes)
    parser.core.ruler.push("header_scope", _header_scope)
    _scrolling_tables(parser)
    return parser


@lru_cache(maxsize=64)
def render_markdown(text: str) -> str:
    """The HTML of a Markdown text, safe to mark as safe in a template."""
    return _parser().render(text)
