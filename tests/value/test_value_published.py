"""The arithmetic reproduces published figures."""

import pytest

from app.proposals.document import validate_document
from app.value.account import compute_account


def green_book_option(cost: int, annual_benefit: int) -> dict:
    """A Green Book option as a proposal document: one outcome, one cash input."""
    return {
        "format": "proposal/2",
        "kind": "propose",
        "title": "Green Book Box 15 option",
        "discount_rate": 0.035,
        "outcomes": [
            {
                "id": "annual-benefit",
                "quantity": 1,
                "proxy": {"value": annual_benefit},
                "duration_years": 4,
                "deadweight": 0,
                "attribution": 0,
                "displacement": 0,
                "drop_off": 0,
            }
        ],
        "inputs": [{"type": "cash", "value": cost}],
    }


@pytest.mark.parametrize(
    ("cost", "annual_benefit", "published_npsv"),
    [(10_000_000, 2_500_000, -820_000), (5_000_000, 1_500_000, 510_000)],
    ids=["option-a", "option-b"],
)
def test_green_book_box_15_net_present_social_value(cost, annual_benefit, published_npsv):
    """HM Treasury, The Green Book, Box 15: costs in year 0, benefits in years 1-4,
    discounted at 3.5%. Option A: NPSV −£0.82m; option B: +£0.51m (to the nearest £10,000)."""
    account = compute_account(green_book_option(cost, annual_benefit))
    assert round(account.npv, -4) == published_npsv


def test_health_precinct_sroi_ratio_from_its_published_totals():
    """Jones C, Hartfiel N, Brocklehurst P, Lynch M, Edwards RT (2020), "Social Return on
    Investment Analysis of the Health Precinct Community Hub for Chronic Conditions",
    International Journal of Environmental Research and Public Health 17(14):5249,
    doi:10.3390/ijerph17145249 (Bangor University, CHEME). Its abstract: "The value of inputs
    was £55,389 (attendance fees, staffing, equipment, overheads), and the value of resulting
    benefits was £281,010; leading to a base case SROI ratio of £5.07 of social value
    generated for every £1 invested."

    The paper publishes these totals rather than each outcome's terms, so the case is entered
    as its totals: the benefits as one outcome valued over the study period (already the
    study's present value, so not discounted again) and the inputs as one amount.
    """
    document = {
        "format": "proposal/2",
        "kind": "propose",
        "title": "Health Precinct community hub",
        "organisation": {"name": "Health Precinct"},
        "first_year_discounted": False,
        "outcomes": [
            {
                "id": "resulting-benefits",
                "quantity": 1,
                "proxy": {"value": 281_010},
                "duration_years": 1,
            }
        ],
        "inputs": [{"type": "cash", "value": 55_389}],
    }
    assert validate_document(document) == []
    account = compute_account(document)
    assert account.present_value == 281_010
    assert account.investment == 55_389
    assert float(account.sroi_ratio) == pytest.approx(5.07, rel=0.01)
    assert account.report()["sroi_ratio"] == 5.07
