"""Links in emails point at the configured site, whatever host the request named."""

from sqlalchemy import select

from app.notifications.models import OutboxMail


def test_a_notification_links_to_site_url_not_to_the_request_host(
    app, commissioner_client, challenge, db, monkeypatch
):
    monkeypatch.setitem(app.config, "SITE_URL", "https://valuecase.example.gov.uk")
    base = f"/triage/{challenge.id}"
    commissioner_client.post(f"{base}/transition", data={"action": "start_review"})
    commissioner_client.post(
        f"{base}/request-information",
        data={"sections": "service", "needed-service": "Tell us today's cost."},
        headers={"Host": "localhost", "X-Forwarded-Host": "evil.example"},
    )
    bodies = [mail.body for mail in db.session.scalars(select(OutboxMail))]
    expected = f"https://valuecase.example.gov.uk/proposals/{challenge.id}"
    assert any(expected in body for body in bodies)
    assert not any("evil.example" in body or "http://localhost" in body for body in bodies)
