"""The example proposals, the schema itself, empty drafts and document equality."""

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from app.examples import EXAMPLES_DIR
from app.proposals.document import (
    DocumentError,
    documents_equal,
    empty_document,
    load_document,
    schema,
    validate_document,
)

REPOSITORY = Path(__file__).resolve().parents[2]
EXAMPLE_FOLDERS = [EXAMPLES_DIR]


def example_paths() -> list[Path]:
    """The example documents: the repository's own folder first, else the shared one."""
    for folder in EXAMPLE_FOLDERS:
        found = sorted(folder.glob("*.json"))
        if found:
            return found
    raise AssertionError(f"no example proposals found in {EXAMPLE_FOLDERS}")


def example_named(name: str) -> Path:
    """One example document by file name."""
    return next(path for path in example_paths() if path.name == name)


@pytest.mark.parametrize("path", example_paths(), ids=lambda path: path.stem)
def test_example_validates_with_no_errors(path: Path) -> None:
    assert validate_document(json.loads(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", example_paths(), ids=lambda path: path.stem)
def test_example_loads_from_bytes(path: Path) -> None:
    document = load_document(path.read_bytes())
    assert document["format"] == "proposal/2"


def test_there_are_four_examples_of_both_kinds() -> None:
    kinds = [json.loads(path.read_text())["kind"] for path in example_paths()]
    assert len(kinds) >= 4
    assert {"challenge", "propose"} <= set(kinds)


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(schema())
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def walk_schemas(node: dict, where: str = "#"):
    """Every subschema with where it is."""
    yield where, node
    for name, child in node.get("properties", {}).items():
        yield from walk_schemas(child, f"{where}/{name}")
    if isinstance(node.get("items"), dict):
        yield from walk_schemas(node["items"], f"{where}[]")


def test_every_property_has_a_description() -> None:
    missing = [where for where, node in walk_schemas(schema()) if not node.get("description")]
    assert missing == []


def test_every_object_refuses_unknown_fields() -> None:
    objects = [(where, node) for where, node in walk_schemas(schema()) if "properties" in node]
    assert len(objects) > 10
    assert [where for where, node in objects if node.get("additionalProperties") is not False] == []


def test_every_string_and_array_is_bounded() -> None:
    def types(node: dict) -> list:
        kind = node.get("type", [])
        return [kind] if isinstance(kind, str) else kind

    unbounded = [
        where
        for where, node in walk_schemas(schema())
        if ("string" in types(node) and "maxLength" not in node and "enum" not in node)
        or ("array" in types(node) and "maxItems" not in node)
    ]
    assert unbounded == []


def test_schema_keeps_the_contract_field_names() -> None:
    top = schema()["properties"]
    for name in (
        "format",
        "kind",
        "title",
        "summary",
        "commissioner",
        "organisation",
        "service",
        "contract",
        "need",
        "stakeholders",
        "outcomes",
        "inputs",
        "savings",
        "vfm",
        "monitoring",
        "decommissioning",
        "equalities",
        "judgements",
        "discount_rate",
        "first_year_discounted",
    ):
        assert name in top
    outcome = top["outcomes"]["items"]["properties"]
    assert {"deadweight", "attribution", "displacement", "drop_off", "proxy"} <= set(outcome)
    assert schema()["required"] == ["format", "kind", "title", "organisation"]


@pytest.mark.parametrize("kind", ["challenge", "propose"])
def test_empty_document_validates(kind: str) -> None:
    document = empty_document(kind, "Young carers support", "Anytown Carers Trust", "Anytown")
    assert validate_document(document) == []
    assert set(schema()["properties"]) - set(document) == {"$schema"}
    assert document["organisation"]["name"] == "Anytown Carers Trust"
    assert document["commissioner"] == "Anytown"


def test_empty_document_has_decommissioning_only_for_a_challenge() -> None:
    assert empty_document("challenge", "Title", "Org", "Council")["decommissioning"] is not None
    assert empty_document("propose", "Title", "Org", "Council")["decommissioning"] is None


def test_empty_document_with_a_short_title_is_reported() -> None:
    errors = validate_document(empty_document("propose", "ab", "Org", "Council"))
    assert [error.path for error in errors] == ["/title"]


def test_documents_equal_treats_int_and_float_alike() -> None:
    document = json.loads(example_named("challenge-young-carers.json").read_text())
    changed = copy.deepcopy(document)
    changed["contract"]["annual_value"] = float(changed["contract"]["annual_value"])
    changed["contract"]["duration_years"] = float(changed["contract"]["duration_years"])
    assert documents_equal(document, changed)
    assert documents_equal(json.loads(json.dumps(document)), document)


def test_documents_equal_detects_differences() -> None:
    document = json.loads(example_named("challenge-young-carers.json").read_text())
    for change in (
        lambda d: d["contract"].update(annual_value=d["contract"]["annual_value"] + 0.5),
        lambda d: d["stakeholders"].pop(),
        lambda d: d["stakeholders"].reverse(),
        lambda d: d.update(extra=None),
        lambda d: d["organisation"].pop("registration_number"),
        lambda d: d.update(title=d["title"] + " "),
    ):
        changed = copy.deepcopy(document)
        change(changed)
        assert not documents_equal(document, changed)


def test_documents_equal_does_not_confuse_booleans_with_numbers() -> None:
    assert not documents_equal({"material": True}, {"material": 1})
    assert not documents_equal({"material": False}, {"material": 0.0})
    assert documents_equal({"material": True}, {"material": True})
    assert not documents_equal({"size": None}, {"size": 0})
    assert not documents_equal([1], {"0": 1})


def test_document_error_as_dict() -> None:
    error = DocumentError("/title", "title: missing (this field is required)")
    assert error.as_dict() == {
        "path": "/title",
        "message": "title: missing (this field is required)",
    }


def test_changing_the_returned_schema_does_not_change_validation() -> None:
    served = schema()
    served["properties"]["title"]["minLength"] = 100
    served["required"].clear()
    assert validate_document(empty_document("propose", "Short", "Org", "Council")) == []
    assert schema()["properties"]["title"]["minLength"] == 3
