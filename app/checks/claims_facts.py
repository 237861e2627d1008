"""Facts of the claims a case makes: its value account and how robust it is, the evidence it
cites, the judgements it writes down, text that declares rather than shows, and value counted
twice or not at all."""

from __future__ import annotations

import re

from app.checks.case import Case
from app.checks.declare import PROPOSAL, fact
from app.checks.fields import filled, is_number, listing, same_name
from app.checks.outcome_facts import named_outcome
from app.checks.texts import self_declared_texts
from app.value.incremental import VERDICTS
from app.value.money import format_pounds

GREEN_BOOK_RATE = 0.035
HEALTH_RATE = 0.015
_HEALTH = re.compile(r"\b(health\w*|wellbeing|well-being|qaly|qalys|wellby|wellbys)\b", re.I)


@fact("bool", PROPOSAL, "there is an SROI ratio", "the value account has a ratio",
      false="there is no SROI ratio", example=True)  # fmt: skip
def has_sroi_ratio(case: Case) -> bool:
    """investment above 0"""
    return case.account.sroi_ratio is not None


@fact("ratio", PROPOSAL, "the SROI ratio", "present value over investment", example=1.6)
def sroi_ratio(case: Case) -> object:
    """value account `sroi_ratio`; 0 when there is none"""
    return case.account.sroi_ratio or 0


@fact("money", PROPOSAL, "the present value", "discounted value of all outcomes",
      example=1100000)  # fmt: skip
def present_value(case: Case) -> object:
    """value account `present_value`"""
    return case.account.present_value


@fact("money", PROPOSAL, "the investment", "all inputs, volunteer time and in-kind too",
      example=700000)  # fmt: skip
def investment(case: Case) -> object:
    """value account `investment`"""
    return case.account.investment


@fact("ratio", PROPOSAL, "the lowest ratio under sensitivity",
      "the lowest SROI ratio in the sensitivity table", example=1.2)  # fmt: skip
def sensitivity_min_ratio(case: Case) -> object:
    """the lowest ratio of `compute_sensitivity`'s table (every assumption changed in turn,
    every quantity and each outcome's quantity cut), at every tier; 0 when there is none"""
    return min(_ratios(case), default=0)


@fact("bool", PROPOSAL, "the ratio stays above 1 under every sensitivity",
      "every sensitivity row keeps the ratio above 1:1",
      false="the ratio falls to 1 or below under some sensitivity", example=True)  # fmt: skip
def sensitivity_stays_above_one(case: Case) -> bool:
    """every ratio of the table is above 1; false when there is none"""
    ratios = _ratios(case)
    return bool(ratios) and all(ratio > 1 for ratio in ratios)


def _ratios(case: Case) -> list:
    return [row.sroi_ratio for row in case.sensitivity.rows if row.sroi_ratio is not None]


@fact("share", PROPOSAL, "the largest outcome's share of value",
      "how much of the value created one outcome carries", example=0.45)  # fmt: skip
def largest_outcome_share(case: Case) -> object:
    """`compute_sensitivity`'s concentration: the largest outcome's present value over the
    positive outcomes' present value; 0 when nothing creates value"""
    return case.sensitivity.concentration.largest_outcome_share or 0


@fact("text", PROPOSAL, "the largest outcome", "the outcome carrying most value",
      example="“Young carers feel less isolated”")  # fmt: skip
def largest_outcome_name(case: Case) -> str:
    """its description, quoted; 'none' when no outcome creates value"""
    wanted = case.sensitivity.concentration.outcome_id
    for index, outcome in enumerate(case.outcomes):
        if wanted and outcome.get("id") == wanted:
            return named_outcome(outcome, index)
    return "none"


@fact("text", PROPOSAL, "the largest outcome's switching value",
      "the proxy at which the case falls to 1:1",
      example="£1,150 a unit, against £2,400")  # fmt: skip
def largest_outcome_switching(case: Case) -> str:
    """the largest outcome's switching proxy against its proxy (`compute_sensitivity`), or
    why it has none"""
    sensitivity = case.sensitivity
    found = next(
        (s for s in sensitivity.switching if s.outcome_id == sensitivity.concentration.outcome_id),
        None,
    )
    if found is None:
        return "none"
    if found.switching_proxy is None:
        return (found.note or "none").rstrip(".")
    return f"{format_pounds(found.switching_proxy)} a unit, against {format_pounds(found.proxy)}"


@fact("enum", PROPOSAL, "the difference the proposal makes over today's service",
      "for a challenge, its value and cost against today's service",
      values=(*VERDICTS, "none"), example="more_value_for_more_money")  # fmt: skip
def incremental_verdict(case: Case) -> str:
    """`incremental_account`'s verdict; `none` for a proposal, or a challenge with no status
    quo option with quantities and an annual cost"""
    return case.incremental.verdict if case.incremental else "none"


@fact("text", PROPOSAL, "the difference over today's service, in words",
      "the incremental account's summary", example="none")  # fmt: skip
def incremental_summary(case: Case) -> str:
    """`incremental_account`'s summary; 'none' when there is none"""
    return case.incremental.summary if case.incremental else "none"


@fact("count", PROPOSAL, "the number of evidence items", "evidence items listed", example=4)
def evidence_count(case: Case) -> int:
    """length of `evidence`"""
    return len(case.evidence)


@fact("count", PROPOSAL, "the number of evidence items without a figure or a source",
      "claims resting on no figure or no source", example=0)  # fmt: skip
def evidence_incomplete_count(case: Case) -> int:
    """evidence items without a figure (a number in `figure`) or without a source (a `title`
    with a `publisher` or `url`)"""
    return len(case.unsourced)


@fact("text", PROPOSAL, "the evidence items without a figure or a source",
      "their ids", example="none")  # fmt: skip
def evidence_incomplete(case: Case) -> str:
    """their ids"""
    return listing([str(item.get("id") or "an unnamed item") for item in case.unsourced])


@fact("count", PROPOSAL, "the number of documented judgements", "judgements written down",
      example=3)  # fmt: skip
def judgement_count(case: Case) -> int:
    """length of `judgements`"""
    return len(case.judgements)


@fact("count", PROPOSAL, "the number of judgements without a rationale",
      "judgements that give no reason", example=0)  # fmt: skip
def judgements_without_rationale_count(case: Case) -> int:
    """judgements with a blank `rationale`"""
    return sum(not filled(j.get("rationale")) for j in case.judgements)


@fact("count", PROPOSAL, "the number of self-declared texts",
      "texts that repeat themselves or say nothing about this case", example=0)  # fmt: skip
def self_declared_count(case: Case) -> int:
    """judged texts other than the four Es (decommissioning, equalities, payment-by-results
    safeguards, learning, the expression of interest) that repeat themselves, or name none of
    the case's stakeholders, outcomes, evidence, options or inputs and give no figure (the
    four Es are judged by the value-for-money rules)"""
    return len(self_declared_texts(case, with_four_es=False))


@fact("text", PROPOSAL, "the self-declared texts", "which texts are self-declared",
      example="none")  # fmt: skip
def self_declared_fields(case: Case) -> str:
    """their names, in document order"""
    return listing([judged.name for judged in self_declared_texts(case, with_four_es=False)])


@fact("text", PROPOSAL, "where the first self-declared text is",
      "the JSON Pointer of the first self-declared text", example="/decommissioning",
      pointer=True)  # fmt: skip
def self_declared_path(case: Case) -> str:
    """the first one's JSON Pointer; `/decommissioning` when none"""
    found = self_declared_texts(case, with_four_es=False)
    return found[0].pointer if found else "/decommissioning"


@fact("count", PROPOSAL, "the number of savings counted as outcomes too",
      "savings whose change is also valued as a fiscal outcome for the same body",
      example=0)  # fmt: skip
def double_counted_savings_count(case: Case) -> int:
    """savings whose `outcome` carries a fiscal proxy value and is experienced by the public
    body (a stakeholder of type public_body named as the saving's `body`)"""
    return len(_double_counted(case))


@fact("text", PROPOSAL, "the savings counted twice", "the savings and their outcomes",
      example="none")  # fmt: skip
def double_counted_savings(case: Case) -> str:
    """'saving (outcome)' for each"""
    return listing(_double_counted(case))


def _double_counted(case: Case) -> list[str]:
    found = []
    for saving in case.savings:
        position = case.outcome_by_id.get(saving.get("outcome"))
        if position is None or not case.valued[position]:
            continue
        outcome = case.outcomes[position]
        proxy = outcome.get("proxy") if isinstance(outcome.get("proxy"), dict) else {}
        group = case.group_by_id.get(outcome.get("stakeholder")) or {}
        body = group.get("public_body") or group.get("name")
        fiscal = proxy.get("kind") == "fiscal" and group.get("type") == "public_body"
        if fiscal and same_name(body, saving.get("body")):
            found.append(f"{saving.get('description') or saving.get('body')} ({outcome['id']})")
    return found


@fact("count", PROPOSAL, "the number of transfer payments counted in value",
      "benefits or tax moved between people and the state, valued as an outcome",
      example=0)  # fmt: skip
def transfer_in_value_count(case: Case) -> int:
    """savings marked `transfer` whose `outcome` carries a proxy value"""
    return sum(
        s.get("transfer") is True
        and (position := case.outcome_by_id.get(s.get("outcome"))) is not None
        and case.valued[position]
        for s in case.savings
    )


@fact("bool", PROPOSAL, "proxies of different price years are not uprated",
      "valued outcomes priced in different years, not brought to one",
      false="the proxies share one price year", example=False)  # fmt: skip
def proxy_price_years_mixed(case: Case) -> bool:
    """`price_year_findings` finds valued proxies at more than one price year (a calendar
    year and the financial year it begins counting as one)"""
    return case.price_years["mixed"] is True


@fact("text", PROPOSAL, "the proxies' price years", "the price years in use", example="2024")
def proxy_price_years(case: Case) -> str:
    """the price years, in order"""
    return listing(case.price_years["years"])


@fact("share", PROPOSAL, "the discount rate", "the annual discount rate", example=0.035)
def discount_rate(case: Case) -> float:
    """`discount_rate`; 0.035 when absent"""
    rate = case.document.get("discount_rate")
    return rate if is_number(rate) else GREEN_BOOK_RATE


@fact("bool", PROPOSAL, "the discount rate needs a reason",
      "a rate other than the Green Book's 3.5% (1.5% for health and wellbeing values)",
      false="the discount rate is the Green Book's", example=False)  # fmt: skip
def discount_rate_unusual(case: Case) -> bool:
    """`discount_rate` is neither 0.035 nor, where an outcome or proxy speaks of health or
    wellbeing, 0.015"""
    rate = discount_rate(case)
    if rate == GREEN_BOOK_RATE:
        return False
    return not (rate == HEALTH_RATE and _values_health(case))


def _values_health(case: Case) -> bool:
    for outcome in case.outcomes:
        proxy = outcome.get("proxy") if isinstance(outcome.get("proxy"), dict) else {}
        text = " ".join(str(v) for v in (outcome.get("description"), proxy.get("description")))
        if _HEALTH.search(text):
            return True
    return False


@fact("bool", PROPOSAL, "why the discount rate differs is given", "the reason for the rate",
      false="nothing says why the discount rate differs", example=False)  # fmt: skip
def discount_rate_reason_given(case: Case) -> bool:
    """`discount_rate_reason` is not blank"""
    return filled(case.document.get("discount_rate_reason"))


@fact("bool", PROPOSAL, "the commissioner's transparency gap",
      "the body withheld today's cost from a challenger", false="no transparency gap",
      example=False)  # fmt: skip
def transparency_gap(case: Case) -> bool:
    """a challenge whose `service.current_cost_withheld` is documented and whose
    `current_annual_cost` is null"""
    withheld = case.service.get("current_cost_withheld")
    withheld = withheld if isinstance(withheld, dict) else {}
    return (
        case.kind == "challenge"
        and withheld.get("withheld") is True
        and filled(withheld.get("note"))
        and not is_number(case.service.get("current_annual_cost"))
    )
