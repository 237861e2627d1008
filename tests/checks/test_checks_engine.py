"""The durable-rules adapter: isolation, reuse, threads, order and awkward numbers."""

import copy
import math
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.checks import engine
from app.checks.conditions import Compare
from app.checks.errors import EngineError
from app.checks.numbers import LIMIT, SMALLEST, is_safe_number, safe_number
from app.checks.report import finding_order
from app.checks.rulebook import load_rulebook
from app.checks.vocabulary import FACTS, baseline

from .conftest import MODEL, RULES


def test_loading_and_checking_start_no_threads(examples) -> None:
    before = threading.active_count()
    rulebook = load_rulebook(RULES, MODEL)
    rulebook.check(examples["challenge-young-carers"])
    assert threading.active_count() == before


def test_loading_the_rules_again_reuses_the_registered_rulesets(rulebook) -> None:
    before = engine.registered_count()
    again = load_rulebook(RULES, MODEL)
    assert engine.registered_count() == before
    assert [p.name for p in again.partitions] == [p.name for p in rulebook.partitions]


def test_partitions_stay_within_the_engine_stack_and_start_with_their_entity(rulebook) -> None:
    from app.checks.network import MAX_STACK
    from app.checks.partition import peak

    assert [p.entity for p in rulebook.partitions] == [
        "proposal",
        "stakeholder",
        "outcome",
        "decommissioning",
        "group",
    ]
    for partition in rulebook.partitions:
        assert peak(partition) <= MAX_STACK
        assert engine.CATCH_ALL in partition.definition
        for name, rule in partition.definition.items():
            first = rule["all"][0]["m"]
            positive = first if name == engine.CATCH_ALL else first["$and"][0]
            assert positive == {"entity": partition.entity}


def test_rules_that_overflow_one_ruleset_are_split_between_two(rulebook) -> None:
    from app.checks.network import MAX_STACK
    from app.checks.partition import build_partitions, peak

    # 70 rules that differ only in their last comparison: 70 nodes under one, each pushed
    rule = rulebook.rule("vfm.economy-not-argued")
    copies = [
        replace(rule, id=f"vfm.copy-{n}", when=Compare("investment", "gt", n)) for n in range(70)
    ]
    partitions = build_partitions(copies)
    assert len(partitions) == 2
    assert all(peak(partition) <= MAX_STACK for partition in partitions)
    placed = [name for p in partitions for name in p.definition if name != engine.CATCH_ALL]
    assert placed == [rule.id for rule in copies]


def test_the_same_document_1500_times_leaks_no_state(rulebook, examples) -> None:
    """More checks than the engine's 1,024 live sessions per ruleset: each state is deleted."""
    document = examples["challenge-village-library-weak"]
    first = rulebook.check(document)
    for _ in range(1500):
        assert rulebook.check(document) == first


def test_sessions_are_emptied_and_reused_between_checks(rulebook, examples) -> None:
    """Each check starts in an emptied session: no fact or action of the one before is left."""
    expected = {name: rulebook.check(document) for name, document in examples.items()}
    pooled = engine.free_sessions()
    assert pooled >= 1
    order = list(examples) * 3
    for name in order + order[::-1]:
        assert rulebook.check(examples[name]) == expected[name]
    assert engine.free_sessions() == pooled  # one check at a time needs no new session


def test_a_failed_check_retires_its_session_and_the_next_is_right(rulebook, examples) -> None:
    good = rulebook.check(examples["propose-hospital-discharge"])
    pooled = engine.free_sessions()
    fact = rulebook.case_fact(rulebook.rule("stakeholders.material-not-involved"), {})
    with pytest.raises(EngineError, match="two items share an index"):
        rulebook.fire({"stakeholder": [fact, dict(fact)]})
    assert engine.free_sessions() == pooled - 1
    assert rulebook.check(examples["propose-hospital-discharge"]) == good


def test_checks_in_8_threads_match_the_sequential_results(rulebook, examples) -> None:
    documents = list(examples.values())
    expected = [rulebook.check(document) for document in documents]

    def worker(seed: int) -> list[bool]:
        return [
            rulebook.check(documents[(seed + i) % 4]) == expected[(seed + i) % 4] for i in range(50)
        ]

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(worker, range(8)))
    assert all(all(batch) for batch in results)
    assert sum(len(batch) for batch in results) == 400
    assert engine.free_sessions() <= 8 + 1  # never more sessions than checks at once


def test_findings_come_out_in_a_stable_order(rulebook, examples) -> None:
    document = copy.deepcopy(examples["propose-hospital-discharge"])
    report = rulebook.check(document)
    assert report["findings"] == sorted(report["findings"], key=finding_order)
    document["stakeholders"] = list(reversed(document["stakeholders"]))
    paths = [f["path"] for f in rulebook.check(document)["findings"]]
    assert paths == [
        f["path"] for f in sorted(rulebook.check(document)["findings"], key=finding_order)
    ]


def test_an_or_that_matches_twice_gives_one_finding(rulebook) -> None:
    rule = rulebook.rule("vfm.equalities-not-assessed")
    fact = rulebook.case_fact(
        rule,
        {"tier": "full", "equalities_assessment": "missing", "equalities_characteristic_count": 0},
    )
    fired = rulebook.fire({"proposal": [fact]})
    assert fired.count(("vfm.equalities-not-assessed", 0)) == 1


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        (0, 0),
        (1e-05, 0.0001),
        (-1e-05, -0.0001),
        (1e16, 999999999999999.0),
        (0.12345, 0.1235),
        (10**20, 999_999_999_999_999),
        (2.5, 2.5),
        (-0.0, 0.0),
        (0.00004, 0.0001),
        (-(10**20), -999_999_999_999_999),
        (-1e15, -999999999999999.0),
    ],
)
def test_numbers_are_made_readable_by_the_engine(raw, safe) -> None:
    assert safe_number(raw) == safe
    assert is_safe_number(safe_number(raw))
    assert "e" not in repr(safe_number(raw))


def unusual(value: float) -> dict:
    """A proposal fact with every number set to ``value``."""
    fact = {"entity": "proposal", "index": 0, **baseline("proposal")}
    for name, spec in FACTS.items():
        if name in fact and spec.type in ("money", "number", "ratio", "share"):
            fact[name] = safe_number(min(value, 1.0) if spec.type == "share" else value)
        elif name in fact and spec.type == "count":
            fact[name] = safe_number(int(value))
    return fact


@pytest.mark.parametrize("value", [0, 1e-05, 0.00049, 1e15, 1e30, 123456789.123456, 0.5])
def test_unusual_numbers_do_not_break_the_engine(rulebook, value) -> None:
    from app.checks import reference

    fact = unusual(value)
    fired = set(rulebook.fire({"proposal": [fact]}))
    expected = reference.fired(rulebook.rules, {"proposal": [fact]})
    assert fired == expected


def test_documents_with_unusual_numbers_are_checked(rulebook, examples) -> None:
    document = copy.deepcopy(examples["challenge-young-carers"])
    document["contract"]["annual_value"] = 1e12
    document["contract"]["duration_years"] = 25
    document["outcomes"][0]["deadweight"] = 1e-05
    document["outcomes"][0]["quantity"] = 0.00001
    document["outcomes"][1]["proxy"]["value"] = 1e12
    document["outcomes"][2]["quantity"] = 0
    document["inputs"][0]["value"] = 0.001
    report = rulebook.check(document)
    assert report["tier"] == "full"
    assert "claims.ratio-above-plausible" in {f["rule"] for f in report["findings"]}


def by_definition(value: float | Decimal) -> float:
    """safe_number's definition for a float or Decimal, step by step, with no shortcut."""
    number = float(value)
    if abs(number) >= LIMIT:
        return math.copysign(float(LIMIT), number)
    rounded = round(number, 4)
    if rounded == 0:
        return math.copysign(SMALLEST, number) if number != 0 else 0.0
    return rounded


@given(
    st.floats(allow_nan=False)
    | st.floats(-1e6, 1e6, allow_nan=False).map(float.__floor__).map(float)
    | st.decimals(allow_nan=False, allow_infinity=False, places=12)
    | st.decimals(allow_nan=False, allow_infinity=False)
)
def test_numbers_take_their_shortcuts_to_exactly_what_the_definition_gives(value) -> None:
    made = safe_number(value)
    expected = by_definition(value)
    assert type(made) is float
    assert repr(made) == repr(expected)  # the same float, and the same sign of zero
