"""The public library page and the JSON API: every entry with its source and attribution."""

ATTRIBUTION = "Unit Cost Database v1.4, New Economy / GMCA, CC BY 4.0"


def test_anyone_can_read_and_search_the_library(client):
    page = client.get("/proxies").get_data(as_text=True)
    assert "Financial proxy library" in page and "55 values" in page
    assert ATTRIBUTION in page and "creativecommons.org/licenses/by/4.0" in page
    assert "What to know before using these values" in page
    assert "Use this value" not in page  # nothing to change here
    found = client.get("/proxies?q=prison&kind=fiscal").get_data(as_text=True)
    assert "2 values matching “prison” (fiscal)" in found
    assert "£33,785</strong> per prisoner per year" in found
    assert "Green: the Unit Cost Database" in found
    assert "marginal savings from one fewer prisoner are much lower" in found
    none = client.get("/proxies?q=unicorns").get_data(as_text=True)
    assert "No value matches every word" in none


def test_the_api_answers_matches_as_json_with_the_attribution(client):
    answer = client.get("/api/v1/proxies?q=housing+benefit").get_json()
    assert answer["attribution"] == ATTRIBUTION
    assert answer["licence_url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert answer["count"] == len(answer["proxies"]) >= 1
    first = answer["proxies"][0]
    assert first["id"] == "housing-benefit-week-fiscal" and first["value"] == 92.98
    assert first["price_year"] == "2014/15" and first["kind"] == "fiscal"
    assert first["transfer_payment"] is True and first["attribution"] == ATTRIBUTION
    assert first["caveats"][0].startswith("This is a transfer payment")
    assert first["robustness"].startswith("Green")
    social = client.get("/api/v1/proxies?kind=social").get_json()
    assert social["count"] == 8 and {p["kind"] for p in social["proxies"]} == {"social"}


def test_the_api_refuses_an_unknown_kind(client):
    refused = client.get("/api/v1/proxies?kind=financial")
    assert refused.status_code == 400
    assert refused.get_json()["errors"][0]["path"] == "kind"


def test_the_api_is_rate_limited_like_the_check(app, client):
    app.config["RATELIMIT_CHECK"] = "2 per minute"
    assert client.get("/api/v1/proxies?q=nhs").status_code == 200
    assert client.get("/api/v1/proxies?q=nhs").status_code == 200
    assert client.get("/api/v1/proxies?q=nhs").status_code == 429
