"""Each option's own value account: the document's outcomes at the option's quantities, with
its annual cost over the contract as its investment."""

from decimal import Decimal

from app.value.account import compute_account
from app.value.options import FREE_NOTE, NO_COST_NOTE, option_accounts, options_report

from .proposal2 import green_spaces, young_carers

D = Decimal


def outcome(**fields):
    return {"id": "o", "quantity": 1, "proxy": {"value": 1000}, "duration_years": 1} | fields


def document(outcomes, options, years=3, **fields):
    """An undiscounted challenge with the given outcomes and options."""
    return {
        "kind": "challenge",
        "discount_rate": 0,
        "contract": {"duration_years": years},
        "outcomes": outcomes,
        "inputs": [{"type": "cash", "value": 1000}],
        "need": {"options": options},
    } | fields


def option(id, annual_cost=None, **quantities):
    return {
        "id": id,
        "annual_cost": annual_cost,
        "quantities": [{"outcome": key, "quantity": value} for key, value in quantities.items()],
    }


def test_an_option_values_each_listed_outcome_with_its_own_terms_at_the_options_quantity():
    outcomes = [
        outcome(id="a", quantity=10, proxy={"value": 200}, deadweight=0.25, attribution=0.2),
        outcome(id="b", quantity=5, proxy={"value": 1000}, duration_years=2, drop_off=0.5),
    ]
    accounts = option_accounts(document(outcomes, [option("small", 500, a=4, b=2)]))
    small = accounts["small"]
    # a: 4 × 200 × 0.75 × 0.8 = 480; b: 2 × 1,000 = 2,000, then half of it, 1,000
    assert small.by_outcome == {"a": D(480), "b": D(3000)}
    assert small.present_value == D(3480)
    assert small.investment == D(1500)  # £500 a year over the contract's 3 years
    assert small.sroi_ratio == D(3480) / D(1500)


def test_an_options_account_is_the_account_of_the_option_written_as_a_document():
    doc = young_carers()
    for option_id, account in option_accounts(doc).items():
        [chosen] = [o for o in doc["need"]["options"] if o["id"] == option_id]
        by_id = {o["id"]: o for o in doc["outcomes"]}
        written = dict(
            doc,
            outcomes=[
                dict(by_id[item["outcome"]], quantity=item["quantity"])
                for item in chosen["quantities"]
            ],
            inputs=[{"type": "cash", "value": chosen["annual_cost"] * 3}],  # a 3-year contract
        )
        expected = compute_account(written)
        assert account.present_value == expected.present_value, option_id
        assert account.investment == expected.investment, option_id
        assert account.sroi_ratio == expected.sroi_ratio, option_id


def test_outcomes_an_option_does_not_list_count_for_nothing_under_it():
    outcomes = [outcome(id="a"), outcome(id="b", proxy={"value": 5000})]
    accounts = option_accounts(document(outcomes, [option("only-a", 100, a=2)]))
    assert accounts["only-a"].by_outcome == {"a": D(2000)}


def test_an_option_without_quantities_has_no_account():
    options = [{"id": "vague", "annual_cost": 100, "quantities": None}, {"id": "bare"}]
    assert option_accounts(document([outcome()], options)) == {}


def test_an_option_without_a_cost_has_no_ratio_and_says_why():
    account = option_accounts(document([outcome()], [option("unpriced", a=1)]))["unpriced"]
    assert account.investment == 0 and account.sroi_ratio is None
    assert NO_COST_NOTE in account.notes
    assert not any(note.startswith("No inputs") for note in account.notes)


def test_an_option_that_costs_nothing_has_no_ratio_and_says_so():
    doc = document([outcome(id="a")], [option("free", 0, a=3)])
    account = option_accounts(doc)["free"]
    assert account.present_value == D(3000) and account.sroi_ratio is None
    assert FREE_NOTE in account.notes


def test_a_quantity_for_an_unknown_outcome_is_not_valued_and_noted():
    doc = document([outcome(id="a")], [option("typo", 100, a=1, missing=7)])
    account = option_accounts(doc)["typo"]
    assert account.present_value == D(1000)
    assert any("does not list" in note and "7" in note for note in account.notes)


def test_an_option_with_no_contract_duration_is_costed_for_one_year():
    doc = document([outcome(id="a")], [option("one-year", 800, a=1)], contract={})
    assert option_accounts(doc)["one-year"].investment == D(800)


def test_savings_never_enter_an_options_account():
    doc = green_spaces()
    doc["savings"].append({"body": "DWP", "annual_value": 10_000, "transfer": True})
    for account in option_accounts(doc).values():
        assert account.savings.total == 0


def test_the_report_names_each_option_and_sets_its_estimate_beside_its_account():
    report = options_report(young_carers())
    assert [row["option"] for row in report] == ["in-house", "signposting", "whole-family"]
    signposting = report[1]
    assert signposting["name"] == "Do the minimum: signposting only"
    assert signposting["kind"] == "do_minimum" and signposting["chosen"] is False
    assert signposting["annual_cost"] == 60_000.0
    assert signposting["investment"] == 180_000.0  # three years
    assert signposting["value_estimate"] == 50_000.0
    # 30 × £2,400 × 0.75 × 0.8 = £43,200 in year 1, £30,240 in year 2, at 3.5%
    expected = 43_200 / 1.035 + 30_240 / 1.035**2
    assert abs(signposting["present_value"] - expected) < 0.01


def test_the_proposals_own_option_gives_the_proposals_present_value():
    doc = young_carers()
    ours = option_accounts(doc)["whole-family"]
    assert ours.present_value == compute_account(doc).present_value
