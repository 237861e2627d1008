"""The fast paths of validation never change what it reports; they only save time."""

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from app.examples import example_paths
from app.proposals import document as document_module
from app.proposals.conformance import compile_schema, nesting_depth
from app.proposals.document import (
    MAX_DEPTH,
    DocumentInvalid,
    convert_and_validate,
    load_document,
    parse_document,
    read_document,
    schema,
    validate_document,
)

FIXTURES = Path(__file__).parent / "fixtures" / "proposal-1"
EXAMPLES = [json.loads(path.read_text(encoding="utf-8")) for path in example_paths()]
SCHEMA = schema()
CONFORMS = compile_schema(SCHEMA)
FULL = Draft202012Validator(SCHEMA)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


def places(value: Any, parts: tuple = ()) -> list[tuple]:
    """Every path to a value inside a document."""
    found = [parts]
    if isinstance(value, dict):
        for key, child in value.items():
            found.extend(places(child, (*parts, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.extend(places(child, (*parts, index)))
    return found


PLACES = [(number, path) for number, example in enumerate(EXAMPLES) for path in places(example)]
replacements = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**13), max_value=10**13)
    | st.floats()
    | st.sampled_from([0, 1, 3.0, 0.5, -1, 1e12, 1e13, Decimal("2"), "", "x" * 5001])
    | st.sampled_from(["young-carers", "Young Carers", "proposal/1", "challenge", "survey"])
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(["id", "name", "nmae", "value"]), children, max_size=3)
    ),
    max_leaves=6,
)


def altered(value: Any, action: str, new: Any) -> Any:
    """A value grown past any limit, shrunk, nudged off its allowed form, or replaced."""
    if isinstance(value, bool) or action == "replace":
        return new
    if action == "grow":
        if isinstance(value, str | list):
            return value + (["x"] if isinstance(value, list) else "x") * 20_001
        return value * 1e13 + 1e13 if isinstance(value, int | float) else new
    if action == "shrink":
        if isinstance(value, str | list):
            return value[:2]
        return -value - 1 if isinstance(value, int | float) else new
    if action == "nudge" and isinstance(value, int | float):
        return value + 0.5
    if action == "nudge" and isinstance(value, str):
        return value.upper() + " !"
    return new


def changed(number: int, path: tuple, action: str, new: Any) -> Any:
    """An example with one value altered, removed or (in a list) repeated."""
    changed_document = copy.deepcopy(EXAMPLES[number])
    if not path:
        return new if action == "replace" else changed_document
    holder = changed_document
    for step in path[:-1]:
        holder = holder[step]
    last = path[-1]
    if action == "remove":
        del holder[last]
    elif action == "repeat" and isinstance(holder, list):
        holder.append(copy.deepcopy(holder[last]))
    else:
        holder[last] = altered(holder[last], action, new)
    return changed_document


MINIMAL = {"format": "proposal/2", "kind": "propose", "title": "Abc", "organisation": {"name": "O"}}
FORMATS = ["proposal/1", "proposal/2"]


def nested(container: list | dict, depth: int) -> Any:
    """Lists or objects nested ``depth`` deep."""
    value: Any = "leaf"
    for _ in range(depth):
        value = [value] if isinstance(container, list) else {"deeper": value}
    return value


def full_report(value: Any, read: bool = False) -> list:
    """What validation reports when every document takes the slow paths (jsonschema too).

    With ``read``, what reading reports: a proposal/1 document is judged as one, then converted.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(document_module, "_conforms", lambda _version=2: lambda _document: False)
        patch.setattr(document_module, "_clean", lambda _value, _depth: False)
        return convert_and_validate(value)[1] if read else validate_document(value)


def test_every_example_takes_the_fast_path() -> None:
    assert all(CONFORMS(example) for example in EXAMPLES)
    assert all(read_document(path.read_bytes())[1] for path in example_paths())
    assert all(validate_document(example) == [] for example in EXAMPLES)


@SETTINGS
@given(
    st.sampled_from(PLACES),
    st.sampled_from(["replace", "remove", "repeat", "grow", "shrink", "nudge"]),
    replacements,
)
def test_a_changed_example_is_reported_exactly_as_before(place, action, new) -> None:
    value = changed(*place, action, new)
    if CONFORMS(value):
        assert not list(FULL.iter_errors(value))
    assert validate_document(value) == full_report(value)


@pytest.mark.parametrize(
    "value",
    [
        {"format": "proposal/2", "kind": "propose", "title": "Abc", "organisation": {"name": "O"}},
        {"format": "proposal/2", "kind": "propose", "title": "Ab", "organisation": {"name": "O"}},
        {"format": "proposal/2", "kind": "propose", "title": "Abc", "organisation": {}},
        {"format": "proposal/2", "kind": True, "title": "Abc", "organisation": {"name": "O"}},
        {
            "format": "proposal/2",
            "kind": "propose",
            "title": "Abc",
            "organisation": {"name": "O"},
            "discount_rate": True,
        },
        {
            "format": "proposal/2",
            "kind": "propose",
            "title": "Abc",
            "organisation": {"name": "O"},
            "discount_rate": Decimal("0.035"),
        },
        {
            "format": "proposal/2",
            "kind": "propose",
            "title": "Abc",
            "organisation": {"name": "O"},
            "need": {"objectives_set_with": ["a", "a"]},
        },
        {
            "format": "proposal/2",
            "kind": "propose",
            "title": "Abc",
            "organisation": {"name": "O"},
            "need": {"objectives_set_with": ["a", 1]},
        },
        {**MINIMAL, "judgements": nested([], 70)},
        {**MINIMAL, "judgements": [nested({}, 70)]},
        {**MINIMAL, "summary": "nul \x00 here"},
        {**MINIMAL, 1: "a key that is not text"},
        {**MINIMAL, "organisation": {"name": "O", "k\x00": 2}},
        {**MINIMAL, "discount_rate": float("nan"), "vfm": {"economy": float("inf")}},
        [],
        None,
    ],
)
def test_edge_cases_are_reported_exactly_as_before(value: Any) -> None:
    if CONFORMS(value):
        assert not list(FULL.iter_errors(value))
    assert validate_document(value) == full_report(value)


def loaded_report(text: str) -> list:
    """What loading JSON text reports (the path that trusts the text's own scan)."""
    try:
        load_document(text)
    except DocumentInvalid as invalid:
        return invalid.errors
    return []


@SETTINGS
@given(
    st.sampled_from(["summary", "title", "nmae"]),
    st.text(alphabet=st.sampled_from(["a", "\x00", "\ud800", "\udfff", "\\", "\u00e9", "😀"])),
    st.booleans(),
    st.sampled_from(FORMATS),
)
def test_text_read_from_json_is_reported_exactly_as_before(
    field, value, ascii_only, marker
) -> None:
    document = {**MINIMAL, "format": marker, field: value}
    text = json.dumps(document, ensure_ascii=ascii_only)
    assert loaded_report(text) == full_report(parse_document(text), read=True)


@pytest.mark.parametrize(
    "text",
    [
        '{"format": "proposal/2", "kind": "propose", "title": "Abc \\u0000 escaped",'
        ' "organisation": {"name": "O"}}',
        '{"format": "proposal/2", "kind": "propose", "title": "Abc \\\\u0000 literal",'
        ' "organisation": {"name": "O"}}',
        '{"format": "proposal/2", "kind": "propose", "title": "Abc\\ud83d\\ude00",'
        ' "organisation": {"name": "O"}}',
        '{"format": "proposal/2", "kind": "propose", "title": "Abc\\uD800",'
        ' "organisation": {"name": "O"}}',
        '{"format": "proposal/2", "kind": "propose", "title": "Abc",'
        ' "organisation": {"name": "O", "k\\u0000": 1}}',
    ],
)
@pytest.mark.parametrize("marker", FORMATS)
def test_escapes_in_json_text_are_reported_exactly_as_before(text: str, marker: str) -> None:
    text = text.replace("proposal/2", marker)
    assert loaded_report(text) == full_report(parse_document(text), read=True)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.json")), ids=lambda path: path.stem)
def test_proposal_1_documents_take_the_fast_path_of_their_own_schema(path) -> None:
    assert read_document(path.read_bytes(), compile_schema(schema(1))).conforms
    assert convert_and_validate(json.loads(path.read_text()))[1] == []


@pytest.mark.parametrize(
    ("sub", "depth"),
    [
        ({"type": "string"}, 0),
        ({"enum": ["a", "b"]}, 0),
        ({"type": "array", "items": {"type": "number"}}, 1),
        ({"type": "array"}, None),
        ({"type": "object", "properties": {"a": {"type": "string"}}}, None),
        (
            {
                "type": ["object", "null"],
                "additionalProperties": False,
                "properties": {"a": {"type": "array", "items": {"type": "string"}}},
            },
            2,
        ),
        ({"properties": {}}, None),
        (True, None),
    ],
)
def test_how_deep_a_schema_lets_values_nest(sub: Any, depth: int | None) -> None:
    assert nesting_depth(sub) == depth


def test_the_proposal_schema_keeps_documents_shallow_so_conforming_ones_skip_the_depth_count() -> (
    None
):
    assert nesting_depth(SCHEMA) is not None
    assert nesting_depth(SCHEMA) <= MAX_DEPTH
    for path in example_paths():
        assert read_document(path.read_bytes(), CONFORMS).conforms
    deep = {**MINIMAL, "judgements": nested([], 70)}
    with pytest.raises(DocumentInvalid, match="more than 64 levels deep"):
        load_document(json.dumps(deep))


SHAPES = [
    {"type": ["string", "null"], "maxLength": 3},
    {"type": "string", "minLength": 2, "maxLength": 4, "pattern": "^[a-z]+$"},
    {"type": ["number", "null"], "minimum": 0, "maximum": 1},
    {"type": ["number", "null"], "exclusiveMinimum": 0, "maximum": 10},
    {"type": ["integer", "null"], "minimum": 1, "maximum": 5},
    {"type": "array", "maxItems": 2, "items": {"type": "string", "maxLength": 2}},
    {
        "type": ["object", "null"],
        "additionalProperties": False,
        "required": ["a"],
        "properties": {"a": {"type": "boolean"}, "b": {"type": ["number", "null"]}},
    },
]
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, 1.0, 2.0, 0.5, 10.0, Decimal("0.5"), Decimal("7")]),
    st.text(alphabet="abZ1", max_size=5),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(["a", "b", "c"]), children, max_size=3)
    ),
    max_leaves=5,
)


@SETTINGS
@given(st.sampled_from(SHAPES), VALUES)
def test_each_common_shape_says_yes_only_where_jsonschema_finds_no_error(shape, value) -> None:
    said_yes = compile_schema(shape)(value)
    errors = list(Draft202012Validator(shape).iter_errors(value))
    if said_yes:
        assert errors == []
    plain = not isinstance(value, Decimal) and "Decimal" not in repr(value)
    if not errors and plain:
        assert said_yes, "a plain JSON value jsonschema accepts takes the fast path"
