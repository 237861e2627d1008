"""A proposal document at the schema's size limit: 200 stakeholders and 200 outcomes.

Built from the young carers' challenge: its own stakeholders and outcomes are kept, so that
everything naming them still does, and copies of its first are added up to the limit. Each
added outcome's id is a slug made of the first words of its description, as people write
them ("residents-feel-less-lonely-because-they-7"), so a page that shows an id where it
should show the description is caught.
"""

from __future__ import annotations

import copy
from typing import Any

from app.examples import load_example

LIMIT = 200
"""The most stakeholders, and the most outcomes, a document may hold."""
DESCRIPTION = "Residents feel less lonely because they meet their neighbours every week"
SLUG = "residents-feel-less-lonely-because-they"
"""The first words of each added outcome's description, as its id spells them."""


def at_the_size_limit(example: str = "challenge-young-carers") -> dict[str, Any]:
    """The example with stakeholders and outcomes added up to 200 of each."""
    document = load_example(example)
    stakeholders, outcomes = document["stakeholders"], document["outcomes"]
    group, outcome = stakeholders[0], outcomes[0]
    for n in range(len(stakeholders) + 1, LIMIT + 1):
        stakeholders.append(
            {**copy.deepcopy(group), "id": f"ward-{n}", "name": f"Residents of ward {n}"}
        )
    for n in range(len(outcomes) + 1, LIMIT + 1):
        outcomes.append(
            {
                **copy.deepcopy(outcome),
                "id": f"{SLUG}-{n}",
                "stakeholder": f"ward-{n}",
                "description": f"{DESCRIPTION} (ward {n})",
                "quantity": 100 + n,
            }
        )
    return document
