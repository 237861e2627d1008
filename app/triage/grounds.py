"""The statutory grounds on which a right-to-challenge expression of interest may be rejected.

Localism Act 2011 s.83 and the Community Right to Challenge (Expressions of Interest and
Excluded Services) (England) Regulations 2012 (SI 2012/1313), regulation 8 and Schedule 2.
"""

GROUNDS: dict[str, str] = {
    "non_compliant": "It does not comply with the requirements of the Act or the regulations",
    "inadequate_information": "Its information is materially inadequate or inaccurate",
    "unsuitable_body": "The body, a consortium member or a sub-contractor is not suitable to "
    "provide or assist in providing the service",
    "decided_to_stop": "The authority has decided in writing to stop providing the service",
    "nhs_integration": "The service is integrated with an NHS service and that integration is "
    "critical to the well-being of its users",
    "already_procured": "The service is already the subject of a procurement exercise",
    "negotiating": "The authority is already negotiating in writing with a third party to "
    "provide the service",
    "staff_led_intent": "The authority has published its intention to consider the service "
    "being provided by a body of two or more of its employees",
    "frivolous": "The expression of interest is frivolous or vexatious",
    "unlawful": "Accepting it would be likely to lead to a contravention of an enactment or "
    "other rule of law, or a breach of a statutory duty",
}
