"""Price years: values at different price years are flagged until uprated to a common one."""

import json

from app.value.price_years import price_year_findings, year_order

from .proposal2 import example


def document(*proxies):
    return {
        "outcomes": [
            {"id": f"o{n}", "description": f"Change {n}", "proxy": proxy}
            for n, proxy in enumerate(proxies, start=1)
        ]
    }


def test_values_at_one_price_year_are_not_flagged():
    found = price_year_findings(
        document({"value": 10, "price_year": "2023/24"}, {"value": 5, "price_year": "2023/24"})
    )
    assert found["mixed"] is False and found["at_other_years"] == []
    assert found["common_year"] == "2023/24"


def test_a_value_at_an_older_price_year_is_flagged_by_its_description():
    found = price_year_findings(
        document({"value": 10, "price_year": "2012/13"}, {"value": 5, "price_year": "2023/24"})
    )
    assert found["mixed"] is True
    assert found["years"] == ["2012/13", "2023/24"]
    assert found["common_year"] == "2023/24"
    assert found["at_other_years"] == [
        {
            "outcome": "o1",
            "description": "Change 1",
            "price_year": "2012/13",
            "uprated_to": None,
            "stands_at": "2012/13",
        }
    ]
    json.dumps(found)


def test_a_value_uprated_to_the_common_year_is_no_longer_flagged():
    found = price_year_findings(
        document(
            {"value": 10, "price_year": "2012/13", "uprated_to": "2023/24"},
            {"value": 5, "price_year": "2023/24"},
        )
    )
    assert found["mixed"] is False and found["at_other_years"] == []


def test_values_uprated_to_different_years_are_still_flagged():
    found = price_year_findings(
        document(
            {"value": 10, "price_year": "2012/13", "uprated_to": "2019"},
            {"value": 5, "price_year": "2015", "uprated_to": "2023"},
        )
    )
    assert found["common_year"] == "2023"
    assert [item["outcome"] for item in found["at_other_years"]] == ["o1"]
    assert found["at_other_years"][0]["stands_at"] == "2019"


def test_only_proxies_that_carry_a_value_count():
    found = price_year_findings(
        document(
            {"value": 0, "price_year": "2001"},
            {"value": None, "price_year": "2002"},
            {"value": 8, "price_year": "2024"},
            {"value": 3},
        )
    )
    assert found["mixed"] is False and found["years"] == ["2024"]
    assert found["without_price_year"] == [{"outcome": "o4", "description": "Change 4"}]


def test_a_calendar_year_and_the_financial_year_beginning_in_it_count_as_one():
    found = price_year_findings(
        document({"value": 10, "price_year": "2024"}, {"value": 5, "price_year": "2024/25"})
    )
    assert found["mixed"] is False and found["at_other_years"] == []
    assert found["years"] == ["2024", "2024/25"] and found["common_year"] == "2024/25"
    found = price_year_findings(
        document({"value": 10, "price_year": "2023/24"}, {"value": 5, "price_year": "2024"})
    )
    assert found["mixed"] is True
    assert [item["stands_at"] for item in found["at_other_years"]] == ["2023/24"]


def test_the_young_carers_truancy_cost_at_its_2005_06_prices_is_flagged():
    carers = example("challenge-young-carers")
    [attendance] = [o for o in carers["outcomes"] if o["id"] == "attendance"]
    found = price_year_findings(carers)
    assert found["mixed"] is True and found["common_year"] == "2024/25"
    assert found["at_other_years"] == [
        {
            "outcome": "attendance",
            "description": attendance["description"],
            "price_year": "2005/06",
            "uprated_to": None,
            "stands_at": "2005/06",
        }
    ]


def test_a_financial_year_falls_between_the_calendar_years_it_spans():
    assert sorted(["2013", "2012/13", "2012"], key=year_order) == ["2012", "2012/13", "2013"]


def test_a_document_with_no_outcomes_has_nothing_to_flag():
    assert price_year_findings({}) == {
        "mixed": False,
        "common_year": None,
        "years": [],
        "at_other_years": [],
        "without_price_year": [],
    }
