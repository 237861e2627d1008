"""A public body's contact details: kept by its commissioners and by admins, printed on its
decision letters with a stable reference and the instrument the rejection grounds come from."""

from datetime import UTC, datetime

from app.accounts.models import PublicBody, Role
from app.extensions import db
from app.triage import services as triage

from .test_decisions_register_pdfs import pdf_text

CONTACT = {
    "contact_email": "decisions@anytown.gov.uk",
    "contact_address": "Town Hall\r\nHigh Street\r\nAnytown AN1 1AA",
    "contact_phone": "01632 960 000",
}
REJECTED = triage.DecisionInput(
    "rejected", "The service is out to tender.", "", ("already_procured", "nhs_integration")
)


def decided(proposal, commissioner, decision=REJECTED) -> None:
    triage.take(proposal, "start_review", commissioner, "", None, "")
    triage.decide(proposal, commissioner, decision, None, "")


def test_commissioners_keep_their_bodys_contact_details_on_the_settings_page(
    commissioner_client, body
):
    page = commissioner_client.get("/triage/settings").get_data(as_text=True)
    assert "Response period in working days" in page and "Contact details for decisions" in page

    response = commissioner_client.post(
        "/triage/settings", data={"response_period_days": "40", **CONTACT}
    )

    assert response.status_code == 302
    db.session.refresh(body)
    assert body.contact_email == "decisions@anytown.gov.uk"
    assert body.contact_address == "Town Hall\nHigh Street\nAnytown AN1 1AA"
    assert body.contact_phone == "01632 960 000"
    again = commissioner_client.get("/triage/settings").get_data(as_text=True)
    assert 'value="decisions@anytown.gov.uk"' in again and "Town Hall\nHigh Street" in again


def test_contact_details_that_are_not_valid_come_back_with_what_was_typed(
    commissioner_client, body
):
    page = commissioner_client.post(
        "/triage/settings",
        data={
            "response_period_days": "40",
            "contact_email": "decisions at anytown",
            "contact_address": "Town Hall",
            "contact_phone": "call us",
        },
    ).get_data(as_text=True)

    assert '<a href="#contact_email">Email address: enter it in the correct format' in page
    assert '<a href="#contact_phone">Telephone number: use digits, spaces and brackets' in page
    assert 'value="decisions at anytown"' in page and "Town Hall" in page
    db.session.refresh(body)
    assert body.contact_email is None and body.contact_address is None


def test_an_admin_changes_a_bodys_contact_details(client, make_user, sign_in, body):
    sign_in(make_user(Role.ADMIN))
    listing = client.get("/admin/public-bodies").get_data(as_text=True)
    assert f'href="/admin/public-bodies/{body.id}"' in listing

    response = client.post(f"/admin/public-bodies/{body.id}", data=CONTACT)

    assert response.status_code == 302
    assert db.session.get(PublicBody, body.id).contact_phone == "01632 960 000"
    assert client.get("/admin/public-bodies/999999").status_code == 404


def test_the_letter_gives_the_reference_date_contact_details_and_the_grounds_instrument(
    commissioner_client, challenge, commissioner, body
):
    commissioner_client.post("/triage/settings", data={"response_period_days": "40", **CONTACT})
    decided(challenge, commissioner)

    text = pdf_text(commissioner_client.get(f"/triage/{challenge.id}/decision-letter.pdf").data)

    year = datetime.now(UTC).year
    assert f"Our reference: VC-{body.id}-{challenge.id}-{year}" in text
    assert f"Date: {datetime.now(UTC).strftime('%-d %B %Y')}" in text
    for line in ("Town Hall", "High Street", "Anytown AN1 1AA"):
        assert line in text
    assert "Email: decisions@anytown.gov.uk" in text and "Telephone: 01632 960 000" in text
    flat = " ".join(text.split())
    assert "regulation 4 of, and the Schedule to," in flat
    assert "(SI 2012/1647), made under section 83(11) of the Localism Act 2011" in flat
    assert "2012/1313" not in flat
    assert "The service is already the subject of a procurement exercise" in flat
    assert "integration is critical to their well-being" in flat


def test_a_letter_from_a_body_without_contact_details_says_so(
    commissioner_client, challenge, commissioner
):
    decided(challenge, commissioner)

    text = pdf_text(commissioner_client.get(f"/triage/{challenge.id}/decision-letter.pdf").data)

    assert "Contact details not given" in text
    assert "Statutory grounds" in text
