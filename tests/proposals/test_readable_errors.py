"""Errors and headings name the question as its page asks it, never a path into the document."""

import html
import io
import json

import pytest

from app.examples import load_example
from app.extensions import db as database
from app.proposals.areas.impact import STAKEHOLDERS


def text_of(response) -> str:
    return html.unescape(response.get_data(as_text=True))


@pytest.fixture(autouse=True)
def _the_body_has_a_commissioner(staffed):
    """Submissions are addressed only to bodies with a commissioner to read them."""
    return staffed


def test_an_import_error_names_the_item_and_the_question_on_its_page(member_client, body):
    document = load_example("challenge-young-carers")
    document["stakeholders"][0]["size"] = "many"
    response = member_client.post(
        "/proposals/import",
        data={
            "public_body_id": str(body.id),
            "file": (io.BytesIO(json.dumps(document).encode()), "doc.json"),
        },
        content_type="multipart/form-data",
    )
    text = text_of(response)
    size = next(spec for spec in STAKEHOLDERS.fields if spec.name == "size")
    assert f'Stakeholder 1 (Young carers): {size.label} — enter a whole number, not "many"' in text
    assert "/stakeholders/0/size" not in text and "stakeholders[0]" not in text


def test_check_answers_names_the_question_an_error_is_about(member_client, challenge):
    draft = dict(challenge.draft)
    draft["outcomes"] = [{"id": "x", "stakeholder": "nobody"}]
    challenge.draft = draft
    database.session.commit()
    text = text_of(member_client.get(f"/proposals/{challenge.id}/check-answers"))
    assert 'Outcome 1: Who experiences this change — "nobody" is not the id of any stakeholder' in (
        text
    )
    assert "outcomes[0]" not in text


def test_the_four_es_keep_their_capital_in_a_sentence(member_client, challenge):
    text = text_of(member_client.get(f"/proposals/{challenge.id}/check-answers"))
    assert "Change the four Es of value for money" in text
    assert "four es" not in text


def test_findings_name_questions_as_their_pages_ask_them(app):
    import re

    from app.proposals.sections import SECTIONS

    labels = {spec.label for section in SECTIONS for spec in section.fields}
    quoted = [
        (rule.id, phrase)
        for rule in app.extensions["rulebook"].rules
        for phrase in re.findall(r"“([^”]+)”", " ".join(rule.message.split()))
    ]
    assert len(quoted) >= 8
    assert [(rule, phrase) for rule, phrase in quoted if phrase not in labels] == []
