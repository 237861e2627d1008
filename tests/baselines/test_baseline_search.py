"""Anyone searches the published services by what they say, alone or with a body's filter."""

import re
from decimal import Decimal

import pytest

from app.accounts.models import Role
from app.admin.services import update_public_body
from app.baselines import services
from app.baselines.models import ServiceBaseline
from app.extensions import db

CARERS = {
    "name": "Young carers support",
    "description": "Group sessions and one-to-one support in schools.",
    "provider_kind": "named",
    "provider_name": "Anytown Carers Ltd",
    "annual_cost": Decimal("210000"),
    "cost_basis": "full",
    "outcomes": [
        {"description": "Young carers attend school", "indicator": "Attendance above 90%"},
    ],
    "contact_name": "Chris Commissioner",
    "contact_email": "chris@anytown.gov.uk",
}
LIBRARY = {
    **CARERS,
    "name": "Branch library",
    "description": "Lending library open 12 hours a week.",
    "provider_kind": "in_house",
    "provider_name": "",
    "outcomes": [{"description": "Residents borrow books", "indicator": "Loans per opening hour"}],
}
ROW = re.compile(
    r'<th scope="row"[^>]*><a [^>]*>([^<]*)</a></th>\s*<td class="govuk-table__cell">([^<]*)</td>'
)


@pytest.fixture
def anytown(make_user, make_public_body):
    return make_user(Role.COMMISSIONER, public_body=make_public_body("Anytown Borough Council"))


@pytest.fixture
def wessex(make_user, make_public_body):
    return make_user(Role.COMMISSIONER, public_body=make_public_body("Wessex County Council"))


@pytest.fixture
def published(anytown, wessex):
    """Each body publishes a carers service and a library."""
    return {
        (who.public_body.name, data["name"]): services.publish(data, who)
        for who in (anytown, wessex)
        for data in (CARERS, LIBRARY)
    }


def listing(client, query: str) -> str:
    response = client.get(f"/baselines/?{query}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def shown(page: str) -> list[str]:
    """The services listed, as 'name at body'."""
    return sorted(f"{name} at {body}" for name, body in ROW.findall(page))


def test_search_finds_services_by_name_and_description(client, published):
    assert shown(listing(client, "q=library")) == [
        "Branch library at Anytown Borough Council",
        "Branch library at Wessex County Council",
    ]
    page = listing(client, "q=one-to-one")
    assert "2 services match" in page and "Branch library" not in page
    assert 'value="one-to-one"' in page


def test_search_finds_services_by_provider_and_body(client, published):
    assert len(shown(listing(client, "q=Carers+Ltd"))) == 2
    assert shown(listing(client, "q=Wessex")) == [
        "Branch library at Wessex County Council",
        "Young carers support at Wessex County Council",
    ]


def test_search_finds_services_by_their_outcomes(client, published):
    assert len(shown(listing(client, "q=attendance"))) == 2
    assert shown(listing(client, 'q="loans per opening"')) == [
        "Branch library at Anytown Borough Council",
        "Branch library at Wessex County Council",
    ]
    page = listing(client, "q=borrow")
    assert "Young carers support" not in page and "2 services match" in page


def test_a_changed_service_is_found_by_its_new_words(client, published, anytown):
    library = published[("Anytown Borough Council", "Branch library")]
    changed = {**LIBRARY, "outcomes": [{"description": "Children join the reading challenge"}]}
    services.change(library, changed, anytown)
    assert shown(listing(client, "q=reading+challenge")) == [
        "Branch library at Anytown Borough Council"
    ]
    assert len(shown(listing(client, "q=loans"))) == 1


def test_a_removed_service_is_no_longer_found(client, published):
    db.session.delete(published[("Wessex County Council", "Branch library")])
    db.session.commit()
    assert shown(listing(client, "q=library")) == ["Branch library at Anytown Borough Council"]


def test_a_renamed_body_is_found_by_its_new_name(client, published, make_user):
    body = published[("Wessex County Council", "Branch library")].public_body
    update_public_body(body, "Dorset Unitary Council", 56, make_user(Role.ADMIN))
    assert shown(listing(client, "q=Dorset")) == [
        "Branch library at Dorset Unitary Council",
        "Young carers support at Dorset Unitary Council",
    ]
    page = listing(client, "q=Wessex")
    assert "No services match" in page and "0 services match" in page


def test_the_body_filter_combines_with_the_search(client, published):
    wessex = published[("Wessex County Council", "Branch library")].public_body
    page = listing(client, f"q=carers&body={wessex.id}")
    assert shown(page) == ["Young carers support at Wessex County Council"]
    assert "1 service matches" in page
    assert f'<option value="{wessex.id}" selected>' in page
    assert shown(listing(client, f"body={wessex.id}")) == [
        "Branch library at Wessex County Council",
        "Young carers support at Wessex County Council",
    ]


def test_the_search_and_filter_are_kept_in_the_pages_links(client, published, anytown):
    for number in range(services.PER_PAGE):
        services.publish({**LIBRARY, "name": f"Mobile library {number}"}, anytown)
    body = anytown.public_body.id
    first = listing(client, f"q=library&body={body}")
    assert f"{services.PER_PAGE + 1} services match" in first
    pagination = first[first.index("govuk-pagination") :]
    assert "q=library" in pagination and f"body={body}" in pagination
    second = listing(client, f"q=library&body={body}&page=2")
    assert "Page 2 of 2" in second and len(shown(second)) == 1


def test_a_service_with_outcomes_of_any_shape_is_still_listed(client, published, anytown):
    odd = services.publish({**LIBRARY, "name": "Archive service", "outcomes": []}, anytown)
    odd.outcomes = ["not an outcome", {"indicator": "Visitors a year"}]
    db.session.commit()
    assert shown(listing(client, "q=visitors")) == ["Archive service at Anytown Borough Council"]
    assert db.session.get(ServiceBaseline, odd.id) is not None


@pytest.mark.parametrize(
    "query",
    ['q="', "q=-", "q=or", "q=*", "q=a%00b", "q=NEAR(", "q=" + "x" * 500, "body=99999999999999"],
)
def test_junk_in_the_query_is_never_an_error(client, published, query):
    assert client.get(f"/baselines/?{query}").status_code == 200
