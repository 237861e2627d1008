"""The statutory grounds on which a right-to-challenge expression of interest may be rejected.

Localism Act 2011 s.83(11) and the Community Right to Challenge (Fire and Rescue Authorities
and Rejection of Expressions of Interest) (England) Regulations 2012 (SI 2012/1647),
regulation 4 and the Schedule, in the Schedule's order. What an expression of interest must
contain, and the services excluded from the right, are in a different instrument: the
Community Right to Challenge (Expressions of Interest and Excluded Services) (England)
Regulations 2012 (SI 2012/1313), Schedules 1 and 2.
"""

GROUNDS_CITATION = (
    "regulation 4 of, and the Schedule to, the Community Right to Challenge (Fire and Rescue "
    "Authorities and Rejection of Expressions of Interest) (England) Regulations 2012 "
    "(SI 2012/1647), made under section 83(11) of the Localism Act 2011"
)
"""Where the grounds are set out, as a decision letter and the proposer's page cite them."""

GROUNDS: dict[str, str] = {
    "non_compliant": "It does not comply with one or more of the requirements of section 81(1) "
    "of the Localism Act 2011 or of regulations made under it",
    "inadequate_information": "Its information is, in a material particular, inadequate or "
    "inaccurate",
    "unsuitable_body": "The body, a member of its consortium or a sub-contractor named in it is "
    "not suitable to provide or assist in providing the service",
    "decided_to_stop": "The authority has decided, as evidenced in writing, to stop providing "
    "the service",
    "nhs_integration": "The service is integrated with a service provided or arranged by an NHS "
    "body for the same people, and that integration is critical to their well-being",
    "already_procured": "The service is already the subject of a procurement exercise",
    "negotiating": "The authority is negotiating with a third party to provide the service, "
    "at least in part in writing",
    "staff_led_intent": "The authority has published its intention to consider the service "
    "being provided by a body that two or more of its employees propose to establish",
    "frivolous": "The expression of interest is frivolous or vexatious",
    "unlawful": "Accepting it would be likely to lead to a contravention of an enactment or "
    "other rule of law, or a breach of a statutory duty",
}
