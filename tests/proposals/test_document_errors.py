"""Each kind of bad document is reported with the field it concerns, all at once."""

import copy
import json

import pytest

from app.examples import EXAMPLES_DIR
from app.proposals.document import (
    MAX_ERRORS,
    DocumentError,
    DocumentInvalid,
    load_document,
    validate_document,
)

EXAMPLE = "challenge-young-carers.json"
EXAMPLE_FOLDERS = [EXAMPLES_DIR]


@pytest.fixture(scope="module")
def original() -> dict:
    for folder in EXAMPLE_FOLDERS:
        if (folder / EXAMPLE).exists():
            return json.loads((folder / EXAMPLE).read_text(encoding="utf-8"))
    raise AssertionError(f"{EXAMPLE} not found in {EXAMPLE_FOLDERS}")


@pytest.fixture
def document(original: dict) -> dict:
    return copy.deepcopy(original)


def only_error(document: dict) -> DocumentError:
    errors = validate_document(document)
    assert len(errors) == 1, errors
    return errors[0]


def test_wrong_type_names_the_field_and_the_type(document: dict) -> None:
    document["stakeholders"][1]["involvement"]["people"] = "twenty"
    error = only_error(document)
    assert error.path == "/stakeholders/1/involvement/people"
    assert error.message.startswith("stakeholders[1].involvement.people: ")
    assert "whole number" in error.message and '"twenty"' in error.message


def test_fraction_where_a_whole_number_belongs_is_reported(document: dict) -> None:
    document["stakeholders"][0]["size"] = 2.5
    assert only_error(document).path == "/stakeholders/0/size"


def test_whole_float_counts_as_a_whole_number(document: dict) -> None:
    document["stakeholders"][0]["size"] = 420.0
    assert validate_document(document) == []


def test_boolean_is_not_a_number(document: dict) -> None:
    document["outcomes"][0]["quantity"] = True
    error = only_error(document)
    assert error.path == "/outcomes/0/quantity" and "got true" in error.message


def test_list_where_an_object_belongs(document: dict) -> None:
    document["contract"] = [1, 2, 3]
    error = only_error(document)
    assert error.path == "/contract"
    assert error.message == "contract: expected an object ({...}), got a list of 3 items"


def test_negative_money_is_reported(document: dict) -> None:
    document["contract"]["annual_value"] = -5
    error = only_error(document)
    assert error.path == "/contract/annual_value"
    assert error.message.startswith("contract.annual_value: -5 is less than 0")
    assert "pounds" in error.message


def test_negative_proxy_value_is_reported(document: dict) -> None:
    document["outcomes"][1]["proxy"]["value"] = -2600
    assert only_error(document).path == "/outcomes/1/proxy/value"


@pytest.mark.parametrize("field", ["deadweight", "attribution", "displacement", "drop_off"])
@pytest.mark.parametrize("value", [1.4, -0.1, 25])
def test_share_outside_0_to_1_is_reported(document: dict, field: str, value: float) -> None:
    document["outcomes"][2][field] = value
    error = only_error(document)
    assert error.path == f"/outcomes/2/{field}"
    assert error.message.startswith(f"outcomes[2].{field}: {value} is ")
    assert "fractions from 0 to 1" in error.message


def test_share_message_reads_plainly(document: dict) -> None:
    document["outcomes"][2]["deadweight"] = 1.4
    assert only_error(document).message == (
        "outcomes[2].deadweight: 1.4 is more than 1 "
        "(shares and rates are fractions from 0 to 1, so 25% is 0.25)"
    )


def test_payment_by_results_share_and_discount_rate_are_fractions(document: dict) -> None:
    document["contract"]["payment_by_results"]["share"] = 15
    document["discount_rate"] = 3.5
    paths = [error.path for error in validate_document(document)]
    assert paths == ["/contract/payment_by_results/share", "/discount_rate"]


@pytest.mark.parametrize("years", [0, -1, 26])
def test_contract_duration_must_be_more_than_0_and_at_most_25(document: dict, years: int) -> None:
    document["contract"]["duration_years"] = years
    assert only_error(document).path == "/contract/duration_years"


def test_unknown_kind_lists_the_allowed_kinds(document: dict) -> None:
    document["kind"] = "takeover"
    error = only_error(document)
    assert error.path == "/kind"
    assert error.message == 'kind: "takeover" is not allowed; use one of: challenge, propose'


def test_kind_of_the_wrong_type_still_lists_the_allowed_kinds(document: dict) -> None:
    document["kind"] = 7
    error = only_error(document)
    assert error.path == "/kind" and "challenge, propose" in error.message


def test_unknown_enum_value_in_a_list(document: dict) -> None:
    document["stakeholders"][0]["involvement"]["methods"].append("seance")
    error = only_error(document)
    assert error.path == "/stakeholders/0/involvement/methods/2"
    assert "focus_group" in error.message


def test_wrong_format_marker(document: dict) -> None:
    document["format"] = "proposal/3"
    error = only_error(document)
    assert error.path == "/format" and 'this must be "proposal/2"' in error.message


def test_a_proposal_1_marker_on_a_draft_says_such_documents_are_converted_on_reading(
    document: dict,
) -> None:
    document["format"] = "proposal/1"
    error = only_error(document)
    assert error.path == "/format"
    assert '"proposal/1" is converted to "proposal/2" when it is imported' in error.message


def test_unknown_top_level_field_is_refused_with_a_suggestion(document: dict) -> None:
    document["titel"] = "Another title"
    error = only_error(document)
    assert error.path == "/titel"
    assert error.message.startswith('titel: unknown field; did you mean "title"?')
    assert "first_year_discounted" in error.message


def test_unknown_nested_field_is_refused(document: dict) -> None:
    document["outcomes"][0]["proxy"]["currency"] = "GBP"
    error = only_error(document)
    assert error.path == "/outcomes/0/proxy/currency"
    assert error.message.startswith("outcomes[0].proxy.currency: unknown field")


def test_missing_title_is_reported(document: dict) -> None:
    del document["title"]
    error = only_error(document)
    assert error.path == "/title"
    assert error.message == "title: missing (this field is required)"


def test_short_title_is_reported(document: dict) -> None:
    document["title"] = "ab"
    error = only_error(document)
    assert error.path == "/title" and "at least 3" in error.message


def test_missing_organisation_name_is_reported(document: dict) -> None:
    del document["organisation"]["name"]
    assert only_error(document).path == "/organisation/name"


def test_missing_stakeholder_id_is_reported(document: dict) -> None:
    del document["stakeholders"][3]["id"]
    errors = validate_document(document)
    assert "/stakeholders/3/id" in [error.path for error in errors]


def test_overlong_text_is_reported_without_echoing_it(document: dict) -> None:
    document["summary"] = "x" * 25_000
    error = only_error(document)
    assert error.path == "/summary"
    assert "25,000 characters" in error.message and "20,000" in error.message
    assert len(error.message) < 200


def id_error_and_references(document: dict, path: str, old: str) -> DocumentError:
    """The one error at ``path``; every other error is a reference to the id it had."""
    errors = validate_document(document)
    own = [error for error in errors if error.path == path]
    assert len(own) == 1, errors
    others = [error for error in errors if error.path != path]
    assert others and all(f'"{old}" is not the id of any' in error.message for error in others)
    return own[0]


def test_invalid_id_is_reported(document: dict) -> None:
    document["outcomes"][0]["id"] = "Less Isolated"
    error = id_error_and_references(document, "/outcomes/0/id", "less-isolated")
    assert "not a valid id" in error.message


def test_id_with_a_trailing_newline_is_not_valid(document: dict) -> None:
    document["outcomes"][0]["id"] = "less-isolated\n"
    error = id_error_and_references(document, "/outcomes/0/id", "less-isolated")
    assert "\n" not in error.message


def test_duplicate_stakeholder_id_is_reported(document: dict) -> None:
    document["stakeholders"][4]["id"] = "parents"
    errors = validate_document(document)
    duplicate = [error for error in errors if error.path == "/stakeholders/4/id"]
    assert len(duplicate) == 1
    assert duplicate[0].message.startswith(
        'stakeholders[4].id: "parents" is already the id of stakeholders[1]'
    )


def test_duplicate_outcome_id_is_reported(document: dict) -> None:
    document["outcomes"][3]["id"] = "attendance"
    error = id_error_and_references(document, "/outcomes/3/id", "roles-lost")
    assert '"attendance" is already the id of outcomes[1]' in error.message


@pytest.mark.parametrize(
    ("place", "path"),
    [
        (lambda d: d["outcomes"][2].update(stakeholder="grandparents"), "/outcomes/2/stakeholder"),
        (lambda d: d["inputs"][1].update(stakeholder="grandparents"), "/inputs/1/stakeholder"),
        (
            lambda d: d["need"]["objectives_set_with"].append("grandparents"),
            "/need/objectives_set_with/3",
        ),
        (
            lambda d: d["decommissioning"]["stakeholders_affected"].append("grandparents"),
            "/decommissioning/stakeholders_affected/2",
        ),
    ],
)
def test_reference_to_an_unknown_stakeholder_is_reported(document: dict, place, path) -> None:
    place(document)
    error = only_error(document)
    assert error.path == path
    assert '"grandparents" is not the id of any stakeholder' in error.message
    assert "young-carers" in error.message


def test_removing_a_referenced_stakeholder_reports_every_reference(document: dict) -> None:
    document["stakeholders"] = [s for s in document["stakeholders"] if s["id"] != "council-staff"]
    paths = [error.path for error in validate_document(document)]
    assert paths == ["/decommissioning/stakeholders_affected/1", "/outcomes/3/stakeholder"]


def test_null_input_stakeholder_is_allowed(document: dict) -> None:
    document["inputs"][2]["stakeholder"] = None
    assert validate_document(document) == []


def test_repeated_stakeholder_in_a_reference_list_is_reported(document: dict) -> None:
    document["need"]["objectives_set_with"].append("parents")
    error = only_error(document)
    assert error.path == "/need/objectives_set_with"
    assert '"parents" is listed more than once' in error.message


def test_too_many_items_is_reported(document: dict) -> None:
    document["judgements"] = [{"topic": "t"}] * 201
    error = only_error(document)
    assert error.path == "/judgements" and "201 items" in error.message


@pytest.mark.parametrize(("value", "word"), [(float("nan"), "NaN"), (float("inf"), "infinity")])
def test_non_finite_number_given_directly_is_reported(document: dict, value, word) -> None:
    document["outcomes"][1]["quantity"] = value
    error = only_error(document)
    assert error.path == "/outcomes/1/quantity"
    assert error.message.startswith(f"outcomes[1].quantity: {word}")


def test_text_that_cannot_be_stored_is_reported(document: dict) -> None:
    document["summary"] = "caf\ud800e"
    document["vfm"]["equity"] = "nul\x00here"
    paths = [error.path for error in validate_document(document)]
    assert paths == ["/summary", "/vfm/equity"]


def test_null_is_allowed_for_optional_values(document: dict) -> None:
    document["service"]["current_annual_cost"] = None
    document["contract"]["risk"] = None
    document["outcomes"][0]["deadweight"] = None
    document["decommissioning"] = None
    assert validate_document(document) == []


def test_several_errors_are_all_reported_sorted_by_path(document: dict) -> None:
    del document["title"]
    document["kind"] = "takeover"
    document["contract"]["annual_value"] = -1
    document["outcomes"][10 - 8]["deadweight"] = 2
    document["stakeholders"][5]["id"] = "parents"
    document["inputs"][0]["type"] = "gift"
    document["colour"] = "green"
    paths = [error.path for error in validate_document(document)]
    assert paths == [
        "/colour",
        "/contract/annual_value",
        "/inputs/0/type",
        "/kind",
        "/outcomes/2/deadweight",
        "/stakeholders/5/id",
        "/title",
    ]


def test_errors_sort_list_indexes_as_numbers(document: dict) -> None:
    document["stakeholders"] = [{"id": f"group-{index}", "size": -1} for index in range(12)]
    document["outcomes"] = document["inputs"] = document["savings"] = []
    document["need"]["objectives_set_with"] = document["need"]["options"] = []
    document["contract"]["payment_by_results"] = None
    document["decommissioning"] = None
    paths = [error.path for error in validate_document(document)]
    assert paths == [f"/stakeholders/{index}/size" for index in range(12)]


def test_load_document_raises_with_every_error(document: dict) -> None:
    document["kind"] = "takeover"
    document["discount_rate"] = -1
    with pytest.raises(DocumentInvalid) as raised:
        load_document(json.dumps(document))
    assert [error.path for error in raised.value.errors] == ["/discount_rate", "/kind"]
    assert "(and 1 more)" in str(raised.value)


def test_document_that_is_not_an_object_is_reported() -> None:
    error = validate_document(["not", "an", "object"])[0]
    assert error.path == "" and error.message.startswith("the document: expected an object")


def test_empty_object_reports_each_required_field() -> None:
    paths = [error.path for error in validate_document({})]
    assert paths == ["/format", "/kind", "/organisation", "/title"]


def test_a_flood_of_errors_is_capped() -> None:
    bad_group = {"id": "group", "size": -1, "effect": "glad", "material": "yes"}
    document = {
        "format": "proposal/2",
        "kind": "propose",
        "title": "Many",
        "organisation": {"name": "Org"},
        "stakeholders": [{**bad_group, "id": f"group-{index}"} for index in range(200)],
    }
    errors = validate_document(document)
    assert len(errors) == MAX_ERRORS + 1
    assert errors[-1].path == "" and "More than" in errors[-1].message


def test_an_oversized_list_is_reported_once_and_examined_to_its_limit() -> None:
    document = {
        "format": "proposal/2",
        "kind": "propose",
        "title": "Many",
        "organisation": {"name": "Org"},
        "savings": [{"annual_value": -1}] * 5_000,
    }
    errors = validate_document(document)
    assert errors[0].path == "/savings"
    assert errors[0].message == "savings: the list has 5,000 items; at most 200 are allowed"
    assert [error.path for error in errors[1:]] == [
        f"/savings/{index}/annual_value" for index in range(200)
    ]


def test_long_unknown_field_name_is_not_echoed(document: dict) -> None:
    document["k" * 10_000] = 1
    error = only_error(document)
    assert error.path == "" and len(error.message) < 600


def test_a_schema_reference_for_editors_is_accepted(document: dict) -> None:
    document["$schema"] = "https://valuecase.example/api/v1/schema/proposal"
    assert validate_document(document) == []


def test_unknown_field_with_an_awkward_name_is_named_readably(document: dict) -> None:
    document["vfm"]["social value"] = "x"
    error = only_error(document)
    assert error.path == "/vfm/social value"
    assert error.message.startswith('vfm["social value"]: unknown field')


def test_pointer_escapes_slash_and_tilde_in_field_names(document: dict) -> None:
    document["vfm"]["a/b~c"] = "x"
    assert only_error(document).path == "/vfm/a~1b~0c"
