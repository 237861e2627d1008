"""A mistake on any of the new pages: the error names the question as asked, what was typed
stays on the page, the valid answers beside it are saved, and the draft stays valid."""

import pytest

from app.proposals.document import validate_document

from .conftest import hidden_fields

# (what the page is, its address below the draft's sections, what is typed,
#  the message, what stays typed, and where a valid answer beside it is saved, with its value)
MISTAKES = [
    (
        "evidence item",
        "evidence/items/young-carers-miss-school",
        {"claim": "Young carers miss school", "sample_size": "about 200", "figure": "38%"},
        "How many people or cases it covers: enter a whole number, like 1,200",
        'value="about 200"',
        (("evidence", 0, "figure"), "38%"),
    ),
    (
        "outcome value",
        "outcomes/items/less-stress?page=value",
        {"proxy_price_year": "2019" * 51, "proxy_source": "Unit Costs 2023"},
        "Price year of the value: use 200 characters or fewer",
        'value="' + "2019" * 51 + '"',
        (("outcomes", 0, "proxy", "source"), "Unit Costs 2023"),
    ),
    (
        "payment by results",
        "pbr",
        {"uses": "yes", "share": "120%", "evidence_note": "Two pilots."},
        "Share of payment that depends on results, as a percentage: enter a number from 0% to 100%",
        'value="120%"',
        (("contract", "payment_by_results", "evidence_note"), "Two pilots."),
    ),
    (
        "saving",
        "savings/new",
        {"body": "NHS Anytown", "years": "30", "transfer": "perhaps"},
        "For how many years: enter a number from 0 to 25",
        'value="30"',
        (("savings", 0, "body"), "NHS Anytown"),
    ),
    (
        "saving's transfer",
        "savings/new",
        {"body": "NHS Anytown", "transfer": "perhaps"},
        "Is it a transfer payment?: choose from the options shown",
        'value="NHS Anytown"',
        (("savings", 0, "body"), "NHS Anytown"),
    ),
    (
        "expression of interest",
        "expression_of_interest",
        {"financial_resources": "x" * 20_001, "capability_evidence": "Since 2015."},
        "Your organisation&#39;s financial resources: use 20,000 characters or fewer",
        "x" * 20_001 + "</textarea>",
        (("expression_of_interest", "capability_evidence"), "Since 2015."),
    ),
    (
        "option kind",
        "options/new",
        {"name": "Do the minimum", "kind": "cheapest"},
        "What kind of option is it?: choose from the options shown",
        'value="Do the minimum"',
        (("need", "options", 0, "name"), "Do the minimum"),
    ),
]


def read(document, path):
    for step in path:
        document = document[step]
    return document


@pytest.mark.parametrize(
    ("what", "address", "typed", "message", "kept", "saved"),
    MISTAKES,
    ids=[mistake[0] for mistake in MISTAKES],
)
def test_a_mistake_is_named_kept_and_the_rest_saved(
    member_client, challenge, db, what, address, typed, message, kept, saved
):
    base = f"/proposals/{challenge.id}/sections"
    member_client.post(f"{base}/evidence/new", data={"claim": "Young carers miss school"})
    member_client.post(f"{base}/outcomes/new", data={"description": "Less stress"})
    url = f"{base}/{address}"
    response = member_client.post(url, data=hidden_fields(member_client.get(url).text) | typed)
    if response.status_code == 302:
        response = member_client.get(response.headers["Location"])
    text = response.get_data(as_text=True)
    assert message in text and kept in text
    db.session.refresh(challenge)
    path, value = saved
    assert read(challenge.draft, path) == value
    assert validate_document(challenge.draft) == []
