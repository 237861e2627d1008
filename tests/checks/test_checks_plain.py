"""The rules for people, in plain Python: values, tiers, areas, conditions, titles and search."""

import re

from app.checks.catalogue import AREA_NAMES
from app.checks.conditions import parse_condition
from app.checks.plain import condition_sentence, scope_sentence, show_value, tier_phrase
from app.checks.rules_page import entry, for_people, rule_anchor, search, sections, thresholds
from app.checks.titles import rule_title
from app.checks.vocabulary import FACTS


def test_money_is_written_in_pounds_with_thousands() -> None:
    assert show_value(100000, "money") == "£100,000"
    assert show_value(1_000_000, "money") == "£1,000,000"
    assert show_value(0, "money") == "£0"


def test_shares_are_written_as_percentages() -> None:
    assert show_value(0.2, "share") == "20%"
    assert show_value(0.035, "share") == "3.5%"
    assert show_value(1, "share") == "100%"


def test_counts_have_thousands_and_ratios_read_as_so_much_to_one() -> None:
    assert show_value(500, "count") == "500"
    assert show_value(12500, "count") == "12,500"
    assert show_value(10, "ratio") == "10:1"
    assert show_value(1.5, "ratio") == "1.5:1"


def test_tiers_read_in_order_whatever_order_they_come_in() -> None:
    assert tier_phrase(("full", "light", "standard")) == "every tier"
    assert tier_phrase(("full", "standard")) == "the standard and full tiers"
    assert tier_phrase(("full",)) == "the full tier"
    assert tier_phrase(("full", "light"), "or") == "the light or full tier"


def test_scope_names_the_kind_of_submission_and_the_item() -> None:
    assert scope_sentence(("challenge", "propose"), ("light", "standard", "full"), None) == (
        "Every submission at every tier"
    )
    assert scope_sentence(("challenge",), ("full",), "outcome") == (
        "Right-to-challenge submissions at the full tier, for each outcome"
    )


def test_conditions_format_money_shares_counts_and_tiers_for_people(rulebook) -> None:
    params = rulebook.parameters
    ratio = {"fact": "sroi_ratio", "gt": {"param": "plausible_max_ratio"}}
    assert condition_sentence(parse_condition(ratio, "proposal", params)) == (
        "the SROI ratio is more than 10:1 (the plausible maximum)"
    )
    share = {"fact": "pbr_share", "gte": {"param": "pbr_high_share"}}
    assert condition_sentence(parse_condition(share, "proposal", params)) == (
        "the payment-by-results share is at least 50% (the high payment-by-results share)"
    )
    money = {"fact": "contract_value", "gte": 100000}
    assert condition_sentence(parse_condition(money, "proposal", params)) == (
        "the total contract value is at least £100,000"
    )
    count = {"fact": "option_count", "lt": 2}
    assert condition_sentence(parse_condition(count, "proposal", params)) == (
        "the number of options appraised is fewer than 2"
    )
    tier = {"fact": "tier", "in": ["light", "full"]}
    assert condition_sentence(parse_condition(tier, "proposal", params)) == (
        "the case is at the light or full tier"
    )
    verdict = {"fact": "incremental_verdict", "is": "less_value_for_less_money"}
    assert condition_sentence(parse_condition(verdict, "proposal", params)).endswith(
        "is less value for less money"
    )


def test_no_rule_reads_with_a_fact_name_or_a_bare_number_of_a_kind(rulebook) -> None:
    names = {name for name in FACTS if "_" in name}
    for rule in rulebook.rules:
        shown = entry(rule)
        words = " ".join((shown.title, shown.applies, shown.condition))
        assert not names & set(re.findall(r"[a-z_]+", words)), rule.id
        assert "`" not in words and rule.id not in words
        assert not re.search(r"\d (money|share|count|ratio)\b", words), rule.id


def test_every_rule_has_a_title_that_is_not_its_id(rulebook) -> None:
    for rule in rulebook.rules:
        title = rule_title(rule.id)
        slug = rule.id.partition(".")[2]
        assert title[0].isupper() and "." not in title and slug not in title, rule.id


def test_an_unknown_rule_is_titled_from_its_id_in_words() -> None:
    assert rule_title("vfm.pbr-missing-something") == "Payment by results missing something"


def test_anchors_come_from_the_rule_id_and_are_unique(rulebook) -> None:
    assert rule_anchor("claims.no-deadweight-or-attribution") == (
        "rule-claims-no-deadweight-or-attribution"
    )
    anchors = [rule_anchor(rule.id) for rule in rulebook.rules]
    assert len(set(anchors)) == len(anchors)
    assert all(re.fullmatch(r"rule-[a-z0-9-]+", anchor) for anchor in anchors)


def test_sections_follow_the_areas_and_group_rules_by_tier(rulebook) -> None:
    entries = [entry(rule) for rule in rulebook.rules]
    found = sections(entries)
    assert [section.name for section in found] == [
        name for key, name in AREA_NAMES.items() if any(e.area == key for e in entries)
    ]
    assert sum(section.count for section in found) == len(entries)
    claims = next(section for section in found if section.key == "claims")
    assert claims.groups[0].heading == "At every tier"
    assert claims.groups[0].anchor == "claims-every-tier"
    headings = {group.heading for section in found for group in section.groups}
    assert "At the standard and full tiers" in headings and "At the full tier" in headings


def test_search_keeps_rules_with_every_word_and_ignores_junk(rulebook) -> None:
    entries = [entry(rule) for rule in rulebook.rules]
    assert len(search(entries, "")) == len(entries)
    assert len(search(entries, "  !!! ")) == len(entries)
    found = search(entries, "Drop-off")
    assert found and all("drop" in e.text() and "off" in e.text() for e in found)
    assert search(entries, "deadweight attribution")[0].title == (
        "Deadweight and attribution not allowed for"
    )
    assert search(entries, "zebra crossing") == []
    assert search(entries, "\x00<script>" * 100) == []


def test_thresholds_are_written_for_people(rulebook) -> None:
    shown = {t.name: t for t in thresholds(rulebook.parameters)}
    assert shown["Standard tier threshold"].value == "£100,000"
    assert shown["Full tier threshold"].value == "£1,000,000"
    assert shown["High payment-by-results share"].value == "50%"
    assert shown["Plausible maximum"].value == "10:1"
    for threshold in shown.values():
        assert "`" not in threshold.description and "fact" not in threshold.description


def test_notes_for_developers_are_left_out_of_a_description() -> None:
    text = "The threshold for a tier. Used in deriving the `tier` fact. It is dated."
    assert for_people(text) == "The threshold for a tier. It is dated."
