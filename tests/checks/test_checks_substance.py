"""Texts judged on substance: reference to the case, repetition and figures, never length."""

import pytest

from app.checks.substance import (
    Terms,
    figures,
    meaningful,
    read,
    relates_rates,
    self_declared,
    stem,
    substantive,
)

TERMS = Terms.build(
    {
        "stakeholder:young-carers": ["young-carers", "Young carers", "aged 8 to 12"],
        "stakeholder:council-staff": ["council-staff", "Council staff in the in-house service"],
        "stakeholder:schools": ["schools", "Schools"],
        "outcome:attendance": ["attendance", "Young carers attend school more"],
        "outcome:less-isolated": ["less-isolated", "Young carers feel less isolated"],
        "input:0": ["Volunteer time at the national living wage"],
    }
)


@pytest.mark.parametrize(
    "text",
    [
        "We will deliver very good value.",
        "Nothing of value will be lost.",
        "Everyone will benefit equally.",
        "We are committed to excellent, high quality, innovative services for the community.",
        "We will deliver very good value. We will deliver very good value.",
    ],
)
def test_filler_is_self_declared(text) -> None:
    assert self_declared(read(text, TERMS))


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("Young carers miss less school.", {"stakeholder:young-carers"}),
        ("Council staff keep their roles for a year.", {"stakeholder:council-staff"}),
        ("Attendance rises for those we support.", {"outcome:attendance"}),
        (
            "Older and disabled residents come first.",
            {"characteristic:age", "characteristic:disability"},
        ),
    ],
)
def test_a_text_naming_the_case_refers_to_it(text, mentions) -> None:
    reading = read(text, TERMS)
    assert mentions <= reading.mentions
    assert not self_declared(reading)


def test_a_figure_alone_refers_to_the_case() -> None:
    reading = read("The annual price is £30,000 below today's.", TERMS)
    assert reading.figures == ("£30,000",) and not self_declared(reading)


def test_a_year_is_not_a_figure() -> None:
    assert figures("In 2024 we began.") == ()
    assert figures("Costs fell 38% from £923 to £500 in 2024.") == ("38%", "£923", "£500")


def test_length_alone_never_passes() -> None:
    long_filler = " ".join(["We will deliver very good value for the community."] * 20)
    assert self_declared(read(long_filler, TERMS))


def test_repetition_is_self_declared_even_when_it_names_the_case() -> None:
    repeated = "Young carers benefit. Young carers benefit."
    assert read(repeated, TERMS).repeated and self_declared(read(repeated, TERMS))
    churn = "carers carers carers carers schools schools schools schools"
    assert read(churn, TERMS).repetition > 0.5 and self_declared(read(churn, TERMS))


def test_a_text_copied_from_another_field_repeats() -> None:
    text = "Young carers attend school more often."
    other = "young carers attend school more often"
    assert read(text, TERMS, others={other}).repeated
    assert not read(text, TERMS, others={"something else"}).repeated


def test_a_short_text_that_says_something_is_not_self_declared() -> None:
    assert not self_declared(read("Young carers: £500 each.", TERMS))


def test_a_stem_every_thing_of_a_kind_shares_picks_none_out() -> None:
    terms = Terms.build(
        {
            "stakeholder:a": ["Anytown Borough Council"],
            "stakeholder:b": ["Anytown NHS Foundation Trust"],
            "stakeholder:c": ["Anytown schools"],
        }
    )
    assert not read("Anytown will gain.", terms).mentions
    assert read("The NHS trust will gain.", terms).mentions == {"stakeholder:b"}


def test_rates_relate_inputs_to_outputs() -> None:
    assert relates_rates("£500 per young carer a year")
    assert relates_rates("£45 a session")
    assert relates_rates("a unit cost of £12")
    assert not relates_rates("We spend £500,000 on the service.")


def test_a_reason_says_something_without_naming_the_case() -> None:
    assert substantive(read("The evidence is weak and the amount small."))
    assert not substantive(read("Not material."))
    assert not substantive(read("No. No."))
    assert not substantive(read(""))


def test_stems_meet_across_plurals_and_possessives() -> None:
    assert stem("carers") == stem("carer") == "carer"
    assert stem("Parents'") != "" and stem("communities") == "community"
    assert meaningful("Young carers' schools") == ("young", "carer", "school")


def test_nothing_given_is_not_self_declared_but_missing() -> None:
    reading = read(None, TERMS)
    assert not reading.given and not self_declared(reading)
    assert not read("   ", TERMS).given
