"""The arithmetic reproduces published figures."""

import pytest

from app.value.account import compute_account


def green_book_option(cost: int, annual_benefit: int) -> dict:
    """A Green Book option as a proposal document: one outcome, one cash input."""
    return {
        "format": "proposal/1",
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
