"""Check-your-answers and a submitted version show every answer in the questions' own words:
labels and choices as asked, cited items by their claim or description, never ids or paths."""

import re

import pytest
from markupsafe import escape

from app.proposals import services
from app.proposals.sections import BY_KEY, SECTIONS

from .answering import answer_section


def every_id(document: dict) -> set[str]:
    """The ids of the draft's stakeholders, evidence items, outcomes, options and measures."""
    lists = [document.get(key) or [] for key in ("stakeholders", "evidence", "outcomes")]
    lists.append(document["need"].get("options") or [])
    lists.append((document["contract"].get("payment_by_results") or {}).get("measures") or [])
    return {item["id"] for found in lists for item in found if "id" in item}


def main_text(page: str) -> str:
    return page.split("<main", 1)[1].split("</main>", 1)[0]


@pytest.mark.parametrize("kind", ["challenge", "propose"])
def test_every_answer_is_shown_in_the_questions_words_never_by_id(
    kind, request, member, member_client, body, db
):
    proposal = request.getfixturevalue(kind)
    for key in ("stakeholders", "evidence", "outcomes", "outcomes"):
        answer_section(member_client, proposal, BY_KEY[key], db, [body.name])
    for section in SECTIONS:
        if kind in section.kinds:
            answer_section(member_client, proposal, section, db, [body.name])
    ids = every_id(proposal.draft)
    assert {"young-carers-breaks", "weekly-breaks-with-transport"} <= ids
    checked = main_text(
        member_client.get(f"/proposals/{proposal.id}/check-answers").get_data(as_text=True)
    )
    services.submit(proposal, member, None)
    version = main_text(
        member_client.get(f"/proposals/{proposal.id}/versions/1").get_data(as_text=True)
    )
    for page in (checked, version):
        shown = re.sub(r'href="[^"]*"', "", page)
        for section in (s for s in SECTIONS if kind in s.kinds):
            for spec in section.fields_for(kind):
                if spec.path:
                    assert str(escape(spec.label)) in shown, spec.label
        assert not ids & set(re.findall(r"[a-z0-9][a-z0-9-]*", shown)), ids
        for path in ("evidence_ids", "leads_to", "payment_by_results", "characteristics-"):
            assert path not in shown
        assert "Weekly breaks, with transport.: 120" in shown  # an option's quantity, by outcome
        assert "Age: Positive" in shown
