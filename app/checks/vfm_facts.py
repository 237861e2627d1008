"""Value-for-money facts: the four Es judged on substance, need and options, costs and savings.

Each of the four Es is a judged text (:mod:`app.checks.texts`): economy must cite a cost
figure, efficiency relate inputs to outputs, effectiveness name the case's outcomes and equity
name groups.
"""

from __future__ import annotations

from app.checks.case import Case
from app.checks.declare import PROPOSAL, TEXT_STATES, fact
from app.checks.fields import filled, is_number, listed, listing, mappings, same_name
from app.checks.substance import read, substantive

FOUR_ES = ("economy", "efficiency", "effectiveness", "equity")
_MUST_SHOW = {
    "economy": "a cost figure",
    "efficiency": "a cost per unit of output",
    "effectiveness": "the case's own outcomes",
    "equity": "the groups who gain or lose",
}
_LACKS = {
    "economy": "no cost figure",
    "efficiency": "no cost per unit of output",
    "effectiveness": "none of the case's own outcomes named",
    "equity": "no group named, of its stakeholders or by protected characteristic",
}


def _e_fact(e: str):
    """Declare the fact that says how one of the four Es stands."""

    def derive(case: Case) -> str:
        return case.text_state(f"vfm_{e}")

    derive.__name__ = f"vfm_{e}"
    derive.__doc__ = (
        f"`vfm.{e}` judged as a text: missing, self_declared (it repeats itself, or names "
        f"nothing of its case and gives no figure), unsupported (it refers to the case but "
        f"shows no {_MUST_SHOW[e]}) or evidenced"
    )
    return fact("enum", PROPOSAL, e, f"the case on {e}", values=TEXT_STATES,
                example="evidenced")(derive)  # fmt: skip


for _e in FOUR_ES:
    _e_fact(_e)


@fact("count", PROPOSAL, "the number of the four Es evidenced",
      "how many of economy, efficiency, effectiveness and equity are evidenced",
      example=4)  # fmt: skip
def vfm_es_evidenced(case: Case) -> int:
    """count of the four `vfm_*` facts that are evidenced"""
    return sum(case.text_state(f"vfm_{e}") == "evidenced" for e in FOUR_ES)


_PROBLEM = {"missing": "not given", "self_declared": "self-declared, not evidenced"}


@fact("text", PROPOSAL, "the Es not evidenced, in words", "the Es not evidenced, and why",
      example="none")  # fmt: skip
def vfm_es_missing(case: Case) -> str:
    """e.g. 'economy (self-declared, not evidenced) and equity (not given)'; 'none' when all
    four are evidenced"""
    return listing([f"{e} ({_problem(case, e)})" for e in FOUR_ES if _problem(case, e)])


def _problem(case: Case, e: str) -> str:
    """What one of the four Es lacks, in words; empty when it is evidenced."""
    state = case.text_state(f"vfm_{e}")
    if state == "unsupported":
        return _LACKS[e]
    return _PROBLEM.get(state, "")


def _problem_fact(e: str) -> None:
    """Declare the label saying what one of the four Es lacks."""

    def derive(case: Case) -> str:
        return _problem(case, e) or "nothing"

    derive.__name__ = f"vfm_{e}_problem"
    derive.__doc__ = f"what `vfm_{e}` lacks, in words; 'nothing' when it is evidenced"
    fact("text", PROPOSAL, f"what the {e} case lacks", f"what the {e} case lacks",
         example="nothing")(derive)  # fmt: skip


for _e in FOUR_ES:
    _problem_fact(_e)


@fact("count", PROPOSAL, "the number of objectives", "objectives stated", example=3)
def objectives_count(case: Case) -> int:
    """non-blank items of `need.objectives`"""
    return sum(map(filled, listed(case.need.get("objectives"))))


@fact("bool", PROPOSAL, "the need cites evidence", "evidence items the need rests on",
      false="the need cites no evidence with a figure and a source", example=True)  # fmt: skip
def need_cites_evidence(case: Case) -> bool:
    """`need.evidence_ids` cites an evidence item with a figure and a source"""
    return any(case.sourced(item) for item in case.cited(case.need.get("evidence_ids")))


@fact("count", PROPOSAL, "the number of options appraised", "options appraised", example=3)
def option_count(case: Case) -> int:
    """length of `need.options`"""
    return len(case.options)


@fact("bool", PROPOSAL, "a do-minimum option is appraised",
      "options include doing the minimum or today's service",
      false="no do-minimum option is appraised", example=True)  # fmt: skip
def has_minimum_option(case: Case) -> bool:
    """an option's `kind` is `do_minimum` or `status_quo`"""
    return any(o.get("kind") in ("do_minimum", "status_quo") for o in case.options)


@fact("bool", PROPOSAL, "today's service is appraised as an option",
      "the counterfactual of a challenge: today's service as an option",
      false="today's service is not appraised as an option", example=True)  # fmt: skip
def has_status_quo_option(case: Case) -> bool:
    """an option's `kind` is `status_quo`, with an `annual_cost` and `quantities`"""
    return any(
        o.get("kind") == "status_quo"
        and is_number(o.get("annual_cost"))
        and isinstance(o.get("quantities"), list)
        for o in case.options
    )


@fact("count", PROPOSAL, "the number of options missing a part",
      "options without a description, kind, cost or value", example=0)  # fmt: skip
def options_incomplete_count(case: Case) -> int:
    """options lacking any of `description`, `kind`, `annual_cost` and `quantities` (the
    option's own value account, which the checks ask of every option at the standard and full
    tiers)"""
    return sum(bool(_option_gaps(o)) for o in case.options)


@fact("text", PROPOSAL, "the options missing a part", "each incomplete option and its gaps",
      example="none")  # fmt: skip
def options_incomplete(case: Case) -> str:
    """e.g. 'Do nothing (no description, no kind)'"""
    return listing(
        [
            f"{o.get('name') or 'an unnamed option'} ({', '.join(_option_gaps(o))})"
            for o in case.options
            if _option_gaps(o)
        ]
    )


def _option_gaps(option: dict) -> list[str]:
    gaps = []
    if not filled(option.get("description")):
        gaps.append("no description")
    if option.get("kind") not in ("status_quo", "do_minimum", "proposal", "other"):
        gaps.append("no kind")
    if not is_number(option.get("annual_cost")):
        gaps.append("no annual cost")
    if not mappings(option.get("quantities")):
        gaps.append("no quantities")
    return gaps


@fact("money", PROPOSAL, "the value of volunteer time", "volunteer time counted as an input",
      example=80000)  # fmt: skip
def volunteer_time_value(case: Case) -> object:
    """value account investment of type volunteer_time"""
    return case.account.investment_by_type.get("volunteer_time", 0)


@fact("money", PROPOSAL, "the value of in-kind input", "in-kind input counted", example=9000)
def in_kind_value(case: Case) -> object:
    """value account investment of type in_kind"""
    return case.account.investment_by_type.get("in_kind", 0)


@fact("bool", PROPOSAL, "the case relies on volunteers", "volunteers are part of the service",
      false="the case does not mention volunteers", example=True)  # fmt: skip
def volunteers_mentioned(case: Case) -> bool:
    """'volunteer' appears in the summary, service description, the four Es, stakeholder
    names or input descriptions"""
    parts = [case.document.get("summary"), case.service.get("description")]
    parts += [case.section("vfm").get(e) for e in FOUR_ES]
    parts += [p for g in case.groups for p in (g.get("id"), g.get("name"))]
    parts += [i.get("description") for i in case.items("inputs")]
    return "volunteer" in " ".join(p for p in parts if isinstance(p, str)).lower()


@fact("count", PROPOSAL, "the number of volunteer inputs with hours at £0",
      "volunteer hours given but valued at nothing", example=0)  # fmt: skip
def volunteer_hours_unvalued_count(case: Case) -> int:
    """inputs of type volunteer_time with `hours` above 0 and no `value` above 0"""
    return sum(
        i.get("type") == "volunteer_time"
        and is_number(i.get("hours"))
        and i["hours"] > 0
        and not (is_number(i.get("value")) and i["value"] > 0)
        for i in case.items("inputs")
    )


@fact("count", PROPOSAL, "the number of savings", "savings to public bodies listed", example=3)
def savings_count(case: Case) -> int:
    """length of `savings`"""
    return len(case.savings)


@fact("money", PROPOSAL, "the cashable savings", "real changes in money over the savings' years",
      example=90000)  # fmt: skip
def cashable_savings_total(case: Case) -> object:
    """value account `cashable_total`"""
    return case.account.savings.cashable_total


@fact("money", PROPOSAL, "the non-cashable savings",
      "freed capacity and other savings that are not money", example=138000)  # fmt: skip
def non_cashable_savings_total(case: Case) -> object:
    """value account `non_cashable_total`"""
    return case.account.savings.non_cashable_total


@fact("count", PROPOSAL, "the number of savings to other public bodies",
      "savings to bodies other than the commissioner", example=1)  # fmt: skip
def other_body_savings_count(case: Case) -> int:
    """savings whose `body` differs from `commissioner` (ignoring case)"""
    commissioner = case.document.get("commissioner")
    return sum(
        filled(s.get("body")) and not same_name(s["body"], commissioner) for s in case.savings
    )


@fact("count", PROPOSAL, "the number of savings outlasting the contract without a reason",
      "savings claimed beyond the contract term with no reason given", example=0)  # fmt: skip
def savings_beyond_term_unexplained_count(case: Case) -> int:
    """savings whose `years` is above `contract.duration_years` and whose `years_reason` says
    nothing (fewer than two different meaningful words)"""
    term = case.contract_years
    return sum(
        term is not None
        and is_number(s.get("years"))
        and s["years"] > term
        and not substantive(read(s.get("years_reason")))
        for s in case.savings
    )
