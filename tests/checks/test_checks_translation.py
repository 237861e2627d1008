"""The translation of the when language into durable-rules, for every construct the
language has, against the reference interpreter on random facts."""

from hypothesis import given, settings
from hypothesis import strategies as st

from app.checks import engine, reference
from app.checks.conditions import Compare, parse_condition
from app.checks.describe import describe_condition
from app.checks.parameters import load_parameters
from app.checks.partition import build_partitions
from app.checks.rule import Applies, Rule
from app.checks.translate import FALSE, TRUE, normal_form, size, to_durable
from app.checks.vocabulary import KINDS, TIERS

from .conftest import RULES

PARAMETERS = load_parameters(RULES / "parameters.yaml")
CONDITIONS = {
    "proposal": [
        {"fact": "sroi_ratio", "gt": {"fact": "sensitivity_min_ratio"}},
        {"fact": "cashable_savings_total", "lte": {"fact": "non_cashable_savings_total"}},
        {"fact": "tier", "eq": {"fact": "tier_before_risk"}},
        {"fact": "has_pbr", "ne": {"fact": "pbr_has_safeguards"}},
        {"not": {"any": [{"fact": "has_pbr", "is": True}, {"fact": "pbr_share", "gte": 0.5}]}},
        {
            "not": {
                "all": [
                    {"fact": "tier", "in": ["light", "full"]},
                    {"fact": "verification", "in": ["none"]},
                ]
            }
        },
        {"fact": "option_count", "in": [0, 2, 5]},
        {"not": {"fact": "option_count", "in": [0, 2]}},
        {
            "any": [
                {"all": [{"fact": "risk", "is": "high"}, {"fact": "sroi_ratio", "lt": 1.5}]},
                {"all": [{"fact": "risk", "ne": "high"}, {"fact": "sroi_ratio", "gte": 3}]},
            ]
        },
        {
            "all": [
                {"fact": "kind", "in": ["challenge", "propose"]},
                {"fact": "investment", "eq": 0},
            ]
        },
        {"not": {"fact": "tier", "in": ["light", "standard", "full"]}},
        {"not": {"not": {"fact": "pbr_share", "lte": 0.25}}},
        {"fact": "sroi_ratio", "gt": {"param": "plausible_max_ratio"}},
    ],
    "stakeholder": [
        {"fact": "stakeholder_size", "gte": {"param": "large_group_size"}},
        {"fact": "stakeholder_people_involved", "gt": {"fact": "stakeholder_size"}},
        {"not": {"fact": "stakeholder_effect", "in": ["positive", "none", "unknown"]}},
    ],
}


def make_rule(number: int, entity: str, raw: dict) -> Rule:
    return Rule(
        id=f"vfm.translation-{number}",
        area="vfm",
        severities=dict.fromkeys(TIERS, "minor"),
        applies=Applies(KINDS, TIERS),
        each=None if entity == "proposal" else entity,
        when=parse_condition(raw, entity, PARAMETERS),
        message="m",
        why="Valuecase guidance",
        modules=("M1.2",),
        path="/vfm" if entity == "proposal" else "/stakeholders/{index}",
        tests=(),
        file="test",
    )


RULES_UNDER_TEST = [
    make_rule(number, entity, raw)
    for entity, conditions in CONDITIONS.items()
    for number, raw in enumerate(conditions, start=100 if entity != "proposal" else 0)
]
PARTITIONS = build_partitions(RULES_UNDER_TEST)
RULESETS = engine.register(PARTITIONS)

NUMBER = st.one_of(st.sampled_from([0, 0.25, 0.5, 1, 1.5, 3, 10, 500]), st.integers(0, 1000))


def proposal() -> st.SearchStrategy:
    return st.fixed_dictionaries(
        {
            "entity": st.just("proposal"),
            "index": st.just(0),
            "kind": st.sampled_from(KINDS),
            "tier": st.sampled_from(TIERS),
            "tier_before_risk": st.sampled_from(TIERS),
            "risk": st.sampled_from(["low", "medium", "high", "unknown"]),
            "verification": st.sampled_from(["none", "internal", "independent", "unknown"]),
            "has_pbr": st.booleans(),
            "pbr_has_safeguards": st.booleans(),
            "pbr_share": st.sampled_from([0, 0.25, 0.2501, 0.5, 1]),
            "sroi_ratio": NUMBER,
            "sensitivity_min_ratio": NUMBER,
            "cashable_savings_total": NUMBER,
            "non_cashable_savings_total": NUMBER,
            "option_count": st.integers(0, 6),
            "investment": NUMBER,
        }
    )


def stakeholder(index: int) -> st.SearchStrategy:
    return st.fixed_dictionaries(
        {
            "entity": st.just("stakeholder"),
            "index": st.just(index),
            "kind": st.sampled_from(KINDS),
            "tier": st.sampled_from(TIERS),
            "stakeholder_size": NUMBER,
            "stakeholder_people_involved": NUMBER,
            "stakeholder_effect": st.sampled_from(
                ["positive", "negative", "mixed", "none", "unknown"]
            ),
        }
    )


@settings(max_examples=200, deadline=None)
@given(
    proposal(),
    st.integers(0, 3).flatmap(lambda count: st.tuples(*(stakeholder(i) for i in range(count)))),
)
def test_every_construct_fires_as_the_reference_says(profile, groups) -> None:
    facts = {"proposal": [profile], "stakeholder": list(groups)}
    fired = RULESETS.evaluate(facts)
    assert set(fired) == reference.fired(RULES_UNDER_TEST, facts)


def test_in_over_an_enum_becomes_the_cheaper_comparison() -> None:
    assert normal_form(Compare("tier", "in", ("standard", "full"))) == Compare(
        "tier", "ne", "light"
    )
    assert normal_form(Compare("tier", "in", ("light",))) == Compare("tier", "eq", "light")
    assert normal_form(Compare("tier", "in", TIERS)) == TRUE
    assert (
        normal_form(parse_condition({"not": {"fact": "tier", "in": list(TIERS)}}, "proposal", {}))
        == FALSE
    )


def test_the_translation_starts_with_a_positive_discriminator() -> None:
    condition = parse_condition({"fact": "has_pbr", "is": False}, "proposal", {})
    assert to_durable(condition, "proposal") == {
        "$and": [{"entity": "proposal"}, {"has_pbr": False}]
    }


def test_size_counts_alternatives_and_comparisons() -> None:
    raw = {
        "all": [
            {"any": [{"fact": "has_pbr", "is": True}, {"fact": "pbr_share", "gt": 0}]},
            {"fact": "investment", "gt": 0},
        ]
    }
    assert size(parse_condition(raw, "proposal", {})) == (2, 4)


def test_conditions_read_as_plain_english() -> None:
    raw = {"fact": "sroi_ratio", "gt": {"param": "plausible_max_ratio"}}
    text = describe_condition(parse_condition(raw, "proposal", PARAMETERS))
    assert text == "the SROI ratio is more than 10 (the plausible maximum)"
    raw = {
        "all": [{"fact": "has_pbr", "is": True}, {"not": {"fact": "stakeholder_count", "gt": 2}}]
    }
    text = describe_condition(parse_condition(raw, "proposal", PARAMETERS))
    assert (
        text == "payment by results is proposed and the number of stakeholder groups is at most 2"
    )
