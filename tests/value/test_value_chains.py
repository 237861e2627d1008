"""Outcome chains: an outcome valued while one further down its chain is valued too."""

import json

from app.value.chains import chain_double_counting


def outcome(id, leads_to=None, value=100, description=None):
    return {
        "id": id,
        "description": description or id.replace("-", " ").capitalize(),
        "leads_to": leads_to,
        "proxy": {"value": value},
    }


def test_a_valued_outcome_leading_to_a_valued_outcome_is_double_counted():
    doc = {
        "outcomes": [
            outcome("less-isolated", "attends", description="Young carers feel less isolated"),
            outcome("attends", "better-grades", value=None),
            outcome("better-grades", description="Young carers get better grades"),
        ]
    }
    [found] = chain_double_counting(doc)
    assert found == {
        "outcome": "less-isolated",
        "description": "Young carers feel less isolated",
        "valued_downstream": [
            {"outcome": "better-grades", "description": "Young carers get better grades"}
        ],
        "chain_end": {"outcome": "better-grades", "description": "Young carers get better grades"},
        "loops": False,
    }
    json.dumps(found)


def test_value_claimed_only_at_the_end_of_a_chain_is_not_double_counted():
    doc = {
        "outcomes": [
            outcome("a", "b", value=None),
            outcome("b", "c", value=0),
            outcome("c"),
        ]
    }
    assert chain_double_counting(doc) == []


def test_each_valued_outcome_above_another_is_listed_with_every_valued_one_below():
    doc = {"outcomes": [outcome("a", "b"), outcome("b", "c"), outcome("c")]}
    found = {item["outcome"]: item for item in chain_double_counting(doc)}
    assert set(found) == {"a", "b"}
    assert [step["outcome"] for step in found["a"]["valued_downstream"]] == ["b", "c"]
    assert found["a"]["chain_end"]["outcome"] == "c" and found["b"]["chain_end"]["outcome"] == "c"


def test_a_chain_to_an_unknown_outcome_ends_before_it():
    doc = {"outcomes": [outcome("a", "b"), outcome("b", "nowhere")]}
    [found] = chain_double_counting(doc)
    assert found["chain_end"]["outcome"] == "b" and found["loops"] is False


def test_a_loop_is_followed_once_and_said():
    doc = {"outcomes": [outcome("a", "b"), outcome("b", "a"), outcome("self", "self")]}
    found = {item["outcome"]: item for item in chain_double_counting(doc)}
    assert set(found) == {"a", "b"}  # an outcome leading to itself counts itself once
    assert found["a"]["loops"] is True and found["a"]["chain_end"]["outcome"] == "b"
    assert found["b"]["chain_end"]["outcome"] == "a"


def test_outcomes_without_chains_are_not_listed():
    assert chain_double_counting({"outcomes": [outcome("a"), outcome("b")]}) == []
    assert chain_double_counting({}) == []
