"""Organisation identifiers in the org-id.guide schemes, from a type and a registration number.

The scheme is decided from what the organisation says it is and the shape of its number, and
only where the two agree; when unsure, there is no identifier rather than a wrong one:

- ``GB-COH`` (Companies House): eight digits (``01234567``), or two letters that Companies
  House uses for companies (``SC``, ``NI``, ``OC``, ``SO``, ``NC``) and six digits. A charity
  that is also a company gives its company number this way. ``SC`` and six digits is read as a
  Scottish company for every type but a charity.
- ``GB-SC`` (Office of the Scottish Charity Regulator): a charity whose number is ``SC`` and
  six digits (``SC012345``).
- ``GB-NIC`` (Charity Commission for Northern Ireland): a charity whose number is written
  ``NIC`` and six digits starting 10 (``NIC100002``); the bare digits could be read either
  way, so they get no identifier.
- ``GB-CHC`` (Charity Commission for England and Wales): a charity whose number is seven
  digits starting with 1, or six digits starting 2 to 9 (``1177001``, ``212345``). Other types
  with such a number get none: seven digits may also be a company number missing its zero.

Spaces and hyphens are ignored and letters read as capitals; anything else gives nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

COMPANY = re.compile(r"(?:\d{8}|(?:SC|NI|OC|SO|NC)\d{6})")
SCOTTISH_CHARITY = re.compile(r"SC\d{6}")
NORTHERN_IRISH_CHARITY = re.compile(r"NIC(10\d{4})")
ENGLISH_WELSH_CHARITY = re.compile(r"(?:1\d{6}|[2-9]\d{5})")
CHARITY = "charity"
SCHEMES = {
    "GB-CHC": "Charity Commission for England and Wales",
    "GB-COH": "Companies House",
    "GB-SC": "Office of the Scottish Charity Regulator",
    "GB-NIC": "Charity Commission for Northern Ireland",
}


@dataclass(frozen=True)
class OrgId:
    """An identifier in an org-id.guide scheme."""

    scheme: str
    id: str

    def __str__(self) -> str:
        return f"{self.scheme}-{self.id}"


def org_id(organisation_type: str, registration_number: str | None) -> OrgId | None:
    """The organisation's identifier, or None when the scheme cannot be told for sure."""
    number = re.sub(r"[\s-]", "", registration_number or "").upper()
    if not number:
        return None
    is_charity = str(organisation_type) == CHARITY
    if is_charity and SCOTTISH_CHARITY.fullmatch(number):
        return OrgId("GB-SC", number)
    if COMPANY.fullmatch(number):
        return OrgId("GB-COH", number)
    if not is_charity:
        return None
    if found := NORTHERN_IRISH_CHARITY.fullmatch(number):
        return OrgId("GB-NIC", found.group(1))
    if ENGLISH_WELSH_CHARITY.fullmatch(number):
        return OrgId("GB-CHC", number)
    return None
