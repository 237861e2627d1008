"""Searching and filtering the register page: by title, organisation, service and reasons
words on either database, kept in step with renames, with filters that combine, pages that
keep them, and no query string that breaks the page."""

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.search import fts5_query
from app.triage.models import Decision


def titles_found(client, query: str) -> list[str]:
    page = client.get(f"/register/?{query}")
    assert page.status_code == 200
    rows = re.findall(r'href="/register/\d+">([^<]+)</a>', page.get_data(as_text=True))
    return sorted(rows)


@pytest.fixture
def three(decided):
    """Three decisions with different words in each field."""
    return [
        decided(
            title="Whole-family support for young carers",
            service="Carers hub",
            organisation="Anytown Carers Trust",
            reasons="Strong evidence of school attendance",
        ),
        decided(
            title="Village library run by volunteers",
            service="Mobile library",
            organisation="Friends of Millbrook Library",
            reasons="The costs are not evidenced",
            outcome="rejected",
        ),
        decided(
            title="Home from hospital",
            kind="propose",
            service="Hospital discharge",
            organisation="Anytown Age Together",
            reasons="Fewer delayed discharges, well evidenced",
        ),
    ]


@pytest.mark.parametrize(
    "words, found",
    [
        ("volunteers", ["Mobile library"]),  # a title word
        ("millbrook", ["Mobile library"]),  # an organisation word
        ("attendance", ["Carers hub"]),  # a reasons word
        ("discharge", ["Hospital discharge"]),  # a service word
        ("carer", ["Carers hub"]),  # a stem finds its forms
        ("anytown", ["Carers hub", "Hospital discharge"]),
        ("anytown hospital", ["Hospital discharge"]),  # every word, across fields
        ('"school attendance"', ["Carers hub"]),
        ("evidenced -library", ["Hospital discharge"]),
        ("volunteers or attendance", ["Carers hub", "Mobile library"]),
    ],
)
def test_search_finds_by_any_published_words(client, three, words, found):
    assert titles_found(client, f"q={words}") == found


def test_search_follows_renames_and_new_decisions(client, three, db):
    three[0].organisation.name = "Riverside Young Carers"
    three[1].title = "Book bus for the villages"
    db.session.commit()
    assert titles_found(client, "q=riverside") == ["Carers hub"]
    assert titles_found(client, "q=book bus") == ["Mobile library"]
    assert titles_found(client, "q=volunteers") == []


def test_filters_combine_with_the_search_and_show_the_count(client, three):
    page = client.get("/register/?q=anytown&kind=propose&decision=accepted").get_data(as_text=True)
    assert "1 decision matches" in page and "Hospital discharge" in page
    assert titles_found(client, "q=evidenced&decision=rejected") == ["Mobile library"]
    assert titles_found(client, "kind=challenge&decision=accepted") == ["Carers hub"]
    tier = three[2].tier  # the tier of the decided version's check
    assert "Hospital discharge" in titles_found(client, f"tier={tier}&q=anytown")
    for other in {"light", "standard", "full"} - {tier}:
        assert "Hospital discharge" not in titles_found(client, f"tier={other}&q=anytown")


def test_the_year_filter_reads_the_decision_date(client, three, db):
    decision = db.session.scalar(select(Decision).where(Decision.proposal_id == three[2].id))
    decision.decided_at = datetime(2025, 6, 1, tzinfo=UTC)
    db.session.commit()
    assert titles_found(client, "year=2025") == ["Hospital discharge"]
    page = client.get("/register/").get_data(as_text=True)
    assert '<option value="2025">2025</option>' in page


def test_nothing_matching_says_so(client, three):
    page = client.get("/register/?q=swimming+pool").get_data(as_text=True)
    assert "No decisions match" in page and "Clear filters" in page
    assert 'value="swimming pool"' in page


def test_pages_keep_the_filters(client, decided, monkeypatch):
    from app.register import services

    monkeypatch.setattr(services, "PER_PAGE", 2)
    for n in range(5):
        decided(title=f"Carers project {n}", kind="propose")
    page = client.get("/register/?q=carers&kind=propose").get_data(as_text=True)
    assert "5 decisions match" in page and "Page 1 of 3" in page
    assert 'href="/register/?page=2&amp;q=carers&amp;kind=propose"' in page or (
        "page=2" in page and "q=carers" in page and "kind=propose" in page
    )
    second = client.get("/register/?page=2&q=carers&kind=propose").get_data(as_text=True)
    assert "Page 2 of 3" in second and 'rel="prev"' in second


@pytest.mark.parametrize(
    "query",
    [
        'q="',
        "q=NEAR(a b)",
        "q=***",
        "q=AND",
        "q=-",
        "q=a OR",
        "q=%00%01",
        "q=" + "carers " * 200,
        "q=caf%C3%A9 %F0%9F%98%80",
        "page=-3",
        "page=99999999999999999999",
        "page=1e5",
        "body=99999",
        "body=abc",
        "kind=grant",
        "decision=",
        "tier=<script>",
        "year=0",
        "year=99999999999999",
    ],
)
def test_bad_query_strings_never_break_the_page(client, three, query):
    assert client.get(f"/register/?{query}").status_code == 200
    assert client.get(f"/api/v1/register?{query}").status_code in (200, 400)
    assert client.get(f"/api/v1/register/ocds?{query}").status_code in (200, 400, 404)


def test_fts5_queries_quote_every_word():
    assert fts5_query("young carers") == '"young" AND "carers"'
    assert fts5_query('"young carers" -library') == '"young carers" NOT "library"'
    assert fts5_query("a or b") == '"a" OR "b"'
    assert fts5_query('NEAR(" *') == '"NEAR"'
    assert fts5_query("-only") == ""
