"""Organisation identifiers: the scheme from the type and the number's shape, or none."""

import pytest

from app.register.orgid import org_id


@pytest.mark.parametrize(
    "kind, number, expected",
    [
        ("charity", "1177001", "GB-CHC-1177001"),
        ("charity", "212345", "GB-CHC-212345"),
        ("charity", " 1177 001 ", "GB-CHC-1177001"),
        ("charity", "SC012345", "GB-SC-SC012345"),
        ("charity", "sc 012345", "GB-SC-SC012345"),
        ("charity", "NIC100002", "GB-NIC-100002"),
        ("charity", "01234567", "GB-COH-01234567"),  # a charitable company's number
        ("social_enterprise", "01234567", "GB-COH-01234567"),
        ("staff_mutual", "SC123456", "GB-COH-SC123456"),  # a Scottish company
        ("cooperative", "NI612345", "GB-COH-NI612345"),
        ("other", "OC301234", "GB-COH-OC301234"),
    ],
)
def test_a_number_of_a_known_shape_gets_its_scheme(kind, number, expected):
    assert str(org_id(kind, number)) == expected


@pytest.mark.parametrize(
    "kind, number",
    [
        ("charity", None),
        ("charity", ""),
        ("charity", "100002"),  # Northern Ireland or not: the bare digits do not say
        ("charity", "12345"),
        ("charity", "A1234567"),
        ("community_group", "1177001"),  # a charity number, or a company's without its zero
        ("social_enterprise", "1177001"),
        ("parish_council", "01234567x"),
        ("cooperative", "IP31578R"),
    ],
)
def test_when_unsure_there_is_no_identifier(kind, number):
    assert org_id(kind, number) is None
