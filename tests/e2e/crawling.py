"""Visit every page a signed-in person can reach by following links, at two widths.

The crawl starts at the person's home page and follows links within the site (GET only:
links are all it follows, never a form). It leaves out what is not a page to look at
(downloads, PDFs, CSV and JSON, the API, signing out) and links whose visit changes
something (opening a notification marks it read). Pages that differ only by an id, or
only in what an "are you sure?" page confirms, are visited a few times, not for every id.
Each page is checked at a desktop and a phone width: it must fit the window, hide nothing
it holds and name its tables. axe-core scans it once, at desktop width (an address another
person's crawl has scanned already is not scanned again).
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urldefrag, urlsplit

from .browsing import Visitor, page_key
from .inspecting import clipped, table_problems, too_wide

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
MOST_PAGES = 150
SAME_PATTERN = 2  # pages visited per pattern of address, ids aside
SKIPPED = re.compile(
    r"sign-out|\.(pdf|csv|json|zip)$|^/api/|^/static/|^/attachments/\d+$|^/notifications/\d+$"
)
LINKS = """() => [...document.querySelectorAll('a[href]')]
  .filter((a) => !a.hasAttribute('download'))
  .map((a) => a.href)"""


ID_AFTER = {"items", "examples"}  # the segment after these names one thing of many
CONFIRMS = {"remove", "delete", "deactivate", "withdraw"}  # "are you sure?" pages


def pattern(path: str, query: str) -> str:
    """An address with its ids and query values left out, so that alike pages group.

    Confirmation pages group together whatever they confirm: one looks like the next.
    """
    segments = path.split("/")
    if segments[-1] in CONFIRMS:
        return f"confirm {segments[-1]}"
    for index, segment in enumerate(segments[1:], start=1):
        if re.search(r"\d", segment) or segments[index - 1] in ID_AFTER:
            segments[index] = "<id>"
    keys = sorted({key for key, _ in parse_qsl(query, keep_blank_values=True)})
    return "/".join(segments) + ("?" + "&".join(keys) if keys else "")


@dataclass
class Crawl:
    """One person's visit of every page they can reach from their home page."""

    person: Visitor
    scanned: set[str] = field(default_factory=set)
    limit: int = MOST_PAGES
    visited: list[str] = field(default_factory=list)
    _found_on: dict[str, str] = field(default_factory=dict)
    _patterns: Counter = field(default_factory=Counter)

    def _address(self, href: str) -> str | None:
        """The site-relative address of a link worth following, or None."""
        href, _ = urldefrag(href)
        if not href.startswith(self.person.base_url + "/"):
            return None
        parts = urlsplit(href)
        if SKIPPED.search(parts.path):
            return None
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def _queue(self, todo: list[str], hrefs: list[str], on: str) -> None:
        for href in hrefs:
            address = self._address(href)
            if address is None or address in self._found_on:
                continue
            self._found_on[address] = on
            path, _, query = address.partition("?")
            kind = pattern(path, query)
            if self._patterns[kind] < SAME_PATTERN:
                self._patterns[kind] += 1
                todo.append(address)

    def run(self) -> list[str]:
        """Visit pages breadth first from the home page; return the addresses visited."""
        page = self.person.page
        todo = ["/"]
        self._found_on["/"] = "/"
        sizes = (DESKTOP, PHONE)
        while todo and len(self.visited) < self.limit:
            address = todo.pop(0)
            response = page.goto(self.person.base_url + address, wait_until="domcontentloaded")
            self.visited.append(address)
            where = page_key(self.person.path(), page.title())
            if response is not None and response.status >= 400:
                found_on = self._found_on[address]
                self.person.audit.note(
                    where, [f"the link on {found_on} leads here and gets {response.status}"]
                )
                continue
            self.inspect(where, sizes, address)
            sizes = sizes[::-1]  # the next page starts at the width this one ended on
            self._queue(todo, page.evaluate(LINKS), address)
        return self.visited

    def inspect(self, where: str, sizes: tuple[dict, dict], address: str) -> None:
        """Check the page at both widths, the current one first; axe scans at desktop width."""
        page, audit = self.person.page, self.person.audit
        for size in sizes:
            page.set_viewport_size(size)
            problems = too_wide(page) + clipped(page)
            audit.note(where, [f"at {size['width']}px: {problem}" for problem in problems])
            if size is DESKTOP and address not in self.scanned:
                self.scanned.add(address)
                audit.scan(page, where)
        audit.note(where, table_problems(page))
