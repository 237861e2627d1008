"""The register as an OCDS 1.1.5 release package: valid against the vendored schema and
codelists for every shape of register, streamed as it is built."""

import json

from app.accounts.models import utcnow
from app.register.filters import RegisterFilter
from app.register.ocds import Publication, build_package, stream_package

from .conftest import assert_valid


def package_of(client, query: str = "") -> dict:
    response = client.get(f"/api/v1/register/ocds{query}")
    assert response.status_code == 200 and response.is_streamed
    return json.loads(response.get_data(as_text=True))


def by_tag(package: dict, tag: str) -> list[dict]:
    return [release for release in package["releases"] if tag in release["tag"]]


def test_an_empty_register_has_no_package_as_the_schema_wants_one_release(client, app):
    response = client.get("/api/v1/register/ocds")
    assert response.status_code == 404
    assert response.get_json()["errors"][0]["message"] == "No decision matches."
    publication = Publication("ocds-vcase01", RegisterFilter(), utcnow().date(), str)
    assert build_package(publication, "https://example.org/p", "https://example.org/") is None


def test_decisions_of_both_kinds_are_planning_releases(client, decided):
    accepted = decided(title="Young carers", kind="challenge")
    rejected = decided(title="Library", kind="challenge", outcome="rejected")
    proposal = decided(title="Hospital discharge", kind="propose", organisation="Age Together")
    package = package_of(client)
    assert_valid(package)
    assert package["version"] == "1.1" and package["uri"].endswith("/api/v1/register/ocds")
    releases = {release["ocid"]: release for release in package["releases"]}
    assert set(releases) == {f"ocds-vcase01-case-{c.id}" for c in (accepted, rejected, proposal)}
    challenge = releases[f"ocds-vcase01-case-{accepted.id}"]
    assert challenge["tag"] == ["planning"] and challenge["tender"]["status"] == "planned"
    assert challenge["planning"]["rationale"].startswith("Accepted: the right-to-challenge")
    assert challenge["planning"]["documents"][0]["url"].endswith(f"/register/{accepted.id}")
    roles = {party["name"]: party["roles"] for party in challenge["parties"]}
    assert roles == {
        "Anytown Borough Council": ["buyer", "procuringEntity"],
        "Anytown Carers Trust": ["tenderer"],
    }
    refused = releases[f"ocds-vcase01-case-{rejected.id}"]
    assert refused["tender"]["status"] == "unsuccessful"
    assert "inadequate" in refused["planning"]["rationale"]
    propose = releases[f"ocds-vcase01-case-{proposal.id}"]
    assert "right-to-propose" in propose["planning"]["rationale"]
    assert package["publishedDate"] == max(r["date"] for r in package["releases"])


def test_a_contract_with_verified_results_adds_contract_and_implementation_releases(
    client, contract_with_results
):
    package = package_of(client)
    assert_valid(package)
    ocid = f"ocds-vcase01-case-{contract_with_results.proposal_id}"
    assert {r["ocid"] for r in package["releases"]} == {ocid}
    (recorded,) = by_tag(package, "contract")
    (award,) = recorded["awards"]
    (contract,) = recorded["contracts"]
    assert contract["awardID"] == award["id"] and contract["status"] == "active"
    assert contract["value"] == {"amount": 200000, "currency": "GBP"}  # £100,000 a year, 2 years
    assert contract["period"]["startDate"].startswith(contract_with_results.terms.start.isoformat())
    supplier = next(p for p in recorded["parties"] if "supplier" in p["roles"])
    assert supplier["identifier"] == {
        "scheme": "GB-CHC",
        "id": "1123456",
        "legalName": "Carers Trust",
    }
    (delivered,) = by_tag(package, "implementation")
    (transaction,) = delivered["contracts"][0]["implementation"]["transactions"]
    assert transaction["value"] == {"amount": 5000, "currency": "GBP"}
    assert transaction["payee"]["id"] == supplier["id"]
    payer = next(p for p in delivered["parties"] if p["id"] == transaction["payer"]["id"])
    assert "payer" in payer["roles"]


def test_every_identifier_scheme_reaches_the_parties(client, decided):
    numbers = {
        "England Trust": ("charity", "1177001"),
        "Scotland Trust": ("charity", "SC012345"),
        "Ulster Trust": ("charity", "NIC100002"),
        "Company Ltd": ("social_enterprise", "01234567"),
        "Unsure Group": ("community_group", "1177002"),
    }
    for name, (kind, number) in numbers.items():
        decided(organisation=name, organisation_type=kind, registration_number=number)
    package = package_of(client)
    assert_valid(package)
    tenderers = {
        p["name"]: p.get("identifier", {}).get("scheme")
        for release in package["releases"]
        for p in release["parties"]
        if "tenderer" in p["roles"]
    }
    assert tenderers == {
        "England Trust": "GB-CHC",
        "Scotland Trust": "GB-SC",
        "Ulster Trust": "GB-NIC",
        "Company Ltd": "GB-COH",
        "Unsure Group": None,
    }


def test_the_package_takes_the_registers_filters_and_the_configured_prefix(
    client, app, decided, monkeypatch
):
    decided(title="Young carers", kind="challenge")
    wanted = decided(title="Hospital discharge", kind="propose")
    monkeypatch.setitem(app.config, "OCDS_PREFIX", "ocds-abc123")
    package = package_of(client, "?kind=proposal")
    assert_valid(package)
    assert [r["ocid"] for r in package["releases"]] == [f"ocds-abc123-case-{wanted.id}"]
    assert package["uri"].endswith("/api/v1/register/ocds?kind=propose")
    assert client.get("/api/v1/register/ocds?kind=grant").status_code == 400
    assert client.get("/api/v1/register/ocds?q=nothing-like-this").status_code == 404


def test_the_streamed_package_is_the_package_built_whole(app, decided, contract_with_results):
    for n in range(4):
        decided(title=f"Case {n}", outcome="rejected" if n % 2 else "accepted")
    publication = Publication("ocds-vcase01", RegisterFilter(), utcnow().date(), str)
    args = ("https://example.org/package", "https://example.org/")
    built = build_package(publication, *args)
    streamed = json.loads(b"".join(stream_package(publication, *args)))
    assert_valid(built)
    assert streamed == built and len(built["releases"]) == 7
