"""Answering section pages as a person would: a well-formed answer to every question on a page.

Answers are made from each question's kind and the format's limits, so a question added
later is answered too, and follow the pages a section's answers call for.
"""

import re
from urllib.parse import urlsplit

from app.proposals import answers, kinds
from app.proposals.questions import Field, Page, Section
from app.proposals.schema_rules import limits_at

from .conftest import hidden_fields

TYPED = {
    "text": "Young carers' breaks",
    "longtext": "Weekly breaks, with transport.",
    "link": "https://www.example.org/report",
    "lines": "Anytown Borough Council\nNHS Anytown",
    "money": "£1,250",
    "amount": "-£5,000",
    "number": "1,200",
    "years": "2",
    "percent": "20%",
    "yesno": "yes",
}


def typed_answer(section: Section, spec: Field, choices: kinds.Choices, bodies: list[str]):
    """What a person types or ticks to answer one question well, by input name."""
    name, kind = spec.name, spec.kind
    match kind:
        case "whole":
            limits = limits_at(section.schema_path(spec))
            low, high = limits.minimum or 0, limits.maximum or 100
            return {name: "12" if low <= 12 <= high else str(low)}
        case "choice" | "multi":
            return {name: spec.choices[0][0]}
        case "stakeholder" | "stakeholders" | "evidence" | "outcome":
            offered = choices.of(spec)
            return {name: offered[-1][0]} if offered else {}
        case "public_body":
            return {name: bodies[0]}
        case "public_bodies":
            return {name: bodies[0], f"{name}-{kinds.OTHER}": "Department for Work and Pensions"}
        case "quantities" | "characteristics":
            parts = kinds.part_names(spec, choices)
            return {part: ("positive" if part.endswith("-effect") else "120") for part in parts}
    if name == "uses":
        return {name: "yes"}
    return {name: TYPED[kind]}


def answer_page(client, url: str, section: Section, page: Page, kind: str, document, bodies):
    """Post a well-formed answer to every question of one page; returns the response."""
    shown = client.get(url)
    assert shown.status_code == 200, url
    item = re.search(r"/items/([^/?]+)", url)
    choices = kinds.case_choices(
        document, tuple(bodies), item.group(1) if item and section.key == "outcomes" else None
    )
    data = hidden_fields(shown.get_data(as_text=True))
    for spec in page.fields_for(kind):
        data |= typed_answer(section, spec, choices, bodies)
    return client.post(url, data=data)


def answer_section(client, proposal, section: Section, db, bodies, check=None) -> None:
    """Answer every page of a section (for a list, of one new item), page after page.

    `check(section, page, source)` runs after each page is saved, with the draft or the item.
    """
    base = f"/proposals/{proposal.id}/sections/{section.key}"
    url = f"{base}/new" if section.repeating else base
    for _ in range(len(section.pages) + 1):
        page = page_at(section, url, proposal.kind)
        response = answer_page(client, url, section, page, proposal.kind, proposal.draft, bodies)
        assert response.status_code == 302, (url, errors_on(response))
        db.session.refresh(proposal)
        if check:
            source = answers.items(proposal.draft, section)[-1] if section.repeating else None
            check(section, page, proposal.draft if source is None else source)
        location = urlsplit(response.headers["Location"])
        url = f"{location.path}?{location.query}" if location.query else location.path
        if "?page=" not in url:
            return
    raise AssertionError(f"{section.key}: the pages never end")


def page_at(section: Section, url: str, kind: str) -> Page:
    """The page of the section an address shows."""
    found = re.search(r"\?page=([a-z_]+)$", url)
    return section.page(found.group(1) if found else "", kind)


def errors_on(response) -> list[str]:
    """The error messages a page shows."""
    found = re.findall(
        r'govuk-error-message">\s*<span[^>]*>Error:</span>\s*([^<]+)',
        response.get_data(as_text=True),
    )
    return [message.strip() for message in found]


def blank_every_page(client, proposal, section: Section, db) -> list[str]:
    """Post every page of a section (or of its last item) with every answer left blank;
    returns the error messages the pages gave."""
    base = f"/proposals/{proposal.id}/sections/{section.key}"
    if section.repeating:
        listing = client.get(base).get_data(as_text=True)
        base = re.findall(rf'href="({re.escape(base)}/items/[^"/?]+)"', listing)[-1]
    refused = []
    for page in section.pages_for(proposal.kind):
        url = f"{base}?page={page.key}" if page.key else base
        shown = client.get(url)
        assert shown.status_code == 200, url
        response = client.post(url, data=hidden_fields(shown.get_data(as_text=True)))
        if response.status_code != 302:
            refused += errors_on(response)
        db.session.refresh(proposal)
    return refused
