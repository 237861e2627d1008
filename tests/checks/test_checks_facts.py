"""Fact derivation: flat, typed, never None, and measuring what the vocabulary says."""

import copy
import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.checks.errors import EngineError
from app.checks.items import has_words, number, positive, words
from app.checks.numbers import is_safe_number
from app.checks.vfm_facts import VOLUNTEER
from app.checks.vocabulary import FACTS, RESERVED


def assert_typed(fact: dict) -> None:
    for name, value in fact.items():
        assert value is not None, name
        if name in RESERVED:
            continue
        spec = FACTS[name]
        if spec.type == "bool":
            assert isinstance(value, bool), name
        elif spec.type == "enum":
            assert value in spec.values, (name, value)
        elif spec.type == "text":
            assert isinstance(value, str), name
        else:
            assert is_safe_number(value), (name, value)
            if spec.type == "count":
                assert isinstance(value, int) and value >= 0, (name, value)
            if spec.type == "share":
                assert 0 <= value <= 1, (name, value)


def test_facts_of_every_example_are_flat_typed_and_never_none(rulebook, examples) -> None:
    for document in examples.values():
        facts = rulebook.facts(document)
        for entity, items in facts.facts.items():
            for index, fact in enumerate(items):
                assert fact["entity"] == entity and fact["index"] == index
                assert_typed(fact)
                assert all(not isinstance(v, dict | list) for v in fact.values())
            for labels in facts.labels[entity]:
                assert_typed(labels)


def test_a_bare_draft_has_every_proposal_fact(rulebook) -> None:
    draft = {"format": "proposal/1", "kind": "challenge", "title": "Draft", "organisation": {}}
    profile = rulebook.facts(draft).profile
    assert_typed(profile)
    proposal_facts = {n for n, s in FACTS.items() if "proposal" in s.entities and s.type != "text"}
    assert set(profile) - {"entity", "index"} == proposal_facts
    assert profile["contract_value_known"] is False and profile["tier"] == "light"


def test_the_library_profile_measures_what_is_missing(rulebook, examples) -> None:
    profile = rulebook.facts(examples["challenge-village-library-weak"]).profile
    assert profile["contract_value"] == 170000
    assert profile["current_cost_known"] is False
    assert profile["volunteers_mentioned"] is True and profile["volunteer_time_value"] == 0
    assert profile["vfm_es_argued"] == 0
    assert profile["has_deadweight_or_attribution"] is False
    assert profile["objectives_set_with_count"] == 0


def test_per_item_facts_link_outcomes_to_their_groups(rulebook, examples) -> None:
    facts = rulebook.facts(examples["propose-hospital-discharge"])
    groups = facts.facts["stakeholder"]
    assert [g["stakeholder_involved"] for g in groups] == [True, False, True, False]
    assert [g["stakeholder_outcome_count"] for g in groups] == [1, 0, 1, 0]
    assert facts.labels["outcome"][1]["outcome_stakeholder_name"] == "Older people discharged home"


@pytest.mark.parametrize(
    ("summary", "mentioned"),
    [("Run by VOLUNTEERS", True), ("a Volunteer-led service", True), ("paid staff", False)],
)
def test_volunteers_are_mentioned_in_any_case(rulebook, summary, mentioned) -> None:
    draft = {"format": "proposal/1", "kind": "challenge", "title": "Draft", "summary": summary}
    assert rulebook.facts(draft).profile["volunteers_mentioned"] is mentioned


def test_lowering_finds_volunteer_exactly_where_a_case_blind_search_does() -> None:
    # Every character that a case-insensitive pattern takes for a letter of "volunteer" lowers
    # to that letter, and no other character lowers to one, so lowering the text first
    # changes nothing.
    letters = "".join(sorted(set(VOLUNTEER)))
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    blind = set(re.findall(f"[{letters}]", everything, re.IGNORECASE))
    lowered = {character for character in everything if set(character.lower()) & set(letters)}
    assert blind == lowered
    for character in blind:
        assert re.fullmatch(character.lower(), character, re.IGNORECASE), hex(ord(character))


def test_an_outcome_of_an_empty_or_unknown_group_has_no_stakeholder(rulebook) -> None:
    draft = {
        "format": "proposal/1",
        "kind": "challenge",
        "title": "Draft",
        "stakeholders": [{"id": "a", "name": "Group A"}, {}],
        "outcomes": [
            {"id": "o1", "stakeholder": "a"},
            {"id": "o2"},
            {"id": "o3", "stakeholder": "z"},
        ],
    }
    labels = rulebook.facts(draft).labels["outcome"]
    assert [label["outcome_stakeholder_name"] for label in labels] == [
        "Group A",
        "no stakeholder",
        "no stakeholder",
    ]


def test_sensitivity_is_computed_only_where_a_rule_needs_it(rulebook, examples) -> None:
    full = rulebook.facts(examples["propose-hospital-discharge"]).profile
    standard = rulebook.facts(examples["challenge-young-carers"]).profile
    assert full["has_sensitivity"] is True and full["sensitivity_stays_above_one"] is True
    assert 1 < full["sensitivity_min_ratio"] < full["sroi_ratio"]
    assert standard["has_sensitivity"] is False


def test_a_high_risk_raises_the_tier(rulebook, examples) -> None:
    document = copy.deepcopy(examples["challenge-young-carers"])
    document["contract"]["risk"] = "high"
    report = rulebook.check(document)
    assert report["tier"] == "full"
    risk = [f for f in report["findings"] if f["rule"] == "proportionality.tier-raised-by-risk"]
    assert risk[0]["message"].startswith(
        "Your own high risk rating raises this case from the standard tier to the full tier"
    )


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"index": "first"}, "index is 'first'"),
        ({"investment": 1e16}, "error code: 204"),
        ({"investment": float("inf")}, "holding null"),
        ({"investment": float("nan")}, "holding null"),
        ({"investment": None}, "holding null"),
        ({"kind": "\ud800"}, "surrogates not allowed"),
    ],
)
def test_a_fact_the_engine_cannot_take_is_reported_and_leaves_no_state(
    rulebook, examples, change, reason
) -> None:
    fact = rulebook.case_fact(rulebook.rule("vfm.no-costs"), {"investment": 0, **change})
    good = rulebook.check(examples["challenge-young-carers"])
    # More failures than the engine's 1,024 live sessions: a failed check deletes its states.
    for _ in range(1100):
        with pytest.raises(EngineError, match=reason):
            rulebook.fire({"stakeholder": [], "proposal": [fact]})
    assert rulebook.check(examples["challenge-young-carers"]) == good


def test_a_fact_no_rule_matches_is_reported_and_the_process_survives(rulebook, examples) -> None:
    fact = rulebook.case_fact(rulebook.rule("vfm.no-costs"), {"investment": 0})
    fact["entity"] = "somebody else's"
    with pytest.raises(EngineError, match="matched no rule"):
        rulebook.fire({"proposal": [fact]})
    assert rulebook.check(examples["challenge-young-carers"])["tier"] == "standard"


@given(
    st.one_of(
        st.none(),
        st.integers(),
        st.text(alphabet="ab \t\n\u00a0\u2003\x1f\x85"),
        st.text(),
    ),
    st.integers(-1, 12),
)
def test_having_enough_words_agrees_with_counting_them_all(text, count) -> None:
    assert has_words(text, count) == (words(text) >= count)


@given(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False),
        st.floats(-1e-3, 1e-3),
        st.sampled_from([10**15, -(10**15), 1e15, 5e-5, -5e-5, 0.0, -0.0]),
        st.text(max_size=3),
    )
)
def test_a_positive_number_is_one_the_facts_would_count_above_zero(value) -> None:
    assert positive(value) == (number(value) > 0)
