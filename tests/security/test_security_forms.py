"""Junk in every field of every form: a clear answer, never a 500 (on both databases)."""

import random
import re

import pytest

from app.accounts.models import Role
from app.examples import load_example
from app.extensions import db
from app.proposals import services
from app.proposals.sections import SECTIONS
from app.triage import services as triage

JUNK = [
    "",
    "x" * 30_000,
    "-1",
    "1e400",
    "NaN",
    "inf",
    "£",
    "12,3,4",
    "<script>",
    "a\x00b",
    "é" * 10,
    "9" * 30,
    "0.5",
    "abc",
    "[]",
    "yes",
    "no",
    "true",
    "%s %(x)d %%",
]
FIELD = re.compile(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"')


def field_names(client, url: str) -> list[str]:
    """The names of a page's form fields, as a browser would post them."""
    page = client.get(url).get_data(as_text=True)
    return sorted(set(FIELD.findall(page)) - {"csrf_token"})


def hammer(client, url: str, names: list[str], rnd: random.Random, times: int = 12) -> list:
    """Post junk to a form; return any answer that was a server error."""
    failures = []
    for _ in range(times):
        data = {name: rnd.choice(JUNK) for name in names}
        for name in names:
            if rnd.random() < 0.2:
                data[name] = [rnd.choice(JUNK), rnd.choice(JUNK)]
        response = client.post(url, data=data)
        if response.status_code >= 500:
            failures.append((url, response.status_code, {k: str(v)[:40] for k, v in data.items()}))
    return failures


@pytest.fixture
def world(make_user, make_public_body):
    body = make_public_body()
    member = make_user(Role.CSO)
    commissioner = make_user(Role.COMMISSIONER, public_body=body)
    draft = services.new_proposal(
        member.organisation, body, load_example("challenge-young-carers"), member
    )
    submitted = services.new_proposal(
        member.organisation, body, load_example("propose-hospital-discharge"), member
    )
    db.session.commit()
    services.submit(submitted, member, None)
    triage.take(submitted, "start_review", commissioner, "", None, "")
    return {
        "member": member,
        "commissioner": commissioner,
        "admin": make_user(Role.ADMIN),
        "draft": draft.id,
        "submitted": submitted.id,
    }


def test_proposer_forms_survive_junk(client, world, sign_in):
    sign_in(world["member"])
    rnd, failures, base = random.Random(7), [], f"/proposals/{world['draft']}"
    urls = ["/proposals/new", f"{base}/check-answers"]
    for section in SECTIONS:
        url = f"{base}/sections/{section.key}"
        urls += [url + "/new", url + "/0", url] if section.repeating else [url]
    for url in urls:
        failures += hammer(client, url, field_names(client, url) + ["revision"], rnd)
    assert not failures, failures[:3]


def test_commissioner_forms_survive_junk(client, world, sign_in):
    sign_in(world["commissioner"])
    rnd, failures, base = random.Random(8), [], f"/triage/{world['submitted']}"
    for url, names in (
        (f"{base}/judgements", ["area", "topic", "judgement", "rationale"]),
        (f"{base}/assign", ["assignee_id"]),
        (f"{base}/transition", ["action", "reason"]),
        (f"{base}/decide", field_names(client, f"{base}/decide")),
        ("/triage/settings", field_names(client, "/triage/settings")),
    ):
        failures += hammer(client, url, names, rnd)
    assert not failures, failures[:3]


def test_account_admin_and_training_forms_survive_junk(client, world, sign_in):
    rnd, failures = random.Random(9), []
    for url in ("/sign-up", "/sign-in", "/reset-password"):
        failures += hammer(client, url, field_names(client, url), rnd)
    sign_in(world["admin"])
    for url in (
        "/admin/organisations",
        "/admin/public-bodies",
        f"/admin/users/{world['member'].id}",
        "/training/modules/M1.1/quiz",
        "/training/placement",
    ):
        failures += hammer(client, url, field_names(client, url), rnd)
    assert not failures, failures[:3]


@pytest.mark.parametrize(
    "url",
    [
        "/register/?page=99999999999999999999",
        "/register/?page=-3",
        "/register/99999999999999999999999",
        "/register/2147483648",
        "/training/modules/" + "M" * 5000,
    ],
)
def test_out_of_range_numbers_in_urls_are_not_errors(client, url):
    assert client.get(url).status_code in (200, 302, 404)


def test_out_of_range_ids_are_404_for_signed_in_people(client, world, sign_in):
    sign_in(world["member"])
    for url in ("/proposals/99999999999999999999999", "/proposals/4294967296/check"):
        assert client.get(url).status_code == 404
