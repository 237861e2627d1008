"""Who submits, the service, the expression of interest and the contract (no Flask)."""

from ..questions import Page, Section, ask

ORGANISATION_TYPES = (
    ("charity", "Charity"),
    ("social_enterprise", "Social enterprise"),
    ("community_group", "Community group"),
    ("parish_council", "Parish council"),
    ("staff_mutual", "Staff mutual"),
    ("cooperative", "Co-operative"),
    ("other", "Other"),
)
GAPS = (
    ("missing", "Missing: no one provides it"),
    ("fragmented", "Fragmented: spread across public bodies"),
)
RISKS = (("low", "Low"), ("medium", "Medium"), ("high", "High"))
CONSORTIUM_ROLES = (
    ("member", "A member of the consortium"),
    ("subcontractor", "A sub-contractor"),
)
CHALLENGE = ("challenge",)

ABOUT = Section(
    "about",
    "About the submission",
    (
        ask(
            "title",
            "title",
            "text",
            "Title",
            "A short name a commissioner will recognise, 3 to 200 characters.",
        ),
        ask(
            "summary",
            "summary",
            "longtext",
            "Summary",
            "The paragraph a commissioner reads first: what you propose and why.",
        ),
    ),
)

ORGANISATION = Section(
    "organisation",
    "Your organisation",
    (
        ask("name", "organisation.name", "text", "Organisation name"),
        ask(
            "type",
            "organisation.type",
            "choice",
            "Type of organisation",
            choices=ORGANISATION_TYPES,
        ),
        ask(
            "registration_number",
            "organisation.registration_number",
            "text",
            "Registration number",
            "Charity, company or society number, if you have one.",
        ),
    ),
)

SERVICE = Section(
    "service",
    "The service",
    (
        ask("name", "service.name", "text", "Name of the service"),
        ask("description", "service.description", "longtext", "What the service does"),
        ask(
            "current_provider",
            "service.current_provider",
            "text",
            "Who runs it today",
            kinds=CHALLENGE,
        ),
        ask(
            "current_annual_cost",
            "service.current_annual_cost",
            "money",
            "What it costs today each year, in pounds",
            "Leave blank if you could not find out, and say below whether the body withheld it.",
            kinds=CHALLENGE,
        ),
        ask(
            "cost_withheld",
            "service.current_cost_withheld.withheld",
            "yesno",
            "Did the public body withhold today's cost when you asked for it?",
            "Yes only if you asked the body and it refused or did not answer: the gap is then "
            "recorded against the body, not against you.",
            kinds=CHALLENGE,
        ),
        ask(
            "cost_withheld_note",
            "service.current_cost_withheld.note",
            "longtext",
            "When you asked for today's cost, whom you asked and what they said",
            "Only if the body withheld the cost.",
            kinds=CHALLENGE,
        ),
        ask(
            "gap",
            "service.gap",
            "choice",
            "Why a new service is needed",
            choices=GAPS,
            kinds=("propose",),
        ),
        ask(
            "public_bodies",
            "service.public_bodies",
            "public_bodies",
            "Public bodies whose budgets or outcomes the service touches",
            "Choose the bodies listed on Valuecase, for example the council or the NHS trust.",
        ),
    ),
)

EXPRESSION_OF_INTEREST = Section(
    "expression_of_interest",
    "Expression of interest",
    pages=(
        Page(
            "",
            "",
            (
                ask(
                    "financial_resources",
                    "expression_of_interest.financial_resources",
                    "longtext",
                    "Your organisation's financial resources",
                    "For example your income, reserves and any backing for the contract.",
                ),
                ask(
                    "capability_evidence",
                    "expression_of_interest.capability_evidence",
                    "longtext",
                    "Evidence that you can provide the service, or help provide it, by the time "
                    "of the procurement exercise",
                ),
            ),
        ),
        Page(
            "staff",
            "Staff",
            (
                ask(
                    "staff_led",
                    "expression_of_interest.staff_led",
                    "yesno",
                    "Is your organisation made up of, or led by, employees of the public body?",
                ),
                ask(
                    "tupe_and_pensions",
                    "expression_of_interest.tupe_and_pensions",
                    "longtext",
                    "How staff transfer (TUPE) and pensions are addressed",
                ),
            ),
        ),
        Page(
            "engagement",
            "Engaging other employees",
            (
                ask(
                    "employee_engagement",
                    "expression_of_interest.employee_engagement",
                    "longtext",
                    "How you will engage the other employees the change affects",
                ),
            ),
            intro="You said your organisation is made up of, or led by, the body's employees.",
            when=(("expression_of_interest", "staff_led"), True),
        ),
    ),
    kinds=CHALLENGE,
    intro="What the Right to Challenge regulations (SI 2012/1313, Schedule 1) ask an "
    "expression of interest to contain.",
)

CONSORTIUM = Section(
    "consortium",
    "Consortium members and sub-contractors",
    (
        ask("name", "name", "text", "Name of the organisation"),
        ask("role", "role", "choice", "Its part in the bid", choices=CONSORTIUM_ROLES),
        ask("financial_resources", "financial_resources", "longtext", "Its financial resources"),
        ask(
            "capability_evidence",
            "capability_evidence",
            "longtext",
            "Evidence that it can provide the service, or help provide it",
        ),
    ),
    kinds=CHALLENGE,
    list_path=("expression_of_interest", "consortium"),
    item_name="partner",
    intro="The regulations ask the same about each member of a consortium and each "
    "sub-contractor as about your own organisation. Leave this empty if you bid alone.",
)

CONTRACT = Section(
    "contract",
    "Contract and appraisal",
    (
        ask(
            "annual_value",
            "contract.annual_value",
            "money",
            "Proposed annual cost of the contract, in pounds",
        ),
        ask(
            "duration_years",
            "contract.duration_years",
            "years",
            "Contract length in years",
            "More than 0 and at most 25.",
        ),
        ask("risk", "contract.risk", "choice", "Your rating of the risk", choices=RISKS),
        ask(
            "discount_rate",
            "discount_rate",
            "percent",
            "Discount rate, as a percentage",
            "Leave blank for the Green Book [[discount rate]] of 3.5%. Use 1.5% for health values.",
        ),
        ask(
            "discount_rate_reason",
            "discount_rate_reason",
            "longtext",
            "Why you use a different discount rate",
            "Only if you use a rate other than the HM Treasury Green Book's: 3.5%, or 1.5% for "
            "health and wellbeing values.",
        ),
        ask(
            "first_year_discounted",
            "first_year_discounted",
            "yesno",
            "Are benefits discounted from the first year?",
            "Yes is the Green Book convention. Some published analyses leave year 1 undiscounted.",
        ),
    ),
)
