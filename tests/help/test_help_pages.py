"""The help pages: glossary, guidance on the rights, accessibility, privacy, cookies, contact;
the footer that links them from every page, and the home page for someone new."""

import re
from html import unescape

import pytest

from app.accounts.models import Role
from app.help.glossary import terms

SLUGS = [
    "deadweight",
    "attribution",
    "displacement",
    "drop-off",
    "financial-proxy",
    "present-value",
    "discount-rate",
    "sroi-ratio",
    "net-present-value",
    "impact-map",
    "stakeholder",
    "material-stakeholder",
    "outcome",
    "output",
    "input",
    "indicator",
    "benefit-period",
    "sensitivity-analysis",
    "switching-value",
    "counterfactual",
    "theory-of-change",
    "value-for-money",
    "economy",
    "efficiency",
    "effectiveness",
    "equity",
    "cashable-saving",
    "social-value",
    "payment-by-results",
    "proportionality",
    "tier",
    "right-to-challenge",
    "right-to-propose",
    "expression-of-interest",
    "decommissioning",
    "equality-duty",
    "benchmark",
    "evidence-item",
]

PAGES = {
    "/glossary": ("Glossary", "Deadweight"),
    "/guidance/rights": ("The right to challenge and the right to propose", "section 82"),
    "/accessibility": ("Accessibility statement for Valuecase", "WCAG 2.2"),
    "/privacy": ("Privacy notice", "UK GDPR"),
    "/cookies": ("Cookies", "No analytics or advertising cookies"),
    "/contact": ("Contact and help", "support@valuecase.local"),
}
FOOTER = {
    "Accessibility statement": "/accessibility",
    "Privacy": "/privacy",
    "Cookies": "/cookies",
    "Contact": "/contact",
    "Glossary": "/glossary",
    "Guidance": "/guidance/rights",
    "Check a certificate": "/training/certificates/verify",
}


def text_of(html: str) -> str:
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


@pytest.mark.parametrize("path", PAGES)
def test_each_help_page_opens_without_signing_in(client, path):
    response = client.get(path)
    assert response.status_code == 200
    heading, content = PAGES[path]
    html = response.get_data(as_text=True)
    assert f'<h1 class="govuk-heading-xl">{heading}</h1>' in html
    assert content in text_of(html)


def test_the_glossary_has_an_anchor_for_every_term_in_order(client):
    html = client.get("/glossary").get_data(as_text=True)
    ids = re.findall(r'<dt[^>]* id="([a-z-]+)"', html)
    assert set(SLUGS) <= set(ids)
    names = [term.term.casefold() for term in terms()]
    assert names == sorted(names)
    assert [term.slug for term in terms()] == ids
    assert 'href="#letter-d"' in html and 'id="letter-d"' in html


def test_glossary_definitions_follow_the_published_sources(client):
    text = text_of(client.get("/glossary").get_data(as_text=True))
    assert "3.5% a year" in text  # the Green Book discount rate
    assert "Spending less" in text and "Spending well" in text and "Spending wisely" in text
    assert "would have happened anyway" in text


def test_the_rights_guide_gives_the_law_and_links_the_examples(client):
    html = client.get("/guidance/rights").get_data(as_text=True)
    text = text_of(html)
    for fact in (
        "Localism Act 2011",
        "SI 2012/1313",
        "SI 2012/1647",
        "a parish council",
        "two or more employees",
        "procurement exercise",
        "not a statutory right",
        "maximum period",
    ):
        assert fact in text, fact
    assert len(re.findall(r"<li>", html[html.index('id="grounds-list"') :].split("</ol>")[0])) == 10
    assert 'href="/examples' in html


def test_the_cookie_page_names_the_cookie_the_site_sets(client, app):
    app.config["WTF_CSRF_ENABLED"] = True
    client.get("/sign-in")
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    assert cookie is not None and cookie.expires is None
    text = text_of(client.get("/cookies").get_data(as_text=True))
    assert f"{app.config['SESSION_COOKIE_NAME']} Keeps you signed in" in text
    assert "When you close your browser" in text


def test_the_contact_address_comes_from_the_settings(client, app, monkeypatch):
    monkeypatch.setitem(app.config, "SUPPORT_EMAIL", "help@council.example.gov.uk")
    html = client.get("/contact").get_data(as_text=True)
    assert 'href="mailto:help@council.example.gov.uk"' in html


def footer_links(html: str) -> dict[str, str]:
    footer = html[html.index('id="footer-links"') :].split("</ul>")[0]
    return {text: href for href, text in re.findall(r'href="([^"]+)">([^<]+)</a>', footer)}


@pytest.mark.parametrize("path", ["/", "/rules", "/register/", "/sign-in", *PAGES])
def test_the_footer_links_the_help_pages_from_every_page(client, path):
    assert footer_links(client.get(path, follow_redirects=True).get_data(as_text=True)) == FOOTER


def test_the_footer_is_on_signed_in_pages_and_error_pages(client, make_user, sign_in):
    sign_in(make_user(Role.CSO))
    assert footer_links(client.get("/proposals/").get_data(as_text=True)) == FOOTER
    missing = client.get("/no-such-page")
    assert missing.status_code == 404
    assert footer_links(missing.get_data(as_text=True)) == FOOTER


def test_every_footer_link_opens_without_signing_in(client):
    for href in FOOTER.values():
        assert client.get(href).status_code == 200, href


def test_the_home_page_tells_a_newcomer_what_to_do_first(client):
    html = client.get("/").get_data(as_text=True)
    text = text_of(html)
    assert "commissioners in public bodies" in text and "parish councils" in text
    assert "govuk-button--start" in html and 'href="/sign-up"' in html
    assert 'href="/sign-in"' in html
    for href in ("/guidance/rights", "/examples", "/rules", "/register"):
        assert f'href="{href}' in html, href


def test_a_signed_in_person_still_sees_where_to_go_next(client, make_user, sign_in):
    sign_in(make_user(Role.CSO))
    html = client.get("/").get_data(as_text=True)
    assert "Where to go next" in html and "govuk-button--start" not in html
