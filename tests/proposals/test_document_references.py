"""Ids of proposal/2's evidence, options and measures, and every reference to them, checked."""

import copy
import json
from collections.abc import Callable

import pytest

from app.examples import EXAMPLES_DIR
from app.proposals.document import DocumentError, validate_document

ORIGINAL = json.loads((EXAMPLES_DIR / "challenge-young-carers.json").read_text(encoding="utf-8"))


@pytest.fixture
def document() -> dict:
    return copy.deepcopy(ORIGINAL)


def errors_at(document: dict) -> dict[str, str]:
    return {error.path: error.message for error in validate_document(document)}


def only_error(document: dict) -> DocumentError:
    errors = validate_document(document)
    assert len(errors) == 1, errors
    return errors[0]


def pbr(document: dict) -> dict:
    return document["contract"]["payment_by_results"]


def test_the_example_cites_evidence_options_and_outcomes_that_exist(document: dict) -> None:
    assert validate_document(document) == []
    assert pbr(document)["measures"] and document["evidence"] and document["need"]["options"]


@pytest.mark.parametrize(
    ("section", "noun"),
    [
        (lambda d: d["evidence"], "evidence item"),
        (lambda d: d["need"]["options"], "option"),
        (lambda d: pbr(d)["measures"], "measure"),
    ],
)
def test_a_repeated_id_is_reported_where_it_is_repeated(
    document: dict, section: Callable, noun: str
) -> None:
    items = section(document)
    items.append({**copy.deepcopy(items[0]), "description": "again"} if noun == "measure" else {})
    items[-1]["id"] = items[0]["id"]
    path = {"evidence item": "/evidence", "option": "/need/options"}.get(
        noun, "/contract/payment_by_results/measures"
    )
    error = only_error(document)
    assert error.path == f"{path}/{len(items) - 1}/id"
    assert error.message.endswith(f"[0]; each {noun} needs its own id")


def test_an_evidence_item_needs_an_id_of_the_right_form(document: dict) -> None:
    document["evidence"].append({"claim": "No id"})
    document["evidence"].append({"id": "Pilot Strain"})
    errors = errors_at(document)
    assert "missing (this field is required)" in errors["/evidence/10/id"]
    assert "not a valid id" in errors["/evidence/11/id"]


@pytest.mark.parametrize(
    ("cite", "path"),
    [
        (lambda d: d["need"]["evidence_ids"].append("ghost"), "/need/evidence_ids/4"),
        (
            lambda d: d["outcomes"][0]["evidence"]["quantity"].append("ghost"),
            "/outcomes/0/evidence/quantity/1",
        ),
        (
            lambda d: d["outcomes"][0]["evidence"]["indicator"].append("ghost"),
            "/outcomes/0/evidence/indicator/1",
        ),
        (
            lambda d: d["outcomes"][0]["evidence"]["deadweight"].append("ghost"),
            "/outcomes/0/evidence/deadweight/1",
        ),
        (
            lambda d: d["outcomes"][0]["evidence"]["attribution"].append("ghost"),
            "/outcomes/0/evidence/attribution/1",
        ),
        (
            lambda d: pbr(d)["evidence_ids"].append("ghost"),
            "/contract/payment_by_results/evidence_ids/2",
        ),
        (
            lambda d: pbr(d)["measures"][1]["evidence_ids"].append("ghost"),
            "/contract/payment_by_results/measures/1/evidence_ids/2",
        ),
    ],
)
def test_citing_evidence_that_does_not_exist_is_reported_where_it_is_cited(
    document: dict, cite: Callable, path: str
) -> None:
    cite(document)
    error = only_error(document)
    assert error.path == path
    assert error.message.split(": ", 1)[1].startswith(
        '"ghost" is not the id of any evidence item; the ids are: census-2011-young-carers, '
    )


def test_removing_an_evidence_item_reports_every_citation_of_it(document: dict) -> None:
    document["evidence"] = [item for item in document["evidence"] if item["id"] != "pilot-strain"]
    assert sorted(errors_at(document)) == [
        "/contract/payment_by_results/evidence_ids/1",
        "/contract/payment_by_results/measures/1/evidence_ids/0",
        "/outcomes/0/evidence/indicator/0",
        "/outcomes/0/evidence/quantity/0",
    ]


def test_with_no_evidence_a_citation_says_there_is_none(document: dict) -> None:
    document["evidence"] = []
    message = errors_at(document)["/need/evidence_ids/0"]
    assert message.endswith(
        '"census-2021-young-carers" is not the id of any evidence item; there are none yet'
    )


@pytest.mark.parametrize(
    ("refer", "path"),
    [
        (lambda d: d["outcomes"][1].update(leads_to="ghost"), "/outcomes/1/leads_to"),
        (lambda d: d["savings"][0].update(outcome="ghost"), "/savings/0/outcome"),
        (
            lambda d: d["need"]["options"][2]["quantities"][1].update(outcome="ghost"),
            "/need/options/2/quantities/1/outcome",
        ),
        (
            lambda d: pbr(d)["measures"][0].update(outcome="ghost"),
            "/contract/payment_by_results/measures/0/outcome",
        ),
    ],
)
def test_naming_an_outcome_that_does_not_exist_is_reported_where_it_is_named(
    document: dict, refer: Callable, path: str
) -> None:
    refer(document)
    error = only_error(document)
    assert error.path == path
    assert '"ghost" is not the id of any outcome; the ids are: attendance, ' in error.message


def test_a_badly_formed_outcome_reference_is_reported_as_an_id(document: dict) -> None:
    document["savings"][1]["outcome"] = "Less Isolated"
    error = only_error(document)
    assert error.path == "/savings/1/outcome" and "not a valid id" in error.message


def test_no_outcome_is_a_null_reference(document: dict) -> None:
    document["savings"][1]["outcome"] = None
    pbr(document)["measures"][0]["outcome"] = None
    document["outcomes"][5]["leads_to"] = None
    assert validate_document(document) == []


def test_an_outcome_cannot_lead_to_itself(document: dict) -> None:
    document["outcomes"][2]["leads_to"] = "parents-less-anxious"
    error = only_error(document)
    assert error.path == "/outcomes/2/leads_to"
    assert "this outcome's own id; an outcome leads to another outcome" in error.message


def test_a_chain_that_comes_back_round_is_reported_once_at_its_first_outcome(
    document: dict,
) -> None:
    # identified-earlier (5) already leads to less-isolated (0)
    document["outcomes"][0]["leads_to"] = "attendance"
    document["outcomes"][1]["leads_to"] = "identified-earlier"
    error = only_error(document)
    assert error.path == "/outcomes/0/leads_to"
    assert error.message == (
        "outcomes[0].leads_to: the outcome chain less-isolated → attendance → identified-earlier"
        " → less-isolated comes back to where it started; a chain must end at an outcome that "
        "leads to no other"
    )


def test_a_chain_leading_into_a_loop_is_reported_at_the_loop_only(document: dict) -> None:
    document["outcomes"][1]["leads_to"] = "parents-less-anxious"
    document["outcomes"][2]["leads_to"] = "roles-lost"
    document["outcomes"][3]["leads_to"] = "parents-less-anxious"
    error = only_error(document)
    assert error.path == "/outcomes/2/leads_to" and "parents-less-anxious → roles-lost" in (
        error.message
    )


def test_a_chain_that_ends_is_allowed(document: dict) -> None:
    document["outcomes"][0]["leads_to"] = "attendance"
    document["outcomes"][2]["leads_to"] = "attendance"
    assert validate_document(document) == []
