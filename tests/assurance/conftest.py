"""Fixtures: the delivery tests' accepted case of a body, delivered under contract."""

from tests.delivery.conftest import (  # noqa: F401  (fixtures shared with the delivery tests)
    accepted,
    body,
    commissioner,
    contract,
    provider,
)
