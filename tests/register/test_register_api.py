"""The register as JSON: pages with absolute links that keep the filters, filters as the page
has them, the contract's delivery on an accepted case, and a 400 for arguments it cannot read."""

from urllib.parse import parse_qs, urlsplit

import pytest

SITE = "http://127.0.0.1:5000"


def test_pages_come_newest_first_with_absolute_links_that_keep_the_filters(client, decided):
    for n in range(3):
        decided(title=f"Library service {n}", kind="propose")
    decided(title="Young carers", kind="challenge")

    first = client.get("/api/v1/register?kind=proposal&per_page=2").get_json()
    assert first["meta"] == {"total": 3, "page": 1, "per_page": 2, "pages": 2}
    assert [r["title"] for r in first["records"]] == ["Library service 2", "Library service 1"]
    assert first["links"]["prev"] is None
    following = urlsplit(first["links"]["next"])
    assert f"{following.scheme}://{following.netloc}" == SITE
    assert parse_qs(following.query) == {"kind": ["propose"], "page": ["2"], "per_page": ["2"]}

    second = client.get(first["links"]["next"].removeprefix(SITE)).get_json()
    assert [r["title"] for r in second["records"]] == ["Library service 0"]
    assert second["links"]["next"] is None
    assert parse_qs(urlsplit(second["links"]["prev"]).query)["page"] == ["1"]


def test_a_record_says_what_was_decided_why_and_by_whom(client, decided, body):
    case = decided(
        title="Library",
        outcome="rejected",
        reasons="The costs are not evidenced",
        organisation="Millbrook Friends",
        registration_number="1177001",
    )
    (found,) = client.get("/api/v1/register").get_json()["records"]
    assert found["id"] == case.id and found["url"] == f"{SITE}/register/{case.id}"
    assert found["kind"] == "challenge" and found["tier"] in ("light", "standard", "full")
    assert found["public_body"] == {"id": body.id, "name": "Anytown Borough Council"}
    assert found["organisation"]["identifier"] == "GB-CHC-1177001"
    assert found["decision"]["outcome"] == "rejected"
    assert found["decision"]["reasons"] == "The costs are not evidenced"
    assert found["decision"]["grounds"][0]["code"] == "inadequate_information"
    assert found["value_claimed"]["present_value"] > 0
    assert found["delivery"] is None


def test_an_accepted_case_with_a_contract_carries_its_delivery(client, contract_with_results):
    (found,) = client.get("/api/v1/register").get_json()["records"]
    delivery = found["delivery"]
    assert delivery["provider"] == "Carers Trust"
    assert delivery["verification"] == "independent"
    assert delivery["periods_verified"] == 1
    assert delivery["paid_on_results"] == 5000  # 12 results × £500, held to the cap
    assert delivery["value_realised"] > 0 and delivery["value_claimed_to_date"] > 0


def test_filters_combine(client, decided, make_public_body, make_user):
    from app.accounts.models import Role

    other = make_public_body("Wessex County Council")
    wessex = make_user(Role.COMMISSIONER, public_body=other)
    decided(title="Carers A", kind="challenge", outcome="accepted")
    decided(title="Carers B", kind="challenge", outcome="rejected")
    decided(title="Carers C", kind="propose", outcome="accepted")
    decided(title="Carers D", kind="challenge", outcome="accepted", to=other, by=wessex)

    def titles(query: str) -> list[str]:
        records = client.get(f"/api/v1/register?{query}").get_json()["records"]
        return sorted(r["title"] for r in records)

    assert titles("kind=challenge&decision=accepted") == ["Carers A", "Carers D"]
    assert titles(f"kind=challenge&decision=accepted&body={other.id}") == ["Carers D"]
    assert titles("decision=rejected&q=carers") == ["Carers B"]
    year = client.get("/api/v1/register").get_json()["records"][0]["decision"]["decided_at"][:4]
    assert len(titles(f"year={year}")) == 4 and titles(f"year={int(year) - 1}") == []


@pytest.mark.parametrize(
    "query, parameter",
    [
        ("kind=grant", "kind"),
        ("decision=maybe", "decision"),
        ("tier=huge", "tier"),
        ("year=26", "year"),
        ("body=x", "body"),
        ("page=0", "page"),
        ("page=abc", "page"),
        ("page=99999999999999999999999", "page"),
        ("per_page=1000", "per_page"),
    ],
)
def test_arguments_it_cannot_read_get_a_400_that_names_them(client, query, parameter):
    response = client.get(f"/api/v1/register?{query}")
    assert response.status_code == 400
    assert [e["parameter"] for e in response.get_json()["errors"]] == [parameter]


def test_a_page_past_the_last_is_empty_and_points_back(client, decided):
    decided()
    found = client.get("/api/v1/register?page=500").get_json()
    assert found["records"] == [] and found["meta"]["pages"] == 1
    assert found["links"]["next"] is None and "page=1" in found["links"]["prev"]
