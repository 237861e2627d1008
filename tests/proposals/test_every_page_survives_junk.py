"""Junk posted to every page of every section, later pages and item pages included: each answer
is a page a person can read (a redirect, the page with its errors, or a refusal), never a 500."""

import random
import re

from app.proposals.sections import SECTIONS

from .answering import answer_section

JUNK = ["", "x" * 25_000, "-1", "1e400", "NaN", "£", "12,3,4", "50%%", "<b>", "a\x00b", "[]"]
FIELD = re.compile(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"')


def page_addresses(client, proposal, section) -> list[str]:
    """Every page of a section, or of its last item and a new one."""
    base = f"/proposals/{proposal.id}/sections/{section.key}"
    urls = []
    if section.repeating:
        listing = client.get(base).get_data(as_text=True)
        urls.append(f"{base}/new")
        base = re.findall(rf'href="({re.escape(base)}/items/[^"/?]+)"', listing)[-1]
    for page in section.pages_for(proposal.kind):
        urls.append(f"{base}?page={page.key}" if page.key else base)
    return urls


def test_every_page_answers_junk_without_a_server_error(member_client, challenge, body, db):
    for section in SECTIONS:
        answer_section(member_client, challenge, section, db, [body.name])
    rnd, failures = random.Random(11), []
    for section in SECTIONS:
        for url in page_addresses(member_client, challenge, section):
            page = member_client.get(url).get_data(as_text=True)
            names = sorted(set(FIELD.findall(page)) - {"csrf_token"})
            for _ in range(4):
                data = {name: rnd.choice(JUNK) for name in names}
                response = member_client.post(url, data=data)
                if response.status_code >= 500:
                    failures.append((url, {k: v[:20] for k, v in data.items()}))
    assert not failures, failures[:3]
