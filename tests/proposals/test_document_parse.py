"""Reading JSON text into a document: what is refused and how it is explained."""

import json

import pytest

from app.proposals.document import (
    MAX_DEPTH,
    MAX_DOCUMENT_BYTES,
    DocumentInvalid,
    load_document,
    parse_document,
)

MINIMAL = {
    "format": "proposal/2",
    "kind": "propose",
    "title": "Village green spaces",
    "organisation": {"name": "Ashby Parva Parish Council"},
}


def refusal(raw: bytes | str) -> str:
    """The single message parse_document gives for raw text it refuses."""
    with pytest.raises(DocumentInvalid) as raised:
        parse_document(raw)
    errors = raised.value.errors
    assert len(errors) == 1 and errors[0].path == ""
    return errors[0].message


def test_parses_bytes_and_text_alike() -> None:
    text = json.dumps(MINIMAL)
    assert parse_document(text) == parse_document(text.encode("utf-8")) == MINIMAL


def test_accepts_a_utf8_byte_order_mark() -> None:
    assert parse_document(b"\xef\xbb\xbf" + json.dumps(MINIMAL).encode()) == MINIMAL
    assert parse_document("\ufeff" + json.dumps(MINIMAL)) == MINIMAL


def test_refuses_a_file_over_one_megabyte() -> None:
    raw = json.dumps({**MINIMAL, "summary": "x" * MAX_DOCUMENT_BYTES}).encode()
    message = refusal(raw)
    assert message.startswith("The file is larger than 1 MB")
    assert f"{len(raw):,} bytes" in message


def test_size_counts_bytes_not_characters() -> None:
    text = json.dumps({**MINIMAL, "summary": "é" * 600_000}, ensure_ascii=False)
    assert len(text) < MAX_DOCUMENT_BYTES < len(text.encode("utf-8"))
    assert refusal(text).startswith("The file is larger than 1 MB")


def test_accepts_a_file_just_under_the_limit() -> None:
    base = json.dumps({**MINIMAL, "summary": ""})
    raw = json.dumps({**MINIMAL, "summary": "x" * (MAX_DOCUMENT_BYTES - len(base))})
    assert len(raw) == MAX_DOCUMENT_BYTES
    assert parse_document(raw)["title"] == MINIMAL["title"]


def test_refuses_text_that_is_not_utf8() -> None:
    raw = json.dumps({**MINIMAL, "title": "Café"}, ensure_ascii=False).encode("latin-1")
    message = refusal(raw)
    assert message.startswith("The file is not UTF-8 text")


def test_refuses_utf16_with_a_clear_message() -> None:
    assert "UTF-16" in refusal(json.dumps(MINIMAL).encode("utf-16"))


def test_invalid_json_reports_line_and_column() -> None:
    raw = '{\n  "format": "proposal/2",\n  "kind": "propose"\n  "title": "x"\n}'
    message = refusal(raw)
    assert message.startswith("The file is not valid JSON")
    assert "line 4, column 3" in message


def test_empty_file_is_refused() -> None:
    assert refusal(b"  \n").startswith("The file is empty")


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_refuses_nan_and_infinity_literals(literal: str) -> None:
    message = refusal(f'{{"discount_rate": {literal}}}')
    assert literal in message and "not a number JSON allows" in message


def test_refuses_a_number_too_large_for_a_float() -> None:
    assert "too large" in refusal('{"discount_rate": 1e400}')


def test_refuses_an_integer_with_too_many_digits() -> None:
    assert "too many digits" in refusal('{"discount_rate": %s}' % ("9" * 5_000))


def nested(depth: int) -> str:
    """A JSON object whose innermost list sits at the given nesting depth."""
    return '{"a": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"


def test_accepts_nesting_up_to_the_limit() -> None:
    assert parse_document(nested(MAX_DEPTH))


def test_refuses_nesting_deeper_than_the_limit() -> None:
    assert f"more than {MAX_DEPTH} levels deep" in refusal(nested(MAX_DEPTH + 1))


def test_refuses_nesting_far_past_the_recursion_limit() -> None:
    assert "levels deep" in refusal('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}")


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        ("[1, 2]", "a list"),
        ('"text"', "a single value"),
        ("3", "a single value"),
        ("null", "a single value"),
    ],
)
def test_refuses_a_top_level_that_is_not_an_object(raw: str, found: str) -> None:
    assert refusal(raw).endswith(f"not {found}.")


def test_messages_never_echo_much_of_the_input() -> None:
    assert len(refusal('{"a": 1e' + "9" * 10_000 + "}")) < 200


def test_load_document_refuses_what_parse_refuses() -> None:
    with pytest.raises(DocumentInvalid):
        load_document('{"discount_rate": NaN}')


def test_load_document_returns_a_valid_document() -> None:
    assert load_document(json.dumps(MINIMAL)) == MINIMAL


def test_load_document_returns_a_proposal_1_document_converted() -> None:
    loaded = load_document(json.dumps({**MINIMAL, "format": "proposal/1"}))
    assert loaded == MINIMAL
