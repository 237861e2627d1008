"""The facts of a decommissioning assessment: its profile and one fact per affected group.

Declared here with :func:`app.checks.declare.fact`, beside the proposal's, so the rules in
``rules/decommissioning.yaml`` name them like any other fact. A profile fact's function takes
the :class:`Assessment`, a group fact's the :class:`AffectedGroup`. Python only measures here
(figures, counts, states); the rules decide what is a gap. Texts are judged on substance by
:mod:`app.checks.substance`, never on length: a text that repeats itself or names nothing of
the assessment (its groups, the outcomes they lose, its options, a protected characteristic)
and gives no figure is self-declared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cached_property
from typing import Any

from app.checks.catalogue import TIERS
from app.checks.declare import DECOMMISSIONING, GROUP, TEXT_STATES, fact
from app.checks.fields import filled, listing, mappings
from app.checks.substance import CHARACTERISTICS, Reading, Terms, normal, read, self_declared
from app.value.money import ZERO, to_decimal

from .valuing import ValueAtRisk, value_at_risk

OPTION_KINDS = {
    "keep": "keep the service as it is",
    "proposed": "the proposed change",
    "alternative": "an alternative",
}
"""The options every assessment compares, at least."""


class Assessment:
    """One assessment as a plain mapping (:mod:`.document`), with the parameters in force."""

    def __init__(self, document: Mapping[str, Any], params: Mapping[str, float]) -> None:
        self.document = document
        self.params = params
        self.groups = mappings(document.get("groups"))
        self.options = mappings(document.get("options"))

    @cached_property
    def value(self) -> ValueAtRisk:
        """The value at risk, through the value account."""
        return value_at_risk(self.document)

    @cached_property
    def annual_cost(self) -> Any:
        """The service's annual cost as a Decimal, or None when it is not known."""
        cost = (self.document.get("service") or {}).get("annual_cost")
        return None if cost is None else to_decimal(cost)

    @cached_property
    def tier(self) -> str:
        """The annual cost against the tier thresholds; standard when the cost is unknown."""
        if self.annual_cost is None:
            return "standard"
        if self.annual_cost >= to_decimal(self.params["tier_full_from"]):
            return TIERS[2]
        if self.annual_cost >= to_decimal(self.params["tier_standard_from"]):
            return TIERS[1]
        return TIERS[0]

    @cached_property
    def terms(self) -> Terms:
        """What the assessment names: its groups, the outcomes they lose and its options."""
        texts: dict[str, list[str]] = {}
        for index, group in enumerate(self.groups):
            texts[f"stakeholder:{index}"] = [str(group.get("name") or "")]
            texts[f"outcome:{index}"] = [str(group.get("outcome") or "")]
        for index, option in enumerate(self.options):
            texts[f"option:{index}"] = [str(option.get("name") or "")]
        return Terms.build(texts)

    @cached_property
    def judged(self) -> tuple[str, ...]:
        """Every judged text of the assessment, as :func:`normal` gives it."""
        texts = [
            self.document.get("saving_argument"),
            (self.document.get("equality") or {}).get("analysis"),
            self.document.get("transition"),
        ]
        for group in self.groups:
            texts.append((group.get("consultation") or {}).get("said"))
            texts.append((group.get("mitigation") or {}).get("description"))
        return tuple(normal(text) for text in texts if filled(text))

    def reading(self, text: object) -> Reading:
        """One judged text read against the assessment's terms and its other texts."""
        others = [other for other in self.judged if filled(text) and other != normal(str(text))]
        return read(text, self.terms, others, self.params["max_repetition_share"])

    def state(self, text: object, shows) -> str:
        """missing, self_declared, unsupported (it does not show what it must) or evidenced."""
        reading = self.reading(text)
        if not reading.given:
            return "missing"
        if self_declared(reading):
            return "self_declared"
        return "evidenced" if shows(reading) else "unsupported"

    @cached_property
    def as_of(self) -> dt.date | None:
        """The day consultation must be done by: the decision's, or the day of the check."""
        given = self.document.get("as_of")
        return dt.date.fromisoformat(given) if isinstance(given, str) else None


class AffectedGroup:
    """One stakeholder group the change affects, with its assessment."""

    def __init__(self, assessment: Assessment, index: int, raw: Mapping[str, Any]) -> None:
        self.assessment = assessment
        self.index = index
        self.raw = raw
        self.consultation = self.raw.get("consultation") or {}
        self.mitigation = self.raw.get("mitigation") or {}

    @property
    def tier(self) -> str:
        """The assessment's tier."""
        return self.assessment.tier


def _names_who_or_how_much(reading: Reading) -> bool:
    return bool(reading.figures) or reading.mentions_any("stakeholder", "outcome")


def _names_groups(reading: Reading) -> bool:
    return reading.mentions_any("stakeholder", "characteristic")


def _says_something(_reading: Reading) -> bool:
    return True


# the assessment as a whole


@fact("bool", DECOMMISSIONING, "the service's annual cost is known",
      "what the service costs a year, from its published baseline or the assessment",
      false="the service's annual cost is not known", example=True)  # fmt: skip
def assessment_cost_known(assessment: Assessment) -> bool:
    """the baseline's `annual_cost`, or the one the assessment gives"""
    return assessment.annual_cost is not None


@fact("count", DECOMMISSIONING, "the number of affected groups",
      "stakeholder groups the change affects", example=2)  # fmt: skip
def assessment_group_count(assessment: Assessment) -> int:
    """groups with a name"""
    return sum(filled(group.get("name")) for group in assessment.groups)


@fact("money", DECOMMISSIONING, "the value at risk",
      "the present value the change puts at risk, before mitigation", example=150000)  # fmt: skip
def assessment_value_at_risk(assessment: Assessment) -> object:
    """the value account's present value of every group's lost outcome"""
    return assessment.value.total


@fact("money", DECOMMISSIONING, "the value still at risk after mitigation",
      "the value at risk less what each group's mitigation saves", example=60000)  # fmt: skip
def assessment_residual_value_at_risk(assessment: Assessment) -> object:
    """each group's value at risk times one less its mitigation `share`, summed"""
    return assessment.value.residual


@fact("money", DECOMMISSIONING, "the saving",
      "the present value of the annual saving over the years the loss lasts",
      example=90000)  # fmt: skip
def assessment_saving(assessment: Assessment) -> object:
    """`change.annual_saving` a year over the longest loss's duration, discounted by the value
    account"""
    return assessment.value.saving


@fact("bool", DECOMMISSIONING, "the saving covers the value still at risk",
      "the saving is at least the value still lost after mitigation",
      false="the saving is smaller than the value still at risk", example=True)  # fmt: skip
def assessment_saving_covers_loss(assessment: Assessment) -> bool:
    """`assessment_saving` is at least `assessment_residual_value_at_risk`"""
    return assessment.value.net >= ZERO


@fact("enum", DECOMMISSIONING, "the case for the saving despite the loss",
      "why the change should go ahead although it destroys more than it saves",
      values=TEXT_STATES, example="evidenced")  # fmt: skip
def assessment_saving_argument(assessment: Assessment) -> str:
    """`saving_argument` judged on substance: it names the groups or outcomes, or gives a
    figure"""
    return assessment.state(assessment.document.get("saving_argument"), _names_who_or_how_much)


@fact("count", DECOMMISSIONING, "the number of options considered",
      "options compared, each named", example=3)  # fmt: skip
def assessment_option_count(assessment: Assessment) -> int:
    """options with a name"""
    return sum(filled(option.get("name")) for option in assessment.options)


@fact("count", DECOMMISSIONING, "the number of required options missing",
      "of keeping the service as it is, the proposed change and an alternative",
      example=0)  # fmt: skip
def assessment_options_missing(assessment: Assessment) -> int:
    """kinds of `OPTION_KINDS` no named option has"""
    return len(_missing_options(assessment))


@fact("text", DECOMMISSIONING, "the options missing", "the required options not considered",
      example="")  # fmt: skip
def assessment_options_missing_names(assessment: Assessment) -> str:
    """the missing kinds in words"""
    return listing([OPTION_KINDS[kind] for kind in _missing_options(assessment)])


def _missing_options(assessment: Assessment) -> list[str]:
    given = {option.get("kind") for option in assessment.options if filled(option.get("name"))}
    return [kind for kind in OPTION_KINDS if kind not in given]


@fact("count", DECOMMISSIONING, "the number of options without a cost or a value",
      "options named without an annual cost or the value they keep", example=0)  # fmt: skip
def assessment_options_uncosted(assessment: Assessment) -> int:
    """named options missing `annual_cost` or `value`"""
    return len(_uncosted(assessment))


@fact("text", DECOMMISSIONING, "the options without a cost or a value",
      "their names", example="")  # fmt: skip
def assessment_options_uncosted_names(assessment: Assessment) -> str:
    """the names of the options counted by `assessment_options_uncosted`"""
    return listing([str(option["name"]).strip() for option in _uncosted(assessment)])


def _uncosted(assessment: Assessment) -> list[dict]:
    return [
        option
        for option in assessment.options
        if filled(option.get("name"))
        and (option.get("annual_cost") is None or option.get("value") is None)
    ]


@fact("enum", DECOMMISSIONING, "the equality analysis",
      "the effects on people with protected characteristics (Equality Act 2010 s.149)",
      values=TEXT_STATES, example="evidenced")  # fmt: skip
def assessment_equality(assessment: Assessment) -> str:
    """`equality.analysis` judged on substance: it names the affected groups or protected
    characteristics"""
    analysis = (assessment.document.get("equality") or {}).get("analysis")
    return assessment.state(analysis, _names_groups)


@fact("count", DECOMMISSIONING, "the number of protected characteristics affected",
      "characteristics of the Equality Act 2010 s.4 the assessment says are affected",
      example=2)  # fmt: skip
def assessment_characteristic_count(assessment: Assessment) -> int:
    """`equality.characteristics` that are characteristics of the Act"""
    listed = (assessment.document.get("equality") or {}).get("characteristics") or []
    return len({key for key in listed if key in CHARACTERISTICS})


@fact("bool", DECOMMISSIONING, "staff are affected",
      "people employed in the service could transfer or lose their jobs",
      false="no staff are affected", example=False)  # fmt: skip
def assessment_staff_affected(assessment: Assessment) -> bool:
    """`staff_affected` is true"""
    return assessment.document.get("staff_affected") is True


@fact("bool", DECOMMISSIONING, "care is affected",
      "people receive care that must continue without a break",
      false="no care is affected", example=False)  # fmt: skip
def assessment_care_affected(assessment: Assessment) -> bool:
    """`care_affected` is true"""
    return assessment.document.get("care_affected") is True


@fact("enum", DECOMMISSIONING, "the transition plan",
      "how staff transfer and care continues through the change", values=TEXT_STATES,
      example="evidenced")  # fmt: skip
def assessment_transition(assessment: Assessment) -> str:
    """`transition` judged on substance: it names something of the assessment or gives a
    figure"""
    return assessment.state(assessment.document.get("transition"), _says_something)


@fact("bool", DECOMMISSIONING, "the date of the change is given",
      "when the change is to take effect", false="no date is given for the change",
      example=True)  # fmt: skip
def assessment_change_date_given(assessment: Assessment) -> bool:
    """`change.when` is a date"""
    return isinstance((assessment.document.get("change") or {}).get("when"), str)


# each affected group


@fact("text", GROUP, "the group", "the group's name", example="", pointer=False)  # fmt: skip
def group_name(group: AffectedGroup) -> str:
    """the group's `name`"""
    return str(group.raw.get("name") or f"Group {group.index + 1}").strip()


@fact("money", GROUP, "the group's value at risk",
      "the present value of the outcome the group loses", example=75000)  # fmt: skip
def group_value_at_risk(group: AffectedGroup) -> object:
    """the value account's present value of the group's lost outcome"""
    return group.assessment.value.by_group[group.index]


@fact("bool", GROUP, "the group's loss is valued",
      "the lost outcome has a quantity and a financial proxy",
      false="the group's loss is not valued", example=True)  # fmt: skip
def group_valued(group: AffectedGroup) -> bool:
    """`quantity` and `proxy.value` both above 0, with an `outcome`"""
    proxy = group.raw.get("proxy") or {}
    return (
        filled(group.raw.get("outcome"))
        and to_decimal(group.raw.get("quantity")) > 0
        and to_decimal(proxy.get("value")) > 0
    )


@fact("bool", GROUP, "the group's proxy comes from the library",
      "the financial proxy is an entry of the proxy library, with its source",
      false="the group's proxy is not from the library", example=True)  # fmt: skip
def group_proxy_sourced(group: AffectedGroup) -> bool:
    """`proxy.library_id` and `proxy.source` are given"""
    proxy = group.raw.get("proxy") or {}
    return filled(proxy.get("library_id")) and filled(proxy.get("source"))


@fact("bool", GROUP, "deadweight or attribution is stated",
      "what would have happened anyway, or others' part, is allowed for",
      false="neither deadweight nor attribution is stated", example=True)  # fmt: skip
def group_impact_stated(group: AffectedGroup) -> bool:
    """`deadweight` or `attribution` is above 0"""
    return any(to_decimal(group.raw.get(name)) > 0 for name in ("deadweight", "attribution"))


@fact("bool", GROUP, "the group was consulted",
      "how the group was consulted is recorded", false="the group was not consulted",
      example=True)  # fmt: skip
def group_consulted(group: AffectedGroup) -> bool:
    """`consultation.method` is given"""
    return filled(group.consultation.get("method"))


@fact("bool", GROUP, "the group was consulted before the decision",
      "the consultation's date is on or before the decision (or today, before one)",
      false="the group was not consulted before the decision", example=True)  # fmt: skip
def group_consulted_in_time(group: AffectedGroup) -> bool:
    """`consultation.date` is on or before `as_of`"""
    when, as_of = group.consultation.get("date"), group.assessment.as_of
    if not isinstance(when, str) or as_of is None:
        return False
    return dt.date.fromisoformat(when) <= as_of


@fact("count", GROUP, "the number consulted", "how many of the group took part",
      example=12)  # fmt: skip
def group_consulted_number(group: AffectedGroup) -> int:
    """`consultation.number`; 0 when not given"""
    number = group.consultation.get("number")
    return number if isinstance(number, int) and not isinstance(number, bool) else 0


@fact("enum", GROUP, "what the group said", "the consultation's findings for the group",
      values=TEXT_STATES, example="evidenced")  # fmt: skip
def group_said(group: AffectedGroup) -> str:
    """`consultation.said` judged on substance"""
    return group.assessment.state(group.consultation.get("said"), _says_something)


@fact("enum", GROUP, "the group's mitigation",
      "what will reduce the group's loss", values=TEXT_STATES, example="evidenced")  # fmt: skip
def group_mitigation(group: AffectedGroup) -> str:
    """`mitigation.description` judged on substance"""
    return group.assessment.state(group.mitigation.get("description"), _says_something)


@fact("share", GROUP, "the share of the loss mitigation saves",
      "how much of the group's value at risk the mitigation is expected to keep",
      example=0.5)  # fmt: skip
def group_mitigation_share(group: AffectedGroup) -> object:
    """`mitigation.share`; 0 when not given"""
    return to_decimal(group.mitigation.get("share"))
