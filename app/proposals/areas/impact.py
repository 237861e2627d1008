"""Who is affected, the outcomes and their values, inputs and savings (no Flask)."""

from ..questions import Page, Section, ask
from .need import CITE_HINT

INVOLVEMENT_METHODS = (
    ("interview", "Interviews"),
    ("survey", "Survey"),
    ("focus_group", "Focus groups"),
    ("workshop", "Workshops"),
    ("advisory_panel", "Advisory panel"),
    ("co_design", "Co-design"),
)
INVOLVEMENT_STAGES = (
    ("scoping", "Scoping: deciding what the analysis covers"),
    ("outcomes", "Outcomes: describing what changes for them"),
    ("valuation", "Valuation: saying how much the changes matter"),
    ("verification", "Verification: checking the results"),
)
EFFECTS = (
    ("positive", "Positive"),
    ("negative", "Negative"),
    ("mixed", "Mixed"),
    ("none", "No change expected"),
)
STAKEHOLDER_TYPES = (
    ("people", "People"),
    ("organisation", "An organisation"),
    ("public_body", "A public body"),
    ("society", "Society as a whole"),
    ("environment", "The environment"),
)
PROXY_KINDS = (
    ("fiscal", "Fiscal: money the public sector spends or saves"),
    ("economic", "Economic: a gain or loss to the economy"),
    ("social", "Social: a change in people's wellbeing"),
)
INPUT_TYPES = (("cash", "Cash"), ("in_kind", "In kind"), ("volunteer_time", "Volunteer time"))
ONLY_IF_LONGER = "Only if it lasts longer than the contract runs."

STAKEHOLDERS = Section(
    "stakeholders",
    "Stakeholders",
    (
        ask("name", "name", "text", "Name of the group", "For example: Young carers."),
        ask(
            "type",
            "type",
            "choice",
            "What kind of stakeholder is it?",
            choices=STAKEHOLDER_TYPES,
        ),
        ask(
            "public_body",
            "public_body",
            "public_body",
            "Which public body is it?",
            "Only for a public body: choose it from the bodies listed on Valuecase.",
        ),
        ask(
            "subgroups",
            "subgroups",
            "lines",
            "Sub-groups that experience different change",
            "One per line.",
        ),
        ask("size", "size", "whole", "How many people or organisations are in the group"),
        ask(
            "effect",
            "effect",
            "choice",
            "What change is this group expected to experience?",
            choices=EFFECTS,
        ),
        ask("material", "material", "yesno", "Is this group material to the analysis?"),
        ask(
            "materiality_reason",
            "materiality_reason",
            "longtext",
            "Why it is or is not material",
        ),
        ask(
            "methods",
            "involvement.methods",
            "multi",
            "How were they involved?",
            choices=INVOLVEMENT_METHODS,
        ),
        ask("people", "involvement.people", "whole", "How many people were involved"),
        ask(
            "stages",
            "involvement.stages",
            "multi",
            "At which stages of the analysis were they involved?",
            choices=INVOLVEMENT_STAGES,
        ),
    ),
    list_path=("stakeholders",),
    item_name="stakeholder",
    id_from="name",
    intro="Include people affected negatively and other public bodies, and involve the "
    "people most affected.",
)

THE_CHANGE = Page(
    "",
    "",
    (
        ask("stakeholder", "stakeholder", "stakeholder", "Who experiences this change"),
        ask("description", "description", "longtext", "The change experienced"),
        ask("negative", "negative", "yesno", "Is this a negative change (value destroyed)?"),
        ask(
            "indicator",
            "indicator",
            "text",
            "Indicator",
            "How the change is measured: its [[indicator]].",
        ),
        ask("source", "source", "text", "Source of evidence"),
        ask("quantity", "quantity", "number", "How many experience it"),
        ask("duration_years", "duration_years", "years", "How long the change lasts, in years"),
        ask(
            "duration_reason",
            "duration_reason",
            "longtext",
            "Why the change lasts beyond the contract",
            ONLY_IF_LONGER,
        ),
        ask(
            "leads_to",
            "leads_to",
            "outcome",
            "Which outcome does this change lead to, if any?",
            "Value is claimed at the end of a chain of outcomes: an outcome that leads to "
            "another should have no [[financial proxy]] of its own, or its value is counted twice.",
        ),
    ),
)
ITS_VALUE = Page(
    "value",
    "The value of the change",
    (
        ask(
            "proxy_description",
            "proxy.description",
            "text",
            "Financial proxy",
            "What stands for the change's value in money, such as a cost avoided or a price "
            "people pay: a [[financial proxy]].",
        ),
        ask(
            "proxy_value",
            "proxy.value",
            "money",
            "Value of the proxy, in pounds per unit a year",
        ),
        ask("proxy_source", "proxy.source", "text", "Source of the proxy"),
        ask(
            "proxy_price_year",
            "proxy.price_year",
            "text",
            "Price year of the value",
            "The year its prices are for, for example 2019 or 2012/13.",
            example="2019 or 2012/13",
        ),
        ask(
            "proxy_uprated_to",
            "proxy.uprated_to",
            "text",
            "Price year it was uprated to",
            "Only if you uprated the value for inflation.",
            example="2024 or 2023/24",
        ),
        ask(
            "proxy_kind",
            "proxy.kind",
            "choice",
            "What kind of value is it?",
            choices=PROXY_KINDS,
        ),
        ask(
            "proxy_agreed",
            "proxy.agreed_with_stakeholders",
            "yesno",
            "Was the proxy agreed with the stakeholders?",
        ),
        ask(
            "proxy_not_agreed_reason",
            "proxy.not_agreed_reason",
            "longtext",
            "Why it was not agreed with them",
            "Only if it was not: for example, an organisation declined to discuss its own loss.",
        ),
    ),
)
WHAT_IS_DUE = Page(
    "shares",
    "How much of the change is due to the service",
    (
        ask(
            "deadweight",
            "deadweight",
            "percent",
            "Deadweight, as a percentage",
            "The share of the change that [[would have happened anyway|deadweight]].",
        ),
        ask(
            "attribution",
            "attribution",
            "percent",
            "Attribution, as a percentage",
            "The share [[due to others' contributions|attribution]].",
        ),
        ask(
            "displacement",
            "displacement",
            "percent",
            "Displacement, as a percentage",
            "The share that [[displaced other value|displacement]] elsewhere.",
        ),
        ask(
            "drop_off",
            "drop_off",
            "percent",
            "Drop-off, as a percentage",
            "How much the change [[declines each year after the first|drop-off]].",
        ),
    ),
)
ITS_EVIDENCE = Page(
    "evidence",
    "The evidence for the outcome",
    (
        ask(
            "evidence_quantity",
            "evidence.quantity",
            "evidence",
            "Evidence for how many experience it",
            CITE_HINT,
        ),
        ask("evidence_indicator", "evidence.indicator", "evidence", "Evidence for the indicator"),
        ask("evidence_deadweight", "evidence.deadweight", "evidence", "Evidence for deadweight"),
        ask(
            "evidence_attribution",
            "evidence.attribution",
            "evidence",
            "Evidence for attribution",
        ),
    ),
)

OUTCOMES = Section(
    "outcomes",
    "Outcomes and their values",
    pages=(THE_CHANGE, ITS_VALUE, WHAT_IS_DUE, ITS_EVIDENCE),
    list_path=("outcomes",),
    item_name="outcome",
    id_from="description",
)

INPUTS = Section(
    "inputs",
    "Inputs",
    (
        ask("description", "description", "text", "Description"),
        ask("type", "type", "choice", "Type of input", choices=INPUT_TYPES),
        ask("stakeholder", "stakeholder", "stakeholder", "Who contributes it (optional)"),
        ask(
            "value",
            "value",
            "money",
            "Value over the whole contract, in pounds",
            "Count volunteer time and in-kind contributions at their value too.",
        ),
        ask("hours", "hours", "number", "Hours, for volunteer time"),
    ),
    list_path=("inputs",),
    item_name="input",
    intro="Record every input: cash, in-kind contributions and volunteer time.",
)

SAVINGS = Section(
    "savings",
    "Savings to public bodies",
    (
        ask("body", "body", "text", "Which public body saves"),
        ask("description", "description", "longtext", "What it saves"),
        ask("outcome", "outcome", "outcome", "Which outcome produces the saving"),
        ask("annual_value", "annual_value", "money", "Saving each year, in pounds"),
        ask(
            "cashable",
            "cashable",
            "yesno",
            "Is the saving cashable?",
            "[[Cashable|cashable-saving]]: money actually stops being spent. Non-cashable: "
            "capacity is freed.",
        ),
        ask(
            "transfer",
            "transfer",
            "yesno",
            "Is it a transfer payment?",
            "Benefits and tax are transfers: counted in the financial case, never in value.",
        ),
        ask("years", "years", "years", "For how many years"),
        ask(
            "years_reason",
            "years_reason",
            "longtext",
            "Why the saving lasts beyond the contract",
            ONLY_IF_LONGER,
        ),
    ),
    list_path=("savings",),
    item_name="saving",
)
