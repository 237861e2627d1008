"""Fact derivation: flat, typed, never None, and measuring what the vocabulary says."""

import copy

import pytest

from app.checks.declare import DECLARED
from app.checks.errors import EngineError
from app.checks.numbers import is_safe_number
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


def test_every_fact_is_declared_where_it_is_derived_and_says_how() -> None:
    assert FACTS == DECLARED
    for spec in FACTS.values():
        assert callable(spec.derive), spec.name
        assert spec.derive.__name__ == spec.name
        assert spec.derived and spec.meaning and spec.label, spec.name


def test_a_bare_draft_has_every_proposal_fact(rulebook) -> None:
    draft = {"format": "proposal/2", "kind": "challenge", "title": "Draft", "organisation": {}}
    profile = rulebook.facts(draft).profile
    assert_typed(profile)
    proposal_facts = {n for n, s in FACTS.items() if "proposal" in s.entities and s.type != "text"}
    assert set(profile) - {"entity", "index"} == proposal_facts
    assert profile["contract_value_known"] is False and profile["tier"] == "light"
    assert profile["risk"] == "unknown" and profile["derived_risk"] == "medium"


def test_the_library_profile_measures_what_is_missing(rulebook, examples) -> None:
    facts = rulebook.facts(examples["challenge-village-library-weak"])
    profile, labels = facts.profile, facts.labels["proposal"][0]
    assert profile["contract_value"] == 170000
    assert profile["current_cost_known"] is False
    assert profile["volunteers_mentioned"] is True and profile["volunteer_time_value"] == 0
    assert profile["vfm_economy"] == "self_declared"
    assert [profile[f"vfm_{e}"] for e in ("efficiency", "effectiveness", "equity")] == [
        "missing",
        "missing",
        "missing",
    ]
    assert profile["vfm_es_evidenced"] == 0 and profile["self_declared_count"] == 0
    assert labels["vfm_economy_problem"] == "self-declared, not evidenced"
    assert labels["vfm_es_missing"].startswith("economy (self-declared, not evidenced),")
    assert facts.facts["outcome"][0]["outcome_impact_allowed"] is False
    assert profile["need_cites_evidence"] is False  # the one item cited has no figure
    assert profile["evidence_incomplete_count"] == 1
    assert profile["objectives_set_with_count"] == 0


def test_per_item_facts_link_outcomes_to_their_groups(rulebook, examples) -> None:
    facts = rulebook.facts(examples["propose-hospital-discharge"])
    groups = facts.facts["stakeholder"]
    assert [g["stakeholder_involved"] for g in groups] == [True, False, True, False]
    assert [g["stakeholder_outcome_count"] for g in groups] == [1, 0, 1, 0]
    assert facts.labels["outcome"][1]["outcome_stakeholder_name"] == "Older people discharged home"
    assert facts.facts["outcome"][0]["outcome_stakeholder_type"] == "public_body"


@pytest.mark.parametrize(
    ("summary", "mentioned"),
    [("Run by VOLUNTEERS", True), ("a Volunteer-led service", True), ("paid staff", False)],
)
def test_volunteers_are_mentioned_in_any_case(rulebook, summary, mentioned) -> None:
    draft = {"format": "proposal/2", "kind": "challenge", "title": "Draft", "summary": summary}
    assert rulebook.facts(draft).profile["volunteers_mentioned"] is mentioned


def test_an_outcome_of_an_empty_or_unknown_group_has_no_stakeholder(rulebook) -> None:
    draft = {
        "format": "proposal/2",
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


def test_sensitivity_is_worked_out_at_every_tier(rulebook, examples) -> None:
    for name in ("propose-parish-green-spaces", "challenge-young-carers"):
        profile = rulebook.facts(examples[name]).profile
        assert 0 < profile["sensitivity_min_ratio"] < profile["sroi_ratio"], name
        assert 0 < profile["largest_outcome_share"] <= 1, name


def test_a_judgement_about_sensitivity_does_not_change_the_sensitivity(rulebook, examples) -> None:
    document = copy.deepcopy(examples["propose-parish-green-spaces"])
    before = rulebook.check(document)
    document["judgements"].append(
        {"topic": "Sensitivity", "judgement": "The switching value is fine.", "rationale": "Ok."}
    )
    after = rulebook.check(document)
    assert after["sensitivity"] == before["sensitivity"]
    rule = "claims.sensitivity-below-one"
    assert [f["rule"] for f in after["findings"]].count(rule) == 1


def test_the_stated_and_the_derived_risk_are_both_kept(rulebook, examples) -> None:
    document = copy.deepcopy(examples["challenge-young-carers"])
    document["contract"]["risk"] = "low"
    profile = rulebook.facts(document).profile
    assert (profile["risk"], profile["derived_risk"]) == ("low", "medium")
    assert profile["risk_understated"] is True


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"index": "first"}, "index is 'first'"),
        ({"index": -1}, "index is -1"),
        ({"investment": 1e16}, "cannot read"),
        ({"investment": 0.00001}, "cannot read"),
        ({"investment": float("inf")}, "cannot read"),
        ({"investment": float("nan")}, "cannot read"),
        ({"investment": None}, "cannot read"),
        ({"kind": "\ud800"}, "lone surrogate"),
    ],
)
def test_a_fact_the_engine_cannot_take_is_refused_before_it_and_leaves_no_state(
    rulebook, examples, change, reason
) -> None:
    fact = rulebook.case_fact(rulebook.rule("vfm.no-costs"), {"investment": 0, **change})
    good = rulebook.check(examples["challenge-young-carers"])
    # More failures than the engine's 1,024 live sessions: a failed check deletes its states.
    for _ in range(1100):
        with pytest.raises(EngineError, match=reason):
            rulebook.fire({"stakeholder": [], "proposal": [fact]})
    assert rulebook.check(examples["challenge-young-carers"]) == good


def test_a_fact_of_another_entity_is_refused_and_the_process_survives(rulebook, examples) -> None:
    fact = rulebook.case_fact(rulebook.rule("vfm.no-costs"), {"investment": 0})
    fact["entity"] = "somebody else's"
    with pytest.raises(EngineError, match="would match no rule"):
        rulebook.fire({"proposal": [fact]})
    assert rulebook.check(examples["challenge-young-carers"])["tier"] == "standard"
