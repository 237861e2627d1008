"""The task-list sections of a submission and the document fields each one fills (no Flask)."""

from dataclasses import dataclass, field

Path = tuple[str, ...]

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
ORGANISATION_TYPES = (
    ("charity", "Charity"),
    ("social_enterprise", "Social enterprise"),
    ("community_group", "Community group"),
    ("parish_council", "Parish council"),
    ("staff_mutual", "Staff mutual"),
    ("cooperative", "Co-operative"),
    ("other", "Other"),
)
RISKS = (("low", "Low"), ("medium", "Medium"), ("high", "High"))
GAPS = (
    ("missing", "Missing: no one provides it"),
    ("fragmented", "Fragmented: spread across public bodies"),
)
INPUT_TYPES = (("cash", "Cash"), ("in_kind", "In kind"), ("volunteer_time", "Volunteer time"))
FREQUENCIES = (("monthly", "Monthly"), ("quarterly", "Quarterly"), ("annually", "Annually"))
VERIFICATION = (
    ("none", "None"),
    ("internal", "Internal: checked by our own people"),
    ("independent", "Independent: checked by someone outside the organisation"),
)


@dataclass(frozen=True)
class Field:
    """One question: where its answer lives in the document and how it is typed."""

    name: str
    path: Path
    kind: str  # text, longtext, money, number, years, whole, percent, choice, yesno, lines,
    #            multi, stakeholder, stakeholders
    label: str
    hint: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    kinds: tuple[str, ...] = ("challenge", "propose")


@dataclass(frozen=True)
class Section:
    """A task-list section: one page of questions, or a list of items added one per page."""

    key: str
    title: str
    fields: tuple[Field, ...]
    kinds: tuple[str, ...] = ("challenge", "propose")
    list_path: Path | None = None  # set for repeating items
    item_name: str = ""
    id_from: str | None = None  # items get a slug id made from this field
    optional_object: Path | None = None  # null when the toggle field is "no"
    toggle: str | None = None
    intro: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def repeating(self) -> bool:
        """Whether the section is a list of items."""
        return self.list_path is not None

    def fields_for(self, kind: str) -> tuple[Field, ...]:
        """The questions that apply to a challenge or a proposal."""
        return tuple(f for f in self.fields if kind in f.kinds)


def _f(name: str, path: str, kind: str, label: str, hint: str = "", **more) -> Field:
    return Field(name, tuple(path.split(".")) if path else (), kind, label, hint, **more)


SECTIONS: tuple[Section, ...] = (
    Section(
        "about",
        "About the submission",
        (
            _f(
                "title",
                "title",
                "text",
                "Title",
                "A short name a commissioner will recognise, 3 to 200 characters.",
            ),
            _f(
                "summary",
                "summary",
                "longtext",
                "Summary",
                "The paragraph a commissioner reads first: what you propose and why.",
            ),
        ),
    ),
    Section(
        "organisation",
        "Your organisation",
        (
            _f("name", "organisation.name", "text", "Organisation name"),
            _f(
                "type",
                "organisation.type",
                "choice",
                "Type of organisation",
                choices=ORGANISATION_TYPES,
            ),
            _f(
                "registration_number",
                "organisation.registration_number",
                "text",
                "Registration number",
                "Charity, company or society number, if you have one.",
            ),
        ),
    ),
    Section(
        "service",
        "The service",
        (
            _f("name", "service.name", "text", "Name of the service"),
            _f("description", "service.description", "longtext", "What the service does"),
            _f(
                "current_provider",
                "service.current_provider",
                "text",
                "Who runs it today",
                kinds=("challenge",),
            ),
            _f(
                "current_annual_cost",
                "service.current_annual_cost",
                "money",
                "What it costs today each year, in pounds",
                "Leave blank if you could not find out: say so in your judgements.",
                kinds=("challenge",),
            ),
            _f(
                "gap",
                "service.gap",
                "choice",
                "Why a new service is needed",
                choices=GAPS,
                kinds=("propose",),
            ),
            _f(
                "public_bodies",
                "service.public_bodies",
                "lines",
                "Public bodies whose budgets or outcomes the service touches",
                "One per line, for example the council, the NHS trust, the Department for Work "
                "and Pensions.",
            ),
        ),
    ),
    Section(
        "contract",
        "Contract and appraisal",
        (
            _f(
                "annual_value",
                "contract.annual_value",
                "money",
                "Proposed annual cost of the contract, in pounds",
            ),
            _f(
                "duration_years",
                "contract.duration_years",
                "years",
                "Contract length in years",
                "More than 0 and at most 25.",
            ),
            _f("risk", "contract.risk", "choice", "Your rating of the risk", choices=RISKS),
            _f(
                "discount_rate",
                "discount_rate",
                "percent",
                "Discount rate, as a percentage",
                "Leave blank for the Green Book rate of 3.5%. Use 1.5% for health values.",
            ),
            _f(
                "first_year_discounted",
                "first_year_discounted",
                "yesno",
                "Are benefits discounted from the first year?",
                "Yes is the Green Book convention. Some published analyses leave year 1 "
                "undiscounted.",
            ),
        ),
    ),
    Section(
        "need",
        "Need and objectives",
        (
            _f("evidence", "need.evidence", "longtext", "Evidence of need"),
            _f("objectives", "need.objectives", "lines", "Objectives", "One per line."),
            _f(
                "objectives_set_with",
                "need.objectives_set_with",
                "stakeholders",
                "Who helped set the objectives",
                "Add stakeholders first to choose them here.",
            ),
        ),
    ),
    Section(
        "options",
        "Options appraised",
        (
            _f("name", "name", "text", "Option name", "For example: Do the minimum."),
            _f("description", "description", "longtext", "Description"),
            _f("chosen", "chosen", "yesno", "Is this the option you propose?"),
        ),
        list_path=("need", "options"),
        item_name="option",
        intro="Appraise every realistic option, including doing the minimum.",
    ),
    Section(
        "stakeholders",
        "Stakeholders",
        (
            _f("name", "name", "text", "Name of the group", "For example: Young carers."),
            _f(
                "subgroups",
                "subgroups",
                "lines",
                "Sub-groups that experience different change",
                "One per line.",
            ),
            _f("size", "size", "whole", "How many people or organisations are in the group"),
            _f(
                "effect",
                "effect",
                "choice",
                "What change is this group expected to experience?",
                choices=EFFECTS,
            ),
            _f("material", "material", "yesno", "Is this group material to the analysis?"),
            _f(
                "materiality_reason",
                "materiality_reason",
                "longtext",
                "Why it is or is not material",
            ),
            _f(
                "methods",
                "involvement.methods",
                "multi",
                "How were they involved?",
                choices=INVOLVEMENT_METHODS,
            ),
            _f("people", "involvement.people", "whole", "How many people were involved"),
            _f(
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
    ),
    Section(
        "outcomes",
        "Outcomes and their values",
        (
            _f("stakeholder", "stakeholder", "stakeholder", "Who experiences this change"),
            _f("description", "description", "longtext", "The change experienced"),
            _f("negative", "negative", "yesno", "Is this a negative change (value destroyed)?"),
            _f("indicator", "indicator", "text", "Indicator", "How the change is measured."),
            _f("source", "source", "text", "Source of evidence"),
            _f("quantity", "quantity", "number", "How many experience it"),
            _f("duration_years", "duration_years", "years", "How long the change lasts, in years"),
            _f("proxy_description", "proxy.description", "text", "Financial proxy"),
            _f(
                "proxy_value",
                "proxy.value",
                "money",
                "Value of the proxy, in pounds per unit a year",
            ),
            _f("proxy_source", "proxy.source", "text", "Source of the proxy"),
            _f(
                "proxy_agreed",
                "proxy.agreed_with_stakeholders",
                "yesno",
                "Was the proxy agreed with the stakeholders?",
            ),
            _f(
                "deadweight",
                "deadweight",
                "percent",
                "Deadweight, as a percentage",
                "The share that would have happened anyway.",
            ),
            _f(
                "attribution",
                "attribution",
                "percent",
                "Attribution, as a percentage",
                "The share due to others' contributions.",
            ),
            _f(
                "displacement",
                "displacement",
                "percent",
                "Displacement, as a percentage",
                "The share that displaced other value.",
            ),
            _f(
                "drop_off",
                "drop_off",
                "percent",
                "Drop-off, as a percentage",
                "How much the change declines each year after the first.",
            ),
        ),
        list_path=("outcomes",),
        item_name="outcome",
        id_from="description",
    ),
    Section(
        "inputs",
        "Inputs",
        (
            _f("description", "description", "text", "Description"),
            _f("type", "type", "choice", "Type of input", choices=INPUT_TYPES),
            _f("stakeholder", "stakeholder", "stakeholder", "Who contributes it (optional)"),
            _f(
                "value",
                "value",
                "money",
                "Value over the whole contract, in pounds",
                "Count volunteer time and in-kind contributions at their value too.",
            ),
            _f("hours", "hours", "number", "Hours, for volunteer time"),
        ),
        list_path=("inputs",),
        item_name="input",
        intro="Record every input: cash, in-kind contributions and volunteer time.",
    ),
    Section(
        "savings",
        "Savings to public bodies",
        (
            _f("body", "body", "text", "Which public body saves"),
            _f("description", "description", "longtext", "What it saves"),
            _f("annual_value", "annual_value", "money", "Saving each year, in pounds"),
            _f(
                "cashable",
                "cashable",
                "yesno",
                "Is the saving cashable?",
                "Cashable: money actually stops being spent. Non-cashable: capacity is freed.",
            ),
            _f("years", "years", "years", "For how many years"),
        ),
        list_path=("savings",),
        item_name="saving",
    ),
    Section(
        "pbr",
        "Payment by results",
        (
            _f("uses", "", "yesno", "Will any payment depend on results?"),
            _f(
                "share",
                "contract.payment_by_results.share",
                "percent",
                "Share of payment that depends on results, as a percentage",
            ),
            _f(
                "outcome_measures",
                "contract.payment_by_results.outcome_measures",
                "lines",
                "Outcome measures that trigger payment",
                "One per line.",
            ),
            _f(
                "evidence",
                "contract.payment_by_results.evidence",
                "longtext",
                "Evidence that these measures follow from the service",
            ),
            _f(
                "safeguards",
                "contract.payment_by_results.safeguards",
                "longtext",
                "How cherry-picking, creaming and parking are avoided",
            ),
        ),
        optional_object=("contract", "payment_by_results"),
        toggle="uses",
    ),
    Section(
        "vfm",
        "The four Es of value for money",
        (
            _f("economy", "vfm.economy", "longtext", "Economy: spending less"),
            _f("efficiency", "vfm.efficiency", "longtext", "Efficiency: spending well"),
            _f("effectiveness", "vfm.effectiveness", "longtext", "Effectiveness: spending wisely"),
            _f("equity", "vfm.equity", "longtext", "Equity: spending fairly"),
        ),
    ),
    Section(
        "monitoring",
        "Monitoring and verification",
        (
            _f(
                "indicators",
                "monitoring.indicators",
                "lines",
                "Indicators you will monitor",
                "One per line.",
            ),
            _f(
                "frequency",
                "monitoring.frequency",
                "choice",
                "How often you will report",
                choices=FREQUENCIES,
            ),
            _f(
                "verification",
                "monitoring.verification",
                "choice",
                "How results are verified",
                choices=VERIFICATION,
            ),
            _f(
                "learning",
                "monitoring.learning",
                "longtext",
                "How results feed review and learning",
            ),
        ),
    ),
    Section(
        "decommissioning",
        "Decommissioning",
        (
            _f(
                "value_at_risk",
                "decommissioning.value_at_risk",
                "longtext",
                "Value that stopping or changing today's service could destroy",
            ),
            _f(
                "stakeholders_affected",
                "decommissioning.stakeholders_affected",
                "stakeholders",
                "Who would be affected",
            ),
            _f("mitigation", "decommissioning.mitigation", "longtext", "How you will mitigate it"),
        ),
        kinds=("challenge",),
    ),
    Section(
        "equalities",
        "Equalities",
        (
            _f(
                "groups_considered",
                "equalities.groups_considered",
                "lines",
                "Groups considered",
                "One per line, for example people with protected characteristics.",
            ),
            _f("assessment", "equalities.assessment", "longtext", "Assessment"),
        ),
    ),
    Section(
        "judgements",
        "Judgements",
        (
            _f("topic", "topic", "text", "Topic", "For example: materiality, proxies, exclusions."),
            _f("judgement", "judgement", "longtext", "The judgement you made"),
            _f("rationale", "rationale", "longtext", "Why"),
        ),
        list_path=("judgements",),
        item_name="judgement",
        intro="Write down the judgements you made so they can be challenged.",
    ),
)

BY_KEY = {section.key: section for section in SECTIONS}


def sections_for(kind: str) -> tuple[Section, ...]:
    """The sections a challenge or a proposal has."""
    return tuple(s for s in SECTIONS if kind in s.kinds)


def section_for_path(pointer: str, kind: str) -> Section | None:
    """The section whose page edits a JSON Pointer of the document (for linking findings)."""
    parts = [p for p in pointer.split("/") if p]
    best: tuple[int, Section | None] = (0, None)
    for section in sections_for(kind):
        candidates = [section.list_path] if section.list_path else []
        candidates += [f.path for f in section.fields if f.path and not section.list_path]
        if section.optional_object:
            candidates.append(section.optional_object)
        for path in candidates:
            if path and tuple(parts[: len(path)]) == path and len(path) > best[0]:
                best = (len(path), section)
    return best[1]
