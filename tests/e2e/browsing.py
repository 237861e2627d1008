"""A person in a browser: navigating by what the page says, with every page audited.

Each page a visitor arrives at is checked for server errors and browser console errors (a
Content-Security-Policy refusal shows there) and, when JavaScript runs, scanned with axe-core
against WCAG 2.2 A and AA and axe's best practices. Findings are collected per page by an
:class:`Audit` so that a journey fails once, at its end, with a readable list.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import BrowserContext, Download, Locator, Page, expect

BLOCKING_IMPACTS = ("serious", "critical")
# Target size (WCAG 2.2, 2.5.8) blocks at any impact: a control too small to hit is a
# barrier whatever axe estimates.
BLOCKING_RULES = ("target-size",)
# axe's default set was WCAG 2.0 and 2.1 A and AA with the best practices; runOnly by tag
# keeps that and adds WCAG 2.2 AA, whose rules axe (4.14) leaves off by default.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")
AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
  });
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
  }));
}"""


def page_key(path: str, title: str) -> str:
    """A page's name in a report: its path with ids as <n>, and its title."""
    return f"{re.sub(r'/[0-9]+', '/<n>', path.split('#')[0])} ({title})"


@dataclass
class Audit:
    """What went wrong on the pages of one test, keyed by page."""

    axe_source: str
    screenshots: Path
    server_log: Path
    violations: dict[str, list[str]] = field(default_factory=dict)
    layout: dict[str, list[str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    scans: int = 0

    def scan(self, page: Page, where: str) -> None:
        """Run axe-core in the page and keep its serious and critical violations."""
        self.scans += 1
        # Evaluated through the DevTools protocol, so the page's CSP needs no relaxing.
        page.evaluate(self.axe_source)
        found = [
            f"[{v['impact']}] {v['id']}: {v['help']} ({', '.join(v['targets'])})"
            for v in page.evaluate(AXE_RUN, list(AXE_TAGS))
            if v["impact"] in BLOCKING_IMPACTS or v["id"] in BLOCKING_RULES
        ]
        self._keep(self.violations, where, found)

    def note(self, where: str, problems: list[str]) -> None:
        """Keep problems found on a page by the checks of :mod:`inspecting`."""
        self._keep(self.layout, where, problems)

    @staticmethod
    def _keep(findings: dict[str, list[str]], where: str, found: list[str]) -> None:
        known = findings.setdefault(where, [])
        known.extend(item for item in found if item not in known)
        if not known:
            del findings[where]

    def report(self) -> str:
        """Every finding as a readable list, or an empty string when there is none."""
        lines = []
        if self.violations:
            lines.append("Serious or critical accessibility violations:")
            for where, found in self.violations.items():
                lines.append(f"  {where}")
                lines.extend(f"    - {item}" for item in found)
        if self.layout:
            lines.append("Pages that do not fit, hide content or leave tables unexplained:")
            for where, found in self.layout.items():
                lines.append(f"  {where}")
                lines.extend(f"    - {item}" for item in found)
        if self.errors:
            lines.append(f"Errors seen by the browser (the site's log is {self.server_log}):")
            lines.extend(f"  - {error}" for error in self.errors)
        return "\n".join(lines)

    def assert_clean(self) -> None:
        """Fail with the list of findings, if there are any."""
        assert not self.report(), "\n" + self.report()


class Visitor:
    """One person's browser tab on the served site."""

    def __init__(self, context: BrowserContext, base_url: str, audit: Audit, name: str):
        self.context = context
        self.base_url = base_url
        self.audit = audit
        self.name = name
        self.scripts = True
        self.page = context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: audit.errors.append(f"{name}: {error}"))
        self.page.on("response", self._response)

    def _console(self, message) -> None:
        if message.type == "error":
            self.audit.errors.append(f"{self.name} at {self.page.url}: {message.text}")

    def _response(self, response) -> None:
        if response.request.resource_type == "document" and response.status >= 500:
            self.audit.errors.append(f"{self.name}: {response.status} from {response.url}")

    # Arriving -------------------------------------------------------------------------

    def path(self) -> str:
        """The path of the page shown, without the site address."""
        return self.page.url.removeprefix(self.base_url)

    def arrived(self, screenshot: str | None = None) -> None:
        """Audit the page just reached and, if named, keep a full-page screenshot."""
        self.page.wait_for_load_state("load")
        where = page_key(self.path(), self.page.title())
        if self.scripts:
            self.audit.scan(self.page, where)
        if screenshot:
            self.page.screenshot(
                path=str(self.audit.screenshots / f"{screenshot}.png"), full_page=True
            )

    def open(self, path: str, screenshot: str | None = None) -> None:
        """Type an address into the address bar."""
        self.page.goto(self.base_url + path)
        self.arrived(screenshot)

    def follow(self, text: str, screenshot: str | None = None, within: Locator | None = None):
        """Click a link by its text."""
        scope = within or self.page
        with self.page.expect_navigation():
            scope.get_by_role("link", name=text, exact=True).first.click()
        self.arrived(screenshot)

    def press(self, text: str, screenshot: str | None = None, within: Locator | None = None):
        """Click a button by its text and wait for the next page."""
        scope = within or self.page
        with self.page.expect_navigation():
            scope.get_by_role("button", name=text, exact=True).first.click()
        self.arrived(screenshot)

    def go_by(self, target: Locator, screenshot: str | None = None) -> None:
        """Click a link or button found some other way than by its text."""
        with self.page.expect_navigation():
            target.click()
        self.arrived(screenshot)

    def download(self, text: str) -> Download:
        """Click a link that downloads a file."""
        with self.page.expect_download() as started:
            self.page.get_by_role("link", name=text, exact=True).click()
        return started.value

    # Answering ------------------------------------------------------------------------

    def fill(self, label: str, text: str) -> None:
        """Type into the field with this label."""
        self.page.get_by_label(label, exact=True).fill(text)

    def choose(self, legend: str, option: str) -> None:
        """Pick a radio button or tick a checkbox in the question with this legend."""
        group = self.page.get_by_role("group", name=legend, exact=True)
        group.get_by_label(option, exact=True).check()

    def select(self, label: str, option: str) -> None:
        """Pick an option of a drop-down list."""
        self.page.get_by_label(label, exact=True).select_option(label=option)

    def sign_in(self, email: str, password: str, screenshot: str | None = None) -> None:
        """Sign in through the form."""
        self.open("/sign-in", screenshot)
        self.fill("Email address", email)
        self.fill("Password", password)
        self.press("Sign in")
        expect(self.page.get_by_text("Signed in as")).to_be_visible()

    # Reading --------------------------------------------------------------------------

    def heading(self) -> Locator:
        """The page's main heading."""
        return self.page.locator("h1")

    def error_summary(self) -> Locator:
        """The GOV.UK error summary at the top of the page."""
        return self.page.locator(".govuk-error-summary")

    def task_status(self, section_title: str) -> Locator:
        """The status shown beside a section on the task list."""
        row = self.page.locator(".govuk-task-list__item").filter(
            has=self.page.get_by_role("link", name=section_title, exact=True)
        )
        return row.locator(".govuk-task-list__status")
