"""Attaching, downloading and deleting files, as members and commissioners do it."""

import copy
import hashlib
import io
import stat
from urllib.parse import quote

from sqlalchemy import select
from werkzeug.http import parse_options_header

from app.attachments import services as attachment_services
from app.attachments.models import Attachment
from app.attachments.services import Upload
from app.extensions import db
from app.proposals.models import AuditEvent
from app.proposals.workflow import Status

from .samples import accepted, pdf, plain_zip

MB = 1024 * 1024


def upload(client, proposal, name, data, side="proposals"):
    """Post a file to a submission's attachments page."""
    return client.post(
        f"/{side}/{proposal.id}/attachments",
        data={"file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def stored(proposal) -> list[Attachment]:
    return list(db.session.scalars(select(Attachment).where(Attachment.proposal_id == proposal.id)))


def test_each_accepted_kind_is_kept_outside_the_site_and_downloaded_as_sent(
    as_person, people, draft, attachments_dir
):
    client = as_person(people["member"])
    files = accepted()
    for name, (data, _) in files.items():
        response = upload(client, draft, name, data)
        assert response.status_code == 302, name
    for attachment in stored(draft):
        data, content_type = files[attachment.original_name]
        assert attachment.content_type == content_type
        assert attachment.size == len(data)
        assert attachment.sha256 == hashlib.sha256(data).hexdigest()
        kept = attachments_dir / attachment.stored_name
        assert kept.read_bytes() == data and attachment.original_name not in attachment.stored_name
        # written once and never replaced: the file is read-only
        assert not kept.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
        response = client.get(f"/attachments/{attachment.id}")
        assert response.status_code == 200 and response.data == data
        assert response.headers["Content-Type"].startswith(content_type)
        assert response.headers["Content-Disposition"].startswith("attachment;")
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    page = client.get(f"/proposals/{draft.id}/attachments").get_data(as_text=True)
    for attachment in stored(draft):
        assert f'id="attachment-{attachment.id}"' in page and attachment.original_name in page


def test_the_type_comes_from_the_content_not_the_name(as_person, people, draft):
    client = as_person(people["member"])
    assert upload(client, draft, "report.html", pdf()).status_code == 302
    (attachment,) = stored(draft)
    assert attachment.content_type == "application/pdf"
    response = client.get(f"/attachments/{attachment.id}")
    kind, options = parse_options_header(response.headers["Content-Disposition"])
    assert (kind, options["filename"]) == ("attachment", "report.html.pdf")
    page = upload(client, draft, "tables.pdf", plain_zip()).get_data(as_text=True)
    assert "tables.pdf must be a PDF, an image" in page
    assert len(stored(draft)) == 1


def test_a_non_ascii_name_is_given_in_rfc_5987_form(as_person, people, draft):
    client = as_person(people["member"])
    upload(client, draft, "Lettre de soutien – Zoë.pdf", pdf())
    (attachment,) = stored(draft)
    disposition = client.get(f"/attachments/{attachment.id}").headers["Content-Disposition"]
    assert f"filename*=UTF-8''{quote('Lettre de soutien – Zoë.pdf')}" in disposition
    fallback = disposition.split('filename="')[1].split('"')[0]
    assert fallback.isascii() and fallback.startswith("Lettre de soutien") and "Zoe.pdf" in fallback


def test_an_empty_or_oversized_file_is_refused_by_name(as_person, people, draft):
    client = as_person(people["member"])
    page = upload(client, draft, "blank.pdf", b"").get_data(as_text=True)
    assert "blank.pdf is empty" in page and "govuk-error-summary" in page
    big = b"%PDF-1.7\n" + b"0" * (10 * MB)
    page = upload(client, draft, "scan.pdf", big).get_data(as_text=True)
    assert "scan.pdf is larger than 10 MB" in page
    page = client.post(
        f"/proposals/{draft.id}/attachments", data={}, content_type="multipart/form-data"
    ).get_data(as_text=True)
    assert "Select a file to attach" in page
    assert stored(draft) == []


def test_files_above_the_sites_2_mb_limit_reach_only_the_attachment_routes(
    as_person, people, draft
):
    client = as_person(people["member"])
    three_mb = b"%PDF-1.7\n" + b"0" * (3 * MB)
    assert upload(client, draft, "accounts.pdf", three_mb).status_code == 302
    refused = client.post(
        "/proposals/import",
        data={"public_body_id": people["body"].id, "file": (io.BytesIO(three_mb), "a.json")},
        content_type="multipart/form-data",
    )
    assert refused.status_code == 413


def test_a_request_past_the_submissions_allowance_gets_the_too_large_page(as_person, people, draft):
    client = as_person(people["member"])
    response = upload(client, draft, "huge.pdf", b"%PDF-" + b"0" * (52 * MB))
    assert response.status_code == 413
    assert "Each attachment can be up to 10 MB" in response.get_data(as_text=True)


def test_a_submissions_attachments_take_50_mb_at_most(as_person, people, draft, attachments_dir):
    nearly_ten = b"%PDF-1.7\n" + b"0" * (10 * MB - 100)
    for number in range(5):
        attachment_services.attach(
            draft, people["member"], Upload(f"part-{number}.pdf", nearly_ten), str(attachments_dir)
        )
    client = as_person(people["member"])
    page = upload(client, draft, "one-more.pdf", b"%PDF-" + b"0" * 1000).get_data(as_text=True)
    assert "one-more.pdf would take this submission&#39;s attachments over 50 MB" in page
    assert len(stored(draft)) == 5


def test_only_the_organisation_and_the_bodys_commissioners_download(
    as_person, people, draft, submission, attachments_dir
):
    in_draft = attachment_services.attach(
        draft, people["member"], Upload("draft.pdf", pdf()), str(attachments_dir)
    )
    submitted = attachment_services.attach(
        submission, people["member"], Upload("sent.pdf", pdf()), str(attachments_dir)
    )
    expected = {
        "member": (200, 200),
        "colleague": (200, 200),
        "commissioner": (404, 200),  # a draft is the organisation's own until it is submitted
        "other_member": (404, 404),
        "other_commissioner": (404, 404),
    }
    for who, codes in expected.items():
        client = as_person(people[who])
        seen = tuple(client.get(f"/attachments/{a.id}").status_code for a in (in_draft, submitted))
        assert seen == codes, who
    client.post("/sign-out")
    assert client.get(f"/attachments/{submitted.id}").status_code == 302


def test_commissioners_attach_to_a_submission_and_the_organisation_sees_it(
    as_person, people, submission
):
    client = as_person(people["commissioner"])
    assert upload(client, submission, "guidance.pdf", pdf(), side="triage").status_code == 302
    (attachment,) = stored(submission)
    assert attachment.uploader_id == people["commissioner"].id
    client = as_person(people["member"])
    page = client.get(f"/proposals/{submission.id}/attachments").get_data(as_text=True)
    assert "guidance.pdf" in page and "Chris Commissioner" in page


def test_an_uncited_attachment_is_deleted_with_its_file_and_an_audit_entry(
    as_person, people, draft, attachments_dir
):
    attachment = attachment_services.attach(
        draft, people["member"], Upload("old.pdf", pdf()), str(attachments_dir)
    )
    kept = attachments_dir / attachment.stored_name
    client = as_person(people["colleague"])
    confirm = client.get(f"/attachments/{attachment.id}/delete").get_data(as_text=True)
    assert "Are you sure you want to delete old.pdf?" in confirm
    response = client.post(f"/attachments/{attachment.id}/delete")
    assert response.status_code == 302
    assert stored(draft) == [] and not kept.exists()
    actions = db.session.scalars(
        select(AuditEvent.action).where(AuditEvent.proposal_id == draft.id)
    )
    assert list(actions) == ["attach", "delete_attachment"]


def test_a_commissioner_may_delete_only_what_they_uploaded(
    as_person, people, submission, attachments_dir
):
    theirs = attachment_services.attach(
        submission, people["member"], Upload("theirs.pdf", pdf()), str(attachments_dir)
    )
    mine = attachment_services.attach(
        submission, people["commissioner"], Upload("mine.pdf", pdf()), str(attachments_dir)
    )
    client = as_person(people["commissioner"])
    assert client.post(f"/attachments/{theirs.id}/delete").status_code == 403
    assert client.post(f"/attachments/{mine.id}/delete").status_code == 302
    assert [a.original_name for a in stored(submission)] == ["theirs.pdf"]


def test_an_attachment_cited_by_a_submitted_version_stays(
    as_person, people, draft, attachments_dir
):
    from app.proposals import services

    attachment = attachment_services.attach(
        draft, people["member"], Upload("evidence.pdf", pdf()), str(attachments_dir)
    )
    document = copy.deepcopy(draft.draft)
    document["evidence"] = list(document.get("evidence") or []) + [
        {
            "id": "letter-of-support",
            "claim": "The school backs us.",
            "attachment": str(attachment.id),
        }
    ]
    draft.draft = document
    db.session.commit()
    services.submit(draft, people["member"], None, {"MAIL_SERVER": None, "MAIL_SENDER": "x"})
    kept = attachments_dir / attachment.stored_name
    client = as_person(people["member"])
    page = client.get(f"/proposals/{draft.id}/attachments").get_data(as_text=True)
    assert "Version 1" in page and f"/attachments/{attachment.id}/delete" not in page
    response = client.post(f"/attachments/{attachment.id}/delete", follow_redirects=True)
    assert "evidence.pdf cannot be deleted: version 1 of the submission cites it" in (
        response.get_data(as_text=True)
    )
    assert kept.read_bytes() == pdf() and stored(draft) == [attachment]


def test_nothing_is_deleted_after_the_decision(as_person, people, submission, attachments_dir):
    attachment = attachment_services.attach(
        submission, people["member"], Upload("late.pdf", pdf()), str(attachments_dir)
    )
    submission.status = Status.ACCEPTED
    db.session.commit()
    client = as_person(people["member"])
    response = client.post(f"/attachments/{attachment.id}/delete", follow_redirects=True)
    assert "late.pdf cannot be deleted: the submission has been decided" in (
        response.get_data(as_text=True)
    )
    assert stored(submission) == [attachment]
