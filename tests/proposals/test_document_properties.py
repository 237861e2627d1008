"""Property tests: validation never raises, and every error is well formed."""

import copy
import json
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.examples import EXAMPLES_DIR
from app.proposals.document import DocumentError, documents_equal, validate_document

EXAMPLE_FOLDERS = [EXAMPLES_DIR]
POINTER = re.compile(r"(/([^~/]|~[01])*)*")


def examples() -> list[dict]:
    for folder in EXAMPLE_FOLDERS:
        found = sorted(folder.glob("*.json"))
        if found:
            return [json.loads(path.read_text(encoding="utf-8")) for path in found]
    raise AssertionError(f"no example proposals found in {EXAMPLE_FOLDERS}")


EXAMPLES = examples()

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats()
    | st.text(max_size=80)
    | st.sampled_from(["young-carers", "proposal/1", "challenge", "propose", "", "x" * 300])
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=20), children, max_size=5)
    ),
    max_leaves=30,
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def resolves(document: Any, pointer: str) -> bool:
    """Whether a JSON Pointer leads somewhere in the document (its last step may be absent)."""
    node = document
    steps = [step.replace("~1", "/").replace("~0", "~") for step in pointer.split("/")[1:]]
    for step in steps[:-1]:
        if isinstance(node, dict) and step in node:
            node = node[step]
        elif isinstance(node, list) and step.isdigit() and int(step) < len(node):
            node = node[int(step)]
        else:
            return False
    return True


def assert_well_formed(document: Any, errors: list[DocumentError]) -> None:
    assert isinstance(errors, list)
    for error in errors:
        assert isinstance(error, DocumentError)
        assert POINTER.fullmatch(error.path), error.path
        assert resolves(document, error.path), error.path
        assert error.message.strip()
        assert len(error.message) < 2_000
        assert error.as_dict() == {"path": error.path, "message": error.message}
        error.message.encode("utf-8")
    assert len(set(errors)) == len(errors)


@FAST
@given(json_values)
def test_any_json_value_validates_without_raising(value: Any) -> None:
    assert_well_formed(value, validate_document(value))


@FAST
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "format",
                "kind",
                "title",
                "organisation",
                "stakeholders",
                "outcomes",
                "inputs",
                "need",
                "decommissioning",
                "contract",
            ]
        ),
        json_values,
    )
)
def test_any_values_in_known_top_level_fields_validate_without_raising(document: dict) -> None:
    assert_well_formed(document, validate_document(document))


def paths_of(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a document: the key or index path to each value."""
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += paths_of(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += paths_of(child, (*prefix, index))
    return found


@st.composite
def mutated_examples(draw: st.DrawFn) -> tuple[dict, tuple]:
    document = copy.deepcopy(draw(st.sampled_from(EXAMPLES)))
    places = [place for place in paths_of(document) if place]
    place = draw(st.sampled_from(places))
    parent = document
    for step in place[:-1]:
        parent = parent[step]
    parent[place[-1]] = draw(json_values)
    return document, place


@FAST
@given(mutated_examples())
def test_mutated_examples_validate_without_raising(mutation: tuple[dict, tuple]) -> None:
    document, _ = mutation
    assert_well_formed(document, validate_document(document))


@FAST
@given(mutated_examples())
def test_errors_in_a_mutated_example_are_at_or_near_the_change(
    mutation: tuple[dict, tuple],
) -> None:
    document, place = mutation
    changed = "".join(f"/{step}" for step in place)
    for error in validate_document(document):
        related = error.path.startswith(changed) or changed.startswith(error.path)
        reference = "is not the id of any" in error.message or "id" in error.path
        assert related or reference, (changed, error)


@FAST
@given(st.sampled_from(EXAMPLES), st.sampled_from(["stakeholders", "outcomes", "inputs"]))
def test_validation_leaves_the_document_unchanged(document: dict, _section: str) -> None:
    before = copy.deepcopy(document)
    validate_document(document)
    assert documents_equal(before, document) and before == document


@FAST
@given(json_values)
def test_documents_equal_survives_a_json_round_trip(value: Any) -> None:
    try:
        text = json.dumps(value, allow_nan=False)
    except ValueError:
        return
    assert documents_equal(value, json.loads(text))
