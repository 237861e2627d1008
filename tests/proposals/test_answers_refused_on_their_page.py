"""A question page refuses at once what the proposal format refuses, in the words the
check-answers page uses for it, and reads numbers as people write them; nothing typed is lost.
"""

import re

import pytest

from app.proposals.document import validate_document

from .conftest import hidden_fields


def post_page(client, url: str, answers: dict):
    """Open a page, then send its form back with these answers."""
    fields = hidden_fields(client.get(url).get_data(as_text=True))
    return client.post(url, data=fields | answers)


def error_summary(page: str) -> list[str]:
    """The messages in the page's error summary."""
    found = re.search(r'class="govuk-error-summary".*?</ul>', page, re.S)
    items = re.findall(r"<li>(.*?)</li>", found.group(0), re.S) if found else []
    return [" ".join(re.sub(r"<[^>]+>", " ", item).split()) for item in items]


def test_a_two_character_title_is_refused_on_its_page_in_the_check_answers_words(
    member_client, challenge, db
):
    refused = post_page(member_client, f"/proposals/{challenge.id}/sections/about", {"title": "ab"})
    assert refused.status_code == 200
    assert error_summary(refused.get_data(as_text=True)) == ["Title: enter at least 3 characters"]
    assert 'value="ab"' in refused.get_data(as_text=True)
    db.session.refresh(challenge)
    assert challenge.draft["title"] == "Young carers support"

    # the document's error for the same title asks for the same thing
    (error,) = validate_document(challenge.draft | {"title": "ab"})
    assert error.message.endswith("; enter at least 3 characters")


def test_a_stakeholder_without_a_name_is_not_added_and_what_was_typed_stays(
    member_client, challenge, db
):
    base = f"/proposals/{challenge.id}/sections/stakeholders"
    refused = post_page(member_client, f"{base}/new", {"name": "  ", "size": "1,200"})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 200
    assert error_summary(page) == ["Name of the group: enter at least 1 character"]
    assert 'value="1,200"' in page
    db.session.refresh(challenge)
    assert challenge.draft.get("stakeholders", []) == []
    assert "Stakeholder 1" not in member_client.get(base).get_data(as_text=True)


def test_a_stakeholders_name_cannot_be_emptied(member_client, challenge, db):
    base = f"/proposals/{challenge.id}/sections/stakeholders"
    added = post_page(member_client, f"{base}/new", {"name": "Young carers"})
    assert added.status_code == 302
    item = f"{base}/items/young-carers"
    refused = post_page(member_client, item, {"name": "", "size": "40"})
    assert refused.status_code == 302
    shown = member_client.get(refused.headers["Location"]).get_data(as_text=True)
    assert error_summary(shown) == ["Name of the group: enter at least 1 character"]
    db.session.refresh(challenge)
    (stakeholder,) = challenge.draft["stakeholders"]
    assert stakeholder["name"] == "Young carers" and stakeholder["size"] == 40


@pytest.mark.parametrize(
    ("address", "answers", "stored"),
    [
        (
            "pbr",
            {"uses": "yes", "share": "20%"},
            (("contract", "payment_by_results", "share"), 0.2),
        ),
        ("contract", {"discount_rate": "3.5%"}, (("discount_rate",), 0.035)),
        ("contract", {"discount_rate": "3.5"}, (("discount_rate",), 0.035)),
        ("contract", {"annual_value": "£180,000"}, (("contract", "annual_value"), 180000)),
        ("contract", {"annual_value": "180,000"}, (("contract", "annual_value"), 180000)),
        ("contract", {"annual_value": "180000"}, (("contract", "annual_value"), 180000)),
        ("contract", {"annual_value": "£1,200.50"}, (("contract", "annual_value"), 1200.5)),
        (
            "stakeholders/new",
            {"name": "Young carers", "size": "1,200"},
            (("stakeholders", 0, "size"), 1200),
        ),
    ],
)
def test_numbers_are_read_as_people_write_them_and_stored_as_numbers(
    member_client, challenge, db, address, answers, stored
):
    saved = post_page(member_client, f"/proposals/{challenge.id}/sections/{address}", answers)
    assert saved.status_code == 302, error_summary(saved.get_data(as_text=True))
    db.session.refresh(challenge)
    path, value = stored
    found = challenge.draft
    for step in path:
        found = found[step]
    assert found == value and not isinstance(found, str)
    assert validate_document(challenge.draft) == []


@pytest.mark.parametrize(
    ("address", "answers", "message"),
    [
        (
            "contract",
            {"annual_value": "about 20"},
            "Proposed annual cost of the contract, in pounds: enter a number of pounds, "
            "like 180,000",
        ),
        (
            "contract",
            {"discount_rate": "3.5 percent"},
            "Discount rate, as a percentage: enter a percentage, like 20% or 3.5%",
        ),
        (
            "contract",
            {"duration_years": "five"},
            "Contract length in years: enter a number of years, like 3 or 2.5",
        ),
        (
            "pbr",
            {"uses": "yes", "share": "£20"},
            "Share of payment that depends on results, as a percentage: enter a percentage, "
            "like 20% or 3.5%",
        ),
    ],
)
def test_a_number_that_cannot_be_read_is_refused_with_an_example_and_kept(
    member_client, challenge, db, address, answers, message
):
    url = f"/proposals/{challenge.id}/sections/{address}"
    refused = post_page(member_client, url, answers)
    page = refused.get_data(as_text=True)
    assert error_summary(page) == [message]
    (typed,) = [value for name, value in answers.items() if name != "uses"]
    assert f'value="{typed}"' in page.replace("&#163;", "£")

    # it is still there when the page is opened again, with the reason
    again = member_client.get(url).get_data(as_text=True)
    assert f'value="{typed}"' in again.replace("&#163;", "£")
    assert error_summary(again) == [message]
    db.session.refresh(challenge)
    assert validate_document(challenge.draft) == []


def test_a_count_that_cannot_be_read_is_refused_with_an_example(member_client, challenge):
    url = f"/proposals/{challenge.id}/sections/stakeholders/new"
    refused = post_page(member_client, url, {"name": "Young carers", "size": "about 20"})
    shown = member_client.get(refused.headers["Location"]).get_data(as_text=True)
    assert error_summary(shown) == [
        "How many people or organisations are in the group: enter a whole number, like 1,200"
    ]
    assert 'value="about 20"' in shown


def test_an_out_of_range_percentage_is_refused_in_the_page_units(member_client, challenge):
    refused = post_page(
        member_client, f"/proposals/{challenge.id}/sections/contract", {"discount_rate": "120%"}
    )
    assert error_summary(refused.get_data(as_text=True)) == [
        "Discount rate, as a percentage: enter a number from 0% to 100%"
    ]
