"""The outcome pages explain deadweight and the other shares with a worked example, and every
hint that names a glossary term links to its entry."""

import html
import re

from app.help.glossary import terms
from app.proposals.areas.impact import WHAT_IS_DUE
from app.proposals.hints import glossary_slugs, linked, plain
from app.proposals.sections import SECTIONS


def outcome_page(client, proposal, page):
    base = f"/proposals/{proposal.id}/sections/outcomes"
    client.post(f"{base}/new", data={"description": "Young carers feel less isolated"})
    response = client.get(f"{base}/items/young-carers-feel-less-isolated?page={page}")
    assert response.status_code == 200
    return html.unescape(response.get_data(as_text=True))


def test_the_shares_page_explains_what_would_have_happened_anyway_with_sums_that_add_up(
    member_client, challenge
):
    text = outcome_page(member_client, challenge, "shares")
    assert "How to estimate what would have happened anyway" in text
    assert "40 × £1,000 × 75% (after deadweight) × 90% (after attribution)" in text
    assert "<strong>£27,000</strong>" in text and "<strong>£21,600</strong>" in text
    assert 40 * 1000 * 0.75 * 0.9 == 27_000 and 27_000 * 0.8 == 21_600
    assert 'href="/training/modules/M3.2"' in text
    for slug in ("deadweight", "attribution", "displacement", "drop-off", "financial-proxy"):
        assert f'href="/glossary#{slug}"' in text, slug


def test_the_help_is_on_the_value_page_too_but_not_on_other_sections(member_client, challenge):
    assert "How to estimate what would have happened anyway" in outcome_page(
        member_client, challenge, "value"
    )
    stakeholders = member_client.get(f"/proposals/{challenge.id}/sections/stakeholders/new")
    assert "How to estimate what would have happened anyway" not in stakeholders.get_data(
        as_text=True
    )


def test_the_share_hints_link_their_terms_to_the_glossary(member_client, challenge):
    text = outcome_page(member_client, challenge, "shares")
    assert (
        'The share of the change that <a class="govuk-link" href="/glossary#deadweight">'
        "would have happened anyway</a>."
    ) in text
    assert '<a class="govuk-link" href="/glossary#drop-off">' in text
    assert "[[" not in text and "]]" not in text


def test_every_linked_hint_names_a_term_the_glossary_has(app):
    known = {term.slug for term in terms()}
    used = [
        slug
        for section in SECTIONS
        for spec in section.fields
        for slug in glossary_slugs(spec.hint)
    ]
    assert set(used) <= known, set(used) - known
    assert {"deadweight", "attribution", "displacement", "drop-off"} <= set(used)
    shares = [glossary_slugs(spec.hint) for spec in WHAT_IS_DUE.fields]
    assert all(shares), "each share's hint links to its entry"


def test_the_glossary_has_an_entry_at_every_anchor_a_hint_links_to(client):
    page = client.get("/glossary").get_data(as_text=True)
    for section in SECTIONS:
        for spec in section.fields:
            for slug in glossary_slugs(spec.hint):
                assert re.search(rf'id="{slug}"', page), slug


def test_a_hint_is_escaped_and_only_its_marked_terms_become_links():
    hint = "<b>Bold</b> & [[would have happened anyway|deadweight]] and [[drop-off]]"
    shown = str(linked(hint, lambda slug: f"/glossary#{slug}"))
    assert shown == (
        "&lt;b&gt;Bold&lt;/b&gt; &amp; "
        '<a class="govuk-link" href="/glossary#deadweight">would have happened anyway</a> and '
        '<a class="govuk-link" href="/glossary#drop-off">drop-off</a>'
    )
    assert plain(hint) == "<b>Bold</b> & would have happened anyway and drop-off"
    assert linked("No terms here.", str) == "No terms here."
