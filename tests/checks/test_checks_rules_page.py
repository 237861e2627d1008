"""The public rules page: contents, search, plain English, and the links findings make to it."""

import re
from html import unescape

import pytest

from app.accounts.models import Role
from app.checks.rules_page import entry, search
from app.checks.vocabulary import FACTS
from app.examples import load_example
from app.extensions import db
from app.proposals import services


def main_text(html: str) -> str:
    """The words a person reads in the page's main content."""
    main = html[html.index("<main") : html.index("</main>")]
    return unescape(re.sub(r"<[^>]+>", " ", main))


def rule_count(html: str) -> int:
    return html.count('class="app-rule')


def test_the_page_opens_with_contents_by_area_and_tier(client):
    html = client.get("/rules").get_data(as_text=True)
    contents = html[html.index('id="contents"') : html.index("</nav>", html.index('id="contents"'))]
    for area in ("Proportionality", "Stakeholder coverage", "Value-for-money completeness"):
        assert area in contents
    assert 'href="#claims"' in contents and 'href="#claims-every-tier"' in contents
    assert "At the standard and full tiers" in contents
    assert 'id="claims-every-tier"' in html and 'id="vfm-full"' in html


def test_every_rule_has_an_anchor_from_its_id_and_a_title(client, app):
    html = client.get("/rules").get_data(as_text=True)
    rules = app.extensions["rulebook"].rules
    assert rule_count(html) == len(rules)
    for rule in rules:
        assert f'id="rule-{rule.id.replace(".", "-")}"' in html
    assert "Deadweight and attribution not allowed for" in html


def test_no_fact_names_rule_ids_or_code_style_text_are_shown(client, app):
    html = client.get("/rules").get_data(as_text=True)
    text = main_text(html)
    assert "<code" not in html
    assert "`" not in text
    assert not re.search(r"\d+ (money|share|count|ratio)\b", text)
    assert " fact" not in text.replace("counterfactual", "")
    words = set(re.findall(r"[a-z_]+", text))
    assert not {name for name in FACTS if "_" in name} & words
    for rule in app.extensions["rulebook"].rules:
        assert rule.id not in text


def test_conditions_and_thresholds_show_money_and_shares_as_people_write_them(client):
    text = main_text(client.get("/rules").get_data(as_text=True))
    assert "£100,000" in text and "£1,000,000" in text
    assert "more than 10:1 (the plausible maximum)" in text
    assert "at least 50% (the high payment-by-results share)" in text
    assert "100000" not in text


def test_a_search_filters_the_rules_and_counts_them(client):
    html = client.get("/rules?q=payment+by+results").get_data(as_text=True)
    shown = rule_count(html)
    assert 0 < shown < 30
    assert f"{shown} rules match “payment by results”" in unescape(html)
    assert "No payment by results" in html and "Volunteer time not counted" not in html
    assert 'value="payment by results"' in html
    assert 'href="/rules"' in html


def test_one_match_is_counted_in_the_singular(client, app):
    entries = [entry(rule) for rule in app.extensions["rulebook"].rules]
    title = next(e.title for e in entries if len(search(entries, e.title)) == 1)
    html = unescape(client.get("/rules", query_string={"q": title}).get_data(as_text=True))
    assert rule_count(html) == 1 and f"1 rule matches “{title}”" in html


def test_a_search_that_matches_nothing_says_so(client):
    html = unescape(client.get("/rules?q=zebra").get_data(as_text=True))
    assert "No rules match “zebra”" in html and rule_count(html) == 0


@pytest.mark.parametrize(
    "query", ["%00%ff", "<script>alert(1)</script>", "a" * 5000, "%E2%80%AE", "q[]=1&q=2"]
)
def test_junk_in_the_search_never_breaks_the_page(client, query):
    response = client.get(f"/rules?q={query}")
    assert response.status_code == 200
    assert "<script>alert" not in response.get_data(as_text=True)


@pytest.fixture
def library(make_user, make_public_body):
    member = make_user(Role.CSO, name="Lee Library")
    body = make_public_body("Wessex County Council")
    proposal = services.new_proposal(
        member.organisation, body, load_example("challenge-village-library-weak"), member
    )
    db.session.commit()
    return member, proposal


def test_each_finding_links_to_its_rule_on_the_rules_page(client, sign_in, library):
    member, proposal = library
    sign_in(member)
    page = client.get(f"/proposals/{proposal.id}/check").get_data(as_text=True)
    links = re.findall(r'href="/rules#([a-z0-9-]+)">How this is checked', page)
    assert len(links) == page.count('class="app-finding"') > 5
    rules = client.get("/rules").get_data(as_text=True)
    for anchor in links:
        assert f'id="{anchor}"' in rules, anchor
    report = page[page.index('id="areas"') :]
    assert "<code" not in report
    assert "claims.no-deadweight-or-attribution" not in main_text(page)
