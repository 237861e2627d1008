"""Every page each kind of person can reach fits a desktop and a phone, and passes axe-core.

Each demo person signs in and follows every link from their home page (see
:mod:`crawling`). A page fails when it is wider than the window at 1280 or 390 pixels, when
a box cuts off what it holds, when a table has no caption or a header no scope, when a
table header uses the value account's abbreviations unexpanded, when axe-core finds a
serious or critical WCAG 2.2 AA violation, or when the page errs.
"""

import pytest

from .crawling import Crawl

PASSWORD = "demo-pass-2026"
PEOPLE = {
    "proposer with a draft": "parish@demo.example.org",
    "proposer with a case in review": "carers@demo.example.org",
    "commissioner": "commissioner@demo.example.org",
    "administrator": "admin@demo.example.org",
    "trainee": "trainee@demo.example.org",
}


@pytest.fixture(scope="module")
def scanned() -> set[str]:
    """Addresses axe-core has scanned already, whoever's crawl it was."""
    return set()


@pytest.mark.parametrize("person", PEOPLE)
def test_every_page_a_person_reaches_fits_the_screen_and_passes_axe(
    visitor, audit, scanned, person
):
    """Sign in, follow every link from home: each page fits, hides nothing and passes axe."""
    someone = visitor(person)
    someone.sign_in(PEOPLE[person], PASSWORD)
    visited = Crawl(someone, scanned).run()
    assert len(visited) > 5, f"the crawl found only {visited}"
    audit.assert_clean()
