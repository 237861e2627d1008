"""Payment by results, value for money, monitoring, decommissioning, equalities (no Flask)."""

from ..questions import ANSWERED, Page, Section, ask
from .need import CITE_HINT

MEASURE_TYPES = (
    ("start", "A start: someone begins the service"),
    ("sustained_outcome", "A sustained outcome: a result that lasts"),
    ("output", "An output: something the service does"),
)
WHO_TAKES_PART = (
    ("all_referrals", "Everyone referred to the service"),
    ("selected", "People selected from those referred"),
)
SELECTION_BASES = (
    ("need", "Their need"),
    ("readiness", "How ready they are to achieve the result"),
    ("other", "Something else"),
)
FREQUENCIES = (("monthly", "Monthly"), ("quarterly", "Quarterly"), ("annually", "Annually"))
VERIFICATION = (
    ("none", "None"),
    ("internal", "Internal: checked by our own people"),
    ("independent", "Independent: checked by someone outside the organisation"),
)
# the protected characteristics of the Equality Act 2010, section 4, in the Act's order
CHARACTERISTICS = (
    ("age", "Age"),
    ("disability", "Disability"),
    ("gender_reassignment", "Gender reassignment"),
    ("marriage_civil_partnership", "Marriage and civil partnership"),
    ("pregnancy_maternity", "Pregnancy and maternity"),
    ("race", "Race"),
    ("religion_belief", "Religion or belief"),
    ("sex", "Sex"),
    ("sexual_orientation", "Sexual orientation"),
)
LIKELY_EFFECTS = (
    ("positive", "Positive"),
    ("negative", "Negative"),
    ("neutral", "Neutral"),
    ("unknown", "Not known"),
)
PAYMENT_BY_RESULTS = ("contract", "payment_by_results")
ONLY_IF_SELECTED = "Only if people are selected."

PBR = Section(
    "pbr",
    "Payment by results",
    pages=(
        Page(
            "",
            "",
            (
                ask("uses", "", "yesno", "Will any payment depend on results?"),
                ask(
                    "share",
                    "contract.payment_by_results.share",
                    "percent",
                    "Share of payment that depends on results, as a percentage",
                ),
                ask(
                    "evidence_ids",
                    "contract.payment_by_results.evidence_ids",
                    "evidence",
                    "Evidence that the results paid for follow from the service",
                    CITE_HINT,
                ),
                ask(
                    "evidence_note",
                    "contract.payment_by_results.evidence_note",
                    "longtext",
                    "Anything more that shows the results follow from the service",
                ),
            ),
        ),
        Page(
            "eligibility",
            "Who the results are paid for",
            (
                ask(
                    "who",
                    "contract.payment_by_results.eligibility.who",
                    "choice",
                    "Who can take part?",
                    choices=WHO_TAKES_PART,
                ),
                ask(
                    "selected_by",
                    "contract.payment_by_results.eligibility.selected_by",
                    "text",
                    "Who selects them?",
                    ONLY_IF_SELECTED,
                ),
                ask(
                    "basis",
                    "contract.payment_by_results.eligibility.basis",
                    "choice",
                    "On what basis are they selected?",
                    ONLY_IF_SELECTED + " Selecting people because they are ready to achieve "
                    "the result is creaming.",
                    choices=SELECTION_BASES,
                ),
                ask(
                    "eligibility",
                    "contract.payment_by_results.eligibility.description",
                    "longtext",
                    "How people become eligible",
                ),
            ),
            when=(PAYMENT_BY_RESULTS, ANSWERED),
        ),
        Page(
            "safeguards",
            "Harder-to-help people and safeguards",
            (
                ask(
                    "harder_to_help",
                    "contract.payment_by_results.weighting.harder_to_help",
                    "yesno",
                    "Are higher tariffs paid for people who are harder to help?",
                ),
                ask(
                    "weighting",
                    "contract.payment_by_results.weighting.description",
                    "longtext",
                    "How the tariffs are weighted",
                ),
                ask(
                    "safeguards",
                    "contract.payment_by_results.safeguards",
                    "longtext",
                    "How cherry-picking, creaming and parking are avoided",
                ),
            ),
            when=(PAYMENT_BY_RESULTS, ANSWERED),
        ),
    ),
    optional_object=PAYMENT_BY_RESULTS,
    toggle="uses",
)

PBR_MEASURES = Section(
    "pbr_measures",
    "Payment-by-results measures",
    (
        ask("description", "description", "text", "What the measure is"),
        ask("type", "type", "choice", "What kind of result is it?", choices=MEASURE_TYPES),
        ask(
            "period_months",
            "period_months",
            "whole",
            "Over how many months is the result measured?",
        ),
        ask("tariff", "tariff", "money", "Tariff: what is paid for each result, in pounds"),
        ask("outcome", "outcome", "outcome", "Which outcome of your case does it measure?"),
        ask(
            "evidence_ids",
            "evidence_ids",
            "evidence",
            "Evidence that the measure follows from the service",
            CITE_HINT,
        ),
    ),
    list_path=(*PAYMENT_BY_RESULTS, "measures"),
    item_name="measure",
    id_from="description",
    intro="The results payment depends on. Leave this empty if no payment depends on results.",
)

VFM = Section(
    "vfm",
    "The four Es of value for money",
    (
        ask("economy", "vfm.economy", "longtext", "Economy: spending less"),
        ask("efficiency", "vfm.efficiency", "longtext", "Efficiency: spending well"),
        ask("effectiveness", "vfm.effectiveness", "longtext", "Effectiveness: spending wisely"),
        ask("equity", "vfm.equity", "longtext", "Equity: spending fairly"),
    ),
)

MONITORING = Section(
    "monitoring",
    "Monitoring and verification",
    (
        ask(
            "indicators",
            "monitoring.indicators",
            "lines",
            "Indicators you will monitor",
            "One per line.",
        ),
        ask(
            "frequency",
            "monitoring.frequency",
            "choice",
            "How often you will report",
            choices=FREQUENCIES,
        ),
        ask(
            "verification",
            "monitoring.verification",
            "choice",
            "How results are verified",
            choices=VERIFICATION,
        ),
        ask("learning", "monitoring.learning", "longtext", "How results feed review and learning"),
    ),
)

DECOMMISSIONING = Section(
    "decommissioning",
    "Decommissioning",
    (
        ask(
            "value_at_risk",
            "decommissioning.value_at_risk",
            "longtext",
            "Value that stopping or changing today's service could destroy",
        ),
        ask(
            "stakeholders_affected",
            "decommissioning.stakeholders_affected",
            "stakeholders",
            "Who would be affected",
        ),
        ask("mitigation", "decommissioning.mitigation", "longtext", "How you will mitigate it"),
    ),
    kinds=("challenge",),
)

EQUALITIES = Section(
    "equalities",
    "Equalities",
    pages=(
        Page(
            "",
            "",
            (
                ask(
                    "groups_considered",
                    "equalities.groups_considered",
                    "lines",
                    "Groups considered",
                    "One per line, for example people with protected characteristics.",
                ),
                ask("assessment", "equalities.assessment", "longtext", "Assessment"),
            ),
        ),
        Page(
            "characteristics",
            "Effects on people with protected characteristics",
            (
                ask(
                    "characteristics",
                    "equalities.characteristics",
                    "characteristics",
                    "The likely effect on people who share each protected characteristic",
                    "The nine protected characteristics of the Equality Act 2010, section 4.",
                    choices=LIKELY_EFFECTS,
                    parts=CHARACTERISTICS,
                ),
            ),
        ),
    ),
)

JUDGEMENTS = Section(
    "judgements",
    "Judgements",
    (
        ask("topic", "topic", "text", "Topic", "For example: materiality, proxies, exclusions."),
        ask("judgement", "judgement", "longtext", "The judgement you made"),
        ask("rationale", "rationale", "longtext", "Why"),
    ),
    list_path=("judgements",),
    item_name="judgement",
    intro="Write down the judgements you made so they can be challenged.",
)
