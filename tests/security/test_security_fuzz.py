"""Hostile input at the import, the API and the check: a clear 4xx, never a 500 or a crash."""

import copy
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.accounts.models import Role
from app.examples import load_example
from app.proposals.document import validate_document

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=50),
    st.text(alphabet=st.characters(min_codepoint=0x2000, max_codepoint=0x1FFFF), max_size=20),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=12), inner, max_size=5)
    ),
    max_leaves=30,
)
FIELDS = [
    ("title",),
    ("kind",),
    ("contract", "annual_value"),
    ("contract", "duration_years"),
    ("outcomes", 0, "deadweight"),
    ("outcomes", 0, "quantity"),
    ("stakeholders", 0, "id"),
    ("stakeholders", 0, "involvement"),
    ("inputs", 0, "value"),
    ("discount_rate",),
    ("need", "options"),
    ("savings",),
    ("outcomes", 0, "proxy", "value"),
]


def mutated(field, value) -> dict:
    document = copy.deepcopy(load_example("challenge-young-carers"))
    node = document
    for key in field[:-1]:
        node = node[key]
    node[field[-1]] = value
    return document


def encode(value) -> bytes:
    return json.dumps(value, allow_nan=True).encode("utf-8", "surrogatepass")


@SETTINGS
@given(json_values)
def test_api_check_answers_any_json_with_a_4xx_or_a_report(client, value):
    response = client.post("/api/v1/check", data=encode(value), content_type="application/json")
    assert response.status_code in (200, 413, 422)
    body = response.get_json()
    assert "errors" in body or "findings" in body


@SETTINGS
@given(st.sampled_from(FIELDS), json_values)
def test_api_check_of_mutated_documents_never_fails(client, field, value):
    response = client.post(
        "/api/v1/check", data=encode(mutated(field, value)), content_type="application/json"
    )
    assert response.status_code in (200, 422)


@SETTINGS
@given(st.sampled_from(FIELDS), json_values)
def test_the_engine_checks_every_valid_mutation(app, field, value):
    document = mutated(field, value)
    if validate_document(document):
        return
    report = app.extensions["rulebook"].check(document)
    assert {"tier", "areas", "findings", "value"} <= set(report)


@SETTINGS
@given(st.binary(max_size=300))
def test_api_check_answers_arbitrary_bytes(client, raw):
    response = client.post("/api/v1/check", data=raw, content_type="application/json")
    assert response.status_code in (200, 413, 422)


def test_deeply_nested_and_huge_documents_are_refused(client):
    deep = b'{"a":' * 5000 + b"1" + b"}" * 5000
    assert client.post("/api/v1/check", data=deep).status_code == 422
    wide = json.dumps({"format": "proposal/1", "summary": "é" * 600_000}).encode()
    assert client.post("/api/v1/check", data=wide).status_code == 413


@pytest.fixture
def member_client(client, make_user, sign_in, make_public_body):
    body = make_public_body()
    sign_in(make_user(Role.CSO))
    client.body_id = body.id
    return client


@SETTINGS
@given(json_values)
def test_import_answers_any_json_with_the_error_list(member_client, value):
    response = member_client.post(
        "/proposals/import",
        data={
            "public_body_id": str(member_client.body_id),
            "file": (io.BytesIO(encode(value)), "x.json"),
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert "Error: Import a submission" in response.get_data(as_text=True)


def test_import_with_a_signed_in_member_lists_errors(client, make_user, sign_in, make_public_body):
    body = make_public_body()
    sign_in(make_user(Role.CSO))
    for raw in (
        b"[]",
        b'{"format": "proposal/1", "kind": 5}',
        b"\xff\xfe\x00",
        b"NaN",
        encode(mutated(("outcomes", 0, "deadweight"), float("inf"))),
    ):
        response = client.post(
            "/proposals/import",
            data={"public_body_id": str(body.id), "file": (io.BytesIO(raw), "x.json")},
            content_type="multipart/form-data",
        )
        assert response.status_code == 200
        assert "Error: Import a submission" in response.get_data(as_text=True)
