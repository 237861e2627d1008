"""Facts of the stakeholder groups: counted on the proposal, and one fact per group."""

from __future__ import annotations

from app.checks.case import Case, Item
from app.checks.declare import PROPOSAL, STAKEHOLDER, fact
from app.checks.fields import distinct_filled, filled, is_number, listed, listing
from app.checks.outcome_facts import STAKEHOLDER_TYPES, involved
from app.checks.substance import read, substantive

LATER_STAGES = {"outcomes", "valuation", "verification"}
LOSING = ("negative", "mixed")


@fact("count", PROPOSAL, "the number of stakeholder groups", "groups listed", example=5)
def stakeholder_count(case: Case) -> int:
    """length of `stakeholders`"""
    return len(case.groups)


@fact("count", PROPOSAL, "the number of negatively affected groups",
      "groups expected to lose something", example=1)  # fmt: skip
def negative_stakeholder_count(case: Case) -> int:
    """stakeholders with `effect` negative or mixed"""
    return sum(g.get("effect") in LOSING for g in case.groups)


@fact("count", PROPOSAL, "the number of groups involved in valuation",
      "groups who helped value outcomes", example=2)  # fmt: skip
def involved_in_valuation_count(case: Case) -> int:
    """stakeholders with `valuation` in their involvement stages"""
    return sum("valuation" in _stages(g) for g in case.groups)


@fact("count", PROPOSAL, "the number of groups involved in verification",
      "groups who help verify the results", example=1)  # fmt: skip
def involved_in_verification_count(case: Case) -> int:
    """stakeholders with `verification` in their involvement stages"""
    return sum("verification" in _stages(g) for g in case.groups)


@fact("count", PROPOSAL, "the number of groups who set the objectives",
      "stakeholders who helped set the objectives", example=3)  # fmt: skip
def objectives_set_with_count(case: Case) -> int:
    """distinct ids in `need.objectives_set_with`"""
    return len({i for i in listed(case.need.get("objectives_set_with")) if isinstance(i, str)})


@fact("count", PROPOSAL, "the number of public bodies named",
      "public bodies whose budgets or outcomes the service touches", example=2)  # fmt: skip
def public_bodies_count(case: Case) -> int:
    """distinct non-blank names in `service.public_bodies`"""
    return distinct_filled(listed(case.service.get("public_bodies")))


@fact("count", PROPOSAL, "the number of groups named as affected by decommissioning",
      "groups who would lose from stopping today's service", example=2)  # fmt: skip
def decommissioning_stakeholder_count(case: Case) -> int:
    """distinct ids in `decommissioning.stakeholders_affected`"""
    return len(_decommissioning_ids(case))


@fact("count", PROPOSAL, "the number of losing groups decommissioning leaves out",
      "groups shown as losing something whom decommissioning does not name",
      example=0)  # fmt: skip
def decommissioning_unreconciled_count(case: Case) -> int:
    """groups with `effect` negative or mixed, not excluded as immaterial, that
    `decommissioning.stakeholders_affected` does not name"""
    return len(_unreconciled(case))


@fact("text", PROPOSAL, "the losing groups decommissioning leaves out", "their names",
      example="none")  # fmt: skip
def decommissioning_unreconciled(case: Case) -> str:
    """their names"""
    return listing(_unreconciled(case))


def _unreconciled(case: Case) -> list[str]:
    named = _decommissioning_ids(case)
    return [
        _name(group)
        for group in case.groups
        if group.get("effect") in LOSING
        and group.get("material") is not False
        and group.get("id") not in named
    ]


def _decommissioning_ids(case: Case) -> set[str]:
    affected = case.section("decommissioning").get("stakeholders_affected")
    return {i for i in listed(affected) if isinstance(i, str)}


@fact("text", STAKEHOLDER, "the group's name", "the group's name", example="Young carers")
def stakeholder_name(item: Item) -> str:
    """`name`, else `id`"""
    return _name(item.item)


@fact("enum", STAKEHOLDER, "the group's type",
      "people, an organisation, a public body, society or the environment",
      values=STAKEHOLDER_TYPES, example="people")  # fmt: skip
def stakeholder_type(item: Item) -> str:
    """`type`; `unknown` when null"""
    found = item.item.get("type")
    return found if found in STAKEHOLDER_TYPES else "unknown"


@fact("enum", STAKEHOLDER, "the group's expected change", "the change the group experiences",
      values=("positive", "negative", "mixed", "none", "unknown"), example="positive")  # fmt: skip
def stakeholder_effect(item: Item) -> str:
    """`effect`; `unknown` when null"""
    effect = item.item.get("effect")
    return effect if effect in ("positive", "negative", "mixed", "none") else "unknown"


@fact("bool", STAKEHOLDER, "the group is material", "included in the analysis as material",
      false="the group is not marked material", example=True)  # fmt: skip
def stakeholder_material(item: Item) -> bool:
    """`material` is true"""
    return item.item.get("material") is True


@fact("bool", STAKEHOLDER, "the group is excluded as not material",
      "left out of the analysis as not material", false="the group is not excluded",
      example=False)  # fmt: skip
def stakeholder_excluded(item: Item) -> bool:
    """`material` is false (not null)"""
    return item.item.get("material") is False


@fact("bool", STAKEHOLDER, "the materiality judgement has a reason",
      "why the group is or is not material", false="the materiality judgement has no reason",
      example=True)  # fmt: skip
def stakeholder_has_materiality_reason(item: Item) -> bool:
    """`materiality_reason` says something: two or more different meaningful words and no
    repetition"""
    return substantive(read(item.item.get("materiality_reason")))


@fact("count", STAKEHOLDER, "the group's size", "how many people or organisations", example=400)
def stakeholder_size(item: Item) -> int:
    """`size`; 0 when null"""
    size = item.item.get("size")
    return size if isinstance(size, int) and not isinstance(size, bool) and size > 0 else 0


@fact("bool", STAKEHOLDER, "the group's size is given", "whether the size is stated",
      false="the group's size is not given", example=True)  # fmt: skip
def stakeholder_size_known(item: Item) -> bool:
    """`size` is a number"""
    return is_number(item.item.get("size"))


@fact("count", STAKEHOLDER, "the number of sub-groups",
      "distinct sub-groups that experience different change", example=2)  # fmt: skip
def stakeholder_subgroup_count(item: Item) -> int:
    """non-blank `subgroups`"""
    return sum(map(filled, listed(item.item.get("subgroups"))))


@fact("count", STAKEHOLDER, "the number of people involved",
      "how many of the group were involved", example=20)  # fmt: skip
def stakeholder_people_involved(item: Item) -> int:
    """`involvement.people`; 0 when null"""
    people = item.part("involvement").get("people")
    return people if isinstance(people, int) and not isinstance(people, bool) and people > 0 else 0


@fact("count", STAKEHOLDER, "the number of involvement methods", "how they were involved",
      example=1)  # fmt: skip
def stakeholder_method_count(item: Item) -> int:
    """length of `involvement.methods`"""
    return len(listed(item.part("involvement").get("methods")))


@fact("bool", STAKEHOLDER, "the group was involved", "the group took part in the analysis",
      false="the group was never involved", example=True)  # fmt: skip
def stakeholder_involved(item: Item) -> bool:
    """`involvement.people` > 0 and at least one method"""
    return involved(item.item)


@fact("bool", STAKEHOLDER, "the group was involved beyond scoping",
      "involvement in outcomes, valuation or verification",
      false="the group was involved only at scoping, if at all", example=True)  # fmt: skip
def stakeholder_involved_beyond_scoping(item: Item) -> bool:
    """`involvement.stages` has a stage other than scoping"""
    return bool(_stages(item.item) & LATER_STAGES)


@fact("count", STAKEHOLDER, "the number of the group's outcomes",
      "outcomes the group experiences", example=1)  # fmt: skip
def stakeholder_outcome_count(item: Item) -> int:
    """outcomes whose `stakeholder` is this group"""
    ident = item.item.get("id")
    return sum(o.get("stakeholder") == ident for o in item.case.outcomes) if ident else 0


def _stages(group: dict) -> set:
    involvement = group.get("involvement") if isinstance(group.get("involvement"), dict) else {}
    return {s for s in listed(involvement.get("stages")) if isinstance(s, str)}


def _name(group: dict) -> str:
    name = group.get("name")
    return name.strip() if filled(name) else str(group.get("id") or "a stakeholder group")
