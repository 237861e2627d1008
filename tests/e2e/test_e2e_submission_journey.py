"""A challenge from sign-up to the public register, in a real browser.

A member of a new charity builds a challenge to Anytown Borough Council through the task
list, is stopped by a mistyped amount without losing it, checks the draft, follows a finding
to its training module and submits. The council's commissioner starts the review and asks
for more information; the charity revises and resubmits; the commissioner records a
judgement, accepts, downloads the assessment report and the decision reaches the register.
One section is completed with the keyboard alone. Every page is scanned with axe-core.
"""

import io
import json
import re
from pathlib import Path

from playwright.sync_api import expect
from pypdf import PdfReader

from .browsing import Visitor

COUNCIL = "Anytown Borough Council"
EMAIL = "morgan@riverside-carers.example.org"
TITLE = "Young carers' breaks run by the community"
SERVICE = "Young carers' respite breaks"
REVISED = "Weekly breaks and a holiday scheme for young carers aged 8 to 17, with transport."
REASON = "Tell us how many young carers were involved in setting the outcomes, and how."
VFM = {
    "Economy: spending less": "We buy transport through the county framework at a lower rate.",
    "Efficiency: spending well": "Volunteers run the sessions, so each break costs less.",
    "Effectiveness: spending wisely": "Breaks reduce caring strain, measured by the MACA-YC18.",
    "Equity: spending fairly": "Places go first to carers with the heaviest caring load.",
}


def mailed_link(server_log: Path, to: str, path_start: str) -> str:
    """The path of the last link to `path_start` in email the site wrote to its log for `to`."""
    links = []
    for line in server_log.read_text().splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if not isinstance(entry, dict) or entry.get("logger") != "valuecase.mail":
            continue
        message = entry.get("message", "")
        if message.startswith(f"mail to={to} "):
            links += re.findall(r"https?://[^/\s]+(" + re.escape(path_start) + r"\S+)", message)
    assert links, f"no email to {to} with a link to {path_start} in {server_log}"
    return links[-1]


def sign_up(person: Visitor) -> None:
    """Create an account and register a new charity: details, the emailed link, a password."""
    person.open("/sign-up", screenshot="sign-up")
    person.fill("Full name", "Morgan Reed")
    person.fill("Email address", EMAIL)
    person.fill("Organisation name (optional)", "Riverside Young Carers")
    person.choose("Type of organisation", "Charity")
    person.press("Continue", screenshot="sign-up-check-email")
    expect(person.heading()).to_have_text("Check your email")
    person.open(mailed_link(person.audit.server_log, EMAIL, "/sign-up/"))
    expect(person.heading()).to_have_text("Choose a password")
    person.fill("Create a password", "lantern orchard harbour 42")
    person.fill("Confirm your password", "lantern orchard harbour 42")
    person.press("Create account", screenshot="home-signed-in")
    expect(person.page.get_by_text("Your account has been created.")).to_be_visible()


def start_challenge(person: Visitor) -> None:
    """Start a challenge to the council from the submissions list."""
    person.follow("Submissions", screenshot="submissions")
    person.follow("Start a new submission")
    person.choose(
        "What do you want to do?",
        "Challenge a service the public body runs today (right to challenge)",
    )
    person.select("Public body the submission goes to", COUNCIL)
    person.fill("Title", TITLE)
    person.press("Start", screenshot="task-list")
    expect(person.heading()).to_have_text(TITLE)
    expect(person.task_status("The service")).to_have_text("Not started")


def describe_service_with_a_mistyped_cost(person: Visitor) -> None:
    """A non-number in a money field: the error summary shows and nothing typed is lost."""
    person.follow("The service")
    person.fill("Name of the service", SERVICE)
    person.fill("What the service does", "Weekly breaks for young carers aged 8 to 17.")
    person.fill("Who runs it today", "Anytown Borough Council children's services")
    person.fill("What it costs today each year, in pounds", "about 180 thousand")
    person.choose("Have you completed this section?", "Yes, I have completed this section")
    person.press("Save and continue", screenshot="section-error")
    summary = person.error_summary()
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("What it costs today each year, in pounds: enter a number")
    cost = person.page.get_by_label("What it costs today each year, in pounds", exact=True)
    expect(cost).to_have_value("about 180 thousand")
    expect(person.page.get_by_label("Name of the service", exact=True)).to_have_value(SERVICE)
    summary.get_by_role("link").first.click()
    expect(cost).to_be_focused()
    cost.fill("£180,000")
    person.choose("Have you completed this section?", "Yes, I have completed this section")
    person.press("Save and continue")
    expect(person.task_status("The service")).to_have_text("Completed")


def add_stakeholder(person: Visitor, name: str, size: str, effect: str) -> None:
    """Add one stakeholder group on its own page."""
    person.follow("Add a stakeholder")
    person.fill("Name of the group", name)
    person.fill("How many people or organisations are in the group", size)
    person.choose("What change is this group expected to experience?", effect)
    person.choose("Is this group material to the analysis?", "Yes")
    person.choose("How were they involved?", "Focus groups")
    person.fill("How many people were involved", "24")
    person.choose(
        "At which stages of the analysis were they involved?",
        "Outcomes: describing what changes for them",
    )
    person.press("Save and continue")
    expect(person.page.locator(".govuk-summary-list")).to_contain_text(name)


def add_stakeholders(person: Visitor) -> None:
    """Two stakeholder groups, then the section marked complete."""
    person.follow("Stakeholders")
    expect(person.page.get_by_text("No stakeholders yet.")).to_be_visible()
    add_stakeholder(person, "Young carers", "240", "Positive")
    add_stakeholder(person, "Parents of young carers", "200", "Mixed")
    person.choose("Have you completed this section?", "Yes, I have completed this section")
    person.press("Save and return to the task list")
    expect(person.task_status("Stakeholders")).to_have_text("Completed")


def add_outcome(person: Visitor) -> None:
    """An outcome over its four pages, its proxy mistyped then fixed."""
    person.follow("Outcomes and their values")
    person.follow("Add an outcome", screenshot="outcome")
    person.select("Who experiences this change", "Young carers")
    person.fill("The change experienced", "Less stress from caring")
    person.fill("Indicator", "MACA-YC18 score falls by 5 points")
    person.fill("How many experience it", "120")
    person.fill("How long the change lasts, in years", "2")
    person.press("Save and continue")
    expect(person.page.locator("h1")).to_contain_text("The value of the change")
    person.fill("Financial proxy", "Cost of a course of counselling")
    person.fill("Value of the proxy, in pounds per unit a year", "twelve hundred")
    person.press("Save and continue")
    proxy = person.page.get_by_label("Value of the proxy, in pounds per unit a year", exact=True)
    expect(person.error_summary()).to_contain_text("Value of the proxy")
    expect(proxy).to_have_value("twelve hundred")
    expect(person.page.get_by_label("Financial proxy", exact=True)).to_have_value(
        "Cost of a course of counselling"
    )
    proxy.fill("1,200")
    person.press("Save and continue")
    expect(person.page.locator("h1")).to_contain_text("How much of the change is due")
    person.fill("Deadweight, as a percentage", "20%")
    person.fill("Attribution, as a percentage", "10%")
    person.press("Save and continue")
    expect(person.page.locator("h1")).to_contain_text("The evidence for the outcome")
    person.press("Save and continue")
    expect(person.page.locator(".govuk-summary-list")).to_contain_text("Less stress")
    person.choose("Have you completed this section?", "Yes, I have completed this section")
    person.press("Save and return to the task list")
    expect(person.task_status("Outcomes and their values")).to_have_text("Completed")


def read_the_value_account(person: Visitor) -> None:
    """The value account the draft claims, with the outcome on the impact map."""
    person.follow("See the value account your case claims", screenshot="value-account")
    expect(person.page.locator("#impact-map")).to_contain_text("Less stress from caring")
    person.follow("Back to the task list")


def tab_to(person: Visitor, selector: str, presses: int = 60) -> None:
    """Press Tab until the element matching the selector has the focus."""
    for _ in range(presses):
        person.page.keyboard.press("Tab")
        if person.page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def complete_vfm_with_the_keyboard(person: Visitor) -> None:
    """The four Es section, reached, answered and saved without the mouse."""
    keyboard = person.page.keyboard
    tab_to(person, "a[href$='/sections/vfm']")
    with person.page.expect_navigation():
        keyboard.press("Enter")
    person.arrived(screenshot="section-vfm")
    expect(person.heading()).to_have_text("The four Es of value for money")
    for name, (label, text) in zip(
        ("economy", "efficiency", "effectiveness", "equity"), VFM.items(), strict=True
    ):
        tab_to(person, f"textarea[name='{name}']")
        keyboard.type(text)
        expect(person.page.get_by_label(label, exact=True)).to_have_value(text)
    tab_to(person, "input[name='completed']")
    keyboard.press("Space")  # the first option: yes, completed
    expect(person.page.get_by_label("Yes, I have completed this section")).to_be_checked()
    tab_to(person, "button[type='submit'], input[type='submit']")
    with person.page.expect_navigation():
        keyboard.press("Enter")
    person.arrived()
    expect(person.task_status("The four Es of value for money")).to_have_text("Completed")


def self_check_and_learn(person: Visitor) -> None:
    """Run the self-check, follow a finding to its module and to the learning plan."""
    person.follow("Check for gaps", screenshot="self-check")
    expect(person.heading()).to_have_text("Check for gaps")
    check_path = person.path()
    finding = person.page.locator(".app-finding").filter(has_text="Learn:").first
    module_link = finding.get_by_role("link").filter(has_text=re.compile(r"^M\d+\.\d+$")).first
    module_id = module_link.inner_text().strip()
    with person.page.expect_navigation():
        module_link.click()
    person.arrived(screenshot="training-module")
    assert person.path() == f"/training/modules/{module_id}"
    expect(person.page.locator(".govuk-caption-l")).to_contain_text(module_id)
    person.open(check_path)
    person.follow("See your learning plan: the modules that close these gaps")
    expect(person.page.locator(f"[id='plan-{module_id}']")).to_be_visible()
    person.open(check_path)


def submit(person: Visitor, screenshot: str | None = None) -> None:
    """Check the answers and submit from the task list."""
    person.follow("Review and submit", screenshot=screenshot)
    person.press("Submit to the public body")
    expect(person.heading()).to_have_text(f"Submitted to {COUNCIL}")
    person.follow("See its status and versions")
    expect(person.page.locator("#status")).to_have_text("Submitted")


def build_and_submit(person: Visitor) -> str:
    """The charity's side up to the first submission; the task-list path."""
    sign_up(person)
    start_challenge(person)
    task_list = person.path()
    describe_service_with_a_mistyped_cost(person)
    add_stakeholders(person)
    add_outcome(person)
    read_the_value_account(person)
    complete_vfm_with_the_keyboard(person)
    self_check_and_learn(person)
    person.follow("Back to the task list")
    submit(person, screenshot="check-answers")
    return task_list


def ask_for_more_information(person: Visitor) -> None:
    """The commissioner finds the challenge in the queue, starts the review and asks."""
    person.sign_in("commissioner@demo.example.org", "demo-pass-2026", screenshot="sign-in")
    person.follow("Triage", screenshot="triage-queue")
    queue = person.page.locator("#queue")
    expect(queue).to_contain_text(TITLE)
    person.follow(TITLE, within=queue)
    expect(person.page.locator("#status")).to_have_text("Submitted")
    person.press("Start review", screenshot="review")
    expect(person.page.locator("#status")).to_have_text("In review")
    person.follow("Ask for more information")
    person.choose("Which sections need more information?", "The service")
    person.fill("What is needed for The service", REASON)
    person.press("Send the request")
    expect(person.page.locator("#status")).to_have_text("More information requested")
    person.follow("Audit trail")
    expect(person.page.locator("#trail")).to_be_visible()
    expect(person.page.locator("table").last).to_contain_text(REASON)


def revise_and_resubmit(person: Visitor, task_list: str) -> None:
    """The charity reads the request, changes one answer and submits again."""
    person.follow("Notifications", screenshot="notifications")
    expect(person.page.locator("#notifications")).to_contain_text(REASON)
    person.open(task_list)
    expect(person.page.locator("#status")).to_have_text("More information requested")
    person.follow("The service")
    expect(person.page.get_by_label("Name of the service", exact=True)).to_have_value(SERVICE)
    person.fill("What the service does", REVISED)
    person.press("Save and continue")
    submit(person)
    expect(person.page.get_by_role("link", name="Version 2")).to_be_visible()


def judge_accept_and_report(person: Visitor) -> None:
    """Review version 2, record a judgement, accept and download the assessment report."""
    person.page.reload()
    person.arrived()
    expect(person.page.locator("#status")).to_have_text("Submitted")
    person.follow("Changes")
    expect(person.page.locator("#changes-service")).to_contain_text(REVISED)
    person.follow("Summary")
    person.press("Start review")
    person.follow("Judgements and decision")
    person.choose("Area", "Stakeholder coverage")
    person.fill("Topic", "Involvement of young carers")
    person.fill("Judgement", "Young carers shaped the outcomes through focus groups.")
    person.fill("Rationale", "The stakeholder section records 24 people at the outcomes stage.")
    person.press("Record judgement")
    expect(person.page.get_by_text("Judgement recorded.")).to_be_visible()
    person.follow("Decide", screenshot="decide")
    person.choose("Decision", "Accept")
    person.fill("Reasons", "The challenge shows value for money for the council and carers.")
    person.fill("What follows", "We will run a procurement exercise for the service from April.")
    person.press("Continue", screenshot="confirm-decision")
    expect(person.page.locator("main")).to_contain_text("The challenge shows value for money")
    person.press("Confirm and send the decision", screenshot="decided")
    expect(person.page.locator("#decision")).to_contain_text("Accepted")
    download = person.download("Download the assessment report (PDF)")
    pdf = download.path().read_bytes()
    assert pdf.startswith(b"%PDF-"), pdf[:40]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Young carers" in text


def read_the_register(person: Visitor) -> None:
    """Anyone reads the published rules and finds the decision on the public register."""
    person.open("/", screenshot="home")
    person.follow("Rules", screenshot="rules")
    person.follow("Register", screenshot="register")
    table = person.page.locator("#register")
    row = table.locator("tr").filter(has_text=SERVICE)
    expect(row).to_contain_text(COUNCIL)
    expect(row).to_contain_text("Accepted")
    person.follow(SERVICE, within=table, screenshot="register-entry")
    expect(person.page.get_by_text("value for money for the council and carers")).to_be_visible()


def test_a_challenge_goes_from_sign_up_to_the_public_register(visitor, audit):
    """The whole journey of a challenge, in two people's browsers and a stranger's."""
    charity, council, public = visitor("charity"), visitor("council"), visitor("public")
    task_list = build_and_submit(charity)
    ask_for_more_information(council)
    revise_and_resubmit(charity, task_list)
    judge_accept_and_report(council)
    read_the_register(public)
    charity.press("Sign out")
    expect(charity.page.get_by_text("You have been signed out.")).to_be_visible()
    audit.assert_clean()
