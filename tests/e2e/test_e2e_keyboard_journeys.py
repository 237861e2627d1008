"""Each kind of person does their main task with the keyboard alone, seeing where they are.

After opening the home page, every step is a key press: Tab and Shift+Tab to move, Enter
to follow a link or press a button, Space to choose, and typing. Before each Enter the
focused element must be on screen, uncovered and show the GOV.UK focus style. Each page
reached is scanned with axe-core.
"""

import re

from playwright.sync_api import expect

from .browsing import Visitor
from .keyboard import activate, tab_to, type_into

PASSWORD = "demo-pass-2026"
DRAFT = "Volunteer care of Ashby Parva green spaces"


def sign_in_by_keyboard(person: Visitor, email: str) -> None:
    """From the home page: the sign-in link, both fields, the button."""
    person.open("/")
    go(person, "Sign in")
    type_into(person.page, "Email address", email)
    type_into(person.page, "Password", PASSWORD)
    go(person, "Sign in", "button")
    expect(person.page.get_by_text("Signed in as")).to_be_visible()


def go(person: Visitor, name: str | re.Pattern, role: str = "link") -> None:
    """Tab to a link (or a button) by its name and press Enter on it."""
    tab_to(person.page, name, role)
    activate(person.page)
    person.arrived()


def test_a_proposer_answers_a_question_and_reaches_check_answers_by_keyboard(visitor, audit):
    """Sign in, open the draft, answer an equalities question, save, then check answers."""
    proposer = visitor("proposer")
    sign_in_by_keyboard(proposer, "parish@demo.example.org")
    go(proposer, "Submissions")
    go(proposer, DRAFT)
    go(proposer, "Equalities")
    expect(proposer.heading()).to_have_text("Equalities")
    answer = "Older residents and families with young children use the greens most."
    field = proposer.page.get_by_label("Groups considered", exact=True)
    tab_to(proposer.page, "Groups considered", "textbox")
    proposer.page.keyboard.press("Control+A")
    proposer.page.keyboard.type(answer)
    expect(field).to_have_value(answer)
    go(proposer, "Save and continue", "button")
    expect(proposer.heading()).not_to_have_text("Equalities")  # on to the next question
    go(proposer, "Submissions")
    go(proposer, DRAFT)
    go(proposer, re.compile(r"^(Review and submit|Check your answers)"))
    expect(proposer.page.get_by_text(answer)).to_be_visible()
    audit.assert_clean()


def test_a_commissioner_records_a_judgement_by_keyboard(visitor, audit):
    """Sign in, open the queue and a case, record a judgement on stakeholder coverage."""
    commissioner = visitor("commissioner")
    sign_in_by_keyboard(commissioner, "commissioner@demo.example.org")
    go(commissioner, "Triage")
    go(commissioner, re.compile(r"^Community-led whole-family support for young carers"))
    go(commissioner, re.compile(r"^Judgements"))
    page = commissioner.page
    tab_to(page, "Proportionality", "radio")  # the first area: Tab enters the group on it
    page.keyboard.press("Space")
    expect(page.get_by_label("Proportionality", exact=True)).to_be_checked()
    type_into(page, "Topic", "Scale of the analysis")
    type_into(page, "Judgement", "The analysis is proportionate to a service of this size.")
    type_into(page, "Rationale", "The standard tier asks for what the case shows.")
    go(commissioner, "Record judgement", "button")
    expect(page.get_by_text("Judgement recorded.")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Scale of the analysis")
    audit.assert_clean()


def test_a_trainee_opens_a_module_and_starts_its_quiz_by_keyboard(visitor, audit):
    """Sign in, open Training and a module, start its quiz."""
    trainee = visitor("trainee")
    sign_in_by_keyboard(trainee, "trainee@demo.example.org")
    go(trainee, "Training")
    go(trainee, re.compile(r"^M1\.2 "))
    expect(trainee.page).to_have_title(re.compile(r"^M1\.2 "))
    go(trainee, "Take the quiz")
    expect(trainee.page.locator("form legend").first).to_be_visible()
    audit.assert_clean()


def test_an_administrator_searches_the_users_by_keyboard(visitor, audit):
    """Sign in, open the user list, search for a name."""
    admin = visitor("administrator")
    sign_in_by_keyboard(admin, "admin@demo.example.org")
    go(admin, "Admin")
    users = admin.page.locator("main table")
    expect(users).to_contain_text("Ada Admin")
    type_into(admin.page, "Name or email address", "carers")
    go(admin, "Search", "button")
    expect(users).to_contain_text("Sam Carers")
    expect(users).not_to_contain_text("Ada Admin")
    audit.assert_clean()
