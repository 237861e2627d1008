"""proposal/1 documents become proposal/2: every field carried over, nothing invented."""

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.proposals.convert import original_parts, to_current
from app.proposals.document import (
    DocumentInvalid,
    convert_and_validate,
    load_document,
    schema,
    validate_document,
)

FIXTURES = Path(__file__).parent / "fixtures" / "proposal-1"
ORIGINALS = {path.stem: json.loads(path.read_text()) for path in sorted(FIXTURES.glob("*.json"))}
PBR = ("contract", "payment_by_results")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


def leaves(value: Any, parts: tuple = ()) -> dict[tuple, Any]:
    """Every scalar in a document and every empty list or object, by its path."""
    if isinstance(value, dict) and value:
        found: dict[tuple, Any] = {}
        for key, child in value.items():
            found.update(leaves(child, (*parts, key)))
        return found
    if isinstance(value, list) and value:
        found: dict[tuple, Any] = {}
        for index, child in enumerate(value):
            found.update(leaves(child, (*parts, index)))
        return found
    return {parts: value}


def carried_over(original: dict) -> dict[tuple, Any]:
    """Where each of a proposal/1 document's values should be once it is proposal/2."""
    moved = {}
    for parts, value in leaves(original).items():
        if parts == ("format",):
            value = "proposal/2"
        if parts[:3] == (*PBR, "outcome_measures") and len(parts) == 4:
            parts = (*PBR, "measures", parts[3], "description")
        elif parts[:3] == (*PBR, "outcome_measures"):
            parts = (*PBR, "measures", *parts[3:])
        elif parts[:3] == (*PBR, "evidence"):
            parts = (*PBR, "evidence_note", *parts[3:])
        moved[parts] = value
    return moved


@pytest.mark.parametrize("name", sorted(ORIGINALS))
def test_each_original_example_converts_to_a_valid_proposal_2_document(name: str) -> None:
    converted = to_current(ORIGINALS[name])
    assert converted["format"] == "proposal/2"
    assert validate_document(converted) == []
    assert leaves(converted) == carried_over(ORIGINALS[name])


def test_payment_by_results_measures_become_objects_with_only_a_description() -> None:
    pbr = to_current(ORIGINALS["challenge-young-carers"])["contract"]["payment_by_results"]
    assert list(pbr) == ["share", "measures", "evidence_note", "safeguards"]
    assert pbr["measures"] == [
        {"description": "school attendance of supported young carers"},
        {"description": "young carers reporting reduced caring strain on the validated scale"},
    ]
    assert pbr["evidence_note"].startswith("Two years of attendance data from our pilot")


def test_what_proposal_1_could_not_say_is_left_out() -> None:
    converted = to_current(ORIGINALS["challenge-young-carers"])
    for absent in ("evidence", "expression_of_interest", "discount_rate_reason"):
        assert absent not in converted
    options = converted["need"]["options"]
    assert all(set(option) == {"name", "description", "chosen"} for option in options)
    assert all("type" not in group for group in converted["stakeholders"])
    assert "characteristics" not in converted["equalities"]
    assert all("leads_to" not in outcome for outcome in converted["outcomes"])
    assert all("transfer" not in saving for saving in converted["savings"])


def test_conversion_leaves_the_original_as_it_was() -> None:
    original = copy.deepcopy(ORIGINALS["propose-hospital-discharge"])
    to_current(original)
    assert original == ORIGINALS["propose-hospital-discharge"]


@pytest.mark.parametrize("document", [{"format": "proposal/2"}, {"format": "other"}, [], None, 3])
def test_anything_but_a_proposal_1_document_is_returned_as_it_is(document: Any) -> None:
    assert to_current(document) is document


@pytest.mark.parametrize(
    ("pbr", "expected"),
    [
        ({"outcome_measures": "not a list"}, {"measures": "not a list"}),
        (
            {"outcome_measures": [3, None]},
            {"measures": [{"description": 3}, {"description": None}]},
        ),
        ({"evidence": None, "share": 0.1}, {"evidence_note": None, "share": 0.1}),
        (
            {"outcome_measures": ["a"], "measures": [{"id": "kept"}]},
            {"outcome_measures": ["a"], "measures": [{"id": "kept"}]},
        ),
    ],
)
def test_a_draft_of_any_shape_converts_without_losing_anything(pbr: dict, expected: dict) -> None:
    draft = {"format": "proposal/1", "contract": {"payment_by_results": pbr}}
    assert to_current(draft)["contract"]["payment_by_results"] == expected


@pytest.mark.parametrize(
    ("converted", "original"),
    [
        ([*PBR, "measures", 2, "description"], [*PBR, "outcome_measures", 2]),
        ([*PBR, "measures", 2], [*PBR, "outcome_measures", 2]),
        ([*PBR, "measures"], [*PBR, "outcome_measures"]),
        ([*PBR, "evidence_note"], [*PBR, "evidence"]),
        ([*PBR, "share"], [*PBR, "share"]),
        (["outcomes", 0, "evidence"], ["outcomes", 0, "evidence"]),
    ],
)
def test_a_place_in_a_converted_document_is_named_where_it_was(converted, original) -> None:
    assert original_parts(converted) == original


def test_errors_in_a_proposal_1_document_name_its_own_fields() -> None:
    document = copy.deepcopy(ORIGINALS["challenge-young-carers"])
    document["contract"]["payment_by_results"]["outcome_measures"][1] = "x" * 2_001
    document["contract"]["payment_by_results"]["evidence"] = 7
    document["stakeholders"][0]["type"] = "people"
    with pytest.raises(DocumentInvalid) as raised:
        load_document(json.dumps(document))
    errors = {error.path: error.message for error in raised.value.errors}
    assert set(errors) == {
        "/contract/payment_by_results/evidence",
        "/contract/payment_by_results/outcome_measures/1",
        "/stakeholders/0/type",
    }
    assert errors["/contract/payment_by_results/outcome_measures/1"].startswith(
        "contract.payment_by_results.outcome_measures[1]: the text is 2,001 characters long"
    )
    assert "unknown field" in errors["/stakeholders/0/type"]


def test_a_proposal_2_field_in_a_proposal_1_document_is_unknown_there() -> None:
    document = {**copy.deepcopy(ORIGINALS["propose-parish-green-spaces"]), "evidence": []}
    document, errors = convert_and_validate(document)
    assert document["format"] == "proposal/1"
    assert [error.path for error in errors] == ["/evidence"]


def test_a_proposal_1_field_in_a_proposal_2_document_names_its_new_name() -> None:
    document = to_current(ORIGINALS["propose-hospital-discharge"])
    document["contract"]["payment_by_results"]["outcome_measures"] = []
    error = validate_document(document)[0]
    assert error.path == "/contract/payment_by_results/outcome_measures"
    assert '"outcome_measures" of proposal/1 is "measures" in proposal/2' in error.message


# Generated proposal/1 documents ------------------------------------------------------------

IDS = st.sampled_from(["a", "b", "young-carers"])


def shaped(sub: dict) -> st.SearchStrategy:
    """Values of one schema's shape (references between them may or may not resolve)."""
    if "const" in sub:
        return st.just(sub["const"])
    if "enum" in sub:
        return st.sampled_from(sub["enum"])
    kinds = sub["type"] if isinstance(sub["type"], list) else [sub["type"]]
    return st.one_of([_of_type(kind, sub) for kind in kinds])


def _of_type(kind: str, sub: dict) -> st.SearchStrategy:
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "string":
        if "pattern" in sub:
            return IDS
        return st.text(min_size=sub.get("minLength", 0), max_size=min(sub["maxLength"], 12))
    if kind == "integer":
        return st.integers(sub.get("minimum", 0), min(sub.get("maximum", 10**9), 10**6))
    if kind == "number":
        low = sub.get("minimum", sub.get("exclusiveMinimum", 0))
        return st.floats(low, sub["maximum"], exclude_min="exclusiveMinimum" in sub)
    if kind == "array":
        return st.lists(shaped(sub["items"]), max_size=2, unique=sub.get("uniqueItems", False))
    required = {key: shaped(sub["properties"][key]) for key in sub.get("required", [])}
    optional = {
        key: shaped(child) for key, child in sub["properties"].items() if key not in required
    }
    return st.fixed_dictionaries(required, optional=optional)


PROPOSAL_1 = shaped(schema(1))


@SETTINGS
@given(PROPOSAL_1)
def test_a_generated_proposal_1_document_keeps_every_value_in_its_place(document: dict) -> None:
    converted = to_current(document)
    assert leaves(converted) == carried_over(document)


@SETTINGS
@given(PROPOSAL_1)
@example(
    {
        "format": "proposal/1",
        "kind": "challenge",
        "title": "000",
        "organisation": {"name": "0"},
        "contract": {"duration_years": None, "payment_by_results": {"outcome_measures": ["\x00"]}},
    }
)
def test_conversion_neither_adds_nor_removes_a_problem(document: dict) -> None:
    _, errors = convert_and_validate(document)
    converted = validate_document(to_current(document))
    # proposal/1's errors are reported at its own paths; the renamed fields move in proposal/2
    assert {as_proposal_2(error.path) for error in errors} == {error.path for error in converted}


def as_proposal_2(path: str) -> str:
    """Where a proposal/1 path stands once the document is converted."""
    results = "/contract/payment_by_results"
    measure = re.fullmatch(re.escape(results) + r"/outcome_measures/(\d+)", path)
    if measure:
        return f"{results}/measures/{measure.group(1)}/description"
    return path.replace(f"{results}/outcome_measures", f"{results}/measures").replace(
        f"{results}/evidence", f"{results}/evidence_note"
    )
