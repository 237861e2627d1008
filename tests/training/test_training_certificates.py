"""Certificates: issued for each passed stage, as a landscape PDF listing the modules, their
learning outcomes and hours, with a QR code of the verification page anyone can use."""

import base64
import io
import re
from datetime import date

import qrcode
from pypdf import PdfReader
from sqlalchemy import select

from app.training import services
from app.training.certificates import CODE_ALPHABET, CODE_LENGTH, format_code, new_code
from app.training.cpd import hours
from app.training.models import Certificate
from app.training.qr import qr_data_uri

from .conftest import pass_modules, pass_stages, take_quiz


def certificates_of(db, user):
    return list(db.session.scalars(select(Certificate).where(Certificate.user_id == user.id)))


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def today() -> str:
    return f"{date.today().day} {date.today():%B %Y}"


def test_passing_the_last_module_of_a_stage_issues_its_certificate(
    db, trainee, trainee_client, curriculum
):
    pass_modules(trainee, curriculum, "M1.1", "M1.2")
    assert certificates_of(db, trainee) == []
    response = take_quiz(trainee_client, curriculum.module("M1.3"))
    html = trainee_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "You have passed Stage 1: Aware" in html
    [certificate] = certificates_of(db, trainee)
    assert (certificate.stage, certificate.stage_name, certificate.name) == (
        1,
        "Aware",
        "Tara Trainee",
    )


def test_a_failed_attempt_after_passing_keeps_the_certificate(db, trainee, curriculum):
    pass_stages(trainee, curriculum, 1)
    module = curriculum.module("M1.1")
    questions = module.quiz[:6]
    chosen = [(q.answer + 1) % len(q.options) for q in questions]
    services.record_attempt(trainee, module, questions, chosen, 80, curriculum)
    assert len(certificates_of(db, trainee)) == 1


def test_the_certificate_pdf_names_the_person_stage_date_and_code(
    db, trainee, trainee_client, curriculum
):
    pass_stages(trainee, curriculum, 1, 2)
    response = trainee_client.get("/training/certificates/2.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    text = pdf_text(response.data)
    certificate = next(c for c in certificates_of(db, trainee) if c.stage == 2)
    assert "Tara Trainee" in text
    assert "Stage 2: Informed" in text
    assert today() in text
    assert format_code(certificate.code) in text


def test_the_dashboard_lists_the_certificates(trainee, trainee_client, curriculum):
    pass_stages(trainee, curriculum, 1)
    html = trainee_client.get("/training/").get_data(as_text=True)
    assert 'href="/training/certificates/1.pdf"' in html
    assert "/training/certificates/2.pdf" not in html


def test_there_is_no_certificate_for_a_stage_not_passed(trainee, trainee_client, curriculum):
    pass_modules(trainee, curriculum, "M1.1")
    assert trainee_client.get("/training/certificates/1.pdf").status_code == 404


def test_a_person_downloads_only_their_own_certificate(make_user, sign_in, trainee, curriculum):
    pass_stages(trainee, curriculum, 1)
    other = sign_in(make_user(name="Olive Other"))
    assert other.get("/training/certificates/1.pdf").status_code == 404


def test_anyone_can_verify_a_code_however_it_is_typed(db, client, trainee, curriculum):
    pass_stages(trainee, curriculum, 1)
    [certificate] = certificates_of(db, trainee)
    typed = " " + format_code(certificate.code).lower().replace("-", " ") + " "
    html = client.get("/training/certificates/verify", query_string={"code": typed}).get_data(
        as_text=True
    )
    assert "This certificate is genuine" in html
    assert "Tara Trainee" in html
    assert "Stage 1: Aware" in html
    assert today() in html


def test_an_unknown_code_is_not_found(client):
    html = client.get(
        "/training/certificates/verify", query_string={"code": "ABCD-EFGH-JKLM-NPQR"}
    ).get_data(as_text=True)
    assert "Certificate not found" in html
    assert "This certificate is genuine" not in html


def test_an_empty_code_is_asked_for_again(client):
    html = client.get("/training/certificates/verify", query_string={"code": ""}).get_data(
        as_text=True
    )
    assert "govuk-error-summary" in html
    assert "Enter the verification code" in html
    plain = client.get("/training/certificates/verify").get_data(as_text=True)
    assert "govuk-error-summary" not in plain and "Certificate not found" not in plain


def test_codes_are_random_long_and_unique(db, make_user, curriculum):
    codes = {new_code() for _ in range(500)}
    assert len(codes) == 500
    assert all(len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET) for code in codes)
    assert len(CODE_ALPHABET) ** CODE_LENGTH >= 2**80
    first, second = make_user(name="First"), make_user(name="Second")
    pass_stages(first, curriculum, 1)
    pass_stages(second, curriculum, 1)
    assert certificates_of(db, first)[0].code != certificates_of(db, second)[0].code


def test_the_certificate_is_a_landscape_page_listing_modules_objectives_and_hours(
    db, trainee, trainee_client, curriculum
):
    pass_stages(trainee, curriculum, 1)
    response = trainee_client.get("/training/certificates/1.pdf")
    reader = PdfReader(io.BytesIO(response.data))
    first = reader.pages[0]
    assert float(first.mediabox.width) > float(first.mediabox.height)
    assert round(float(first.mediabox.width)) == 842  # A4 landscape, in points
    text = " ".join(pdf_text(response.data).split())
    total = 0
    for module in curriculum.stage_modules(1):
        assert module.title in text
        assert all(" ".join(objective.split()) in text for objective in module.objectives)
        assert f"{module.id} {module.title} ({hours(module.minutes)} CPD hours)" in text
        total += module.minutes
    assert f"Total {hours(total)}" in text
    assert "Signed for the Valuecase training service" in text


def test_the_certificate_carries_the_verification_link_and_its_qr_code(
    app, db, trainee, trainee_client, curriculum
):
    pass_stages(trainee, curriculum, 1)
    [certificate] = certificates_of(db, trainee)
    response = trainee_client.get("/training/certificates/1.pdf")
    text = "".join(pdf_text(response.data).split())
    site = app.config["SITE_URL"].rstrip("/")
    assert f"{site}/training/certificates/verify?code={certificate.code}" in text
    url = f"{site}/training/certificates/verify?code={certificate.code}"
    link = qr_data_uri(url)
    assert link.startswith("data:image/svg+xml;base64,")
    assert b"<svg" in base64.b64decode(link.split(",", 1)[1])
    # the QR code is drawn as vectors, one square per dark module of the code of this URL
    code = qrcode.QRCode()
    code.add_data(url)
    code.make()
    dark = sum(sum(row) for row in code.get_matrix())
    first = PdfReader(io.BytesIO(response.data)).pages[0]
    squares = len(re.findall(rb" m\b", first.get_contents().get_data()))
    assert squares >= dark


def test_the_verification_page_lists_the_modules_and_hours(db, client, trainee, curriculum):
    pass_stages(trainee, curriculum, 1)
    [certificate] = certificates_of(db, trainee)
    html = client.get(
        "/training/certificates/verify", query_string={"code": certificate.code}
    ).get_data(as_text=True)
    total = sum(module.minutes for module in curriculum.stage_modules(1))
    assert f'id="verified-hours">{hours(total)}<' in html
    table = html.split('id="verified-modules"')[1]
    assert all(module.id in table for module in curriculum.stage_modules(1))


def test_a_certificate_keeps_what_it_certified_when_the_curriculum_changes(
    db, trainee, trainee_client, curriculum
):
    pass_stages(trainee, curriculum, 1)
    [certificate] = certificates_of(db, trainee)
    record = certificate.record
    assert [entry["id"] for entry in record["modules"]] == ["M1.1", "M1.2", "M1.3"]
    assert record["modules"][0]["objectives"] == list(curriculum.module("M1.1").objectives)
    record = {**record, "modules": [{**record["modules"][0], "title": "Title as it was"}]}
    certificate.record = record
    db.session.commit()
    text = pdf_text(trainee_client.get("/training/certificates/1.pdf").data)
    assert "Title as it was" in text
    assert curriculum.module("M1.2").title not in text


def test_a_certificate_issued_before_records_were_kept_is_shown_from_the_curriculum(
    db, trainee, trainee_client, curriculum
):
    pass_stages(trainee, curriculum, 1)
    [certificate] = certificates_of(db, trainee)
    certificate.record = None
    db.session.commit()
    text = " ".join(pdf_text(trainee_client.get("/training/certificates/1.pdf").data).split())
    assert all(module.title in text for module in curriculum.stage_modules(1))
