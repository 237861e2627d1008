"""proposal/2 documents for the value tests: the examples, and fixed options to check by hand.

The examples are read through the same conversion a proposal/1 document gets on reading, so
they are proposal/2 whatever format a file is in. The examples carry options of their own;
``young_carers`` and ``green_spaces`` replace them with fixed ones (today's service, doing the
minimum and the proposal, each with its cost and its own quantities), so that figures worked
by hand in the tests do not move when an example is edited. The worked example of
docs/value.md is here too, so that the page and the test read the same figures.
"""

from __future__ import annotations

import copy

from app.examples import example_paths, load_example
from app.proposals.convert import to_current


def example(name: str) -> dict:
    """An example document as proposal/2 (converted when the file is still proposal/1)."""
    return to_current(load_example(name))


def examples() -> dict[str, dict]:
    """Every example as proposal/2, by file stem."""
    return {path.stem: example(path.stem) for path in example_paths()}


def quantities(**by_outcome: float) -> list[dict]:
    """An option's quantities from ``outcome_id=quantity`` (hyphens written as underscores)."""
    return [
        {"outcome": key.replace("_", "-"), "quantity": value} for key, value in by_outcome.items()
    ]


def young_carers() -> dict:
    """The young carers challenge with today's service, doing the minimum and the proposal
    appraised: each with its annual cost and its own quantities of the outcomes."""
    document = copy.deepcopy(example("challenge-young-carers"))
    document["need"]["options"] = [
        {
            "id": "in-house",
            "name": "Continue the in-house service",
            "description": "No change; the waiting list continues.",
            "kind": "status_quo",
            "chosen": False,
            "annual_cost": 240_000,
            "value_estimate": None,
            "quantities": quantities(less_isolated=120, attendance=60, parents_less_anxious=80),
        },
        {
            "id": "signposting",
            "name": "Do the minimum: signposting only",
            "kind": "do_minimum",
            "chosen": False,
            "annual_cost": 60_000,
            "value_estimate": 50_000,
            "quantities": quantities(less_isolated=30),
        },
        {
            "id": "whole-family",
            "name": "Community-led whole-family support",
            "kind": "proposal",
            "chosen": True,
            "annual_cost": 210_000,
            "value_estimate": None,
            "quantities": [
                {"outcome": o["id"], "quantity": o["quantity"]} for o in document["outcomes"]
            ],
        },
    ]
    return document


def green_spaces() -> dict:
    """The parish proposal with doing nothing appraised beside it."""
    document = copy.deepcopy(example("propose-parish-green-spaces"))
    document["need"]["options"] = [
        {
            "id": "do-nothing",
            "name": "Do nothing",
            "kind": "do_minimum",
            "chosen": False,
            "annual_cost": 0,
            "quantities": quantities(usable_greens=40),
        },
        {
            "id": "warden",
            "name": "Parish warden and volunteer days",
            "kind": "proposal",
            "chosen": True,
            "annual_cost": 14_000,
            "quantities": quantities(usable_greens=260),
        },
    ]
    return document


def lunch_club() -> dict:
    """The worked example of docs/value.md: a challenge to a council-run lunch club.

    Undiscounted (a rate of 0) so that every figure can be followed by hand.
    """
    return {
        "format": "proposal/2",
        "kind": "challenge",
        "title": "Riverside lunch club",
        "organisation": {"name": "Riverside Community Kitchen"},
        "discount_rate": 0,
        "contract": {"duration_years": 2},
        "stakeholders": [{"id": "older-people", "name": "Older people who live alone"}],
        "outcomes": [
            {
                "id": "hot-meal",
                "stakeholder": "older-people",
                "description": "Older people eat a hot meal every weekday",
                "quantity": 100,
                "proxy": {"value": 400, "price_year": "2023/24"},
                "deadweight": 0.25,
                "duration_years": 1,
            },
            {
                "id": "less-lonely",
                "stakeholder": "older-people",
                "description": "Older people are less lonely",
                "quantity": 80,
                "proxy": {"value": 1000, "price_year": "2023/24"},
                "deadweight": 0.5,
                "attribution": 0.25,
                "drop_off": 0.5,
                "duration_years": 2,
            },
        ],
        "inputs": [
            {"type": "cash", "value": 40_000},
            {"type": "volunteer_time", "value": 10_000, "hours": 800},
        ],
        "savings": [
            {"body": "Riverside Council", "annual_value": 5_000, "cashable": True},
            {"body": "Riverside NHS Trust", "annual_value": 3_000, "cashable": False},
            {
                "body": "Department for Work and Pensions",
                "description": "Housing benefit no longer paid",
                "annual_value": 2_000,
                "cashable": True,
                "transfer": True,
            },
        ],
        "need": {
            "options": [
                {
                    "id": "council-club",
                    "name": "The council's lunch club continues",
                    "kind": "status_quo",
                    "annual_cost": 22_000,
                    "quantities": quantities(hot_meal=60, less_lonely=20),
                },
                {
                    "id": "kitchen-club",
                    "name": "The community kitchen runs the club",
                    "kind": "proposal",
                    "chosen": True,
                    "annual_cost": 25_000,
                    "quantities": quantities(hot_meal=100, less_lonely=80),
                },
            ]
        },
    }
