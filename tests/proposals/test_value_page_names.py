"""The value page names outcomes as people wrote them, and keeps transfers out of value."""

import re

from app.examples import load_example
from app.extensions import db
from app.proposals import services


def test_switching_values_name_outcomes_by_their_description(member_client, member, body):
    document = load_example("challenge-young-carers")
    proposal = services.new_proposal(member.organisation, body, document, member)
    db.session.commit()
    text = member_client.get(f"/proposals/{proposal.id}/value").get_data(as_text=True)
    table = text.split('id="switching"')[1].split("</table>")[0]
    cells = re.findall(r'<td class="govuk-table__cell">([^<]*)</td>', table)
    assert cells == [outcome["description"] for outcome in document["outcomes"]]
    assert "Switching quantity" in table


def test_savings_table_shows_transfers_apart(member_client, member, body):
    document = load_example("challenge-young-carers")
    document["savings"] = [
        {
            "body": "Department for Work and Pensions",
            "description": "Carer's Allowance no longer paid",
            "annual_value": 1000,
            "cashable": True,
            "transfer": True,
            "years": 2,
        }
    ]
    proposal = services.new_proposal(member.organisation, body, document, member)
    db.session.commit()
    text = member_client.get(f"/proposals/{proposal.id}/value").get_data(as_text=True)
    savings = text.split('id="savings"')[1].split("</table>")[0]
    assert "Transfers (financial case only)" in savings
    row = savings.split("Department for Work and Pensions")[1].split("</tr>")[0]
    assert re.findall(r">(£[\d,]+)<", row) == ["£0", "£0", "£2,000"]
